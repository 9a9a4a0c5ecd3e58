import type * as NextIntl from 'next-intl';
import type * as React from 'react';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createCancellationRequest,
  createFamily,
  createLesson,
  createMakeupCredit,
  createParent,
  createRoom,
  createSchool,
  createStudent,
  createSubject,
  createTutor,
  createUser,
  enrol,
  linkParent,
  markAttendance,
  setSubjectPrice,
  writeLessonNotes,
} from '@/db/seed/factories';
import { shiftMonth } from '@/lib/dashboard/figures';
import { issueMonth } from '@/lib/billing/run';
import { startThreadAction } from '@/lib/messaging/actions';
import { addCalendarDays, todayIn, zonedToInstant } from '@/lib/time';
import type { Viewer } from '@/lib/auth/viewer';
import { freshTestDatabase } from '@/test/database';
import { actAs } from '@/test/mocks/viewer';
import { inRequest } from '@/test/request-cache';
import { pageElement, renderServerTree } from '@/test/render-server';
import { viewerOf } from '@/test/viewers';
import AppLayout from './layout';
import * as adminHome from './admin/page';
import * as adminStudents from './admin/students/(list)/page';
import * as adminInvoices from './admin/invoices/(list)/page';
import * as tutorHome from './tutor/page';
import * as studentHome from './student/page';
import ParentHomePage, * as parentHome from './parent/page';
import * as parentInvoices from './parent/invoices/page';
import { GET as calendarEvents } from '../api/calendar/events/route';

// A page renders as Next renders it for one request: `cache()` remembers per request (the
// browser build of React loaded here does not), translations come from the real catalogs,
// and there is no incoming request to read headers or cookies from.
vi.mock('react', async (importOriginal) => ({ ...(await importOriginal<typeof React>()), cache: (await import('@/test/request-cache')).requestCache }));
vi.mock('next-intl/server', async () => (await import('@/test/render-server')).intlFor(await vi.importActual('next-intl')).server);
vi.mock('next-intl', async (importOriginal) => {
  const actual = await importOriginal<typeof NextIntl>();
  return { ...actual, ...(await import('@/test/render-server')).intlFor(actual).hooks };
});
// The shell (a client component) imports the sign-out action, which loads Auth.js; a render
// never calls it, and the session is the mocked viewer's.
vi.mock('@/lib/auth/actions', () => ({ signOutAction: async () => {} }));
vi.mock('next/headers', () => ({
  headers: async () => new Headers(),
  cookies: async () => ({ get: () => undefined, getAll: () => [], has: () => false }),
}));

/**
 * The database queries each main page may cost for one request, layout included (the proxy's
 * session check comes on top). Measured on a school like the tests below seed; a page that
 * needs more has grown a query per row or per component: find it before raising the number.
 */
const BUDGET = {
  '/admin': 23,
  '/admin/students': 8,
  '/admin/invoices': 4,
  '/tutor': 9,
  '/student': 9,
  '/parent': 12,
  '/parent/invoices': 7,
  '/api/calendar/events (admin)': 1,
  '/api/calendar/events (tutor)': 1,
  '/api/calendar/events (student)': 2,
  '/api/calendar/events (parent)': 2,
} satisfies Record<string, number>;

type Route = keyof typeof BUDGET;

const t = freshTestDatabase();

type School = Awaited<ReturnType<typeof buildSchool>>;
let small: School;
let large: School;

const ZONE = 'Europe/Warsaw';
const now = new Date();
const today = todayIn(ZONE, now);
const thisMonth = today.slice(0, 7);
const at = (date: string, hour: number) => zonedToInstant(date, `${String(hour).padStart(2, '0')}:00`, ZONE);

/**
 * A school as the pages meet it: the Nowak family (Ewa pays for Ola, who signs in herself, and
 * Kuba), taught by Anna (maths) and Jan (English), with a month of billed lessons for each
 * `months` back, this week's lessons (marked, with topics and homework), today's and the week
 * ahead, a cancellation request, a makeup credit and a message; plus `families` other families
 * of two children, each billed for last month and booked with Anna this week. The same school
 * at two sizes shows whether a page's cost grows with its rows.
 */
