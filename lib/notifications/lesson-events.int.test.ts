import { and, count, eq, inArray, like } from 'drizzle-orm';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { emailOutbox, emailUnsubscribes, notificationEvents, schools, users, type NotificationEvent } from '@/db/schema';
import { createCancellationRequest, createLesson, createParent, createRoom, createSchool, createSeries, createStudent, createSubject, createTutor, createUser, linkParent } from '@/db/seed/factories';
import { runAudited } from '@/lib/audited';
import { decideCancellationAction } from '@/lib/cancellations/actions';
import { cancelLessonAction, moveLessonAction, updateLessonAction } from '@/lib/lessons/actions';
import { notifyAfterResponse, recordLessonChanges } from '@/lib/notifications/events';
import { processNotificationEvent, sweepNotificationEvents } from '@/lib/notifications/process';
import { endSeriesAction, updateSeriesFromAction } from '@/lib/series/actions';
import { formatDate, formatTimeRange } from '@/lib/time';
import { freshTestDatabase } from '@/test/database';
import { actAs } from '@/test/mocks/viewer';
import { viewerOf } from '@/test/viewers';

const t = freshTestDatabase();
const WARSAW = 'Europe/Warsaw';

// "Na Piątkę" (with a contact address and phone): an admin, Anna (tutor), Matematyka, Sala 2
// and Sala 5. Ola has a login in English; her mother (full access, an account) and her
// grandfather (view only, no account) follow her; a former parent is archived. Kuba is in
// another family. "Sowa" has its own admin, tutor and student.
let w: Awaited<ReturnType<typeof build>>;
async function build() {
  const school = await createSchool(t.db, { name: 'Na Piątkę', email: 'biuro@napiatke.pl', phone: '+48 22 123 45 67' });
  const sowa = await createSchool(t.db, { name: 'Sowa' });
  const admin = await createUser(t.db, { schoolId: school.id, role: 'admin' });
  const anna = await createTutor(t.db, { schoolId: school.id, firstName: 'Anna', lastName: 'Kowalczyk' });
  const math = await createSubject(t.db, { schoolId: school.id, name: 'Matematyka' });
  const room = await createRoom(t.db, { schoolId: school.id, name: 'Sala 2', capacity: 3 });
  const bigRoom = await createRoom(t.db, { schoolId: school.id, name: 'Sala 5', capacity: 10 });
  const ola = await createStudent(t.db, { schoolId: school.id, firstName: 'Ola', lastName: 'Nowak', withLogin: true });
  await t.db.update(users).set({ locale: 'en' }).where(eq(users.id, ola.user!.id));
  const mum = await createParent(t.db, { schoolId: school.id, firstName: 'Ewa', lastName: 'Nowak' });
  const grandpa = await createParent(t.db, { schoolId: school.id, firstName: 'Jerzy', lastName: 'Nowak', withLogin: false });
  const former = await createParent(t.db, { schoolId: school.id, firstName: 'Adam', lastName: 'Nowak', archivedAt: new Date() });
  await linkParent(t.db, { schoolId: school.id, parentId: mum.id, studentId: ola.id, access: 'full', isPayer: true });
  await linkParent(t.db, { schoolId: school.id, parentId: grandpa.id, studentId: ola.id, access: 'view' });
  await linkParent(t.db, { schoolId: school.id, parentId: former.id, studentId: ola.id, access: 'full' });
  const kuba = await createStudent(t.db, { schoolId: school.id, firstName: 'Kuba', lastName: 'Lis', email: 'kuba@example.test' });
  const sowaAdmin = await createUser(t.db, { schoolId: sowa.id, role: 'admin' });
  const sowaTutor = await createTutor(t.db, { schoolId: sowa.id });
  const sowaSubject = await createSubject(t.db, { schoolId: sowa.id });
  const sowaStudent = await createStudent(t.db, { schoolId: sowa.id, email: 'sowa@example.test' });
  return { school, sowa, admin, anna, math, room, bigRoom, ola, mum, grandpa, former, kuba, sowaAdmin, sowaTutor, sowaSubject, sowaStudent };
}
beforeAll(async () => {
  w = await build();
});
beforeEach(() => actAs(null));
afterEach(async () => {
  await t.db.update(schools).set({ emailKindsOff: [] }).where(eq(schools.id, w.school.id));
  await t.db.delete(emailUnsubscribes);
});

