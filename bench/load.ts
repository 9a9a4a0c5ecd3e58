/**
 * Load test: N people of every role signed in at once, each opening a page, reading it for a
 * while (think time) and opening the next, against a running server.
 *
 *   npm run bench:load:seed -- demo                      # once: the database (see there)
 *   AUTH_SECRET=… DATABASE_URL=…/tutorhub_load_demo node .next/standalone/server.js   # the server
 *   AUTH_SECRET=… npm run bench:load -- --url http://127.0.0.1:3000 \
 *     --database postgres://postgres@127.0.0.1:5432/tutorhub_load_demo [--users 200] [--think 5] \
 *     [--warmup 20] [--duration 90] [--json out.json]
 *   AUTH_SECRET=… npm run bench:load -- --url … --database … --cost PID [--repeat 20] [--clicks 1] [--only 'parent: portal']
 *
 * Who: of `--users`, 8 % the office (the school's admin account, several sessions), 18 % tutors,
 * 37 % students and 37 % parents of the school "Na Piątkę", each a distinct account where the
 * school has enough. Each person is signed in as a real sign-in leaves them: a `user_sessions`
 * row and the session cookie Auth.js would have set (the server's AUTH_SECRET is needed to
 * sign it), so the test measures pages, not password hashing.
 *
 * What: each person picks their next page by the weights in MIX (the office: dashboard, lists,
 * a search, a record, the invoice list and a PDF, the calendar feed as the page opens it — the
 * week, or the day at a large school; a tutor: "Today", the week's feed, their students; a
 * student: home and calendar; a parent: the portal, the invoices and one as PDF, messages),
 * waits a think time uniform between 0.4× and 1.6× of `--think` seconds, and goes on. A page
 * counts as served when its whole body has arrived with status 200; anything else (an error, a
 * redirect to the login page, a time-out of 10 s) is an error. Figures are for the `--duration`
 * seconds after `--warmup`: per page p50/p95/p99 and count, pages per second, errors.
 *
 * `--cost PID` measures instead what one page costs the server: one person per role opens each
 * of its pages `--repeat` times, one request after another, and the server process's CPU time
 * (user + system, from /proc/PID/stat) per request is printed with the wall time and the size.
 */
import { readFile, writeFile } from 'node:fs/promises';
import http from 'node:http';
import https from 'node:https';
import { computeCacheBustingSearchParam } from 'next/dist/shared/lib/router/utils/cache-busting-search-param.js';
import { encode } from 'next-auth/jwt';
import postgres from 'postgres';
import { DEMO_SCHOOL_SLUG } from '@/db/seed/demo';
import { wideViewFor } from '@/components/calendar/url-state';

type Role = 'admin' | 'tutor' | 'student' | 'parent';
type Person = { role: Role; userId: string; email: string; name: string; schoolId: string; sessionVersion: number; locale: string; tz: string; own: OwnRecords };
/** What a person's pages point at: an invoice they may open, a student, a search word. */
type OwnRecords = { invoiceId?: string; studentId?: string; surname?: string; activeTutors?: number };
type Page = { name: string; weight: number; path: (p: Person, week: { start: string; end: string }) => string | null };

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2) args.set(process.argv[i].replace(/^--/, ''), process.argv[i + 1]);
const BASE = args.get('url') ?? 'http://127.0.0.1:3000';
const DATABASE = args.get('database') ?? 'postgres://postgres@127.0.0.1:5432/tutorhub_load_demo';
const USERS = Number(args.get('users') ?? 200);
const THINK_S = Number(args.get('think') ?? 5);
const WARMUP_S = Number(args.get('warmup') ?? 20);
const DURATION_S = Number(args.get('duration') ?? 90);
const RELOADS = Number(args.get('reloads') ?? 0.25);
const TIMEOUT_MS = 10_000;
const SHARE: Record<Role, number> = { admin: 0.08, tutor: 0.18, student: 0.37, parent: 0.37 };

const feed = (extra = '') => (_: Person, week: { start: string; end: string }) => `/api/calendar/events?start=${week.start}&end=${week.end}${extra}`;

