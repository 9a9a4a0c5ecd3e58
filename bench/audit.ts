/**
 * The audit viewer on a trail of 1,000,000 entries across three schools (60 / 30 / 10 %),
 * through the same query functions the page calls, as the biggest school's admin: each typical
 * filter 5 warm-up runs then 50 measured; then EXPLAIN of the query shapes, to show which index
 * serves which filter.
 *
 *   npm run bench:audit          # PostgreSQL at BENCH_DATABASE_URL (default: local server)
 *
 * Uses its own database, `tutorhub_bench_audit` (dropped and created again at start, dropped at
 * the end; `--keep` leaves it for a look). The entries are made in SQL with generate_series (plus a fourth, tiny school and a
 * few rare people and actions, so every index has a case):
 * lesson moves and edits, attendance, student edits, sign-ins, messages and jobs' invoice
 * changes, two years of them, against real lessons, students and staff of each school.
 */
import { performance } from 'node:perf_hooks';
import { eq } from 'drizzle-orm';
import postgres from 'postgres';
import { connect } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { schools, users } from '@/db/schema';
import { createSchool, createStudent, createSubject, createTutor, createUser } from '@/db/seed/factories';
import type { Viewer } from '@/lib/auth/viewer';
import { listAuditEntries, listRecentAudit, listRecordHistory } from '@/lib/audit-viewer/queries';
import { auditFilters } from '@/lib/audit-viewer/schema';
import { installDatabase } from '@/lib/db/connection';
import { measure } from './measure';

