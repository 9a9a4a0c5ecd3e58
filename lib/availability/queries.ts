import 'server-only';
import { and, asc, eq, gte, lte } from 'drizzle-orm';
import { cache } from 'react';
import { tutorAvailability, tutors, tutorTimeOff } from '@/db/schema';
import { can } from '@/lib/auth/permissions';
import type { Viewer } from '@/lib/auth/viewer';
import { getDb, type Queryable } from '@/lib/db';
import { isUuid } from '@/lib/students/queries';
import { instantToZoned, todayIn } from '@/lib/time';
import { hhmm, type TimeOffSpan, type WeeklyInterval } from './rules';

/**
 * The tutor the viewer may manage availability for, in the viewer's school: any tutor for an
 * admin, only their own record for a tutor. Undefined for anyone else (the page answers 404).
 */
export async function manageableTutor(db: Queryable, viewer: Viewer, tutorId: string) {
  if (!can(viewer.role, 'availability.manage') || !isUuid(tutorId)) return undefined;
  const own = can(viewer.role, 'availability.manageAll') ? undefined : eq(tutors.userId, viewer.userId);
  const [row] = await db
    .select({ id: tutors.id, firstName: tutors.firstName, lastName: tutors.lastName, status: tutors.status })
    .from(tutors)
    .where(and(eq(tutors.id, tutorId), eq(tutors.schoolId, viewer.schoolId), own));
  return row;
}

/** A tutor's weekly intervals ("HH:MM"), by weekday and start. */
export async function weeklyHoursOf(db: Queryable, schoolId: string, tutorId: string): Promise<WeeklyInterval[]> {
  const rows = await db
    .select({ weekday: tutorAvailability.weekday, start: tutorAvailability.startTime, end: tutorAvailability.endTime })
    .from(tutorAvailability)
    .where(and(eq(tutorAvailability.schoolId, schoolId), eq(tutorAvailability.tutorId, tutorId)))
    .orderBy(asc(tutorAvailability.weekday), asc(tutorAvailability.startTime));
  return rows.map((r) => ({ weekday: r.weekday, start: hhmm(r.start), end: hhmm(r.end) }));
}

/** A tutor's days off that touch the calendar dates `from`…`to`. */
export async function timeOffBetween(db: Queryable, schoolId: string, tutorId: string, from: string, to: string): Promise<(TimeOffSpan & { id: string; reason: string | null })[]> {
  return db
    .select({ id: tutorTimeOff.id, firstDay: tutorTimeOff.firstDay, lastDay: tutorTimeOff.lastDay, reason: tutorTimeOff.reason })
    .from(tutorTimeOff)
    .where(and(eq(tutorTimeOff.schoolId, schoolId), eq(tutorTimeOff.tutorId, tutorId), lte(tutorTimeOff.firstDay, to), gte(tutorTimeOff.lastDay, from)))
    .orderBy(asc(tutorTimeOff.firstDay), asc(tutorTimeOff.lastDay));
}

/** What the availability facts for one lesson need: the week, and the days off its local dates touch. */
export async function availabilityFor(db: Queryable, schoolId: string, tutorId: string, span: { start: Date; end: Date }, timeZone: string) {
  const from = instantToZoned(span.start, timeZone).date;
  const to = instantToZoned(new Date(span.end.getTime() - 1), timeZone).date;
  const [weekly, timeOff] = await Promise.all([weeklyHoursOf(db, schoolId, tutorId), timeOffBetween(db, schoolId, tutorId, from, to)]);
  return { weekly, timeOff };
}

async function loadTutorAvailability(viewer: Viewer, tutorId: string) {
  const db = getDb();
  const tutor = await manageableTutor(db, viewer, tutorId);
  if (!tutor) return undefined;
  const today = todayIn(viewer.timeZone);
  // Time off that is over is history; what still matters runs today or later.
  const [weekly, timeOff] = await Promise.all([weeklyHoursOf(db, viewer.schoolId, tutor.id), timeOffBetween(db, viewer.schoolId, tutor.id, today, '9999-12-31')]);
  return { tutor: { id: tutor.id, name: `${tutor.firstName} ${tutor.lastName}` }, weekly, timeOff, today };
}

/**
 * A tutor's weekly hours and current and coming time off, for the admin's tutor page or the
 * tutor's own page. Undefined for a tutor the viewer may not manage (other tutors, other
 * schools, students, parents) or an id that is not a uuid.
 */
export const getTutorAvailability = cache(loadTutorAvailability);

export type TutorAvailabilityView = NonNullable<Awaited<ReturnType<typeof getTutorAvailability>>>;

/** The signed-in tutor's own availability, or undefined when the viewer has no tutor record. */
export const getOwnAvailability = cache(async (viewer: Viewer) => {
  if (viewer.role !== 'tutor') return undefined;
  const [row] = await getDb()
    .select({ id: tutors.id })
    .from(tutors)
    .where(and(eq(tutors.userId, viewer.userId), eq(tutors.schoolId, viewer.schoolId)));
  return row ? getTutorAvailability(viewer, row.id) : undefined;
});
