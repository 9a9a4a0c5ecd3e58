import { and, eq } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { auditLog, tutorRates } from '@/db/schema';
import { createFamily, createLesson, createSchool, createSubject, createTutor, createUser } from '@/db/seed/factories';
import { getTutorEarnings, listSchoolEarnings, lessonPay } from '@/lib/billing/earnings';
import { clearTutorRateAction, setTutorRateAction } from '@/lib/billing/price-actions';
import { freshTestDatabase } from '@/test/database';
import { actAs } from '@/test/mocks/viewer';
import { viewerOf } from '@/test/viewers';

const t = freshTestDatabase();

let w: Awaited<ReturnType<typeof build>>;

/**
 * Na Piątkę in November 2026: Jan Kowalczyk teaches Matematyka (his own rate, 100 zł) and Fizyka
 * (his general rate, 80 zł); Ewa Zielińska has no rate at all. Lessons: completed, planned and
 * cancelled, one of 45 minutes, and two at midnight in Warsaw that are the month before in UTC
 * (1 November 00:30 and 1 December 00:00 there). Sowa: a tutor of its own.
 */
async function build() {
  const school = await createSchool(t.db, { name: 'Na Piątkę' });
  const admin = await createUser(t.db, { schoolId: school.id, role: 'admin' });
  const jan = await createTutor(t.db, { schoolId: school.id, firstName: 'Jan', lastName: 'Kowalczyk', withLogin: true });
  const ewa = await createTutor(t.db, { schoolId: school.id, firstName: 'Ewa', lastName: 'Zielińska', withLogin: true });
  const math = await createSubject(t.db, { schoolId: school.id, name: 'Matematyka' });
  const physics = await createSubject(t.db, { schoolId: school.id, name: 'Fizyka' });
  const family = await createFamily(t.db, { schoolId: school.id, children: 1, lastName: 'Nowak' });
  const ola = family.children[0];
  const lesson = (tutorId: string, subjectId: string, start: string, minutes: number, status: 'completed' | 'scheduled' | 'cancelled') =>
    createLesson(t.db, { schoolId: school.id, tutorId, subjectId, start, minutes, status, ...(status === 'cancelled' ? { cancelledAt: new Date(start) } : {}), studentIds: [ola.id] });
  await lesson(jan.id, math.id, '2026-11-03T15:00:00Z', 60, 'completed');
  await lesson(jan.id, math.id, '2026-11-05T15:00:00Z', 45, 'completed');
  await lesson(jan.id, physics.id, '2026-11-10T15:00:00Z', 90, 'completed');
  await lesson(jan.id, math.id, '2026-11-12T15:00:00Z', 60, 'scheduled');
  await lesson(jan.id, math.id, '2026-11-17T15:00:00Z', 60, 'cancelled');
  await lesson(jan.id, math.id, '2026-11-30T23:00:00Z', 60, 'completed'); // 1 December, 00:00 in Warsaw
  await lesson(jan.id, math.id, '2026-10-31T23:30:00Z', 30, 'completed'); // 1 November, 00:30 in Warsaw
  await lesson(ewa.id, physics.id, '2026-11-04T15:00:00Z', 60, 'completed');
  const sowa = await createSchool(t.db, { name: 'Sowa' });
  const sowaAdmin = await createUser(t.db, { schoolId: sowa.id, role: 'admin' });
  const sowaTutor = await createTutor(t.db, { schoolId: sowa.id, withLogin: true });
  return { school, admin, jan, ewa, math, physics, family, sowa, sowaAdmin, sowaTutor };
}

beforeAll(async () => {
  w = await build();
  actAs(viewerOf(w.admin));
  expect(await setTutorRateAction({ tutorId: w.jan.id, subjectId: '', per60: '80' })).toMatchObject({ ok: true, data: { changed: true, per60: 8_000 } });
  expect(await setTutorRateAction({ tutorId: w.jan.id, subjectId: w.math.id, per60: '100,00' })).toMatchObject({ ok: true, data: { changed: true, per60: 10_000 } });
  actAs(null);
});
beforeEach(() => actAs(null));

