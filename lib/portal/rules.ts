/**
 * The family portal's small rules, pure: which child a page is about, and which homework a
 * student should see first.
 */

/** The child `requested` (a URL value) among `children`, else the first; undefined when there are none. */
export function pickChild<T extends { id: string }>(children: readonly T[], requested: string | string[] | undefined): T | undefined {
  const id = Array.isArray(requested) ? requested[0] : requested;
  return (id && children.find((c) => c.id === id.toLowerCase())) || children[0];
}

/**
 * The homework to put first on a student's page: the one set in their most recent lesson
 * that had any (entries come newest first). Undefined when none of them had homework.
 */
export function latestHomework<T extends { homework: string | null }>(entries: readonly T[]): (T & { homework: string }) | undefined {
  return entries.find((e): e is T & { homework: string } => Boolean(e.homework?.trim()));
}

/**
 * How a switcher names each child: siblings share a surname, so by first name, and in full
 * only when two of them share a first name too. Same order as given.
 */
export function childLabels(children: readonly { firstName: string; lastName: string }[]): string[] {
  return children.map((c) => (children.filter((o) => o.firstName === c.firstName).length > 1 ? `${c.firstName} ${c.lastName}` : c.firstName));
}
