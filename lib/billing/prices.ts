import 'server-only';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { studentPrices, students, studentSubjects, subjectPrices, subjects } from '@/db/schema';
import type { Audit } from '@/lib/audited';
import { can } from '@/lib/auth/permissions';
import type { Viewer } from '@/lib/auth/viewer';
import { getDb, type Queryable, type Tx } from '@/lib/db';
import { polishOrder } from '@/lib/db/sql';
import { AppError } from '@/lib/errors';
import type { Grosze } from '@/lib/money';
import { isUuid } from '@/lib/students/queries';

/**
 * Prices: what the school charges per 60 minutes of a subject (one-to-one, and per student in a
 * group), and a student's own price for a subject that overrides both. Billing (plan.ts) reads
 * them when it prices a month; an issued invoice keeps the price it was issued with, so a change
 * here shows on the next invoice only.
 *
 * The changes are domain functions over a transaction and an audit writer, so an action and a
 * job (an import, later) share them. Each locks the record it prices (the subject, the student)
 * in the school, so two saves of one price run one after the other; a record of another school
 * is NOT_FOUND. Saving what is stored changes nothing and audits nothing (`changed: false`).
 */

export type SubjectPriceValues = { individualPer60: Grosze; groupPer60: Grosze | null };
export type PriceChange<T> = { changed: boolean; before: T | null; after: T | null };