describe('lessonPay', () => {
  it.each([
    [60, 10_000, 8_000, { per60: 10_000, source: 'subject', amount: 10_000 }],
    [45, null, 8_000, { per60: 8_000, source: 'general', amount: 6_000 }],
    [90, null, 8_000, { per60: 8_000, source: 'general', amount: 12_000 }],
    [50, 7_000, null, { per60: 7_000, source: 'subject', amount: 5_833 }],
    [60, null, null, { per60: null, source: null, amount: null }],
    [60, 0, 8_000, { per60: 0, source: 'subject', amount: 0 }],
  ] as const)('%i minutes at subject %s / general %s', (minutes, subjectRate, generalRate, expected) => {
    expect(lessonPay(minutes, subjectRate, generalRate)).toEqual(expected);
  });
});

describe("a tutor's monthly statement", () => {
  it('pays the completed lessons that start in the school’s month, at the subject rate over the general one, pro rata', async () => {
    const statement = await getTutorEarnings(viewerOf(w.admin), '2026-11', w.jan.id);
    expect(statement).toBeDefined();
    expect(statement!.lines.map((l) => [l.date, l.subject, l.minutes, l.per60, l.rateSource, l.amount])).toEqual([
      ['2026-11-01', 'Matematyka', 30, 10_000, 'subject', 5_000],
      ['2026-11-03', 'Matematyka', 60, 10_000, 'subject', 10_000],
      ['2026-11-05', 'Matematyka', 45, 10_000, 'subject', 7_500],
      ['2026-11-10', 'Fizyka', 90, 8_000, 'general', 12_000],
    ]);
    expect(statement!.totals).toEqual({ lessons: 4, minutes: 225, amount: 34_500, unrated: 0, unratedMinutes: 0 });
    expect(statement!.bySubject.map((s) => [s.subject, s.lessons, s.minutes, s.amount])).toEqual([
      ['Fizyka', 1, 90, 12_000],
      ['Matematyka', 3, 135, 22_500],
    ]);
    // The lesson at midnight on 1 December (Warsaw) belongs to December.
    const december = await getTutorEarnings(viewerOf(w.admin), '2026-12', w.jan.id);
    expect(december!.lines.map((l) => l.date)).toEqual(['2026-12-01']);
  });

  it('lists a lesson with no rate to apply, counted in the hours but not paid', async () => {
    const statement = await getTutorEarnings(viewerOf(w.admin), '2026-11', w.ewa.id);
    expect(statement!.lines).toHaveLength(1);
    expect(statement!.lines[0]).toMatchObject({ amount: null, per60: null, rateSource: null });
    expect(statement!.totals).toEqual({ lessons: 1, minutes: 60, amount: 0, unrated: 1, unratedMinutes: 60 });
  });

  it('gives the office every tutor with the school’s totals, in Polish name order', async () => {
    const school = await listSchoolEarnings(viewerOf(w.admin), '2026-11');
    expect(school!.tutors.map((s) => s.lastName)).toEqual(['Kowalczyk', 'Zielińska']);
    expect(school!.totals).toEqual({ lessons: 5, minutes: 285, amount: 34_500, unrated: 1, unratedMinutes: 60 });
  });

  it('shows a tutor only their own statement; another tutor’s, another school’s or a parent’s request gets nothing', async () => {
    const jan = viewerOf(w.jan.user!);
    expect((await getTutorEarnings(jan, '2026-11'))?.tutorId).toBe(w.jan.id);
    expect((await getTutorEarnings(jan, '2026-11', w.jan.id))?.totals.amount).toBe(34_500);
    expect(await getTutorEarnings(jan, '2026-11', w.ewa.id)).toBeUndefined();
    expect((await listSchoolEarnings(jan, '2026-11'))!.tutors.map((s) => s.tutorId)).toEqual([w.jan.id]);

    expect(await getTutorEarnings(viewerOf(w.sowaAdmin), '2026-11', w.jan.id)).toBeUndefined();
    expect((await listSchoolEarnings(viewerOf(w.sowaAdmin), '2026-11'))!.tutors.map((s) => s.tutorId)).toEqual([w.sowaTutor.id]);
    expect(await getTutorEarnings(viewerOf(w.sowaTutor.user!), '2026-11', w.jan.id)).toBeUndefined();

    const parent = viewerOf(w.family.parent.user!);
    expect(await getTutorEarnings(parent, '2026-11', w.jan.id)).toBeUndefined();
    expect(await listSchoolEarnings(parent, '2026-11')).toBeUndefined();
    expect(await getTutorEarnings(viewerOf(w.admin), '2026-13', w.jan.id)).toBeUndefined();
    expect(await getTutorEarnings(viewerOf(w.admin), '2026-11', 'not-a-uuid')).toBeUndefined();
  });
});

