import { expect, test } from '@playwright/test';
import { expectHome } from './fixtures/auth';
import { latestLink } from './fixtures/db';

/**
 * The production server exactly as the Docker image runs it: `node server.js` bound to 0.0.0.0,
 * reached on a public name that is not localhost. Every redirect must stay on that name.
 */
const PUBLIC = new URL('http://tutorhub.test:3212');
const DATABASE = 'tutorhub_e2e_public';

test('a parent signs in by magic link on the public address and lands on /parent', async ({ page }) => {
  const cspErrors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) cspErrors.push(m.text());
  });
  const seen = new Set<string>();
  page.on('framenavigated', (f) => {
    if (f === page.mainFrame()) seen.add(new URL(f.url()).host);
  });

  const email = 'parent1@demo.tutorhub.pl';
  const since = new Date(Date.now() - 1000);
  await page.goto('/parent');
  await expect(page).toHaveURL(`${PUBLIC.origin}/login?callbackUrl=%2Fparent`);
  await page.getByRole('tab', { name: 'Link e-mailem' }).click();
  await page.locator('input#magic-email').fill(email);
  await page.getByRole('button', { name: 'Wyślij mi link logowania' }).click();
  await expect(page.getByTestId('magic-link-message')).toContainText(email);

  const link = await latestLink(email, 'magic-link', since, DATABASE);
  expect(new URL(link).origin).toBe(PUBLIC.origin);
  await page.goto(link);
  await page.getByRole('button', { name: 'Zaloguj się do TutorHub' }).click();
  await expectHome(page, '/parent');
  expect(new URL(page.url()).origin).toBe(PUBLIC.origin);

  // Signing out also stays on the public address.
  await page.getByTestId('user-menu').click();
  await page.getByTestId('sign-out').click();
  await expect(page).toHaveURL(new RegExp(`^${PUBLIC.origin}/login`));

  expect([...seen]).toEqual([PUBLIC.host]);
  expect(cspErrors).toEqual([]);
});

test('an expired or used magic link sends the person back to the public login page', async ({ page }) => {
  await page.goto('/api/auth/callback/email?token=not-a-token&email=parent1%40demo.tutorhub.pl&callbackUrl=%2Fparent');
  await expect(page).toHaveURL(new RegExp(`^${PUBLIC.origin}/login`));
  await expect(page.getByTestId('login-notice')).toBeVisible();
});

test('pages carry the security headers, with a fresh script nonce each time', async ({ page }) => {
  // Through the browser, which resolves the public name (Node's own requests would not).
  const first = (await page.goto('/login'))!;
  const html = await first.text();
  const second = (await page.reload())!;
  expect(first.status()).toBe(200);
  const headers = first.headers();
  const csp = headers['content-security-policy'];
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).not.toContain('unsafe-eval');
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  // Served over plain http here: no HSTS (it is sent when APP_URL is https).
  expect(headers['strict-transport-security']).toBeUndefined();
  const nonce = (c: string) => c.match(/'nonce-([^']+)'/)?.[1];
  expect(nonce(second.headers()['content-security-policy'])).not.toBe(nonce(csp));
  // Next.js put the nonce on the scripts it rendered, and the page works under the policy.
  expect(html).toContain(`nonce="${nonce(csp)}"`);
  await page.locator('input#email').fill('nobody@example.com');
  await expect(page.locator('input#email')).toHaveValue('nobody@example.com');
});
