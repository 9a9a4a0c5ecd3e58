import { and, count, eq } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { auditLog, lessons, lessonSeries, lessonStudents } from '@/db/schema';
import { createClosure, createLesson, createRoom, createSchool, createSeries, createStudent, createSubject, createTimeOff, createTutor, createUser, setWeeklyHours } from '@/db/seed/factories';
import { endSeriesAction, planSeriesAction, previewSeriesAction, updateSeriesFromAction } from '@/lib/series/actions';
import { getSeries, listSeries } from '@/lib/series/queries';
import { instantToZoned } from '@/lib/time';
import { freshTestDatabase } from '@/test/database';
import { hostilePieces } from '@/test/hostile';
import { actAs } from '@/test/mocks/viewer';
import { viewerOf } from '@/test/viewers';

const t = freshTestDatabase();
const WARSAW = 'Europe/Warsaw';

let w: Awaited<ReturnType<typeof build>>;
async function build() {
  const school = await createSchool(t.db, { name: 'Na Piątkę' });
  const sowa = await createSchool(t.db, { name: 'Sowa' });
  const admin = await createUser(t.db, { schoolId: school.id, role: 'admin' });
  const sowaAdmin = await createUser(t.db, { schoolId: sowa.id, role: 'admin' });
  const anna = await createTutor(t.db, { schoolId: school.id, firstName: 'Anna', lastName: 'Kowalczyk' });
  const jan = await createTutor(t.db, { schoolId: school.id, firstName: 'Jan', lastName: 'Kot' });
  const math = await createSubject(t.db, { schoolId: school.id, name: 'Matematyka' });
  const room = await createRoom(t.db, { schoolId: school.id, name: 'Sala 2', capacity: 3 });
  const ola = await createStudent(t.db, { schoolId: school.id, firstName: 'Ola', lastName: 'Nowak' });
  const kuba = await createStudent(t.db, { schoolId: school.id, firstName: 'Kuba', lastName: 'Lis' });
  const sowaTutor = await createTutor(t.db, { schoolId: sowa.id });
  return { school, sowa, admin, sowaAdmin, anna, jan, math, room, ola, kuba, sowaTutor };
}
beforeAll(async () => {
  w = await build();
});
beforeEach(() => actAs(null));
const asAdmin = () => actAs(viewerOf(w.admin));

const seriesLessons = (seriesId: string) =>
  t.db.select().from(lessons).where(eq(lessons.seriesId, seriesId)).orderBy(lessons.createdAt);

const localOf = (d: Date) => instantToZoned(d, WARSAW);