describe("a tutor's rate", () => {
  const rateAudits = () =>
    t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, w.ewa.id), eq(auditLog.entityType, 'tutor_rate')))
      .orderBy(auditLog.id);

  it('is set, left alone when the same, changed and cleared, each change audited with before and after', async () => {
    actAs(viewerOf(w.admin));
    expect(await setTutorRateAction({ tutorId: w.ewa.id, subjectId: '', per60: '75' })).toMatchObject({ ok: true, data: { changed: true, per60: 7_500 } });
    expect(await setTutorRateAction({ tutorId: w.ewa.id, subjectId: '', per60: '75,00' })).toMatchObject({ ok: true, data: { changed: false } });
    expect((await getTutorEarnings(viewerOf(w.admin), '2026-11', w.ewa.id))!.totals.amount).toBe(7_500);
    expect(await setTutorRateAction({ tutorId: w.ewa.id, subjectId: '', per60: '85' })).toMatchObject({ ok: true, data: { changed: true, per60: 8_500 } });
    expect(await clearTutorRateAction({ tutorId: w.ewa.id, subjectId: '' })).toMatchObject({ ok: true, data: { changed: true } });
    expect(await clearTutorRateAction({ tutorId: w.ewa.id, subjectId: '' })).toMatchObject({ ok: true, data: { changed: false } });
    const audits = await rateAudits();
    expect(audits.map((a) => [a.action, a.before, a.after])).toEqual([
      ['rate.set', null, { subjectId: null, per60: 7_500 }],
      ['rate.set', { subjectId: null, per60: 7_500 }, { subjectId: null, per60: 8_500 }],
      ['rate.clear', { subjectId: null, per60: 8_500 }, null],
    ]);
    expect(audits.every((a) => a.actorUserId === w.admin.id && a.schoolId === w.school.id)).toBe(true);
  });

  it('refuses bad amounts, other schools and everyone but the office, changing nothing', async () => {
    const before = await t.db.select().from(tutorRates).orderBy(tutorRates.id);
    const auditsBefore = (await rateAudits()).length;
    actAs(viewerOf(w.admin));
    for (const per60 of ['', 'abc', '-5', '100000000', '12,345']) {
      expect(await setTutorRateAction({ tutorId: w.ewa.id, subjectId: '', per60 }), per60).toMatchObject({ ok: false, code: 'VALIDATION' });
    }
    expect(await setTutorRateAction({ tutorId: 'x', subjectId: '', per60: '50' })).toMatchObject({ ok: false, code: 'VALIDATION' });
    expect(await setTutorRateAction({ tutorId: w.sowaTutor.id, subjectId: '', per60: '50' })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    actAs(viewerOf(w.sowaAdmin));
    expect(await setTutorRateAction({ tutorId: w.ewa.id, subjectId: '', per60: '50' })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await setTutorRateAction({ tutorId: w.sowaTutor.id, subjectId: w.math.id, per60: '50' })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    for (const user of [w.jan.user!, w.family.parent.user!]) {
      actAs(viewerOf(user));
      expect(await setTutorRateAction({ tutorId: w.jan.id, subjectId: '', per60: '500' }), user.role).toMatchObject({ ok: false, code: 'FORBIDDEN' });
      expect(await clearTutorRateAction({ tutorId: w.jan.id, subjectId: w.math.id }), user.role).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    }
    expect(await t.db.select().from(tutorRates).orderBy(tutorRates.id)).toEqual(before);
    expect(await rateAudits()).toHaveLength(auditsBefore);
  });
});