async function buildSchool(name: string, { families, months }: { families: number; months: number }) {
  const school = await createSchool(t.db, { name });
  const s = school.id;
  const admin = await createUser(t.db, { schoolId: s, role: 'admin', name: 'Admin' });
  const anna = await createTutor(t.db, { schoolId: s, firstName: 'Anna', lastName: 'Kowalczyk' });
  const jan = await createTutor(t.db, { schoolId: s, firstName: 'Jan', lastName: 'Żak' });
  const math = await createSubject(t.db, { schoolId: s, name: 'Matematyka' });
  const english = await createSubject(t.db, { schoolId: s, name: 'Angielski' });
  const room = await createRoom(t.db, { schoolId: s, name: 'Sala 2' });
  await setSubjectPrice(t.db, { schoolId: s, subjectId: math.id, individualPer60: 12_000 });
  await setSubjectPrice(t.db, { schoolId: s, subjectId: english.id, individualPer60: 10_000 });

  const ewa = await createParent(t.db, { schoolId: s, firstName: 'Ewa', lastName: 'Nowak' });
  const ola = await createStudent(t.db, { schoolId: s, firstName: 'Ola', lastName: 'Nowak', withLogin: true });
  const kuba = await createStudent(t.db, { schoolId: s, firstName: 'Kuba', lastName: 'Nowak' });
  for (const child of [ola, kuba]) {
    await linkParent(t.db, { schoolId: s, parentId: ewa.id, studentId: child.id, access: 'full', isPayer: true });
    await enrol(t.db, { schoolId: s, studentId: child.id, subjectId: math.id, tutorId: anna.id });
  }
  await enrol(t.db, { schoolId: s, studentId: ola.id, subjectId: english.id, tutorId: jan.id });
  const lesson = (tutorId: string, subjectId: string, start: Date, studentIds: string[], extra: { status?: 'completed'; roomId?: string } = {}) =>
    createLesson(t.db, { schoolId: s, tutorId, subjectId, start, studentIds, ...extra });

  // The months billed: the Nowaks' lessons each month, everyone else's last month.
  const others = [];
  for (let i = 0; i < families; i++) {
    const family = await createFamily(t.db, { schoolId: s, children: 2 });
    for (const child of family.children) await enrol(t.db, { schoolId: s, studentId: child.id, subjectId: math.id, tutorId: anna.id });
    others.push(family);
  }
  for (let m = months; m >= 1; m--) {
    const period = shiftMonth(thisMonth, -m);
    const olas = await lesson(anna.id, math.id, at(`${period}-10`, 9), [ola.id], { status: 'completed' });
    const kubas = await lesson(anna.id, math.id, at(`${period}-10`, 10), [kuba.id], { status: 'completed' });
    await markAttendance(t.db, { schoolId: s, lessonId: olas.id, studentId: ola.id, status: 'present' });
    await markAttendance(t.db, { schoolId: s, lessonId: kubas.id, studentId: kuba.id, status: 'present' });
    if (m === 1) {
      let slot = 0;
      for (const family of others) {
        for (const child of family.children) {
          const day = `${period}-${String(11 + Math.floor(slot / 10)).padStart(2, '0')}`;
          await lesson(anna.id, math.id, at(day, 8 + (slot % 10)), [child.id], { status: 'completed' });
          slot++;
        }
      }
    }
    const billed = await issueMonth(t.db, { system: 'monthly-billing', schoolId: s }, s, period, now);
    expect(billed.issued).toHaveLength(m === 1 ? 1 + families : 1);
  }

  // This week: past lessons marked, with topics and homework; today's; the days ahead.
  const pastOla = await lesson(anna.id, math.id, at(addCalendarDays(today, -3), 16), [ola.id], { roomId: room.id });
  const pastKuba = await lesson(anna.id, math.id, at(addCalendarDays(today, -2), 16), [kuba.id], { roomId: room.id });
  const pastEnglish = await lesson(jan.id, english.id, at(addCalendarDays(today, -1), 17), [ola.id]);
  await markAttendance(t.db, { schoolId: s, lessonId: pastOla.id, studentId: ola.id, status: 'present' });
  await markAttendance(t.db, { schoolId: s, lessonId: pastKuba.id, studentId: kuba.id, status: 'absent' });
  await markAttendance(t.db, { schoolId: s, lessonId: pastEnglish.id, studentId: ola.id, status: 'late' });
  await writeLessonNotes(t.db, { schoolId: s, lessonId: pastOla.id, topic: 'Ułamki', homework: 'Zadania 1–5, s. 42' });
  await writeLessonNotes(t.db, { schoolId: s, lessonId: pastEnglish.id, topic: 'Past simple', homework: 'Workbook p. 12' });
  await lesson(anna.id, math.id, at(today, 15), [ola.id], { roomId: room.id });
  await lesson(anna.id, math.id, at(today, 16), [kuba.id], { roomId: room.id });
  const olaNext = await lesson(anna.id, math.id, at(addCalendarDays(today, 2), 15), [ola.id], { roomId: room.id });
  await lesson(jan.id, english.id, at(addCalendarDays(today, 3), 17), [ola.id]);
  let slot = 0;
  for (const family of others) {
    for (const child of family.children) {
      await lesson(anna.id, math.id, at(addCalendarDays(today, 1 + (slot % 6)), 8 + Math.floor(slot / 6)), [child.id]);
      slot++;
    }
  }
  await createCancellationRequest(t.db, { schoolId: s, lessonId: olaNext.id, studentId: ola.id, requestedBy: ewa.user!.id });
  await createMakeupCredit(t.db, { schoolId: s, studentId: kuba.id, sourceLessonId: pastKuba.id, days: 20 });

  const viewers = {
    admin: viewerOf(admin),
    tutor: viewerOf(anna.user!),
    student: viewerOf(ola.user!),
    parent: viewerOf(ewa.user!),
  };
  actAs(viewers.parent);
  const sent = await startThreadAction({ studentId: ola.id, to: anna.id, subject: 'Sprawdzian', body: 'Czy Ola może napisać sprawdzian w czwartek?' });
  expect(sent.ok).toBe(true);
  actAs(null);
  return { viewers };
}