/** The realistic mix: what each role opens, and how often relative to their other pages. */
const MIX: Record<Role, Page[]> = {
  admin: [
    { name: 'admin: dashboard', weight: 3, path: () => '/admin' },
    { name: 'admin: students', weight: 2, path: () => '/admin/students' },
    { name: 'admin: student search', weight: 2, path: (p) => `/admin/students?q=${encodeURIComponent(p.own.surname ?? 'kowal')}` },
    { name: 'admin: student record', weight: 1, path: (p) => (p.own.studentId ? `/admin/students/${p.own.studentId}` : null) },
    { name: 'admin: parents', weight: 1, path: () => '/admin/parents' },
    { name: 'admin: tutors', weight: 1, path: () => '/admin/tutors' },
    { name: 'admin: invoices', weight: 2, path: () => '/admin/invoices' },
    { name: 'invoice PDF', weight: 1, path: (p) => (p.own.invoiceId ? `/api/invoices/${p.own.invoiceId}/pdf` : null) },
    // What the office's calendar opens on: the week, or at a large school the day (wideViewFor).
    {
      name: 'calendar feed (as opened)',
      weight: 2,
      path: (p, week) => feed()(p, wideViewFor('admin', p.own.activeTutors ?? 0) === 'day' ? today() : week),
    },
  ],
  tutor: [
    { name: 'tutor: today', weight: 3, path: () => '/tutor' },
    { name: 'calendar feed (week)', weight: 2, path: feed() },
    { name: 'tutor: students', weight: 1, path: () => '/tutor/students' },
  ],
  student: [
    { name: 'student: home', weight: 3, path: () => '/student' },
    { name: 'calendar feed (week)', weight: 2, path: feed() },
    { name: 'student: messages', weight: 1, path: () => '/student/messages' },
  ],
  parent: [
    { name: 'parent: portal', weight: 3, path: () => '/parent' },
    { name: 'parent: invoices', weight: 2, path: () => '/parent/invoices' },
    { name: 'invoice PDF', weight: 1, path: (p) => (p.own.invoiceId ? `/api/invoices/${p.own.invoiceId}/pdf` : null) },
    { name: 'parent: messages', weight: 1, path: () => '/parent/messages' },
    { name: 'calendar feed (week)', weight: 1, path: (p, week) => feed(p.own.studentId ? `&studentId=${p.own.studentId}` : '')(p, week) },
  ],
};

/** The people to sign in: per role its share of USERS, distinct accounts first, then again from the start. */
async function people(sql: postgres.Sql): Promise<Person[]> {
  const rows = await sql<(Omit<Person, 'own'> & OwnRecords)[]>`
    select u.id as "userId", u.role, u.email, u.name, u.school_id as "schoolId", u.session_version as "sessionVersion", u.locale, s.time_zone as tz,
           coalesce(
             (select i.id from invoices i join parents pa on pa.id = i.payer_parent_id where pa.user_id = u.id order by i.issue_date desc limit 1),
             (select i.id from invoices i join students st on st.id = i.payer_student_id where st.user_id = u.id order by i.issue_date desc limit 1),
             case when u.role = 'admin' then (select i.id from invoices i where i.school_id = u.school_id order by random() limit 1) end
           ) as "invoiceId",
           coalesce(
             (select ps.student_id from parent_students ps join parents pa on pa.id = ps.parent_id where pa.user_id = u.id limit 1),
             case when u.role = 'admin' then (select st.id from students st where st.school_id = u.school_id order by random() limit 1) end
           ) as "studentId",
           case when u.role = 'admin' then (select left(lower(st.last_name), 5) from students st where st.school_id = u.school_id order by random() limit 1) end as surname,
           (select count(*)::int from tutors t where t.school_id = u.school_id and t.status = 'active') as "activeTutors"
      from users u join schools s on s.id = u.school_id
     where s.slug = ${DEMO_SCHOOL_SLUG} and u.status = 'active' and u.role in ('admin', 'tutor', 'student', 'parent')
     order by u.role, u.email`;
  type Row = (typeof rows)[number];
  const byRole = new Map<Role, Row[]>();
  for (const r of rows) byRole.set(r.role, [...(byRole.get(r.role) ?? []), r]);
  const chosen: Person[] = [];
  for (const role of ['admin', 'tutor', 'student', 'parent'] as const) {
    const pool = byRole.get(role) ?? [];
    if (!pool.length) throw new Error(`the school has no active ${role}`);
    const count = Math.max(1, Math.round(USERS * SHARE[role]));
    for (let i = 0; i < count; i++) {
      const { invoiceId, studentId, surname, activeTutors, ...person } = pool[i % pool.length];
      chosen.push({ ...person, own: { invoiceId: invoiceId ?? undefined, studentId: studentId ?? undefined, surname: surname ?? undefined, activeTutors } });
    }
  }
  return chosen.slice(0, USERS);
}

