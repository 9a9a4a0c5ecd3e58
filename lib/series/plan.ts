import 'server-only';
import { and, asc, eq, gte, inArray, lte, ne, or, sql } from 'drizzle-orm';
import { lessons, lessonSeries, lessonStudents, rooms, schoolClosures, seriesStudents, students, subjects, tutors, type Lesson, type LessonSeries } from '@/db/schema';
import { availabilityFor } from '@/lib/availability/queries';
import { outsideAvailability, type AvailabilityProblem } from '@/lib/availability/rules';
import type { Queryable } from '@/lib/db';
import type { Clash, ClashFacts } from '@/lib/lessons/rules';
import { addCalendarDays, zonedToInstant } from '@/lib/time';
import { holidaysBetween, occurrences, seriesDates, type Closure, type Occurrence, type SkippedDate } from './rules';

/**
 * The database side of a series: the school's closures in a range, every clash of a planned
 * series found in one query, and the insert of the series with all its lessons. These take a
 * transaction (or the database) and the school, so actions, factories and jobs share them;
 * access is the caller's business.
 */

export type SeriesRule = {
  tutorId: string;
  subjectId: string;
  roomId: string | null;
  meetingUrl: string | null;
  kind: 'individual' | 'group';
  capacity: number;
  weekdays: number[];
  startTime: string;
  durationMinutes: number;
  firstDate: string;
  lastDate: string;
  studentIds: string[];
};

/** The closures of a school that touch `[firstDate, lastDate]`. */
export async function closuresBetween(db: Queryable, schoolId: string, firstDate: string, lastDate: string): Promise<Closure[]> {
  return db
    .select({ firstDay: schoolClosures.firstDay, lastDay: schoolClosures.lastDay, name: schoolClosures.name })
    .from(schoolClosures)
    .where(and(eq(schoolClosures.schoolId, schoolId), lte(schoolClosures.firstDay, lastDate), gte(schoolClosures.lastDay, firstDate)))
    .orderBy(asc(schoolClosures.firstDay));
}

/** Dates, skipped dates (holidays, closures) and instants of a rule in the school's zone. */
export async function seriesPlan(db: Queryable, schoolId: string, timeZone: string, rule: Pick<SeriesRule, 'weekdays' | 'startTime' | 'durationMinutes' | 'firstDate' | 'lastDate'>, language: 'pl' | 'en' = 'pl') {
  const closures = await closuresBetween(db, schoolId, rule.firstDate, rule.lastDate);
  const { dates, skipped } = seriesDates({ ...rule, holidays: holidaysBetween(rule.firstDate, rule.lastDate, language), closures });
  return { skipped, occurrences: occurrences({ dates, startTime: rule.startTime, durationMinutes: rule.durationMinutes }, timeZone) };
}

export type SeriesClash =
  | { date: string; start: Date; end: Date; clash: Clash; facts: ClashFacts }
  /** Outside the tutor's weekly hours or on their time off (lib/availability). */
  | { date: string; start: Date; end: Date; clash: 'unavailable'; tutor: string; problem: AvailabilityProblem };

const rangeLiteral = (spans: readonly { start: Date; end: Date }[]) => `{${spans.map((s) => `"[${s.start.toISOString()},${s.end.toISOString()})"`).join(',')}}`;

/**
 * Every planned occurrence that would meet a non-cancelled lesson of the same tutor, room or
 * students — all dates in ONE query (not one per date). One entry per occurrence and thing
 * that clashes, in date order. The exclusion constraints still guard a race after this check.
 */
