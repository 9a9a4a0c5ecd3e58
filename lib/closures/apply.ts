import 'server-only';
import { createElement } from 'react';
import { and, eq, gte, inArray, lt, or, sql } from 'drizzle-orm';
import { lessons, lessonStudents, parents, parentStudents, schools, students, subjects, tutors, users } from '@/db/schema';
import LessonsCancelledClosureEmail, { lessonsCancelledClosureSubject, type CancelledLessonLine } from '@/emails/lessons-cancelled-closure';
import type { Queryable } from '@/lib/db';
import { sendEmail } from '@/lib/email';
import { log } from '@/lib/log';
import { addCalendarDays, formatCalendarDate, formatDate, formatTimeRange, zonedToInstant } from '@/lib/time';

/**
 * What a closure does to lessons already booked: the school's scheduled lessons that start
 * on one of its days (in the school's zone) and are still ahead are cancelled with the
 * reason "closure: <name>". They have no attendance, so nothing is charged for them. Lessons
 * in the past are left as they are: a closure entered late does not rewrite history.
 */
function affected(schoolId: string, timeZone: string, firstDay: string, lastDay: string, now: Date) {
  const from = zonedToInstant(firstDay, '00:00', timeZone);
  const to = zonedToInstant(addCalendarDays(lastDay, 1), '00:00', timeZone);
  const since = from > now ? from : now;
  return and(
    eq(lessons.schoolId, schoolId),
    eq(lessons.status, 'scheduled'),
    gte(sql`lower(${lessons.during})`, sql`${since.toISOString()}::timestamptz`),
    lt(sql`lower(${lessons.during})`, sql`${to.toISOString()}::timestamptz`),
  );
}

/** How many booked lessons a closure over these days would cancel (shown before saving). */
export async function countClosureLessons(db: Queryable, schoolId: string, timeZone: string, firstDay: string, lastDay: string, now = new Date()): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(lessons).where(affected(schoolId, timeZone, firstDay, lastDay, now));
  return row.n;
}

/** Cancels the lessons a closure covers, in the caller's transaction; answers their ids. */
export async function cancelForClosure(tx: Queryable, schoolId: string, timeZone: string, closure: { firstDay: string; lastDay: string; name: string }, now = new Date()): Promise<string[]> {
  const rows = await tx
    .update(lessons)
    .set({ status: 'cancelled', cancelledAt: now, cancelReason: `closure: ${closure.name}`.slice(0, 500), updatedAt: now })
    .where(affected(schoolId, timeZone, closure.firstDay, closure.lastDay, now))
    .returning({ id: lessons.id });
  return rows.map((r) => r.id);
}

export type ClosureNotice = { to: string; name: string; locale: 'pl' | 'en'; lessons: CancelledLessonLine[] };

/**
 * One notice per person for the cancelled lessons: each lesson's tutor, its students (their
 * own address, if any), and their parents who pay or have full access (view-only parents
 * are not written to). A person with several lessons gets one message listing them all.
 */
