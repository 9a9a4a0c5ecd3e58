import fs from 'node:fs';
import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { expectHome, signInWithPassword } from './fixtures/auth';
import { e2eSql } from './fixtures/db';
import { keepScreenshot } from './fixtures/shots';

const ADMIN = 'admin@demo.tutorhub.pl';
const SHOTS = process.env.E2E_SHOTS_DIR ?? 'e2e/.screens/gdpr';

/**
 * A family of the test's own in the demo school (never a demo family other journeys count on):
 * a mother with an account and two children; the younger also has a father, so he can stay.
 */
async function createFamily() {
  const sql = e2eSql();
  const tag = randomUUID().slice(0, 6);
  try {
    const [school] = await sql<{ id: string }[]>`select id from schools where slug = 'na-piatke'`;
    const email = `rodo-${tag}@example.test`;
    const [user] = await sql<{ id: string }[]>`insert into users (school_id, role, status, email, name) values (${school.id}, 'parent', 'active', ${email}, ${'Halina Rodowa' + tag}) returning id`;
    const [mum] = await sql<{ id: string }[]>`
      insert into parents (school_id, user_id, first_name, last_name, email, phone) values (${school.id}, ${user.id}, 'Halina', ${'Rodowa' + tag}, ${email}, '+48 600 700 800') returning id`;
    const [dad] = await sql<{ id: string }[]>`insert into parents (school_id, first_name, last_name, email) values (${school.id}, 'Piotr', ${'Rodowy' + tag}, ${`tata-${tag}@example.test`}) returning id`;
    const [ania] = await sql<{ id: string }[]>`insert into students (school_id, first_name, last_name, level) values (${school.id}, 'Ania', ${'Rodowa' + tag}, 'primary') returning id`;
    const [tomek] = await sql<{ id: string }[]>`insert into students (school_id, first_name, last_name, level) values (${school.id}, 'Tomek', ${'Rodowy' + tag}, 'primary') returning id`;
    await sql`insert into parent_students (school_id, parent_id, student_id, access, is_payer) values
      (${school.id}, ${mum.id}, ${ania.id}, 'full', true), (${school.id}, ${mum.id}, ${tomek.id}, 'full', true), (${school.id}, ${dad.id}, ${tomek.id}, 'view', false)`;
    return { tag, email, name: `Halina Rodowa${tag}`, mumId: mum.id, aniaId: ania.id, tomekId: tomek.id };
  } finally {
    await sql.end();
  }
}

test('the admin exports a family member’s data, anonymises her with one child, and sees the anonymised record', async ({ page }) => {
  fs.mkdirSync(SHOTS, { recursive: true });
  const family = await createFamily();
  await signInWithPassword(page, ADMIN);
  await expectHome(page, '/admin');
  await page.goto(`/admin/parents/${family.mumId}`);
  await expect(page.getByTestId('parent-name')).toContainText(family.name);
  const section = page.getByTestId('gdpr-section');

  // The export, as JSON and as a printable document.
  const [json] = await Promise.all([page.waitForEvent('download'), section.getByRole('link', { name: 'Eksport danych (JSON)' }).click()]);
  expect(json.suggestedFilename()).toMatch(/^eksport-danych-halina-rodowa.*-\d{4}-\d{2}-\d{2}\.json$/);
  const data = JSON.parse(fs.readFileSync(await json.path(), 'utf8'));
  expect(data.person.name).toBe(family.name);
  expect(data.sections.profile[0].email).toBe(family.email);
  expect(data.sections.family).toHaveLength(2);
  const [html] = await Promise.all([page.waitForEvent('download'), section.getByRole('link', { name: 'Eksport danych (HTML)' }).click()]);
  expect(html.suggestedFilename()).toMatch(/\.html$/);
  const printed = fs.readFileSync(await html.path(), 'utf8');
  expect(printed).toContain('Powiązania rodzinne');
  expect(printed).toContain(family.email);

  // Consents: record a marketing consent.
  const marketing = page.getByTestId('consent-marketing');
  await marketing.getByRole('button', { name: 'Zapisz udzielenie' }).click();
  await marketing.getByRole('button', { name: 'Zapisz', exact: true }).click();
  await expect(marketing).toContainText('udzielona');

  // Anonymise, with Ania anonymised and Tomek kept (his father stays).
  await section.getByTestId('gdpr-anonymise').click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText(family.name);
  await dialog.getByRole('radiogroup', { name: `Ania Rodowa${family.tag}` }).getByLabel('Anonimizuj też dziecko').check();
  await dialog.getByRole('radiogroup', { name: `Tomek Rodowy${family.tag}` }).getByLabel('Zachowaj dziecko').check();
  const confirm = dialog.getByRole('button', { name: 'Anonimizuj', exact: true });
  await expect(confirm).toBeDisabled();
  await dialog.getByLabel(/Aby potwierdzić/).fill('Anonimizuj');
  await expect(confirm).toBeEnabled();
  await keepScreenshot(page, { path: `${SHOTS}/dialog-1280.png` });
  await confirm.click();

  await expect(page.getByTestId('parent-name')).toContainText('Osoba zanonimizowana');
  await expect(section).toContainText('Zanonimizowano');
  await expect(page.getByText(family.email)).toHaveCount(0);
  // History now: nothing to edit or restore.
  await expect(page.getByRole('link', { name: 'Edytuj' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Przywróć' })).toHaveCount(0);
  await expect(page.getByTestId('consent-marketing')).toContainText('udzielona');
  await keepScreenshot(page, { path: `${SHOTS}/result-1280.png`, fullPage: true });

  await page.goto(`/admin/students/${family.aniaId}`);
  await expect(page.getByTestId('student-name')).toContainText('Osoba zanonimizowana');
  await expect(page.getByRole('link', { name: 'Edytuj' })).toHaveCount(0);
  await page.goto(`/admin/students/${family.tomekId}`);
  await expect(page.getByTestId('student-name')).toContainText(`Tomek Rodowy${family.tag}`);
});

test('at 390 px the anonymisation dialog and the anonymised record fit the screen', async ({ page }) => {
  fs.mkdirSync(SHOTS, { recursive: true });
  const other = await createFamily();
  await page.setViewportSize({ width: 390, height: 844 });
  await signInWithPassword(page, ADMIN);
  await expectHome(page, '/admin');
  await page.goto(`/admin/parents/${other.mumId}`);
  await page.getByTestId('gdpr-anonymise').click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await keepScreenshot(page, { path: `${SHOTS}/dialog-390.png` });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await dialog.getByRole('radiogroup', { name: `Ania Rodowa${other.tag}` }).getByLabel('Anonimizuj też dziecko').check();
  await dialog.getByRole('radiogroup', { name: `Tomek Rodowy${other.tag}` }).getByLabel('Zachowaj dziecko').check();
  await dialog.getByLabel(/Aby potwierdzić/).fill(other.name);
  await dialog.getByRole('button', { name: 'Anonimizuj', exact: true }).click();
  await expect(page.getByTestId('parent-name')).toContainText('Osoba zanonimizowana');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await keepScreenshot(page, { path: `${SHOTS}/result-390.png`, fullPage: true });
});
