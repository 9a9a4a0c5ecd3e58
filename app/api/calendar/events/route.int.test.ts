import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createFamily, createLesson, createRoom, createSchool, createSeries, createStudent, createSubject, createTutor, createUser } from '@/db/seed/factories';
import type { LessonEvent } from '@/components/calendar/feed';
import { freshTestDatabase } from '@/test/database';
import { actAs } from '@/test/mocks/viewer';
import { viewerOf } from '@/test/viewers';
import { getOwnTutor } from '@/lib/lessons/queries';
import { GET } from './route';

const t = freshTestDatabase();

// "Na Piątkę": Anna teaches Ola in Sala 2; Jan teaches an online group of Kuba (Ola's
// brother) and Iga (a student with her own login). Sowa, another school, has a lesson at the
// same time. Everything on 1 December 2027.
let w: Awaited<ReturnType<typeof build>>;
async function build() {
  const school = await createSchool(t.db);
  const sowa = await createSchool(t.db);
  const admin = await createUser(t.db, { schoolId: school.id, role: 'admin' });
  const anna = await createTutor(t.db, { schoolId: school.id, firstName: 'Anna', lastName: 'Kowalczyk', color: '#fde047' });
  const jan = await createTutor(t.db, { schoolId: school.id, firstName: 'Jan', lastName: 'Kot', color: '#1e3a8a' });
  const math = await createSubject(t.db, { schoolId: school.id, name: 'Matematyka' });
  const physics = await createSubject(t.db, { schoolId: school.id, name: 'Fizyka' });
  const room = await createRoom(t.db, { schoolId: school.id, name: 'Sala 2', capacity: 6 });
  const { parent, children } = await createFamily(t.db, { schoolId: school.id, children: 2, lastName: 'Nowak' });
  const [ola, kuba] = children;
  const iga = await createStudent(t.db, { schoolId: school.id, firstName: 'Iga', lastName: 'Adamczyk', withLogin: true });
  const annasLesson = await createLesson(t.db, { schoolId: school.id, tutorId: anna.id, subjectId: math.id, roomId: room.id, start: '2027-12-01T15:00:00Z', studentIds: [ola.id] });
  const jansGroup = await createLesson(t.db, { schoolId: school.id, tutorId: jan.id, subjectId: physics.id, kind: 'group', capacity: 4, start: '2027-12-01T15:00:00Z', studentIds: [kuba.id, iga.id] });
  const cancelled = await createLesson(t.db, { schoolId: school.id, tutorId: jan.id, subjectId: physics.id, start: '2027-12-02T15:00:00Z', status: 'cancelled', cancelledAt: new Date('2027-11-30T10:00:00Z'), cancelReason: 'Choroba', studentIds: [iga.id] });
  const sowaTutor = await createTutor(t.db, { schoolId: sowa.id });
  const sowaLesson = await createLesson(t.db, { schoolId: sowa.id, tutorId: sowaTutor.id, subjectId: (await createSubject(t.db, { schoolId: sowa.id })).id, start: '2027-12-01T15:00:00Z' });
  return { school, sowa, admin, anna, jan, math, physics, room, parent, ola, kuba, iga, annasLesson, jansGroup, cancelled, sowaLesson };
}
beforeAll(async () => {
  w = await build();
});
beforeEach(() => actAs(null));

const week = 'start=2027-11-29T00:00:00%2B01:00&end=2027-12-06T00:00:00%2B01:00';

async function feed(query: string) {
  const response = await GET(new Request(`http://school.test/api/calendar/events?${query}`));
  return { status: response.status, body: (await response.json()) as unknown, headers: response.headers };
}
async function events(query = week) {
  const { status, body } = await feed(query);
  expect(status).toBe(200);
  return body as LessonEvent[];
}
const ids = (rows: { id: string }[]) => rows.map((r) => r.id).sort();

