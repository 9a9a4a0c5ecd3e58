import { sqlState } from '@/db/client';

/**
 * A refusal by one of the database's integrity rules: a unique key (23505), an exclusion
 * constraint such as "no tutor in two lessons at once" (23P01), a foreign key (23503) or a
 * check, including a trigger that raises check_violation with a constraint name (23514).
 */
export type DbConflict = {
  sqlState: '23505' | '23P01' | '23503' | '23514';
  /** The constraint's name: the contract between a migration and the sentence a person reads. */
  constraint: string;
  /** PostgreSQL's DETAIL, e.g. `Key (tutor_id, during)=(…) conflicts with existing key (…)=(…)`. */
  detail?: string;
};

const CONFLICT_STATES = new Set<string>(['23505', '23P01', '23503', '23514']);

/**
 * The conflict behind an error, or undefined for any other error. Drizzle wraps the driver's
 * error in `cause`; postgres.js names the constraint `constraint_name`, PGlite `constraint`.
 */
export function dbConflictOf(err: unknown): DbConflict | undefined {
  const state = sqlState(err);
  if (!state || !CONFLICT_STATES.has(state)) return undefined;
  for (let e: unknown = err, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const fields = e as { constraint_name?: unknown; constraint?: unknown; detail?: unknown };
    const constraint = fields.constraint_name ?? fields.constraint;
    if (typeof constraint === 'string' && constraint) {
      return { sqlState: state as DbConflict['sqlState'], constraint, detail: typeof fields.detail === 'string' ? fields.detail : undefined };
    }
  }
  return { sqlState: state as DbConflict['sqlState'], constraint: '' };
}

/**
 * The values of the existing row an exclusion or unique constraint collided with, from the
 * DETAIL text: `… conflicts with existing key (school_id, tutor_id, during)=(a, b, ["…","…"))`
 * or `Key (school_id, name)=(a, Sala 2) already exists.` Answers `{ column: value }`, or
 * undefined when the detail has no such key. Values are as PostgreSQL printed them.
 */
export function conflictingKey(detail: string | undefined): Record<string, string> | undefined {
  if (!detail) return undefined;
  const match = detail.match(/existing key \(([^)]*)\)=\((.*)\)\.?$/s) ?? detail.match(/^Key \(([^)]*)\)=\((.*)\) already exists\.?$/s);
  if (!match) return undefined;
  const columns = match[1].split(',').map((c) => c.trim());
  const values = splitKeyValues(match[2]);
  if (values.length !== columns.length) return undefined;
  return Object.fromEntries(columns.map((c, i) => [c, values[i]]));
}

/** Splits `a, b, ["x","y")` on the commas that separate values, not those inside a range. */
function splitKeyValues(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quoted = false;
  let current = '';
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '[' || ch === '(')) depth++;
    else if (!quoted && (ch === ']' || ch === ')')) depth--;
    if (ch === ',' && depth === 0 && !quoted) {
      out.push(current.trim());
      current = '';
    } else current += ch;
  }
  out.push(current.trim());
  return out;
}

/** `["2026-12-01 15:00:00+00","2026-12-01 16:00:00+00")` → the two instants. */
export function rangeBounds(value: string | undefined): { start: Date; end: Date } | undefined {
  const match = value?.match(/^[[(]"?([^",]+)"?,"?([^",\])]+)"?[\])]$/);
  if (!match) return undefined;
  const start = new Date(match[1].replace(' ', 'T').replace(/([+-]\d\d)$/, '$1:00'));
  const end = new Date(match[2].replace(' ', 'T').replace(/([+-]\d\d)$/, '$1:00'));
  return Number.isNaN(start.getTime()) || Number.isNaN(end.getTime()) ? undefined : { start, end };
}
