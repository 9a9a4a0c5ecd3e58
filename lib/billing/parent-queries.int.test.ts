import { beforeAll, describe, expect, it } from 'vitest';
import { invoices, type NewInvoice } from '@/db/schema';
import { createFamily, createParent, createPayment, createSchool, createTutor, createUser, linkParent } from '@/db/seed/factories';
import { invoiceListFilters } from '@/lib/billing/invoice-schema';
import { getFamilyAccount } from '@/lib/billing/parent-queries';
import { listInvoices } from '@/lib/billing/queries';
import { reallocate } from '@/lib/billing/run';
import { addCalendarDays, todayIn } from '@/lib/time';
import { freshTestDatabase } from '@/test/database';
import { viewerOf } from '@/test/viewers';

const t = freshTestDatabase();

// Due dates around the real today, so "overdue" means the same whenever the suite runs.
const today = todayIn('Europe/Warsaw');
const past = addCalendarDays(today, -10);
const future = addCalendarDays(today, 12);
const ACCOUNT = 'PL61 1090 1014 0000 0712 1981 2874';

let seq = 0;
/** An issued invoice as the billing run leaves it (paid comes from `reallocate` after the payments). */
async function invoice(
  schoolId: string,
  parentId: string,
  values: { period?: string; gross: number; dueDate: string; title: string; corrects?: string; seller?: Record<string, unknown> },
) {
  seq++;
  const kind: NewInvoice['kind'] = values.corrects ? 'correction' : 'invoice';
  const number = `${kind === 'correction' ? 'KOR' : 'FV'}/${String(seq).padStart(4, '0')}/2026`;
  const [row] = await t.db
    .insert(invoices)
    .values({
      schoolId,
      kind,
      number,
      year: 2026,
      seq,
      correctsInvoiceId: values.corrects ?? null,
      correctionReason: values.corrects ? 'Lekcja odwołana przez szkołę' : null,
      payerParentId: parentId,
      period: values.period ? `${values.period}-01` : null,
      issueDate: addCalendarDays(values.dueDate, -14),
      saleDate: addCalendarDays(values.dueDate, -14),
      dueDate: values.dueDate,
      seller: values.seller ?? { name: 'Na Piątkę Sp. z o.o.', addressLine: 'ul. Marszałkowska 10', postalCode: '00-001', city: 'Warszawa', nip: '5260001246', bankAccount: ACCOUNT },
      buyer: { name: 'Rodzic', address: null, nip: null, email: null },
      vatMode: 'exempt',
      vatBasis: 'art. 43 ust. 1 pkt 26 lit. a ustawy o VAT',
      net: values.gross,
      vat: 0,
      gross: values.gross,
      transferTitle: `${number} ${values.title}`,
    })
    .returning();
  return row;
}

let w: Awaited<ReturnType<typeof build>>;

/**
 * Na Piątkę: the Żołnierz family (two children) owes 50 zł of October (overdue: 100 zł, 50 paid)
 * and 200 zł of November (not yet due), with a correction giving 20 zł back on October; the
 * second parent of one child pays nothing; the Kowalski family overpaid November by 30 zł;
 * a parent with no children; a parent whose child another parent pays for. Sowa: a family of
 * its own with an unpaid invoice and another bank account.
 */
async function build() {
  const school = await createSchool(t.db, { name: 'Na Piątkę' });
  const admin = await createUser(t.db, { schoolId: school.id, role: 'admin' });
  const tutor = await createTutor(t.db, { schoolId: school.id });
  const zolnierz = await createFamily(t.db, { schoolId: school.id, lastName: 'Żołnierz', children: 2 });
  const second = await createParent(t.db, { schoolId: school.id, firstName: 'Piotr', lastName: 'Żołnierz' });
  await linkParent(t.db, { schoolId: school.id, parentId: second.id, studentId: zolnierz.children[0].id, isPayer: false });
  const october = await invoice(school.id, zolnierz.parent.id, { period: '2026-10', gross: 10_000, dueDate: past, title: 'Kuba Żołnierz, Ola Żołnierz' });
  const november = await invoice(school.id, zolnierz.parent.id, { period: '2026-11', gross: 20_000, dueDate: future, title: 'Kuba Żołnierz, Ola Żołnierz' });
  const correction = await invoice(school.id, zolnierz.parent.id, { gross: -2_000, dueDate: addCalendarDays(today, 13), title: 'Ola Żołnierz', corrects: october.id });
  await createPayment(t.db, { schoolId: school.id, payerParentId: zolnierz.parent.id, invoiceId: october.id, amount: 3_000, paidOn: past });
  await reallocate(t.db, school.id, zolnierz.parent.id, today);

  const kowalski = await createFamily(t.db, { schoolId: school.id, lastName: 'Kowalski' });
  const kowalskiInvoice = await invoice(school.id, kowalski.parent.id, { period: '2026-11', gross: 15_000, dueDate: future, title: 'Ola Kowalski' });
  await createPayment(t.db, { schoolId: school.id, payerParentId: kowalski.parent.id, invoiceId: kowalskiInvoice.id, amount: 18_000, paidOn: today });
  await reallocate(t.db, school.id, kowalski.parent.id, today);

  const lonely = await createParent(t.db, { schoolId: school.id, firstName: 'Ewa', lastName: 'Bezdzietna' });

  const sowa = await createSchool(t.db, { name: 'Sowa' });
  const sowaFamily = await createFamily(t.db, { schoolId: sowa.id, lastName: 'Żołnierz' });
  const sowaInvoice = await invoice(sowa.id, sowaFamily.parent.id, { period: '2026-11', gross: 50_000, dueDate: past, title: 'Ola Żołnierz', seller: { name: 'Sowa', bankAccount: 'PL27 1140 2004 0000 3002 0135 5387' } });
  return { school, admin, tutor, zolnierz, second, october, november, correction, kowalski, kowalskiInvoice, lonely, sowa, sowaFamily, sowaInvoice };
}