const secure = BASE.startsWith('https:');
const COOKIE = `${secure ? '__Secure-' : ''}authjs.session-token`;

/** A signed-in session for the person, as a sign-in would leave it: its row, and the cookie. */
async function signIn(sql: postgres.Sql, p: Person, secret: string): Promise<string> {
  const [row] = await sql<{ id: string }[]>`insert into user_sessions (user_id, expires_at, user_agent) values (${p.userId}, now() + interval '8 hours', 'tutorhub load test') returning id`;
  const token = await encode({
    salt: COOKIE,
    secret,
    token: { sub: p.userId, sid: row.id, name: p.name, email: p.email, role: p.role, schoolId: p.schoolId, locale: p.locale, tz: p.tz, sv: p.sessionVersion, seen: Math.floor(Date.now() / 1000) },
  });
  return `${COOKIE}=${token}; th_had_session=1; NEXT_LOCALE=${p.locale}`;
}

/** The cookie header after a response, as a browser keeps it: a re-issued session cookie replaces the old one. */
function withSessionCookie(cookie: string, setCookie: string[]): string {
  const reissued = setCookie.find((c) => c.startsWith(`${COOKIE}=`));
  if (!reissued) return cookie;
  return cookie.replace(new RegExp(`${COOKIE}=[^;]*`), reissued.split(';')[0]);
}

/** Monday to Monday of this week, as the calendar asks for it. */
function thisWeek() {
  const now = new Date();
  const monday = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - ((now.getUTCDay() + 6) % 7)));
  const next = new Date(monday.getTime() + 7 * 86_400_000);
  return { start: monday.toISOString(), end: next.toISOString() };
}

/** Today, midnight to midnight (UTC, as the week above), as the calendar's day view asks for it. */
function today() {
  const now = new Date();
  const midnight = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  return { start: midnight.toISOString(), end: new Date(midnight.getTime() + 86_400_000).toISOString() };
}

function pick(pages: Page[]): Page {
  const total = pages.reduce((sum, p) => sum + p.weight, 0);
  let at = Math.random() * total;
  for (const p of pages) if ((at -= p.weight) < 0) return p;
  return pages[pages.length - 1];
}

type Sample = { page: string; ms: number; ok: boolean; at: number; why?: string; click: boolean };
const samples: Sample[] = [];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const thinkMs = () => THINK_S * 1000 * (0.4 + Math.random() * 1.2);

const agentOptions = { keepAlive: true, maxSockets: 256 };
const client = secure ? https : http;
const agent = new client.Agent(agentOptions);

/**
 * One GET as a browser sends it (Chrome accepts gzip, deflate, brotli and zstd), read to its
 * last byte but not unpacked: unpacking is the browser's work, on its own machine, and the
 * generator shares this one with the server. Kept-alive connections, as a browser keeps them.
 */