describe('planSeriesAction', () => {
  it('creates every Thursday 16:00 across the October clock change, skipping 11 November, with one audit row', async () => {
    asAdmin();
    const result = await planSeriesAction({
      tutorId: w.anna.id,
      subjectId: w.math.id,
      roomId: w.room.id,
      studentIds: [w.ola.id],
      weekdays: [4],
      startTime: '16:00',
      durationMinutes: 60,
      firstDate: '2027-10-21',
      lastDate: '2027-11-18',
    });
    expect(result).toMatchObject({ ok: true, data: { created: 4, skipped: [{ date: '2027-11-11', reason: 'holiday', name: 'Independence Day' }], skippedClashes: [] } });
    if (!result.ok) return;
    const rows = await seriesLessons(result.data.seriesId);
    const starts = rows.map((r) => r.during.start.toISOString()).sort();
    // 16:00 CEST is 14:00 UTC; after 31 October 16:00 CET is 15:00 UTC.
    expect(starts).toEqual(['2027-10-21T14:00:00.000Z', '2027-10-28T14:00:00.000Z', '2027-11-04T15:00:00.000Z', '2027-11-18T15:00:00.000Z']);
    expect(rows.every((r) => localOf(r.during.start).time === '16:00' && r.roomId === w.room.id && r.status === 'scheduled')).toBe(true);
    const [{ n }] = await t.db.select({ n: count() }).from(lessonStudents).innerJoin(lessons, eq(lessons.id, lessonStudents.lessonId)).where(eq(lessons.seriesId, result.data.seriesId));
    expect(n).toBe(4);
    const audits = await t.db.select().from(auditLog).where(eq(auditLog.entityId, result.data.seriesId));
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ action: 'series.create', actorUserId: w.admin.id, after: { lessonsCreated: 4, skippedDates: ['2027-11-11'] } });
  });

  it("skips the school's closures by name", async () => {
    await createClosure(t.db, { schoolId: w.school.id, firstDay: '2028-01-17', lastDay: '2028-01-28', name: 'Ferie zimowe', kind: 'break' });
    asAdmin();
    const result = await planSeriesAction({ tutorId: w.jan.id, subjectId: w.math.id, meetingUrl: 'https://meet.example.test/x', studentIds: [w.kuba.id], weekdays: [1], startTime: '09:00', durationMinutes: 45, firstDate: '2028-01-10', lastDate: '2028-02-07' });
    expect(result).toMatchObject({
      ok: true,
      data: {
        created: 3,
        skipped: [
          { date: '2028-01-17', reason: 'closure', name: 'Ferie zimowe' },
          { date: '2028-01-24', reason: 'closure', name: 'Ferie zimowe' },
        ],
      },
    });
  });

  it('lists every clashing date in words and creates nothing, then creates the rest when told to skip them', async () => {
    // Anna already teaches on 2 March; Kuba (another tutor's student) is busy on 16 March.
    await createLesson(t.db, { schoolId: w.school.id, tutorId: w.anna.id, subjectId: w.math.id, start: '2028-03-02T15:30:00Z', minutes: 60 });
    await createLesson(t.db, { schoolId: w.school.id, tutorId: w.jan.id, subjectId: w.math.id, start: '2028-03-16T15:00:00Z', minutes: 60, studentIds: [w.kuba.id] });
    asAdmin();
    const input = { tutorId: w.anna.id, subjectId: w.math.id, roomId: w.room.id, studentIds: [w.kuba.id], weekdays: [4], startTime: '16:00', durationMinutes: 60, firstDate: '2028-02-24', lastDate: '2028-03-23' };
    const before = (await t.db.select({ n: count() }).from(lessonSeries))[0].n;
    const refused = await planSeriesAction(input);
    expect(refused).toMatchObject({ ok: false, code: 'CONFLICT' });
    if (refused.ok || !('clashes' in refused)) throw new Error('expected clashes');
    expect(refused.clashes.map((c) => [c.date, c.dateLabel, c.time])).toEqual([
      ['2028-03-02', '02.03.2028', '16:00–17:00'],
      ['2028-03-16', '16.03.2028', '16:00–17:00'],
    ]);
    // Translations are their keys in these tests; the sentence's facts are the lessons catalog's (tutor, student, time).
    expect(refused.clashes.map((c) => c.what)).toEqual(['lessons.tutorBusy', 'lessons.studentBusy']);
    expect((await t.db.select({ n: count() }).from(lessonSeries))[0].n).toBe(before);

    const preview = await previewSeriesAction(input);
    expect(preview).toMatchObject({ ok: true, data: { dates: expect.any(Array), clashes: [{ date: '2028-03-02' }, { date: '2028-03-16' }] } });
    if (preview.ok) expect(preview.data.dates).toHaveLength(5);

    const created = await planSeriesAction({ ...input, skipClashes: true });
    expect(created).toMatchObject({ ok: true, data: { created: 3, skippedClashes: ['2028-03-02', '2028-03-16'] } });
  });

  it('refuses ids of another school, a tutor, and hostile input without a 500', async () => {
    asAdmin();
    const base = { tutorId: w.sowaTutor.id, subjectId: w.math.id, meetingUrl: 'https://meet.example.test/y', studentIds: [w.ola.id], weekdays: [2], startTime: '10:00', durationMinutes: 60, firstDate: '2028-05-01', lastDate: '2028-05-31' };
    expect(await planSeriesAction(base)).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    actAs(viewerOf(w.anna.user ?? { ...w.admin, role: 'tutor' }));
    expect(await planSeriesAction({ ...base, tutorId: w.anna.id })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    asAdmin();
    for (const bad of [...hostilePieces, '', '25:00', '16:60', 1600, null, ['16:00'], { h: 16 }]) {
      const r = await planSeriesAction({ ...base, tutorId: w.anna.id, startTime: bad as unknown as string });
      expect(r).toMatchObject({ ok: false, code: 'VALIDATION' });
    }
    expect(await planSeriesAction({ ...base, tutorId: w.anna.id, firstDate: '2028-06-01', lastDate: '2028-05-01' })).toMatchObject({ ok: false, code: 'VALIDATION', fieldErrors: { lastDate: [expect.any(String)] } });
    expect(await planSeriesAction({ ...base, tutorId: w.anna.id, weekdays: [] })).toMatchObject({ ok: false, code: 'VALIDATION', fieldErrors: { weekdays: [expect.any(String)] } });
    expect(await planSeriesAction({ ...base, tutorId: w.anna.id, firstDate: '2028-02-30' })).toMatchObject({ ok: false, code: 'VALIDATION' });
  });
});

