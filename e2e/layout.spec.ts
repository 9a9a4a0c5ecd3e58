import { expect, test, type Page } from '@playwright/test';
import { signInWithPassword } from './fixtures/auth';
import { latestLink } from './fixtures/db';
import { keepScreenshot } from './fixtures/shots';

/**
 * Every main page at phone width (390 px) and desktop width (1280 px): nothing may overflow
 * sideways at the page level. Screenshots land in e2e/.screens for a human to look at.
 */
async function check(page: Page, name: string) {
  await page.waitForLoadState('networkidle');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${name} scrolls sideways by ${overflow}px`).toBeLessThanOrEqual(0);
  await keepScreenshot(page, { path: `e2e/.screens/${name}.png`, fullPage: true });
}

for (const width of [390, 1280]) {
  test(`admin pages fit at ${width}px`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    await page.goto('/login');
    await check(page, `login-${width}`);
    await signInWithPassword(page, 'admin@demo.tutorhub.pl');
    await expect(page).toHaveURL(/\/admin$/);
    await check(page, `admin-home-${width}`);
    await page.goto('/admin/users');
    await expect(page.getByTestId('users-table')).toBeVisible();
    await check(page, `users-${width}`);
    await page.goto('/admin/users?role=parent&q=parent1%40');
    await page.getByRole('link', { name: /.+/ }).filter({ has: page.locator('xpath=ancestor::td') }).first().click();
    await expect(page.getByTestId('user-name')).toBeVisible();
    await check(page, `user-detail-${width}`);
    await page.goto('/admin/users');
    await page.getByRole('button', { name: 'Zaproś osobę' }).click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await keepScreenshot(page, { path: `e2e/.screens/invite-${width}.png` });
    await page.keyboard.press('Escape');
    await page.goto('/admin/outbox');
    await check(page, `outbox-${width}`);
    for (const list of ['students', 'parents', 'tutors', 'subjects', 'rooms']) {
      await page.goto(`/admin/${list}`);
      await check(page, `${list}-${width}`);
    }
    await page.goto('/admin/calendar');
    await expect(page.getByTestId('lesson-calendar')).toBeVisible();
    await check(page, `calendar-${width}`);
    await page.goto('/admin/students/new-family');
    await page.getByRole('button', { name: 'Dodaj przedmiot' }).first().click();
    await check(page, `family-form-${width}`);
    await page.goto('/admin/students?q=zolnierz');
    await page.getByTestId('students-table').getByRole('link', { name: /Żołnierz/ }).first().click();
    await expect(page.getByTestId('student-name')).toBeVisible();
    await expect(page).toHaveTitle(/Żołnierz · TutorHub$/);
    await check(page, `student-detail-${width}`);
    await page.goto('/admin/tutors');
    await page.getByRole('row').nth(1).getByRole('link').first().click();
    await check(page, `tutor-detail-${width}`);
    await page.goto('/admin/parents');
    await page.getByRole('row').nth(1).getByRole('link').first().click();
    await check(page, `parent-detail-${width}`);
  });

  test(`parent and tutor homes fit at ${width}px`, async ({ page: tutor, browser }) => {
    let page = tutor;
    await page.setViewportSize({ width, height: 900 });
    await signInWithPassword(page, 'tutor1@demo.tutorhub.pl');
    await expect(page).toHaveURL(/\/tutor$/);
    await check(page, `tutor-home-${width}`);
    await page.goto('/tutor/students');
    await check(page, `tutor-students-${width}`);
    await page.goto('/tutor/calendar');
    await expect(page.getByTestId('lesson-calendar')).toBeVisible();
    await check(page, `tutor-calendar-${width}`);

    // The parent portal: phone-first, with 44 px touch targets. A fresh context, because clearing
    // this one's cookies races the tutor pages' prefetches, whose answers set the session again.
    page = await browser.newPage({ viewport: { width, height: 900 } });
    const since = new Date(Date.now() - 1000);
    await page.goto('/login?tab=link');
    await page.locator('input#magic-email').fill('parent2@demo.tutorhub.pl');
    await page.getByRole('button', { name: 'Wyślij mi link logowania' }).click();
    await expect(page.getByTestId('magic-link-message')).toBeVisible();
    await page.goto(await latestLink('parent2@demo.tutorhub.pl', 'magic-link', since));
    await page.getByRole('button', { name: 'Zaloguj się do TutorHub' }).click();
    await expect(page).toHaveURL(/\/parent$/);
    await check(page, `parent-home-${width}`);
    // The child's page: the way to the calendar, and on a phone every "request cancellation".
    await expect(page.getByTestId('child-panel')).toBeVisible();
    expect((await page.getByTestId('upcoming-calendar').boundingBox())!.height).toBeGreaterThanOrEqual(44);
    if (width < 768) {
      for (const button of await page.getByTestId('request-cancellation').all()) {
        expect((await button.boundingBox())!.height).toBeGreaterThanOrEqual(44);
      }
    }
    if (width < 768) {
      const menu = page.getByRole('button', { name: 'Otwórz nawigację' });
      expect((await menu.boundingBox())!.height).toBeGreaterThanOrEqual(44);
      await menu.click();
      const link = page.getByRole('dialog').getByRole('link').first();
      expect((await link.boundingBox())!.height).toBeGreaterThanOrEqual(44);
    }
  });
}

test('dark theme of the people list', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await signInWithPassword(page, 'admin@demo.tutorhub.pl');
  await expect(page).toHaveURL(/\/admin$/);
  await page.goto('/admin/users');
  await expect(page.locator('html')).toHaveClass(/dark/);
  await check(page, 'users-dark-1280');
});
