import fs from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { expectHome, signInWithPassword } from './fixtures/auth';
import { e2eSql } from './fixtures/db';
import { keepScreenshot } from './fixtures/shots';

const ADMIN = 'admin@demo.tutorhub.pl';
const SHOTS = process.env.E2E_SHOTS_DIR ?? 'e2e/.screens/settings';

// Other journeys count on the demo school's 24 hours of notice. The journey sets it back
// itself; this puts it back even when the journey fails half-way.
test.afterAll(async () => {
  const sql = e2eSql();
  try {
    await sql`update schools set cancellation_notice_hours = 24, phone = '+48 22 555 01 23' where slug = 'na-piatke'`;
    await sql`delete from school_logos where school_id = (select id from schools where slug = 'na-piatke')`;
  } finally {
    await sql.end();
  }
});

function cancellationsSection(page: Page) {
  return page.getByRole('region', { name: 'Odwołania i odrabianie' });
}

async function save(page: Page) {
  await cancellationsSection(page).getByRole('button', { name: 'Zapisz' }).click();
}

test('the admin changes the cancellation notice to 48 h, it stays after a reload, a wrong value is refused, and it goes back to 24 h', async ({ page }) => {
  await signInWithPassword(page, ADMIN);
  await expectHome(page, '/admin');
  await page.getByRole('navigation').getByRole('link', { name: 'Ustawienia' }).first().click();
  await expect(page).toHaveURL(/\/admin\/settings$/);
  await expect(page.getByTestId('settings-title')).toHaveText('Ustawienia');

  const section = cancellationsSection(page);
  const notice = section.locator('#cancellationNoticeHours');
  await expect(notice).toHaveValue('24');
  await expect(section).toContainText('Odwołanie co najmniej 24 h przed lekcją daje prawo do odrobienia');

  // The help sentence follows the number being typed; saving says so and the value stays.
  await notice.fill('48');
  await expect(section).toContainText('Odwołanie co najmniej 48 h przed lekcją daje prawo do odrobienia');
  await save(page);
  await expect(page.getByText('Zapisano ustawienia.')).toBeVisible();
  await page.reload();
  await expect(notice).toHaveValue('48');

  // Out of range: the field says what it takes, and nothing is saved.
  await notice.fill('800');
  await save(page);
  await expect(section.locator('#cancellationNoticeHours-error')).toHaveText('Wpisz pełną liczbę godzin od 0 do 720.');
  await expect(notice).toHaveAttribute('aria-invalid', 'true');
  await expect(notice).toBeFocused();
  await notice.fill('');
  await save(page);
  await expect(section.locator('#cancellationNoticeHours-error')).toHaveText('Wpisz pełną liczbę godzin od 0 do 720.');
  fs.mkdirSync(SHOTS, { recursive: true });
  await keepScreenshot(page, { path: `${SHOTS}/error-1280-light.png` });
  await page.reload();
  await expect(notice).toHaveValue('48');

  // Back to the 24 hours other journeys rely on.
  await notice.fill('24');
  await save(page);
  await expect(page.getByText('Zapisano ustawienia.')).toBeVisible();
  await page.reload();
  await expect(notice).toHaveValue('24');
});

test('the settings page fits at 1280 and 390 px, light and dark, with no serious accessibility violation', async ({ browser, page }) => {
  await signInWithPassword(page, ADMIN);
  await expectHome(page, '/admin');
  const state = await page.context().storageState();
  fs.mkdirSync(SHOTS, { recursive: true });
  for (const colorScheme of ['light', 'dark'] as const) {
    for (const width of [1280, 390]) {
      const context = await browser.newContext({ storageState: state, viewport: { width, height: width > 500 ? 900 : 844 }, colorScheme });
      const phone = await context.newPage();
      await phone.goto('/admin/settings');
      await expect(cancellationsSection(phone).locator('#cancellationNoticeHours')).toBeVisible();
      await phone.waitForLoadState('networkidle');
      const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `settings scrolls sideways by ${overflow}px at ${width}`).toBeLessThanOrEqual(0);
      await keepScreenshot(phone, { path: `${SHOTS}/settings-${width}-${colorScheme}.png`, fullPage: true });
      const { violations } = await new AxeBuilder({ page: phone }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
      if (width === 390 && colorScheme === 'light') {
        await cancellationsSection(phone).locator('#makeupCreditDays').fill('0');
        await save(phone);
        await expect(phone.locator('#makeupCreditDays-error')).toBeVisible();
        await keepScreenshot(phone, { path: `${SHOTS}/error-390-light.png` });
      }
      await context.close();
    }
  }
});

// A real 1×1 PNG, as a person would choose from their disk.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

test("the admin changes the school's phone, puts up a logo that the school's public address serves, and takes it off again", async ({ page }) => {
  await signInWithPassword(page, ADMIN);
  await expectHome(page, '/admin');
  await page.goto('/admin/settings');
  const school = page.getByRole('region', { name: 'Szkoła', exact: true });
  const phone = school.getByLabel('Telefon sekretariatu');
  await expect(phone).toHaveValue('+48 22 555 01 23');
  await phone.fill('22 765 43 21');
  await school.getByRole('button', { name: 'Zapisz' }).click();
  await expect(page.getByText('Zapisano dane szkoły.')).toBeVisible();
  await expect(phone).toHaveValue('+48 22 765 43 21');

  // A text file dressed as a picture is refused by the browser's check and the server's.
  await school.getByTestId('school-logo-input').setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: Buffer.from('not a picture') });
  await expect(school.getByTestId('school-logo-problem')).toHaveText('Logo musi być plikiem PNG lub JPEG.');
  await expect(school.getByText('Brak logo')).toBeVisible();

  await school.getByTestId('school-logo-input').setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: PNG });
  await expect(page.getByText('Zapisano logo.')).toBeVisible();
  const img = school.getByRole('img', { name: 'Logo szkoły' });
  await expect(img).toBeVisible();
  const src = await img.getAttribute('src');
  expect(src).toMatch(/^\/api\/schools\/[0-9a-f-]{36}\/logo\?v=[0-9a-f]{16}$/);
  // Served to anyone (an email client has no session), as the PNG it is.
  const served = await page.request.fetch(src!, { headers: { cookie: '' } });
  expect(served.status()).toBe(200);
  expect(served.headers()['content-type']).toBe('image/png');
  expect(Buffer.compare(await served.body(), PNG)).toBe(0);

  await school.getByRole('button', { name: 'Usuń logo' }).click();
  await expect(page.getByText('Usunięto logo.')).toBeVisible();
  await expect(school.getByText('Brak logo')).toBeVisible();
});
