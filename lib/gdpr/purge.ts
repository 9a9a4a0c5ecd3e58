import 'server-only';
import { and, eq, inArray, isNotNull, isNull, lt, ne, or, sql } from 'drizzle-orm';
import { auditLog, emailOutbox, invoiceLines, invoices, type School } from '@/db/schema';
import { runAudited } from '@/lib/audited';
import type { Database } from '@/lib/db';
import { todayIn } from '@/lib/time';
import { ANONYMOUS_NAME, shortId } from './kinds';
import { allowAuditRedaction } from './retention';

export type RetentionCounts = { auditIps: number; outboxBodies: number; invoiceBuyers: number };

const DAY_MS = 86_400_000;

/**
 * The school's data-retention rules as of `at` (the daily `data-retention` job):
 * - audit entries older than `audit_ip_retention_days` lose their IP address and browser
 *   (through the audit trail's redaction exception; the entry itself stays);
 * - sent emails older than `outbox_body_retention_days` lose their text (address, subject and
 *   status stay, so "was it sent?" can still be answered);
 * - invoices of an erased payer whose tax retention ended (`buyer_retained_until` before the
 *   school's today) lose the buyer's data and the names on their lines.
 * Idempotent: only rows that still hold something are touched, so a second run finds nothing,
 * and a run with nothing to do writes nothing (not even an audit entry).
 */
export async function purgeExpiredData(db: Database, school: School, at: Date): Promise<RetentionCounts> {
  const ipBefore = new Date(at.getTime() - school.auditIpRetentionDays * DAY_MS);
  const bodyBefore = new Date(at.getTime() - school.outboxBodyRetentionDays * DAY_MS);
  const today = todayIn(school.timeZone, at);
  const auditWhere = and(eq(auditLog.schoolId, school.id), lt(auditLog.createdAt, ipBefore), or(isNotNull(auditLog.ip), isNotNull(auditLog.userAgent)));
  const outboxWhere = and(eq(emailOutbox.schoolId, school.id), lt(emailOutbox.createdAt, bodyBefore), or(ne(emailOutbox.html, ''), ne(emailOutbox.text, '')));
  const invoiceWhere = and(eq(invoices.schoolId, school.id), isNotNull(invoices.buyerRetainedUntil), lt(invoices.buyerRetainedUntil, today), isNull(invoices.buyerPurgedAt));

  const count = async (q: Promise<{ n: number }[]>) => (await q)[0]?.n ?? 0;
  const pending =
    (await count(db.select({ n: sql<number>`count(*)::int` }).from(auditLog).where(auditWhere))) +
    (await count(db.select({ n: sql<number>`count(*)::int` }).from(emailOutbox).where(outboxWhere))) +
    (await count(db.select({ n: sql<number>`count(*)::int` }).from(invoices).where(invoiceWhere)));
  if (pending === 0) return { auditIps: 0, outboxBodies: 0, invoiceBuyers: 0 };

  return runAudited({ system: 'data-retention', schoolId: school.id }, async (tx, audit) => {
    await allowAuditRedaction(tx);
    const ips = await tx.update(auditLog).set({ ip: null, userAgent: null }).where(auditWhere).returning({ id: auditLog.id });
    const bodies = await tx.update(emailOutbox).set({ html: '', text: '' }).where(outboxWhere).returning({ id: emailOutbox.id });
    const due = await tx.select({ id: invoices.id, payerKey: invoices.payerKey }).from(invoices).where(invoiceWhere).for('update');
    for (const inv of due) {
      await tx
        .update(invoices)
        .set({ buyer: { name: `${ANONYMOUS_NAME} ${shortId(inv.payerKey)}`, address: null, nip: null, email: null }, buyerPurgedAt: at })
        .where(eq(invoices.id, inv.id));
    }
    if (due.length) {
      await tx
        .update(invoiceLines)
        .set({ facts: null, description: sql`case when ${invoiceLines.kind} = 'lesson' then 'Lekcja' when ${invoiceLines.kind} = 'late_cancellation' then 'Późne odwołanie' else 'Pozycja faktury' end` })
        .where(inArray(invoiceLines.invoiceId, due.map((d) => d.id)));
    }
    const counts = { auditIps: ips.length, outboxBodies: bodies.length, invoiceBuyers: due.length };
    await audit({ action: 'gdpr.retention', entityType: 'school', entityId: school.id, after: { ...counts, ipBefore: ipBefore.toISOString(), bodyBefore: bodyBefore.toISOString(), today } });
    return counts;
  });
}
