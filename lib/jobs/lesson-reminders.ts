import 'server-only';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { createElement } from 'react';
import { emailOutbox, lessons, rooms, subjects, tutors, type School } from '@/db/schema';
import LessonReminderEmail, { lessonReminderSubject } from '@/emails/lesson-reminder';
import type { Database } from '@/lib/db';
import { sweepNotificationEvents } from '@/lib/notifications/process';
import { lessonRecipients } from '@/lib/notifications/recipients';
import { sendNotice, tally, type NoticeResult } from '@/lib/notifications/send';
import { formatDate, formatTimeRange } from '@/lib/time';
import type { JobCounts, JobDefinition } from './types';

const HOUR_MS = 3_600_000;

/**
 * One reminder per lesson per person, `lessonReminderHours` before it starts: the scheduled
 * (not cancelled) lessons starting in (at, at + H] that have not been reminded of yet.
 *
 * - The window reaches back to `at`, not to at + H − 1 h, so a run that is late, or an hour
 *   when no run happened at all, misses nobody: the next run reminds of every lesson ahead
 *   within H hours that was not reminded of. A lesson booked less than H hours ahead is
 *   reminded of at the next run, since nothing else told its people about it.
 * - Never twice: the dedupe key is `lesson-reminder:<lesson id>:<start>:<address>`. A lesson
 *   moved to another time gets a new reminder (the first one named the old time); one moved to
 *   another room only does not.
 * - H counts elapsed hours, as the cancellation notice does: across the autumn clock change a
 *   Monday 16:00 lesson is reminded of at 16:00 on Sunday (24 real hours), while a Sunday
 *   16:00 lesson on the day of the change is reminded of at 17:00 on Saturday, the clocks
 *   having gone back in between.
 */
export async function remindLessons(db: Database, school: School, at: Date): Promise<{ lessons: number; emailed: number; alreadySent: number; skipped: number }> {
  const hours = school.lessonReminderHours;
  if (hours <= 0) return { lessons: 0, emailed: 0, alreadySent: 0, skipped: 0 };
  const until = new Date(at.getTime() + hours * HOUR_MS);
  const due = await db
    .select({
      id: lessons.id,
      during: lessons.during,
      meetingUrl: lessons.meetingUrl,
      subject: subjects.name,
      room: rooms.name,
      tutorFirst: tutors.firstName,
      tutorLast: tutors.lastName,
    })
    .from(lessons)
    .innerJoin(subjects, eq(subjects.id, lessons.subjectId))
    .innerJoin(tutors, eq(tutors.id, lessons.tutorId))
    .leftJoin(rooms, eq(rooms.id, lessons.roomId))
    .where(
      and(
        eq(lessons.schoolId, school.id),
        eq(lessons.status, 'scheduled'),
        sql`lower(${lessons.during}) > ${at.toISOString()}::timestamptz`,
        sql`lower(${lessons.during}) <= ${until.toISOString()}::timestamptz`,
      ),
    )
    .orderBy(sql`lower(${lessons.during})`, lessons.id);
  if (due.length === 0) return { lessons: 0, emailed: 0, alreadySent: 0, skipped: 0 };

  const people = await lessonRecipients(
    db,
    school,
    due.map((l) => l.id),
  );
  const about = (l: (typeof due)[number]) => `${l.id}:${l.during.start.toISOString()}`;
  // Most of the window was reminded of by earlier runs: find those in one query instead of
  // rendering every message again only for the outbox to refuse it.
  const keys = due.flatMap((l) => (people.get(l.id) ?? []).map((p) => `lesson-reminder:${about(l)}:${p.email.toLowerCase()}`));
  const sentBefore = new Set<string>();
  for (let i = 0; i < keys.length; i += 500) {
    const rows = await db.select({ key: emailOutbox.dedupeKey }).from(emailOutbox).where(inArray(emailOutbox.dedupeKey, keys.slice(i, i + 500)));
    for (const r of rows) if (r.key) sentBefore.add(r.key);
  }

  const results: NoticeResult[] = [];
  for (const l of due) {
    const date = formatDate(l.during.start, school.timeZone);
    const time = formatTimeRange(l.during.start, l.during.end, school.timeZone);
    const tutor = `${l.tutorFirst} ${l.tutorLast}`;
    for (const to of people.get(l.id) ?? []) {
      if (sentBefore.has(`lesson-reminder:${about(l)}:${to.email.toLowerCase()}`)) {
        results.push({ id: null, status: 'duplicate' });
        continue;
      }
      results.push(
        await sendNotice(db, {
          school,
          kind: 'lesson-reminder',
          to,
          about: about(l),
          subject: lessonReminderSubject({ locale: to.locale, subjectName: l.subject, date, time }),
          body: (frame) =>
            createElement(LessonReminderEmail, { ...frame, name: to.name, subjectName: l.subject, date, time, room: l.room, meetingUrl: l.meetingUrl, tutor, students: to.students }),
          meta: { lessonId: l.id, start: l.during.start.toISOString() },
        }),
      );
    }
  }
  return { lessons: due.length, ...tally(results) };
}

/**
 * Every hour: reminds of the lessons ahead (see remindLessons), then sends the notification
 * events still waiting (a lesson moved while no Inngest server was reachable).
 */
export const lessonReminders: JobDefinition = {
  name: 'lesson-reminders',
  isDue: () => true,
  async run(db, school, at): Promise<JobCounts> {
    const reminded = await remindLessons(db, school, at);
    const swept = await sweepNotificationEvents(db, at, { schoolId: school.id });
    // `swept`: the events the sweep sent (their emails are not among the reminders' counts).
    return { ...reminded, swept: swept.processed, ...(swept.failed ? { sweepFailed: swept.failed } : {}) };
  },
};
