import { z } from 'zod';
import { actionsOf } from './catalog';

const first = (v: unknown) => (Array.isArray(v) ? v[0] : v === '' ? undefined : v);
/** A URL parameter that is dropped, not refused, when it is not what it should be: a hand-edited URL never errors. */
const param = <T extends z.ZodType>(schema: T) => z.preprocess(first, schema.optional()).catch(undefined);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isCalendarDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);

/**
 * The audit viewer's filters, from the URL: a person (a user's id, or `job:<name>` for a job),
 * a record (entity type and id, set by links from record pages), an action or a group of
 * actions (`lesson.*`), a date range in the school's time zone, and a keyset cursor: `before`
 * (older than this entry) or `after` (newer).
 */
export const auditFilters = z.object({
  actor: param(z.string().refine((s) => UUID.test(s) || /^job:[a-z][a-z-]{0,40}$/.test(s))),
  entityType: param(z.string().regex(/^[a-z_]{1,40}$/)),
  entityId: param(z.string().regex(/^[A-Za-z0-9:_-]{1,80}$/)),
  action: param(z.string().max(60).refine((s) => actionsOf(s) !== null)),
  from: param(z.string().refine(isCalendarDate)),
  to: param(z.string().refine(isCalendarDate)),
  before: param(z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER)),
  after: param(z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER)),
});

export type AuditFilters = z.infer<typeof auditFilters>;

/** The filters as URL parameters (no cursor): what the paging links and the form keep. */
export function auditParams(f: AuditFilters): Record<string, string | undefined> {
  return { actor: f.actor, entityType: f.entityType, entityId: f.entityId, action: f.action, from: f.from, to: f.to };
}

export function isAuditFiltered(f: AuditFilters): boolean {
  return Boolean(f.actor || f.entityType || f.entityId || f.action || f.from || f.to);
}
