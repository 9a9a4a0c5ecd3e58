import { expect, test, type Page } from '@playwright/test';
import { signInWithPassword } from './fixtures/auth';
import { clearSlot, e2eSql } from './fixtures/db';
import { keepScreenshot } from './fixtures/shots';

/**
 * The lesson calendar. Two lessons of tutor1 are written straight into the database four
 * weeks ahead: Tuesday 09:00–10:00 and 14:00–15:00, Warsaw time, each with one of tutor1's
 * students who has a login. The demo term keeps weekday mornings free; whatever it or an
 * earlier run holds for tutor1 or the student on that Tuesday from 09:00 to 15:00 and that
 * Wednesday from 10:00 to 11:00 (where the dialog journey plans) is cancelled first.
 */
type Plan = { monday: string; first: string; second: string; studentEmail: string; studentName: string; subject: string; tutorName: string };

async function plan(): Promise<Plan> {
  const sql = e2eSql();
  try {
    const [tutor] = await sql`select t.id, t.school_id, t.first_name || ' ' || t.last_name as name from tutors t join users u on u.id = t.user_id where u.email = 'tutor1@demo.tutorhub.pl'`;
    const [pick] = await sql`
      select ss.subject_id, sub.name as subject, s.id as student_id, u.email, s.first_name || ' ' || s.last_name as student_name
        from student_subjects ss join students s on s.id = ss.student_id join users u on u.id = s.user_id join subjects sub on sub.id = ss.subject_id
       where ss.tutor_id = ${tutor.id} and s.status = 'active' and u.status = 'active'
       order by s.id limit 1`;
    const [{ monday }] = await sql`select to_char(date_trunc('week', (now() at time zone 'Europe/Warsaw') + interval '28 days'), 'YYYY-MM-DD') as monday`;
    // A rerun on the same database starts from the same two lessons.
    await sql`delete from lessons where tutor_id = ${tutor.id} and meeting_url in ('https://meet.example.test/kalendarz', 'https://meet.example.test/nowa')`;
    const at = async (day: number, hour: number) =>
      (await sql`select ((${monday}::date + ${day}::int + make_interval(hours => ${hour}))::timestamp at time zone 'Europe/Warsaw') as t`)[0].t as Date;
    const who = { tutorIds: [tutor.id], studentIds: [pick.student_id] };
    await clearSlot(sql, { from: await at(1, 9), to: await at(1, 15), ...who });
    await clearSlot(sql, { from: await at(2, 10), to: await at(2, 11), ...who });
    const insert = async (hour: number) =>
      sql.begin(async (tx) => {
        const [l] = await tx`
          insert into lessons (school_id, tutor_id, subject_id, meeting_url, during, kind, capacity)
          values (${tutor.school_id}, ${tutor.id}, ${pick.subject_id}, 'https://meet.example.test/kalendarz',
                  tstzrange((${monday}::date + 1 + make_interval(hours => ${hour}))::timestamp at time zone 'Europe/Warsaw',
                            (${monday}::date + 1 + make_interval(hours => ${hour + 1}))::timestamp at time zone 'Europe/Warsaw', '[)'),
                  'individual', 1)
          returning id`;
        await tx`insert into lesson_students (school_id, lesson_id, student_id) values (${tutor.school_id}, ${l.id}, ${pick.student_id})`;
        return l.id as string;
      });
    return { monday, first: await insert(9), second: await insert(14), studentEmail: pick.email, studentName: pick.student_name, subject: pick.subject, tutorName: tutor.name };
  } finally {
    await sql.end();
  }
}

/** Wall-clock start and end of a lesson in Warsaw, as the database has it ("09:00–10:00"). */
async function timesOf(id: string) {
  const sql = e2eSql();
  try {
    const [row] = await sql`
      select to_char(lower(during) at time zone 'Europe/Warsaw', 'YYYY-MM-DD HH24:MI') || '–' || to_char(upper(during) at time zone 'Europe/Warsaw', 'HH24:MI') as t
        from lessons where id = ${id}`;
    return row.t as string;
  } finally {
    await sql.end();
  }
}

/** Drags a lesson by `minutes` on the time grid (pixels per minute read from its own height). */
async function dragBy(page: Page, id: string, minutes: number) {
  const lesson = page.locator(`[data-lesson-id="${id}"]`);
  await lesson.scrollIntoViewIfNeeded();
  const box = (await lesson.boundingBox())!;
  const perMinute = box.height / 60;
  const x = box.x + box.width / 2;
  const y = box.y + 8;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x, y + 6, { steps: 3 });
  await page.mouse.move(x, y + minutes * perMinute, { steps: 12 });
  await page.mouse.up();
}

