/**
 * Latency of the calendar feed (`GET /api/calendar/events`) for a busy week, at the demo size
 * (220 students, 12 tutors) and at ten times it (2,200 students, 120 tutors), through the same
 * functions the route calls: the scoped lesson query and the mapping to FullCalendar events.
 *
 *   npx tsx --conditions=react-server bench/calendar.ts                    # PostgreSQL at BENCH_DATABASE_URL (default: local server)
 *   npx tsx --conditions=react-server bench/calendar.ts --engine pglite    # embedded PGlite, in memory
 *
 * Every tutor teaches every hour from 14:00 to 21:00, Monday to Saturday, for four weeks
 * (42 one-to-one lessons a tutor a week: 504 a week at the demo size, 5,040 at 10×), no
 * student in two lessons at once. Creates and drops its own database; prints a Markdown table
 * for bench/RESULTS.md.
 */
import { performance } from 'node:perf_hooks';
import { and, eq, isNotNull, sql } from 'drizzle-orm';
import type { DatabaseHandle } from '@/db/client';
import { benchEngine, openBenchDatabase } from './database';
import { lessons, lessonStudents, parents, parentStudents, schools, students, subjects, tutors, users } from '@/db/schema';
import { DEMO_SCHOOL_SLUG, seedDemo, seedFullSchool } from '@/db/seed/demo';
import { toLessonEvent } from '@/components/calendar/feed';
import { hashPassword } from '@/lib/auth/password';
import type { Viewer } from '@/lib/auth/viewer';
import { installDatabase } from '@/lib/db/connection';
import { listLessons } from '@/lib/lessons/queries';
import { listVisibleStudents } from '@/lib/students/queries';
import { addCalendarDays, zonedToInstant } from '@/lib/time';
import { measure } from './measure';

const engine = benchEngine;
const RUNS = 50;
const ZONE = 'Europe/Warsaw';
/** The measured week starts on this Monday; lessons fill it, the week before and the two after. */
const MONDAY = '2027-03-01';


/** Fills four weeks around MONDAY: each tutor every hour 14–21, Monday to Saturday. */
async function planBusyWeeks(handle: DatabaseHandle, schoolId: string, tutorCount: number) {
  const db = handle.db;
  const existing = await db.select({ id: tutors.id }).from(tutors).where(eq(tutors.schoolId, schoolId));
  for (let i = existing.length; i < tutorCount; i++) {
    const [row] = await db
      .insert(tutors)
      .values({ schoolId, firstName: 'Bench', lastName: `Tutor ${i}`, email: `bench-tutor-${i}@bench.tutorhub.test`, color: `#${((i * 2654435761) >>> 8).toString(16).padStart(6, '0').slice(0, 6)}` })
      .returning({ id: tutors.id });
    existing.push(row);
  }
  const teachers = existing.slice(0, tutorCount);
  const learners = await db.select({ id: students.id }).from(students).where(eq(students.schoolId, schoolId)).orderBy(students.id);
  const [subject] = await db.select({ id: subjects.id }).from(subjects).where(eq(subjects.schoolId, schoolId)).limit(1);
  let slot = 0;
  for (let week = -1; week <= 2; week++) {
    for (let day = 0; day < 6; day++) {
      const date = addCalendarDays(MONDAY, week * 7 + day);
      for (let hour = 14; hour < 21; hour++, slot++) {
        const start = zonedToInstant(date, `${hour}:00`, ZONE);
        const end = zonedToInstant(date, `${hour + 1}:00`, ZONE);
        const rows = await db
          .insert(lessons)
          .values(teachers.map((t) => ({ schoolId, tutorId: t.id, subjectId: subject.id, meetingUrl: 'https://meet.example.test/bench', during: { start, end } })))
          .returning({ id: lessons.id });
        // Slot s, tutor j gets student (s·tutors + j) mod students: never one student twice in a slot.
        await db.insert(lessonStudents).values(rows.map((r, j) => ({ schoolId, lessonId: r.id, studentId: learners[(slot * teachers.length + j) % learners.length].id })));
      }
    }
  }
}

