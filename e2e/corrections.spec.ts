import fs from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectHome, signInWithPassword } from './fixtures/auth';
import { e2eSql } from './fixtures/db';
import { keepScreenshot } from './fixtures/shots';

const ADMIN = 'admin@demo.tutorhub.pl';
const SHOTS = process.env.E2E_SHOTS_DIR ?? 'e2e/.screens/corrections';

/** A seeded invoice of the demo school worth more than 50 zł that has not been corrected yet. */
async function uncorrectedInvoice(): Promise<{ id: string; number: string; gross: number }> {
  const sql = e2eSql();
  try {
    const [row] = await sql<{ id: string; number: string; gross: number }[]>`
      select i.id, i.number, i.gross from invoices i join schools s on s.id = i.school_id
       where s.slug = 'na-piatke' and i.kind = 'invoice' and i.gross > 5000
         and not exists (select 1 from invoices c where c.corrects_invoice_id = i.id)
       order by i.year, i.seq limit 1`;
    if (!row) throw new Error('no uncorrected invoice in the demo school');
    return row;
  } finally {
    await sql.end();
  }
}

async function shoot(browser: Browser, page: Page, path: string, name: string, ready: (p: Page) => Promise<void>) {
  const state = await page.context().storageState();
  fs.mkdirSync(SHOTS, { recursive: true });
  for (const width of [1280, 390]) {
    const context = await browser.newContext({ storageState: state, viewport: { width, height: width > 500 ? 900 : 844 }, locale: 'pl-PL', timezoneId: 'Europe/Warsaw' });
    const p = await context.newPage();
    await p.goto(path);
    await ready(p);
    await p.waitForLoadState('networkidle');
    await keepScreenshot(p, { path: `${SHOTS}/${name}-${width}.png`, fullPage: true });
    const overflow = await p.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    const wide = await p.evaluate(() =>
      [...document.querySelectorAll('body *')]
        .filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
        .slice(0, 5)
        .map((e) => `${e.tagName.toLowerCase()}.${String(e.className).slice(0, 60)} (${Math.round(e.getBoundingClientRect().right)})`),
    );
    expect(overflow, `${name} scrolls sideways by ${overflow}px at ${width}: ${wide.join('; ')}`).toBeLessThanOrEqual(0);
    const { violations } = await new AxeBuilder({ page: p }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), `${name} at ${width}`).toEqual([]);
    await context.close();
  }
}

/** Opens the correction dialog and fills one credit line, as the office would. */
async function fillCorrection(p: Page) {
  await p.getByTestId('issue-correction').click();
  const dialog = p.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Przyczyna korekty').fill('Lekcja 12.11 prowadzona krócej');
  await dialog.getByLabel('Opis pozycji 1').fill('Zwrot za skróconą lekcję');
  await dialog.getByLabel('Kwota netto pozycji 1').fill('-20,50');
  return dialog;
}

test('the admin corrects part of a seeded invoice and finds the correction and the way back', async ({ browser, page }) => {
  test.setTimeout(180_000);
  const original = await uncorrectedInvoice();
  await signInWithPassword(page, ADMIN);
  await expectHome(page, '/admin');

  await page.goto(`/admin/invoices/${original.id}`);
  await expect(page.getByTestId('invoice-number')).toContainText(original.number);
  await expect(page.getByTestId('invoice-corrections')).toHaveCount(0);

  // The dialog explains what a correction does and does not do, and refuses a correction without a reason.
  await page.getByTestId('issue-correction').click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('heading', { name: `Korekta faktury ${original.number}` })).toBeVisible();
  await expect(dialog).toContainText('odwołaj ją w terminie');
  await dialog.getByLabel('Opis pozycji 1').fill('Zwrot za skróconą lekcję');
  await dialog.getByLabel('Kwota netto pozycji 1').fill('-20,50');
  await expect(dialog.getByTestId('correction-total')).toContainText('-20,50');
  await dialog.getByTestId('correction-submit').click();
  await expect(dialog.getByText('Podaj przyczynę korekty.')).toBeVisible();

  // A second line, then removed again: the total follows.
  await dialog.getByRole('button', { name: 'Dodaj pozycję' }).click();
  await dialog.getByLabel('Opis pozycji 2').fill('Dopłata');
  await dialog.getByLabel('Kwota netto pozycji 2').fill('5');
  await expect(dialog.getByTestId('correction-total')).toContainText('-15,50');
  await dialog.getByRole('button', { name: 'Usuń pozycję 2' }).click();
  await expect(dialog.getByTestId('correction-total')).toContainText('-20,50');

  await dialog.getByLabel('Przyczyna korekty').fill('Lekcja 12.11 prowadzona krócej');
  await dialog.getByTestId('correction-submit').click();
  await expect(dialog.getByTestId('correction-issued')).toContainText(/Wystawiono fakturę korygującą FK\/\d{4}\/\d{2}\/\d{4}/);
  const number = (await dialog.getByTestId('open-correction').textContent())!.replace('Otwórz korektę ', '').trim();
  expect(number).toMatch(/^FK\/\d{4}\/\d{2}\/\d{4}$/);

  // The correction's page: its number, the reason, the credit line and the way back.
  await dialog.getByTestId('open-correction').click();
  await expect(page.getByTestId('invoice-number')).toContainText(`Faktura korygująca ${number}`);
  await expect(page.getByTestId('correction-reason')).toHaveText('Lekcja 12.11 prowadzona krócej');
  await expect(page.getByTestId('invoice-lines')).toContainText('Zwrot za skróconą lekcję');
  await expect(page.getByTestId('invoice-lines')).toContainText('-20,50');
  await expect(page.getByTestId('issue-correction')).toHaveCount(0);
  await expect(page.getByTestId('invoice-history')).toContainText('Wystawiono fakturę korygującą');
  const correctionUrl = page.url();

  await page.getByTestId('corrects-link').click();
  await expect(page).toHaveURL(new RegExp(`/admin/invoices/${original.id}$`));
  await expect(page.getByTestId('invoice-corrections')).toContainText(number);
  await expect(page.getByTestId('invoice-corrections')).toContainText('Lekcja 12.11 prowadzona krócej');
  await expect(page.getByTestId('invoice-history')).toContainText(`Skorygowano fakturą ${number}`);
  await page.getByTestId('invoice-corrections').getByRole('link', { name: number }).click();
  await expect(page).toHaveURL(correctionUrl);

  await shoot(browser, page, `/admin/invoices/${original.id}`, 'original', async (p) => void (await expect(p.getByTestId('invoice-corrections')).toBeVisible()));
  await shoot(browser, page, new URL(correctionUrl).pathname, 'correction', async (p) => void (await expect(p.getByTestId('correction-reason')).toBeVisible()));
  await shoot(browser, page, `/admin/invoices/${original.id}`, 'dialog', async (p) => {
    const d = await fillCorrection(p);
    await d.getByRole('button', { name: 'Dodaj pozycję' }).click();
    await d.getByTestId('correction-fix-buyer').check();
  });
});
