import 'server-only';
import { aliasedTable, and, eq, ne, sql } from 'drizzle-orm';
import { getTranslations } from 'next-intl/server';
import { lessons, lessonStudents, rooms, schools, students, subjects, tutors } from '@/db/schema';
import type { ConflictExplainer } from '@/lib/action';
import type { Viewer } from '@/lib/auth/viewer';
import { getDb } from '@/lib/db';
import { conflictingKey, rangeBounds, type DbConflict } from '@/lib/db/conflicts';
import { AppError } from '@/lib/errors';
import { clashSentence, groupFullSentence, type Clash, type ClashFacts, type LessonTranslator } from './rules';

/**
 * The database refuses a double-booking by constraint name (migration 0010); these turn the
 * refusal into a sentence about the lesson that is already there: "Anna Kowalczyk already
 * teaches Matematyka 16:00–17:00 in Sala 2". PostgreSQL's DETAIL names the existing row's key
 * (tutor, room or student, and its time); the lesson is looked up by that key within the
 * viewer's school. The explainers run after the failed transaction, on a fresh connection.
 */

const clashOf: Record<string, Clash> = {
  lessons_tutor_no_overlap: 'tutor_busy',
  lessons_room_no_overlap: 'room_busy',
  lesson_students_no_overlap: 'student_busy',
};

/**
 * The facts of the existing lesson a conflict names, or undefined when the detail cannot
 * be read or the lesson is gone (the caller then answers a plain CONFLICT).
 */
export async function clashFacts(viewer: Viewer, conflict: Pick<DbConflict, 'constraint' | 'detail'>): Promise<(ClashFacts & { clash: Clash; lessonId: string }) | undefined> {
  const clash = clashOf[conflict.constraint];
  const key = conflictingKey(conflict.detail);
  const span = rangeBounds(key?.during);
  if (!clash || !key || !span) return undefined;
  const sameSpan = sql`${lessons.during} = tstzrange(${span.start.toISOString()}::timestamptz, ${span.end.toISOString()}::timestamptz, '[)')`;
  const db = getDb();
  const base = db
    .select({
      lessonId: lessons.id,
      tutorFirst: tutors.firstName,
      tutorLast: tutors.lastName,
      subject: subjects.name,
      room: rooms.name,
      timeZone: schools.timeZone,
      during: lessons.during,
      studentFirst: sql<string | null>`null`,
      studentLast: sql<string | null>`null`,
    })
    .from(lessons)
    .innerJoin(tutors, eq(tutors.id, lessons.tutorId))
    .innerJoin(subjects, eq(subjects.id, lessons.subjectId))
    .innerJoin(schools, eq(schools.id, lessons.schoolId))
    .leftJoin(rooms, eq(rooms.id, lessons.roomId));
  const live = and(eq(lessons.schoolId, viewer.schoolId), ne(lessons.status, 'cancelled'), sameSpan);

  let row;
  if (clash === 'tutor_busy') {
    if (!isUuidText(key.tutor_id)) return undefined;
    [row] = await base.where(and(live, eq(lessons.tutorId, key.tutor_id))).limit(1);
  } else if (clash === 'room_busy') {
    if (!isUuidText(key.room_id)) return undefined;
    [row] = await base.where(and(live, eq(lessons.roomId, key.room_id))).limit(1);
  } else {
    if (!isUuidText(key.student_id)) return undefined;
    const student = aliasedTable(students, 'clash_student');
    [row] = await db
      .select({
        lessonId: lessons.id,
        tutorFirst: tutors.firstName,
        tutorLast: tutors.lastName,
        subject: subjects.name,
        room: rooms.name,
        timeZone: schools.timeZone,
        during: lessons.during,
        studentFirst: student.firstName,
        studentLast: student.lastName,
      })
      .from(lessonStudents)
      .innerJoin(lessons, eq(lessons.id, lessonStudents.lessonId))
      .innerJoin(student, eq(student.id, lessonStudents.studentId))
      .innerJoin(tutors, eq(tutors.id, lessons.tutorId))
      .innerJoin(subjects, eq(subjects.id, lessons.subjectId))
      .innerJoin(schools, eq(schools.id, lessons.schoolId))
      .leftJoin(rooms, eq(rooms.id, lessons.roomId))
      .where(and(live, eq(lessonStudents.studentId, key.student_id), eq(lessonStudents.active, true)))
      .limit(1);
  }
  if (!row) return undefined;
  return {
    clash,
    lessonId: row.lessonId,
    tutor: `${row.tutorFirst} ${row.tutorLast}`,
    subject: row.subject,
    room: row.room,
    student: row.studentFirst ? `${row.studentFirst} ${row.studentLast}` : undefined,
    start: row.during.start,
    end: row.during.end,
    timeZone: row.timeZone,
  };
}

const explainClash: ConflictExplainer = async (conflict, { viewer }) => {
  const facts = await clashFacts(viewer, conflict);
  if (!facts) return undefined;
  const t = (await getTranslations('lessons')) as unknown as LessonTranslator;
  return new AppError('CONFLICT', clashSentence(t, facts.clash, facts), undefined, facts.clash);
};

/**
 * The numbers of a full group, from the DETAIL the capacity trigger writes:
 * `Key (lesson_id, room_id)=(…, …) taken=(8) capacity=(8) room_capacity=(8)`.
 */
export function capacityFacts(detail: string | undefined) {
  const m = detail?.match(/^Key \(lesson_id, room_id\)=\(([0-9a-f-]{36}), ([0-9a-f-]{36})?\) taken=\((\d+)\) capacity=\((\d+)\) room_capacity=\((\d*)\)$/);
  if (!m) return undefined;
  return { lessonId: m[1], roomId: m[2] ?? null, taken: Number(m[3]), capacity: Number(m[4]), roomCapacity: m[5] ? Number(m[5]) : null };
}

const explainCapacity: ConflictExplainer = async (conflict, { viewer }) => {
  const facts = capacityFacts(conflict.detail);
  if (!facts) return undefined;
  const [room] = facts.roomId
    ? await getDb()
        .select({ name: rooms.name })
        .from(rooms)
        .where(and(eq(rooms.id, facts.roomId), eq(rooms.schoolId, viewer.schoolId)))
    : [];
  const t = (await getTranslations('lessons')) as unknown as LessonTranslator;
  const message = groupFullSentence(t, { taken: facts.taken, capacity: facts.capacity, room: room?.name ?? null, roomCapacity: room ? facts.roomCapacity : null });
  return new AppError('CONFLICT', message, { studentIds: [message] }, 'group_full');
};

/** What lesson actions pass to `action(…, { conflicts })`. */
export const lessonConflicts: Record<string, ConflictExplainer> = {
  lessons_tutor_no_overlap: explainClash,
  lessons_room_no_overlap: explainClash,
  lesson_students_no_overlap: explainClash,
  lesson_students_capacity: explainCapacity,
};

function isUuidText(value: string | undefined): value is string {
  return !!value && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}
