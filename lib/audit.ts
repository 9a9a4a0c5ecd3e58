import 'server-only';
import { auditLog } from '@/db/schema';
import type { Role } from '@/db/schema';
import type { Queryable } from '@/lib/db';
import type { RequestMeta } from '@/lib/auth/request-meta';

export type AuditActor = { userId: string | null; role: Role | null; schoolId: string | null } & RequestMeta;

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