function get(url: string, headers: Record<string, string>, timeoutMs = TIMEOUT_MS): Promise<{ status: number; location?: string; bytes: number; setCookie: string[] }> {
  return new Promise((resolve, reject) => {
    const req = client.get(
      BASE + url,
      { agent, headers: { 'accept-encoding': 'gzip, deflate, br, zstd', 'user-agent': 'tutorhub load test', ...headers }, signal: AbortSignal.timeout(timeoutMs) },
      (res) => {
        let bytes = 0;
        res.on('data', (chunk: Buffer) => (bytes += chunk.length));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, location: res.headers.location, bytes, setCookie: res.headers['set-cookie'] ?? [] }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
  });
}

/**
 * What the browser asks for when a link in the app is clicked: the next page's RSC payload only,
 * with the tree of the page it shows now, so the server renders from where the two differ (the
 * root layout and the app shell stay). The `_rsc` parameter is Next.js's hash of those headers,
 * computed as the browser computes it.
 */
async function click(from: string, to: string): Promise<{ url: string; headers: Record<string, string> }> {
  const url = new URL(from, BASE);
  const query = Object.fromEntries(url.searchParams);
  const page = [Object.keys(query).length ? `__PAGE__?${JSON.stringify(query)}` : '__PAGE__', {}, null, null, 0];
  const nest = (segments: string[]): unknown[] => [segments[0], { children: segments.length > 1 ? nest(segments.slice(1)) : page }, null, null, 0];
  const tree = ['', { children: ['(app)', { children: nest(url.pathname.split('/').filter(Boolean)) }, null, null, 0] }, null, null, 16];
  const stateTree = encodeURIComponent(JSON.stringify(tree));
  const hash = await computeCacheBustingSearchParam(undefined, undefined, stateTree, url.pathname);
  return { url: `${to}${to.includes('?') ? '&' : '?'}_rsc=${hash}`, headers: { rsc: '1', 'next-router-state-tree': stateTree, 'next-url': url.pathname } };
}

/**
 * One person: open a page, read it, open the next, until the end of the run. A page is opened
 * by a click from the page on screen (`click`), or loaded in full: the first one, and a share
 * `--reloads` of the rest (a reload, a link from an email, the app opened again). Files and
 * feeds are fetched as they are; the week's feed is asked for by the calendar page, so the
 * person goes there first. Opening the page already on screen means coming back to it (from the
 * calendar, or from home). The session cookie the server re-issues replaces the old one, as in a
 * browser.
 */
async function browse(person: Person, signedIn: string, until: number) {
  let cookie = signedIn;
  const week = thisWeek();
  const home = `/${person.role}`;
  const calendar = `/${person.role}/calendar`;
  let current: string | undefined; // the page on screen
  const open = async (name: string, path: string) => {
    const file = path.startsWith('/api/');
    const navigate = !file && current !== undefined && Math.random() >= RELOADS;
    const from = current !== path ? current! : path === home ? calendar : home;
    const request = navigate ? await click(from, path) : { url: path, headers: {} };
    if (!file) current = path;
    const started = performance.now();
    let ok = false;
    let why: string | undefined;
    try {
      const res = await get(request.url, { ...request.headers, cookie });
      cookie = withSessionCookie(cookie, res.setCookie);
      ok = res.status === 200;
      if (!ok) why = `${res.status} ${res.location ?? ''}`.trim();
    } catch (err) {
      why = (err as Error).name;
    }
    samples.push({ page: name, ms: performance.now() - started, ok, at: Date.now(), why, click: navigate });
  };
  await sleep(Math.random() * THINK_S * 1000); // people arrive spread out, not all at once
  while (Date.now() < until) {
    const page = pick(MIX[person.role]);
    const path = page.path(person, week);
    if (!path) continue;
    if (page.name.startsWith('calendar feed') && current !== calendar) await open(`${person.role}: calendar`, calendar);
    await open(page.name, path);
    await sleep(thinkMs());
  }
}

const quantile = (sorted: number[], q: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] : NaN);
const ms = (n: number) => (Number.isFinite(n) ? n.toFixed(0) : '–');

function report(from: number, to: number) {
  const measured = samples.filter((s) => s.at >= from && s.at < to);
  const byPage = new Map<string, Sample[]>();
  for (const s of measured) byPage.set(s.page, [...(byPage.get(s.page) ?? []), s]);
  const row = (name: string, list: Sample[]) => {
    const times = list.filter((s) => s.ok).map((s) => s.ms).sort((a, b) => a - b);
    return { page: name, count: list.length, errors: list.filter((s) => !s.ok).length, p50: quantile(times, 0.5), p95: quantile(times, 0.95), p99: quantile(times, 0.99) };
  };
  const rows = [...byPage.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([name, list]) => row(name, list));
  const all = row('all pages', measured);
  const loads = row('(pages loaded in full)', measured.filter((s) => !s.click && !s.page.includes('feed') && !s.page.includes('PDF')));
  const clicks = row('(pages opened by a click)', measured.filter((s) => s.click));
  const seconds = (to - from) / 1000;
  const generator = process.cpuUsage();
  console.log(`\n${USERS} users, think ${THINK_S} s, ${RELOADS * 100} % of pages loaded in full, ${DURATION_S} s measured after ${WARMUP_S} s warm-up, against ${BASE}`);
  console.log(`${(measured.length / seconds).toFixed(1)} pages/s, ${all.errors} errors; the generator itself used ${((generator.user + generator.system) / 1e6).toFixed(1)} s of CPU\n`);
  console.log('| page | count | errors | p50 ms | p95 ms | p99 ms |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const r of [...rows, loads, clicks, all]) console.log(`| ${r.page} | ${r.count} | ${r.errors} | ${ms(r.p50)} | ${ms(r.p95)} | ${ms(r.p99)} |`);
  const reasons = new Map<string, number>();
  for (const s of measured.filter((s) => !s.ok)) reasons.set(`${s.page}: ${s.why}`, (reasons.get(`${s.page}: ${s.why}`) ?? 0) + 1);
  if (reasons.size) console.log('\nerrors:', Object.fromEntries(reasons));
  return { users: USERS, thinkSeconds: THINK_S, reloads: RELOADS, seconds, pagesPerSecond: measured.length / seconds, rows, all };
}

/** CPU time the process has used so far, in ms (user + system, from /proc/PID/stat). */
async function cpuMs(pid: string): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime, stime in clock ticks (USER_HZ = 100)
}

