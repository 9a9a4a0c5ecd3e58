import { and, eq } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { auditLog, lessons, tutorAvailability, tutorTimeOff } from '@/db/schema';
import { createLesson, createRoom, createSchool, createStudent, createSubject, createTimeOff, createTutor, createUser, setWeeklyHours } from '@/db/seed/factories';
import { addTimeOffAction, removeTimeOffAction, setWeeklyHoursAction } from '@/lib/availability/actions';
import { getOwnAvailability, getTutorAvailability } from '@/lib/availability/queries';
import { createLessonAction, moveLessonAction } from '@/lib/lessons/actions';
import { zonedToInstant } from '@/lib/time';
import { freshTestDatabase } from '@/test/database';
import { actAs } from '@/test/mocks/viewer';
import { viewerOf } from '@/test/viewers';
import pl from '@/messages/pl.availability.json';

// The refusal is a sentence a person reads: this file renders the availability catalog in
// Polish (other namespaces stay keys, as in every integration test).
vi.mock('next-intl/server', async () => {
  const { createTranslator } = await import('next-intl');
  return {
    getLocale: async () => 'pl',
    getTranslations: async (namespace?: string) =>
      namespace === 'availability'
        ? createTranslator({ locale: 'pl', messages: { availability: pl }, namespace: 'availability' })
        : (key: string) => (namespace ? `${namespace}.${key}` : key),
  };
});

const t = freshTestDatabase();
const WARSAW = 'Europe/Warsaw';
const at = (date: string, time: string) => zonedToInstant(date, time, WARSAW).toISOString();

// "Na Piątkę": an admin, Anna (Tuesdays 14:00–20:00) and Jan (no hours set), a subject, a
// room, a student. "Sowa" has its own admin and tutor. 2027-12-07, -14, -21 are Tuesdays.
let w: Awaited<ReturnType<typeof build>>;
async function build() {
  const school = await createSchool(t.db, { name: 'Na Piątkę' });
  const sowa = await createSchool(t.db, { name: 'Sowa' });
  const admin = await createUser(t.db, { schoolId: school.id, role: 'admin' });
  const anna = await createTutor(t.db, { schoolId: school.id, firstName: 'Anna', lastName: 'Kowalczyk' });
  const jan = await createTutor(t.db, { schoolId: school.id, firstName: 'Jan', lastName: 'Kot' });
  const math = await createSubject(t.db, { schoolId: school.id, name: 'Matematyka' });
  const room = await createRoom(t.db, { schoolId: school.id, name: 'Sala 2' });
  const ola = await createStudent(t.db, { schoolId: school.id, firstName: 'Ola', lastName: 'Nowak' });
  const sowaAdmin = await createUser(t.db, { schoolId: sowa.id, role: 'admin' });
  const sowaTutor = await createTutor(t.db, { schoolId: sowa.id });
  await setWeeklyHours(t.db, { schoolId: school.id, tutorId: anna.id, intervals: [{ weekday: 2, start: '14:00', end: '20:00' }] });
  return { school, sowa, admin, anna, jan, math, room, ola, sowaAdmin, sowaTutor };
}
beforeAll(async () => {
  w = await build();
});
beforeEach(() => actAs(null));

const asAdmin = () => actAs(viewerOf(w.admin));
const asAnna = () => actAs(viewerOf(w.anna.user!));
const asJan = () => actAs(viewerOf(w.jan.user!));
const lessonFor = (tutorId: string, date: string, from: string, to: string, extra: object = {}) => ({
  tutorId,
  subjectId: w.math.id,
  roomId: w.room.id,
  studentIds: [w.ola.id],
  start: at(date, from),
  end: at(date, to),
  ...extra,
});

