import 'server-only';
import { and, asc, eq, inArray, isNull, lt, sql } from 'drizzle-orm';
import { createElement } from 'react';
import { notificationEvents, parents, schools, students, users, type NotificationEvent, type School } from '@/db/schema';
import CancellationDecidedEmail, { cancellationDecidedSubject } from '@/emails/cancellation-decided';
import LessonChangedEmail, { lessonChangedSubject, type LessonChangeLine, type LessonSlot } from '@/emails/lesson-changed';
import type { Database } from '@/lib/db';
import { log } from '@/lib/log';
import { formatCalendarDate, formatDate, formatTimeRange } from '@/lib/time';
import { cancellationDecidedPayload, lessonChangedPayload, type CancellationDecidedPayload, type LessonChangedPayload, type LessonFacts } from './events';
import { lessonRecipients, type PersonRecipient } from './recipients';
import { emailLocale, sendNotice, type NoticeResult } from './send';

/**
 * Sending what `notification_events` ask for. An event is processed at most once as people
 * see it: every message carries the dedupe key `<kind>:<event or batch id>:<address>`, and
 * `processed_at` is set only after every message went, so a crash half way (or an Inngest
 * retry, or the sweep meeting an event Inngest is still working on) sends the rest and never
 * a message twice.
 *
 * Who is told:
 * - lesson-changed: the lesson's students, their parents and its tutor (lib/notifications/
 *   recipients.ts), as they are when the message goes; for a series lesson replaced by a new
 *   one at another time or place, the people of both (so a tutor taken off the series along
 *   with the change hears of it; a new tutor alone is not a move). The person who made
 *   the change is not emailed about their own change (they know it, having made it), nor
 *   are the people the event names as told another way.
 * - cancellation-decided: the person who asked, unless their account was deactivated or the
 *   student or parent they are was archived since.
 */

const slot = (f: LessonFacts, zone: string): LessonSlot => ({ date: formatDate(f.start, zone), time: formatTimeRange(f.start, f.end, zone), room: f.room, meetingUrl: f.meetingUrl });

async function markProcessed(db: Database, ids: readonly string[]) {
  if (ids.length) await db.update(notificationEvents).set({ processedAt: new Date() }).where(and(inArray(notificationEvents.id, [...ids]), isNull(notificationEvents.processedAt)));
}

/** The actor's and the excluded people's accounts, by id and by address. */
async function excludedPeople(db: Database, schoolId: string, userIds: readonly string[]) {
  const ids = [...new Set(userIds)];
  const emails = ids.length
    ? (await db.select({ email: users.email }).from(users).where(and(eq(users.schoolId, schoolId), inArray(users.id, ids)))).map((u) => u.email.toLowerCase())
    : [];
  return (r: PersonRecipient) => (r.userId !== null && ids.includes(r.userId)) || emails.includes(r.email.toLowerCase());
}

type LessonChangedEvent = { event: NotificationEvent; payload: LessonChangedPayload };

async function processLessonChanges(db: Database, school: School, payloads: LessonChangedEvent[], about: string): Promise<NoticeResult[]> {
  const lessonIds = payloads.flatMap(({ event, payload }) => [event.entityId, payload.before.lessonId]);
  const people = await lessonRecipients(db, school, lessonIds);
  const isExcluded = await excludedPeople(
    db,
    school.id,
    payloads.flatMap(({ payload }) => [...(payload.actorUserId ? [payload.actorUserId] : []), ...(payload.exclude ?? [])]),
  );

  // Each person's lines, in the order of the events (a series' lessons by date).
  const byAddress = new Map<string, { to: PersonRecipient; changes: LessonChangeLine[] }>();
  for (const { event, payload } of payloads) {
    const seen = new Set<string>();
    const told = [...(people.get(event.entityId) ?? []), ...(payload.before.lessonId !== event.entityId ? (people.get(payload.before.lessonId) ?? []) : [])];
    for (const person of told) {
      const key = person.email.toLowerCase();
      if (seen.has(key) || isExcluded(person)) continue;
      seen.add(key);
      const before = slot(payload.before, school.timeZone);
      const line: LessonChangeLine =
        payload.change === 'moved' && payload.after
          ? { change: 'moved', subjectName: payload.subject, students: person.students, before, after: slot(payload.after, school.timeZone) }
          : { change: 'cancelled', subjectName: payload.subject, students: person.students, before, reason: payload.reason ?? null };
      const entry = byAddress.get(key) ?? { to: person, changes: [] };
      entry.changes.push(line);
      byAddress.set(key, entry);
    }
  }

  const results: NoticeResult[] = [];
  for (const { to, changes } of byAddress.values()) {
    results.push(
      await sendNotice(db, {
        school,
        kind: 'lesson-changed',
        to,
        about,
        subject: lessonChangedSubject({ locale: to.locale, changes }),
        body: (frame) => createElement(LessonChangedEmail, { ...frame, name: to.name, changes }),
        meta: { eventIds: payloads.map((p) => p.event.id), lessonIds: [...new Set(payloads.map((p) => p.event.entityId))] },
      }),
    );
  }
  return results;
}