describe('GET /api/calendar/events', () => {
  it('answers 401 without a session, and is never cached', async () => {
    const { status, body, headers } = await feed(week);
    expect(status).toBe(401);
    expect(body).toEqual({ error: 'calendar.feed.unauthenticated' });
    expect(headers.get('cache-control')).toContain('no-store');
  });

  it('gives an admin every lesson of their school as FullCalendar events, editable while scheduled', async () => {
    actAs(viewerOf(w.admin));
    const rows = await events();
    expect(ids(rows)).toEqual([w.annasLesson.id, w.jansGroup.id, w.cancelled.id].sort());
    const anna = rows.find((e) => e.id === w.annasLesson.id)!;
    expect(anna).toMatchObject({
      title: 'Matematyka · Anna Kowalczyk · Sala 2',
      start: '2027-12-01T15:00:00.000Z',
      end: '2027-12-01T16:00:00.000Z',
      color: '#fde047',
      contrastColor: '#000000',
      editable: true,
      extendedProps: { status: 'scheduled', room: { id: w.room.id, name: 'Sala 2' }, students: [{ id: w.ola.id }] },
    });
    const jan = rows.find((e) => e.id === w.jansGroup.id)!;
    expect(jan.title).toBe('Fizyka · Jan Kot · calendar.online');
    expect(jan.contrastColor).toBe('#ffffff');
    expect(jan.extendedProps.students.map((s) => s.id).sort()).toEqual([w.kuba.id, w.iga.id].sort());
    const cancelled = rows.find((e) => e.id === w.cancelled.id)!;
    expect(cancelled).toMatchObject({ editable: false, className: 'lesson-cancelled', extendedProps: { status: 'cancelled', cancelReason: 'Choroba' } });
  });

  it('filters by tutor, room, student and subject', async () => {
    actAs(viewerOf(w.admin));
    expect(ids(await events(`${week}&tutorId=${w.anna.id}`))).toEqual([w.annasLesson.id]);
    expect(ids(await events(`${week}&roomId=${w.room.id}`))).toEqual([w.annasLesson.id]);
    expect(ids(await events(`${week}&studentId=${w.iga.id}`))).toEqual([w.jansGroup.id, w.cancelled.id].sort());
    expect(ids(await events(`${week}&subjectId=${w.physics.id}`))).toEqual([w.jansGroup.id, w.cancelled.id].sort());
  });

  it('never shows another school’s lessons, even when asked for its tutor', async () => {
    const sowaAdmin = await createUser(t.db, { schoolId: w.sowa.id, role: 'admin' });
    actAs(viewerOf(sowaAdmin));
    expect(ids(await events())).toEqual([w.sowaLesson.id]);
    actAs(viewerOf(w.admin));
    expect(await events(`${week}&tutorId=${w.sowaLesson.tutorId}`)).toEqual([]);
  });

  it('shows a tutor only their own lessons, which they may move', async () => {
    actAs(viewerOf(w.anna.user!));
    const rows = await events();
    expect(ids(rows)).toEqual([w.annasLesson.id]);
    expect(rows[0].editable).toBe(true);
    // Asking for another tutor's lessons by filter gives nothing.
    expect(await events(`${week}&tutorId=${w.jan.id}`)).toEqual([]);
  });

  it('shows a student their lessons read-only, without the names of the rest of the group', async () => {
    actAs(viewerOf(w.iga.user!));
    const rows = await events();
    expect(ids(rows)).toEqual([w.jansGroup.id, w.cancelled.id].sort());
    expect(rows.every((e) => !e.editable)).toBe(true);
    const group = rows.find((e) => e.id === w.jansGroup.id)!;
    expect(group.extendedProps.students).toEqual([{ id: w.iga.id, name: 'Iga Adamczyk' }]);
  });

  it('shows a parent their children’s lessons read-only, naming only their children', async () => {
    actAs(viewerOf(w.parent.user!));
    const rows = await events();
    expect(ids(rows)).toEqual([w.annasLesson.id, w.jansGroup.id].sort());
    expect(rows.every((e) => !e.editable)).toBe(true);
    const group = rows.find((e) => e.id === w.jansGroup.id)!;
    expect(group.extendedProps.students.map((s) => s.id)).toEqual([w.kuba.id]);
    const stranger = await createUser(t.db, { schoolId: w.school.id, role: 'parent' });
    actAs(viewerOf(stranger));
    expect(await events()).toEqual([]);
  });

  it('answers 400 with a sentence for a bad range or filter, never a 500', async () => {
    actAs(viewerOf(w.admin));
    const cases: [string, string][] = [
      ['', 'calendar.feed.rangeMissing'],
      ['start=2027-12-01T00:00:00Z', 'calendar.feed.rangeMissing'],
      ['start=yesterday&end=tomorrow', 'calendar.feed.rangeInvalid'],
      ['start=2027-12-01&end=2027-12-08', 'calendar.feed.rangeInvalid'],
      [`start=${'9'.repeat(5000)}&end=2027-12-08T00:00:00Z`, 'calendar.feed.rangeInvalid'],
      ['start=2027-12-08T00:00:00Z&end=2027-12-01T00:00:00Z', 'calendar.feed.rangeOrder'],
      ['start=2027-12-01T00:00:00Z&end=2027-12-01T00:00:00Z', 'calendar.feed.rangeOrder'],
      ['start=2027-01-01T00:00:00Z&end=2027-12-31T00:00:00Z', 'calendar.feed.rangeTooLong'],
      [`${week}&tutorId=1' or '1'='1`, 'calendar.feed.filterInvalid'],
      [`${week}&studentId=not-a-uuid`, 'calendar.feed.filterInvalid'],
    ];
    for (const [query, error] of cases) {
      const { status, body } = await feed(query.replace(/ /g, '%20'));
      expect({ query, status, body }).toEqual({ query, status: 400, body: { error } });
    }
    // 62 days (a month view with spill-over weeks) is allowed.
    expect((await feed('start=2027-11-01T00:00:00Z&end=2028-01-02T00:00:00Z')).status).toBe(200);
  });
});

