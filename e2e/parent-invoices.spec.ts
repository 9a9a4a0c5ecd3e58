import fs from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectHome, signInWithMagicLink } from './fixtures/auth';
import { e2eSql } from './fixtures/db';
import { keepScreenshot } from './fixtures/shots';

const SHOTS = process.env.E2E_SHOTS_DIR ?? 'e2e/.screens/parent-invoices';
// Parents other journeys sign in as: this one keeps away from their sessions and data.
const TAKEN = ['parent1@demo.tutorhub.pl', 'parent2@demo.tutorhub.pl', 'parent3@demo.tutorhub.pl', 'parent4@demo.tutorhub.pl', 'parent6@demo.tutorhub.pl'];

type Payer = { email: string; parentId: string; due: number; overdue: { id: string; number: string; transferTitle: string; left: number } };

/**
 * A Polish-speaking demo parent of Na Piątkę who pays an invoice that is overdue or partly paid
 * today, with what the page should say: their whole debt (invoiced minus paid) and that invoice.
 * Read from the database, so the journey holds whatever day the demo was seeded.
 */
async function payerWithDebt(): Promise<Payer> {
  const sql = e2eSql();
  try {
    const [row] = await sql<{ email: string; parent_id: string; id: string; number: string; transfer_title: string; left: number }[]>`
      select u.email, p.id as parent_id, i.id, i.number, i.transfer_title, (i.gross - i.paid)::int as left
        from invoices i
        join schools s on s.id = i.school_id and s.slug = 'na-piatke'
        join parents p on p.id = i.payer_parent_id
        join users u on u.id = p.user_id and u.locale = 'pl' and u.status = 'active'
       where i.paid < i.gross and (i.due_date < (now() at time zone s.time_zone)::date or i.paid > 0)
         and lower(u.email) like 'parent%@demo.tutorhub.pl' and lower(u.email) <> all(${TAKEN})
       order by i.due_date, length(u.email), u.email
       limit 1`;
    if (!row) throw new Error('no demo parent with an overdue or partly paid invoice');
    const [{ due }] = await sql<{ due: number }[]>`
      select ((select coalesce(sum(gross), 0) from invoices where payer_key = ${row.parent_id})
            - (select coalesce(sum(amount), 0) from payments where payer_key = ${row.parent_id}))::int as due`;
    return { email: row.email, parentId: row.parent_id, due, overdue: { id: row.id, number: row.number, transferTitle: row.transfer_title, left: row.left } };
  } finally {
    await sql.end();
  }
}

/** An invoice of Na Piątkę that another payer pays, and one of the other school. */
async function strangersInvoices(parentId: string): Promise<{ otherFamily: string; otherSchool: string }> {
  const sql = e2eSql();
  try {
    const [other] = await sql<{ id: string }[]>`
      select i.id from invoices i join schools s on s.id = i.school_id and s.slug = 'na-piatke'
       where i.payer_key <> ${parentId} order by i.seq limit 1`;
    const [sowa] = await sql<{ id: string }[]>`select i.id from invoices i join schools s on s.id = i.school_id and s.slug = 'sowa' order by i.seq limit 1`;
    return { otherFamily: other.id, otherSchool: sowa.id };
  } finally {
    await sql.end();
  }
}

/** A demo parent of Na Piątkę who pays for none of their children (the other parent does). */
async function parentWhoPaysNothing(): Promise<string> {
  const sql = e2eSql();
  try {
    const [row] = await sql<{ email: string }[]>`
      select u.email from users u join parents p on p.user_id = u.id join schools s on s.id = p.school_id and s.slug = 'na-piatke'
       where u.locale = 'pl' and u.status = 'active' and lower(u.email) like 'parent%@demo.tutorhub.pl' and lower(u.email) <> all(${TAKEN})
         and not exists (select 1 from parent_students ps where ps.parent_id = p.id and ps.is_payer)
         and not exists (select 1 from invoices i where i.payer_key = p.id)
       order by length(u.email), u.email limit 1`;
    if (!row) throw new Error('no demo parent who pays for nobody');
    return row.email;
  } finally {
    await sql.end();
  }
}

async function signInByMagicLink(page: Page, email: string) {
  await signInWithMagicLink(page, email);
  await expectHome(page, '/parent');
}

/** "1 234,50 zł" as the page writes it, spaces normalised. */
const zl = (grosze: number) =>
  new Intl.NumberFormat('pl-PL', { style: 'currency', currency: 'PLN', useGrouping: 'always' } as Intl.NumberFormatOptions).format(grosze / 100).replace(/\s/g, ' ');
const text = async (page: Page, testId: string) => ((await page.getByTestId(testId).first().textContent()) ?? '').replace(/\s/g, ' ');

