import { beforeAll, describe, expect, it } from 'vitest';
import { lessonSeries, seriesStudents } from '@/db/schema';
import { createSchool, createSeries, createStudent, createSubject, createTutor, createUser } from '@/db/seed/factories';
import { seriesListFilters } from '@/lib/series/list-filters';
import { listSeries } from '@/lib/series/queries';
import { freshTestDatabase } from '@/test/database';
import { viewerOf } from '@/test/viewers';

const t = freshTestDatabase();
const DAY = 86_400_000;

// "Na Piątkę" plans a term: 56 series (Anna teaches mathematics on Mondays and Wednesdays,
// Jan physics on Tuesdays), created one a day, the last one first in the list. Łukasz
// Żołnierz is in every seventh series with Ola, Kuba in the others. "Sowa" has a series of its own.
let w: Awaited<ReturnType<typeof build>>;
async function build() {
  const school = await createSchool(t.db, { name: 'Na Piątkę' });
  const sowa = await createSchool(t.db, { name: 'Sowa' });
  const admin = await createUser(t.db, { schoolId: school.id, role: 'admin' });
  const sowaAdmin = await createUser(t.db, { schoolId: sowa.id, role: 'admin' });
  const anna = await createTutor(t.db, { schoolId: school.id, firstName: 'Anna', lastName: 'Kowalczyk' });
  const jan = await createTutor(t.db, { schoolId: school.id, firstName: 'Jan', lastName: 'Kot' });
  const math = await createSubject(t.db, { schoolId: school.id, name: 'Matematyka' });
  const physics = await createSubject(t.db, { schoolId: school.id, name: 'Fizyka' });
  const lukasz = await createStudent(t.db, { schoolId: school.id, firstName: 'Łukasz', lastName: 'Żołnierz' });
  const ola = await createStudent(t.db, { schoolId: school.id, firstName: 'Ola', lastName: 'Nowak' });
  const kuba = await createStudent(t.db, { schoolId: school.id, firstName: 'Kuba', lastName: 'Lis' });
  const created: (typeof lessonSeries.$inferSelect)[] = [];
  const start = Date.parse('2026-09-01T08:00:00Z');
  for (let i = 0; i < 56; i++) {
    const isAnna = i % 2 === 0;
    // Rows only: the list reads the series, so no lessons are planned for them.
    const [row] = await t.db
      .insert(lessonSeries)
      .values({
        schoolId: school.id,
        tutorId: isAnna ? anna.id : jan.id,
        subjectId: isAnna ? math.id : physics.id,
        meetingUrl: `https://meet.example.test/s${i}`,
        weekdays: isAnna ? [1, 3] : [2],
        startTime: `${String(14 + (i % 6)).padStart(2, '0')}:00`,
        durationMinutes: 60,
        firstDate: '2026-09-01',
        lastDate: '2027-06-25',
        createdAt: new Date(start + i * DAY),
      })
      .returning();
    const people = i % 7 === 0 ? [lukasz, ola] : [kuba];
    await t.db.insert(seriesStudents).values(people.map((p) => ({ schoolId: school.id, seriesId: row.id, studentId: p.id })));
    created.push(row);
  }
  const sowaTutor = await createTutor(t.db, { schoolId: sowa.id });
  const sowaSubject = await createSubject(t.db, { schoolId: sowa.id });
  const sowaStudent = await createStudent(t.db, { schoolId: sowa.id, firstName: 'Łukasz', lastName: 'Żołnierz' });
  const sowaSeries = await createSeries(t.db, { schoolId: sowa.id, tutorId: sowaTutor.id, subjectId: sowaSubject.id, studentIds: [sowaStudent.id] });
  return { school, admin, sowaAdmin, anna, jan, math, physics, lukasz, ola, kuba, created, sowaTutor, sowaSeries };
}
beforeAll(async () => {
  w = await build();
});

const filters = (input: Record<string, string>) => seriesListFilters.parse(input);
const newestFirst = () => [...w.created].reverse().map((s) => s.id);

