import 'server-only';
import { auditLog } from '@/db/schema';
import type { Role } from '@/db/schema';
import type { Queryable } from '@/lib/db';
import type { RequestMeta } from '@/lib/auth/request-meta';

/** Who acts: a person (user, role, request) or, for a job, no person and the job's name in `system`. */
export type AuditActor = { userId: string | null; role: Role | null; schoolId: string | null; system?: string | null } & RequestMeta;

/** A job acting for a school outside any request: `{ system: 'monthly-billing', schoolId }`. */
export type SystemActor = { system: string; schoolId: string };

/** The audit actor of a job. */
export function systemActor({ system, schoolId }: SystemActor): AuditActor {
  return { userId: null, role: null, schoolId, system, ip: null, userAgent: null };
}

export type AuditEntry = {
  action: string;
  entityType: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
  /** Defaults to the actor's school. */
  schoolId?: string | null;
};

/** Writes one audit row with `db` — pass the mutation's transaction so both commit together. */
export async function writeAudit(db: Queryable, actor: AuditActor, entry: AuditEntry) {
  await db.insert(auditLog).values({
    schoolId: entry.schoolId === undefined ? actor.schoolId : entry.schoolId,
    actorUserId: actor.userId,
    actorRole: actor.role,
    actorSystem: actor.system ?? null,
    ip: actor.ip,
    userAgent: actor.userAgent,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    before: entry.before ?? null,
    after: entry.after ?? null,
  });
}

/** `{ field: { old, new } }` for the fields that changed; what the audit page shows. */
export function diff<T extends Record<string, unknown>>(before: T, after: Partial<T>) {
  const changes: Record<string, { old: unknown; new: unknown }> = {};
  for (const key of Object.keys(after)) {
    const a = before[key];
    const b = after[key];
    if (JSON.stringify(a) !== JSON.stringify(b)) changes[key] = { old: a, new: b };
  }
  return changes;
}
