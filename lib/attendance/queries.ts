import 'server-only';
import { and, asc, desc, eq, inArray, ne, sql, type SQL } from 'drizzle-orm';
import { lessonAttendance, lessonNotes, lessons, lessonStudents, rooms, students, subjects, tutors } from '@/db/schema';
import { can } from '@/lib/auth/permissions';
import type { Viewer } from '@/lib/auth/viewer';
import { getDb } from '@/lib/db';
import { polishOrder } from '@/lib/db/sql';
import { lessonVisibility } from '@/lib/lessons/queries';
import { isUuid, studentVisibility } from '@/lib/students/queries';
import { addCalendarDays, todayIn } from '@/lib/time';
import { attendanceRateOf, daySpan, monthSpan, type AttendanceCounts, type AttendanceMark } from './rules';

const int = (expr: SQL) => sql<number>`(${expr})::int`;

// ---------------------------------------------------------------------------------------
// The tutor's day

type MarkedStudent = { id: string; firstName: string; lastName: string; mark: AttendanceMark | null };

const dayColumns = {
  id: lessons.id,
  during: lessons.during,
  status: lessons.status,
  kind: lessons.kind,
  meetingUrl: lessons.meetingUrl,
  subjectName: subjects.name,
  subjectColor: subjects.color,
  roomName: rooms.name,
  topic: lessonNotes.topic,
  homework: lessonNotes.homework,
  note: lessonNotes.note,
  /** `[{ id, firstName, lastName, mark }]` in Polish surname order, with each student's mark, in the same query. */
  students: sql<MarkedStudent[] | string>`coalesce((
    select json_agg(json_build_object('id', s.id, 'firstName', s.first_name, 'lastName', s.last_name, 'mark', la.status)
                    order by tutorhub_sort_key(s.last_name) collate "C", s.last_name, tutorhub_sort_key(s.first_name) collate "C", s.id)
      from ${lessonStudents} ls
      join ${students} s on s.id = ls.student_id
      left join ${lessonAttendance} la on la.lesson_id = ls.lesson_id and la.student_id = ls.student_id
     where ls.lesson_id = ${lessons.id}), '[]'::json)`,
};

/**
 * The viewer's own lessons (a tutor's: those they teach) that start in `[from, to)`, with
 * students, marks and notes: one query. Only for people who mark attendance.
 */
async function ownLessonsStarting(viewer: Viewer, from: Date, to: Date) {
  if (!can(viewer.role, 'attendance.mark') || viewer.role !== 'tutor') return [];
  const rows = await getDb()
    .select(dayColumns)
    .from(lessons)
    .innerJoin(subjects, eq(subjects.id, lessons.subjectId))
    .leftJoin(rooms, eq(rooms.id, lessons.roomId))
    .leftJoin(lessonNotes, eq(lessonNotes.lessonId, lessons.id))
    .where(and(lessonVisibility(viewer), sql`lower(${lessons.during}) >= ${from.toISOString()}::timestamptz`, sql`lower(${lessons.during}) < ${to.toISOString()}::timestamptz`))
    .orderBy(sql`lower(${lessons.during})`, asc(lessons.id));
  return rows.map((r) => {
    const list = typeof r.students === 'string' ? (JSON.parse(r.students) as MarkedStudent[]) : r.students;
    return {
      id: r.id,
      start: r.during.start,
      end: r.during.end,
      status: r.status,
      kind: r.kind,
      meetingUrl: r.meetingUrl,
      subject: { name: r.subjectName, color: r.subjectColor },
      roomName: r.roomName,
      notes: { topic: r.topic, homework: r.homework, note: r.note },
      students: list.map((s) => ({ id: s.id, name: `${s.firstName} ${s.lastName}`, mark: s.mark })),
    };
  });
}

export type TodayLesson = Awaited<ReturnType<typeof ownLessonsStarting>>[number];

/** A tutor's lessons today in the school's zone, cancelled ones included (shown as such), with marks and notes. */
export async function listTodayForTutor(viewer: Viewer, now: Date = new Date()) {
  const today = todayIn(viewer.timeZone, now);
  const { from, to } = daySpan(today, viewer.timeZone);
  return { date: today, lessons: await ownLessonsStarting(viewer, from, to) };
}

/** A tutor's lessons in the seven days after today (tomorrow through a week from today). */
export async function listWeekAheadForTutor(viewer: Viewer, now: Date = new Date()) {
  const tomorrow = addCalendarDays(todayIn(viewer.timeZone, now), 1);
  return ownLessonsStarting(viewer, daySpan(tomorrow, viewer.timeZone).from, daySpan(addCalendarDays(tomorrow, 6), viewer.timeZone).to);
}

// ---------------------------------------------------------------------------------------
// The school's month (admins)