beforeAll(async () => {
  w = await build();
});

describe('getFamilyAccount', () => {
  it('gives a paying parent their balance, what is overdue and since when, and what to put in the transfer', async () => {
    const account = (await getFamilyAccount(viewerOf(w.zolnierz.parent.user!)))!;
    // 100 + 200 − 20 invoiced, 30 paid; the correction's 20 zł pays October too (oldest first).
    expect(account.balance).toMatchObject({ invoiced: 28_000, paid: 3_000, due: 25_000, credit: 0, overdue: 5_000 });
    expect(account.paysFor).toEqual(['Kuba Żołnierz', 'Ola Żołnierz']);
    expect(account.unpaid).toEqual([
      {
        id: w.october.id,
        number: w.october.number,
        kind: 'invoice',
        dueDate: past,
        status: 'overdue',
        due: 5_000,
        transferTitle: `${w.october.number} Kuba Żołnierz, Ola Żołnierz`,
        sellerName: 'Na Piątkę Sp. z o.o.',
        sellerAddress: 'ul. Marszałkowska 10, 00-001 Warszawa',
        sellerNip: '5260001246',
        bankAccount: ACCOUNT,
      },
      expect.objectContaining({ id: w.november.id, status: 'issued', due: 20_000, dueDate: future }),
    ]);
    // What is left on the unpaid invoices is exactly what the balance says is due.
    expect(account.unpaid.reduce((s, u) => s + u.due, 0)).toBe(account.balance.due);
    expect(account).toMatchObject({ overdueSince: past, nextDueDate: future });
  });

  it('shows an overpayment as credit, with nothing to pay', async () => {
    const account = (await getFamilyAccount(viewerOf(w.kowalski.parent.user!)))!;
    expect(account.balance).toMatchObject({ due: 0, credit: 3_000, overdue: 0 });
    expect(account).toMatchObject({ unpaid: [], nextDueDate: null, overdueSince: null, paysFor: ['Ola Kowalski'] });
  });

  it('gives a parent who pays for nobody an empty account, even when their child is invoiced to the other parent', async () => {
    for (const parent of [w.second, w.lonely]) {
      const account = (await getFamilyAccount(viewerOf(parent.user!)))!;
      expect(account).toMatchObject({ paysFor: [], unpaid: [], nextDueDate: null, overdueSince: null });
      expect(account.balance).toMatchObject({ invoiced: 0, paid: 0, due: 0, credit: 0, invoices: 0 });
    }
  });

  it('keeps to the family and the school, and gives staff nothing', async () => {
    const sowa = (await getFamilyAccount({ ...viewerOf(w.sowaFamily.parent.user!), timeZone: 'Europe/Warsaw' }))!;
    expect(sowa.unpaid.map((u) => u.id)).toEqual([w.sowaInvoice.id]);
    expect(sowa.unpaid[0]).toMatchObject({ sellerName: 'Sowa', sellerAddress: null, sellerNip: null, bankAccount: 'PL27 1140 2004 0000 3002 0135 5387' });
    expect(sowa.balance).toMatchObject({ invoiced: 50_000, overdue: 50_000 });
    // A Sowa parent's session pointed at the other school finds no parent record there.
    expect(await getFamilyAccount({ ...viewerOf(w.sowaFamily.parent.user!), schoolId: w.school.id })).toBeUndefined();
    expect(await getFamilyAccount(viewerOf(w.admin))).toBeUndefined();
    expect(await getFamilyAccount(viewerOf(w.tutor.user!))).toBeUndefined();
  });

  it('gives an invoice with no bank account in its seller snapshot no account to pay into', async () => {
    const family = await createFamily(t.db, { schoolId: w.school.id, lastName: 'Nowak' });
    await invoice(w.school.id, family.parent.id, { period: '2026-11', gross: 9_000, dueDate: future, title: 'Ola Nowak', seller: { name: 'Na Piątkę', bankAccount: '' } });
    const account = (await getFamilyAccount(viewerOf(family.parent.user!)))!;
    expect(account.unpaid).toMatchObject([{ bankAccount: null, sellerName: 'Na Piątkę', due: 9_000 }]);
  });
});

describe("the family's invoice list", () => {
  it('lists what the parent pays, corrections too, newest first, and nothing of other families or schools', async () => {
    const list = await listInvoices(viewerOf(w.zolnierz.parent.user!), invoiceListFilters.parse({}));
    expect(list.rows.map((r) => r.id)).toEqual([w.correction.id, w.november.id, w.october.id]);
    expect(list.rows[0]).toMatchObject({ kind: 'correction', period: null, gross: -2_000, status: 'paid' });
    expect((await listInvoices(viewerOf(w.second.user!), invoiceListFilters.parse({}))).total).toBe(0);
    expect((await listInvoices(viewerOf(w.kowalski.parent.user!), invoiceListFilters.parse({}))).rows.map((r) => r.id)).toEqual([w.kowalskiInvoice.id]);
    expect((await listInvoices(viewerOf(w.sowaFamily.parent.user!), invoiceListFilters.parse({}))).rows.map((r) => r.id)).toEqual([w.sowaInvoice.id]);
  });
});