const asAdmin = () => actAs(viewerOf(w.admin));
const olasPeople = () => [w.anna.email!, w.ola.user!.email, w.mum.email, w.grandpa.email].sort();

// Every lesson gets a three-hour slot of its own, from two days ahead: a move within it never
// meets another test's lesson.
const base = Math.ceil(Date.now() / 3_600_000) * 3_600_000 + 2 * 86_400_000;
let used = 0;
const slot = () => new Date(base + ++used * 3 * 3_600_000);
const later = (d: Date, minutes: number) => new Date(d.getTime() + minutes * 60_000);

/** Anna's hour of Matematyka with Ola in Sala 2. */
const olasLesson = (start = slot()) => createLesson(t.db, { schoolId: w.school.id, tutorId: w.anna.id, subjectId: w.math.id, roomId: w.room.id, start, studentIds: [w.ola.id] });

const eventsAbout = (entityId: string) => t.db.select().from(notificationEvents).where(eq(notificationEvents.entityId, entityId)).orderBy(notificationEvents.createdAt);
const mailAbout = (kind: string, about: string) => t.db.select().from(emailOutbox).where(like(emailOutbox.dedupeKey, `${kind}:${about}:%`));
const addresses = (rows: { toAddress: string }[]) => rows.map((r) => r.toAddress).sort();
const outboxSize = async () => (await t.db.select({ n: count() }).from(emailOutbox))[0].n;
const when = (start: Date, end: Date) => `${formatDate(start, WARSAW)}, ${formatTimeRange(start, end, WARSAW)}`;

