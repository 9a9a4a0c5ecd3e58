import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invoiceLines, invoices, schools } from '@/db/schema';
import { createLesson, createParent, createPayment, createSchool, createStudent, createSubject, createTutor, createUser, linkParent, setSubjectPrice } from '@/db/seed/factories';
import { issueMonth, reallocate } from '@/lib/billing/run';
import { formatMoney } from '@/lib/money';
import { freshTestDatabase } from '@/test/database';
import { viewerOf } from '@/test/viewers';
import { buildInvoiceDocument, loadInvoiceDocument } from './load';
import { renderInvoicePdf } from './pdf';
import { amountInWords } from './words';

const t = freshTestDatabase();

/** 16:00 Warsaw on a November 2026 day (CET, UTC+1). */
const nov = (day: number, hour = 16) => `2026-11-${String(day).padStart(2, '0')}T${String(hour - 1).padStart(2, '0')}:00:00Z`;
const RUN_NOV = new Date('2026-11-25T07:00:00Z');

const dir = mkdtempSync(path.join(tmpdir(), 'invoice-pdf-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The PDF's text as `pdftotext -layout` reads it, with every run of spaces (also non-breaking) as one. */
async function pdfText(pdf: Buffer, name: string): Promise<{ layout: string; flat: string }> {
  const file = path.join(dir, `${name}.pdf`);
  writeFileSync(file, pdf);
  const layout = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-']).toString('utf8');
  return { layout, flat: flatten(layout) };
}
const flatten = (text: string) => text.replace(/[\s\u00a0\u202f]+/g, ' ');

let w: Awaited<ReturnType<typeof build>>;

/**
 * "Żak" in Łódź (VAT-exempt) bills Łucja Żółkiewska for her son Jędrzej's four maths lessons
 * at 120 zł and a 90-minute one; she paid 100 zł. "Sowa" (23 % VAT) bills an adult for 45
 * lessons, which takes two pages.
 */
async function build() {
  const school = await createSchool(t.db, {
    name: 'Żak',
    legalName: 'Szkoła Korepetycji „Żak” Sp. z o.o.',
    addressLine: 'ul. Piotrkowska 120',
    postalCode: '90-006',
    city: 'Łódź',
    voivodeship: 'łódzkie',
    nip: '7251801126',
    bankAccount: 'PL61 1090 1014 0000 0712 1981 2874',
  });
  const admin = await createUser(t.db, { schoolId: school.id, role: 'admin' });
  const tutor = await createTutor(t.db, { schoolId: school.id, firstName: 'Grzegorz', lastName: 'Brzęczyszczykiewicz' });
  const math = await createSubject(t.db, { schoolId: school.id, name: 'Matematyka' });
  await setSubjectPrice(t.db, { schoolId: school.id, subjectId: math.id, individualPer60: 12_000 });
  const mother = await createParent(t.db, { schoolId: school.id, firstName: 'Łucja', lastName: 'Żółkiewska', billingAddress: 'ul. Długa 5 m. 3\n90-001 Łódź' });
  const son = await createStudent(t.db, { schoolId: school.id, firstName: 'Jędrzej', lastName: 'Żółkiewski', withLogin: true });
  await linkParent(t.db, { schoolId: school.id, parentId: mother.id, studentId: son.id, isPayer: true });
  // His father sees him but does not pay: the invoice is not his to see.
  const father = await createParent(t.db, { schoolId: school.id, firstName: 'Paweł', lastName: 'Żółkiewski' });
  await linkParent(t.db, { schoolId: school.id, parentId: father.id, studentId: son.id, access: 'view', isPayer: false });
  const base = { schoolId: school.id, tutorId: tutor.id, subjectId: math.id, studentIds: [son.id], status: 'completed' as const };
  for (const day of [3, 10, 17, 24]) await createLesson(t.db, { ...base, start: nov(day) });
  await createLesson(t.db, { ...base, start: nov(5), minutes: 90 });
  const [issued] = (await issueMonth(t.db, { system: 'monthly-billing', schoolId: school.id }, school.id, '2026-11', RUN_NOV)).issued;
  await createPayment(t.db, { schoolId: school.id, amount: 10_000, payerParentId: mother.id, paidOn: '2026-11-26' });
  await reallocate(t.db, school.id, mother.id, '2026-11-26');

  const sowa = await createSchool(t.db, { name: 'Sowa', city: 'Kraków', voivodeship: 'małopolskie', vatMode: 'rate', vatRate: 23, vatExemptionBasis: null, bankAccount: 'PL27 1140 2004 0000 3002 0135 5387' });
  const sowaAdmin = await createUser(t.db, { schoolId: sowa.id, role: 'admin' });
  const sowaTutor = await createTutor(t.db, { schoolId: sowa.id });
  const physics = await createSubject(t.db, { schoolId: sowa.id, name: 'Fizyka' });
  await setSubjectPrice(t.db, { schoolId: sowa.id, subjectId: physics.id, individualPer60: 10_000 });
  const adult = await createStudent(t.db, { schoolId: sowa.id, firstName: 'Zdzisław', lastName: 'Wróżka-Łęcka', level: 'adult', isSelfPayer: true });
  for (let i = 0; i < 45; i++) {
    await createLesson(t.db, { schoolId: sowa.id, tutorId: sowaTutor.id, subjectId: physics.id, studentIds: [adult.id], status: 'completed', start: nov(1 + (i % 22), 9 + Math.floor(i / 22) * 2) });
  }
  const [long] = (await issueMonth(t.db, { system: 'monthly-billing', schoolId: sowa.id }, sowa.id, '2026-11', RUN_NOV)).issued;
  return { school, admin, tutor, mother, father, son, invoiceId: issued.id, sowa, sowaAdmin, longId: long.id };
}

beforeAll(async () => {
  w = await build();
});

describe('the invoice document', () => {
  it('comes from the invoice and its snapshots, not from the school as it is today', async () => {
    await t.db.update(schools).set({ city: 'Zgierz', bankAccount: null, legalName: 'Inna nazwa' }).where(eq(schools.id, w.school.id));
    const doc = (await loadInvoiceDocument(viewerOf(w.admin), w.invoiceId))!;
    expect(doc).toMatchObject({
      number: 'FV/0001/11/2026',
      kind: 'invoice',
      language: 'pl',
      issueDate: '2026-11-25',
      saleDate: '2026-11-30',
      period: '2026-11',
      dueDate: '2026-12-09',
      place: 'Łódź',
      seller: { name: 'Szkoła Korepetycji „Żak” Sp. z o.o.', city: 'Łódź', bankAccount: 'PL61 1090 1014 0000 0712 1981 2874', nip: '7251801126' },
      buyer: { name: 'Łucja Żółkiewska', address: 'ul. Długa 5 m. 3\n90-001 Łódź', nip: null },
      vat: { mode: 'exempt', basis: 'art. 43 ust. 1 pkt 26 lit. a ustawy o VAT' },
      totals: { net: 66_000, vat: 0, gross: 66_000 },
      paid: 10_000,
      due: 56_000,
    });
    expect(doc.corrects).toBeUndefined();
    expect(doc.lines.map((l) => [l.date, l.quantityLabel, l.net])).toEqual([
      ['2026-11-03', '60 min', 12_000],
      ['2026-11-05', '90 min', 18_000],
      ['2026-11-10', '60 min', 12_000],
      ['2026-11-17', '60 min', 12_000],
      ['2026-11-24', '60 min', 12_000],
    ]);
    expect(doc.transferTitle).toBe('FV/0001/11/2026 Jędrzej Żółkiewski');
    expect(await buildInvoiceDocument(t.db, w.school.id, w.invoiceId)).toEqual(doc);
  });

  it('is there for the office and the parent who pays, and for nobody else', async () => {
    expect(await loadInvoiceDocument(viewerOf(w.mother.user!), w.invoiceId)).not.toBeNull();
    for (const viewer of [viewerOf(w.sowaAdmin), viewerOf(w.father.user!), viewerOf(w.tutor.user!), viewerOf(w.son.user!)]) {
      expect(await loadInvoiceDocument(viewer, w.invoiceId), viewer.role).toBeNull();
    }
    expect(await loadInvoiceDocument(viewerOf(w.admin), 'not-a-uuid')).toBeNull();
    expect(await loadInvoiceDocument(viewerOf(w.admin), "' or 1=1 --")).toBeNull();
    expect(await loadInvoiceDocument(viewerOf(w.admin), '00000000-0000-4000-8000-000000000000')).toBeNull();
    // The same invoice through the other school's eyes, without a viewer.
    expect(await buildInvoiceDocument(t.db, w.sowa.id, w.invoiceId)).toBeNull();
    expect(await buildInvoiceDocument(t.db, w.school.id, 'nope')).toBeNull();
  });
});

describe('renderInvoicePdf', () => {
  it('prints a VAT-exempt invoice with its Polish words intact', async () => {
    const doc = (await loadInvoiceDocument(viewerOf(w.admin), w.invoiceId))!;
    const pdf = await renderInvoicePdf(doc);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const { layout, flat } = await pdfText(pdf, 'exempt');
    expect(flat).toContain('Faktura nr FV/0001/11/2026');
    expect(flat).not.toContain('Faktura VAT');
    expect(flat).toContain('Miejsce wystawienia Łódź');
    expect(flat).toContain('Data wystawienia 25.11.2026');
    expect(flat).toContain('Data sprzedaży 30.11.2026');
    expect(flat).toContain('Termin płatności 09.12.2026');
    expect(flat).toContain('Szkoła Korepetycji „Żak” Sp. z o.o.');
    expect(flat).toContain('Łucja Żółkiewska');
    expect(flat).toContain('ul. Długa 5 m. 3');
    expect(flat).toContain('NIP: 7251801126');
    expect(flat).toContain('PL61 1090 1014 0000 0712 1981 2874');
    expect(flat).toContain('Matematyka, 60 min — Jędrzej Żółkiewski');
    expect(flat).toContain('(Grzegorz Brzęczyszczykiewicz)');
    expect(layout).toMatch(/\bzw\b/);
    expect(flat).toContain('Podstawa zwolnienia: art. 43 ust. 1 pkt 26 lit. a ustawy o VAT');
    expect(flat).toContain(flatten(formatMoney(66_000)));
    expect(flat).toContain(`Zapłacono ${flatten(formatMoney(10_000))}`);
    expect(flat).toContain('Do zapłaty');
    expect(flat).toContain(flatten(formatMoney(56_000)));
    expect(amountInWords(56_000, 'pl')).toBe('pięćset sześćdziesiąt złotych 00/100');
    expect(flat).toContain('Słownie: pięćset sześćdziesiąt złotych 00/100');
    expect(flat).toContain('Tytuł przelewu FV/0001/11/2026 Jędrzej Żółkiewski');
    expect(flat).toContain('Strona 1 z 1');
  });

  it('prints a VAT invoice over pages with the table header on each and page numbers', async () => {
    const doc = (await loadInvoiceDocument(viewerOf(w.sowaAdmin), w.longId))!;
    expect(doc.lines).toHaveLength(45);
    expect(doc.totals).toEqual({ net: 450_000, vat: 103_500, gross: 553_500 });
    const { layout, flat } = await pdfText(await renderInvoicePdf(doc), 'vat');
    expect(flat).toContain('Faktura VAT nr FV/0001/11/2026');
    expect(layout).toMatch(/\b23%/);
    expect(flat).not.toContain('Podstawa zwolnienia');
    expect(flat).toContain('Zdzisław Wróżka-Łęcka');
    expect(flat).toContain(flatten(formatMoney(553_500)));
    expect(flat).toContain('Słownie: pięć tysięcy pięćset trzydzieści pięć złotych 00/100');
    const pages = layout.split('\f').filter((p) => p.trim());
    expect(pages.length).toBeGreaterThan(1);
    pages.forEach((page, i) => expect(flatten(page)).toContain(`Strona ${i + 1} z ${pages.length}`));
    for (const page of pages) expect(page).toContain('Nazwa usługi');
  });

  it('prints a correcting invoice with the invoice it corrects, the reason and what is returned', async () => {
    const [original] = await t.db.select().from(invoices).where(eq(invoices.id, w.invoiceId));
    const { id: _id, payerKey: _payerKey, createdAt: _createdAt, ...copied } = original;
    const [correction] = await t.db
      .insert(invoices)
      .values({
        ...copied,
        kind: 'correction',
        number: 'FK/0001/12/2026',
        year: 2026,
        seq: 1,
        period: null,
        correctsInvoiceId: original.id,
        correctionReason: 'Lekcja 24.11 odwołana w terminie',
        issueDate: '2026-12-02',
        dueDate: '2026-12-16',
        net: -12_000,
        vat: 0,
        gross: -12_000,
        paid: 0,
        status: 'paid',
        transferTitle: 'FK/0001/12/2026 Jędrzej Żółkiewski',
      })
      .returning();
    await t.db.insert(invoiceLines).values({ schoolId: w.school.id, invoiceId: correction.id, position: 1, kind: 'discount', description: 'Korekta: Matematyka 24.11.2026', unitNet: -12_000, net: -12_000 });
    const doc = (await loadInvoiceDocument(viewerOf(w.mother.user!), correction.id))!;
    expect(doc).toMatchObject({ kind: 'correction', corrects: { number: 'FV/0001/11/2026', issueDate: '2026-11-25', reason: 'Lekcja 24.11 odwołana w terminie' }, period: '2026-11', due: -12_000 });
    const { flat } = await pdfText(await renderInvoicePdf(doc), 'correction');
    expect(flat).toContain('Faktura korygująca nr FK/0001/12/2026');
    expect(flat).toContain('do faktury nr FV/0001/11/2026 z dnia 25.11.2026');
    expect(flat).toContain('Przyczyna korekty: Lekcja 24.11 odwołana w terminie');
    expect(flat).toContain(`Do zwrotu ${flatten(formatMoney(12_000))}`);
    expect(flat).toContain('Słownie: sto dwadzieścia złotych 00/100');
  });

  it('prints a letter in the next invoice when the one before only had it inside another (Z inside Ż)', async () => {
    const doc = (await loadInvoiceDocument(viewerOf(w.sowaAdmin), w.longId))!;
    const lines = doc.lines.slice(0, 1);
    // Bold (the names) holds Ż but no plain Z here; then a buyer whose name starts with Z.
    await renderInvoicePdf({ ...doc, lines, seller: { ...doc.seller, name: 'Żak' }, buyer: { ...doc.buyer, name: 'Łucja Żółkiewska' } });
    const { layout } = await pdfText(await renderInvoicePdf({ ...doc, lines, buyer: { ...doc.buyer, name: 'Zofia Zając' } }), 'glyphs');
    expect(layout).toMatch(/^Sowa\s+Zofia Zając\s*$/m);
  });

  it('prints an English invoice in English', async () => {
    const doc = (await loadInvoiceDocument(viewerOf(w.admin), w.invoiceId))!;
    const { flat } = await pdfText(await renderInvoicePdf({ ...doc, language: 'en' }), 'english');
    expect(flat).toContain('Invoice no. FV/0001/11/2026');
    expect(flat).toContain('VAT exemption basis: art. 43 ust. 1 pkt 26 lit. a ustawy o VAT');
    expect(flat).toContain(`Amount due ${flatten(formatMoney(56_000, 'en'))}`);
    expect(flat).toContain('In words: five hundred and sixty zlotys 00/100');
    expect(flat).toContain('Page 1 of 1');
    expect(flat).toContain('Łucja Żółkiewska');
  });
});