/** One page at a time: the server's CPU per request for every page of the mix. */
async function cost(crowd: Person[], cookies: string[], pid: string) {
  const repeat = Number(args.get('repeat') ?? 20);
  const only = args.get('only');
  const week = thisWeek();
  console.log(`| page | CPU ms | wall ms | kB sent |\n| --- | ---: | ---: | ---: |`);
  for (const role of ['admin', 'tutor', 'student', 'parent'] as const) {
    const i = crowd.findIndex((p) => p.role === role);
    for (const page of [...MIX[role], { name: 'calendar', weight: 0, path: () => `/${role}/calendar` }]) {
      const path = page.path(crowd[i], week);
      if (!path || (only && !`${role}: ${page.name}`.includes(only))) continue;
      // --clicks 1: each page as a click from another page of the person's (from their home; to the home, from the next page)
      const other = MIX[role].map((o) => o.path(crowd[i], week)).find((o) => o && o !== path && !o.startsWith('/api/'))!;
      const request = args.get('clicks') === '1' && !path.startsWith('/api/') ? await click(other, path) : { url: path, headers: {} };
      const once = async () => {
        const res = await get(request.url, { ...request.headers, cookie: cookies[i] });
        if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
        return res.bytes;
      };
      for (let w = 0; w < 3; w++) await once(); // warm
      const cpu0 = await cpuMs(pid);
      const t0 = performance.now();
      let bytes = 0;
      for (let n = 0; n < repeat; n++) bytes = await once();
      const cpu = ((await cpuMs(pid)) - cpu0) / repeat;
      console.log(`| ${role}: ${page.name.replace(/^\w+: /, '')} | ${cpu.toFixed(1)} | ${((performance.now() - t0) / repeat).toFixed(1)} | ${(bytes / 1024).toFixed(0)} |`);
    }
  }
}

async function main() {
  const secret = process.env.AUTH_SECRET;
  if (!secret) throw new Error('AUTH_SECRET must be the server’s, to sign the session cookies');
  const sql = postgres(DATABASE, { max: 4, onnotice: () => {} });
  try {
    const crowd = await people(sql);
    const cookies = await Promise.all(crowd.map((p) => signIn(sql, p, secret)));
    const health = await fetch(`${BASE}/api/health`);
    if (!health.ok) throw new Error(`${BASE}/api/health answered ${health.status}`);
    const pid = args.get('cost');
    if (pid) return await cost(crowd, cookies, pid);
    const start = Date.now();
    const from = start + WARMUP_S * 1000;
    const to = from + DURATION_S * 1000;
    console.log(`${crowd.length} people signed in (${(['admin', 'tutor', 'student', 'parent'] as const).map((r) => `${crowd.filter((p) => p.role === r).length} ${r}`).join(', ')}); running ${WARMUP_S + DURATION_S} s…`);
    await Promise.all(crowd.map((p, i) => browse(p, cookies[i], to)));
    const result = report(from, to);
    const out = args.get('json');
    if (out) await writeFile(out, JSON.stringify(result, null, 2));
  } finally {
    await sql`delete from user_sessions where user_agent = 'tutorhub load test'`;
    await sql.end();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
