import 'server-only';
import { cache } from 'react';
import { and, desc, eq, exists, inArray, sql } from 'drizzle-orm';
import { lessons, lessonSeries, rooms, seriesStudents, students, subjects, tutors } from '@/db/schema';
import { can } from '@/lib/auth/permissions';
import type { Viewer } from '@/lib/auth/viewer';
import { getDb } from '@/lib/db';
import { polishOrder } from '@/lib/db/sql';
import { emptyPage, paginate } from '@/lib/list/paginate';
import { foldedSearch } from '@/lib/search';
import { isUuid } from '@/lib/students/queries';
import { SERIES_PAGE_SIZE, type SeriesListFilters } from './list-filters';

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

/**
 * One page of the school's series, the most recently created first (a series just planned is
 * on top), narrowed by `filters`: tutor, subject, a weekday it meets on, and a search on its
 * students' names (folded, so "lukasz" finds "Łukasz"). Each row carries its students in
 * Polish surname order and its count of lessons (not cancelled); `total` counts every match.
 */
export async function listSeries(viewer: Viewer, filters: Partial<SeriesListFilters> = {}) {
  if (!can(viewer.role, 'series.manage')) return emptyPage<never>(SERIES_PAGE_SIZE);
  const db = getDb();
  const studentMatch = foldedSearch(students.searchText, filters.q);
  const where = and(
    eq(lessonSeries.schoolId, viewer.schoolId),
    filters.tutorId ? eq(lessonSeries.tutorId, filters.tutorId) : undefined,
    filters.subjectId ? eq(lessonSeries.subjectId, filters.subjectId) : undefined,
    filters.weekday ? sql`${filters.weekday}::smallint = any(${lessonSeries.weekdays})` : undefined,
    studentMatch
      ? exists(
          db
            .select({ one: sql`1` })
            .from(seriesStudents)
            .innerJoin(students, eq(students.id, seriesStudents.studentId))
            .where(and(eq(seriesStudents.seriesId, lessonSeries.id), studentMatch)),
        )
      : undefined,
  );
  const query = db
    .select(seriesColumns)
    .from(lessonSeries)
    .innerJoin(tutors, eq(tutors.id, lessonSeries.tutorId))
    .innerJoin(subjects, eq(subjects.id, lessonSeries.subjectId))
    .leftJoin(rooms, eq(rooms.id, lessonSeries.roomId))
    .where(where)
    .orderBy(desc(lessonSeries.createdAt), desc(lessonSeries.id));
  const list = await paginate(query, () => db.$count(lessonSeries, where), { page: filters.page ?? 1, q: filters.q, pageSize: SERIES_PAGE_SIZE });
  // The students of the rows on this page: one query, not one per series.
  const ids = list.rows.map((r) => r.id);
  const people = ids.length
    ? await db
        .select({ seriesId: seriesStudents.seriesId, id: students.id, firstName: students.firstName, lastName: students.lastName })
        .from(seriesStudents)
        .innerJoin(students, eq(students.id, seriesStudents.studentId))
        .where(and(inArray(seriesStudents.seriesId, ids), eq(seriesStudents.schoolId, viewer.schoolId)))
        .orderBy(...polishOrder(students.lastName), ...polishOrder(students.firstName))
    : [];
  return {
    ...list,
    rows: list.rows.map((r) => ({
      ...toSeries(r),
      students: people.filter((p) => p.seriesId === r.id).map((p) => ({ id: p.id, name: `${p.firstName} ${p.lastName}` })),
    })),
  };
}

export type SeriesRow = Awaited<ReturnType<typeof listSeries>>['rows'][number];

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