test('an admin drags a lesson to a free slot and onto a clash; a tutor sees only their own; a student reads', async ({ browser }) => {
  const p = await plan();
  const url = `?date=${p.monday}&view=week`;
  const day = (n: number) => new Date(Date.parse(`${p.monday}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
  const tuesday = day(1);
  expect(await timesOf(p.first)).toMatch(/ 09:00–10:00$/);

  const admin = await browser.newPage({ viewport: { width: 1280, height: 1100 } });
  await signInWithPassword(admin, 'admin@demo.tutorhub.pl');
  await admin.waitForURL(/\/admin$/);
  await admin.goto(`/admin/calendar${url}`);
  const first = admin.locator(`[data-lesson-id="${p.first}"]`);
  await expect(first).toBeVisible();
  await expect(admin.locator(`[data-lesson-id="${p.second}"]`)).toBeVisible();

  // To a free slot: three hours later the same day. It stays there after a reload.
  await dragBy(admin, p.first, 120);
  await expect(admin.getByText(/Lekcja przeniesiona/)).toBeVisible();
  const moved = await timesOf(p.first);
  expect(moved).toBe(`${tuesday} 11:00–12:00`);
  await admin.reload();
  await expect(first).toBeVisible();
  await expect(first).toContainText('11:00');

  // Onto the other lesson of the same tutor: refused, snaps back, the reason is shown.
  const before = (await first.boundingBox())!;
  await dragBy(admin, p.first, 180);
  await expect(admin.getByText(/prowadzi już lekcję/)).toBeVisible();
  await expect.poll(async () => (await first.boundingBox())!.y).toBeCloseTo(before.y, 0);
  expect(await timesOf(p.first)).toBe(moved);
  await admin.close();

  // Another tutor: neither the calendar nor the feed shows tutor1's lessons, only their own.
  const tutor2 = await browser.newPage();
  await signInWithPassword(tutor2, 'tutor2@demo.tutorhub.pl');
  await tutor2.waitForURL(/\/tutor$/);
  await tutor2.goto(`/tutor/calendar${url}`);
  await expect(tutor2.getByTestId('lesson-calendar')).toBeVisible();
  await expect(tutor2.locator(`[data-lesson-id="${p.first}"]`)).toHaveCount(0);
  const start = `${day(-1)}T00:00:00Z`;
  const end = `${day(8)}T00:00:00Z`;
  const feed = await tutor2.request.get(`/api/calendar/events?start=${start}&end=${end}`);
  expect(feed.status()).toBe(200);
  const seen = ((await feed.json()) as { id: string }[]).map((e) => e.id);
  expect(seen).not.toContain(p.first);
  expect(seen).not.toContain(p.second);
  if (seen.length) {
    const sql = e2eSql();
    try {
      const owners = await sql`select distinct u.email from lessons l join tutors t on t.id = l.tutor_id join users u on u.id = t.user_id where l.id = any(${seen}::uuid[])`;
      expect(owners.map((o) => o.email)).toEqual(['tutor2@demo.tutorhub.pl']);
    } finally {
      await sql.end();
    }
  }
  await tutor2.close();

  // The student in the lesson sees it, read only: no way to change the time.
  const student = await browser.newPage();
  await signInWithPassword(student, p.studentEmail);
  await student.waitForURL(/\/student$/);
  await student.goto(`/student/calendar${url}`);
  const own = student.locator(`[data-lesson-id="${p.first}"]`);
  await expect(own).toBeVisible();
  await own.click();
  const detail = student.getByTestId('lesson-detail');
  await expect(detail).toContainText(p.subject);
  await expect(detail.getByRole('button', { name: /Zapisz termin|Odwołaj lekcję/ })).toHaveCount(0);
  await student.keyboard.press('Escape');
  await dragBy(student, p.first, 120);
  expect(await timesOf(p.first)).toBe(moved);

  // Without a session the feed gives nothing away: the proxy lets API routes answer for
  // themselves, and the handler answers 401.
  const anonymous = await browser.newContext();
  const res = await anonymous.request.get(`${new URL(student.url()).origin}/api/calendar/events?start=${start}&end=${end}`, { maxRedirects: 0 });
  expect(res.status()).toBe(401);
  expect(await res.text()).not.toContain(p.first);
  await anonymous.close();
  await student.close();
});

test('an admin plans a lesson in the dialog, then cancels it after confirming', async ({ browser }) => {
  const p = await plan();
  const wednesday = new Date(Date.parse(`${p.monday}T00:00:00Z`) + 2 * 86_400_000).toISOString().slice(0, 10);
  const [y, m, d] = wednesday.split('-');
  const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  await signInWithPassword(page, 'admin@demo.tutorhub.pl');
  await page.waitForURL(/\/admin$/);
  await page.goto(`/admin/calendar?date=${p.monday}&view=week`);
  await expect(page.locator(`[data-lesson-id="${p.first}"]`)).toBeVisible();

  await page.getByRole('button', { name: 'Nowa lekcja' }).click();
  const form = page.getByTestId('create-lesson-form');
  // Nothing chosen: the sentences say what is missing, nothing is written.
  await form.getByRole('button', { name: 'Zaplanuj lekcję' }).click();
  await expect(form.locator('#lesson-tutor-error')).toBeVisible();

  await form.locator('#lesson-tutor').selectOption({ label: p.tutorName });
  await form.locator('#lesson-subject').selectOption({ label: p.subject });
  await form.locator('#lesson-date').fill(`${d}.${m}.${y}`);
  await form.locator('#lesson-start').fill('10:00');
  await form.locator('#lesson-end').fill('11:00');
  await form.locator('#lesson-place').selectOption('online');
  await form.locator('#lesson-url').fill('https://meet.example.test/nowa');
  await form.locator('#lesson-students').fill(p.studentName);
  await form.getByLabel(p.studentName).check();
  await form.getByRole('button', { name: 'Zaplanuj lekcję' }).click();
  await expect(page.getByText('Lekcja zaplanowana.')).toBeVisible();

  const sql = e2eSql();
  let created: string;
  try {
    const rows = await sql`
      select l.id, to_char(lower(l.during) at time zone 'Europe/Warsaw', 'YYYY-MM-DD HH24:MI') as start
        from lessons l join tutors t on t.id = l.tutor_id join users u on u.id = t.user_id
       where u.email = 'tutor1@demo.tutorhub.pl' and l.meeting_url = 'https://meet.example.test/nowa' and l.status = 'scheduled'`;
    expect(rows.map((r) => r.start)).toEqual([`${wednesday} 10:00`]);
    created = rows[0].id;
  } finally {
    await sql.end();
  }
  const lesson = page.locator(`[data-lesson-id="${created}"]`);
  await expect(lesson).toBeVisible();

  // Cancel: asks first, needs a reason, then the lesson leaves the calendar (cancelled ones are hidden by default).
  await lesson.click();
  const detail = page.getByTestId('lesson-detail');
  await expect(detail).toContainText(p.studentName);
  await detail.getByRole('button', { name: 'Odwołaj lekcję' }).click();
  const confirm = page.getByRole('alertdialog');
  await confirm.locator('#cancel-reason').fill('Choroba lektora');
  await confirm.getByRole('button', { name: 'Odwołaj lekcję' }).click();
  await expect(page.getByText('Lekcja odwołana.')).toBeVisible();
  await expect(lesson).toHaveCount(0);
  await page.getByLabel('Pokaż odwołane').check();
  await expect(lesson).toBeVisible();
  await expect(page).toHaveURL(/cancelled=1/);
  await page.close();
});

test('screenshots of the calendar at 1280 and 390 px, light and dark', async ({ browser }) => {
  const p = await plan();
  for (const scheme of ['light', 'dark'] as const) {
    for (const width of [1280, 390]) {
      const context = await browser.newContext({ viewport: { width, height: width > 500 ? 900 : 844 }, colorScheme: scheme });
      const page = await context.newPage();
      await signInWithPassword(page, 'admin@demo.tutorhub.pl');
      await page.waitForURL(/\/admin$/);
      await page.goto(`/admin/calendar?date=${p.monday}${width > 500 ? '&view=week' : ''}`);
      await expect(page.locator(`[data-lesson-id="${p.first}"]`)).toBeVisible();
      // Nothing wider than the screen.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      await keepScreenshot(page, { path: `e2e/.screens/calendar/admin-${width}-${scheme}.png`, fullPage: width > 500 });
      if (width === 1280 && scheme === 'light') {
        await page.locator(`[data-lesson-id="${p.first}"]`).click();
        await keepScreenshot(page, { path: `e2e/.screens/calendar/detail-${width}-${scheme}.png` });
        await page.keyboard.press('Escape');
        await page.getByRole('button', { name: 'Miesiąc' }).click();
        await expect(page).toHaveURL(/view=month/);
        await keepScreenshot(page, { path: `e2e/.screens/calendar/month-${width}-${scheme}.png`, fullPage: true });
      }
      await page.getByRole('button', { name: 'Nowa lekcja' }).click();
      await expect(page.getByTestId('create-lesson-form')).toBeVisible();
      await keepScreenshot(page, { path: `e2e/.screens/calendar/create-${width}-${scheme}.png` });
      await page.keyboard.press('Escape');
      await context.close();
    }
  }
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await signInWithPassword(page, p.studentEmail);
  await page.waitForURL(/\/student$/);
  await page.goto(`/student/calendar?date=${p.monday}`);
  await expect(page.locator(`[data-lesson-id="${p.first}"]`)).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await keepScreenshot(page, { path: 'e2e/.screens/calendar/student-390-light.png', fullPage: true });
  await context.close();
});
