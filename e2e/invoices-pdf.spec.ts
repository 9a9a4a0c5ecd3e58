import { expect, test } from '@playwright/test';
import { expectHome, signInWithPassword } from './fixtures/auth';
import { e2eSql } from './fixtures/db';

/** A seeded invoice of the demo school "Na Piątkę". */
async function demoInvoice(): Promise<{ id: string; number: string }> {
  const sql = e2eSql();
  try {
    const [row] = await sql<{ id: string; number: string }[]>`
      select i.id, i.number from invoices i join schools s on s.id = i.school_id
       where s.slug = 'na-piatke' and i.kind = 'invoice' order by i.issue_date, i.seq limit 1`;
    if (!row) throw new Error('the demo school has no invoice');
    return row;
  } finally {
    await sql.end();
  }
}

test('the office downloads an invoice as a PDF; another school and a stranger get a 404', async ({ browser, playwright }) => {
  const invoice = await demoInvoice();
  const url = `/api/invoices/${invoice.id}/pdf`;

  const office = await browser.newContext();
  const page = await office.newPage();
  await signInWithPassword(page, 'admin@demo.tutorhub.pl');
  await expectHome(page, '/admin');
  const response = await page.request.get(url);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toBe('application/pdf');
  expect(response.headers()['content-disposition']).toBe(`attachment; filename="${invoice.number.replaceAll('/', '-')}.pdf"`);
  expect(response.headers()['cache-control']).toBe('private, no-cache'); // kept, and asked about again (ETag)
  expect(response.headers()['etag']).toBeTruthy();
  const body = await response.body();
  expect(body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  // The embedded font travelled with the build: the PDF names it.
  expect(body.toString('latin1')).toContain('Geist');
  await office.close();

  const sowa = await browser.newContext();
  const sowaPage = await sowa.newPage();
  await signInWithPassword(sowaPage, 'admin@sowa.tutorhub.pl');
  await expectHome(sowaPage, '/admin');
  const foreign = await sowaPage.request.get(url);
  expect(foreign.status()).toBe(404);
  expect(foreign.headers()['content-type']).not.toContain('pdf');
  const notFound = await foreign.text();
  await sowa.close();

  const stranger = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
  const anonymous = await stranger.get(url, { maxRedirects: 0 });
  expect(anonymous.status()).toBe(404);
  expect(await anonymous.text()).toBe(notFound);
  await stranger.dispose();
});
