import 'server-only';
import { and, asc, count, eq, gt, gte, lt, lte, ne, sql } from 'drizzle-orm';
import { lessons, makeupCredits, students, subjects, type schools } from '@/db/schema';
import { systemActor, writeAudit } from '@/lib/audit';
import type { Queryable, Tx } from '@/lib/db';
import { addCalendarDays, todayIn, zonedToInstant } from '@/lib/time';
import { approvalOutcome, creditExpiry, termOf } from './rules';

/**
 * Makeup credit steps that run inside someone else's transaction (an approval, a makeup
 * booking) or on their own with no request at all (the nightly expiry). Not a `'use server'`
 * module: nothing here is an endpoint.
 */

type School = Pick<typeof schools.$inferSelect, 'id' | 'timeZone' | 'makeupCreditDays' | 'makeupCapPerTerm'>;

/**
 * What an approved cancellation earns, and the credit when it earns one. Late → no credit.
 * In time → a credit usable through the local day `makeup_credit_days` after `at`, unless the
 * student already earned the school's cap of credits this term (counted by when they were
 * earned, whatever became of them since).
 */
export async function grantCredit(
  tx: Tx,
  school: School,
  input: { studentId: string; sourceLessonId: string; requestId: string; late: boolean; at: Date },
): Promise<{ outcome: 'credit' | 'late' | 'cap'; credit: typeof makeupCredits.$inferSelect | null }> {
  let earnedThisTerm = 0;
  if (!input.late && school.makeupCapPerTerm !== null) {
    const term = termOf(input.at, school.timeZone);
    // The student's credit rows are locked first, so two approvals at once count one after the other.
    await tx.execute(sql`select id from ${makeupCredits} where ${makeupCredits.studentId} = ${input.studentId} for update`);
    [{ n: earnedThisTerm }] = await tx
      .select({ n: count() })
      .from(makeupCredits)
      .where(and(eq(makeupCredits.schoolId, school.id), eq(makeupCredits.studentId, input.studentId), gte(makeupCredits.createdAt, term.start), lt(makeupCredits.createdAt, term.end)));
  }
  const outcome = approvalOutcome({ late: input.late, earnedThisTerm, capPerTerm: school.makeupCapPerTerm });
  if (outcome !== 'credit') return { outcome, credit: null };
  const [credit] = await tx
    .insert(makeupCredits)
    .values({
      schoolId: school.id,
      studentId: input.studentId,
      sourceLessonId: input.sourceLessonId,
      requestId: input.requestId,
      expiresAt: creditExpiry(input.at, school.makeupCreditDays, school.timeZone),
      createdAt: input.at,
    })
    .returning();
  return { outcome, credit };
}

/**
 * Marks the student's oldest open, unexpired credit as used by `lessonId` and returns it, or
 * undefined when the student has none. The row is taken with `for update skip locked` order
 * by age, so two bookings at once never use the same credit.
 */
export async function useOldestCredit(tx: Tx, input: { schoolId: string; studentId: string; lessonId: string; at: Date }) {
  const [oldest] = await tx
    .select({ id: makeupCredits.id })
    .from(makeupCredits)
    .where(
      and(
        eq(makeupCredits.schoolId, input.schoolId),
        eq(makeupCredits.studentId, input.studentId),
        eq(makeupCredits.status, 'open'),
        sql`${makeupCredits.expiresAt} > ${input.at.toISOString()}::timestamptz`,
      ),
    )
    .orderBy(asc(makeupCredits.createdAt), asc(makeupCredits.id))
    .limit(1)
    .for('update', { skipLocked: true });
  if (!oldest) return undefined;
  const [used] = await tx
    .update(makeupCredits)
    .set({ status: 'used', usedByLessonId: input.lessonId, usedAt: input.at })
    .where(and(eq(makeupCredits.id, oldest.id), eq(makeupCredits.status, 'open')))
    .returning();
  return used;
}

