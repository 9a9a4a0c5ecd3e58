import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { expectHome, signInWithPassword } from './fixtures/auth';
import { e2eSql } from './fixtures/db';

// Set AVAILABILITY_SCREENSHOT_DIR to keep screenshots of the pages at 1280 and 390 px, light and dark.
const screenshotDir = process.env.AVAILABILITY_SCREENSHOT_DIR;

async function screenshots(page: Page, name: string) {
  if (!screenshotDir) return;
  fs.mkdirSync(screenshotDir, { recursive: true });
  for (const theme of ['light', 'dark'] as const) {
    await page.evaluate((value) => localStorage.setItem('theme', value), theme);
    await page.reload();
    await expect(page.locator('html')).toHaveClass(new RegExp(`\\b${theme}\\b`));
    for (const [suffix, size] of [
      ['1280', { width: 1280, height: 900 }],
      ['390', { width: 390, height: 844 }],
    ] as const) {
      await page.setViewportSize(size);
      await page.screenshot({ path: path.join(screenshotDir, `${name}-${theme}-${suffix}.png`), fullPage: true });
    }
  }
  await page.evaluate(() => localStorage.setItem('theme', 'light'));
  await page.setViewportSize({ width: 1280, height: 720 });
}

/** A calendar date `days` from today in the school's zone, as the date input takes it. */
function dayFromToday(days: number) {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Warsaw' }).format(new Date());
  const d = new Date(`${today}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
const polish = (date: string) => date.split('-').reverse().join('.');

/** Each test starts from a tutor with no hours and no time off (nothing else relies on these rows). */
async function clearAvailability(email: string) {
  const sql = e2eSql();
  try {
    const [tutor] = await sql<{ id: string }[]>`select id from tutors where email = ${email}`;
    await sql`delete from tutor_availability where tutor_id = ${tutor.id}`;
    await sql`delete from tutor_time_off where tutor_id = ${tutor.id}`;
    return tutor.id;
  } finally {
    await sql.end();
  }
}

test('an admin sets a tutor’s Tuesday hours on the tutor page, and they are there after a reload', async ({ page }) => {
  const tutorId = await clearAvailability('tutor3@demo.tutorhub.pl');
  await signInWithPassword(page, 'admin@demo.tutorhub.pl');
  await expectHome(page, '/admin');
  await page.goto(`/admin/tutors/${tutorId}`);
  await expect(page.getByTestId('hours-note')).toContainText('lekcje można planować o każdej porze');
  await expect(page.getByTestId('weekday-2')).toContainText('Nie pracuje');
  await screenshots(page, 'admin-tutor-empty');

  await page.getByRole('button', { name: 'Dodaj godziny: Wtorek' }).click();
  await page.getByLabel('Wtorek: Od').selectOption('15:00');
  await page.getByLabel('Wtorek: Do').selectOption('19:30');
  // A second Tuesday interval overlapping the first is refused next to the field.
  await page.getByRole('button', { name: 'Dodaj godziny: Wtorek' }).click();
  await page.locator('#hours-2-1-start').selectOption('19:00');
  await page.locator('#hours-2-1-end').selectOption('21:00');
  await page.getByRole('button', { name: 'Zapisz godziny' }).click();
  await expect(page.getByTestId('weekday-2').getByRole('alert')).toHaveText('Godziny tego dnia nakładają się na siebie.');
  await page.getByRole('button', { name: 'Usuń godziny 19:00–21:00: Wtorek' }).click();
  await page.getByRole('button', { name: 'Zapisz godziny' }).click();
  await expect(page.getByText('Godziny pracy zapisane.')).toBeVisible();

  await page.reload();
  await expect(page.getByLabel('Wtorek: Od')).toHaveValue('15:00');
  await expect(page.getByLabel('Wtorek: Do')).toHaveValue('19:30');
  await expect(page.getByTestId('weekday-1')).toContainText('Nie pracuje');
  await expect(page.getByTestId('hours-note')).toContainText('Lekcje poza tymi godzinami są odrzucane');
  await screenshots(page, 'admin-tutor-hours');
});

test('a tutor adds their own time off from the menu, sees it in Polish dates, and removes it after confirming', async ({ page }) => {
  await clearAvailability('tutor4@demo.tutorhub.pl');
  await signInWithPassword(page, 'tutor4@demo.tutorhub.pl');
  await expectHome(page, '/tutor');
  await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Dostępność' }).click();
  await expect(page).toHaveURL(/\/tutor\/availability$/);
  await expect(page.getByRole('heading', { name: 'Moja dostępność' })).toBeVisible();
  await expect(page.getByTestId('empty-state')).toContainText('Brak zaplanowanych dni wolnych');

  const first = dayFromToday(10);
  const last = dayFromToday(12);
  await page.locator('#timeoff-first').fill(first);
  await page.locator('#timeoff-last').fill(last);
  await page.locator('#timeoff-reason').fill('Konferencja metodyczna');
  await page.getByRole('button', { name: 'Dodaj dni wolne' }).click();
  const days = `${polish(first)}–${polish(last)}`;
  await expect(page.getByText(`Dodano dni wolne ${days}.`)).toBeVisible();
  await expect(page.getByTestId('time-off-list')).toContainText(days);
  await expect(page.getByTestId('time-off-list')).toContainText('Konferencja metodyczna');

  await page.reload();
  await expect(page.getByTestId('time-off-list')).toContainText(days);
  await screenshots(page, 'tutor-availability');

  await page.getByRole('button', { name: `Usuń dni wolne ${days}` }).click();
  await expect(page.getByRole('alertdialog')).toContainText(days);
  await page.getByRole('alertdialog').getByRole('button', { name: 'Usuń' }).click();
  await expect(page.getByText(`Usunięto dni wolne ${days}.`)).toBeVisible();
  await expect(page.getByTestId('empty-state')).toBeVisible();
});
