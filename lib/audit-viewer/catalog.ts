import pl from '@/messages/pl.audit.json';

/**
 * Every action the code writes to the audit trail, as `group.verb`. The Polish catalog's
 * `actions` is the list (the English one has the same keys, a unit test keeps both languages'
 * keys equal); `catalog.test.ts` scans the source for audit writes and fails when one is
 * missing here, so a new action cannot ship without its words.
 */
export const AUDIT_ACTIONS: readonly string[] = Object.entries(pl.actions).flatMap(([group, verbs]) => Object.keys(verbs).map((verb) => `${group}.${verb}`));

/** The action groups in catalog order ("lesson", "student", …): the filter offers "all of a group". */
export const AUDIT_GROUPS: readonly string[] = Object.keys(pl.actions);

/** Entity types the viewer knows by name; others are shown as they are stored. */
export const AUDIT_ENTITY_TYPES: readonly string[] = Object.keys(pl.entities);

export function isAuditAction(value: string): boolean {
  return AUDIT_ACTIONS.includes(value);
}

/**
 * The actions an action filter means: one action, or a whole group written `lesson.*`.
 * Unknown values mean nothing (null), so a hand-edited URL never widens the search.
 */
export function actionsOf(filter: string): string[] | null {
  if (filter.endsWith('.*')) {
    const group = filter.slice(0, -2);
    if (!AUDIT_GROUPS.includes(group)) return null;
    return AUDIT_ACTIONS.filter((a) => a.startsWith(`${group}.`));
  }
  return isAuditAction(filter) ? [filter] : null;
}