const markCounts = {
  present: int(sql`count(*) filter (where ${lessonAttendance.status} = 'present')`),
  late: int(sql`count(*) filter (where ${lessonAttendance.status} = 'late')`),
  absent: int(sql`count(*) filter (where ${lessonAttendance.status} = 'absent')`),
  excused: int(sql`count(*) filter (where ${lessonAttendance.status} = 'excused')`),
};

function inMonth(month: string, viewer: Viewer): SQL {
  const { from, to } = monthSpan(month, viewer.timeZone);
  return and(
    eq(lessons.schoolId, viewer.schoolId),
    ne(lessons.status, 'cancelled'),
    sql`lower(${lessons.during}) >= ${from.toISOString()}::timestamptz`,
    sql`lower(${lessons.during}) < ${to.toISOString()}::timestamptz`,
  )!;
}

function withRate<T extends AttendanceCounts>(row: T) {
  return { ...row, rate: attendanceRateOf(row) };
}

/**
 * Per student, the month's lessons (those that take place, by their start in the school's
 * zone) and their marks; `unmarked` counts lessons already started without a mark. One
 * aggregate query; admins only.
 */
export async function attendanceByStudentMonth(viewer: Viewer, month: string, now: Date = new Date()) {
  if (!can(viewer.role, 'attendance.report')) return [];
  const rows = await getDb()
    .select({
      id: students.id,
      firstName: students.firstName,
      lastName: students.lastName,
      lessons: int(sql`count(*)`),
      ...markCounts,
      unmarked: int(sql`count(*) filter (where ${lessonAttendance.status} is null and lower(${lessons.during}) <= ${now.toISOString()}::timestamptz)`),
    })
    .from(lessonStudents)
    .innerJoin(lessons, eq(lessons.id, lessonStudents.lessonId))
    .innerJoin(students, eq(students.id, lessonStudents.studentId))
    .leftJoin(lessonAttendance, and(eq(lessonAttendance.lessonId, lessonStudents.lessonId), eq(lessonAttendance.studentId, lessonStudents.studentId)))
    .where(inMonth(month, viewer))
    .groupBy(students.id)
    .orderBy(...polishOrder(students.lastName), ...polishOrder(students.firstName), asc(students.id));
  return rows.map(withRate);
}

/**
 * Per tutor, the month's lessons, how many are completed, and their students' marks
 * (`unmarked`: student places in started lessons without a mark). One aggregate query.
 */
export async function attendanceByTutorMonth(viewer: Viewer, month: string, now: Date = new Date()) {
  if (!can(viewer.role, 'attendance.report')) return [];
  const rows = await getDb()
    .select({
      id: tutors.id,
      firstName: tutors.firstName,
      lastName: tutors.lastName,
      lessons: int(sql`count(distinct ${lessons.id})`),
      completed: int(sql`count(distinct ${lessons.id}) filter (where ${lessons.status} = 'completed')`),
      ...markCounts,
      unmarked: int(
        sql`count(${lessonStudents.studentId}) filter (where ${lessonAttendance.status} is null and lower(${lessons.during}) <= ${now.toISOString()}::timestamptz)`,
      ),
    })
    .from(lessons)
    .innerJoin(tutors, eq(tutors.id, lessons.tutorId))
    .leftJoin(lessonStudents, eq(lessonStudents.lessonId, lessons.id))
    .leftJoin(lessonAttendance, and(eq(lessonAttendance.lessonId, lessonStudents.lessonId), eq(lessonAttendance.studentId, lessonStudents.studentId)))
    .where(inMonth(month, viewer))
    .groupBy(tutors.id)
    .orderBy(...polishOrder(tutors.lastName), ...polishOrder(tutors.firstName), asc(tutors.id));
  return rows.map(withRate);
}

// ---------------------------------------------------------------------------------------
// A student's progress

/**
 * Which of a student's lessons the viewer may read as progress: the student must be one the
 * viewer may see (a parent's own child — `view` access is enough to read — or the student
 * themself), and the lesson one the viewer may see (a tutor: only lessons they teach). Both
 * conditions, so a parent of one child in a group never reads another child's marks.
 */
function progressScope(viewer: Viewer, studentId: string | readonly string[]): SQL {
  const which = typeof studentId === 'string' ? eq(lessonStudents.studentId, studentId) : inArray(lessonStudents.studentId, [...studentId]);
  return and(which, studentVisibility(viewer), lessonVisibility(viewer), ne(lessons.status, 'cancelled'))!;
}

/**
 * The history of a student's lessons that have started, newest first: date, subject, tutor,
 * the mark, topic, homework and note. One query; [] when the viewer may not see the student.
 */
