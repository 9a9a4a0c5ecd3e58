import { sql } from 'drizzle-orm';
import type { Queryable } from '@/lib/db';

/**
 * The last day an issued invoice must keep its buyer's data. An invoice is an accounting
 * record kept until the tax it concerns is time-barred (Ordynacja podatkowa art. 86 § 1), and
 * that is 5 years from the end of the calendar year in which the tax fell due (art. 70 § 1).
 * The tax on an invoice of year Y falls due in Y (monthly VAT and advances) or, for December's
 * VAT and the annual income-tax return, in Y + 1; counting from the later one is the safe
 * reading, so the data stays until 31 December of Y + 6 and may go from 1 January of Y + 7.
 */
export function invoiceBuyerRetainedUntil(issueDate: string): string {
  const year = Number(issueDate.slice(0, 4));
  return `${year + 6}-12-31`;
}

/**
 * Opens the audit trail's one exception for this transaction only (`set local`): the trigger of
 * migration 0021 then lets it change `before`, `after`, `ip` and `user_agent`, and nothing else;
 * deleting or truncating is still refused.
 */
export async function allowAuditRedaction(tx: Queryable) {
  await tx.execute(sql`select set_config('tutorhub.audit_redact', 'on', true)`);
}

/** A string value with every needle (case-insensitive) replaced. */
function scrubText(value: string, needles: RegExp[], replacement: string): string {
  let out = value;
  for (const re of needles) out = out.replace(re, replacement);
  return out;
}

/** Regular expressions for the person's identifying strings (names, addresses, phone), longest first. */
export function needlesOf(values: (string | null | undefined)[]): RegExp[] {
  return needleStrings(values).map((v) => new RegExp(v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'gi'));
}

/** The identifying strings worth looking for (3 characters or more), once each, longest first. */
export function needleStrings(values: (string | null | undefined)[]): string[] {
  const unique = [...new Set(values.map((v) => v?.trim()).filter((v): v is string => Boolean(v) && v!.length >= 3))];
  return unique.sort((a, b) => b.length - a.length);
}

/** An ILIKE pattern matching `value` anywhere, with its own % and _ taken literally. */
export function containsPattern(value: string): string {
  return `%${value.replace(/[%_\\]/g, '\\$&')}%`;
}

/**
 * A JSON value with the person's data taken out: strings containing a needle have it replaced,
 * and under `redactKeys` (the person's own record's fields) the value is dropped entirely.
 */
export function scrubJson(value: unknown, needles: RegExp[], replacement: string, redactKeys: ReadonlySet<string> = new Set()): unknown {
  if (typeof value === 'string') return scrubText(value, needles, replacement);
  if (Array.isArray(value)) return value.map((v) => scrubJson(v, needles, replacement, redactKeys));
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, redactKeys.has(k) && v != null ? '[usunięto]' : scrubJson(v, needles, replacement, redactKeys)]),
    );
  }
  return value;
}

export function containsNeedle(text: string, needles: RegExp[]): boolean {
  return needles.some((re) => {
    re.lastIndex = 0;
    const hit = re.test(text);
    re.lastIndex = 0;
    return hit;
  });
}