describe('booking against availability', () => {
  it('lets a tutor book inside their hours, up to the very end of them', async () => {
    asAnna();
    expect(await createLessonAction(lessonFor(w.anna.id, '2027-12-07', '19:00', '20:00'))).toMatchObject({ ok: true });
  });

  it('refuses a tutor booking outside their hours, with the hours in a sentence', async () => {
    asAnna();
    const result = await createLessonAction(lessonFor(w.anna.id, '2027-12-07', '13:00', '14:00'));
    expect(result).toEqual({ ok: false, code: 'CONFLICT', reason: 'outside_availability', message: 'Anna Kowalczyk pracuje we wtorki 14:00–20:00.' });
    const wednesday = await createLessonAction(lessonFor(w.anna.id, '2027-12-08', '15:00', '16:00'));
    expect(wednesday).toMatchObject({ ok: false, reason: 'outside_availability', message: 'Anna Kowalczyk nie pracuje w środy.' });
  });

  it('ignores a tutor asking to override, and refuses a move outside the hours', async () => {
    asAnna();
    expect(await createLessonAction(lessonFor(w.anna.id, '2027-12-07', '21:00', '22:00', { overrideAvailability: true }))).toMatchObject({ ok: false, reason: 'outside_availability' });
    const lesson = await createLesson(t.db, { schoolId: w.school.id, tutorId: w.anna.id, subjectId: w.math.id, roomId: w.room.id, start: new Date(at('2027-12-14', '15:00')), end: new Date(at('2027-12-14', '16:00')) });
    const moved = await moveLessonAction({ lessonId: lesson.id, start: at('2027-12-14', '19:30'), end: at('2027-12-14', '20:30') });
    expect(moved).toEqual({ ok: false, code: 'CONFLICT', reason: 'outside_availability', message: 'Anna Kowalczyk pracuje we wtorki 14:00–20:00.' });
    const [still] = await t.db.select().from(lessons).where(eq(lessons.id, lesson.id));
    expect(still.during.start).toEqual(new Date(at('2027-12-14', '15:00')));
    expect(await moveLessonAction({ lessonId: lesson.id, start: at('2027-12-14', '19:00'), end: at('2027-12-14', '20:00') })).toMatchObject({ ok: true });
  });

  it('refuses an admin without the override (and says it can be overridden), allows it with the override and audits it', async () => {
    asAdmin();
    const refused = await createLessonAction(lessonFor(w.anna.id, '2027-12-07', '08:00', '09:00'));
    expect(refused).toMatchObject({ ok: false, code: 'CONFLICT', reason: 'outside_availability' });
    if (refused.ok) return;
    expect(refused.message).toMatch(/^Anna Kowalczyk pracuje we wtorki 14:00–20:00\. .*wyjątek/);

    const result = await createLessonAction(lessonFor(w.anna.id, '2027-12-07', '08:00', '09:00', { overrideAvailability: true }));
    expect(result).toMatchObject({ ok: true });
    if (!result.ok) return;
    const [created] = await t.db.select().from(auditLog).where(and(eq(auditLog.entityId, result.data.id), eq(auditLog.action, 'lesson.create')));
    expect(created.after).toMatchObject({ availabilityOverride: { reason: 'outside_hours', weekday: 2, hours: [{ start: '14:00', end: '20:00' }] } });

    const moved = await moveLessonAction({ lessonId: result.data.id, start: at('2027-12-07', '07:00'), end: at('2027-12-07', '08:00'), overrideAvailability: true });
    expect(moved).toMatchObject({ ok: true });
    const [move] = await t.db.select().from(auditLog).where(and(eq(auditLog.entityId, result.data.id), eq(auditLog.action, 'lesson.move')));
    expect(move.after).toMatchObject({ availabilityOverride: { reason: 'outside_hours' } });
  });

  it('does not mention an override in the audit when none was needed', async () => {
    asAdmin();
    const result = await createLessonAction(lessonFor(w.anna.id, '2027-12-21', '15:00', '16:00', { overrideAvailability: true }));
    expect(result).toMatchObject({ ok: true });
    if (!result.ok) return;
    const [created] = await t.db.select().from(auditLog).where(eq(auditLog.entityId, result.data.id));
    expect(created.after).not.toHaveProperty('availabilityOverride');
  });

  it('refuses a day off, even for a tutor without weekly hours', async () => {
    await createTimeOff(t.db, { schoolId: w.school.id, tutorId: w.jan.id, firstDay: '2027-12-24', lastDay: '2027-12-31', reason: 'Święta' });
    asJan();
    expect(await createLessonAction(lessonFor(w.jan.id, '2027-12-23', '10:00', '11:00'))).toMatchObject({ ok: true });
    expect(await createLessonAction(lessonFor(w.jan.id, '2027-12-27', '10:00', '11:00'))).toEqual({
      ok: false,
      code: 'CONFLICT',
      reason: 'outside_availability',
      message: 'Jan Kot ma wolne 24.12.2027–31.12.2027.',
    });
    asAdmin();
    expect(await createLessonAction(lessonFor(w.jan.id, '2027-12-27', '12:00', '13:00', { overrideAvailability: true }))).toMatchObject({ ok: true });
  });
});

describe('booking across schools', () => {
  it('never books another school’s tutor, override or not, and never reads their hours', async () => {
    actAs(viewerOf(w.sowaAdmin));
    expect(await createLessonAction(lessonFor(w.anna.id, '2027-12-07', '08:00', '09:00', { overrideAvailability: true }))).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    asAdmin();
    expect(await createLessonAction(lessonFor(w.sowaTutor.id, '2027-12-07', '15:00', '16:00', { overrideAvailability: true }))).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await t.db.select().from(lessons).where(eq(lessons.tutorId, w.sowaTutor.id))).toEqual([]);
  });
});