describe('tutor availability', () => {
  it("lists dates outside the tutor's hours or on their time off as clashes, and skips them on request", async () => {
    const ewa = await createTutor(t.db, { schoolId: w.school.id, firstName: 'Ewa', lastName: 'Sowa' });
    await setWeeklyHours(t.db, { schoolId: w.school.id, tutorId: ewa.id, intervals: [{ weekday: 2, start: '14:00', end: '20:00' }] });
    await createTimeOff(t.db, { schoolId: w.school.id, tutorId: ewa.id, firstDay: '2029-03-13' });
    asAdmin();
    const input = { tutorId: ewa.id, subjectId: w.math.id, meetingUrl: 'https://meet.example.test/ewa', weekdays: [2], startTime: '16:00', durationMinutes: 60, firstDate: '2029-03-06', lastDate: '2029-03-20', studentIds: [w.ola.id] };
    const refused = await planSeriesAction(input);
    expect(refused).toMatchObject({ ok: false, code: 'CONFLICT', clashes: [{ date: '2029-03-13', what: 'availability.refusal.timeOff' }] });
    expect(await planSeriesAction({ ...input, startTime: '19:30', skipClashes: false })).toMatchObject({ ok: false, clashes: [{ date: '2029-03-06' }, { date: '2029-03-13' }, { date: '2029-03-20' }] });
    expect(await planSeriesAction({ ...input, skipClashes: true })).toMatchObject({ ok: true, data: { created: 2, skippedClashes: ['2029-03-13'] } });
  });
});

describe('two admins at once', () => {
  it('plans one of two identical series; the other is refused with CONFLICT (the check or the exclusion constraint), never a 500', async () => {
    asAdmin();
    const input = { tutorId: w.jan.id, subjectId: w.math.id, roomId: w.room.id, studentIds: [w.ola.id], weekdays: [2], startTime: '18:00', durationMinutes: 60, firstDate: '2029-01-09', lastDate: '2029-01-30' };
    const results = await Promise.all([planSeriesAction(input), planSeriesAction(input), planSeriesAction(input)]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.code === 'CONFLICT')).toBe(true);
  });
});