export async function findClashes(
  db: Queryable,
  schoolId: string,
  timeZone: string,
  planned: readonly Occurrence[],
  who: { tutorId: string; roomId: string | null; studentIds: readonly string[] },
): Promise<SeriesClash[]> {
  if (planned.length === 0) return [];
  const first = planned.reduce((m, o) => (o.start < m ? o.start : m), planned[0].start);
  const last = planned.reduce((m, o) => (o.end > m ? o.end : m), planned[0].end);
  const studentMatch = who.studentIds.length ? and(eq(lessonStudents.active, true), inArray(lessonStudents.studentId, [...who.studentIds])) : sql`false`;
  const rows = await db
    .select({
      lessonId: lessons.id,
      during: lessons.during,
      tutorId: lessons.tutorId,
      roomId: lessons.roomId,
      tutorFirst: tutors.firstName,
      tutorLast: tutors.lastName,
      subject: subjects.name,
      room: rooms.name,
      studentFirst: students.firstName,
      studentLast: students.lastName,
    })
    .from(lessons)
    .innerJoin(tutors, eq(tutors.id, lessons.tutorId))
    .innerJoin(subjects, eq(subjects.id, lessons.subjectId))
    .leftJoin(rooms, eq(rooms.id, lessons.roomId))
    .leftJoin(lessonStudents, and(eq(lessonStudents.lessonId, lessons.id), studentMatch))
    .leftJoin(students, eq(students.id, lessonStudents.studentId))
    .where(
      and(
        eq(lessons.schoolId, schoolId),
        ne(lessons.status, 'cancelled'),
        // The whole span first (the gist index on school and time), then each occurrence.
        sql`${lessons.during} && tstzrange(${first.toISOString()}::timestamptz, ${last.toISOString()}::timestamptz, '[)')`,
        sql`${lessons.during} && any(${rangeLiteral(planned)}::tstzrange[])`,
        or(eq(lessons.tutorId, who.tutorId), who.roomId ? eq(lessons.roomId, who.roomId) : sql`false`, sql`${lessonStudents.studentId} is not null`),
      ),
    );

  const out: SeriesClash[] = [];
  const seen = new Set<string>();
  for (const o of planned) {
    for (const r of rows) {
      if (!(r.during.start < o.end && o.start < r.during.end)) continue;
      const facts = (student?: string): ClashFacts => ({
        tutor: `${r.tutorFirst} ${r.tutorLast}`,
        subject: r.subject,
        room: r.room,
        student,
        start: r.during.start,
        end: r.during.end,
        timeZone,
      });
      const add = (clash: Clash, student?: string) => {
        const key = `${o.date}|${r.lessonId}|${clash}|${student ?? ''}`;
        if (seen.has(key)) return;
        seen.add(key);
        out.push({ date: o.date, start: o.start, end: o.end, clash, facts: facts(student) });
      };
      if (r.tutorId === who.tutorId) add('tutor_busy');
      if (who.roomId && r.roomId === who.roomId) add('room_busy');
      if (r.studentFirst) add('student_busy', `${r.studentFirst} ${r.studentLast}`);
    }
  }
  return out;
}

/**
 * Occurrences the tutor does not work at: outside their weekly hours or on time off. Their
 * hours and the time off over the whole series are read once; each date is then judged by
 * the availability rule. A tutor with no weekly hours is not restricted.
 */
export async function availabilityClashes(db: Queryable, schoolId: string, timeZone: string, tutorId: string, planned: readonly Occurrence[]): Promise<SeriesClash[]> {
  if (planned.length === 0) return [];
  const span = { start: planned[0].start, end: planned[planned.length - 1].end };
  const { weekly, timeOff } = await availabilityFor(db, schoolId, tutorId, span, timeZone);
  if (weekly.length === 0 && timeOff.length === 0) return [];
  const [tutor] = await db.select({ first: tutors.firstName, last: tutors.lastName }).from(tutors).where(and(eq(tutors.id, tutorId), eq(tutors.schoolId, schoolId)));
  const out: SeriesClash[] = [];
  for (const o of planned) {
    const problem = outsideAvailability(o, weekly, timeOff, timeZone);
    if (problem) out.push({ date: o.date, start: o.start, end: o.end, clash: 'unavailable', tutor: tutor ? `${tutor.first} ${tutor.last}` : '', problem });
  }
  return out;
}

/** Raised inside a transaction so it rolls back; the action answers CONFLICT with the list. */
export class SeriesClashError extends Error {
  constructor(readonly clashes: SeriesClash[]) {
    super('series clashes');
    this.name = 'SeriesClashError';
  }
}

/** What of a lesson a series change reports (enough to tell people what moved where). */
export type SeriesLesson = Pick<Lesson, 'id' | 'subjectId' | 'roomId' | 'meetingUrl' | 'during'>;

const seriesLessonColumns = { id: lessons.id, subjectId: lessons.subjectId, roomId: lessons.roomId, meetingUrl: lessons.meetingUrl, during: lessons.during };

