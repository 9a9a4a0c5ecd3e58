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
  (t) => [
    index('audit_log_school_created_idx').on(t.schoolId, t.createdAt),
    index('audit_log_entity_idx').on(t.entityType, t.entityId),
  ],
);

export type AuditEntry = typeof auditLog.$inferSelect;
