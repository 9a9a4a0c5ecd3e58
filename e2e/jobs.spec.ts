import { createHmac } from 'node:crypto';
import fs from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectHome, signInWithPassword } from './fixtures/auth';
import { e2eSql } from './fixtures/db';
import { keepScreenshot } from './fixtures/shots';

const ADMIN = 'admin@demo.tutorhub.pl';
const TUTOR = 'tutor1@demo.tutorhub.pl';
const PARENT = 'parent3@demo.tutorhub.pl';
const SHOTS = process.env.E2E_SHOTS_DIR ?? 'e2e/.screens/jobs';

type Saved = { schoolId: string; schoolName: string; adminName: string; lessonReminderHours: number; creditId: string | null; creditExpiresAt: Date | null };
let saved: Saved;

/** The signed unsubscribe link's query, computed as lib/notifications/unsubscribe.ts does (HMAC-SHA256 of school and address with AUTH_SECRET). */
function unsubscribeQuery(schoolId: string, email: string): string {
  const t = createHmac('sha256', process.env.AUTH_SECRET!).update(`unsubscribe:${schoolId}:${email.toLowerCase()}`).digest('base64url').slice(0, 32);
  return new URLSearchParams({ s: schoolId, e: email.toLowerCase(), t }).toString();
}

// One open makeup credit of the demo school is made to have run out yesterday, so "run now"
// has something to expire; it, the reminder hours and the parent's subscription are put back.
test.beforeAll(async () => {
  const sql = e2eSql();
  try {
    const [school] = await sql<{ schoolId: string; schoolName: string; adminName: string; lessonReminderHours: number }[]>`
      select s.id as "schoolId", s.name as "schoolName", u.name as "adminName", s.lesson_reminder_hours as "lessonReminderHours"
        from schools s join users u on u.school_id = s.id and u.email = ${ADMIN} where s.slug = 'na-piatke'`;
    const [credit] = await sql<{ id: string; expiresAt: Date }[]>`
      select id, expires_at as "expiresAt" from makeup_credits where school_id = ${school.schoolId} and status = 'open' order by expires_at limit 1`;
    saved = { ...school, creditId: credit?.id ?? null, creditExpiresAt: credit?.expiresAt ?? null };
    if (credit) await sql`update makeup_credits set expires_at = now() - interval '1 day' where id = ${credit.id}`;
  } finally {
    await sql.end();
  }
});

test.afterAll(async () => {
  const sql = e2eSql();
  try {
    await sql`update schools set lesson_reminder_hours = ${saved.lessonReminderHours} where id = ${saved.schoolId}`;
    if (saved.creditId) {
      await sql`update makeup_credits set status = 'open', expired_at = null, expires_at = ${saved.creditExpiresAt} where id = ${saved.creditId}`;
    }
    await sql`delete from email_unsubscribes where school_id = ${saved.schoolId} and lower(email) = ${PARENT}`;
  } finally {
    await sql.end();
  }
});

