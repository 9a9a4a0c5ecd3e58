import 'server-only';
import { and, asc, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import { lessons, lessonStudents, schools, subjects, tutorRates, tutors, tutorSubjects, type LessonKind } from '@/db/schema';
import type { Audit } from '@/lib/audited';
import { can } from '@/lib/auth/permissions';
import type { Viewer } from '@/lib/auth/viewer';
import { getDb, type Queryable, type Tx } from '@/lib/db';
import { polishOrder } from '@/lib/db/sql';
import { AppError } from '@/lib/errors';
import { proRata, type Grosze } from '@/lib/money';
import { isUuid } from '@/lib/students/queries';
import { instantToZoned, zonedToInstant } from '@/lib/time';
import { PERIOD } from './invoice-schema';
import { monthSpan } from './rules';

/**
 * Tutors' pay: a rate per 60 minutes taught, for one subject or (no subject) for everything
 * else, and the monthly statement built from it. A tutor is paid for the lessons they gave: the
 * lessons of the month marked completed, each at its length pro rata (45 minutes at 80,00 zł an
 * hour is 60,00 zł), whatever the number of students or their attendance. A planned lesson is
 * not paid yet; a cancelled one is not paid at all. A lesson with no rate to apply is listed as
 * such (it counts in the hours but not in the amount), so the office sees what to set.
 *
 * The statement prices lessons at the rates as they stand when it is read: changing a rate
 * changes the statement of a month not yet paid out, which is what the office expects while
 * it prepares the payroll.
 */

export type RateSource = 'subject' | 'general';

/** The pay for `minutes` of a lesson: the subject's rate over the general one; null when neither is set. */
export function lessonPay(minutes: number, subjectRate: Grosze | null, generalRate: Grosze | null): { per60: Grosze | null; source: RateSource | null; amount: Grosze | null } {
  const per60 = subjectRate ?? generalRate;
  if (per60 == null) return { per60: null, source: null, amount: null };
  return { per60, source: subjectRate != null ? 'subject' : 'general', amount: proRata(per60, minutes) };
}

// ---------------------------------------------------------------------------------------
// Rates

export type RateValues = { subjectId: string | null; per60: Grosze };
export type RateChange = { changed: boolean; before: RateValues | null; after: RateValues | null };

async function lockTutor(tx: Tx, schoolId: string, tutorId: string) {
  const [row] = await tx
    .select({ id: tutors.id })
    .from(tutors)
    .where(and(eq(tutors.id, tutorId), eq(tutors.schoolId, schoolId)))
    .for('update');
  if (!row) throw new AppError('NOT_FOUND');
}

async function assertSubject(tx: Tx, schoolId: string, subjectId: string | null) {
  if (subjectId == null) return;
  const [row] = await tx
    .select({ id: subjects.id })
    .from(subjects)
    .where(and(eq(subjects.id, subjectId), eq(subjects.schoolId, schoolId)));
  if (!row) throw new AppError('NOT_FOUND');
}

const rateOf = (tutorId: string, subjectId: string | null) => and(eq(tutorRates.tutorId, tutorId), subjectId ? eq(tutorRates.subjectId, subjectId) : isNull(tutorRates.subjectId));

/**
 * Sets a tutor's rate per 60 minutes, for a subject or (subjectId null) the general one. The
 * tutor's row is locked, so two saves for one tutor run one after the other. Audited as
 * `rate.set` on the tutor with the rate before and after; NOT_FOUND for a tutor or subject of
 * another school.
 */
export async function setTutorRate(tx: Tx, audit: Audit, input: { schoolId: string; tutorId: string; subjectId: string | null; per60: Grosze }): Promise<RateChange> {
  await lockTutor(tx, input.schoolId, input.tutorId);
  await assertSubject(tx, input.schoolId, input.subjectId);
  const [current] = await tx.select({ id: tutorRates.id, per60: tutorRates.per60 }).from(tutorRates).where(rateOf(input.tutorId, input.subjectId));
  const before = current ? { subjectId: input.subjectId, per60: current.per60 } : null;
  const after = { subjectId: input.subjectId, per60: input.per60 };
  if (before && before.per60 === after.per60) return { changed: false, before, after: before };
  if (current) await tx.update(tutorRates).set({ per60: input.per60, updatedAt: new Date() }).where(eq(tutorRates.id, current.id));
  else await tx.insert(tutorRates).values({ schoolId: input.schoolId, tutorId: input.tutorId, subjectId: input.subjectId, per60: input.per60 });
  await audit({ action: 'rate.set', entityType: 'tutor_rate', entityId: input.tutorId, before, after });
  return { changed: true, before, after };
}

/** Removes a tutor's rate (for a subject, or the general one); audited as `rate.clear`. */
export async function clearTutorRate(tx: Tx, audit: Audit, input: { schoolId: string; tutorId: string; subjectId: string | null }): Promise<RateChange> {
  await lockTutor(tx, input.schoolId, input.tutorId);
  await assertSubject(tx, input.schoolId, input.subjectId);
  const [removed] = await tx
    .delete(tutorRates)
    .where(and(rateOf(input.tutorId, input.subjectId), eq(tutorRates.schoolId, input.schoolId)))
    .returning({ per60: tutorRates.per60 });
  if (!removed) return { changed: false, before: null, after: null };
  const before = { subjectId: input.subjectId, per60: removed.per60 };
  await audit({ action: 'rate.clear', entityType: 'tutor_rate', entityId: input.tutorId, before, after: null });
  return { changed: true, before, after: null };
}

export type TutorRateList = {
  /** The rate for every subject without one of its own. */
  general: Grosze | null;
  /** The subjects the tutor teaches, and any other they still have a rate for. */
  subjects: { subjectId: string; name: string; color: string; per60: Grosze | null; teaches: boolean }[];
};

/** A tutor's rates for their record page; undefined for anyone who may not manage them or a tutor of another school. */
export async function getTutorRates(viewer: Viewer, tutorId: string, db: Queryable = getDb()): Promise<TutorRateList | undefined> {
  if (!can(viewer.role, 'prices.manage') || !isUuid(tutorId)) return undefined;
  const [tutor] = await db
    .select({ id: tutors.id })
    .from(tutors)
    .where(and(eq(tutors.id, tutorId), eq(tutors.schoolId, viewer.schoolId)));
  if (!tutor) return undefined;
  const teaches = sql<boolean>`exists (select 1 from ${tutorSubjects} where ${tutorSubjects.tutorId} = ${tutorId} and ${tutorSubjects.subjectId} = ${subjects.id})`;
  const [[general], rows] = await Promise.all([
    db.select({ per60: tutorRates.per60 }).from(tutorRates).where(rateOf(tutorId, null)),
    db
      .select({ subjectId: subjects.id, name: subjects.name, color: subjects.color, per60: tutorRates.per60, teaches })
      .from(subjects)
      .leftJoin(tutorRates, and(eq(tutorRates.subjectId, subjects.id), eq(tutorRates.tutorId, tutorId)))
      .where(and(eq(subjects.schoolId, viewer.schoolId), sql`(${teaches} or ${tutorRates.per60} is not null)`))
      .orderBy(...polishOrder(subjects.name)),
  ]);
  return { general: general?.per60 ?? null, subjects: rows.map((r) => ({ ...r, teaches: Boolean(r.teaches) })) };
}

// ---------------------------------------------------------------------------------------
// The monthly statement

export type EarningsLine = {
  lessonId: string;
  /** The lesson's start and end; `date` is its calendar day in the school's zone. */
  start: Date;
  end: Date;
  date: string;
  subjectId: string;
  subject: string;
  kind: LessonKind;
  students: number;
  minutes: number;
  per60: Grosze | null;
  rateSource: RateSource | null;
  /** Null when no rate applies: listed, not paid. */
  amount: Grosze | null;
};

export type EarningsBySubject = { subjectId: string; subject: string; lessons: number; minutes: number; per60: Grosze | null; rateSource: RateSource | null; amount: Grosze | null };

export type EarningsTotals = {
  lessons: number;
  minutes: number;
  /** The sum of the lessons with a rate. */
  amount: Grosze;
  /** Lessons (and their minutes) with no rate to apply. */
  unrated: number;
  unratedMinutes: number;
};

export type TutorEarnings = {
  tutorId: string;
  firstName: string;
  lastName: string;
  period: string;
  lines: EarningsLine[];
  bySubject: EarningsBySubject[];
  totals: EarningsTotals;
};

type TutorRow = { id: string; firstName: string; lastName: string };

/**
 * The statements of a month for the given tutors of a school (all tutors with lessons that month
 * and every active tutor when `tutorIds` is omitted), in Polish name order. The month is the
 * school's calendar month: lessons that start in it, in the school's zone.
 */
async function monthEarnings(db: Queryable, schoolId: string, period: string, { tutorIds, timeZone }: { tutorIds?: readonly string[]; timeZone?: string } = {}): Promise<TutorEarnings[]> {
  const span = monthSpan(period);
  // A viewer's session carries the school's zone; only a caller without one reads it.
  const zone = timeZone ?? (await db.select({ timeZone: schools.timeZone }).from(schools).where(eq(schools.id, schoolId)))[0]?.timeZone;
  if (!zone) return [];
  const from = zonedToInstant(span.first, '00:00', zone);
  const to = zonedToInstant(span.next, '00:00', zone);
  const onlyTutors = tutorIds ? inArray(lessons.tutorId, [...tutorIds]) : undefined;
  const studentCount = sql<number>`(select count(*) from ${lessonStudents} where ${lessonStudents.lessonId} = ${lessons.id})`.mapWith(Number);
  const tutorsWhere = (where: SQL | undefined) =>
    db
      .select({ id: tutors.id, firstName: tutors.firstName, lastName: tutors.lastName })
      .from(tutors)
      .where(and(eq(tutors.schoolId, schoolId), where))
      .orderBy(...polishOrder(tutors.lastName), ...polishOrder(tutors.firstName), asc(tutors.id));
  const [lessonRows, rateRows, givenTutors] = await Promise.all([
    db
      .select({ id: lessons.id, tutorId: lessons.tutorId, subjectId: lessons.subjectId, subject: subjects.name, kind: lessons.kind, during: lessons.during, students: studentCount })
      .from(lessons)
      .innerJoin(subjects, eq(subjects.id, lessons.subjectId))
      .where(
        and(
          eq(lessons.schoolId, schoolId),
          eq(lessons.status, 'completed'),
          sql`lower(${lessons.during}) >= ${from.toISOString()}::timestamptz`,
          sql`lower(${lessons.during}) < ${to.toISOString()}::timestamptz`,
          onlyTutors,
        ),
      )
      .orderBy(sql`lower(${lessons.during})`, asc(lessons.id)),
    db
      .select({ tutorId: tutorRates.tutorId, subjectId: tutorRates.subjectId, per60: tutorRates.per60 })
      .from(tutorRates)
      .where(and(eq(tutorRates.schoolId, schoolId), tutorIds ? inArray(tutorRates.tutorId, [...tutorIds]) : undefined)),
    tutorIds ? tutorsWhere(inArray(tutors.id, [...tutorIds])) : undefined,
  ]);

  // The tutors asked for are known up front; otherwise every active tutor, and whoever else gave lessons that month.
  const withLessons = [...new Set(lessonRows.map((l) => l.tutorId))];
  const tutorRows: TutorRow[] =
    givenTutors ?? (await tutorsWhere(withLessons.length ? or(eq(tutors.status, 'active'), inArray(tutors.id, withLessons)) : eq(tutors.status, 'active')));

  const rates = new Map<string, Grosze>();
  for (const r of rateRows) rates.set(`${r.tutorId}|${r.subjectId ?? ''}`, r.per60);
  const linesOf = new Map<string, EarningsLine[]>();
  for (const l of lessonRows) {
    const minutes = Math.round((l.during.end.getTime() - l.during.start.getTime()) / 60_000);
    const pay = lessonPay(minutes, rates.get(`${l.tutorId}|${l.subjectId}`) ?? null, rates.get(`${l.tutorId}|`) ?? null);
    const line: EarningsLine = {
      lessonId: l.id,
      start: l.during.start,
      end: l.during.end,
      date: instantToZoned(l.during.start, zone).date,
      subjectId: l.subjectId,
      subject: l.subject,
      kind: l.kind,
      students: l.students,
      minutes,
      per60: pay.per60,
      rateSource: pay.source,
      amount: pay.amount,
    };
    const list = linesOf.get(l.tutorId);
    if (list) list.push(line);
    else linesOf.set(l.tutorId, [line]);
  }
  return tutorRows.map((t) => statementOf(t, period, linesOf.get(t.id) ?? []));
}

function statementOf(tutor: TutorRow, period: string, lines: EarningsLine[]): TutorEarnings {
  const bySubject = new Map<string, EarningsBySubject>();
  const totals: EarningsTotals = { lessons: 0, minutes: 0, amount: 0, unrated: 0, unratedMinutes: 0 };
  for (const line of lines) {
    totals.lessons += 1;
    totals.minutes += line.minutes;
    if (line.amount == null) {
      totals.unrated += 1;
      totals.unratedMinutes += line.minutes;
    } else totals.amount += line.amount;
    const s = bySubject.get(line.subjectId) ?? { subjectId: line.subjectId, subject: line.subject, lessons: 0, minutes: 0, per60: line.per60, rateSource: line.rateSource, amount: null };
    s.lessons += 1;
    s.minutes += line.minutes;
    if (line.amount != null) s.amount = (s.amount ?? 0) + line.amount;
    bySubject.set(line.subjectId, s);
  }
  return {
    tutorId: tutor.id,
    firstName: tutor.firstName,
    lastName: tutor.lastName,
    period,
    lines,
    bySubject: [...bySubject.values()].sort((a, b) => a.subject.localeCompare(b.subject, 'pl')),
    totals,
  };
}

/**
 * One tutor's statement for `period` ("2026-11"): every completed lesson of the month with its
 * length, rate and pay, per subject and in total. Takes no viewer: call it for a tutor the
 * caller may see (`getTutorEarnings` checks). Undefined for a tutor of another school.
 */
export async function tutorEarnings(db: Queryable, schoolId: string, tutorId: string, period: string, timeZone?: string): Promise<TutorEarnings | undefined> {
  if (!isUuid(tutorId)) return undefined;
  const [statement] = await monthEarnings(db, schoolId, period, { tutorIds: [tutorId], timeZone });
  return statement;
}

/** The tutor record of a signed-in tutor. */
async function ownTutorId(db: Queryable, viewer: Viewer): Promise<string | undefined> {
  if (viewer.role !== 'tutor') return undefined;
  const [row] = await db
    .select({ id: tutors.id })
    .from(tutors)
    .where(and(eq(tutors.userId, viewer.userId), eq(tutors.schoolId, viewer.schoolId)));
  return row?.id;
}

/**
 * A statement the viewer may read: a tutor their own (without `tutorId`, or with their own id);
 * an admin any tutor of the school. Undefined for anything else — another tutor's statement is
 * answered as if it did not exist.
 */
export async function getTutorEarnings(viewer: Viewer, period: string, tutorId?: string, db: Queryable = getDb()): Promise<TutorEarnings | undefined> {
  if (!can(viewer.role, 'earnings.read') || !PERIOD.test(period)) return undefined;
  if (viewer.role === 'admin') return tutorId ? tutorEarnings(db, viewer.schoolId, tutorId, period, viewer.timeZone) : undefined;
  const own = await ownTutorId(db, viewer);
  if (!own || (tutorId && tutorId !== own)) return undefined;
  return tutorEarnings(db, viewer.schoolId, own, period, viewer.timeZone);
}

export type SchoolEarnings = { period: string; tutors: TutorEarnings[]; totals: EarningsTotals };

/**
 * A month's statements of the school's tutors (every active tutor, and anyone else who gave
 * lessons that month) with the school's totals, for the office. A tutor gets their own alone;
 * anyone else nothing.
 */
export async function listSchoolEarnings(viewer: Viewer, period: string, db: Queryable = getDb()): Promise<SchoolEarnings | undefined> {
  if (!can(viewer.role, 'earnings.read') || !PERIOD.test(period)) return undefined;
  let statements: TutorEarnings[];
  if (viewer.role === 'admin') statements = await monthEarnings(db, viewer.schoolId, period, { timeZone: viewer.timeZone });
  else {
    const own = await ownTutorId(db, viewer);
    statements = own ? await monthEarnings(db, viewer.schoolId, period, { tutorIds: [own], timeZone: viewer.timeZone }) : [];
  }
  const totals: EarningsTotals = { lessons: 0, minutes: 0, amount: 0, unrated: 0, unratedMinutes: 0 };
  for (const s of statements) {
    totals.lessons += s.totals.lessons;
    totals.minutes += s.totals.minutes;
    totals.amount += s.totals.amount;
    totals.unrated += s.totals.unrated;
    totals.unratedMinutes += s.totals.unratedMinutes;
  }
  return { period, tutors: statements, totals };
}
