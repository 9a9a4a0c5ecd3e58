/**
 * The query plans behind every list and feed at ten times the demo school: calls the same query
 * functions the pages, the calendar feed and the palette call, as the admin, a busy tutor, a
 * parent of two and a student of "Na Piątkę", records every statement they send with its
 * parameters, and runs each again under EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON).
 *
 *   npm run bench:load:seed -- 10x                      # once: the 10× database
 *   createdb -T tutorhub_load_10x tutorhub_explain      # a copy to try indexes on
 *   npm run bench:explain [-- --database URL] [--json plans.json] [--compare earlier-plans.json]
 *
 * Prints a Markdown table, slowest statement first: where it comes from, execution time (median
 * of five runs after a warm one), rows, buffers, every sequential scan of a table holding more
 * than BIG_TABLE rows and every sort or hash that spilled to disk. Only reads are explained
 * (EXPLAIN ANALYZE runs the statement); the functions called here only read.
 */
import type postgres from 'postgres';
import { and, count, desc, eq, sql } from 'drizzle-orm';
import { connect, type DatabaseHandle } from '@/db/client';
import { lessons, lessonStudents, parents, parentStudents, schools, students, tutors, users } from '@/db/schema';
import { DEMO_SCHOOL_SLUG } from '@/db/seed/demo';
import { listUsers } from '@/lib/accounts/queries';
import { userListFilters } from '@/lib/accounts/schema';
import { attendanceRate, attendanceRates, listTodayForTutor, listWeekAheadForTutor, progressForStudent } from '@/lib/attendance/queries';
import { listAuditEntries, listAuditPeople } from '@/lib/audit-viewer/queries';
import { auditFilters } from '@/lib/audit-viewer/schema';
import type { Viewer } from '@/lib/auth/viewer';
import { getTutorEarnings } from '@/lib/billing/earnings';
import { invoiceListFilters } from '@/lib/billing/invoice-schema';
import { getFamilyAccount } from '@/lib/billing/parent-queries';
import { listInvoicePeriods, listInvoices } from '@/lib/billing/queries';
import {
  listDecidedRequests,
  listMakeupsToSchedule,
  listOpenCredits,
  listPendingRequests,
  listUpcomingLessons,
} from '@/lib/cancellations/queries';
import { listActiveSubjects } from '@/lib/catalog/queries';
import { getDashboardFigures } from '@/lib/dashboard/figures';
import { getSchoolOverview } from '@/lib/dashboard/queries';
import { installDatabase } from '@/lib/db/connection';
import { listOutbox, outboxListFilters } from '@/lib/email/queries';
import { listLessons } from '@/lib/lessons/queries';
import { composeOptions, listThreads } from '@/lib/messaging/queries';
import { searchEverything } from '@/lib/palette/queries';
import { listParents } from '@/lib/parents/queries';
import { parentListFilters } from '@/lib/parents/schema';
import { chooseChild } from '@/lib/portal/queries';
import { seriesListFilters } from '@/lib/series/list-filters';
import { listSeries } from '@/lib/series/queries';
import { listOwnSubjects, listPayerContacts, listStudents, listVisibleStudents } from '@/lib/students/queries';
import { studentListFilters } from '@/lib/students/schema';
import { listActiveTutors, listTutors, listTutorSubjectChoices } from '@/lib/tutors/queries';
import { tutorListFilters } from '@/lib/tutors/schema';
import { addCalendarDays, startOfWeekIn, todayIn, zonedToInstant } from '@/lib/time';
import { CREDITS_PAGE_SIZE, DECIDED_PAGE_SIZE } from '@/components/cancellations/staff-list-params';

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2) args.set(process.argv[i].replace(/^--/, ''), process.argv[i + 1]);
const DATABASE = args.get('database') ?? 'postgres://postgres@127.0.0.1:5432/tutorhub_explain';
const JSON_OUT = args.get('json');
/** A previous run's --json: its times go in a "ms before" column, matched by page, function and SQL. */
const COMPARE = args.get('compare');
/** A sequential scan of a table this large is worth a look at ten times the demo; below it, reading the table is cheap. */
const BIG_TABLE = Number(args.get('big') ?? 1000);
const RUNS = 5;

// What the family pages show at first (components/attendance/progress-history.tsx PROGRESS_FIRST,
// components/cancellations/family-cancellations.tsx UPCOMING_SHOWN and DECIDED_SHOWN): the bench
// cannot import those client components.
const PROGRESS_FIRST = 5;
const UPCOMING_SHOWN = 5;
const DECIDED_SHOWN = 5;