export type PlannedSeries = { series: LessonSeries; created: number; lessons: SeriesLesson[]; skipped: SkippedDate[]; skippedClashes: string[] };

/**
 * Inserts a series and all its lessons (with their students) in the caller's transaction.
 * With clashes (a busy tutor, room or student, or a date outside the tutor's hours) it creates
 * nothing and throws `SeriesClashError`, unless `skipClashes`: then those dates are left out and listed. A race after the check still meets the exclusion
 * constraints (23P01), which the action explains.
 */
export async function insertSeries(
  tx: Queryable,
  school: { schoolId: string; timeZone: string; createdBy: string | null },
  rule: SeriesRule,
  options: { skipClashes?: boolean; language?: 'pl' | 'en' } = {},
): Promise<PlannedSeries> {
  const { skipped, occurrences: planned } = await seriesPlan(tx, school.schoolId, school.timeZone, rule, options.language);
  const clashes = [...(await findClashes(tx, school.schoolId, school.timeZone, planned, rule)), ...(await availabilityClashes(tx, school.schoolId, school.timeZone, rule.tutorId, planned))].sort((a, b) => a.date.localeCompare(b.date));
  if (clashes.length && !options.skipClashes) throw new SeriesClashError(clashes);
  const clashDates = new Set(clashes.map((c) => c.date));
  const toCreate = planned.filter((o) => !clashDates.has(o.date));

  const [series] = await tx
    .insert(lessonSeries)
    .values({
      schoolId: school.schoolId,
      tutorId: rule.tutorId,
      subjectId: rule.subjectId,
      roomId: rule.roomId,
      meetingUrl: rule.meetingUrl,
      kind: rule.kind,
      capacity: rule.kind === 'individual' ? 1 : rule.capacity,
      weekdays: rule.weekdays,
      startTime: rule.startTime,
      durationMinutes: rule.durationMinutes,
      firstDate: rule.firstDate,
      lastDate: rule.lastDate,
      createdBy: school.createdBy,
    })
    .returning();
  if (rule.studentIds.length) {
    await tx.insert(seriesStudents).values(rule.studentIds.map((studentId) => ({ schoolId: school.schoolId, seriesId: series.id, studentId })));
  }
  let rows: SeriesLesson[] = [];
  if (toCreate.length) {
    rows = await tx
      .insert(lessons)
      .values(
        toCreate.map((o) => ({
          schoolId: school.schoolId,
          seriesId: series.id,
          tutorId: rule.tutorId,
          subjectId: rule.subjectId,
          roomId: rule.roomId,
          meetingUrl: rule.meetingUrl,
          during: { start: o.start, end: o.end },
          kind: rule.kind,
          capacity: rule.kind === 'individual' ? 1 : rule.capacity,
        })),
      )
      .returning(seriesLessonColumns);
    if (rule.studentIds.length) {
      await tx.insert(lessonStudents).values(rows.flatMap((l) => rule.studentIds.map((studentId) => ({ schoolId: school.schoolId, lessonId: l.id, studentId }))));
    }
  }
  return { series, created: toCreate.length, lessons: rows, skipped, skippedClashes: [...clashDates].sort() };
}

/**
 * Cancels the scheduled lessons of a series that start on `fromDate` (school zone) or later,
 * and not before `now`: "this and the following". They have no attendance yet, so nothing is
 * charged. Returns the lessons cancelled, as they were.
 */
export async function cancelSeriesFrom(tx: Queryable, series: Pick<LessonSeries, 'id' | 'schoolId'>, fromDate: string, timeZone: string, reason: string, now = new Date()): Promise<SeriesLesson[]> {
  const from = zonedToInstant(fromDate, '00:00', timeZone);
  const since = from > now ? from : now;
  const rows = await tx
    .update(lessons)
    .set({ status: 'cancelled', cancelledAt: now, cancelReason: reason, updatedAt: now })
    .where(and(eq(lessons.schoolId, series.schoolId), eq(lessons.seriesId, series.id), eq(lessons.status, 'scheduled'), sql`lower(${lessons.during}) >= ${since.toISOString()}::timestamptz`))
    .returning(seriesLessonColumns);
  return rows;
}

/** The day before `date` (a series ended from a date keeps its lessons up to the day before). */
export const dayBefore = (date: string) => addCalendarDays(date, -1);