beforeAll(async () => {
  small = await buildSchool('Na Piątkę', { families: 1, months: 2 });
  large = await buildSchool('Na Piątkę, dziesięć razy', { families: 15, months: 12 });
});
beforeEach(() => actAs(null));

type Measured = { count: number; queries: string[]; asyncComponents: string[] };

type PageModule = { default: Parameters<typeof pageElement>[0]; generateMetadata?: () => Promise<unknown> };

/**
 * The queries one page costs `viewer` as Next serves it: the page inside the shared layout,
 * and the page's metadata (its title), all in one request.
 */
async function measurePage(viewer: Viewer, page: PageModule): Promise<Measured> {
  actAs(viewer);
  async function Metadata() {
    await page.generateMetadata?.();
    return null;
  }
  const tree = (
    <>
      <Metadata />
      <AppLayout>{pageElement(page.default)}</AppLayout>
    </>
  );
  return counting(async () => (await renderServerTree(tree)).asyncComponents);
}

/** The queries one calendar feed request costs `viewer`, for this week. */
async function measureFeed(viewer: Viewer): Promise<Measured> {
  actAs(viewer);
  const start = zonedToInstant(addCalendarDays(today, -3), '00:00', ZONE).toISOString();
  const end = zonedToInstant(addCalendarDays(today, 7), '00:00', ZONE).toISOString();
  return counting(async () => {
    const response = await inRequest(() => calendarEvents(new Request(`http://school.test/api/calendar/events?start=${encodeURIComponent(start)}&end=${encodeURIComponent(end)}`)));
    expect(response.status).toBe(200);
    expect(((await response.json()) as unknown[]).length).toBeGreaterThan(0);
    return [];
  });
}

