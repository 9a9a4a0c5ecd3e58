import { expect, test } from '@playwright/test';
import { encode } from 'next-auth/jwt';
import { expectHome, signInWithPassword } from './fixtures/auth';
import { e2eSql, latestLink } from './fixtures/db';

test.describe('password sign-in', () => {
  for (const [email, home] of [
    ['admin@demo.tutorhub.pl', '/admin'],
    ['tutor1@demo.tutorhub.pl', '/tutor'],
    ['student1@demo.tutorhub.pl', '/student'],
  ] as const) {
    test(`${email} lands on ${home}`, async ({ page }) => {
      await signInWithPassword(page, email);
      await expectHome(page, home);
      await expect(page.getByTestId('school-name')).toHaveText('Szkoła Korepetycji Na Piątkę');
    });
  }

  test('a student sees their own subjects and tutors on their home', async ({ page }) => {
    await signInWithPassword(page, 'student1@demo.tutorhub.pl');
    await expectHome(page, '/student');
    await expect(page.getByTestId('my-subjects').getByRole('listitem').first()).toContainText(/z: /);
  });

  test('a tutor sees their own students on their home', async ({ page }) => {
    await signInWithPassword(page, 'tutor1@demo.tutorhub.pl');
    await expectHome(page, '/tutor');
    await expect(page.getByTestId('student-list').getByRole('listitem').first()).toBeVisible();
  });

  test('a student opening /admin does not see it', async ({ page }) => {
    await signInWithPassword(page, 'student1@demo.tutorhub.pl');
    await expectHome(page, '/student');
    await page.goto('/admin');
    await expect(page).toHaveURL(/\/student$/);
    await page.goto('/admin/users');
    await expect(page).toHaveURL(/\/student$/);
    await expect(page.getByRole('heading', { name: /Osoby i konta|People/ })).toHaveCount(0);
  });

  test('signing out ends the session', async ({ page }) => {
    await signInWithPassword(page, 'tutor2@demo.tutorhub.pl');
    await expectHome(page, '/tutor');
    await page.getByTestId('user-menu').click();
    await page.getByTestId('sign-out').click();
    await expect(page).toHaveURL(/\/login\?signedOut=1/);
    await page.goto('/tutor');
    await expect(page).toHaveURL(/\/login/);
  });

  test('repeated wrong passwords get rate-limited; the person locked out gets a sign-in link in one click', async ({ page }) => {
    const email = 'tutor5@demo.tutorhub.pl';
    for (let i = 0; i < 5; i++) {
      await signInWithPassword(page, email, `wrong-${i}`);
      await expect(page.getByTestId('login-error')).toContainText('nie pasują');
      await expect(page.getByTestId('send-link-instead')).toHaveCount(0);
    }
    await signInWithPassword(page, email);
    await expect(page.getByTestId('login-error')).toContainText(/Zbyt wiele prób\. Spróbuj ponownie za \d+ minut/);
    await expect(page).toHaveURL(/\/login/);

    // A stranger guessing the password cannot keep the tutor out: the magic link still works.
    const since = new Date(Date.now() - 1000);
    await page.getByTestId('send-link-instead').click();
    await expect(page.getByRole('tab', { name: 'Link e-mailem' })).toHaveAttribute('aria-selected', 'true');
    await expect(page.locator('input#magic-email')).toHaveValue(email);
    await expect(page.getByTestId('magic-link-message')).toContainText(email);
    await page.goto(await latestLink(email, 'magic-link', since));
    await page.getByRole('button', { name: 'Zaloguj się do TutorHub' }).click();
    await expectHome(page, '/tutor');
  });
});

test('a parent signs in with a magic link that works once and survives a scanner', async ({ page, request, browser }) => {
  const email = 'parent1@demo.tutorhub.pl';
  const since = new Date(Date.now() - 1000);
  await page.goto('/login');
  await page.getByRole('tab', { name: 'Link e-mailem' }).click();
  await page.locator('input#magic-email').fill(email);
  await page.getByRole('button', { name: 'Wyślij mi link logowania' }).click();
  await expect(page.getByTestId('magic-link-message')).toContainText(email);

  const link = await latestLink(email, 'magic-link', since);
  expect(new URL(link).pathname).toBe('/login/confirm');

  // A mail scanner fetching the link signs nobody in and does not use it up.
  const scan = await request.get(link);
  expect(scan.status()).toBe(200);
  expect((await request.storageState()).cookies.find((c) => c.name.includes('session-token'))).toBeUndefined();

  await page.goto(link);
  await expect(page.getByRole('heading', { name: 'Dokończ logowanie' })).toBeVisible();
  await page.getByRole('button', { name: 'Zaloguj się do TutorHub' }).click();
  await expectHome(page, '/parent');
  await expect(page.getByTestId('child-name')).toBeVisible();

  // The same link a second time, in another browser: refused. (A fresh context, since a late
  // response of the signed-in page could set its session cookie again after clearing it.)
  const other = await browser.newContext();
  const again = await other.newPage();
  await again.goto(link);
  await again.getByRole('button', { name: 'Zaloguj się do TutorHub' }).click();
  await expect(again).toHaveURL(/\/login/);
  await expect(again.getByTestId('login-notice')).toContainText('wygasł lub został już użyty');
  await other.close();
});