describe('a lesson moved', () => {
  it('by the office: one event with the old and new time, emails in the outbox for the tutor, the student and both parents, and never twice', async () => {
    const lesson = await olasLesson();
    const [start, end] = [lesson.during.start, lesson.during.end];
    const [newStart, newEnd] = [later(start, 90), later(end, 90)];
    asAdmin();
    expect(await moveLessonAction({ lessonId: lesson.id, start: newStart.toISOString(), end: newEnd.toISOString() })).toMatchObject({ ok: true });

    const events = await eventsAbout(lesson.id);
    expect(events).toHaveLength(1);
    const [event] = events;
    expect(event).toMatchObject({
      schoolId: w.school.id,
      kind: 'lesson-changed',
      processedAt: expect.any(Date),
      payload: {
        change: 'moved',
        subject: 'Matematyka',
        before: { lessonId: lesson.id, start: start.toISOString(), end: end.toISOString(), room: 'Sala 2' },
        after: { lessonId: lesson.id, start: newStart.toISOString(), end: newEnd.toISOString(), room: 'Sala 2' },
        actorUserId: w.admin.id,
      },
    });

    const mail = await mailAbout('lesson-changed', event.id);
    // Not the admin who moved it, nor the archived parent.
    expect(addresses(mail)).toEqual(olasPeople());
    const mums = mail.find((m) => m.toAddress === w.mum.email)!;
    expect(mums).toMatchObject({ template: 'lesson-changed', schoolId: w.school.id });
    expect(mums.subject).toBe(`Lekcja przeniesiona: Matematyka ${formatDate(start, WARSAW)}, ${formatTimeRange(start, end, WARSAW)}`);
    expect(mums.text).toContain(`Było: ${when(start, end)}, Sala 2`);
    expect(mums.text).toContain(`Jest: ${when(newStart, newEnd)}, Sala 2`);
    expect(mums.text).toContain('biuro@napiatke.pl');
    // Ola reads English; a change carries no unsubscribe link.
    const olas = mail.find((m) => m.toAddress === w.ola.user!.email)!;
    expect(olas.subject).toBe(`Lesson moved: Matematyka on ${formatDate(start, WARSAW)}, ${formatTimeRange(start, end, WARSAW)}`);
    expect(olas.text).toContain(`Now: ${when(newStart, newEnd)}, Sala 2`);
    expect(olas.html).not.toContain('/unsubscribe');

    // Processed already: nothing. Processed again as if a retry found it unmarked: the dedupe key holds.
    expect(await processNotificationEvent(t.db, event.id)).toEqual({ sent: 0, processed: 0 });
    await t.db.update(notificationEvents).set({ processedAt: null }).where(eq(notificationEvents.id, event.id));
    expect(await processNotificationEvent(t.db, event.id)).toEqual({ sent: 0, processed: 1 });
    expect(await mailAbout('lesson-changed', event.id)).toHaveLength(4);
  });

  it('by its tutor: everyone is told but the tutor who moved it', async () => {
    const lesson = await olasLesson();
    actAs(viewerOf(w.anna.user!));
    expect(await moveLessonAction({ lessonId: lesson.id, start: later(lesson.during.start, 60).toISOString(), end: later(lesson.during.end, 60).toISOString() })).toMatchObject({ ok: true });
    const [event] = await eventsAbout(lesson.id);
    expect(event.payload).toMatchObject({ actorUserId: w.anna.user!.id });
    expect(addresses(await mailAbout('lesson-changed', event.id))).toEqual([w.ola.user!.email, w.mum.email, w.grandpa.email].sort());
  });

  it('refused by the database: no event and no email', async () => {
    const lesson = await olasLesson();
    const other = await createLesson(t.db, { schoolId: w.school.id, tutorId: w.anna.id, subjectId: w.math.id, start: slot(), studentIds: [w.kuba.id] });
    const before = await outboxSize();
    asAdmin();
    // Anna already teaches Kuba then: the exclusion constraint refuses the move.
    const result = await moveLessonAction({ lessonId: lesson.id, start: other.during.start.toISOString(), end: other.during.end.toISOString() });
    expect(result).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(await eventsAbout(lesson.id)).toEqual([]);
    expect(await outboxSize()).toBe(before);
  });

  it('in a transaction that fails after the event was written: the event goes with it, and nothing is sent', async () => {
    const lesson = await olasLesson();
    const before = await outboxSize();
    await expect(
      runAudited({ userId: w.admin.id, role: 'admin', schoolId: w.school.id, ip: null, userAgent: null }, async (tx, audit, afterCommit) => {
        const ids = await recordLessonChanges(tx, w.school.id, [{ change: 'cancelled', lesson, reason: 'x' }], { actorUserId: w.admin.id });
        expect(ids).toHaveLength(1);
        afterCommit(() => notifyAfterResponse(ids));
        await audit({ action: 'lesson.cancel', entityType: 'lesson', entityId: lesson.id });
        throw new Error('the next step failed');
      }),
    ).rejects.toThrow('the next step failed');
    expect(await eventsAbout(lesson.id)).toEqual([]);
    expect(await outboxSize()).toBe(before);
  });

  it('to another room through the edit form: the rooms in words; a new subject alone is no news', async () => {
    const lesson = await olasLesson();
    const form = { lessonId: lesson.id, subjectId: w.math.id, roomId: w.room.id, meetingUrl: null, kind: 'individual' as const, capacity: 1, studentIds: [w.ola.id], knownStudentIds: [w.ola.id] };
    asAdmin();
    expect(await updateLessonAction({ ...form, roomId: w.bigRoom.id })).toMatchObject({ ok: true });
    const [event] = await eventsAbout(lesson.id);
    expect(event.payload).toMatchObject({ change: 'moved', before: { room: 'Sala 2' }, after: { room: 'Sala 5' } });
    const mums = (await mailAbout('lesson-changed', event.id)).find((m) => m.toAddress === w.mum.email)!;
    expect(mums.text).toContain(`Było: ${when(lesson.during.start, lesson.during.end)}, Sala 2`);
    expect(mums.text).toContain(`Jest: ${when(lesson.during.start, lesson.during.end)}, Sala 5`);

    const physics = await createSubject(t.db, { schoolId: w.school.id, name: 'Fizyka' });
    expect(await updateLessonAction({ ...form, roomId: w.bigRoom.id, subjectId: physics.id })).toMatchObject({ ok: true });
    expect(await eventsAbout(lesson.id)).toHaveLength(1);
  });

  it('reaches an address that unsubscribed from reminders, and nobody when the school switched the kind off', async () => {
    await t.db.insert(emailUnsubscribes).values({ schoolId: w.school.id, email: w.mum.email });
    const lesson = await olasLesson();
    asAdmin();
    await moveLessonAction({ lessonId: lesson.id, start: later(lesson.during.start, 30).toISOString(), end: later(lesson.during.end, 30).toISOString() });
    const [event] = await eventsAbout(lesson.id);
    expect(addresses(await mailAbout('lesson-changed', event.id))).toContain(w.mum.email);

    await t.db.update(schools).set({ emailKindsOff: ['lesson-changed'] }).where(eq(schools.id, w.school.id));
    const quiet = await olasLesson();
    await moveLessonAction({ lessonId: quiet.id, start: later(quiet.during.start, 30).toISOString(), end: later(quiet.during.end, 30).toISOString() });
    const [off] = await eventsAbout(quiet.id);
    expect(off.processedAt).toBeInstanceOf(Date);
    expect(await mailAbout('lesson-changed', off.id)).toEqual([]);
  });
});