/** The page at 1280 and 390 px: no sideways scroll, no serious accessibility finding, a screenshot to look at. */
async function shoot(browser: Browser, page: Page, path: string, name: string) {
  const state = await page.context().storageState();
  fs.mkdirSync(SHOTS, { recursive: true });
  for (const width of [1280, 390]) {
    const context = await browser.newContext({ storageState: state, viewport: { width, height: width > 500 ? 900 : 844 }, locale: 'pl-PL', timezoneId: 'Europe/Warsaw' });
    const p = await context.newPage();
    await p.goto(path);
    await expect(p.getByTestId('family-invoices-title')).toBeVisible();
    await p.waitForLoadState('networkidle');
    const overflow = await p.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${name} scrolls sideways by ${overflow}px at ${width}`).toBeLessThanOrEqual(0);
    await keepScreenshot(p, { path: `${SHOTS}/${name}-${width}.png`, fullPage: true });
    const { violations } = await new AxeBuilder({ page: p }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), `${name} at ${width}`).toEqual([]);
    await context.close();
  }
}

test('a parent who owes money finds what to pay, copies the transfer title, downloads an invoice and cannot open another family’s', async ({ browser, page, context }) => {
  test.setTimeout(180_000);
  const payer = await payerWithDebt();
  const strangers = await strangersInvoices(payer.parentId);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await signInByMagicLink(page, payer.email);

  // The home says something is due and leads to the invoices; the menu does too.
  await expect(page.getByTestId('home-invoices-due')).toBeVisible();
  expect(await text(page, 'home-invoices-due')).toContain(zl(payer.due));
  await page.getByRole('navigation').getByRole('link', { name: 'Faktury' }).first().click();
  await expect(page).toHaveURL(/\/parent\/invoices$/);
  await expect(page.getByTestId('family-invoices-title')).toHaveText('Faktury');

  // The balance: the whole debt, the overdue part in red when there is one.
  await expect(page.getByTestId('family-balance')).toHaveAttribute('data-due', String(payer.due));
  expect(await text(page, 'family-due')).toBe(zl(payer.due));

  // How to pay: the school's account, and this invoice's amount and transfer title, copyable.
  const instructions = page.getByTestId('payment-instructions');
  await expect(instructions.getByTestId('payment-account')).toHaveText(/^PL\d{2}( \d{4}){6}$/);
  const item = instructions.locator(`[data-testid="payment-invoice"][data-number="${payer.overdue.number}"]`);
  await expect(item.getByTestId('payment-title')).toHaveText(payer.overdue.transferTitle);
  expect(((await item.getByTestId('payment-amount').textContent()) ?? '').replace(/\s/g, ' ')).toBe(zl(payer.overdue.left));
  await item.getByRole('button', { name: 'Kopiuj tytuł przelewu' }).click();
  await expect(item.getByText('Skopiowano tytuł przelewu.')).toBeAttached();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(payer.overdue.transferTitle);

  // Beside them its transfer QR code (ZBP), named after what it pays, carrying the same account,
  // amount (six digits of grosze) and title; above 9 999,99 zł the code cannot hold the amount and a note says so.
  if (payer.overdue.left <= 999_999) {
    const qr = item.getByRole('img', { name: `Kod QR do przelewu: ${payer.overdue.number}, ${zl(payer.overdue.left)}`, exact: true });
    await expect(qr).toBeVisible();
    const account = ((await instructions.getByTestId('payment-account').first().textContent()) ?? '').replace(/\D/g, '');
    const fields = ((await qr.getAttribute('data-payload')) ?? '').split('|');
    expect(fields).toHaveLength(9);
    expect(fields.slice(1, 4)).toEqual(['PL', account, String(payer.overdue.left).padStart(6, '0')]);
    expect(payer.overdue.transferTitle.startsWith(fields[5])).toBe(true);
  } else {
    await expect(item.getByTestId('payment-qr-too-large')).toBeVisible();
  }

  // The list: this invoice with its status, and its PDF downloads under its number.
  const row = page.locator(`[data-testid="family-invoice"][data-number="${payer.overdue.number}"]`);
  await expect(row.getByTestId('invoice-status')).toHaveText(/^(Po terminie|Częściowo opłacona)$/);
  const [download] = await Promise.all([page.waitForEvent('download'), row.getByTestId('family-invoice-pdf').click()]);
  expect(download.suggestedFilename()).toBe(`${payer.overdue.number.replace(/[^A-Za-z0-9._-]+/g, '-')}.pdf`);
  const file = fs.readFileSync((await download.path())!);
  expect(file.subarray(0, 4).toString('latin1')).toBe('%PDF');

  // Another family's invoice and the other school's answer 404, as if they did not exist.
  for (const id of [strangers.otherFamily, strangers.otherSchool]) {
    const response = await page.request.get(`/api/invoices/${id}/pdf`);
    expect(response.status(), `PDF of invoice ${id}`).toBe(404);
  }

  await shoot(browser, page, '/parent/invoices', 'owes');
});

test('a parent who pays for none of their children is told why there are no invoices', async ({ browser, page }) => {
  test.setTimeout(120_000);
  await signInByMagicLink(page, await parentWhoPaysNothing());
  await expect(page.getByTestId('home-invoices-due')).toHaveCount(0);
  await page.getByRole('navigation').getByRole('link', { name: 'Faktury' }).first().click();
  await expect(page).toHaveURL(/\/parent\/invoices$/);
  await expect(page.getByTestId('empty-state')).toContainText('Nie masz faktur do opłacenia');
  await expect(page.getByTestId('family-balance')).toHaveCount(0);
  await expect(page.getByTestId('payment-instructions')).toHaveCount(0);
  await shoot(browser, page, '/parent/invoices', 'pays-nothing');
});