test('asking for a link for an unknown email gets the same answer and sends nothing', async ({ page }) => {
  const since = new Date(Date.now() - 1000);
  await page.goto('/login?tab=link');
  await page.locator('input#magic-email').fill('nobody-here@example.com');
  await page.getByRole('button', { name: 'Wyślij mi link logowania' }).click();
  await expect(page.getByTestId('magic-link-message')).toContainText('nobody-here@example.com');
  const sql = e2eSql();
  const rows = await sql`select 1 from email_outbox where to_address = 'nobody-here@example.com' and created_at >= ${since}`;
  await sql.end();
  expect(rows).toHaveLength(0);
});

test('a session idle past the limit is sent to /login', async ({ page, context, baseURL }) => {
  const sql = e2eSql();
  const [user] = await sql<{ id: string; school_id: string; session_version: number }[]>`select id, school_id, session_version from users where email = 'tutor3@demo.tutorhub.pl'`;
  // Sessions are recorded on the server: a genuine token names its session row.
  const [session] = await sql<{ id: string }[]>`insert into user_sessions (user_id, expires_at) values (${user.id}, now() + interval '1 hour') returning id`;
  await sql.end();
  const now = Math.floor(Date.now() / 1000);
  const claims = { sub: user.id, sid: session.id, role: 'tutor', schoolId: user.school_id, sv: user.session_version, name: 'Tutor', email: 'tutor3@demo.tutorhub.pl', locale: 'pl' };
  // A genuine session token, except that its last activity was three hours ago.
  const token = await encode({ salt: 'authjs.session-token', secret: process.env.AUTH_SECRET!, token: { ...claims, seen: now - 3 * 3600 } });
  const url = new URL(baseURL!);
  await context.addCookies([
    { name: 'authjs.session-token', value: token, domain: url.hostname, path: '/', httpOnly: true, sameSite: 'Lax' },
    { name: 'th_had_session', value: '1', domain: url.hostname, path: '/', httpOnly: true, sameSite: 'Lax' },
  ]);
  await page.goto('/tutor');
  await expect(page).toHaveURL(/\/login\?.*expired=1/);
  await expect(page.getByTestId('login-notice')).toContainText('Sesja wygasła');

  // The same token with recent activity is accepted: the refusal above was the idle limit.
  const fresh = await encode({ salt: 'authjs.session-token', secret: process.env.AUTH_SECRET!, token: { ...claims, seen: now - 60 } });
  await context.addCookies([{ name: 'authjs.session-token', value: fresh, domain: url.hostname, path: '/', httpOnly: true, sameSite: 'Lax' }]);
  await page.goto('/tutor');
  await expectHome(page, '/tutor');
});

test('a parent whose language on file is English gets the portal in English', async ({ page }) => {
  const sql = e2eSql();
  const [parent] = await sql<{ email: string }[]>`
    select u.email from users u join schools s on s.id = u.school_id
    where s.slug = 'na-piatke' and u.role = 'parent' and u.locale = 'en' order by u.email limit 1`;
  await sql.end();
  const since = new Date(Date.now() - 1000);
  await page.goto('/login?tab=link');
  await page.locator('input#magic-email').fill(parent.email);
  await page.getByRole('button', { name: 'Wyślij mi link logowania' }).click();
  await expect(page.getByTestId('magic-link-message')).toBeVisible();
  const link = await latestLink(parent.email, 'magic-link', since);
  await page.goto(link);
  await page.getByRole('button', { name: 'Zaloguj się do TutorHub' }).click();
  await expectHome(page, '/parent');
  await expect(page.getByTestId('welcome')).toContainText('Welcome');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});

test('Auth.js’s own sign-in endpoints are closed: signing in goes through the rate-limited form', async ({ request }) => {
  for (const path of ['/api/auth/signin/email', '/api/auth/callback/credentials']) {
    const res = await request.post(path, { form: { email: 'parent4@demo.tutorhub.pl', password: 'x' }, maxRedirects: 0 });
    expect(res.status(), path).toBe(404);
  }
});

test('an invited parent’s first magic link signs them in and activates the account', async ({ browser }) => {
  const email = `zaproszona.${Date.now()}@example.com`;
  const admin = await browser.newPage();
  await signInWithPassword(admin, 'admin@demo.tutorhub.pl');
  await expectHome(admin, '/admin');
  await admin.goto('/admin/users');
  await admin.getByRole('button', { name: 'Zaproś osobę' }).click();
  const dialog = admin.getByRole('dialog');
  await dialog.locator('#invite-role').selectOption('parent');
  await dialog.getByLabel('Imię', { exact: true }).fill('Halina');
  await dialog.getByLabel('Nazwisko', { exact: true }).fill('Zaproszona');
  await dialog.getByLabel('E-mail', { exact: true }).fill(email);
  await dialog.getByRole('button', { name: 'Wyślij zaproszenie' }).click();
  await expect(admin.getByText(`Zaproszenie wysłane na ${email}.`)).toBeVisible();

  const parent = await browser.newPage();
  const since = new Date(Date.now() - 1000);
  await parent.goto('/login?tab=link');
  await parent.locator('input#magic-email').fill(email);
  await parent.getByRole('button', { name: 'Wyślij mi link logowania' }).click();
  await expect(parent.getByTestId('magic-link-message')).toBeVisible();
  await parent.goto(await latestLink(email, 'magic-link', since));
  await parent.getByRole('button', { name: 'Zaloguj się do TutorHub' }).click();
  await expectHome(parent, '/parent');
  await parent.reload();
  await expectHome(parent, '/parent');

  await admin.goto(`/admin/users?q=${encodeURIComponent(email)}`);
  await admin.getByRole('link', { name: 'Halina Zaproszona' }).click();
  await expect(admin.getByTestId('user-status')).toContainText('Aktywny');
});