async function lockSubject(tx: Tx, schoolId: string, subjectId: string) {
  const [row] = await tx
    .select({ id: subjects.id, name: subjects.name })
    .from(subjects)
    .where(and(eq(subjects.id, subjectId), eq(subjects.schoolId, schoolId)))
    .for('update');
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

async function lockStudent(tx: Tx, schoolId: string, studentId: string) {
  const [row] = await tx
    .select({ id: students.id })
    .from(students)
    .where(and(eq(students.id, studentId), eq(students.schoolId, schoolId)))
    .for('update');
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

/** A subject of the school (not locked: the price row is keyed by the locked student). */
async function assertSubject(tx: Tx, schoolId: string, subjectId: string) {
  const [row] = await tx
    .select({ id: subjects.id })
    .from(subjects)
    .where(and(eq(subjects.id, subjectId), eq(subjects.schoolId, schoolId)));
  if (!row) throw new AppError('NOT_FOUND');
}

/** Sets a subject's prices per 60 minutes; audited as `price.set` with the prices before and after. */
export async function setSubjectPrice(
  tx: Tx,
  audit: Audit,
  input: { schoolId: string; subjectId: string } & SubjectPriceValues,
): Promise<PriceChange<SubjectPriceValues>> {
  await lockSubject(tx, input.schoolId, input.subjectId);
  const [current] = await tx
    .select({ individualPer60: subjectPrices.individualPer60, groupPer60: subjectPrices.groupPer60 })
    .from(subjectPrices)
    .where(eq(subjectPrices.subjectId, input.subjectId));
  const after: SubjectPriceValues = { individualPer60: input.individualPer60, groupPer60: input.groupPer60 };
  const before = current ?? null;
  if (before && before.individualPer60 === after.individualPer60 && before.groupPer60 === after.groupPer60) return { changed: false, before, after: before };
  await tx
    .insert(subjectPrices)
    .values({ schoolId: input.schoolId, subjectId: input.subjectId, ...after })
    .onConflictDoUpdate({ target: subjectPrices.subjectId, set: { ...after, updatedAt: new Date() } });
  await audit({ action: 'price.set', entityType: 'subject_price', entityId: input.subjectId, before, after });
  return { changed: true, before, after };
}

/** Removes a subject's prices: its lessons go unbilled (the billing preview lists them) until a price is set again. */
export async function clearSubjectPrice(tx: Tx, audit: Audit, input: { schoolId: string; subjectId: string }): Promise<PriceChange<SubjectPriceValues>> {
  await lockSubject(tx, input.schoolId, input.subjectId);
  const [before] = await tx
    .delete(subjectPrices)
    .where(and(eq(subjectPrices.subjectId, input.subjectId), eq(subjectPrices.schoolId, input.schoolId)))
    .returning({ individualPer60: subjectPrices.individualPer60, groupPer60: subjectPrices.groupPer60 });
  if (!before) return { changed: false, before: null, after: null };
  await audit({ action: 'price.clear', entityType: 'subject_price', entityId: input.subjectId, before, after: null });
  return { changed: true, before, after: null };
}

export type StudentPriceValues = { subjectId: string; per60: Grosze };

/** Sets a student's own price for a subject (any lesson kind); audited as `price.set` on the student. */
export async function setStudentPrice(
  tx: Tx,
  audit: Audit,
  input: { schoolId: string; studentId: string; subjectId: string; per60: Grosze },
): Promise<PriceChange<StudentPriceValues>> {
  await lockStudent(tx, input.schoolId, input.studentId);
  await assertSubject(tx, input.schoolId, input.subjectId);
  const [current] = await tx
    .select({ per60: studentPrices.per60 })
    .from(studentPrices)
    .where(and(eq(studentPrices.studentId, input.studentId), eq(studentPrices.subjectId, input.subjectId)));
  const before = current ? { subjectId: input.subjectId, per60: current.per60 } : null;
  const after = { subjectId: input.subjectId, per60: input.per60 };
  if (before && before.per60 === after.per60) return { changed: false, before, after: before };
  await tx
    .insert(studentPrices)
    .values({ schoolId: input.schoolId, studentId: input.studentId, subjectId: input.subjectId, per60: input.per60 })
    .onConflictDoUpdate({ target: [studentPrices.studentId, studentPrices.subjectId], set: { per60: input.per60, updatedAt: new Date() } });
  await audit({ action: 'price.set', entityType: 'student_price', entityId: input.studentId, before, after });
  return { changed: true, before, after };
}

/** Removes a student's own price: the school's price for the subject applies again. */
export async function clearStudentPrice(tx: Tx, audit: Audit, input: { schoolId: string; studentId: string; subjectId: string }): Promise<PriceChange<StudentPriceValues>> {
  await lockStudent(tx, input.schoolId, input.studentId);
  await assertSubject(tx, input.schoolId, input.subjectId);
  const [removed] = await tx
    .delete(studentPrices)
    .where(and(eq(studentPrices.studentId, input.studentId), eq(studentPrices.subjectId, input.subjectId), eq(studentPrices.schoolId, input.schoolId)))
    .returning({ per60: studentPrices.per60 });
  if (!removed) return { changed: false, before: null, after: null };
  const before = { subjectId: input.subjectId, per60: removed.per60 };
  await audit({ action: 'price.clear', entityType: 'student_price', entityId: input.studentId, before, after: null });
  return { changed: true, before, after: null };
}

// ---------------------------------------------------------------------------------------
// Reads for the pages

/** The prices of the given subjects of the viewer's school (what the subjects list shows), by subject id. */
export async function subjectPricesOf(viewer: Viewer, subjectIds: readonly string[], db: Queryable = getDb()): Promise<Map<string, SubjectPriceValues>> {
  const ids = subjectIds.filter(isUuid);
  if (!can(viewer.role, 'prices.manage') || ids.length === 0) return new Map();
  const rows = await db
    .select({ subjectId: subjectPrices.subjectId, individualPer60: subjectPrices.individualPer60, groupPer60: subjectPrices.groupPer60 })
    .from(subjectPrices)
    .where(and(eq(subjectPrices.schoolId, viewer.schoolId), inArray(subjectPrices.subjectId, ids)));
  return new Map(rows.map((r) => [r.subjectId, { individualPer60: r.individualPer60, groupPer60: r.groupPer60 }]));
}

export type StudentPriceRow = {
  subjectId: string;
  name: string;
  color: string;
  /** The school's price for the subject; null when none is set. */
  school: SubjectPriceValues | null;
  /** The student's own price; null when the school's applies. */
  own: Grosze | null;
  /** The student takes the subject (else it is listed because an own price is still set). */
  enrolled: boolean;
};

/**
 * A student's price list for their record page: each subject they take (and any other subject
 * they still have an own price for), the school's price and their own. Undefined for anyone who
 * may not manage prices, or for a student of another school.
 */
export async function getStudentPriceList(viewer: Viewer, studentId: string, db: Queryable = getDb()): Promise<StudentPriceRow[] | undefined> {
  if (!can(viewer.role, 'prices.manage') || !isUuid(studentId)) return undefined;
  const [student] = await db
    .select({ id: students.id })
    .from(students)
    .where(and(eq(students.id, studentId), eq(students.schoolId, viewer.schoolId)));
  if (!student) return undefined;
  const enrolled = sql<boolean>`exists (select 1 from ${studentSubjects} where ${studentSubjects.studentId} = ${studentId} and ${studentSubjects.subjectId} = ${subjects.id})`;
  const rows = await db
    .select({
      subjectId: subjects.id,
      name: subjects.name,
      color: subjects.color,
      individualPer60: subjectPrices.individualPer60,
      groupPer60: subjectPrices.groupPer60,
      own: studentPrices.per60,
      enrolled,
    })
    .from(subjects)
    .leftJoin(subjectPrices, eq(subjectPrices.subjectId, subjects.id))
    .leftJoin(studentPrices, and(eq(studentPrices.subjectId, subjects.id), eq(studentPrices.studentId, studentId)))
    .where(and(eq(subjects.schoolId, viewer.schoolId), sql`(${enrolled} or ${studentPrices.per60} is not null)`))
    .orderBy(...polishOrder(subjects.name));
  return rows.map((r) => ({
    subjectId: r.subjectId,
    name: r.name,
    color: r.color,
    school: r.individualPer60 == null ? null : { individualPer60: r.individualPer60, groupPer60: r.groupPer60 },
    own: r.own,
    enrolled: Boolean(r.enrolled),
  }));
}
