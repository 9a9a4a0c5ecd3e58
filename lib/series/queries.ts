import 'server-only';
import { cache } from 'react';
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { lessons, lessonSeries, rooms, seriesStudents, students, subjects, tutors } from '@/db/schema';
import { can } from '@/lib/auth/permissions';
import type { Viewer } from '@/lib/auth/viewer';
import { getDb } from '@/lib/db';
import { polishOrder } from '@/lib/db/sql';
import { isUuid } from '@/lib/students/queries';

/**
 * Series and closures are the office's planning tools: only a viewer who may manage them
 * reads them, always within the viewer's school. Tutors, students and parents see the
 * lessons a series created through the calendar, never the series rows.
 */

const seriesColumns = {
  id: lessonSeries.id,
  tutorId: lessonSeries.tutorId,
  tutorFirst: tutors.firstName,
  tutorLast: tutors.lastName,
  subjectId: lessonSeries.subjectId,
  subject: subjects.name,
  roomId: lessonSeries.roomId,
  room: rooms.name,
  meetingUrl: lessonSeries.meetingUrl,
  kind: lessonSeries.kind,
  capacity: lessonSeries.capacity,
  weekdays: lessonSeries.weekdays,
  startTime: lessonSeries.startTime,
  durationMinutes: lessonSeries.durationMinutes,
  firstDate: lessonSeries.firstDate,
  lastDate: lessonSeries.lastDate,
  scheduled: sql<number>`(select count(*)::int from ${lessons} where ${lessons.seriesId} = ${lessonSeries.id} and ${lessons.status} <> 'cancelled')`,
  cancelled: sql<number>`(select count(*)::int from ${lessons} where ${lessons.seriesId} = ${lessonSeries.id} and ${lessons.status} = 'cancelled')`,
};

type SeriesRowData = { tutorFirst: string; tutorLast: string; startTime: string } & Record<string, unknown>;
const toSeries = <R extends SeriesRowData>(r: R) => ({ ...r, tutor: `${r.tutorFirst} ${r.tutorLast}`, startTime: r.startTime.slice(0, 5) });

/** The school's series, newest term first, each with its count of lessons (not cancelled). */
export async function listSeries(viewer: Viewer) {
  if (!can(viewer.role, 'series.manage')) return [];
  const rows = await getDb()
    .select(seriesColumns)
    .from(lessonSeries)
    .innerJoin(tutors, eq(tutors.id, lessonSeries.tutorId))
    .innerJoin(subjects, eq(subjects.id, lessonSeries.subjectId))
    .leftJoin(rooms, eq(rooms.id, lessonSeries.roomId))
    .where(eq(lessonSeries.schoolId, viewer.schoolId))
    .orderBy(desc(lessonSeries.lastDate), ...polishOrder(tutors.lastName), asc(lessonSeries.startTime))
    .limit(500);
  return rows.map(toSeries);
}

export type SeriesRow = Awaited<ReturnType<typeof listSeries>>[number];

async function loadSeries(viewer: Viewer, id: string) {
  if (!can(viewer.role, 'series.manage') || !isUuid(id)) return undefined;
  const db = getDb();
  const [row] = await db
    .select(seriesColumns)
    .from(lessonSeries)
    .innerJoin(tutors, eq(tutors.id, lessonSeries.tutorId))
    .innerJoin(subjects, eq(subjects.id, lessonSeries.subjectId))
    .leftJoin(rooms, eq(rooms.id, lessonSeries.roomId))
    .where(and(eq(lessonSeries.id, id), eq(lessonSeries.schoolId, viewer.schoolId)));
  if (!row) return undefined;
  const people = await db
    .select({ id: students.id, firstName: students.firstName, lastName: students.lastName })
    .from(seriesStudents)
    .innerJoin(students, eq(students.id, seriesStudents.studentId))
    .where(and(eq(seriesStudents.seriesId, id), eq(seriesStudents.schoolId, viewer.schoolId)))
    .orderBy(...polishOrder(students.lastName));
  const planned = await db
    .select({ id: lessons.id, during: lessons.during, status: lessons.status, cancelReason: lessons.cancelReason })
    .from(lessons)
    .where(and(eq(lessons.seriesId, id), eq(lessons.schoolId, viewer.schoolId)))
    .orderBy(sql`lower(${lessons.during})`);
  return { ...toSeries(row), students: people.map((s) => ({ id: s.id, name: `${s.firstName} ${s.lastName}` })), lessons: planned };
}

/** One series of the viewer's school with its students and lessons; undefined for anyone else's. */
export const getSeries = cache(loadSeries);