export async function progressForStudent(viewer: Viewer, studentId: string, options: { now?: Date; limit?: number } = {}) {
  if (!can(viewer.role, 'progress.read') || !isUuid(studentId)) return [];
  const now = options.now ?? new Date();
  const rows = await getDb()
    .select({
      lessonId: lessons.id,
      during: lessons.during,
      subjectName: subjects.name,
      subjectColor: subjects.color,
      tutorFirstName: tutors.firstName,
      tutorLastName: tutors.lastName,
      mark: lessonAttendance.status,
      topic: lessonNotes.topic,
      homework: lessonNotes.homework,
      note: lessonNotes.note,
    })
    .from(lessonStudents)
    .innerJoin(students, eq(students.id, lessonStudents.studentId))
    .innerJoin(lessons, eq(lessons.id, lessonStudents.lessonId))
    .innerJoin(subjects, eq(subjects.id, lessons.subjectId))
    .innerJoin(tutors, eq(tutors.id, lessons.tutorId))
    .leftJoin(lessonAttendance, and(eq(lessonAttendance.lessonId, lessonStudents.lessonId), eq(lessonAttendance.studentId, lessonStudents.studentId)))
    .leftJoin(lessonNotes, eq(lessonNotes.lessonId, lessons.id))
    .where(and(progressScope(viewer, studentId), sql`lower(${lessons.during}) <= ${now.toISOString()}::timestamptz`))
    .orderBy(desc(sql`lower(${lessons.during})`), asc(lessons.id))
    .limit(options.limit ?? 100);
  return rows.map((r) => ({
    lessonId: r.lessonId,
    start: r.during.start,
    end: r.during.end,
    subject: { name: r.subjectName, color: r.subjectColor },
    tutorName: `${r.tutorFirstName} ${r.tutorLastName}`,
    mark: r.mark,
    topic: r.topic,
    homework: r.homework,
    note: r.note,
  }));
}

export type ProgressEntry = Awaited<ReturnType<typeof progressForStudent>>[number];

/**
 * A student's attendance rate over the last `weeks` weeks: present and late over every mark
 * (unmarked lessons do not count either way). Null rate when nothing is marked.
 */
export async function attendanceRate(viewer: Viewer, studentId: string, options: { now?: Date; weeks?: number } = {}) {
  const weeks = options.weeks ?? 12;
  const empty = { weeks, present: 0, late: 0, absent: 0, excused: 0, rate: null as number | null };
  if (!can(viewer.role, 'progress.read') || !isUuid(studentId)) return empty;
  const now = options.now ?? new Date();
  const since = new Date(now.getTime() - weeks * 7 * 86_400_000);
  const [row] = await getDb()
    .select(markCounts)
    .from(lessonStudents)
    .innerJoin(students, eq(students.id, lessonStudents.studentId))
    .innerJoin(lessons, eq(lessons.id, lessonStudents.lessonId))
    .innerJoin(lessonAttendance, and(eq(lessonAttendance.lessonId, lessonStudents.lessonId), eq(lessonAttendance.studentId, lessonStudents.studentId)))
    .where(and(progressScope(viewer, studentId), sql`lower(${lessons.during}) >= ${since.toISOString()}::timestamptz`, sql`lower(${lessons.during}) <= ${now.toISOString()}::timestamptz`));
  return { weeks, ...row, rate: attendanceRateOf(row) };
}

export type AttendanceRate = Awaited<ReturnType<typeof attendanceRate>>;

/**
 * `attendanceRate` for several students at once (a page of a tutor's roster): one grouped
 * query, the same window and scope (a tutor counts only the lessons they teach). Every id
 * asked for gets an entry; one the viewer may not see gets an empty one (no rate).
 */
export async function attendanceRates(viewer: Viewer, studentIds: readonly string[], options: { now?: Date; weeks?: number } = {}): Promise<Map<string, AttendanceRate>> {
  const weeks = options.weeks ?? 12;
  const empty = (): AttendanceRate => ({ weeks, present: 0, late: 0, absent: 0, excused: 0, rate: null });
  const ids = [...new Set(studentIds)].filter(isUuid);
  const out = new Map<string, AttendanceRate>(studentIds.map((id) => [id, empty()]));
  if (!can(viewer.role, 'progress.read') || ids.length === 0) return out;
  const now = options.now ?? new Date();
  const since = new Date(now.getTime() - weeks * 7 * 86_400_000);
  const rows = await getDb()
    .select({ studentId: lessonStudents.studentId, ...markCounts })
    .from(lessonStudents)
    .innerJoin(students, eq(students.id, lessonStudents.studentId))
    .innerJoin(lessons, eq(lessons.id, lessonStudents.lessonId))
    .innerJoin(lessonAttendance, and(eq(lessonAttendance.lessonId, lessonStudents.lessonId), eq(lessonAttendance.studentId, lessonStudents.studentId)))
    .where(and(progressScope(viewer, ids), sql`lower(${lessons.during}) >= ${since.toISOString()}::timestamptz`, sql`lower(${lessons.during}) <= ${now.toISOString()}::timestamptz`))
    .groupBy(lessonStudents.studentId);
  for (const { studentId, ...counts } of rows) out.set(studentId, { weeks, ...counts, rate: attendanceRateOf(counts) });
  return out;
}