async function viewersOf(handle: DatabaseHandle, slug: string) {
  const db = handle.db;
  const [school] = await db.select().from(schools).where(eq(schools.slug, slug));
  const people = await db.select().from(users).where(eq(users.schoolId, school.id));
  const as = (u: (typeof people)[number]): Viewer => ({ userId: u.id, role: u.role, schoolId: u.schoolId, schoolName: school.name, name: u.name, email: u.email, locale: 'pl', timeZone: school.timeZone });
  const [tutor] = await db
    .select({ id: tutors.id, userId: tutors.userId })
    .from(tutors)
    .where(and(eq(tutors.schoolId, school.id), isNotNull(tutors.userId)))
    .limit(1);
  const [parent] = await db
    .select({ userId: parents.userId })
    .from(parents)
    .innerJoin(parentStudents, eq(parentStudents.parentId, parents.id))
    .where(and(eq(parents.schoolId, school.id), isNotNull(parents.userId)))
    .limit(1);
  return {
    school,
    admin: as(people.find((u) => u.role === 'admin')!),
    tutor: as(people.find((u) => u.id === tutor.userId)!),
    tutorId: tutor.id,
    parent: as(people.find((u) => u.id === parent.userId)!),
  };
}

/** What the route does after the session check: the scoped query, then the event JSON. */
async function feed(viewer: Viewer, range: { from: Date; to: Date; tutorId?: string }) {
  const family = viewer.role === 'student' || viewer.role === 'parent';
  const [rows, visible] = await Promise.all([listLessons(viewer, range), family ? listVisibleStudents(viewer, { limit: 100 }) : undefined]);
  const visibleStudentIds = visible ? new Set(visible.map((s) => s.id)) : undefined;
  return JSON.stringify(rows.map((l) => toLessonEvent(l, { canChange: viewer.role === 'admin' || viewer.role === 'tutor', visibleStudentIds, onlineLabel: 'online' })));
}

async function main() {
  const handle = await openBenchDatabase();
  installDatabase(handle);
  try {
    const started = performance.now();
    await seedDemo(handle.db);
    await seedFullSchool(handle.db, await hashPassword('bench'), { slug: 'bench-2200', name: 'Bench 2200', domain: 'bench.tutorhub.test', studentCount: 2200, seed: 7 });
    const demo = await viewersOf(handle, DEMO_SCHOOL_SLUG);
    const big = await viewersOf(handle, 'bench-2200');
    await planBusyWeeks(handle, demo.school.id, 12);
    await planBusyWeeks(handle, big.school.id, 120);
    // As autovacuum would after a day of planning: fresh statistics, not the empty tables' ones
    // (without them the planner scans every student once per lesson).
    await handle.db.execute(sql`analyze`);
    console.error(`seeded in ${((performance.now() - started) / 1000).toFixed(1)} s`);

    const week = { from: zonedToInstant(MONDAY, '00:00', ZONE), to: zonedToInstant(addCalendarDays(MONDAY, 7), '00:00', ZONE) };
    // The month view asks for six weeks (its spill-over days included).
    const month = { from: zonedToInstant(addCalendarDays(MONDAY, -7), '00:00', ZONE), to: zonedToInstant(addCalendarDays(MONDAY, 35), '00:00', ZONE) };
    const sizes = [
      { label: 'demo: 12 tutors, 504 lessons/week', v: demo },
      { label: '10×: 120 tutors, 5,040 lessons/week', v: big },
    ];
    const cases: { name: string; run: (v: typeof demo) => Promise<string> }[] = [
      { name: 'admin, week view (every lesson)', run: (v) => feed(v.admin, week) },
      { name: 'admin, week view: the query alone (no JSON)', run: async (v) => JSON.stringify(new Array((await listLessons(v.admin, week)).length).fill(0)) },
      { name: 'admin, week view, one tutor', run: (v) => feed(v.admin, { ...week, tutorId: v.tutorId }) },
      { name: 'admin, month view (6 weeks, 4 of them busy)', run: (v) => feed(v.admin, month) },
      { name: 'tutor, own week', run: (v) => feed(v.tutor, week) },
      { name: 'parent, children’s week', run: (v) => feed(v.parent, week) },
    ];
    console.log(`\n### ${engine === 'pglite' ? 'PGlite (in memory)' : 'PostgreSQL 15 (local server)'}: ${RUNS} runs each, milliseconds p50 / p95 (events, JSON size)\n`);
    console.log(`| feed | ${sizes.map((s) => s.label).join(' | ')} |`);
    console.log(`| --- | ${sizes.map(() => '---').join(' | ')} |`);
    for (const c of cases) {
      const cells = [];
      for (const size of sizes) {
        const body = await c.run(size.v);
        const r = await measure(() => c.run(size.v), RUNS);
        cells.push(`${r.p50.toFixed(1)} / ${r.p95.toFixed(1)} (${(JSON.parse(body) as unknown[]).length} events, ${Math.round(body.length / 1024)} kB)`);
      }
      console.log(`| ${c.name} | ${cells.join(' | ')} |`);
    }
  } finally {
    await handle.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
