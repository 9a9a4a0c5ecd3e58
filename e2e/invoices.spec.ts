import fs from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectHome, signInWithPassword } from './fixtures/auth';
import { e2eSql } from './fixtures/db';
import { keepScreenshot } from './fixtures/shots';

const ADMIN = 'admin@demo.tutorhub.pl';
const SHOTS = process.env.E2E_SHOTS_DIR ?? 'e2e/.screens/invoices';

/**
 * The month after the last one the demo school has invoices for: the seed issues October and
 * November (so December when run in December 2026), whatever day the suite runs.
 */
async function nextUnbilledMonth(): Promise<string> {
  const sql = e2eSql();
  try {
    const [row] = await sql<{ period: string }[]>`
      select to_char(max(i.period) + interval '1 month', 'YYYY-MM') as period
        from invoices i join schools s on s.id = i.school_id where s.slug = 'na-piatke' and i.kind = 'invoice'`;
    return row.period;
  } finally {
    await sql.end();
  }
}

/** An invoice of `period` whose payer owes nothing else, so a payment against it lands on it (payments pay the oldest invoice first). */
async function invoiceOfASettledPayer(period: string): Promise<{ id: string; number: string; gross: number }> {
  const sql = e2eSql();
  try {
    const [row] = await sql<{ id: string; number: string; gross: number }[]>`
      select i.id, i.number, i.gross from invoices i join schools s on s.id = i.school_id
       where s.slug = 'na-piatke' and i.period = ${`${period}-01`}::date and i.paid = 0 and i.gross > 1000 and i.payer_parent_id is not null
         and not exists (select 1 from invoices o where o.payer_key = i.payer_key and o.id <> i.id and o.paid < o.gross)
       order by i.seq limit 1`;
    if (!row) throw new Error(`no invoice of ${period} for a payer who owes nothing else`);
    return row;
  } finally {
    await sql.end();
  }
}

/** "1 234,50" as the payment form takes it. */
const typed = (grosze: number) => `${Math.floor(grosze / 100)},${String(grosze % 100).padStart(2, '0')}`;