async function processDecision(db: Database, school: School, event: NotificationEvent, p: CancellationDecidedPayload): Promise<NoticeResult[]> {
  const [requester] = await db
    .select({ email: users.email, name: users.name, locale: users.locale, status: users.status, studentStatus: students.status, parentArchivedAt: parents.archivedAt })
    .from(users)
    .leftJoin(students, and(eq(students.userId, users.id), eq(students.schoolId, school.id)))
    .leftJoin(parents, and(eq(parents.userId, users.id), eq(parents.schoolId, school.id)))
    .where(and(eq(users.id, p.requestedBy), eq(users.schoolId, school.id)));
  if (!requester || requester.status === 'deactivated' || requester.studentStatus === 'archived' || requester.parentArchivedAt) return [];
  const locale = emailLocale(requester.locale);
  const props = {
    name: requester.name,
    studentName: p.studentName,
    lesson: `${p.subject}, ${formatDate(p.start, school.timeZone)} ${formatTimeRange(p.start, p.end, school.timeZone)}`,
    decision: p.decision,
    outcome: p.outcome,
    creditUntil: p.creditUntil ? formatCalendarDate(p.creditUntil) : null,
    lateCharged: p.lateCharged,
    note: p.note,
  };
  return [
    await sendNotice(db, {
      school,
      kind: 'cancellation-decided',
      to: { email: requester.email, name: requester.name, locale },
      about: event.id,
      subject: cancellationDecidedSubject({ locale, decision: p.decision }),
      body: (frame) => createElement(CancellationDecidedEmail, { ...frame, ...props }),
      meta: { requestId: p.requestId, decision: p.decision },
    }),
  ];
}

/**
 * Sends the emails a notification event asks for (a lesson moved or cancelled, a cancellation
 * decided) and marks it processed. An event of a batch (a series changed from a date) is
 * processed with the rest of its batch: each person gets one message listing every lesson.
 * Idempotent: a processed event is skipped, and every message carries a dedupe key. Returns
 * how many emails went out (not counting those switched off or sent before).
 */
export async function processNotificationEvent(db: Database, id: string): Promise<{ sent: number; processed: number }> {
  const [event] = await db.select().from(notificationEvents).where(eq(notificationEvents.id, id));
  if (!event || event.processedAt) return { sent: 0, processed: 0 };
  const [school] = await db.select().from(schools).where(eq(schools.id, event.schoolId));

  let events = [event];
  let results: NoticeResult[] = [];
  const unreadable = () => log.warn('notification event not understood, marked processed', { id, kind: event.kind });
  if (event.kind === 'lesson-changed') {
    const parsed = lessonChangedPayload.safeParse(event.payload);
    if (!parsed.success) unreadable();
    else {
      const batch = parsed.data.batch;
      if (batch) {
        events = await db
          .select()
          .from(notificationEvents)
          .where(and(eq(notificationEvents.schoolId, event.schoolId), eq(notificationEvents.kind, 'lesson-changed'), isNull(notificationEvents.processedAt), sql`${notificationEvents.payload}->>'batch' = ${batch}`))
          .orderBy(asc(notificationEvents.createdAt), asc(notificationEvents.id));
      }
      const readable = events.flatMap((e) => {
        const p = e.id === event.id ? parsed : lessonChangedPayload.safeParse(e.payload);
        return p.success ? [{ event: e, payload: p.data }] : [];
      });
      // A batch's lessons in date order, as a person reads a timetable.
      readable.sort((a, b) => a.payload.before.start.localeCompare(b.payload.before.start));
      results = await processLessonChanges(db, school, readable, batch ?? event.id);
    }
  } else if (event.kind === 'cancellation-decided') {
    const parsed = cancellationDecidedPayload.safeParse(event.payload);
    if (parsed.success) results = await processDecision(db, school, event, parsed.data);
    else unreadable();
  } else {
    unreadable();
  }
  await markProcessed(
    db,
    events.map((e) => e.id),
  );
  return { sent: results.filter((r) => r.id !== null).length, processed: events.length };
}

/**
 * Processes every event still unprocessed a minute before `at` (the hourly sweep that catches
 * events Inngest missed, or that were written while no Inngest server was reachable), oldest
 * first, for one school or all. The minute leaves a fresh event to the request that wrote it.
 * One event that fails is logged and left for the next sweep; the others still go.
 */
export async function sweepNotificationEvents(db: Database, at: Date, options: { schoolId?: string } = {}): Promise<{ processed: number; sent: number; failed: number }> {
  const cutoff = new Date(at.getTime() - 60_000);
  const pending = await db
    .select({ id: notificationEvents.id })
    .from(notificationEvents)
    .where(and(isNull(notificationEvents.processedAt), lt(notificationEvents.createdAt, cutoff), options.schoolId ? eq(notificationEvents.schoolId, options.schoolId) : undefined))
    .orderBy(asc(notificationEvents.createdAt), asc(notificationEvents.id));
  let processed = 0;
  let sent = 0;
  let failed = 0;
  for (const { id } of pending) {
    try {
      // An event processed meanwhile (with its batch, or by Inngest) counts nothing.
      const done = await processNotificationEvent(db, id);
      sent += done.sent;
      processed += done.processed;
    } catch (err) {
      failed += 1;
      log.error('notification event not processed; the next sweep tries again', { id, reason: err instanceof Error ? err.message : String(err) });
    }
  }
  return { processed, sent, failed };
}
