import 'server-only';
import { randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import { after } from 'next/server';
import { z } from 'zod';
import { notificationEvents, rooms, subjects, type Lesson } from '@/db/schema';
import type { Queryable } from '@/lib/db';
import { emitNotifications } from './emit';

/**
 * Writing down, in the transaction that makes a change, what people must be told about it
 * (`notification_events`), and handing the ids on once it has committed. The payload holds
 * the facts the database will not hold later: the old time and room of a moved lesson, the
 * subject's name as it was, the decision on a request.
 */

const iso = z.iso.datetime({ offset: true });

/** When and where a lesson is, as stored in an event (instants as ISO strings; the room by name). */
const lessonFacts = z.object({ lessonId: z.uuid(), start: iso, end: iso, room: z.string().nullable(), meetingUrl: z.string().nullable() });
export type LessonFacts = z.infer<typeof lessonFacts>;

export const lessonChangedPayload = z.object({
  change: z.enum(['moved', 'cancelled']),
  subject: z.string(),
  before: lessonFacts,
  /** Where and when it is now (moved only). */
  after: lessonFacts.optional(),
  /** Why it was cancelled, as written by whoever cancelled it. */
  reason: z.string().nullish(),
  /** Who made the change: not emailed about their own change. */
  actorUserId: z.uuid().nullable(),
  /** People told another way (the requester, who gets the decision instead). */
  exclude: z.array(z.uuid()).optional(),
  /** Events written by one change of many lessons (a series from a date): each person gets one message listing them all. */
  batch: z.uuid().optional(),
});
export type LessonChangedPayload = z.infer<typeof lessonChangedPayload>;

export const cancellationDecidedPayload = z.object({
  requestId: z.uuid(),
  /** The person who asked, and the one the decision is sent to. */
  requestedBy: z.uuid(),
  studentName: z.string(),
  subject: z.string(),
  start: iso,
  end: iso,
  decision: z.enum(['approved', 'rejected']),
  outcome: z.enum(['credit', 'late', 'cap']).nullable(),
  /** The last local day the makeup credit can be used ("2027-01-09"), when one was given. */
  creditUntil: z.iso.date().nullable(),
  lateCharged: z.boolean(),
  note: z.string().nullable(),
  actorUserId: z.uuid().nullable(),
});
export type CancellationDecidedPayload = z.infer<typeof cancellationDecidedPayload>;

export type NotificationKind = 'lesson-changed' | 'cancellation-decided';

type NewEvent = { kind: NotificationKind; entityId: string; payload: LessonChangedPayload | CancellationDecidedPayload };

/** Inserts events in the caller's transaction and answers their ids, in order. */
export async function writeNotificationEvents(tx: Queryable, schoolId: string, events: readonly NewEvent[]): Promise<string[]> {
  if (events.length === 0) return [];
  const rows = await tx
    .insert(notificationEvents)
    .values(events.map((e) => ({ schoolId, kind: e.kind, entityId: e.entityId, payload: e.payload as Record<string, unknown> })))
    .returning({ id: notificationEvents.id });
  return rows.map((r) => r.id);
}

/** What of a lesson an event needs to know. */
export type LessonSnapshot = Pick<Lesson, 'id' | 'subjectId' | 'roomId' | 'meetingUrl' | 'during'>;

export type LessonChange =
  /** A new time or a new place (room or link). The event is about `after`'s lesson (the same one, or its replacement in a series). */
  | { change: 'moved'; before: LessonSnapshot; after: LessonSnapshot }
  | { change: 'cancelled'; lesson: LessonSnapshot; reason: string | null };

const ahead = (l: LessonSnapshot, now: Date) => l.during.start.getTime() > now.getTime();

/** Whether a move changes anything a student would notice: the time or the place. */
function isVisibleMove(before: LessonSnapshot, after: LessonSnapshot) {
  return (
    before.during.start.getTime() !== after.during.start.getTime() ||
    before.during.end.getTime() !== after.during.end.getTime() ||
    before.roomId !== after.roomId ||
    before.meetingUrl !== after.meetingUrl
  );
}

/**
 * Writes a `lesson-changed` event for each change people must hear of, in `tx`, and answers
 * the ids. Only lessons still ahead notify: a cancelled lesson that already started, or a
 * lesson that is in the past both before and after the move, is a correction of the record,
 * and nobody is told. A move that changes neither time nor place is no news either. Several
 * changes made at once share a batch, so each person gets one message listing them.
 */
export async function recordLessonChanges(
  tx: Queryable,
  schoolId: string,
  changes: readonly LessonChange[],
  options: { actorUserId: string | null; exclude?: string[]; now?: Date },
): Promise<string[]> {
  const now = options.now ?? new Date();
  const news = changes.filter((c) => (c.change === 'cancelled' ? ahead(c.lesson, now) : isVisibleMove(c.before, c.after) && (ahead(c.before, now) || ahead(c.after, now))));
  if (news.length === 0) return [];

  const snapshots = news.flatMap((c) => (c.change === 'cancelled' ? [c.lesson] : [c.before, c.after]));
  const roomIds = [...new Set(snapshots.map((l) => l.roomId).filter((id): id is string => id !== null))];
  const subjectIds = [...new Set(snapshots.map((l) => l.subjectId))];
  const roomNames = new Map(
    roomIds.length ? (await tx.select({ id: rooms.id, name: rooms.name }).from(rooms).where(and(eq(rooms.schoolId, schoolId), inArray(rooms.id, roomIds)))).map((r) => [r.id, r.name]) : [],
  );
  const subjectNames = new Map(
    (await tx.select({ id: subjects.id, name: subjects.name }).from(subjects).where(and(eq(subjects.schoolId, schoolId), inArray(subjects.id, subjectIds)))).map((s) => [s.id, s.name]),
  );
  const facts = (l: LessonSnapshot): LessonFacts => ({
    lessonId: l.id,
    start: l.during.start.toISOString(),
    end: l.during.end.toISOString(),
    room: l.roomId ? (roomNames.get(l.roomId) ?? null) : null,
    meetingUrl: l.meetingUrl,
  });
  const batch = news.length > 1 ? randomUUID() : undefined;
  const common = { actorUserId: options.actorUserId, ...(options.exclude?.length ? { exclude: options.exclude } : {}), ...(batch ? { batch } : {}) };

  return writeNotificationEvents(
    tx,
    schoolId,
    news.map((c): NewEvent => {
      if (c.change === 'cancelled') {
        return { kind: 'lesson-changed', entityId: c.lesson.id, payload: { change: 'cancelled', subject: subjectNames.get(c.lesson.subjectId) ?? '', before: facts(c.lesson), reason: c.reason, ...common } };
      }
      return { kind: 'lesson-changed', entityId: c.after.id, payload: { change: 'moved', subject: subjectNames.get(c.after.subjectId) ?? '', before: facts(c.before), after: facts(c.after), ...common } };
    }),
  );
}

/**
 * Hands committed events on to be sent (`emitNotifications`) without making the person wait:
 * inside a request through Next's `after()`, which runs once the response is sent. Outside a
 * request (a job, the command line, the tests) `after()` throws, and the events are handed on
 * here and now. Never throws: a failure leaves the events to the hourly sweep.
 */
export async function notifyAfterResponse(ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  try {
    after(() => emitNotifications(ids));
  } catch {
    await emitNotifications(ids);
  }
}