/** Screenshots at 1280 and 390 px, no sideways scroll, and (unless `axe` is false: a 170-row preview takes axe minutes on a busy machine) no serious axe finding. */
async function shoot(browser: Browser, page: Page, path: string, name: string, ready: (p: Page) => Promise<void>, { axe = true } = {}) {
  const state = await page.context().storageState();
  fs.mkdirSync(SHOTS, { recursive: true });
  for (const width of [1280, 390]) {
    const context = await browser.newContext({ storageState: state, viewport: { width, height: width > 500 ? 900 : 844 }, locale: 'pl-PL', timezoneId: 'Europe/Warsaw' });
    const p = await context.newPage();
    await p.goto(path);
    await ready(p);
    await p.waitForLoadState('networkidle');
    const overflow = await p.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${name} scrolls sideways by ${overflow}px at ${width}`).toBeLessThanOrEqual(0);
    await keepScreenshot(p, { path: `${SHOTS}/${name}-${width}.png`, fullPage: true });
    if (!axe) {
      await context.close();
      continue;
    }
    const { violations } = await new AxeBuilder({ page: p }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), `${name} at ${width}`).toEqual([]);
    await context.close();
  }
}

test('the admin previews and issues the next month, finds the invoices, and records a partial payment and then the rest', async ({ browser, page }) => {
  test.setTimeout(300_000);
  const month = await nextUnbilledMonth();
  await signInWithPassword(page, ADMIN);
  await expectHome(page, '/admin');

  // The list, from the menu: the seeded months are there, with a totals row.
  await page.getByRole('navigation').getByRole('link', { name: 'Faktury' }).first().click();
  await expect(page).toHaveURL(/\/admin\/invoices$/);
  await expect(page.getByTestId('invoices-title')).toHaveText('Faktury');
  await expect(page.getByTestId('invoice-row').first()).toBeVisible();
  await expect(page.getByTestId('invoice-totals')).toContainText(/Razem: \d+ faktur/);
  await shoot(browser, page, '/admin/invoices', 'list', async (p) => void (await expect(p.getByTestId('invoice-row').first()).toBeVisible()));

  // The run page for the next month: the preview comes first, nothing is issued yet.
  await page.getByRole('link', { name: 'Wystaw faktury za miesiąc' }).click();
  await expect(page).toHaveURL(/\/admin\/invoices\/run$/);
  await page.locator('#month').selectOption(month);
  await page.getByRole('button', { name: 'Pokaż podgląd' }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/invoices/run\\?month=${month}$`));
  const rows = page.getByTestId('preview-row');
  await expect(rows.first()).toBeVisible();
  const payers = await rows.count();
  expect(payers).toBeGreaterThan(0);
  await expect(page.getByTestId('preview-summary')).toContainText('do wystawienia');
  const total = (await page.getByTestId('preview-total').innerText()).replace(/\s+/g, ' ').trim();
  await shoot(browser, page, `/admin/invoices/run?month=${month}`, 'run-preview', async (p) => void (await expect(p.getByTestId('preview-row').first()).toBeVisible()), { axe: false });

  // Issue, after the confirmation; the answer says how many and for how much.
  await page.getByTestId('issue-invoices').click();
  const confirm = page.getByRole('alertdialog');
  await expect(confirm).toContainText(total);
  await confirm.getByRole('button', { name: 'Wystaw', exact: true }).click();
  const result = page.getByTestId('run-result');
  await expect(result).toBeVisible({ timeout: 90_000 });
  await expect(result).toHaveText(new RegExp(`^Wystawiono ${payers} faktur\\S* \\(łącznie ${total.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s')}\\); 0 już istnia\\S*\\.$`));
  // Run again: nothing left to issue, everyone already has the month's invoice.
  await expect(page.getByTestId('preview-summary')).toContainText('Nie ma nic do wystawienia');
  await expect(page.getByTestId('issue-invoices')).toBeDisabled();
  await expect(page.getByTestId('warning-existing')).toBeVisible();
  await page.reload();
  await expect(page.getByTestId('issue-invoices')).toBeDisabled();

  // The month's invoices in the list.
  await page.getByRole('link', { name: 'Zobacz faktury za ten miesiąc' }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/invoices\\?month=${month}$`));
  await expect(page.getByTestId('invoice-totals')).toContainText(`Razem: ${payers} faktur`);

  // Find one by its number and open it.
  const invoice = await invoiceOfASettledPayer(month);
  await page.locator('#q').fill(invoice.number);
  await page.getByRole('button', { name: 'Filtruj' }).click();
  await expect(page.getByTestId('invoice-row')).toHaveCount(1);
  await page.getByTestId('invoice-row').getByRole('link', { name: invoice.number }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/invoices/${invoice.id}$`));
  const header = page.getByTestId('invoice-number');
  await expect(header).toContainText(invoice.number);
  await expect(header.getByTestId('invoice-status')).toHaveText('Wystawiona');
  await expect(page.getByTestId('invoice-lines')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Pobierz PDF' })).toHaveAttribute('href', `/api/invoices/${invoice.id}/pdf`);

  // A partial payment: 10 zł by bank transfer.
  await page.getByTestId('record-payment').click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.locator('#payment-amount')).toHaveValue(typed(invoice.gross));
  await dialog.locator('#payment-amount').fill('0');
  await dialog.getByRole('button', { name: 'Zapisz wpłatę' }).click();
  await expect(dialog.locator('#payment-amount-error')).toHaveText('Wpisz kwotę większą od zera, np. 120 lub 1 234,50.');
  await dialog.locator('#payment-amount').fill('10');
  await dialog.locator('#payment-reference').fill(`Przelew ${invoice.number}`);
  await keepScreenshot(page, { path: `${SHOTS}/payment-dialog-1280.png` });
  await dialog.getByRole('button', { name: 'Zapisz wpłatę' }).click();
  await expect(page.getByText(`Zapisano wpłatę 10,00 zł do faktury ${invoice.number}.`)).toBeVisible();
  await expect(header.getByTestId('invoice-status')).toHaveText('Częściowo opłacona');
  await expect(page.getByTestId('invoice-paid')).toHaveText('10,00 zł');
  await expect(page.getByTestId('invoice-payments')).toContainText('Przelew');

  // The rest: the form starts at what is left to pay.
  await page.getByTestId('record-payment').click();
  await expect(dialog.locator('#payment-amount')).toHaveValue(typed(invoice.gross - 1000));
  await dialog.locator('#payment-method').selectOption('cash');
  await dialog.getByRole('button', { name: 'Zapisz wpłatę' }).click();
  await expect(header.getByTestId('invoice-status')).toHaveText('Opłacona');
  await expect(page.getByTestId('invoice-due')).toHaveText('0,00 zł');
  await expect(page.getByTestId('invoice-payments').getByRole('row')).toHaveCount(3);
  await expect(page.getByTestId('invoice-history')).toContainText('Opłacona');
  await shoot(browser, page, `/admin/invoices/${invoice.id}`, 'invoice-paid', async (p) => void (await expect(p.getByTestId('invoice-lines')).toBeVisible()));

  // The payer's record shows the account.
  await page.getByRole('link', { name: 'Karta płatnika' }).click();
  await expect(page.getByTestId('payer-account')).toContainText(invoice.number);
  await shoot(browser, page, page.url().replace(/^https?:\/\/[^/]+/, ''), 'parent-billing', async (p) => void (await expect(p.getByTestId('payer-account')).toBeVisible()));
});

test('an invoice of the other school, or one that does not exist, is a 404 for the admin', async ({ page }) => {
  const sql = e2eSql();
  let sowaInvoice: string;
  try {
    [{ id: sowaInvoice }] = await sql<{ id: string }[]>`select i.id from invoices i join schools s on s.id = i.school_id where s.slug <> 'na-piatke' limit 1`;
  } finally {
    await sql.end();
  }
  await signInWithPassword(page, ADMIN);
  await expectHome(page, '/admin');
  for (const path of [`/admin/invoices/${sowaInvoice}`, '/admin/invoices/00000000-0000-4000-8000-000000000000', '/admin/invoices/not-an-id']) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
  }
});
