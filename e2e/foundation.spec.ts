import { expect, test } from '@playwright/test';
import { signInWithPassword } from './fixtures/auth';

test('health check reports the database', async ({ request }) => {
  const res = await request.get('/api/health');
  expect(res.status()).toBe(200);
  expect(await res.json()).toEqual({ status: 'ok', db: 'ok' });
});

test('a stranger is sent to the login page, which speaks Polish and English', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole('heading', { name: 'Zaloguj się' })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Hasło' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'pl');

  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Email link' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  // The choice is remembered across visits.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await page.getByRole('button', { name: 'Polski' }).click();
  await expect(page.getByRole('heading', { name: 'Zaloguj się' })).toBeVisible();
});

test('the theme toggle switches between light and dark and remembers it', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/login');
  const html = page.locator('html');
  await expect(html).not.toHaveClass(/dark/);
  const lightBg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);

  await page.getByTestId('theme-toggle').click();
  await page.getByRole('menuitemradio', { name: 'Ciemny' }).click();
  await expect(html).toHaveClass(/dark/);
  const darkBg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(darkBg).not.toBe(lightBg);

  await page.reload();
  await expect(html).toHaveClass(/dark/);
  await page.getByTestId('theme-toggle').click();
  await page.getByRole('menuitemradio', { name: 'Jasny' }).click();
  await expect(html).not.toHaveClass(/dark/);
});

test('the demo school was seeded into the fresh embedded database', async ({ page }) => {
  await signInWithPassword(page, 'admin@demo.tutorhub.pl');
  await expect(page).toHaveURL(/\/admin$/);
  await expect(page.getByTestId('school-name')).toHaveText('Szkoła Korepetycji Na Piątkę');
  // The overview counts the seeded school: 12 tutors, and students in the hundreds.
  const overview = page.getByTestId('overview');
  await expect(overview.getByRole('link', { name: /Aktywni korepetytorzy\s*12/ })).toBeVisible();
  await expect(overview.getByRole('link', { name: /Aktywni uczniowie\s*\d{3}/ })).toBeVisible();
});