describe('listSeries', () => {
  it('lists the most recently created first, 50 a page, counted in all', async () => {
    const admin = viewerOf(w.admin);
    const first = await listSeries(admin);
    const second = await listSeries(admin, filters({ page: '2' }));
    expect([first.total, second.total, first.pageSize]).toEqual([56, 56, 50]);
    expect(first.rows.map((s) => s.id)).toEqual(newestFirst().slice(0, 50));
    expect(second.rows.map((s) => s.id)).toEqual(newestFirst().slice(50));
  });

  it('carries each series’ students in Polish surname order', async () => {
    const rows = (await listSeries(viewerOf(w.admin), filters({ page: '2' }))).rows;
    const withLukasz = rows.find((s) => s.id === w.created[0].id)!;
    expect(withLukasz.students.map((s) => s.name)).toEqual(['Ola Nowak', 'Łukasz Żołnierz']);
    expect(rows.find((s) => s.id === w.created[1].id)!.students.map((s) => s.name)).toEqual(['Kuba Lis']);
  });

  it('filters by tutor, subject and a weekday the series meets on; the count follows', async () => {
    const admin = viewerOf(w.admin);
    const anna = await listSeries(admin, filters({ tutorId: w.anna.id }));
    expect(anna.total).toBe(28);
    expect(anna.rows.every((s) => s.tutorId === w.anna.id)).toBe(true);
    expect((await listSeries(admin, filters({ subjectId: w.physics.id }))).rows.every((s) => s.subject === 'Fizyka')).toBe(true);
    expect((await listSeries(admin, filters({ weekday: '3' }))).total).toBe(28);
    expect((await listSeries(admin, filters({ weekday: '2', tutorId: w.anna.id }))).total).toBe(0);
    expect((await listSeries(admin, filters({ weekday: '6' }))).rows).toEqual([]);
  });

  it('finds series by a student’s name without Polish letters, in either order', async () => {
    const admin = viewerOf(w.admin);
    const expected = w.created.filter((_, i) => i % 7 === 0).map((s) => s.id).reverse();
    for (const q of ['lukasz', 'zolnierz ł', 'ŻOŁNIERZ']) {
      const found = await listSeries(admin, filters({ q }));
      expect(found.total).toBe(8);
      expect(found.rows.map((s) => s.id)).toEqual(expected);
    }
    expect((await listSeries(admin, filters({ q: 'lukasz', tutorId: w.jan.id }))).rows.map((s) => s.id)).toEqual(
      w.created.filter((_, i) => i % 7 === 0 && i % 2 === 1).map((s) => s.id).reverse(),
    );
    expect((await listSeries(admin, filters({ q: '%' }))).total).toBe(0);
  });

  it('keeps each school to its own series, whatever the filter names', async () => {
    expect((await listSeries(viewerOf(w.sowaAdmin))).rows.map((s) => s.id)).toEqual([w.sowaSeries.series.id]);
    expect((await listSeries(viewerOf(w.sowaAdmin), filters({ tutorId: w.anna.id }))).total).toBe(0);
    expect((await listSeries(viewerOf(w.sowaAdmin), filters({ q: 'lukasz' }))).rows.map((s) => s.id)).toEqual([w.sowaSeries.series.id]);
    expect((await listSeries(viewerOf(w.admin), filters({ tutorId: w.sowaTutor.id }))).total).toBe(0);
    expect((await listSeries(viewerOf(w.admin))).rows.map((s) => s.id)).not.toContain(w.sowaSeries.series.id);
  });

  it('gives a tutor nothing, and reads malformed filters as none', async () => {
    expect(await listSeries({ ...viewerOf(w.admin), role: 'tutor' })).toMatchObject({ rows: [], total: 0 });
    expect(filters({ tutorId: 'nope', weekday: '9', page: '-2' })).toEqual({ q: undefined, tutorId: undefined, subjectId: undefined, weekday: undefined, page: 1 });
  });
});
