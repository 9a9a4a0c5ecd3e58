import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { expect, test, type Page } from '@playwright/test';
import { expectHome, signInWithPassword } from './fixtures/auth';
import { expectNoSidewaysScroll } from './fixtures/homes';
import { shootEveryWidthAndTheme } from './fixtures/shots';

/**
 * The owner opens the reports from the dashboard, narrows one by a filter (the URL follows, so
 * the view can be bookmarked) and downloads it as a spreadsheet whose figures are numbers.
 * The download URL answers nobody else: no session is a 404, a tutor a 403.
 */

/** Each screenshot's page must not scroll sideways. */
const fits = (shown: Page, width: number) => expectNoSidewaysScroll(shown, `${new URL(shown.url()).pathname} at ${width} px`);

test('the owner opens a report from the dashboard, filters it and downloads it as XLSX with numeric cells', async ({ browser, page, playwright }) => {
  test.setTimeout(180_000);
  await signInWithPassword(page, 'admin@demo.tutorhub.pl');
  await expectHome(page, '/admin');

  await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Raporty' }).click();
  await expect(page).toHaveURL(/\/admin\/reports$/);
  await expect(page.getByTestId('reports-title')).toHaveText('Raporty');
  await expect(page.getByTestId('reports-index').getByRole('listitem')).toHaveCount(5);

  await page.getByRole('link', { name: /Przychody/ }).click();
  await expect(page).toHaveURL(/\/admin\/reports\/revenue$/);
  await expect(page.getByTestId('report-title')).toHaveText('Przychody');
  await expect(page.getByTestId('report-totals')).toContainText('Razem');
  const table = page.getByTestId('report-table');
  await expect(table.getByRole('columnheader', { name: 'Miesiąc' })).toBeVisible();
  await expect(table.getByRole('rowheader')).toHaveCount(13); // twelve months and the totals

  await page.getByLabel('Grupuj według').selectOption('subject');
  await page.getByRole('button', { name: 'Pokaż' }).click();
  await expect(page).toHaveURL(/[?&]group=subject/);
  await expect(table.getByRole('columnheader', { name: 'Przedmiot' })).toBeVisible();
  await expect(page.getByTestId('download-xlsx')).toHaveAttribute('href', /format=xlsx.*group=subject/);

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-xlsx').click()]);
  expect(download.suggestedFilename()).toMatch(/^raport-przychodow-\d{4}-\d{2}_\d{4}-\d{2}\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(fs.readFileSync(await download.path()) as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  expect(sheet.getCell('A1').value).toBe('Przychody');
  expect(String(sheet.getCell('A2').value)).toMatch(/^Okres: /);
  expect(sheet.getRow(4).values).toEqual([undefined, 'Przedmiot', 'Faktury', 'Netto', 'Brutto']);
  const totals = sheet.getRow(sheet.rowCount);
  expect(totals.getCell(1).value).toBe('Razem');
  expect(totals.getCell(4).type).toBe(ExcelJS.ValueType.Number);
  expect(totals.getCell(4).numFmt).toBe('#,##0.00');
  // The page's total, "12 345,67 zł", is the sheet's number of złoty.
  const pageTotal = (await page.getByTestId('report-totals').locator('td').last().innerText()).replace(/[^\d,-]/g, '').replace(',', '.');
  expect(totals.getCell(4).value).toBe(Number(pageTotal));

  // The download URL checks the session itself.
  const stranger = await playwright.request.newContext({ baseURL: new URL(page.url()).origin });
  expect((await stranger.get('/api/reports/revenue?format=xlsx')).status()).toBe(404);
  await stranger.dispose();
  expect((await page.request.get('/api/reports/revenue?format=pdf')).status()).toBe(400);
  expect((await page.request.get('/api/reports/nothing?format=csv')).status()).toBe(404);

  await shootEveryWidthAndTheme(browser, page, '/admin/reports', 'reports-index', fits);
  await shootEveryWidthAndTheme(browser, page, '/admin/reports/attendance?group=tutor', 'reports-attendance', fits);
  await shootEveryWidthAndTheme(browser, page, '/admin/reports/outstanding', 'reports-outstanding', fits);
});

test('a tutor gets a 403 from the report downloads and no reports page', async ({ page }) => {
  await signInWithPassword(page, 'tutor11@demo.tutorhub.pl');
  await expectHome(page, '/tutor');
  expect((await page.request.get('/api/reports/attendance?format=csv')).status()).toBe(403);
  const response = await page.goto('/admin/reports');
  expect(page.url()).not.toMatch(/\/admin\/reports/);
  expect(response?.status()).toBeLessThan(500);
});