describe('a lesson cancelled', () => {
  it('tells its people with the reason; a lesson already over tells nobody', async () => {
    const lesson = await olasLesson();
    asAdmin();
    expect(await cancelLessonAction({ lessonId: lesson.id, reason: 'Choroba nauczyciela' })).toMatchObject({ ok: true });
    const [event] = await eventsAbout(lesson.id);
    expect(event.payload).toMatchObject({ change: 'cancelled', reason: 'Choroba nauczyciela', before: { start: lesson.during.start.toISOString(), room: 'Sala 2' } });
    const mail = await mailAbout('lesson-changed', event.id);
    expect(addresses(mail)).toEqual(olasPeople());
    const mums = mail.find((m) => m.toAddress === w.mum.email)!;
    expect(mums.subject).toBe(`Lekcja odwołana: Matematyka ${formatDate(lesson.during.start, WARSAW)}, ${formatTimeRange(lesson.during.start, lesson.during.end, WARSAW)}`);
    expect(mums.text).toContain('Powód: Choroba nauczyciela');

    const past = await olasLesson(new Date(base - 10 * 86_400_000 - ++used * 3 * 3_600_000));
    expect(await cancelLessonAction({ lessonId: past.id, reason: 'Korekta' })).toMatchObject({ ok: true });
    expect(await eventsAbout(past.id)).toEqual([]);
  });
});

describe('a cancellation decided', () => {
  async function requested() {
    const lesson = await olasLesson();
    const request = await createCancellationRequest(t.db, { schoolId: w.school.id, lessonId: lesson.id, studentId: w.ola.id, requestedBy: w.mum.user!.id, reason: 'Wyjazd' });
    return { lesson, request };
  }

  it('approved: the requester gets the decision; the tutor, the student and the other parent hear the lesson is off; not the decider', async () => {
    const { lesson, request } = await requested();
    asAdmin();
    expect(await decideCancellationAction({ requestId: request.id, decision: 'approve', note: 'Zdrowia!' })).toMatchObject({ ok: true, data: { outcome: 'credit' } });

    const [decision] = await eventsAbout(request.id);
    expect(decision).toMatchObject({ kind: 'cancellation-decided', processedAt: expect.any(Date), payload: { decision: 'approved', outcome: 'credit', requestedBy: w.mum.user!.id, studentName: 'Ola Nowak', note: 'Zdrowia!' } });
    const decided = await mailAbout('cancellation-decided', decision.id);
    expect(addresses(decided)).toEqual([w.mum.user!.email]);
    expect(decided[0].subject).toBe('Odwołanie lekcji zatwierdzone');
    expect(decided[0].text).toContain(`Szkoła zatwierdziła odwołanie lekcji: Ola Nowak, Matematyka, ${formatDate(lesson.during.start, WARSAW)} ${formatTimeRange(lesson.during.start, lesson.during.end, WARSAW)}.`);
    expect(decided[0].text).toContain('Uwaga szkoły: Zdrowia!');
    expect(decided[0].text).toContain('biuro@napiatke.pl');

    const [cancelled] = await eventsAbout(lesson.id);
    expect(cancelled.payload).toMatchObject({ change: 'cancelled', reason: 'Wyjazd', exclude: [w.mum.user!.id] });
    expect(addresses(await mailAbout('lesson-changed', cancelled.id))).toEqual([w.anna.email!, w.ola.user!.email, w.grandpa.email].sort());
  });

  it('rejected: only the requester hears, and a deactivated requester nobody', async () => {
    const { lesson, request } = await requested();
    actAs(viewerOf(w.anna.user!));
    expect(await decideCancellationAction({ requestId: request.id, decision: 'reject', note: 'Sprawdzian' })).toMatchObject({ ok: true });
    const [decision] = await eventsAbout(request.id);
    const mail = await mailAbout('cancellation-decided', decision.id);
    expect(addresses(mail)).toEqual([w.mum.user!.email]);
    expect(mail[0].text).toContain('Sprawdzian');
    expect(await eventsAbout(lesson.id)).toEqual([]);

    // The same event for a requester whose account was closed meanwhile: marked processed, nothing sent.
    await t.db.update(notificationEvents).set({ processedAt: null }).where(eq(notificationEvents.id, decision.id));
    await t.db.delete(emailOutbox).where(inArray(emailOutbox.id, mail.map((m) => m.id)));
    await t.db.update(users).set({ status: 'deactivated' }).where(eq(users.id, w.mum.user!.id));
    try {
      expect(await processNotificationEvent(t.db, decision.id)).toEqual({ sent: 0, processed: 1 });
      expect(await mailAbout('cancellation-decided', decision.id)).toEqual([]);
    } finally {
      await t.db.update(users).set({ status: 'active' }).where(eq(users.id, w.mum.user!.id));
    }
  });
});

