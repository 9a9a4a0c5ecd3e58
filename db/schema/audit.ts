import { sql } from 'drizzle-orm';
import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { userRole } from './accounts';

/**
 * Append-only record of every mutation and sign-in. A trigger (custom migration) rejects
 * UPDATE and DELETE, so not even the application can rewrite history.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    // No foreign keys: the trail must outlive the rows it talks about.
    schoolId: uuid(),
    actorUserId: uuid(),
    actorRole: userRole(),
    /** The job that acted when no person did ("monthly-billing", "makeup-expiry"); null for a person. */
    actorSystem: text(),
    ip: text(),
    userAgent: text(),
    action: text().notNull(),
    entityType: text().notNull(),
    entityId: text(),
    before: jsonb(),
    after: jsonb(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  // The audit viewer reads a school's entries newest first (by id), filtered by one of these;
  // bench/audit.ts and bench/RESULTS.md show which plan uses which. Every reader filters by
  // school, so the old (entity_type, entity_id) index is covered by the school's record index.
  (t) => [
    index('audit_log_school_created_idx').on(t.schoolId, t.createdAt),
    index('audit_log_school_id_idx').on(t.schoolId, t.id.desc()),
    index('audit_log_school_actor_idx').on(t.schoolId, t.actorUserId, t.id.desc()).where(sql`${t.actorUserId} is not null`),
    index('audit_log_school_system_idx').on(t.schoolId, t.actorSystem, t.id.desc()).where(sql`${t.actorSystem} is not null`),
    index('audit_log_school_entity_idx').on(t.schoolId, t.entityType, t.entityId, t.id.desc()),
    index('audit_log_school_action_idx').on(t.schoolId, t.action, t.id.desc()),
  ],
);

export type AuditEntry = typeof auditLog.$inferSelect;