async function shoot(browser: Browser, page: Page, path: string, name: string) {
  const state = await page.context().storageState();
  fs.mkdirSync(SHOTS, { recursive: true });
  for (const width of [1280, 390]) {
    const context = await browser.newContext({ storageState: state, viewport: { width, height: width > 500 ? 900 : 844 }, locale: 'pl-PL', timezoneId: 'Europe/Warsaw' });
    const p = await context.newPage();
    await p.goto(path);
    await p.waitForLoadState('networkidle');
    const overflow = await p.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${name} scrolls sideways by ${overflow}px at ${width}`).toBeLessThanOrEqual(0);
    await keepScreenshot(p, { path: `${SHOTS}/${name}-${width}.png`, fullPage: true });
    const { violations } = await new AxeBuilder({ page: p }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), `${name} at ${width}`).toEqual([]);
    await context.close();
  }
}

test('the admin opens the automated jobs, runs makeup expiry now and sees the run with what it did', async ({ browser, page }) => {
  test.setTimeout(120_000);
  await signInWithPassword(page, ADMIN);
  await expectHome(page, '/admin');
  await page.getByRole('navigation').getByRole('link', { name: 'Zadania automatyczne' }).first().click();
  await expect(page).toHaveURL(/\/admin\/jobs$/);
  await expect(page.getByTestId('jobs-title')).toHaveText('Zadania automatyczne');

  // Each job says when it runs for this school.
  await expect(page.getByTestId('job-monthly-billing').getByTestId('job-schedule')).toHaveText(/^\d{1,2}\. dnia miesiąca o 6:00$/);
  await expect(page.getByTestId('job-overdue-check').getByTestId('job-schedule')).toHaveText(/^codziennie o \d{1,2}:00$/);
  await expect(page.getByTestId('job-lesson-reminders').getByTestId('job-schedule')).toHaveText('co godzinę');

  // Billing's confirm dialog says it issues the month's invoices today; cancelling runs nothing.
  await page.getByRole('button', { name: 'Uruchom teraz: Wystawianie faktur' }).click();
  const billingDialog = page.getByRole('alertdialog');
  await expect(billingDialog).toContainText('zostaną wystawione teraz');
  await billingDialog.getByRole('button', { name: 'Anuluj' }).click();
  await expect(billingDialog).toBeHidden();

  const card = page.getByTestId('job-makeup-expiry');
  const runsBefore = await card.getByTestId('job-run').count();
  await card.getByRole('button', { name: 'Uruchom teraz: Wygasanie odrobień' }).click();
  const dialog = page.getByRole('alertdialog');
  await expect(dialog).toContainText('Uruchomić teraz: Wygasanie odrobień?');
  await dialog.getByRole('button', { name: 'Uruchom' }).click();
  await expect(card.getByTestId('run-result')).toHaveText(/^Zakończono: .*wygaszono [1-9]\d*/);

  // The new run heads the list: started by hand by this admin, finished, with its counts in words.
  await expect(card.getByTestId('job-run')).toHaveCount(Math.min(runsBefore + 1, 5));
  const newest = card.getByTestId('job-run').first();
  await expect(newest).toContainText(`ręcznie: ${saved.adminName}`);
  await expect(newest).toContainText('zakończone');
  await expect(newest.getByTestId('job-run-result')).toHaveText(/wygaszono [1-9]\d*/);

  if (saved.creditId) {
    const sql = e2eSql();
    try {
      const [credit] = await sql<{ status: string }[]>`select status from makeup_credits where id = ${saved.creditId}`;
      expect(credit.status).toBe('expired');
    } finally {
      await sql.end();
    }
  }

  await shoot(browser, page, '/admin/jobs', 'jobs');
});

test('the admin changes the lesson reminder hours, and 500 hours is refused at the field', async ({ page }) => {
  await signInWithPassword(page, ADMIN);
  await expectHome(page, '/admin');
  await page.goto('/admin/settings#notifications');
  const section = page.getByTestId('notification-settings-form');
  await expect(section.getByRole('heading', { name: 'Powiadomienia i przypomnienia' })).toBeVisible();
  const hours = section.locator('#lessonReminderHours');
  await expect(hours).toHaveValue(String(saved.lessonReminderHours));

  await hours.fill('36');
  await expect(section.locator('#lessonReminderHours-description')).toContainText('36 h przed lekcją');
  await section.getByRole('button', { name: 'Zapisz' }).click();
  await expect(page.getByText('Zapisano ustawienia powiadomień.')).toBeVisible();
  await page.reload();
  await expect(section.locator('#lessonReminderHours')).toHaveValue('36');

  await section.locator('#lessonReminderHours').fill('500');
  await section.getByRole('button', { name: 'Zapisz' }).click();
  await expect(section.locator('#lessonReminderHours-error')).toHaveText('Wpisz pełną liczbę godzin od 0 do 168 (najwyżej tydzień).');
  await expect(section.locator('#lessonReminderHours')).toHaveAttribute('aria-invalid', 'true');
  await page.reload();
  await expect(section.locator('#lessonReminderHours')).toHaveValue('36');

  // The section as the owner sees it, wide and on a phone.
  fs.mkdirSync(SHOTS, { recursive: true });
  await keepScreenshot(section, { path: `${SHOTS}/notification-settings-1280.png` });
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  await keepScreenshot(section, { path: `${SHOTS}/notification-settings-390.png` });

  // The job page reads the same setting.
  await page.goto('/admin/jobs');
  await expect(page.getByTestId('job-lesson-reminders')).toContainText('Przypomnienie 36 h przed lekcją.');
});

test('a tutor is sent away from the automated jobs', async ({ page }) => {
  await signInWithPassword(page, TUTOR);
  await expectHome(page, '/tutor');
  const response = await page.request.get('/admin/jobs', { maxRedirects: 0 });
  expect(response.status()).toBe(307);
  expect(new URL(response.headers().location!, page.url()).pathname).toBe('/tutor');
  await page.goto('/admin/jobs');
  await expect(page).toHaveURL(/\/tutor$/);
  await expect(page.getByRole('navigation').getByRole('link', { name: 'Zadania automatyczne' })).toHaveCount(0);
});

test('a parent unsubscribes from reminders through the emailed link without signing in, and can undo it; a tampered link is refused', async ({ browser }) => {
  test.setTimeout(120_000);
  const context = await browser.newContext({ locale: 'pl-PL', timezoneId: 'Europe/Warsaw' });
  const page = await context.newPage();
  const query = unsubscribeQuery(saved.schoolId, PARENT);
  const unsubscribed = async () => {
    const sql = e2eSql();
    try {
      return (await sql`select 1 from email_unsubscribes where school_id = ${saved.schoolId} and lower(email) = ${PARENT}`).length === 1;
    } finally {
      await sql.end();
    }
  };

  // The emailed address opens the page; opening it changes nothing.
  await page.goto(`/api/unsubscribe?${query}`);
  await expect(page).toHaveURL(new RegExp(`/unsubscribe\\?${query.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
  await expect(page.getByRole('heading', { name: 'Wypisz się z przypomnień' })).toBeVisible();
  await expect(page.getByTestId('unsubscribe-description')).toHaveText(
    `${saved.schoolName} wysyła na adres ${PARENT} przypomnienia o zbliżających się lekcjach, terminach płatności i wygasających odrobieniach.`,
  );
  expect(await unsubscribed()).toBe(false);
  await shoot(browser, page, `/unsubscribe?${query}`, 'unsubscribe');

  await page.getByRole('button', { name: 'Wypisz mnie z przypomnień' }).click();
  await expect(page.getByRole('heading', { name: 'Wypisano z przypomnień' })).toBeVisible();
  await expect(page.getByTestId('unsubscribe-description')).toHaveText(`${saved.schoolName} nie będzie już wysyłać przypomnień na adres ${PARENT}.`);
  await expect(page.getByText('Gotowe. Jeśli to pomyłka, możesz od razu zapisać się ponownie.')).toBeVisible();
  expect(await unsubscribed()).toBe(true);
  await shoot(browser, page, `/unsubscribe?${query}`, 'unsubscribed');

  await page.getByRole('button', { name: 'Zapisz mnie ponownie' }).click();
  await expect(page.getByText('Zapisano ponownie: przypomnienia znów będą przychodzić.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Wypisz mnie z przypomnień' })).toBeVisible();
  expect(await unsubscribed()).toBe(false);

  // A link with another address under the same signature: a plain explanation, a 200 page, nothing changed.
  const tampered = query.replace(encodeURIComponent(PARENT), encodeURIComponent('parent4@demo.tutorhub.pl'));
  const response = await page.goto(`/unsubscribe?${tampered}`);
  expect(response?.status()).toBe(200);
  await expect(page.getByRole('heading', { name: 'Ten link nie działa' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Wypisz mnie z przypomnień' })).toHaveCount(0);

  // A mail client's one-click unsubscribe: a POST to the emailed address, no page.
  const refused = await page.request.post(`/api/unsubscribe?${tampered}`, { form: { 'List-Unsubscribe': 'One-Click' } });
  expect(refused.status()).toBe(400);
  const oneClick = await page.request.post(`/api/unsubscribe?${query}`, { form: { 'List-Unsubscribe': 'One-Click' } });
  expect(oneClick.status()).toBe(200);
  expect(await unsubscribed()).toBe(true);
  await context.close();
});