type People = { admin: Viewer; tutor: Viewer & { tutorId: string }; parent: Viewer; student: Viewer & { studentId: string } };
type Case = { page: string; run: (p: People, call: Call) => Promise<unknown> };
type Captured = { page: string; caller: string; query: string; params: unknown[] };

/** The admin, the tutor with the most lessons, a parent of exactly two children and the student with the most lessons. */
async function people(handle: DatabaseHandle, slug: string): Promise<People> {
  const db = handle.db;
  const [school] = await db.select().from(schools).where(eq(schools.slug, slug));
  if (!school) throw new Error(`No school "${slug}" in this database: seed it with npm run bench:load:seed -- 10x`);
  const viewer = (u: typeof users.$inferSelect): Viewer => ({
    userId: u.id,
    role: u.role,
    schoolId: u.schoolId,
    schoolName: school.name,
    name: u.name,
    email: u.email,
    locale: u.locale,
    timeZone: school.timeZone,
  });
  const userById = async (id: string) => (await db.select().from(users).where(eq(users.id, id)))[0]!;
  const [admin] = await db
    .select()
    .from(users)
    .where(and(eq(users.schoolId, school.id), eq(users.role, 'admin')))
    .orderBy(users.createdAt)
    .limit(1);
  const [tutor] = await db
    .select({ id: tutors.id, userId: tutors.userId, n: count() })
    .from(tutors)
    .innerJoin(lessons, eq(lessons.tutorId, tutors.id))
    .where(and(eq(tutors.schoolId, school.id), sql`${tutors.userId} is not null`))
    .groupBy(tutors.id)
    .orderBy(desc(count()))
    .limit(1);
  const [parent] = await db
    .select({ id: parents.id, userId: parents.userId })
    .from(parents)
    .innerJoin(parentStudents, eq(parentStudents.parentId, parents.id))
    .where(and(eq(parents.schoolId, school.id), sql`${parents.userId} is not null`))
    .groupBy(parents.id)
    .having(sql`count(*) = 2`)
    .orderBy(parents.id)
    .limit(1);
  const [student] = await db
    .select({ id: students.id, userId: students.userId })
    .from(students)
    .innerJoin(lessonStudents, eq(lessonStudents.studentId, students.id))
    .where(and(eq(students.schoolId, school.id), sql`${students.userId} is not null`))
    .groupBy(students.id)
    .orderBy(desc(count()), students.id)
    .limit(1);
  if (!admin || !tutor?.userId || !parent?.userId || !student?.userId) throw new Error('The school lacks an admin, a tutor, a parent of two or a student with an account');
  console.error(`tutor ${tutor.id} has ${tutor.n} lessons; parent ${parent.id}; student ${student.id}`);
  return {
    admin: viewer(admin),
    tutor: { ...viewer(await userById(tutor.userId)), tutorId: tutor.id },
    parent: viewer(await userById(parent.userId)),
    student: { ...viewer(await userById(student.userId)), studentId: student.id },
  };
}

/** This week, Monday to Monday in the school's zone, as the calendar's week view asks for it. */
function thisWeek(timeZone: string, now = new Date()) {
  const monday = startOfWeekIn(todayIn(timeZone, now));
  return { from: zonedToInstant(monday, '00:00', timeZone), to: zonedToInstant(addCalendarDays(monday, 7), '00:00', timeZone) };
}

/** Runs a page's query functions one after another (a page runs them at once), labelling each statement with the function's name. */
type Call = <T>(name: string, fn: () => Promise<T>) => Promise<T>;
type Steps = Record<string, () => Promise<unknown>>;
async function inTurn(call: Call, steps: Steps) {
  for (const [name, fn] of Object.entries(steps)) await call(name, fn);
}