export async function closureNotices(db: Queryable, schoolId: string, timeZone: string, lessonIds: readonly string[]): Promise<ClosureNotice[]> {
  if (lessonIds.length === 0) return [];
  const ids = [...lessonIds];
  const lessonRows = await db
    .select({ id: lessons.id, during: lessons.during, subject: subjects.name, tutorId: tutors.id, tutorFirst: tutors.firstName, tutorLast: tutors.lastName, tutorEmail: sql<string | null>`coalesce(${tutors.email}, ${users.email})`, tutorLocale: users.locale })
    .from(lessons)
    .innerJoin(subjects, eq(subjects.id, lessons.subjectId))
    .innerJoin(tutors, eq(tutors.id, lessons.tutorId))
    .leftJoin(users, eq(users.id, tutors.userId))
    .where(and(eq(lessons.schoolId, schoolId), inArray(lessons.id, ids)))
    .orderBy(sql`lower(${lessons.during})`);
  const studentRows = await db
    .select({ lessonId: lessonStudents.lessonId, studentId: students.id, first: students.firstName, last: students.lastName, email: sql<string | null>`coalesce(${students.email}, ${users.email})`, locale: users.locale })
    .from(lessonStudents)
    .innerJoin(students, eq(students.id, lessonStudents.studentId))
    .leftJoin(users, eq(users.id, students.userId))
    .where(and(eq(lessonStudents.schoolId, schoolId), inArray(lessonStudents.lessonId, ids)));
  const studentIds = [...new Set(studentRows.map((s) => s.studentId))];
  const parentRows = studentIds.length
    ? await db
        .select({ studentId: parentStudents.studentId, parentId: parents.id, first: parents.firstName, last: parents.lastName, email: parents.email, locale: parents.preferredLanguage })
        .from(parentStudents)
        .innerJoin(parents, eq(parents.id, parentStudents.parentId))
        .where(and(eq(parentStudents.schoolId, schoolId), inArray(parentStudents.studentId, studentIds), or(eq(parentStudents.isPayer, true), eq(parentStudents.access, 'full')), sql`${parents.archivedAt} is null`))
    : [];

  const byPerson = new Map<string, ClosureNotice>();
  const add = (key: string, to: string | null, name: string, locale: string | null, line: CancelledLessonLine) => {
    if (!to) return;
    let notice = byPerson.get(key);
    if (!notice) byPerson.set(key, (notice = { to, name, locale: locale === 'en' ? 'en' : 'pl', lessons: [] }));
    if (!notice.lessons.some((l) => l.when === line.when && l.subject === line.subject && l.student === line.student)) notice.lessons.push(line);
  };
  for (const l of lessonRows) {
    const when = `${formatDate(l.during.start, timeZone)} ${formatTimeRange(l.during.start, l.during.end, timeZone)}`;
    const inLesson = studentRows.filter((s) => s.lessonId === l.id);
    const names = inLesson.map((s) => `${s.first} ${s.last}`).join(', ');
    add(`tutor:${l.tutorId}`, l.tutorEmail, `${l.tutorFirst} ${l.tutorLast}`, l.tutorLocale, { when, subject: l.subject, student: names || undefined });
    for (const s of inLesson) {
      add(`student:${s.studentId}`, s.email, `${s.first} ${s.last}`, s.locale, { when, subject: l.subject });
      for (const p of parentRows.filter((p) => p.studentId === s.studentId)) {
        add(`parent:${p.parentId}`, p.email, `${p.first} ${p.last}`, p.locale, { when, subject: l.subject, student: `${s.first} ${s.last}` });
      }
    }
  }
  return [...byPerson.values()];
}

/** Sends the notices after the commit; a failed message is logged, never undoes the closure. */
export async function sendClosureNotices(db: Queryable, schoolId: string, timeZone: string, closure: { firstDay: string; lastDay: string; name: string }, lessonIds: readonly string[]): Promise<number> {
  const notices = await closureNotices(db, schoolId, timeZone, lessonIds);
  if (notices.length === 0) return 0;
  const [school] = await db.select({ name: schools.name }).from(schools).where(eq(schools.id, schoolId));
  const period = closure.firstDay === closure.lastDay ? formatCalendarDate(closure.firstDay) : `${formatCalendarDate(closure.firstDay)}–${formatCalendarDate(closure.lastDay)}`;
  let sent = 0;
  for (const n of notices) {
    try {
      const props = { schoolName: school.name, locale: n.locale, name: n.name, closureName: closure.name, period, lessons: n.lessons };
      await sendEmail({ schoolId, to: n.to, subject: lessonsCancelledClosureSubject(props), template: 'lessons-cancelled-closure', body: createElement(LessonsCancelledClosureEmail, props), meta: { closure: closure.name, lessons: n.lessons.length } });
      sent++;
    } catch (err) {
      log.error('closure notice not sent', { error: err instanceof Error ? err.message : String(err) });
    }
  }
  return sent;
}
