/**
 * How long a month's billing takes (`issueMonth`: plan, then one audited transaction per payer),
 * at the demo size and at ten times it, and how long its preview (`planMonth`) takes.
 *
 *   npx tsx --conditions=react-server bench/billing.ts                    # PostgreSQL at BENCH_DATABASE_URL (default: local server)
 *   npx tsx --conditions=react-server bench/billing.ts --engine pglite    # embedded PGlite, in memory
 *
 * Demo: the seeded autumn term (≈ 4,500 lessons) as of 1 November, before any invoice; its
 * November is billed. 10×: 2,200 students and 120 tutors, every student one or two 60-minute
 * lessons a week through November (≈ 14,000 lesson places). Creates and drops its own database;
 * prints a Markdown table for bench/RESULTS.md.
 */
import { performance } from 'node:perf_hooks';
import { eq, sql } from 'drizzle-orm';
import { lessons, lessonStudents, schools, students, subjectPrices, subjects, tutors } from '@/db/schema';
import { DEMO_SCHOOL_SLUG, seedDemo, seedFullSchool } from '@/db/seed/demo';
import { hashPassword } from '@/lib/auth/password';
import { planMonth } from '@/lib/billing/plan';
import { issueMonth } from '@/lib/billing/run';
import { installDatabase } from '@/lib/db/connection';
import { addCalendarDays, zonedToInstant } from '@/lib/time';
import { benchEngine, openBenchDatabase } from './database';

const ZONE = 'Europe/Warsaw';
const AT = new Date('2026-11-25T07:00:00Z');

async function fillNovember(db: Parameters<typeof seedDemo>[0], schoolId: string, tutorCount: number) {
  const existing = await db.select({ id: tutors.id }).from(tutors).where(eq(tutors.schoolId, schoolId));
  for (let i = existing.length; i < tutorCount; i++) {
    const [row] = await db.insert(tutors).values({ schoolId, firstName: 'Bench', lastName: `Tutor ${i}`, email: `bench-tutor-${i}@bench.tutorhub.test` }).returning({ id: tutors.id });
    existing.push(row);
  }
  const learners = await db.select({ id: students.id }).from(students).where(eq(students.schoolId, schoolId)).orderBy(students.id);
  const subjectRows = await db.select({ id: subjects.id }).from(subjects).where(eq(subjects.schoolId, schoolId));
  // Student i: tutor i mod 120, hour 14 + (i div 120) mod 7, on weekday (i div 840) — and odd students
  // also three days later: (tutor, hour, day) never repeats, and nobody has two lessons at once.
  for (let week = 0; week < 4; week++) {
    const rows: (typeof lessons.$inferInsert & { student: string })[] = [];
    learners.forEach((s, i) => {
      const day = Math.floor(i / (tutorCount * 7)) % 3;
      for (const d of i % 2 ? [day, day + 3] : [day]) {
        const date = addCalendarDays('2026-11-02', week * 7 + d);
        const hour = 14 + (Math.floor(i / tutorCount) % 7);
        const start = zonedToInstant(date, `${hour}:00`, ZONE);
        rows.push({ schoolId, tutorId: existing[i % tutorCount].id, subjectId: subjectRows[i % subjectRows.length].id, meetingUrl: 'https://meet.example.test/b', during: { start, end: new Date(start.getTime() + 3_600_000) }, status: 'completed', student: s.id });
      }
    });
    for (let i = 0; i < rows.length; i += 500) {
      const chunk = rows.slice(i, i + 500);
      const ids = await db.insert(lessons).values(chunk.map(({ student: _s, ...l }) => l)).returning({ id: lessons.id });
      await db.insert(lessonStudents).values(ids.map((l, j) => ({ schoolId, lessonId: l.id, studentId: chunk[j].student })));
    }
  }
  const priced = await db.select({ id: subjectPrices.subjectId }).from(subjectPrices).where(eq(subjectPrices.schoolId, schoolId));
  if (priced.length === 0) await db.insert(subjectPrices).values(subjectRows.map((s) => ({ schoolId, subjectId: s.id, individualPer60: 10_000 })));
}

async function main() {
  const handle = await openBenchDatabase(benchEngine);
  installDatabase(handle);
  try {
    const db = handle.db;
    await seedDemo(db, { now: new Date('2026-11-01T12:00:00Z') });
    await seedFullSchool(db, await hashPassword('bench'), { slug: 'bench-2200', name: 'Bench 2200', domain: 'bench.tutorhub.test', studentCount: 2200, seed: 7 });
    const [demo] = await db.select().from(schools).where(eq(schools.slug, DEMO_SCHOOL_SLUG));
    const [big] = await db.select().from(schools).where(eq(schools.slug, 'bench-2200'));
    await fillNovember(db, big.id, 120);
    // The demo seed prices its subjects when it issues its first invoices; as of 1 November it has none yet.
    const demoSubjects = await db.select({ id: subjects.id }).from(subjects).where(eq(subjects.schoolId, demo.id));
    await db.insert(subjectPrices).values(demoSubjects.map((s) => ({ schoolId: demo.id, subjectId: s.id, individualPer60: 11_000, groupPer60: 7_000 }))).onConflictDoNothing();
    await db.execute(sql`analyze`);

    console.log(`\n### ${benchEngine === 'pglite' ? 'PGlite (in memory)' : 'PostgreSQL 15 (local server)'}: billing November 2026\n`);
    console.log('| school | payers | lesson places | preview (planMonth) | billing run (issueMonth) | per invoice | second run (nothing to issue) |');
    console.log('| --- | --- | --- | --- | --- | --- | --- |');
    for (const [label, school] of [
      ['demo (220 students)', demo],
      ['10× (2,200 students, 120 tutors)', big],
    ] as const) {
      const [{ places }] = await db
        .select({ places: sql<number>`count(*)::int` })
        .from(lessonStudents)
        .innerJoin(lessons, eq(lessons.id, lessonStudents.lessonId))
        .where(sql`${lessons.schoolId} = ${school.id} and lower(${lessons.during}) >= '2026-11-01' and lower(${lessons.during}) < '2026-12-01'`);
      let t = performance.now();
      const plan = await planMonth(db, school.id, '2026-11');
      const preview = performance.now() - t;
      t = performance.now();
      const result = await issueMonth(db, { system: 'monthly-billing', schoolId: school.id }, school.id, '2026-11', AT);
      const run = performance.now() - t;
      t = performance.now();
      await issueMonth(db, { system: 'monthly-billing', schoolId: school.id }, school.id, '2026-11', AT);
      const again = performance.now() - t;
      console.log(`| ${label} | ${plan.payers.length} | ${places} | ${preview.toFixed(0)} ms | ${(run / 1000).toFixed(1)} s (${result.issued.length} invoices) | ${(run / Math.max(1, result.issued.length)).toFixed(1)} ms | ${(again / 1000).toFixed(1)} s |`);
    }
  } finally {
    await handle.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