describe('this and the following', () => {
  it('moves the lessons from a date to a new time as a continuing series; earlier ones stay', async () => {
    const { series } = await createSeries(t.db, { schoolId: w.school.id, tutorId: w.jan.id, subjectId: w.math.id, studentIds: [w.ola.id], weekdays: [5], startTime: '12:00', firstDate: '2028-09-01', lastDate: '2028-09-29' });
    asAdmin();
    const result = await updateSeriesFromAction({ seriesId: series.id, fromDate: '2028-09-15', tutorId: w.jan.id, meetingUrl: 'https://meet.example.test/new', weekdays: [5], startTime: '13:30', durationMinutes: 60, lastDate: '2028-09-29' });
    expect(result).toMatchObject({ ok: true, data: { cancelled: 3, created: 3 } });
    if (!result.ok) return;
    const old = await seriesLessons(series.id);
    expect(old.filter((l) => l.status === 'scheduled').map((l) => localOf(l.during.start).date)).toEqual(['2028-09-01', '2028-09-08']);
    expect(old.filter((l) => l.status === 'cancelled').every((l) => l.cancelReason === 'series.changedReason')).toBe(true);
    const fresh = await seriesLessons(result.data.seriesId);
    expect(fresh.map((l) => `${localOf(l.during.start).date} ${localOf(l.during.start).time}`).sort()).toEqual(['2028-09-15 13:30', '2028-09-22 13:30', '2028-09-29 13:30']);
    const [{ lastDate }] = await t.db.select({ lastDate: lessonSeries.lastDate }).from(lessonSeries).where(eq(lessonSeries.id, series.id));
    expect(lastDate).toBe('2028-09-14');
    const [entry] = await t.db.select().from(auditLog).where(and(eq(auditLog.entityId, series.id), eq(auditLog.action, 'series.change_from')));
    expect(entry.after).toMatchObject({ lessonsCancelled: 3, lessonsCreated: 3, fromDate: '2028-09-15' });
  });

  it('changes nothing while a new date clashes', async () => {
    const { series } = await createSeries(t.db, { schoolId: w.school.id, tutorId: w.jan.id, subjectId: w.math.id, weekdays: [3], startTime: '08:00', firstDate: '2028-10-04', lastDate: '2028-10-25' });
    await createLesson(t.db, { schoolId: w.school.id, tutorId: w.jan.id, subjectId: w.math.id, start: '2028-10-18T07:00:00Z', minutes: 60 });
    asAdmin();
    const result = await updateSeriesFromAction({ seriesId: series.id, fromDate: '2028-10-11', tutorId: w.jan.id, meetingUrl: 'https://meet.example.test/z', weekdays: [3], startTime: '09:00', durationMinutes: 60, lastDate: '2028-10-25' });
    expect(result).toMatchObject({ ok: false, code: 'CONFLICT', clashes: [{ date: '2028-10-18' }] });
    expect((await seriesLessons(series.id)).every((l) => l.status === 'scheduled')).toBe(true);
  });

  it('ends a series from a date and refuses a date in the past or a series of another school', async () => {
    const { series } = await createSeries(t.db, { schoolId: w.school.id, tutorId: w.anna.id, subjectId: w.math.id, weekdays: [6], startTime: '10:00', firstDate: '2028-11-04', lastDate: '2028-11-25' });
    asAdmin();
    expect(await endSeriesAction({ seriesId: series.id, fromDate: '2028-11-18' })).toEqual({ ok: true, data: { seriesId: series.id, cancelled: 2 } });
    // Saturday 11 November 2028 is a holiday: the series had 4, 18 and 25 November.
    const rows = await seriesLessons(series.id);
    expect(rows.filter((l) => l.status === 'scheduled').map((l) => localOf(l.during.start).date)).toEqual(['2028-11-04']);
    expect(await endSeriesAction({ seriesId: series.id, fromDate: '2020-01-01' })).toMatchObject({ ok: false, code: 'VALIDATION' });
    actAs(viewerOf(w.sowaAdmin));
    expect(await endSeriesAction({ seriesId: series.id, fromDate: '2028-11-11' })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await getSeries(viewerOf(w.sowaAdmin), series.id)).toBeUndefined();
    expect((await listSeries(viewerOf(w.sowaAdmin))).rows.map((s) => s.id)).not.toContain(series.id);
  });
});

describe('series queries', () => {
  it('lists the school’s series with lesson counts for admins only', async () => {
    const list = (await listSeries(viewerOf(w.admin))).rows;
    expect(list.length).toBeGreaterThanOrEqual(3);
    expect(list.every((s) => typeof s.scheduled === 'number' && /^\d\d:\d\d$/.test(s.startTime))).toBe(true);
    expect((await listSeries(viewerOf({ ...w.admin, role: 'tutor' }))).rows).toEqual([]);
  });
});
