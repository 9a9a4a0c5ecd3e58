import fs from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectHome, signInWithPassword } from './fixtures/auth';
import { e2eSql } from './fixtures/db';
import { keepScreenshot } from './fixtures/shots';

const ADMIN = 'admin@demo.tutorhub.pl';
const TUTOR = 'tutor2@demo.tutorhub.pl';
const SHOTS = process.env.E2E_SHOTS_DIR ?? 'e2e/.screens/billing-settings';

type Saved = { paymentTermDays: number; mathPrice: number; tutorId: string; tutorName: string; generalRate: number | null };
let saved: Saved;

/** The month before today's in Warsaw ("2026-11"): it has completed lessons whatever day the suite runs in term. */
function previousMonth(): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Warsaw', year: 'numeric', month: '2-digit' }).format(new Date());
  const [y, m] = today.split('-').map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

// Other journeys (billing runs, invoices) count on the demo school's prices, term and rates: put them back.
test.beforeAll(async () => {
  const sql = e2eSql();
  try {
    const [row] = await sql<Saved[]>`
      select s.payment_term_days as "paymentTermDays", sp.individual_per60 as "mathPrice", t.id as "tutorId", t.first_name || ' ' || t.last_name as "tutorName",
             (select per60 from tutor_rates r where r.tutor_id = t.id and r.subject_id is null) as "generalRate"
        from schools s
        join subjects sub on sub.school_id = s.id and sub.name = 'Matematyka'
        join subject_prices sp on sp.subject_id = sub.id
        join users u on u.school_id = s.id and u.email = ${TUTOR}
        join tutors t on t.user_id = u.id
       where s.slug = 'na-piatke'`;
    saved = row;
  } finally {
    await sql.end();
  }
});

test.afterAll(async () => {
  const sql = e2eSql();
  try {
    await sql`update schools set payment_term_days = ${saved.paymentTermDays} where slug = 'na-piatke'`;
    await sql`update subject_prices sp set individual_per60 = ${saved.mathPrice} from subjects s where s.id = sp.subject_id and s.name = 'Matematyka'
               and s.school_id = (select id from schools where slug = 'na-piatke')`;
    await sql`delete from tutor_rates where tutor_id = ${saved.tutorId} and subject_id is null`;
    if (saved.generalRate != null) await sql`insert into tutor_rates (school_id, tutor_id, per60) select school_id, id, ${saved.generalRate} from tutors where id = ${saved.tutorId}`;
  } finally {
    await sql.end();
  }
});

