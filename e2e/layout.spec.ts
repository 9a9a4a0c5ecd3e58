import { expect, test, type Page } from '@playwright/test';
import { signInWithPassword } from './fixtures/auth';
import { latestLink } from './fixtures/db';
import { keepScreenshot } from './fixtures/shots';

/**
 * Every main page at desktop width (1280 px) and phone width (390 px): nothing may overflow
 * sideways at the page level. Each page is loaded once and checked at both widths (the layout
 * is CSS: resizing the window is what a phone would show). Screenshots land in e2e/.screens
 * for a human to look at, when asked for.
 */
const WIDTHS = [1280, 390] as const;

async function fits(page: Page, name: string) {
  await page.waitForLoadState('networkidle');
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    // Charts follow their container through a ResizeObserver, a frame or two after the window
    // changes (a phone opens the page at its width): the page must settle without overflow.
    await expect
      .poll(() => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), {
        message: `${name} scrolls sideways at ${width}px`,
        timeout: 3_000,
      })
      .toBeLessThanOrEqual(0);
    await keepScreenshot(page, { path: `e2e/.screens/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: WIDTHS[0], height: 900 });
}

/** The dark-theme check keeps its single-width form. */
async function check(page: Page, name: string) {
  await page.waitForLoadState('networkidle');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${name} scrolls sideways by ${overflow}px`).toBeLessThanOrEqual(0);
  await keepScreenshot(page, { path: `e2e/.screens/${name}.png`, fullPage: true });
}

test('admin pages fit at 1280 and 390 px', async ({ page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/login');
  await fits(page, 'login');
  await signInWithPassword(page, 'admin@demo.tutorhub.pl');
  await expect(page).toHaveURL(/\/admin$/);
  // The owner's figures and the twelve-month chart (drawn, and as a table for screen readers).
  await expect(page.getByTestId('figure-lessons-week')).toBeVisible();
  await expect(page.getByTestId('revenue-chart').locator('.recharts-bar-rectangle').first()).toBeVisible();
  await expect(page.getByTestId('revenue-table').locator('tbody tr')).toHaveCount(12);
  await fits(page, 'admin-home');
  await page.goto('/admin/users');
  await expect(page.getByTestId('users-table')).toBeVisible();
  await fits(page, 'users');
  await page.goto('/admin/users?role=parent&q=parent1%40');
  await page.getByRole('link', { name: /.+/ }).filter({ has: page.locator('xpath=ancestor::td') }).first().click();
  await expect(page.getByTestId('user-name')).toBeVisible();
  await fits(page, 'user-detail');
  await page.goto('/admin/users');
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    await page.getByRole('button', { name: 'Zaproś osobę' }).click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await keepScreenshot(page, { path: `e2e/.screens/invite-${width}.png` });
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toBeHidden();
  }
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/admin/outbox');
  await fits(page, 'outbox');
  for (const list of ['students', 'parents', 'tutors', 'subjects', 'rooms', 'messages', 'reports', 'reports/revenue', 'reports/outstanding', 'audit']) {
    await page.goto(`/admin/${list}`);
    await fits(page, list);
  }
  await page.goto('/admin/calendar');
  await expect(page.getByTestId('lesson-calendar')).toBeVisible();
  await fits(page, 'calendar');
  await page.goto('/admin/students/new-family');
  await page.getByRole('button', { name: 'Dodaj przedmiot' }).first().click();
  await fits(page, 'family-form');
  await page.goto('/admin/students?q=zolnierz');
  await page.getByTestId('students-table').getByRole('link', { name: /Żołnierz/ }).first().click();
  await expect(page.getByTestId('student-name')).toBeVisible();
  await expect(page).toHaveTitle(/Żołnierz · TutorHub$/);
  await fits(page, 'student-detail');
  await page.goto('/admin/tutors');
  await page.getByRole('row').nth(1).getByRole('link').first().click();
  await fits(page, 'tutor-detail');
  await page.goto('/admin/parents');
  await page.getByRole('row').nth(1).getByRole('link').first().click();
  await fits(page, 'parent-detail');
});

test('parent and tutor homes fit at 1280 and 390 px', async ({ page: tutor, browser }) => {
  test.setTimeout(120_000);
  let page = tutor;
  await page.setViewportSize({ width: 1280, height: 900 });
  await signInWithPassword(page, 'tutor1@demo.tutorhub.pl');
  await expect(page).toHaveURL(/\/tutor$/);
  await fits(page, 'tutor-home');
  await page.goto('/tutor/students');
  await fits(page, 'tutor-students');
  await page.goto('/tutor/calendar');
  await expect(page.getByTestId('lesson-calendar')).toBeVisible();
  await fits(page, 'tutor-calendar');

  // The parent portal: phone-first, with 44 px touch targets. A fresh context, because clearing
  // this one's cookies races the tutor pages' prefetches, whose answers set the session again.
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const since = new Date(Date.now() - 1000);
  await page.goto('/login?tab=link');
  await page.locator('input#magic-email').fill('parent2@demo.tutorhub.pl');
  await page.getByRole('button', { name: 'Wyślij mi link logowania' }).click();
  await expect(page.getByTestId('magic-link-message')).toBeVisible();
  await page.goto(await latestLink('parent2@demo.tutorhub.pl', 'magic-link', since));
  await page.getByRole('button', { name: 'Zaloguj się do TutorHub' }).click();
  await expect(page).toHaveURL(/\/parent$/);
  await fits(page, 'parent-home');
  await page.setViewportSize({ width: 390, height: 900 });
  // The child's page: the way to the calendar, and on a phone every "request cancellation".
  await expect(page.getByTestId('child-panel')).toBeVisible();
  expect((await page.getByTestId('upcoming-calendar').boundingBox())!.height).toBeGreaterThanOrEqual(44);
  for (const button of await page.getByTestId('request-cancellation').all()) {
    expect((await button.boundingBox())!.height).toBeGreaterThanOrEqual(44);
  }
  const menu = page.getByRole('button', { name: 'Otwórz nawigację' });
  expect((await menu.boundingBox())!.height).toBeGreaterThanOrEqual(44);
  await menu.click();
  const link = page.getByRole('dialog').getByRole('link').first();
  expect((await link.boundingBox())!.height).toBeGreaterThanOrEqual(44);
  await page.keyboard.press('Escape');
  await page.goto('/parent/messages');
  await fits(page, 'parent-messages');
});

test('dark theme of the people list', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await signInWithPassword(page, 'admin@demo.tutorhub.pl');
  await expect(page).toHaveURL(/\/admin$/);
  await page.goto('/admin/users');
  await expect(page.locator('html')).toHaveClass(/dark/);
  await check(page, 'users-dark-1280');
});