/** Every list and feed, called with what its page passes (see each page's Promise.all). */
function cases(now: Date): Case[] {
  const month = (v: Viewer) => todayIn(v.timeZone, now).slice(0, 7);
  const page = (name: string, steps: (p: People) => Steps): Case => ({ page: name, run: (p, call) => inTurn(call, steps(p)) });
  return [
    page('admin: dashboard', ({ admin }) => ({
      getSchoolOverview: () => getSchoolOverview(admin),
      getDashboardFigures: () => getDashboardFigures(admin, now),
    })),
    page('admin: students', ({ admin }) => ({
      listStudents: () => listStudents(admin, studentListFilters.parse({})),
      listActiveSubjects: () => listActiveSubjects(admin),
      listActiveTutors: () => listActiveTutors(admin),
    })),
    page('admin: students ?q=kowal', ({ admin }) => ({ listStudents: () => listStudents(admin, studentListFilters.parse({ q: 'kowal' })) })),
    page('admin: students ?status=active&sort=level&page=3', ({ admin }) => ({
      listStudents: () => listStudents(admin, studentListFilters.parse({ status: 'active', sort: 'level', page: '3' })),
    })),
    page('admin: parents', ({ admin }) => ({ listParents: () => listParents(admin, parentListFilters.parse({})) })),
    page('admin: parents ?q=grazyna', ({ admin }) => ({ listParents: () => listParents(admin, parentListFilters.parse({ q: 'grazyna' })) })),
    page('admin: tutors', ({ admin }) => ({
      listTutors: () => listTutors(admin, tutorListFilters.parse({})),
      listTutorSubjectChoices: () => listTutorSubjectChoices(admin, []),
    })),
    page('admin: users', ({ admin }) => ({ listUsers: () => listUsers(admin, userListFilters.parse({})) })),
    page('admin: users ?q=nowak', ({ admin }) => ({ listUsers: () => listUsers(admin, userListFilters.parse({ q: 'nowak' })) })),
    page('admin: invoices', ({ admin }) => ({
      listInvoices: () => listInvoices(admin, invoiceListFilters.parse({})),
      listInvoicePeriods: () => listInvoicePeriods(admin),
    })),
    page('admin: invoices ?status=unpaid', ({ admin }) => ({ listInvoices: () => listInvoices(admin, invoiceListFilters.parse({ status: 'unpaid' })) })),
    page('admin: invoices ?sort=payer', ({ admin }) => ({ listInvoices: () => listInvoices(admin, invoiceListFilters.parse({ sort: 'payer', dir: 'asc' })) })),
    page('admin: messages', ({ admin }) => ({ listThreads: () => listThreads(admin, { page: 1 }), composeOptions: () => composeOptions(admin) })),
    page('admin: outbox', ({ admin }) => ({ listOutbox: () => listOutbox(admin, outboxListFilters.parse({})) })),
    page('admin: cancellations', ({ admin }) => ({
      listPendingRequests: () => listPendingRequests(admin),
      listDecidedRequests: () => listDecidedRequests(admin, { page: 1, pageSize: DECIDED_PAGE_SIZE }),
      listOpenCredits: () => listOpenCredits(admin, { page: 1, pageSize: CREDITS_PAGE_SIZE, now }),
    })),
    page('admin: series', ({ admin }) => ({ listSeries: () => listSeries(admin, seriesListFilters.parse({})) })),
    page('admin: audit', ({ admin }) => ({
      listAuditEntries: () => listAuditEntries(admin, auditFilters.parse({})),
      listAuditPeople: () => listAuditPeople(admin),
    })),
    page('feed: admin, week', ({ admin }) => ({ listLessons: () => listLessons(admin, thisWeek(admin.timeZone, now)) })),
    page('feed: admin, week, one tutor', ({ admin, tutor }) => ({ listLessons: () => listLessons(admin, { ...thisWeek(admin.timeZone, now), tutorId: tutor.tutorId }) })),
    page('palette: admin "kowal"', ({ admin }) => ({ searchEverything: () => searchEverything(admin, 'kowal') })),
    page('tutor: today', ({ tutor }) => ({
      listTodayForTutor: () => listTodayForTutor(tutor, now),
      listWeekAheadForTutor: () => listWeekAheadForTutor(tutor, now),
      listVisibleStudents: () => listVisibleStudents(tutor),
      getTutorEarnings: () => getTutorEarnings(tutor, month(tutor)),
      listMakeupsToSchedule: () => listMakeupsToSchedule(tutor, { now }),
    })),
    {
      page: 'tutor: students',
      run: async ({ tutor }, call) => {
        const list = await call('listStudents', () => listStudents(tutor, studentListFilters.parse({})));
        await call('listActiveSubjects', () => listActiveSubjects(tutor));
        const ids = list.rows.map((r) => r.id);
        await call('listPayerContacts', () => listPayerContacts(tutor, ids));
        await call('attendanceRates', () => attendanceRates(tutor, ids, { now }));
      },
    },
    page('tutor: cancellations', ({ tutor }) => ({
      listPendingRequests: () => listPendingRequests(tutor),
      listDecidedRequests: () => listDecidedRequests(tutor, { page: 1, pageSize: DECIDED_PAGE_SIZE }),
      listOpenCredits: () => listOpenCredits(tutor, { page: 1, pageSize: CREDITS_PAGE_SIZE, now }),
    })),
    page('feed: tutor, week', ({ tutor }) => ({ listLessons: () => listLessons(tutor, thisWeek(tutor.timeZone, now)) })),
    page('palette: tutor "kowal"', ({ tutor }) => ({ searchEverything: () => searchEverything(tutor, 'kowal') })),
    page('student: home', ({ student }) => ({
      listOwnSubjects: () => listOwnSubjects(student),
      listVisibleStudents: () => listVisibleStudents(student),
      progressForStudent: () => progressForStudent(student, student.studentId, { limit: PROGRESS_FIRST + 1, now }),
      attendanceRate: () => attendanceRate(student, student.studentId, { now }),
      listUpcomingLessons: () => listUpcomingLessons(student, { limit: UPCOMING_SHOWN, now }),
      listOpenCredits: () => listOpenCredits(student, { now }),
      listPendingRequests: () => listPendingRequests(student),
      listDecidedRequests: () => listDecidedRequests(student, { page: 1, pageSize: DECIDED_SHOWN }),
    })),
    page('feed: student, week', ({ student }) => ({
      listLessons: () => listLessons(student, thisWeek(student.timeZone, now)),
      listVisibleStudents: () => listVisibleStudents(student, { limit: 100 }),
    })),
    page('student: messages', ({ student }) => ({ listThreads: () => listThreads(student, { page: 1 }) })),
    {
      page: 'parent: portal',
      run: async ({ parent }, call) => {
        const { child } = await call('chooseChild', () => chooseChild(parent, undefined));
        if (!child) throw new Error('The parent has no child');
        const studentId = child.id;
        await inTurn(call, {
          getFamilyAccount: () => getFamilyAccount(parent),
          progressForStudent: () => progressForStudent(parent, studentId, { limit: PROGRESS_FIRST + 1, now }),
          attendanceRate: () => attendanceRate(parent, studentId, { now }),
          listUpcomingLessons: () => listUpcomingLessons(parent, { limit: UPCOMING_SHOWN, studentId, now }),
          listOpenCredits: () => listOpenCredits(parent, { studentId, now }),
          listPendingRequests: () => listPendingRequests(parent, { studentId }),
          listDecidedRequests: () => listDecidedRequests(parent, { page: 1, pageSize: DECIDED_SHOWN, studentId }),
        });
      },
    },
    page('parent: invoices', ({ parent }) => ({
      getFamilyAccount: () => getFamilyAccount(parent),
      listInvoices: () => listInvoices(parent, invoiceListFilters.parse({ page: 1 })),
    })),
    page('parent: messages', ({ parent }) => ({ listThreads: () => listThreads(parent, { page: 1 }) })),
    {
      page: 'feed: parent, week, one child',
      run: async ({ parent }, call) => {
        const { child } = await call('chooseChild', () => chooseChild(parent, undefined));
        await call('listLessons', () => listLessons(parent, { ...thisWeek(parent.timeZone, now), studentId: child!.id }));
        await call('listVisibleStudents', () => listVisibleStudents(parent, { limit: 100 }));
      },
    },
  ];
}

