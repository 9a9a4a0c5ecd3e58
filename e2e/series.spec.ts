import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import Holidays from 'date-holidays';
import { signInWithPassword } from './fixtures/auth';
import { e2eSql } from './fixtures/db';

// Journeys of the office: a weekly series across a public holiday, a second series that clashes
// on one date (skipped on request), and a closure that cancels a booked lesson and emails.
// Everything happens weeks ahead, at 08:00 (the demo term keeps weekday mornings free; tutors
// work from 08:00), online, with tutors no other journey plans for. The journey's own series
// are told apart from the demo term's by their meeting link.

const ADMIN = 'admin@demo.tutorhub.pl';
const shotDir = process.env.SERIES_SCREENSHOTS;
const LINK = 'https://meet.example.test/series-e2e';

const DAY = 86_400_000;
const iso = (d: Date) => d.toISOString().slice(0, 10);
const addDays = (date: string, n: number) => iso(new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY));
const pl = (date: string) => date.split('-').reverse().join('.');
const isoWeekday = (date: string) => ((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
const weekdayName = ['poniedziałek', 'wtorek', 'środa', 'czwartek', 'piątek', 'sobota', 'niedziela'];

/** The first Polish public holiday on a weekday at least four weeks ahead, and the series around it. */
function plan() {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Warsaw' }).format(new Date());
  const hd = new Holidays('PL');
  const year = Number(today.slice(0, 4));
  const holiday = [...hd.getHolidays(year), ...hd.getHolidays(year + 1)]
    .filter((h) => h.type === 'public')
    .map((h) => ({ date: h.date.slice(0, 10), name: h.name }))
    .find((h) => h.date >= addDays(today, 28) && isoWeekday(h.date) <= 5)!;
  const firstDate = addDays(holiday.date, -14);
  const lastDate = addDays(holiday.date, 14);
  // The series' own dates on that weekday, minus every public holiday in the range.
  const holidays = new Set([...hd.getHolidays(year), ...hd.getHolidays(year + 1)].filter((h) => h.type === 'public').map((h) => h.date.slice(0, 10)));
  const dates = [0, 7, 14, 21, 28].map((n) => addDays(firstDate, n)).filter((d) => !holidays.has(d));
  return { today, holiday, firstDate, lastDate, dates, weekday: isoWeekday(holiday.date) };
}

async function people() {
  const sql = e2eSql();
  try {
    const tutors = await sql`
      select t.id, t.first_name || ' ' || t.last_name as name, u.email, ts.subject_id, sub.name as subject
        from users u join tutors t on t.user_id = u.id
        join tutor_subjects ts on ts.tutor_id = t.id join subjects sub on sub.id = ts.subject_id
       where lower(u.email) in ('tutor11@demo.tutorhub.pl', 'tutor12@demo.tutorhub.pl') order by u.email, sub.name`;
    const [schoolRow] = await sql`select school_id from users where lower(email) = ${ADMIN}`;
    const students = await sql`
      select id, first_name || ' ' || last_name as name from students
       where school_id = ${schoolRow.school_id} and status = 'active' order by last_name desc, first_name limit 2`;
    const by = (email: string) => tutors.find((t) => t.email.toLowerCase() === email)!;
    const closures = await sql`select to_char(first_day, 'YYYY-MM-DD') as first, to_char(last_day, 'YYYY-MM-DD') as last from school_closures where school_id = ${schoolRow.school_id}`;
    const closed = (date: string) => closures.some((c) => c.first <= date && date <= c.last);
    return { schoolId: schoolRow.school_id as string, t12: by('tutor12@demo.tutorhub.pl'), t11: by('tutor11@demo.tutorhub.pl'), students, closed };
  } finally {
    await sql.end();
  }
}

async function shoot(page: Page, name: string) {
  if (!shotDir) return;
  fs.mkdirSync(shotDir, { recursive: true });
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const [label, size] of [
      ['desktop', { width: 1280, height: 800 }],
      ['phone', { width: 390, height: 844 }],
    ] as const) {
      await page.setViewportSize(size);
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: path.join(shotDir, `${name}-${label}-${scheme}.png`), fullPage: true });
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 1280, height: 800 });
}

