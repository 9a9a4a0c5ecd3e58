/**
 * List-and-search latency of the school records at the demo size (220 students) and at ten
 * times that (2,200), through the same query functions the pages call.
 *
 *   npm run bench:records                       # PostgreSQL at BENCH_DATABASE_URL (default: local server)
 *   npm run bench:records -- --engine pglite    # embedded PGlite, in memory
 *
 * Creates and drops its own database; prints a Markdown table for bench/RESULTS.md.
 */
import { performance } from 'node:perf_hooks';
import { eq } from 'drizzle-orm';
import type { DatabaseHandle } from '@/db/client';
import { benchEngine, openBenchDatabase } from './database';
import { schools, users } from '@/db/schema';
import { DEMO_SCHOOL_SLUG, seedDemo, seedFullSchool } from '@/db/seed/demo';
import { listUsers } from '@/lib/accounts/queries';
import { hashPassword } from '@/lib/auth/password';
import type { Viewer } from '@/lib/auth/viewer';
import { installDatabase } from '@/lib/db/connection';
import { userListFilters } from '@/lib/accounts/schema';
import { listParents } from '@/lib/parents/queries';
import { parentListFilters } from '@/lib/parents/schema';
import { getStudentDetail, listStudents } from '@/lib/students/queries';
import { studentListFilters } from '@/lib/students/schema';
import { listTutors } from '@/lib/tutors/queries';
import { tutorListFilters } from '@/lib/tutors/schema';
import { measure } from './measure';

const engine = benchEngine;
const RUNS = 50;


async function adminOf(handle: DatabaseHandle, slug: string): Promise<Viewer> {
  const [row] = await handle.db
    .select({ user: users, timeZone: schools.timeZone })
    .from(users)
    .innerJoin(schools, eq(schools.id, users.schoolId))
    .where(eq(schools.slug, slug));
  const admin = (await handle.db.select().from(users).where(eq(users.schoolId, row.user.schoolId))).find((u) => u.role === 'admin')!;
  return { userId: admin.id, role: 'admin', schoolId: admin.schoolId, schoolName: slug, name: admin.name, email: admin.email, locale: 'pl', timeZone: row.timeZone };
}

async function main() {
  const handle = await openBenchDatabase();
  installDatabase(handle);
  try {
    const started = performance.now();
    await seedDemo(handle.db);
    await seedFullSchool(handle.db, await hashPassword('bench'), { slug: 'bench-2200', name: 'Bench 2200', domain: 'bench.tutorhub.test', studentCount: 2200, seed: 7 });
    console.error(`seeded in ${((performance.now() - started) / 1000).toFixed(1)} s`);

    const sizes = [
      { label: '220 students (demo)', viewer: await adminOf(handle, DEMO_SCHOOL_SLUG) },
      { label: '2,200 students (10×)', viewer: await adminOf(handle, 'bench-2200') },
    ];
    const cases: { name: string; run: (v: Viewer) => Promise<unknown> }[] = [
      { name: 'students: first page, default sort', run: (v) => listStudents(v, studentListFilters.parse({})) },
      { name: 'students: search "lukasz zolnierz"', run: (v) => listStudents(v, studentListFilters.parse({ q: 'lukasz zolnierz' })) },
      { name: 'students: search "kowal" (many hits)', run: (v) => listStudents(v, studentListFilters.parse({ q: 'kowal' })) },
      { name: 'students: level + status filter, page 3 by level', run: (v) => listStudents(v, studentListFilters.parse({ level: 'primary', status: 'active', sort: 'level', page: '3' })) },
      { name: 'students: CSV export (all rows)', run: (v) => listStudents(v, studentListFilters.parse({}), { all: true }) },
      {
        name: 'student detail',
        run: async (v) => {
          const { rows } = await listStudents(v, studentListFilters.parse({ q: 'lukasz zolnierz' }));
          return getStudentDetail(v, rows[0].id);
        },
      },
      { name: 'parents: first page', run: (v) => listParents(v, parentListFilters.parse({})) },
      { name: 'parents: search "grazyna"', run: (v) => listParents(v, parentListFilters.parse({ q: 'grazyna' })) },
      { name: 'tutors: first page', run: (v) => listTutors(v, tutorListFilters.parse({})) },
      { name: 'accounts: search "nowak"', run: (v) => listUsers(v, userListFilters.parse({ q: 'nowak' })) },
    ];
    console.log(`\n### ${engine === 'pglite' ? 'PGlite (in memory)' : 'PostgreSQL 15 (local server)'} — ${RUNS} runs each, milliseconds\n`);
    console.log(`| query | ${sizes.map((s) => `${s.label} p50 / p95`).join(' | ')} |`);
    console.log(`| --- | ${sizes.map(() => '---').join(' | ')} |`);
    for (const c of cases) {
      const cells = [];
      for (const size of sizes) {
        const r = await measure(() => c.run(size.viewer), RUNS);
        cells.push(`${r.p50.toFixed(1)} / ${r.p95.toFixed(1)}`);
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