type PlanNode = {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Actual Rows'?: number;
  'Actual Loops'?: number;
  'Sort Method'?: string;
  'Sort Space Type'?: string;
  'Hash Batches'?: number;
  'Shared Hit Blocks'?: number;
  'Shared Read Blocks'?: number;
  'Temp Written Blocks'?: number;
  Plans?: PlanNode[];
};
type Explained = { Plan: PlanNode; 'Execution Time': number; 'Planning Time': number; JIT?: { Timing: { Total: number } } };

function* nodes(node: PlanNode): Generator<PlanNode> {
  yield node;
  for (const child of node.Plans ?? []) yield* nodes(child);
}

/** What matters in one plan: sequential scans of big tables, spills, and the indexes it used. */
function findings(plan: PlanNode, tableRows: Map<string, number>) {
  const seqScans: string[] = [];
  const spills: string[] = [];
  const indexes = new Set<string>();
  for (const n of nodes(plan)) {
    const rows = n['Relation Name'] ? (tableRows.get(n['Relation Name']) ?? 0) : 0;
    if (n['Node Type'] === 'Seq Scan' && rows > BIG_TABLE) seqScans.push(`${n['Relation Name']} (${Math.round(rows).toLocaleString('en')})`);
    if (n['Sort Space Type'] === 'Disk') spills.push(`sort ${n['Sort Method']}`);
    if ((n['Hash Batches'] ?? 1) > 1) spills.push(`hash ${n['Hash Batches']} batches`);
    if (n['Index Name']) indexes.add(n['Index Name']);
  }
  return { seqScans, spills, indexes: [...indexes] };
}

