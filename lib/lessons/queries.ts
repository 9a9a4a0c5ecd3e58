import 'server-only';
import { cache } from 'react';
import { and, asc, eq, exists, inArray, sql, type SQL } from 'drizzle-orm';
import { lessons, lessonStudents, parents, parentStudents, rooms, students, subjects, tutors } from '@/db/schema';
import { can } from '@/lib/auth/permissions';
import type { Viewer } from '@/lib/auth/viewer';
import { getDb } from '@/lib/db';
import { polishOrder } from '@/lib/db/sql';
import { isUuid } from '@/lib/students/queries';
import type { LessonRange } from './schema';

/**
 * Which lessons the viewer may see, as one SQL condition on `lessons`: an admin every lesson
 * of the school; a tutor the lessons they teach; a student the lessons they are in; a parent
 * their children's lessons. Always within the viewer's school.
 */
export function lessonVisibility(viewer: Viewer): SQL {
  const school = eq(lessons.schoolId, viewer.schoolId);
  const db = getDb();
  switch (viewer.role) {
    case 'admin':
      return school;
    case 'tutor':
      return and(
        school,
        exists(
          db
            .select({ one: sql`1` })
            .from(tutors)
            .where(and(eq(tutors.id, lessons.tutorId), eq(tutors.userId, viewer.userId))),
        ),
      )!;
    case 'student':
      return and(
        school,
        exists(
          db
            .select({ one: sql`1` })
            .from(lessonStudents)
            .innerJoin(students, eq(students.id, lessonStudents.studentId))
            .where(and(eq(lessonStudents.lessonId, lessons.id), eq(students.userId, viewer.userId))),
        ),
      )!;
    case 'parent':
      return and(
        school,
        exists(
          db
            .select({ one: sql`1` })
            .from(lessonStudents)
            .innerJoin(parentStudents, eq(parentStudents.studentId, lessonStudents.studentId))
            .innerJoin(parents, eq(parents.id, parentStudents.parentId))
            .where(and(eq(lessonStudents.lessonId, lessons.id), eq(parents.userId, viewer.userId))),
        ),
      )!;
  }
}

/** Calendar rows: everything a lesson card shows, students included. */
const lessonColumns = {
  id: lessons.id,
  during: lessons.during,
  kind: lessons.kind,
  capacity: lessons.capacity,
  status: lessons.status,
  meetingUrl: lessons.meetingUrl,
  cancelReason: lessons.cancelReason,
  tutorId: lessons.tutorId,
  tutorFirstName: tutors.firstName,
  tutorLastName: tutors.lastName,
  tutorColor: tutors.color,
  subjectId: lessons.subjectId,
  subjectName: subjects.name,
  subjectColor: subjects.color,
  roomId: lessons.roomId,
  roomName: rooms.name,
  roomCapacity: rooms.capacity,
  seriesId: lessons.seriesId,
  /** `[{ id, firstName, lastName }]` in Polish surname order, aggregated in the same query. */
  students: sql<{ id: string; firstName: string; lastName: string }[]>`coalesce((
    select json_agg(json_build_object('id', s.id, 'firstName', s.first_name, 'lastName', s.last_name)
                    order by tutorhub_sort_key(s.last_name) collate "C", s.last_name, tutorhub_sort_key(s.first_name) collate "C", s.id)
      from ${lessonStudents} ls join ${students} s on s.id = ls.student_id
     where ls.lesson_id = ${lessons.id}), '[]'::json)`,
};

type LessonRow = {
  id: string;
  during: { start: Date; end: Date };
  kind: 'individual' | 'group';
  capacity: number;
  status: 'scheduled' | 'completed' | 'cancelled';
  meetingUrl: string | null;
  cancelReason: string | null;
  tutorId: string;
  tutorFirstName: string;
  tutorLastName: string;
  tutorColor: string;
  subjectId: string;
  subjectName: string;
  subjectColor: string;
  roomId: string | null;
  roomName: string | null;
  roomCapacity: number | null;
  seriesId: string | null;
  students: { id: string; firstName: string; lastName: string }[] | string;
};

