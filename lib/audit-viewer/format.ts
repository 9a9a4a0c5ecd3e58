/**
 * Pure shaping of audit rows for reading: which fields changed, and each value as a typed
 * piece the page formats in the reader's language and the school's time zone. No I/O: the
 * names of the ids come in from the batched lookups in `queries.ts`.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;
const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Fields holding an amount in grosze. */
const MONEY_FIELDS = new Set(['amount', 'gross', 'net', 'vat', 'paid', 'due', 'total', 'credit', 'balance', 'price', 'rate', 'per60', 'individualPer60', 'groupPer60', 'ratePer60', 'amountMinor', 'unitPrice']);
/** Fields holding one of a fixed set of words (a status, a kind), shown through the catalog's `values`. */
const ENUM_FIELDS = new Set(['status', 'kind', 'level', 'levels', 'access', 'role', 'method', 'billingType', 'reason']);

export function isUuidText(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/** A resolved id: what a reader calls it, and the page it has, when it has one. */
export type RefName = { label: string; href?: string | null };
export type Names = ReadonlyMap<string, RefName>;

export type AuditValue =
  | { kind: 'empty' }
  | { kind: 'text'; text: string }
  | { kind: 'number'; value: number }
  | { kind: 'money'; grosze: number }
  | { kind: 'bool'; value: boolean }
  | { kind: 'instant'; iso: string }
  | { kind: 'date'; date: string }
  | { kind: 'enum'; value: string }
  | { kind: 'ref'; id: string; label: string; href: string | null }
  | { kind: 'list'; items: AuditValue[] };

export type AuditChange = { field: string; old: AuditValue; new: AuditValue };

/** Every uuid anywhere in a jsonb value (keys and nested objects included): what to look up. */
export function collectUuids(value: unknown, into: Set<string> = new Set()): Set<string> {
  if (isUuidText(value)) into.add(value.toLowerCase());
  else if (Array.isArray(value)) for (const v of value) collectUuids(v, into);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) collectUuids(v, into);
  return into;
}

/** A value for reading: typed by its shape and its field's name; ids become their names. */
export function toValue(field: string, raw: unknown, names: Names): AuditValue {
  if (raw === null || raw === undefined || raw === '') return { kind: 'empty' };
  if (typeof raw === 'boolean') return { kind: 'bool', value: raw };
  if (typeof raw === 'number') return MONEY_FIELDS.has(field) && Number.isInteger(raw) ? { kind: 'money', grosze: raw } : { kind: 'number', value: raw };
  if (typeof raw === 'string') {
    if (isUuidText(raw)) {
      const name = names.get(raw.toLowerCase());
      return name ? { kind: 'ref', id: raw, label: name.label, href: name.href ?? null } : { kind: 'text', text: raw };
    }
    if (INSTANT.test(raw) && !Number.isNaN(Date.parse(raw))) return { kind: 'instant', iso: raw };
    if (CALENDAR_DATE.test(raw)) return { kind: 'date', date: raw };
    if (ENUM_FIELDS.has(field) && /^[a-z_]+$/.test(raw)) return { kind: 'enum', value: raw };
    return { kind: 'text', text: raw };
  }
  if (Array.isArray(raw)) {
    if (raw.length === 0) return { kind: 'empty' };
    if (raw.every((v) => v === null || typeof v !== 'object')) return { kind: 'list', items: raw.map((v) => toValue(field, v, names)) };
  }
  return { kind: 'text', text: compactJson(raw, names) };
}

/** Nested objects as short JSON, with every id inside replaced by its name. */
function compactJson(raw: unknown, names: Names): string {
  return JSON.stringify(raw, (_key, v) => (isUuidText(v) ? (names.get(v.toLowerCase())?.label ?? v) : v));
}

const FIELD_ORDER = ['firstName', 'lastName', 'name', 'start', 'end', 'firstDay', 'lastDay', 'fromDate', 'lastDate', 'status'];
const rank = (field: string) => (FIELD_ORDER.includes(field) ? FIELD_ORDER.indexOf(field) : FIELD_ORDER.length);

function isRecord(value: unknown): value is Record<string, unknown> {
  return Boolean(value) && typeof value === 'object' && !Array.isArray(value);
}

/** `{ field: { old, new } }`, as `diff()` in lib/audit.ts writes it into `after`. */
function isDiffShape(value: Record<string, unknown>): value is Record<string, { old: unknown; new: unknown }> {
  const entries = Object.values(value);
  return entries.length > 0 && entries.every((v) => isRecord(v) && Object.keys(v).length === 2 && 'old' in v && 'new' in v);
}

/**
 * The changed fields of one entry, in the order they were written. Three shapes are stored:
 * snapshots before and after (the fields whose values differ, plus those only one side has),
 * a `diff()` in `after` with nothing before, and a creation (`after` only) or removal (`before`
 * only), whose fields all show.
 */
export function changesOf(before: unknown, after: unknown, names: Names): AuditChange[] {
  const raw: { field: string; old: unknown; new: unknown }[] = [];
  const b = before ?? null;
  const a = after ?? null;
  if (b === null && isRecord(a) && isDiffShape(a)) {
    for (const [field, v] of Object.entries(a)) raw.push({ field, old: v.old, new: v.new });
  } else if (isRecord(b) || isRecord(a)) {
    const bo = isRecord(b) ? b : {};
    const ao = isRecord(a) ? a : {};
    const fields = [...new Set([...Object.keys(bo), ...Object.keys(ao)])];
    for (const field of fields) {
      if (b !== null && a !== null && JSON.stringify(bo[field]) === JSON.stringify(ao[field])) continue;
      raw.push({ field, old: bo[field], new: ao[field] });
    }
  } else if (b !== null || a !== null) {
    if (JSON.stringify(b) !== JSON.stringify(a)) raw.push({ field: 'value', old: b, new: a });
  }
  // jsonb keeps keys in its own order (shortest first): a few read better in a fixed one.
  raw.sort((x, y) => rank(x.field) - rank(y.field));
  return raw.map((c) => ({ field: c.field, old: toValue(c.field, c.old, names), new: toValue(c.field, c.new, names) }));
}