const RUNS = 50;
const ENTRIES = 1_000_000;
const NAME = 'tutorhub_bench_audit';
const server = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function main() {
  const admin = postgres(server, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists "${NAME}" with (force)`);
  await admin.unsafe(`create database "${NAME}"`);
  await admin.end();
  const url = new URL(server);
  url.pathname = `/${NAME}`;
  const handle = connect({ kind: 'postgres', url: url.toString(), max: 4, statementTimeoutMs: 600_000 });
  await migrateDatabase(handle, url.toString());
  installDatabase(handle);
  const raw = postgres(url.toString(), { max: 1, onnotice: () => {} });
  try {
    const db = handle.db;
    const started = performance.now();
    // Three schools, each with staff who act, students, and lessons the entries are about.
    const sizes = [{ students: 300 }, { students: 150 }, { students: 50 }, { students: 20 }];
    const made: { schoolId: string; adminId: string }[] = [];
    for (const [idx, size] of sizes.entries()) {
      const school = await createSchool(db, { name: `Bench ${idx}` });
      const a = await createUser(db, { schoolId: school.id, role: 'admin', name: `Admin ${idx}` });
      const subject = await createSubject(db, { schoolId: school.id, name: 'Matematyka' });
      const tutorIds: string[] = [];
      for (let i = 0; i < 12; i++) tutorIds.push((await createTutor(db, { schoolId: school.id, firstName: 'Tutor', lastName: `${idx}-${i}`, withLogin: true })).id);
      for (let i = 0; i < size.students; i++) await createStudent(db, { schoolId: school.id, firstName: 'Uczeń', lastName: `${idx}-${i}` });
      // 3,000 lessons: tutor i mod 12, every two hours, so no tutor has two at once.
      await raw`
        insert into lessons (school_id, tutor_id, subject_id, during, kind, capacity, meeting_url)
        select ${school.id}, (${tutorIds}::uuid[])[1 + i % 12], ${subject.id},
               tstzrange(timestamptz '2025-01-01 08:00Z' + (i / 12) * interval '2 hours', timestamptz '2025-01-01 09:00Z' + (i / 12) * interval '2 hours', '[)'),
               'individual', 1, 'https://meet.example.test/bench'
          from generate_series(0, 2999) i`;
      made.push({ schoolId: school.id, adminId: a.id });
    }
    await raw`
      create temporary table bench_school as
      select row_number() over (order by s.name) - 1 as idx, s.id as school_id,
             (select array_agg(id order by id) from lessons where school_id = s.id) as lessons,
             (select array_agg(id order by id) from students where school_id = s.id) as students,
             (select array_agg(id order by id) from tutors where school_id = s.id) as tutors,
             (select array_agg(id order by role, id) from users where school_id = s.id) as actors,
             (select array_agg(role::text order by role, id) from users where school_id = s.id) as roles
        from schools s where s.name like 'Bench %'`;
    // One statement: 1,000,000 entries, one a minute for two years, schools interleaved (60 / 30 / 9.8 / 0.2 %).
    await raw`
      insert into audit_log (school_id, actor_user_id, actor_role, actor_system, action, entity_type, entity_id, before, after, created_at)
      select s.school_id,
             case when k < 95 then s.actors[1 + p % cardinality(s.actors)] end,
             case when k < 95 then s.roles[1 + p % cardinality(s.actors)]::user_role end,
             case when k >= 95 then (array['monthly-billing', 'overdue-check', 'makeup-expiry'])[1 + p % 3] end,
             case when k < 40 then (array['lesson.move', 'lesson.update', 'lesson.cancel', 'lesson.create', 'lesson.complete'])[1 + p % 5]
                  when k < 60 then 'attendance.mark' when k < 75 then 'student.update' when k < 85 then 'auth.sign_in'
                  when k < 95 then 'message.post' else 'invoice.allocation' end,
             case when k < 60 then 'lesson' when k < 75 then 'student' when k < 85 then 'user' when k < 95 then 'message' else 'invoice' end,
             case when k < 60 then s.lessons[1 + p % cardinality(s.lessons)]::text
                  when k < 75 then s.students[1 + p % cardinality(s.students)]::text
                  when k < 85 then s.actors[1 + p % cardinality(s.actors)]::text
                  else md5(g::text)::uuid::text end,
             case when k < 40 then jsonb_build_object('start', '2026-03-02T15:00:00.000Z', 'end', '2026-03-02T16:00:00.000Z', 'tutorId', s.tutors[1 + p % 12])
                  when k >= 95 then jsonb_build_object('paid', 0, 'status', 'issued') end,
             case when k < 40 then jsonb_build_object('start', '2026-03-03T15:00:00.000Z', 'end', '2026-03-03T16:00:00.000Z', 'tutorId', s.tutors[1 + (p + 1) % 12])
                  when k < 60 then jsonb_build_object('studentId', s.students[1 + p % cardinality(s.students)], 'status', 'present')
                  when k < 75 then jsonb_build_object('phone', jsonb_build_object('old', '600100200', 'new', '600100300'))
                  when k < 85 then jsonb_build_object('method', 'password')
                  when k < 95 then jsonb_build_object('threadId', md5(g::text)::uuid, 'length', 120)
                  else jsonb_build_object('paid', 14950, 'status', 'paid') end,
             now() - (${ENTRIES} - g) * interval '1 minute'
        from generate_series(1, ${ENTRIES}) g
        cross join lateral (select (hashint4(g) & 2147483647) % 100 as k, hashint4(g + 7) & 2147483647 as p, (hashint4(g + 13) & 2147483647) % 1000 as w) r
        join bench_school s on s.idx = case when w < 600 then 0 when w < 900 then 1 when w < 998 then 2 else 3 end
       order by g`;
    // Rare kinds the planner should find through their own index: a parent who acted 30 times,
    // and an action written 30 times, spread over the two years in the biggest school.
    await raw`
      insert into audit_log (school_id, actor_user_id, actor_role, action, entity_type, entity_id, after, created_at)
      select s.school_id, case when i % 2 = 0 then s.actors[cardinality(s.actors)] end, case when i % 2 = 0 then 'parent'::user_role end,
             case when i % 2 = 0 then 'family.update_link' else 'school.settings' end, 'school', s.school_id::text, '{"access": "full"}', now() - i * interval '11 days'
        from bench_school s, generate_series(1, 60) i where s.idx = 0`;
    await raw`analyze`;
    console.error(`filled in ${((performance.now() - started) / 1000).toFixed(1)} s`);

    const big = made[0];
    const tiny = made[3];
    const [tinyAdmin] = await db.select().from(users).where(eq(users.id, tiny.adminId));
    const tinyViewer: Viewer = { userId: tinyAdmin.id, role: 'admin', schoolId: tiny.schoolId, schoolName: 'tiny', name: tinyAdmin.name, email: tinyAdmin.email, locale: 'pl', timeZone: 'Europe/Warsaw' };
    const [adminRow] = await db.select({ user: users, timeZone: schools.timeZone }).from(users).innerJoin(schools, eq(schools.id, users.schoolId)).where(eq(users.id, big.adminId));
    const viewer: Viewer = { userId: adminRow.user.id, role: 'admin', schoolId: big.schoolId, schoolName: 'big', name: adminRow.user.name, email: adminRow.user.email, locale: 'pl', timeZone: adminRow.timeZone };
    const [{ count: schoolRows }] = await raw`select count(*)::int as count from audit_log where school_id = ${big.schoolId}`;
    const [rare] = await raw`select actor_user_id as id from audit_log where school_id = ${big.schoolId} and action = 'family.update_link' limit 1`;
    const [tutor] = await raw`select u.id from users u where u.school_id = ${big.schoolId} and u.role = 'tutor' order by u.id limit 1`;
    const [lesson] = await raw`select entity_id from audit_log where school_id = ${big.schoolId} and entity_type = 'lesson' order by id desc limit 1`;
    const [deep] = await raw`select id from audit_log where school_id = ${big.schoolId} order by id desc offset 1000 limit 1`;
    const [{ month }] = await raw`select to_char((now() at time zone 'Europe/Warsaw') - interval '12 months', 'YYYY-MM') as month`;
    const f = (q: Record<string, string>) => auditFilters.parse(q);
    const cases: { name: string; run: () => Promise<unknown> }[] = [
      { name: 'no filter, first page', run: () => listAuditEntries(viewer, f({})) },
      { name: 'by person (a tutor)', run: () => listAuditEntries(viewer, f({ actor: tutor.id })) },
      { name: 'by a person with 30 entries', run: () => listAuditEntries(viewer, f({ actor: rare.id })) },
      { name: 'by job (monthly-billing)', run: () => listAuditEntries(viewer, f({ actor: 'job:monthly-billing' })) },
      { name: 'by record (a lesson)', run: () => listAuditEntries(viewer, f({ entityType: 'lesson', entityId: lesson.entity_id })) },
      { name: 'by action (lesson.move)', run: () => listAuditEntries(viewer, f({ action: 'lesson.move' })) },
      { name: 'by a rare action (school.settings, 30 entries)', run: () => listAuditEntries(viewer, f({ action: 'school.settings' })) },
      { name: 'by group (lesson.*)', run: () => listAuditEntries(viewer, f({ action: 'lesson.*' })) },
      { name: `by dates (a month a year ago, ${month})`, run: () => listAuditEntries(viewer, f({ from: `${month}-01`, to: `${month}-28` })) },
      { name: 'by person + dates', run: () => listAuditEntries(viewer, f({ actor: tutor.id, from: `${month}-01`, to: `${month}-28` })) },
      { name: 'deep page (older than entry 1,000)', run: () => listAuditEntries(viewer, f({ before: String(deep.id) })) },
      { name: 'small school (0.2 % of entries), first page', run: () => listAuditEntries(tinyViewer, f({})) },
      { name: 'record history (20, lesson)', run: () => listRecordHistory(viewer, 'lesson', lesson.entity_id) },
      { name: 'dashboard recent (8)', run: () => listRecentAudit(viewer, 8) },
    ];
    console.log(`\n### PostgreSQL 15 (local server) — ${ENTRIES.toLocaleString('en')} entries, ${Number(schoolRows).toLocaleString('en')} in the measured school; ${RUNS} runs each, milliseconds\n`);
    console.log('| filter (page of 50, names resolved) | p50 | p95 |');
    console.log('| --- | --- | --- |');
    for (const c of cases) {
      const r = await measure(c.run, RUNS);
      console.log(`| ${c.name} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} |`);
    }

    // The plans of the page's main query for each filter, as the query functions send it.
    const base = raw`a.school_id = ${big.schoolId}`;
    const shapes: { name: string; where: unknown }[] = [
      { name: 'no filter', where: base },
      { name: 'person', where: raw`${base} and a.actor_user_id = ${tutor.id}` },
      { name: 'person with 30 entries', where: raw`${base} and a.actor_user_id = ${rare.id}` },
      { name: 'job', where: raw`${base} and a.actor_system = 'monthly-billing'` },
      { name: 'record', where: raw`${base} and a.entity_type = 'lesson' and a.entity_id = ${lesson.entity_id}` },
      { name: 'action', where: raw`${base} and a.action = 'lesson.move'` },
      { name: 'rare action', where: raw`${base} and a.action = 'school.settings'` },
      { name: 'small school', where: raw`a.school_id = ${tiny.schoolId}` },
      { name: 'group', where: raw`${base} and a.action in ('lesson.create', 'lesson.update', 'lesson.move', 'lesson.cancel', 'lesson.complete', 'lesson.removeStudent')` },
      {
        name: 'dates (with the id bounds the query adds)',
        where: raw`${base} and a.created_at >= ${`${month}-01`}::date and a.created_at < ${`${month}-29`}::date
          and a.id >= coalesce((select b.id from audit_log b where b.school_id = ${big.schoolId} and b.created_at >= ${`${month}-01`}::date - interval '1 hour' order by b.created_at limit 1), ${Number.MAX_SAFE_INTEGER})
          and a.id <= coalesce((select b.id from audit_log b where b.school_id = ${big.schoolId} and b.created_at < ${`${month}-29`}::date + interval '1 hour' order by b.created_at desc limit 1), 0)`,
      },
      { name: 'deep page', where: raw`${base} and a.id < ${deep.id}` },
    ];
    console.log('\n| filter | plan (EXPLAIN ANALYZE, first lines) |');
    console.log('| --- | --- |');
    for (const s of shapes) {
      const plan = await raw`explain (analyze, costs off, timing off, summary on) select a.id from audit_log a where ${s.where as never} order by a.id desc limit 51`;
      const lines = plan.map((r) => String(r['QUERY PLAN']).trim()).filter((l) => /Index|Scan|Sort|Execution/.test(l));
      console.log(`| ${s.name} | ${lines.join(' → ').replace(/\|/g, '\\|')} |`);
    }
    const usage = await raw`select indexrelname as name, idx_scan as scans from pg_stat_user_indexes where relname = 'audit_log' order by indexrelname`;
    console.log(`\nIndex scans during the run: ${usage.map((u) => `${u.name} ${u.scans}`).join(', ')}`);
  } finally {
    await raw.end();
    await handle.close();
    if (!process.argv.includes('--keep')) {
      const dropper = postgres(server, { max: 1, onnotice: () => {} });
      await dropper.unsafe(`drop database if exists "${NAME}" with (force)`);
      await dropper.end();
    }
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