/** The audit actor of work nobody clicked: no user, no role, no request. */

/**
 * Expires every open credit whose time ran out by `at`, in every school, with one audit row
 * per school naming the credits. Idempotent: a second run at the same (or an earlier) time
 * finds nothing open past its expiry and changes nothing. Runs outside a request (the
 * `makeup-expiry` job); pass the database.
 */
export async function expireMakeupCredits(db: Queryable, at: Date, options: { schoolId?: string } = {}): Promise<{ expired: number; schools: number }> {
  return db.transaction(async (tx) => {
    const expired = await tx
      .update(makeupCredits)
      .set({ status: 'expired', expiredAt: at })
      .where(and(eq(makeupCredits.status, 'open'), lte(makeupCredits.expiresAt, at), options.schoolId ? eq(makeupCredits.schoolId, options.schoolId) : undefined))
      .returning({ id: makeupCredits.id, schoolId: makeupCredits.schoolId, studentId: makeupCredits.studentId });
    // Node 20 has no Map.groupBy.
    const bySchool = new Map<string, typeof expired>();
    for (const c of expired) bySchool.set(c.schoolId, [...(bySchool.get(c.schoolId) ?? []), c]);
    for (const [schoolId, credits] of bySchool) {
      await writeAudit(tx, systemActor({ system: 'makeup-expiry', schoolId }), {
        action: 'makeup.expire',
        entityType: 'makeup_credit',
        after: { at: at.toISOString(), credits: credits.map((c) => ({ id: c.id, studentId: c.studentId })) },
      });
    }
    return { expired: expired.length, schools: bySchool.size };
  });
}

export type ExpiringCredit = {
  id: string;
  studentId: string;
  studentName: string;
  expiresAt: Date;
  /** The cancelled lesson that earned it. */
  sourceSubject: string;
  sourceStart: Date;
};

/**
 * The school's open credits still usable at `at` whose last usable day is at most
 * `makeupExpiryNoticeDays` local days away (today counts as 0: with 5 days, a credit usable
 * through Friday is warned of from the Sunday before), for students who are not archived,
 * oldest expiry first. None when the school warns 0 days ahead.
 */
export async function creditsExpiringSoon(db: Queryable, school: Pick<typeof schools.$inferSelect, 'id' | 'timeZone' | 'makeupExpiryNoticeDays'>, at: Date): Promise<ExpiringCredit[]> {
  if (school.makeupExpiryNoticeDays <= 0) return [];
  // A credit's last usable day is the day before the local midnight it expires at.
  const horizon = zonedToInstant(addCalendarDays(todayIn(school.timeZone, at), school.makeupExpiryNoticeDays + 1), '00:00', school.timeZone);
  const rows = await db
    .select({
      id: makeupCredits.id,
      studentId: makeupCredits.studentId,
      firstName: students.firstName,
      lastName: students.lastName,
      expiresAt: makeupCredits.expiresAt,
      sourceSubject: subjects.name,
      source: lessons.during,
    })
    .from(makeupCredits)
    .innerJoin(students, and(eq(students.id, makeupCredits.studentId), eq(students.schoolId, school.id)))
    .innerJoin(lessons, and(eq(lessons.id, makeupCredits.sourceLessonId), eq(lessons.schoolId, school.id)))
    .innerJoin(subjects, eq(subjects.id, lessons.subjectId))
    .where(
      and(
        eq(makeupCredits.schoolId, school.id),
        eq(makeupCredits.status, 'open'),
        gt(makeupCredits.expiresAt, at),
        lte(makeupCredits.expiresAt, horizon),
        ne(students.status, 'archived'),
      ),
    )
    .orderBy(asc(makeupCredits.expiresAt), asc(makeupCredits.id));
  return rows.map(({ firstName, lastName, source, ...c }) => ({ ...c, studentName: `${firstName} ${lastName}`, sourceStart: source.start }));
}