async function shoot(browser: Browser, page: Page, path: string, name: string) {
  const state = await page.context().storageState();
  fs.mkdirSync(SHOTS, { recursive: true });
  for (const width of [1280, 390]) {
    const context = await browser.newContext({ storageState: state, viewport: { width, height: width > 500 ? 900 : 844 }, locale: 'pl-PL', timezoneId: 'Europe/Warsaw' });
    const p = await context.newPage();
    await p.goto(path);
    await p.waitForLoadState('networkidle');
    const overflow = await p.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${name} scrolls sideways by ${overflow}px at ${width}`).toBeLessThanOrEqual(0);
    await keepScreenshot(p, { path: `${SHOTS}/${name}-${width}.png`, fullPage: true });
    const { violations } = await new AxeBuilder({ page: p }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), `${name} at ${width}`).toEqual([]);
    await context.close();
  }
}

const billingSection = (page: Page) => page.getByTestId('billing-settings-form');
const sellerSection = (page: Page) => page.getByTestId('seller-settings-form');

test('the admin changes the payment term, is told what is wrong with a number format and a NIP, and nothing wrong is saved', async ({ browser, page }) => {
  test.setTimeout(120_000);
  await signInWithPassword(page, ADMIN);
  await expectHome(page, '/admin');
  await page.goto('/admin/settings');
  const billing = billingSection(page);
  await expect(billing.locator('#paymentTermDays')).toHaveValue(String(saved.paymentTermDays));
  await expect(billing.getByTestId('invoice-number-example')).toContainText('FV/0007/');

  await billing.locator('#paymentTermDays').fill('21');
  await billing.getByRole('button', { name: 'Zapisz' }).click();
  await expect(page.getByText('Zapisano ustawienia rozliczeń.')).toBeVisible();
  await page.reload();
  await expect(billing.locator('#paymentTermDays')).toHaveValue('21');

  // A format without the year would repeat next January's numbers: refused, with the reason.
  await billing.locator('#invoiceNumberFormat').fill('FV/{NNNN}');
  await billing.getByRole('button', { name: 'Zapisz' }).click();
  await expect(billing.locator('#invoiceNumberFormat-error')).toHaveText("Format musi zawierać rok {YYYY}: numeracja zaczyna się od nowa w styczniu.");
  await page.reload();
  await expect(billing.locator('#invoiceNumberFormat')).toHaveValue('FV/{NNNN}/{MM}/{YYYY}');

  // The seller's NIP is checked (its checksum), and a wrong one is not saved.
  const seller = sellerSection(page);
  const nip = seller.locator('#seller-nip');
  const nipBefore = await nip.inputValue();
  await nip.fill('123-456-78-90');
  await seller.getByRole('button', { name: 'Zapisz' }).click();
  await expect(seller.locator('#seller-nip-error')).toBeVisible();
  await expect(nip).toHaveAttribute('aria-invalid', 'true');
  await page.reload();
  await expect(nip).toHaveValue(nipBefore);

  await shoot(browser, page, '/admin/settings', 'settings');
});

test("the admin sets a subject's price and a tutor's rate, and the tutor finds last month's pay", async ({ browser, page }) => {
  test.setTimeout(240_000);
  const month = previousMonth();
  await signInWithPassword(page, ADMIN);
  await expectHome(page, '/admin');

  // Subjects: the price column, a dialog to change Matematyka's.
  await page.goto('/admin/subjects');
  await page.getByRole('button', { name: 'Zmień cenę: Matematyka' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.locator('#price-individual').fill('125,50');
  await dialog.getByRole('button', { name: 'Zapisz cenę' }).click();
  await expect(page.getByText('Zapisano cenę: Matematyka.')).toBeVisible();
  await expect(page.getByRole('row', { name: /Matematyka/ }).getByTestId('subject-price')).toContainText('125,50');
  await shoot(browser, page, '/admin/subjects', 'subjects');

  // The tutor's record: a general rate of 95 zł.
  await page.goto(`/admin/tutors/${saved.tutorId}`);
  const rates = page.getByTestId('tutor-rates');
  await rates.getByRole('textbox', { name: 'Stawka: Stawka ogólna' }).fill('95');
  await rates.getByRole('button', { name: 'Zapisz stawkę: Stawka ogólna' }).click();
  await expect(page.getByText('Stawka ogólna: zapisano stawkę.')).toBeVisible();

  // Payroll: the tutor's row and statement for last month.
  await page.goto(`/admin/earnings?month=${month}`);
  const row = page.getByTestId('earnings-tutors').getByRole('row', { name: new RegExp(saved.tutorName) });
  await expect(row).toBeVisible();
  await row.getByRole('link', { name: `Zarobki: ${saved.tutorName}` }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/earnings/${saved.tutorId}\\?month=${month}$`));
  const adminTotal = await page.getByTestId('earnings-total').textContent();
  expect(adminTotal).toMatch(/\d.*zł/);
  await expect(page.getByTestId('earnings-lines')).toContainText('95,00');
  await shoot(browser, page, `/admin/earnings?month=${month}`, 'payroll');

  // The tutor sees the same statement, and only their own.
  const context = await browser.newContext({ locale: 'pl-PL', timezoneId: 'Europe/Warsaw' });
  const tutor = await context.newPage();
  await signInWithPassword(tutor, TUTOR);
  await expectHome(tutor, '/tutor');
  await tutor.getByRole('navigation').getByRole('link', { name: 'Zarobki' }).first().click();
  await expect(tutor).toHaveURL(/\/tutor\/earnings/);
  await tutor.getByRole('link', { name: 'Poprzedni miesiąc' }).click();
  await expect(tutor).toHaveURL(new RegExp(`month=${month}`));
  await expect(tutor.getByTestId('earnings-total')).toHaveText(adminTotal!);
  await shoot(browser, tutor, `/tutor/earnings?month=${month}`, 'tutor-earnings');
  // The admin's statement pages are not the tutor's: the tutor is sent back to their own home.
  const foreign = await tutor.request.get(`/admin/earnings/${saved.tutorId}?month=${month}`, { maxRedirects: 0 });
  expect(foreign.status()).toBe(307);
  expect(new URL(foreign.headers().location!, tutor.url()).pathname).toBe('/tutor');
  await context.close();
});