/** A plain object for the calendar (never a raw row). */
function toLesson(row: LessonRow) {
  const list = typeof row.students === 'string' ? (JSON.parse(row.students) as { id: string; firstName: string; lastName: string }[]) : row.students;
  return {
    id: row.id,
    start: row.during.start,
    end: row.during.end,
    kind: row.kind,
    capacity: row.capacity,
    status: row.status,
    meetingUrl: row.meetingUrl,
    cancelReason: row.cancelReason,
    tutor: { id: row.tutorId, name: `${row.tutorFirstName} ${row.tutorLastName}`, color: row.tutorColor },
    subject: { id: row.subjectId, name: row.subjectName, color: row.subjectColor },
    room: row.roomId ? { id: row.roomId, name: row.roomName!, capacity: row.roomCapacity! } : null,
    /** The weekly series it belongs to, if any. */
    seriesId: row.seriesId,
    students: list.map((s) => ({ id: s.id, name: `${s.firstName} ${s.lastName}` })),
  };
}

export type LessonView = ReturnType<typeof toLesson>;

function lessonQuery(where: SQL | undefined) {
  return getDb()
    .select(lessonColumns)
    .from(lessons)
    .innerJoin(tutors, eq(tutors.id, lessons.tutorId))
    .innerJoin(subjects, eq(subjects.id, lessons.subjectId))
    .leftJoin(rooms, eq(rooms.id, lessons.roomId))
    .where(where);
}

/**
 * The lessons the viewer may see that overlap `[from, to)`, cancelled ones included (the
 * calendar shows them struck through), optionally for one tutor, room, student or subject.
 * One query: tutor, subject, room and students come joined and aggregated, not per row.
 */
export async function listLessons(viewer: Viewer, range: Pick<LessonRange, 'from' | 'to'> & Partial<Omit<LessonRange, 'from' | 'to'>>): Promise<LessonView[]> {
  if (!can(viewer.role, 'lessons.read')) return [];
  const window = sql`${lessons.during} && tstzrange(${range.from.toISOString()}::timestamptz, ${range.to.toISOString()}::timestamptz, '[)')`;
  const rows = await lessonQuery(
    and(
      lessonVisibility(viewer),
      window,
      range.tutorId ? eq(lessons.tutorId, range.tutorId) : undefined,
      range.roomId ? eq(lessons.roomId, range.roomId) : undefined,
      range.subjectId ? eq(lessons.subjectId, range.subjectId) : undefined,
      range.studentId
        ? inArray(
            lessons.id,
            getDb().select({ id: lessonStudents.lessonId }).from(lessonStudents).where(eq(lessonStudents.studentId, range.studentId)),
          )
        : undefined,
    ),
  ).orderBy(sql`lower(${lessons.during})`, ...polishOrder(tutors.lastName).map((c) => asc(c)), asc(lessons.id));
  return rows.map((r) => toLesson(r as LessonRow));
}

async function loadLesson(viewer: Viewer, id: string): Promise<LessonView | undefined> {
  if (!can(viewer.role, 'lessons.read') || !isUuid(id)) return undefined;
  const [row] = await lessonQuery(and(eq(lessons.id, id), lessonVisibility(viewer)));
  return row ? toLesson(row as LessonRow) : undefined;
}

/** One lesson if the viewer may see it, else undefined (the page answers 404). Cached per request. */
export const getLesson = cache(loadLesson);

/** The signed-in tutor's own tutor record (who they plan lessons as), or undefined for anyone else. */
export async function getOwnTutor(viewer: Viewer): Promise<{ id: string; name: string; color: string } | undefined> {
  if (viewer.role !== 'tutor') return undefined;
  const [row] = await getDb()
    .select({ id: tutors.id, firstName: tutors.firstName, lastName: tutors.lastName, color: tutors.color })
    .from(tutors)
    .where(and(eq(tutors.userId, viewer.userId), eq(tutors.schoolId, viewer.schoolId)));
  return row ? { id: row.id, name: `${row.firstName} ${row.lastName}`, color: row.color } : undefined;
}
