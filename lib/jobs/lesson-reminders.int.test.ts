import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { emailOutbox, emailUnsubscribes, lessons, notificationEvents, schools as schoolsTable, type NewSchool } from '@/db/schema';
import { createLesson, createParent, createRoom, createSchool, createStudent, createSubject, createTutor, linkParent } from '@/db/seed/factories';
import { JOBS, localMoment, runJobForSchool, schoolsFor } from '@/lib/jobs';
import { recordLessonChanges } from '@/lib/notifications/events';
import { zonedToInstant } from '@/lib/time';
import { freshTestDatabase } from '@/test/database';

const t = freshTestDatabase();
const HOUR = 3_600_000;
const WARSAW = 'Europe/Warsaw';

/**
 * A school of its own per test (a run reminds of every lesson of its school in the window, so
 * tests never see each other's): Anna teaches in Sala 2; Ola has a login and two parents,
 * her mother (full access) and her grandfather (view only); Jan and Kuba (with a contact
 * address) are the other tutor and student.
 */
async function world(settings: Partial<NewSchool> = {}) {
  const school = await createSchool(t.db, { name: 'Na Piątkę', email: 'biuro@napiatke.pl', ...settings });
  const anna = await createTutor(t.db, { schoolId: school.id, firstName: 'Anna', lastName: 'Kowalczyk' });
  const jan = await createTutor(t.db, { schoolId: school.id, firstName: 'Jan', lastName: 'Kot' });
  const math = await createSubject(t.db, { schoolId: school.id, name: 'Matematyka' });
  const room = await createRoom(t.db, { schoolId: school.id, name: 'Sala 2', capacity: 10 });
  const ola = await createStudent(t.db, { schoolId: school.id, firstName: 'Ola', lastName: 'Nowak', withLogin: true });
  const mum = await createParent(t.db, { schoolId: school.id, firstName: 'Ewa', lastName: 'Nowak' });
  const grandpa = await createParent(t.db, { schoolId: school.id, firstName: 'Jerzy', lastName: 'Nowak', withLogin: false });
  await linkParent(t.db, { schoolId: school.id, parentId: mum.id, studentId: ola.id, access: 'full', isPayer: true });
  await linkParent(t.db, { schoolId: school.id, parentId: grandpa.id, studentId: ola.id, access: 'view' });
  const kuba = await createStudent(t.db, { schoolId: school.id, firstName: 'Kuba', lastName: 'Lis', email: `kuba-${school.slug}@example.test` });
  const lesson = (start: Date, extra: Partial<Parameters<typeof createLesson>[1]> = {}) =>
    createLesson(t.db, { schoolId: school.id, tutorId: anna.id, subjectId: math.id, roomId: room.id, start, studentIds: [ola.id], ...extra });
  const olasPeople = [anna.email!, ola.user!.email, mum.email, grandpa.email].sort();
  return { school, anna, jan, math, room, ola, mum, grandpa, kuba, lesson, olasPeople };
}

const run = async (school: Awaited<ReturnType<typeof world>>['school'], at: Date) => (await runJobForSchool(t.db, 'lesson-reminders', school, at, { trigger: 'cli' })).counts;
/** The reminders stored for these lessons. */
const reminders = async (lessonIds: string[]) =>
  (await t.db.select().from(emailOutbox).where(eq(emailOutbox.template, 'lesson-reminder'))).filter((m) => lessonIds.includes((m.meta as { lessonId: string }).lessonId));
const to = (rows: { toAddress: string }[]) => rows.map((r) => r.toAddress).sort();