describe('setWeeklyHoursAction', () => {
  it('replaces a tutor’s week in one go and audits before and after', async () => {
    const tutor = await createTutor(t.db, { schoolId: w.school.id });
    await setWeeklyHours(t.db, { schoolId: w.school.id, tutorId: tutor.id, intervals: [{ weekday: 1, start: '08:00', end: '12:00' }] });
    asAdmin();
    const intervals = [
      { weekday: 3, start: '16:00', end: '20:00' },
      { weekday: 3, start: '08:00', end: '12:00' },
      { weekday: 5, start: '10:00', end: '14:00' },
    ];
    const result = await setWeeklyHoursAction({ tutorId: tutor.id, intervals });
    expect(result).toEqual({
      ok: true,
      data: {
        tutorId: tutor.id,
        weekly: [
          { weekday: 3, start: '08:00', end: '12:00' },
          { weekday: 3, start: '16:00', end: '20:00' },
          { weekday: 5, start: '10:00', end: '14:00' },
        ],
      },
    });
    const [entry] = await t.db.select().from(auditLog).where(and(eq(auditLog.entityId, tutor.id), eq(auditLog.action, 'availability.setWeek')));
    expect(entry.before).toEqual({ weekly: [{ weekday: 1, start: '08:00', end: '12:00' }] });
    expect(await setWeeklyHoursAction({ tutorId: tutor.id, intervals: [] })).toMatchObject({ ok: true, data: { weekly: [] } });
    expect(await t.db.select().from(tutorAvailability).where(eq(tutorAvailability.tutorId, tutor.id))).toEqual([]);
  });

  it('refuses overlapping or inverted hours next to the field, leaving the week as it was', async () => {
    asAnna();
    const overlap = await setWeeklyHoursAction({
      tutorId: w.anna.id,
      intervals: [
        { weekday: 2, start: '14:00', end: '18:00' },
        { weekday: 2, start: '17:00', end: '20:00' },
      ],
    });
    expect(overlap).toMatchObject({ ok: false, code: 'VALIDATION', fieldErrors: { 'intervals.1.start': ['availability.overlap'] } });
    expect(await setWeeklyHoursAction({ tutorId: w.anna.id, intervals: [{ weekday: 2, start: '20:00', end: '14:00' }] })).toMatchObject({
      ok: false,
      fieldErrors: { 'intervals.0.end': ['availability.endBeforeStart'] },
    });
    for (const bad of [{ weekday: 8, start: '10:00', end: '11:00' }, { weekday: 1, start: '24:00', end: '25:00' }, { weekday: 1, start: '9:00', end: '10:00' }]) {
      expect(await setWeeklyHoursAction({ tutorId: w.anna.id, intervals: [bad] })).toMatchObject({ ok: false, code: 'VALIDATION' });
    }
    expect(await t.db.select({ weekday: tutorAvailability.weekday }).from(tutorAvailability).where(eq(tutorAvailability.tutorId, w.anna.id))).toEqual([{ weekday: 2 }]);
  });

  it('lets a tutor set only their own hours; another tutor’s or another school’s answer NOT_FOUND', async () => {
    asJan();
    expect(await setWeeklyHoursAction({ tutorId: w.anna.id, intervals: [] })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await addTimeOffAction({ tutorId: w.anna.id, firstDay: '2027-08-01', lastDay: '2027-08-02' })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    asAdmin();
    expect(await setWeeklyHoursAction({ tutorId: w.sowaTutor.id, intervals: [{ weekday: 1, start: '08:00', end: '09:00' }] })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await addTimeOffAction({ tutorId: w.sowaTutor.id, firstDay: '2027-08-01', lastDay: '2027-08-02' })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await t.db.select().from(tutorAvailability).where(eq(tutorAvailability.tutorId, w.sowaTutor.id))).toEqual([]);
    expect(await t.db.select({ weekday: tutorAvailability.weekday }).from(tutorAvailability).where(eq(tutorAvailability.tutorId, w.anna.id))).toEqual([{ weekday: 2 }]);
  });

  it('refuses students and parents, and anyone signed out', async () => {
    const student = await createStudent(t.db, { schoolId: w.school.id, withLogin: true });
    actAs(viewerOf(student.user!));
    expect(await setWeeklyHoursAction({ tutorId: w.anna.id, intervals: [] })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    actAs(null);
    expect(await addTimeOffAction({ tutorId: w.anna.id, firstDay: '2027-08-01', lastDay: '2027-08-01' })).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
  });
});

describe('time off', () => {
  it('lets a tutor add and remove their own days off, audited, and says how many lessons are already planned then', async () => {
    await createLesson(t.db, { schoolId: w.school.id, tutorId: w.anna.id, subjectId: w.math.id, roomId: w.room.id, start: new Date(at('2028-01-04', '15:00')), end: new Date(at('2028-01-04', '16:00')) });
    asAnna();
    const added = await addTimeOffAction({ tutorId: w.anna.id, firstDay: '2028-01-03', lastDay: '2028-01-05', reason: '  Konferencja ' });
    expect(added).toEqual({ ok: true, data: { id: expect.any(String), firstDay: '2028-01-03', lastDay: '2028-01-05', lessonsPlanned: 1 } });
    if (!added.ok) return;
    const [row] = await t.db.select().from(tutorTimeOff).where(eq(tutorTimeOff.id, added.data.id));
    expect(row).toMatchObject({ tutorId: w.anna.id, schoolId: w.school.id, reason: 'Konferencja' });

    asJan();
    expect(await removeTimeOffAction({ timeOffId: added.data.id })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    actAs(viewerOf(w.sowaAdmin));
    expect(await removeTimeOffAction({ timeOffId: added.data.id })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    asAnna();
    expect(await removeTimeOffAction({ timeOffId: added.data.id })).toEqual({ ok: true, data: { id: added.data.id } });
    expect(await t.db.select().from(tutorTimeOff).where(eq(tutorTimeOff.id, added.data.id))).toEqual([]);
    const actions = (await t.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, w.anna.id))).map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(['availability.addTimeOff', 'availability.removeTimeOff']));
  });

  it('refuses a last day before the first, impossible dates and hostile text', async () => {
    asAnna();
    expect(await addTimeOffAction({ tutorId: w.anna.id, firstDay: '2028-02-10', lastDay: '2028-02-09' })).toMatchObject({ ok: false, fieldErrors: { lastDay: ['availability.lastDayBeforeFirst'] } });
    expect(await addTimeOffAction({ tutorId: w.anna.id, firstDay: '2028-02-31', lastDay: '2028-03-01' })).toMatchObject({ ok: false, fieldErrors: { firstDay: ['availability.invalidDate'] } });
    expect(await addTimeOffAction({ tutorId: w.anna.id, firstDay: '2028-02-01', lastDay: '2029-06-01' })).toMatchObject({ ok: false, fieldErrors: { lastDay: ['availability.timeOffTooLong'] } });
    expect(await addTimeOffAction({ tutorId: 'not-a-uuid', firstDay: '2028-02-01', lastDay: '2028-02-01' })).toMatchObject({ ok: false, code: 'VALIDATION' });
    expect(await addTimeOffAction({ tutorId: w.anna.id, firstDay: '2028-02-01', lastDay: '2028-02-01', reason: 'a\u0000b' } as never)).toMatchObject({ ok: false, code: 'VALIDATION' });
    expect(await removeTimeOffAction({ timeOffId: '00000000-0000-4000-8000-000000000000' })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });
});

describe('getTutorAvailability', () => {
  it('shows an admin any tutor of the school and a tutor only themself, with time off from today on', async () => {
    const past = await createTimeOff(t.db, { schoolId: w.school.id, tutorId: w.anna.id, firstDay: '2020-01-01', lastDay: '2020-01-02' });
    const coming = await createTimeOff(t.db, { schoolId: w.school.id, tutorId: w.anna.id, firstDay: '2099-07-01', lastDay: '2099-07-14' });
    asAdmin();
    const view = await getTutorAvailability(viewerOf(w.admin), w.anna.id);
    expect(view?.tutor).toEqual({ id: w.anna.id, name: 'Anna Kowalczyk' });
    expect(view?.weekly).toEqual([{ weekday: 2, start: '14:00', end: '20:00' }]);
    expect(view?.timeOff.map((o) => o.id)).toContain(coming.id);
    expect(view?.timeOff.map((o) => o.id)).not.toContain(past.id);

    expect(await getTutorAvailability(viewerOf(w.admin), w.sowaTutor.id)).toBeUndefined();
    expect(await getTutorAvailability(viewerOf(w.admin), 'nope')).toBeUndefined();
    expect(await getTutorAvailability(viewerOf(w.jan.user!), w.anna.id)).toBeUndefined();
    expect((await getOwnAvailability(viewerOf(w.anna.user!)))?.tutor.id).toBe(w.anna.id);
    expect(await getOwnAvailability(viewerOf(w.admin))).toBeUndefined();
  });
});