async function fillSeries(page: Page, input: { tutor: string; subject: string; student: string; weekday: number; firstDate: string; lastDate: string }) {
  await page.goto('/admin/series/new');
  await expect(page.getByTestId('series-new-title')).toBeVisible();
  await page.locator('#series-tutor').selectOption({ label: input.tutor });
  await page.locator('#series-subject').selectOption({ label: input.subject });
  await page.locator('#series-url').fill(LINK);
  await page.getByRole('button', { name: weekdayName[input.weekday - 1], exact: true }).click();
  await page.locator('#series-time').fill('08:00');
  await page.locator('#series-duration').fill('60');
  await page.locator('#series-first').fill(input.firstDate);
  await page.locator('#series-last').fill(input.lastDate);
  await page.getByRole('checkbox', { name: input.student, exact: true }).check();
}

test('an admin plans weekly series across a holiday, skips a clash, and a closure cancels a booked lesson', async ({ page }) => {
  test.setTimeout(120_000);
  const who = await people();
  const planned = plan();
  // The series' dates minus the school's breaks too (the demo has its year's breaks).
  const p = { ...planned, dates: planned.dates.filter((d) => !who.closed(d)) };
  const [ola, kuba] = who.students;
  await page.setViewportSize({ width: 1280, height: 800 });
  await signInWithPassword(page, ADMIN);
  await expect(page).toHaveURL(/\/admin$/);

  // The demo term's series are listed.
  await page.goto('/admin/series');
  await expect(page.getByTestId('series-title')).toBeVisible();
  await expect(page.getByTestId('series-table')).toBeVisible();

  // 1. A series across the holiday: the preview skips it by name; all other dates are created.
  await fillSeries(page, { tutor: who.t12.name, subject: who.t12.subject, student: ola.name, weekday: p.weekday, firstDate: p.firstDate, lastDate: p.lastDate });
  await page.getByRole('button', { name: 'Pokaż terminy' }).click();
  await expect(page.getByTestId('series-skipped')).toContainText(`${pl(p.holiday.date)} — święto: ${p.holiday.name}`);
  await expect(page.getByTestId('series-dates').locator('li')).toHaveCount(p.dates.length);
  await shoot(page, 'series-new-preview');
  await page.getByRole('button', { name: 'Utwórz cykl' }).click();
  await expect(page).toHaveURL(/\/admin\/series\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId('series-lessons').locator('li')).toHaveCount(p.dates.length);
  await shoot(page, 'series-detail');

  const sql = e2eSql();
  try {
    const first = await sql`
      select l.id, to_char(lower(l.during) at time zone 'Europe/Warsaw', 'YYYY-MM-DD HH24:MI') as local, l.status
        from lessons l join lesson_series s on s.id = l.series_id where s.tutor_id = ${who.t12.id} and s.meeting_url = ${LINK} order by lower(l.during)`;
    expect(first.map((l) => l.local)).toEqual(p.dates.map((d) => `${d} 08:00`));

    // 2. Another tutor already teaches on the second date at 08:00: the series lists that
    // date and creates nothing, then creates the rest when the admin skips it.
    const clashDate = p.dates[1];
    await sql`
      insert into lessons (school_id, tutor_id, subject_id, meeting_url, during)
      values (${who.schoolId}, ${who.t11.id}, ${who.t11.subject_id}, 'https://meet.example.test/clash',
              tstzrange((${clashDate}::date + time '08:00') at time zone 'Europe/Warsaw', (${clashDate}::date + time '09:00') at time zone 'Europe/Warsaw', '[)'))`;
    await fillSeries(page, { tutor: who.t11.name, subject: who.t11.subject, student: kuba.name, weekday: p.weekday, firstDate: p.firstDate, lastDate: p.lastDate });
    await page.getByRole('button', { name: 'Utwórz cykl' }).click();
    const clashes = page.getByTestId('series-clashes');
    await expect(clashes).toContainText(`${pl(clashDate)} 08:00–09:00`);
    await expect(clashes).toContainText(who.t11.name);
    await expect(clashes.locator('li')).toHaveCount(1);
    expect((await sql`select count(*)::int as n from lesson_series where tutor_id = ${who.t11.id} and meeting_url = ${LINK}`)[0].n).toBe(0);
    await shoot(page, 'series-new-clash');
    await clashes.getByRole('button', { name: 'Pomiń te daty i utwórz pozostałe' }).click();
    await expect(page).toHaveURL(/\/admin\/series\/[0-9a-f-]{36}$/);
    const second = await sql`select to_char(lower(l.during) at time zone 'Europe/Warsaw', 'YYYY-MM-DD') as day from lessons l join lesson_series s on s.id = l.series_id where s.tutor_id = ${who.t11.id} and s.meeting_url = ${LINK} order by 1`;
    expect(second.map((l) => l.day)).toEqual(p.dates.filter((d) => d !== clashDate));

    await page.goto('/admin/series');
    for (const row of await sql`select id from lesson_series where meeting_url = ${LINK}`) {
      await expect(page.getByTestId('series-table').locator(`a[href="/admin/series/${row.id}"]`)).toBeVisible();
    }
    await shoot(page, 'series-list');

    // 3. A day off on the third date: the dialog says it cancels lessons, then they are
    // cancelled (never charged) and the people affected get an email.
    const closed = p.dates[2];
    const since = new Date(Date.now() - 1000);
    await page.goto('/admin/closures');
    await expect(page.getByTestId('closures-table')).toBeVisible();
    await page.getByRole('button', { name: 'Dodaj przerwę' }).first().click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('#closure-name').fill('Dzień dyrektorski');
    await dialog.locator('#closure-kind').selectOption('day_off');
    await dialog.locator('#closure-first').fill(closed);
    await dialog.locator('#closure-last').fill(closed);
    await dialog.getByRole('button', { name: 'Zapisz' }).click();
    await expect(dialog.getByTestId('closure-confirm')).toContainText(/Ta przerwa odwoła \d+ lekcj/);
    await shoot(page, 'closures-confirm');
    await dialog.getByRole('button', { name: 'Zapisz i odwołaj lekcje' }).click();
    await expect(page.getByText(/Zapisano przerwę; odwołano/)).toBeVisible();
    await expect(page.getByTestId('closures-table')).toContainText(pl(closed));
    await shoot(page, 'closures-list');

    const [cancelled] = await sql`
      select l.status, l.cancel_reason from lessons l join lesson_series s on s.id = l.series_id
       where s.tutor_id = ${who.t12.id} and s.meeting_url = ${LINK} and (lower(l.during) at time zone 'Europe/Warsaw')::date = ${closed}::date`;
    expect(cancelled).toMatchObject({ status: 'cancelled', cancel_reason: 'closure: Dzień dyrektorski' });
    const mail = await sql`select to_address, subject from email_outbox where template = 'lessons-cancelled-closure' and created_at >= ${since}`;
    expect(mail.map((m) => m.to_address.toLowerCase())).toContain('tutor12@demo.tutorhub.pl');
    expect(mail[0].subject).toContain('Dzień dyrektorski');

    // 4. "This and the following" from the second date: 09:00 instead of 08:00. The old lessons
    // from then on are cancelled; the new series skips the day off as well.
    const [own] = await sql`select id from lesson_series where tutor_id = ${who.t12.id} and meeting_url = ${LINK}`;
    await page.goto(`/admin/series/${own.id}?from=${p.dates[1]}`);
    const change = page.getByRole('dialog');
    await expect(change.locator('#change-from')).toHaveValue(p.dates[1]);
    await change.locator('#change-time').fill('09:00');
    await shoot(page, 'series-change-from');
    await change.getByRole('button', { name: 'Zapisz' }).click();
    await expect(page.getByText(/Zmieniono cykl: odwołano \d+, utworzono \d+/)).toBeVisible();
    const after = await sql`
      select to_char(lower(l.during) at time zone 'Europe/Warsaw', 'YYYY-MM-DD HH24:MI') as local, l.status, l.cancel_reason
        from lessons l join lesson_series s on s.id = l.series_id where s.tutor_id = ${who.t12.id} and s.meeting_url = ${LINK} order by lower(l.during), l.status`;
    expect(after.map((l) => [l.local, l.status])).toEqual([
      [`${p.dates[0]} 08:00`, 'scheduled'],
      [`${p.dates[1]} 08:00`, 'cancelled'],
      [`${p.dates[1]} 09:00`, 'scheduled'],
      [`${p.dates[2]} 08:00`, 'cancelled'],
      ...p.dates.slice(3).flatMap((d) => [
        [`${d} 08:00`, 'cancelled'],
        [`${d} 09:00`, 'scheduled'],
      ]),
    ]);
  } finally {
    await sql.end();
  }
});
