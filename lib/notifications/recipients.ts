import 'server-only';
import { and, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import { lessons, lessonStudents, parents, parentStudents, students, tutors, users, type School } from '@/db/schema';
import type { Queryable } from '@/lib/db';
import { emailLocale, type Recipient } from './send';

/**
 * Who is told about a lesson or a student: the students themselves (with an address), the
 * parents linked to them, and the lesson's tutor. Each person comes with the students they
 * are told about, so a parent of one child in a group reads that child's name, never the
 * other children's; the tutor reads every student of the lesson.
 *
 * - Nobody archived: an archived student (nor, through them, their parents), an archived
 *   parent, a tutor who left. A paused student or a tutor on leave still hears of a lesson
 *   they are booked into.
 * - View-only parents are told too: they follow the child's lessons, and a change or a
 *   reminder is exactly what they follow them for.
 * - An address: a student's own account (unless deactivated), else their contact email; a
 *   parent's email; a tutor's contact email, else their account's.
 * - Language: the person's account when they have one; a parent without one, the language
 *   they told the school (`parents.preferred_language`); anyone else, the school's.
 * - Never someone of another school: every row read is filtered by the school.
 * - One entry per address: a student whose parent gave the family's address, or a parent
 *   of two children of the same group, gets one message naming both children.
 */
export type PersonRecipient = Recipient & {
  /** The account, when the person has one (to leave out whoever made a change). */
  userId: string | null;
  role: 'student' | 'parent' | 'tutor';
  /** Names of the students this person is told about ("Ola Nowak"). */
  students: string[];
};

type SchoolRef = Pick<School, 'id' | 'locale'>;

const fullName = (p: { firstName: string; lastName: string }) => `${p.firstName} ${p.lastName}`;

/** Merges a person into a list kept unique by address (case-insensitive). */
function addTo(list: PersonRecipient[], person: PersonRecipient) {
  const key = person.email.toLowerCase();
  const known = list.find((r) => r.email.toLowerCase() === key);
  if (!known) {
    list.push({ ...person, students: [...person.students] });
    return;
  }
  for (const s of person.students) if (!known.students.includes(s)) known.students.push(s);
}

/**
 * The students and parents to tell about each of `studentIds` (of `school` only), by student.
 * Students without an address are left out (their parents are still told).
 */
export async function studentRecipients(db: Queryable, school: SchoolRef, studentIds: readonly string[]): Promise<Map<string, PersonRecipient[]>> {
  const out = new Map<string, PersonRecipient[]>();
  const ids = [...new Set(studentIds)];
  if (ids.length === 0) return out;
  const studentRows = await db
    .select({
      id: students.id,
      firstName: students.firstName,
      lastName: students.lastName,
      contactEmail: students.email,
      userId: users.id,
      userEmail: users.email,
      userStatus: users.status,
      userLocale: users.locale,
    })
    .from(students)
    .leftJoin(users, and(eq(users.id, students.userId), eq(users.schoolId, school.id)))
    .where(and(eq(students.schoolId, school.id), inArray(students.id, ids), ne(students.status, 'archived')));
  const active = studentRows.map((s) => s.id);
  const parentRows = active.length
    ? await db
        .select({
          studentId: parentStudents.studentId,
          firstName: parents.firstName,
          lastName: parents.lastName,
          email: parents.email,
          preferredLanguage: parents.preferredLanguage,
          userId: users.id,
          userLocale: users.locale,
        })
        .from(parentStudents)
        .innerJoin(parents, and(eq(parents.id, parentStudents.parentId), eq(parents.schoolId, school.id)))
        .leftJoin(users, and(eq(users.id, parents.userId), eq(users.schoolId, school.id)))
        .where(and(eq(parentStudents.schoolId, school.id), inArray(parentStudents.studentId, active), isNull(parents.archivedAt)))
        .orderBy(parents.lastName, parents.firstName, parents.id)
    : [];

  for (const s of studentRows) {
    const list: PersonRecipient[] = [];
    const name = fullName(s);
    const ownEmail = s.userEmail && s.userStatus !== 'deactivated' ? s.userEmail : s.contactEmail;
    if (ownEmail) {
      addTo(list, { email: ownEmail, name, locale: emailLocale(s.userId ? s.userLocale : school.locale), userId: s.userId, role: 'student', students: [name] });
    }
    for (const p of parentRows.filter((p) => p.studentId === s.id)) {
      const locale = emailLocale(p.userId ? p.userLocale : p.preferredLanguage);
      addTo(list, { email: p.email, name: fullName(p), locale, userId: p.userId, role: 'parent', students: [name] });
    }
    out.set(s.id, list);
  }
  return out;
}

/**
 * Everyone to tell about each of `lessonIds` (of `school` only), by lesson: its tutor first,
 * then its students and their parents. A cancelled lesson keeps its students, so its people
 * can still be told that it is off.
 */
export async function lessonRecipients(db: Queryable, school: SchoolRef, lessonIds: readonly string[]): Promise<Map<string, PersonRecipient[]>> {
  const out = new Map<string, PersonRecipient[]>();
  const ids = [...new Set(lessonIds)];
  if (ids.length === 0) return out;
  const lessonRows = await db
    .select({
      id: lessons.id,
      tutorFirst: tutors.firstName,
      tutorLast: tutors.lastName,
      tutorStatus: tutors.status,
      tutorEmail: sql<string | null>`coalesce(${tutors.email}, case when ${users.status} <> 'deactivated' then ${users.email} end)`,
      tutorUserId: users.id,
      tutorLocale: users.locale,
    })
    .from(lessons)
    .innerJoin(tutors, and(eq(tutors.id, lessons.tutorId), eq(tutors.schoolId, school.id)))
    .leftJoin(users, and(eq(users.id, tutors.userId), eq(users.schoolId, school.id)))
    .where(and(eq(lessons.schoolId, school.id), inArray(lessons.id, ids)));
  const seats = await db
    .select({ lessonId: lessonStudents.lessonId, studentId: lessonStudents.studentId, firstName: students.firstName, lastName: students.lastName })
    .from(lessonStudents)
    .innerJoin(students, eq(students.id, lessonStudents.studentId))
    .where(and(eq(lessonStudents.schoolId, school.id), inArray(lessonStudents.lessonId, ids), ne(students.status, 'archived')))
    .orderBy(students.lastName, students.firstName, students.id);
  const byStudent = await studentRecipients(
    db,
    school,
    seats.map((s) => s.studentId),
  );

  for (const l of lessonRows) {
    const list: PersonRecipient[] = [];
    const inLesson = seats.filter((s) => s.lessonId === l.id);
    if (l.tutorStatus !== 'left' && l.tutorEmail) {
      const tutorLocale = emailLocale(l.tutorUserId ? l.tutorLocale : school.locale);
      addTo(list, { email: l.tutorEmail, name: `${l.tutorFirst} ${l.tutorLast}`, locale: tutorLocale, userId: l.tutorUserId, role: 'tutor', students: inLesson.map(fullName) });
    }
    for (const seat of inLesson) for (const person of byStudent.get(seat.studentId) ?? []) addTo(list, person);
    out.set(l.id, list);
  }
  return out;
}