describe('a series changed from a date', () => {
  const batchOf = (e: NotificationEvent) => (e.payload as { batch?: string }).batch;
  const changeEvents = () => t.db.select().from(notificationEvents).where(and(eq(notificationEvents.schoolId, w.school.id), eq(notificationEvents.kind, 'lesson-changed')));

  it('moves each week’s lesson to its new day and cancels the one left over, in one message per person', async () => {
    // Tuesdays 16:00 in February 2028 (1, 8, 15, 22, 29); from the 15th on, Thursdays 17:00 in Sala 5 until the 29th (17, 24).
    const { series, lessons: old } = await createSeries(t.db, { schoolId: w.school.id, tutorId: w.anna.id, subjectId: w.math.id, roomId: w.room.id, studentIds: [w.ola.id], weekdays: [2], startTime: '16:00', firstDate: '2028-02-01', lastDate: '2028-02-29' });
    asAdmin();
    const result = await updateSeriesFromAction({ seriesId: series.id, fromDate: '2028-02-15', tutorId: w.anna.id, roomId: w.bigRoom.id, weekdays: [4], startTime: '17:00', durationMinutes: 60, lastDate: '2028-02-29' });
    expect(result).toMatchObject({ ok: true, data: { cancelled: 3, created: 2 } });
    if (!result.ok) return;
    const mine = (await changeEvents()).filter((e) => old.some((l) => l.id === (e.payload as { before: { lessonId: string } }).before.lessonId));
    expect(mine).toHaveLength(3);
    const batch = batchOf(mine[0]);
    expect(batch).toEqual(expect.any(String));
    expect(mine.every((e) => batchOf(e) === batch && e.processedAt)).toBe(true);
    expect(mine.map((e) => (e.payload as { change: string }).change).sort()).toEqual(['cancelled', 'moved', 'moved']);

    const mail = await mailAbout('lesson-changed', batch!);
    expect(addresses(mail)).toEqual(olasPeople());
    const mums = mail.find((m) => m.toAddress === w.mum.email)!;
    expect(mums.subject).toBe('Zmiany w planie lekcji (3)');
    expect(mums.text).toContain('Było: 15.02.2028, 16:00–17:00, Sala 2');
    expect(mums.text).toContain('Jest: 17.02.2028, 17:00–18:00, Sala 5');
    expect(mums.text).toContain('Jest: 24.02.2028, 17:00–18:00, Sala 5');
    expect(mums.text).toContain('Lekcja Matematyka (Ola Nowak), 29.02.2028, 16:00–17:00, została odwołana.');
    expect(mums.text.indexOf('15.02.2028')).toBeLessThan(mums.text.indexOf('22.02.2028'));
  });

  it('tells the tutor taken off the series as well as the one who takes it, when the time changes too', async () => {
    const jan = await createTutor(t.db, { schoolId: w.school.id, firstName: 'Jan', lastName: 'Kot' });
    // Fridays 10:00 in April 2028 with Jan; from the 14th on, Anna at 11:00.
    const { series, lessons: old } = await createSeries(t.db, { schoolId: w.school.id, tutorId: jan.id, subjectId: w.math.id, studentIds: [w.ola.id], weekdays: [5], startTime: '10:00', firstDate: '2028-04-07', lastDate: '2028-04-28' });
    asAdmin();
    expect(await updateSeriesFromAction({ seriesId: series.id, fromDate: '2028-04-14', tutorId: w.anna.id, meetingUrl: 'https://meet.example.test/anna', weekdays: [5], startTime: '11:00', durationMinutes: 60, lastDate: '2028-04-28' })).toMatchObject({ ok: true, data: { cancelled: 3, created: 3 } });
    const mine = (await changeEvents()).filter((e) => old.some((l) => l.id === (e.payload as { before: { lessonId: string } }).before.lessonId));
    expect(mine.map((e) => (e.payload as { change: string }).change)).toEqual(['moved', 'moved', 'moved']);
    const mail = await mailAbout('lesson-changed', batchOf(mine[0])!);
    expect(addresses(mail)).toEqual([...olasPeople(), jan.email!].sort());
    expect(mail.find((m) => m.toAddress === jan.email)!.text).toContain('Jest: 14.04.2028, 11:00–12:00, online');
  });

  it('ended from a date: one message listing the cancelled lessons', async () => {
    const { series } = await createSeries(t.db, { schoolId: w.school.id, tutorId: w.anna.id, subjectId: w.math.id, studentIds: [w.ola.id], weekdays: [3], startTime: '12:00', firstDate: '2028-03-01', lastDate: '2028-03-29' });
    asAdmin();
    expect(await endSeriesAction({ seriesId: series.id, fromDate: '2028-03-15' })).toMatchObject({ ok: true, data: { cancelled: 3 } });
    const events = (await changeEvents()).filter((e) => (e.payload as { before: { start: string } }).before.start.startsWith('2028-03'));
    expect(events).toHaveLength(3);
    const mail = await mailAbout('lesson-changed', batchOf(events[0])!);
    expect(addresses(mail)).toEqual(olasPeople());
    const olas = mail.find((m) => m.toAddress === w.ola.user!.email)!;
    expect(olas.subject).toBe('Changes to your lessons (3)');
    for (const day of ['15.03.2028', '22.03.2028', '29.03.2028']) expect(olas.text).toContain(`The lesson Matematyka (Ola Nowak) on ${day}, 12:00–13:00 has been cancelled.`);
  });
});