async function counting(run: () => Promise<string[]>): Promise<Measured> {
  const queries: string[] = [];
  const stop = t.handle.onQuery((sql) => queries.push(sql));
  try {
    const asyncComponents = await run();
    return { count: queries.length, queries, asyncComponents };
  } finally {
    stop();
  }
}

/** Within the page's budget, with the queries listed when it is not. */
function expectWithinBudget(route: Route, measured: Measured) {
  const budget = BUDGET[route];
  const message = `${route} sent ${measured.count} queries; its budget is ${budget}:\n${measured.queries.map((q, i) => `${i + 1}. ${q.slice(0, 160)}`).join('\n')}`;
  expect(measured.count, message).toBeLessThanOrEqual(budget);
}

const pages: { route: Route; viewer: keyof School['viewers']; page: PageModule }[] = [
  { route: '/admin', viewer: 'admin', page: adminHome },
  { route: '/admin/students', viewer: 'admin', page: adminStudents },
  { route: '/admin/invoices', viewer: 'admin', page: adminInvoices },
  { route: '/tutor', viewer: 'tutor', page: tutorHome },
  { route: '/student', viewer: 'student', page: studentHome },
  { route: '/parent', viewer: 'parent', page: parentHome },
  { route: '/parent/invoices', viewer: 'parent', page: parentInvoices },
];

describe('queries per page', () => {
  it.each(pages)('$route stays within its budget, and costs at most one count more for a school ten times the size', async ({ route, viewer, page }) => {
    const few = await measurePage(small.viewers[viewer], page);
    const many = await measurePage(large.viewers[viewer], page);
    console.info(`${route}: ${few.count} queries (large school: ${many.count})`);
    expectWithinBudget(route, few);
    // One more at most: a list whose first page is full counts the rest (lib/list/paginate.ts totalOf).
    expect(many.count, `${route}: ${few.count} queries for the small school, ${many.count} for the large one — a query per row?`).toBeLessThanOrEqual(few.count + 1);
    expect(many.count).toBeGreaterThanOrEqual(few.count);
  });

  it('/api/calendar/events stays within its budget for every role, whatever the number of lessons', async () => {
    for (const role of ['admin', 'tutor', 'student', 'parent'] as const) {
      const few = await measureFeed(small.viewers[role]);
      const many = await measureFeed(large.viewers[role]);
      console.info(`/api/calendar/events (${role}): ${few.count} queries (large school: ${many.count})`);
      expectWithinBudget(`/api/calendar/events (${role})` as const, few);
      expect(many.count, `/api/calendar/events (${role}): ${few.count} queries for the small school, ${many.count} for the large one`).toBe(few.count);
    }
  });
});

describe('the page render', () => {
  it('runs the nested server components and counts their queries, not only the page’s own', async () => {
    actAs(small.viewers.parent);
    // The page function alone: its own loaders, before any component it returns has run.
    const own = await counting(async () => {
      await inRequest(async () => void (await ParentHomePage({ searchParams: Promise.resolve({}) })));
      return [];
    });
    const rendered = await measurePage(small.viewers.parent, parentHome);
    expect(rendered.asyncComponents).toEqual(expect.arrayContaining(['AppLayout', 'ParentHomePage', 'RoleHome', 'FamilyUpcoming', 'FamilyCredits', 'FamilyRequests']));
    expect(rendered.count).toBeGreaterThan(own.count);
    // Only the components below the page read cancellation requests.
    const readsRequests = (q: string) => q.includes('"cancellation_requests"');
    expect(own.queries.some(readsRequests)).toBe(false);
    expect(rendered.queries.some(readsRequests)).toBe(true);
  });

  it('never reads the school for its name, though the layout and the page both show it: it comes with the session', async () => {
    const rendered = await measurePage(small.viewers.admin, adminHome);
    expect(rendered.queries.filter((q) => /^select "id", "name"[^;]* from "schools" where "schools"\."id" = \$1/.test(q))).toHaveLength(0);
  });
});