async function main() {
  const handle = connect({ kind: 'postgres', url: DATABASE, max: 4 });
  installDatabase(handle);
  // The app's own connections, so the statements are explained under the session settings the pages get.
  const raw = (handle.db as unknown as { $client: postgres.Sql }).$client;
  try {
    const who = await people(handle, DEMO_SCHOOL_SLUG);
    const now = new Date();

    // 1. Every statement the pages send, with its parameters and the function that sent it.
    const captured: Captured[] = [];
    let caller = '';
    const call: Call = async (name, fn) => {
      caller = name;
      try {
        return await fn();
      } finally {
        caller = '';
      }
    };
    for (const c of cases(now)) {
      const stop = handle.onQuery((query, params) => captured.push({ page: c.page, caller, query, params }));
      try {
        await c.run(who, call);
      } finally {
        stop();
      }
    }

    // 2. Each one again, explained: one warm run, then the median of RUNS.
    const tableRows = new Map(
      (await raw<{ relname: string; reltuples: number }[]>`
        select c.relname, c.reltuples::float8 as reltuples from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind = 'r'`).map((r) => [r.relname, r.reltuples]),
    );
    const results = [];
    for (const s of captured) {
      if (!/^\s*(select|with)\b/i.test(s.query)) continue;
      const explain = async () =>
        ((await raw.unsafe(`explain (analyze, buffers, format json) ${s.query}`, s.params as postgres.ParameterOrJSON<never>[]))[0]['QUERY PLAN'] as Explained[])[0];
      await explain();
      const runs: Explained[] = [];
      for (let i = 0; i < RUNS; i++) runs.push(await explain());
      runs.sort((a, b) => a['Execution Time'] - b['Execution Time']);
      const median = runs[Math.floor(RUNS / 2)];
      const top = median.Plan;
      results.push({
        ...s,
        ms: median['Execution Time'],
        planningMs: median['Planning Time'],
        jitMs: median.JIT?.Timing.Total ?? 0,
        rows: top['Actual Rows'] ?? 0,
        buffers: (top['Shared Hit Blocks'] ?? 0) + (top['Shared Read Blocks'] ?? 0),
        ...findings(top, tableRows),
        plan: median,
      });
    }
    results.sort((a, b) => b.ms - a.ms || b.seqScans.length - a.seqScans.length);

    const before = new Map<string, number>();
    if (COMPARE) {
      const { readFile } = await import('node:fs/promises');
      for (const r of JSON.parse(await readFile(COMPARE, 'utf8')) as Captured[] & { ms: number }[]) before.set(`${r.page}|${r.caller}|${r.query}`, r.ms);
    }
    const was = (r: Captured) => (COMPARE ? ` ${before.get(`${r.page}|${r.caller}|${r.query}`)?.toFixed(2) ?? '—'} |` : '');
    const total = results.reduce((sum, r) => sum + r.ms, 0);
    console.log(`\n${results.length} statements from ${new Set(results.map((r) => r.page)).size} pages and feeds on ${handle.label}; ${total.toFixed(1)} ms of execution in all.\n`);
    console.log(`| # | page / feed | query function |${COMPARE ? ' ms before |' : ''} ms | of it JIT | rows | buffers | seq scans (table rows) | spills | indexes used |`);
    console.log(`| --: | --- | --- |${COMPARE ? ' --: |' : ''} --: | --: | --: | --: | --- | --- | --- |`);
    results.forEach((r, i) =>
      console.log(
        `| ${i + 1} | ${r.page} | ${r.caller} |${was(r)} ${r.ms.toFixed(2)} | ${r.jitMs ? r.jitMs.toFixed(1) : '—'} | ${r.rows} | ${r.buffers} | ${r.seqScans.join(', ') || '—'} | ${r.spills.join(', ') || '—'} | ${r.indexes.join(', ') || '—'} |`,
      ),
    );
    if (JSON_OUT) {
      const { writeFile } = await import('node:fs/promises');
      await writeFile(JSON_OUT, JSON.stringify(results, null, 1));
      console.error(`plans written to ${JSON_OUT}`);
    }
  } finally {
    await handle.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