describe('lessons of a weekly series', () => {
  it('carry the series id for admins (the dialog links to the series), for nobody else', async () => {
    await createSeries(t.db, { schoolId: w.school.id, tutorId: w.anna.id, subjectId: w.math.id, weekdays: [4], startTime: '10:00', firstDate: '2027-12-09', lastDate: '2027-12-09', studentIds: [w.ola.id] });
    const nextWeek = 'start=2027-12-06T00:00:00Z&end=2027-12-13T00:00:00Z';
    actAs(viewerOf(w.admin));
    const [lesson] = await events(nextWeek);
    expect(lesson.extendedProps.seriesId).toMatch(/^[0-9a-f-]{36}$/);
    for (const user of [w.anna.user!, w.parent.user!]) {
      actAs(viewerOf(user));
      const [seen] = await events(nextWeek);
      expect(seen.id).toBe(lesson.id);
      expect(seen.extendedProps.seriesId).toBeNull();
    }
  });
});

describe('getOwnTutor (who a tutor plans lessons as)', () => {
  it('gives a tutor their own record and anyone else nothing', async () => {
    expect(await getOwnTutor(viewerOf(w.anna.user!))).toEqual({ id: w.anna.id, name: 'Anna Kowalczyk', color: '#fde047' });
    expect(await getOwnTutor(viewerOf(w.admin))).toBeUndefined();
    expect(await getOwnTutor(viewerOf(w.parent.user!))).toBeUndefined();
    // A tutor account of another school never resolves to this school's tutor.
    const stray = await createUser(t.db, { schoolId: w.sowa.id, role: 'tutor' });
    expect(await getOwnTutor(viewerOf(stray))).toBeUndefined();
  });
});
