import { expect, test, type BrowserContext } from '@playwright/test';
import { expectHome, signInWithPassword } from './fixtures/auth';
import { e2eSql } from './fixtures/db';

async function sessionCookie(context: BrowserContext) {
  const cookie = (await context.cookies()).find((c) => c.name.endsWith('authjs.session-token'));
  expect(cookie, 'a session cookie after sign-in').toBeDefined();
  return cookie!;
}

test('signing out ends the session on the server: a copied cookie no longer works', async ({ page, context, browser }) => {
  await signInWithPassword(page, 'tutor6@demo.tutorhub.pl');
  await expectHome(page, '/tutor');
  const copied = await sessionCookie(context);

  // The copy works while the session is open...
  const thief = await browser.newContext();
  await thief.addCookies([copied]);
  const thiefPage = await thief.newPage();
  await thiefPage.goto('/tutor');
  await expectHome(thiefPage, '/tutor');

  await page.getByTestId('user-menu').click();
  await page.getByTestId('sign-out').click();
  await expect(page).toHaveURL(/\/login\?signedOut=1/);

  // ...and not after the owner signs out, in a brand-new browser with the same cookie.
  const later = await browser.newContext();
  await later.addCookies([copied]);
  const laterPage = await later.newPage();
  await laterPage.goto('/tutor');
  await expect(laterPage).toHaveURL(/\/login/);
  await thiefPage.goto('/tutor');
  await expect(thiefPage).toHaveURL(/\/login/);
  await Promise.all([thief.close(), later.close()]);
});

test('a session ends at its absolute lifetime however active it is', async ({ page }) => {
  await signInWithPassword(page, 'tutor7@demo.tutorhub.pl');
  await expectHome(page, '/tutor');
  const sql = e2eSql();
  // Twelve hours pass (SESSION_MAX_HOURS) while the tutor keeps clicking.
  await sql`update user_sessions set expires_at = now() - interval '1 second'
            where revoked_at is null and user_id = (select id from users where email = 'tutor7@demo.tutorhub.pl')`;
  await sql.end();
  await page.goto('/tutor');
  await expect(page).toHaveURL(/\/login/);
});