describe('lesson-reminders', () => {
  it('reminds each of a lesson’s people once, 24 hours ahead; a lesson booked late is reminded of at the next run; a second run sends nothing', async () => {
    const w = await world();
    // 12:00 in Warsaw on 10 March 2027.
    const at = new Date('2027-03-10T11:00:00Z');
    const tomorrow = await w.lesson(new Date(at.getTime() + 24 * HOUR));
    const soon = await w.lesson(new Date(at.getTime() + 3 * HOUR));
    const justBeyond = await w.lesson(new Date(at.getTime() + 24 * HOUR + 60_000), { tutorId: w.jan.id, studentIds: [w.kuba.id], roomId: null });
    const starting = await w.lesson(at, { tutorId: w.jan.id, studentIds: [w.kuba.id], roomId: null });
    const cancelled = await w.lesson(new Date(at.getTime() + 5 * HOUR), { status: 'cancelled', cancelledAt: at });

    expect(await run(w.school, at)).toEqual({ lessons: 2, emailed: 8, alreadySent: 0, skipped: 0, swept: 0 });
    expect(to(await reminders([tomorrow.id]))).toEqual(w.olasPeople);
    expect(to(await reminders([soon.id]))).toEqual(w.olasPeople);
    expect(await reminders([justBeyond.id, starting.id, cancelled.id])).toEqual([]);

    const [mums] = (await reminders([tomorrow.id])).filter((m) => m.toAddress === w.mum.email);
    expect(mums.subject).toBe('Przypomnienie: Matematyka 11.03.2027, 12:00–13:00');
    expect(mums.dedupeKey).toBe(`lesson-reminder:${tomorrow.id}:${tomorrow.during.start.toISOString()}:${w.mum.email}`);
    for (const fact of ['Sala: Sala 2', 'Nauczyciel: Anna Kowalczyk', 'Uczeń: Ola Nowak', 'biuro@napiatke.pl']) expect(mums.text).toContain(fact);
    expect(mums.html).toContain('unsubscribe');

    // The same run again (a retry, a second run by hand): nothing new.
    const before = (await t.db.select().from(emailOutbox)).length;
    expect(await run(w.school, at)).toEqual({ lessons: 2, emailed: 0, alreadySent: 8, skipped: 0, swept: 0 });
    expect((await t.db.select().from(emailOutbox)).length).toBe(before);

    // An hour later the lesson just beyond is due: only Jan hears (Kuba's address too).
    expect(await run(w.school, new Date(at.getTime() + HOUR))).toEqual({ lessons: 3, emailed: 2, alreadySent: 8, skipped: 0, swept: 0 });
    expect(to(await reminders([justBeyond.id]))).toEqual([w.jan.email!, w.kuba.email!].sort());
  });

  it('reminds the right people only: never the archived, never another school’s, not an address that unsubscribed, nobody when the kind is off', async () => {
    const w = await world();
    const other = await world();
    const at = new Date('2027-03-11T11:00:00Z');
    const start = new Date(at.getTime() + 20 * HOUR);
    const zosia = await createStudent(t.db, { schoolId: w.school.id, firstName: 'Zosia', lastName: 'Wolna', email: 'zosia-archived@example.test', status: 'archived' });
    const former = await createParent(t.db, { schoolId: w.school.id, firstName: 'Adam', lastName: 'Nowak', archivedAt: new Date() });
    await linkParent(t.db, { schoolId: w.school.id, parentId: former.id, studentId: w.ola.id });
    const group = await w.lesson(start, { kind: 'group', capacity: 5, studentIds: [w.ola.id, zosia.id] });
    const left = await createTutor(t.db, { schoolId: w.school.id, firstName: 'Piotr', lastName: 'Odszedł', status: 'left' });
    const leftsLesson = await w.lesson(start, { tutorId: left.id, studentIds: [w.kuba.id], roomId: null });
    const elsewhere = await other.lesson(start);
    await t.db.insert(emailUnsubscribes).values({ schoolId: w.school.id, email: w.grandpa.email.toUpperCase() });

    expect(await run(w.school, at)).toEqual({ lessons: 2, emailed: 4, alreadySent: 0, skipped: 1, swept: 0 });
    const mail = await reminders([group.id, leftsLesson.id, elsewhere.id]);
    expect(to(mail)).toEqual([w.anna.email!, w.ola.user!.email, w.mum.email, w.kuba.email!].sort());
    // The tutor reads the group's students, but never an archived one.
    expect(mail.find((m) => m.toAddress === w.anna.email)!.text).toContain('Uczeń: Ola Nowak');
    expect(mail.some((m) => m.text.includes('Zosia'))).toBe(false);

    await t.db.update(schoolsTable).set({ emailKindsOff: ['lesson-reminder'] }).where(eq(schoolsTable.id, other.school.id));
    const [off] = await t.db.select().from(schoolsTable).where(eq(schoolsTable.id, other.school.id));
    expect(await run(off, at)).toEqual({ lessons: 1, emailed: 0, alreadySent: 0, skipped: 4, swept: 0 });
    expect(await reminders([elsewhere.id])).toEqual([]);
  });

  it('reminds again of a lesson moved to another time, not of one moved to another room', async () => {
    const w = await world();
    const at = new Date('2027-03-12T11:00:00Z');
    const lesson = await w.lesson(new Date(at.getTime() + 10 * HOUR));
    expect(await run(w.school, at)).toMatchObject({ emailed: 4 });
    const otherRoom = await createRoom(t.db, { schoolId: w.school.id, name: 'Sala 5' });
    await t.db.update(lessons).set({ roomId: otherRoom.id }).where(eq(lessons.id, lesson.id));
    expect(await run(w.school, new Date(at.getTime() + HOUR))).toMatchObject({ emailed: 0, alreadySent: 4 });
    const moved = { start: new Date(at.getTime() + 12 * HOUR), end: new Date(at.getTime() + 13 * HOUR) };
    await t.db.update(lessons).set({ during: moved }).where(eq(lessons.id, lesson.id));
    expect(await run(w.school, new Date(at.getTime() + 2 * HOUR))).toMatchObject({ lessons: 1, emailed: 4, alreadySent: 0 });
    const mail = await reminders([lesson.id]);
    expect(mail).toHaveLength(8);
    expect(mail.filter((m) => m.toAddress === w.mum.email).map((m) => m.subject).sort()).toEqual(['Przypomnienie: Matematyka 12.03.2027, 22:00–23:00', 'Przypomnienie: Matematyka 13.03.2027, 00:00–01:00']);
  });

  it('counts 24 elapsed hours across the autumn clock change (25 October 2026 in Warsaw) and runs every hour of that 25-hour day', async () => {
    const w = await world();
    const local = (date: string, time: string) => zonedToInstant(date, time, WARSAW);
    // Monday 26 October 16:00 (CET, 15:00 UTC), and Sunday 25 October 16:00, the day the clocks go back at 03:00.
    const monday = await w.lesson(local('2026-10-26', '16:00'));
    const sunday = await w.lesson(local('2026-10-25', '16:00'));

    // Saturday 16:00 (CEST, 14:00 UTC) is 25 hours before Sunday 16:00: too early.
    expect(await run(w.school, local('2026-10-24', '16:00'))).toMatchObject({ lessons: 0 });
    // Saturday 17:00 CEST is 24 hours before: Sunday's lesson is reminded of then.
    expect(await run(w.school, local('2026-10-24', '17:00'))).toMatchObject({ lessons: 1, emailed: 4 });
    expect(to(await reminders([sunday.id]))).toEqual(w.olasPeople);
    // Sunday 15:00: Monday's lesson is 25 hours away.
    expect(await run(w.school, local('2026-10-25', '15:00'))).toMatchObject({ lessons: 1, emailed: 0, alreadySent: 4 });
    expect(await reminders([monday.id])).toEqual([]);
    // Sunday 16:00 CET is exactly 24 hours before Monday 16:00 CET: reminded at the same wall-clock hour.
    expect(await run(w.school, local('2026-10-25', '16:00'))).toMatchObject({ lessons: 1, emailed: 4 });
    const mums = (await reminders([monday.id])).find((m) => m.toAddress === w.mum.email)!;
    expect(mums.subject).toBe('Przypomnienie: Matematyka 26.10.2026, 16:00–17:00');

    // The scheduler includes the school at each of the 25 hours of that Sunday (02:00 twice).
    const hours: number[] = [];
    for (let i = 0; i < 25; i++) {
      const at = new Date(local('2026-10-25', '00:00').getTime() + i * HOUR);
      expect(localMoment(w.school, at).date).toBe('2026-10-25');
      expect((await schoolsFor(t.db, 'lesson-reminders', at, { trigger: 'schedule', schoolId: undefined })).map((s) => s.id)).toContain(w.school.id);
      expect(JOBS['lesson-reminders'].isDue(w.school, localMoment(w.school, at))).toBe(true);
      hours.push(localMoment(w.school, at).hour);
    }
    expect(hours.filter((h) => h === 2)).toHaveLength(2);
  });

  it('works in the school’s own zone and lead time (New York, 24 h; Tokyo, 2 h)', async () => {
    const ny = await world({ timeZone: 'America/New_York' });
    const nyLesson = await ny.lesson(zonedToInstant('2027-01-15', '09:00', 'America/New_York'));
    expect(await run(ny.school, zonedToInstant('2027-01-14', '08:00', 'America/New_York'))).toMatchObject({ lessons: 0 });
    expect(await run(ny.school, zonedToInstant('2027-01-14', '09:00', 'America/New_York'))).toMatchObject({ lessons: 1, emailed: 4 });
    expect((await reminders([nyLesson.id])).find((m) => m.toAddress === ny.mum.email)!.subject).toBe('Przypomnienie: Matematyka 15.01.2027, 09:00–10:00');

    const tokyo = await world({ timeZone: 'Asia/Tokyo', lessonReminderHours: 2 });
    // 09:00 in Tokyo on 15 January is midnight UTC: still 14 January in Warsaw and New York.
    const tokyoLesson = await tokyo.lesson(zonedToInstant('2027-01-15', '09:00', 'Asia/Tokyo'));
    expect(await run(tokyo.school, zonedToInstant('2027-01-15', '06:00', 'Asia/Tokyo'))).toMatchObject({ lessons: 0 });
    expect(await run(tokyo.school, zonedToInstant('2027-01-15', '07:00', 'Asia/Tokyo'))).toMatchObject({ lessons: 1, emailed: 4 });
    expect((await reminders([tokyoLesson.id])).find((m) => m.toAddress === tokyo.mum.email)!.subject).toBe('Przypomnienie: Matematyka 15.01.2027, 09:00–10:00');
  });

  it('with reminders off (0 hours) reminds of nothing but still sweeps the changes nobody handed on', async () => {
    const w = await world({ lessonReminderHours: 0 });
    const lesson = await w.lesson(new Date('2027-05-10T15:00:00Z'));
    const [eventId] = await t.db.transaction((tx) => recordLessonChanges(tx, w.school.id, [{ change: 'cancelled', lesson, reason: 'Awaria' }], { actorUserId: null }));
    const at = new Date(Date.now() + 5 * 60_000);
    expect(await run(w.school, at)).toEqual({ lessons: 0, emailed: 0, alreadySent: 0, skipped: 0, swept: 1 });
    expect(await reminders([lesson.id])).toEqual([]);
    const [event] = await t.db.select().from(notificationEvents).where(eq(notificationEvents.id, eventId));
    expect(event.processedAt).toBeInstanceOf(Date);
    expect((await t.db.select().from(emailOutbox).where(eq(emailOutbox.template, 'lesson-changed'))).filter((m) => m.dedupeKey?.startsWith(`lesson-changed:${eventId}:`)).map((m) => m.toAddress).sort()).toEqual(w.olasPeople);
    expect(await run(w.school, at)).toMatchObject({ swept: 0 });
  });
});
