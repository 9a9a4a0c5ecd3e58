import { expect, test } from '@playwright/test';
import { expectHome, signInWithPassword } from './fixtures/auth';
import { e2eSql, latestLink } from './fixtures/db';

test('the admin invites a tutor, who sets a password; deactivation signs them out at once', async ({ browser }) => {
  const email = `nowa.korepetytorka.${Date.now()}@example.com`;
  const admin = await browser.newPage();
  await signInWithPassword(admin, 'admin@demo.tutorhub.pl');
  await expectHome(admin, '/admin');
  await admin.goto('/admin/users');
  const since = new Date(Date.now() - 1000);

  await admin.getByRole('button', { name: 'Zaproś osobę' }).click();
  const dialog = admin.getByRole('dialog');
  await dialog.getByLabel('Imię', { exact: true }).fill('Żaneta');
  await dialog.getByLabel('Nazwisko', { exact: true }).fill('Łęcka');
  await dialog.getByLabel('E-mail', { exact: true }).fill('not-an-email');
  await dialog.getByRole('button', { name: 'Wyślij zaproszenie' }).click();
  await expect(dialog.getByRole('alert')).toBeVisible(); // the invalid email is explained next to the field
  await dialog.getByLabel('E-mail', { exact: true }).fill(email);
  await dialog.getByRole('button', { name: 'Wyślij zaproszenie' }).click();
  await expect(admin.getByText(`Zaproszenie wysłane na ${email}.`)).toBeVisible();

  // Diacritic-insensitive search finds the new account.
  await admin.goto('/admin/users?q=zaneta+lecka');
  await expect(admin.getByRole('link', { name: 'Żaneta Łęcka' })).toBeVisible();

  // The invitation is in the outbox, with its link hidden from the admin.
  await admin.goto(`/admin/outbox?q=${encodeURIComponent(email)}`);
  await admin.getByRole('link', { name: /Zaproszenie/ }).first().click();
  await expect(admin.getByText(/osobisty link/)).toBeVisible();

  const link = await latestLink(email, 'invite-password', since);
  const tutor = await browser.newPage();
  await tutor.goto(link);
  await tutor.locator('input#password').fill('short');
  await tutor.getByRole('button', { name: 'Zapisz i zaloguj się' }).click();
  await expect(tutor.getByRole('alert').first()).toContainText('co najmniej 10');
  await tutor.locator('input#password').fill('bezpieczne-haslo-2026');
  await tutor.locator('input#passwordConfirm').fill('bezpieczne-haslo-2026');
  await tutor.getByRole('button', { name: 'Zapisz i zaloguj się' }).click();
  await expectHome(tutor, '/tutor');

  // The admin deactivates the tutor; the tutor's very next request is signed out.
  await admin.goto('/admin/users?q=zaneta');
  await admin.getByRole('link', { name: 'Żaneta Łęcka' }).click();
  await expect(admin.getByTestId('user-status')).toContainText('Aktywny');
  await admin.getByRole('button', { name: 'Dezaktywuj' }).click();
  await admin.getByRole('alertdialog').getByRole('button', { name: 'Dezaktywuj' }).click();
  await expect(admin.getByTestId('user-status')).toContainText('Dezaktywowany');

  await tutor.reload();
  await expect(tutor).toHaveURL(/\/login/);
  await signInWithPassword(tutor, email, 'bezpieczne-haslo-2026');
  await expect(tutor.getByTestId('login-error')).toBeVisible();

  // The used invitation link no longer works.
  await tutor.goto(link);
  await expect(tutor.getByRole('heading', { name: 'Ten link już nie działa' })).toBeVisible();
});

test('the admin links a second parent with view-only access to a child', async ({ page }) => {
  await signInWithPassword(page, 'admin@demo.tutorhub.pl');
  await expectHome(page, '/admin');
  await page.goto('/admin/users?role=parent&q=parent2%40');
  await page.getByRole('row').nth(1).getByRole('link').click();
  await expect(page.getByTestId('user-name')).toBeVisible();
  const select = page.locator('#link-other');
  const option = await select.locator('option').nth(5).textContent();
  await select.selectOption({ label: option! });
  await page.locator('#link-access').selectOption('view');
  await page.getByRole('button', { name: 'Powiąż dziecko' }).click();
  await expect(page.getByText('Powiązano.')).toBeVisible();
  const [last, first] = option!.split(' ');
  const row = page.getByTestId('family-links').getByRole('listitem').filter({ hasText: `${first} ${last}` });
  await expect(row.getByRole('combobox')).toHaveValue('view');
});

test("the admin changes a tutor's sign-in email: the tutor's session ends and the old address is told", async ({ browser }) => {
  const oldEmail = 'tutor8@demo.tutorhub.pl';
  const newEmail = `nowy.adres.${Date.now()}@example.com`;
  const tutor = await browser.newPage();
  await signInWithPassword(tutor, oldEmail);
  await expectHome(tutor, '/tutor');

  const admin = await browser.newPage();
  await signInWithPassword(admin, 'admin@demo.tutorhub.pl');
  await expectHome(admin, '/admin');
  await admin.goto(`/admin/users?q=${encodeURIComponent(oldEmail)}`);
  await admin.locator('main a[href^="/admin/users/"]').first().click();
  const since = new Date(Date.now() - 1000);
  await admin.getByRole('button', { name: 'Zmień e-mail logowania' }).click();
  const dialog = admin.getByRole('dialog');
  await expect(dialog).toContainText(oldEmail);
  // An address another account uses is explained next to the field.
  await dialog.getByLabel('Nowy e-mail', { exact: true }).fill('tutor9@demo.tutorhub.pl');
  await dialog.getByRole('button', { name: 'Zmień e-mail' }).click();
  await expect(dialog.getByRole('alert')).toBeVisible();
  await dialog.getByLabel('Nowy e-mail', { exact: true }).fill(newEmail);
  await dialog.getByRole('button', { name: 'Zmień e-mail' }).click();
  await expect(admin.getByText(`E-mail logowania zmieniony na ${newEmail}.`, { exact: false })).toBeVisible();

  // The tutor's open session ended with the change.
  await tutor.goto('/tutor');
  await expect(tutor).toHaveURL(/\/login/);

  const sql = e2eSql();
  const notices = await sql<{ text: string }[]>`select text from email_outbox where to_address = ${oldEmail} and template = 'email-changed' and created_at >= ${since}`;
  await sql.end();
  expect(notices).toHaveLength(1);
  expect(notices[0].text).toContain('n***@example.com');

  // The tutor signs in with the new address and the same password.
  await signInWithPassword(tutor, newEmail);
  await expectHome(tutor, '/tutor');
});