describe('sweepNotificationEvents', () => {
  it('sends what no one handed on (no Inngest server), once the event is a minute old, for the school asked', async () => {
    const lesson = await olasLesson();
    // Written and committed, but never emitted: as when the process died right after the commit.
    const [id] = await runAudited({ userId: w.admin.id, role: 'admin', schoolId: w.school.id, ip: null, userAgent: null }, async (tx, audit) => {
      await audit({ action: 'lesson.cancel', entityType: 'lesson', entityId: lesson.id });
      return recordLessonChanges(tx, w.school.id, [{ change: 'cancelled', lesson, reason: 'Awaria' }], { actorUserId: w.admin.id });
    });
    const now = new Date();
    expect(await sweepNotificationEvents(t.db, now, { schoolId: w.school.id })).toMatchObject({ processed: 0 });
    const soon = new Date(now.getTime() + 2 * 60_000);
    expect(await sweepNotificationEvents(t.db, soon, { schoolId: w.sowa.id })).toEqual({ processed: 0, sent: 0, failed: 0 });
    expect(await sweepNotificationEvents(t.db, soon, { schoolId: w.school.id })).toEqual({ processed: 1, sent: 4, failed: 0 });
    expect(addresses(await mailAbout('lesson-changed', id))).toEqual(olasPeople());
    expect(await sweepNotificationEvents(t.db, soon)).toEqual({ processed: 0, sent: 0, failed: 0 });
  });

  it('marks an event it cannot read as processed instead of failing every hour', async () => {
    const [bad] = await t.db.insert(notificationEvents).values({ schoolId: w.sowa.id, kind: 'lesson-changed', entityId: w.sowaStudent.id, payload: { change: 'teleported' }, createdAt: new Date(Date.now() - 3_600_000) }).returning();
    expect(await sweepNotificationEvents(t.db, new Date(), { schoolId: w.sowa.id })).toEqual({ processed: 1, sent: 0, failed: 0 });
    expect((await t.db.select().from(notificationEvents).where(eq(notificationEvents.id, bad.id)))[0].processedAt).toBeInstanceOf(Date);
  });
});
