import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { invoiceLines, invoices, parents, type NewInvoice } from '@/db/schema';
import { createFamily, createParent, createPayment, createSchool, createStudent, createTutor, createUser, linkParent } from '@/db/seed/factories';
import { invoiceListFilters, type InvoiceListFilters } from '@/lib/billing/invoice-schema';
import { getInvoice, getPayerAccount, listInvoicePeriods, listInvoices } from '@/lib/billing/queries';
import { addCalendarDays, todayIn } from '@/lib/time';
import { freshTestDatabase } from '@/test/database';
import { viewerOf } from '@/test/viewers';

const t = freshTestDatabase();

// Due dates are set around the real today, so "overdue" means the same whenever the suite runs.
const today = todayIn('Europe/Warsaw');
const past = addCalendarDays(today, -10);
const future = addCalendarDays(today, 10);

let seq = 0;
/** An issued invoice as the billing run would leave it, with one line; `paid` and `status` as given. */
async function invoice(schoolId: string, payer: { parentId?: string; studentId?: string; name: string }, values: { period: string; gross: number; paid?: number; status?: NewInvoice['status']; dueDate: string; number?: string }) {
  seq++;
  const number = values.number ?? `FV/${String(seq).padStart(4, '0')}/${values.period.slice(5, 7)}/${values.period.slice(0, 4)}`;
  const [row] = await t.db
    .insert(invoices)
    .values({
      schoolId,
      number,
      year: 2026,
      seq,
      payerParentId: payer.parentId ?? null,
      payerStudentId: payer.studentId ?? null,
      period: `${values.period}-01`,
      issueDate: addCalendarDays(values.dueDate, -14),
      saleDate: `${values.period}-28`,
      dueDate: values.dueDate,
      seller: { name: 'Szkoła' },
      buyer: { name: payer.name, address: null, nip: null, email: null },
      vatMode: 'exempt',
      vatBasis: 'art. 43 ust. 1 pkt 26 lit. a ustawy o VAT',
      net: values.gross,
      vat: 0,
      gross: values.gross,
      paid: values.paid ?? 0,
      status: values.status ?? 'issued',
      transferTitle: number,
    })
    .returning();
  await t.db.insert(invoiceLines).values({ schoolId, invoiceId: row.id, position: 1, kind: 'discount', lessonId: null, studentId: null, description: 'Opłata', unitNet: values.gross, net: values.gross });
  return row;
}

let w: Awaited<ReturnType<typeof build>>;

/**
 * Na Piątkę: 20 October invoices of 100 zł to 20 families, 12 paid in full, the rest overdue (one
 * of them Łukasz Żołnierz's, whose child has a second parent, Piotr Wiśniewski, who does not
 * pay). November: Żołnierz partly paid and not yet due, the Kowalskis unpaid and not yet due,
 * Anna Nowak paying through her company "Fabryka Lodów" partly paid and overdue, Ewa Dorosła
 * paying for herself, paid. Sowa: one invoice of its own, to another Żołnierz.
 */
async function build() {
  const school = await createSchool(t.db, { name: 'Na Piątkę' });
  const admin = await createUser(t.db, { schoolId: school.id, role: 'admin' });
  const tutor = await createTutor(t.db, { schoolId: school.id });
  const zolnierz = await createFamily(t.db, { schoolId: school.id, lastName: 'Żołnierz' });
  await t.db.update(parents).set({ firstName: 'Łukasz' }).where(eq(parents.id, zolnierz.parent.id));
  const other = await createParent(t.db, { schoolId: school.id, firstName: 'Piotr', lastName: 'Wiśniewski' });
  await linkParent(t.db, { schoolId: school.id, parentId: other.id, studentId: zolnierz.children[0].id, isPayer: false });
  const kowalski = await createFamily(t.db, { schoolId: school.id, lastName: 'Kowalski' });
  const nowak = await createParent(t.db, { schoolId: school.id, firstName: 'Anna', lastName: 'Nowak', companyName: 'Fabryka Lodów', companyNip: '5260250274' });
  const ewa = await createStudent(t.db, { schoolId: school.id, firstName: 'Ewa', lastName: 'Dorosła', level: 'adult', isSelfPayer: true });

  const families = [];
  for (let i = 0; i < 19; i++) families.push((await createFamily(t.db, { schoolId: school.id })).parent);
  const october: Awaited<ReturnType<typeof invoice>>[] = [];
  for (let i = 0; i < 20; i++) {
    const paid = i < 12;
    const payer = i < 19 ? { parentId: families[i].id, name: `${families[i].firstName} ${families[i].lastName}` } : { parentId: zolnierz.parent.id, name: 'Łukasz Żołnierz' };
    october.push(await invoice(school.id, payer, { period: '2026-10', gross: 10_000, paid: paid ? 10_000 : 0, status: paid ? 'paid' : 'issued', dueDate: past }));
  }
  const partial = await invoice(school.id, { parentId: zolnierz.parent.id, name: 'Łukasz Żołnierz' }, { period: '2026-11', gross: 20_000, paid: 5_000, status: 'partially_paid', dueDate: future });
  const open = await invoice(school.id, { parentId: kowalski.parent.id, name: 'Kowalski' }, { period: '2026-11', gross: 15_000, dueDate: future });
  const company = await invoice(school.id, { parentId: nowak.id, name: 'Fabryka Lodów' }, { period: '2026-11', gross: 30_000, paid: 10_000, status: 'partially_paid', dueDate: past });
  const self = await invoice(school.id, { studentId: ewa.id, name: 'Ewa Dorosła' }, { period: '2026-11', gross: 12_000, paid: 12_000, status: 'paid', dueDate: past, number: 'FV/0777/11/2026' });
  await createPayment(t.db, { schoolId: school.id, payerParentId: nowak.id, invoiceId: company.id, amount: 10_000, paidOn: today });

  const sowa = await createSchool(t.db, { name: 'Sowa' });
  const sowaAdmin = await createUser(t.db, { schoolId: sowa.id, role: 'admin' });
  const sowaFamily = await createFamily(t.db, { schoolId: sowa.id, lastName: 'Żołnierz' });
  const sowaInvoice = await invoice(sowa.id, { parentId: sowaFamily.parent.id, name: 'Łukasz Żołnierz' }, { period: '2026-11', gross: 50_000, dueDate: past });
  return { school, admin, tutor, zolnierz, other, kowalski, families, nowak, ewa, october, partial, open, company, self, sowa, sowaAdmin, sowaFamily, sowaInvoice };
}

beforeAll(async () => {
  w = await build();
});

const filters = (f: Record<string, unknown> = {}): InvoiceListFilters => invoiceListFilters.parse(f);
const admin = () => viewerOf(w.admin);

describe('listInvoices', () => {
  it('pages 25 at a time, newest first, with totals of everything the filters match', async () => {
    const first = await listInvoices(admin(), filters());
    expect(first).toMatchObject({ total: 24, page: 1, pageSize: 25 });
    expect(first.rows).toHaveLength(24);
    expect(first.totals).toEqual({ count: 24, gross: 20 * 10_000 + 20_000 + 15_000 + 30_000 + 12_000, paid: 12 * 10_000 + 5_000 + 10_000 + 12_000, outstanding: 8 * 10_000 + 15_000 + 15_000 + 20_000 });

    const october = await listInvoices(admin(), filters({ month: '2026-10', sort: 'issued', dir: 'asc' }));
    expect(october.rows.map((r) => r.number)).toEqual(w.october.map((i) => i.number));
    // Page 2 of 20 invoices is past the end: the last page comes back, and says which it is.
    const paged = await listInvoices(admin(), filters({ month: '2026-10', page: 2 }));
    expect(paged).toMatchObject({ total: 20, page: 1, pageCount: 1 });
    expect(paged.rows).toHaveLength(20);
    const small = await listInvoices(admin(), filters({ status: 'unpaid' }));
    expect(small.total).toBe(11);
    expect(small.totals).toEqual({ count: 11, gross: 8 * 10_000 + 20_000 + 15_000 + 30_000, paid: 15_000, outstanding: 8 * 10_000 + 15_000 + 15_000 + 20_000 });
  });

  it('pages over more than 25 rows with the same totals on every page', async () => {
    for (let i = 0; i < 6; i++) await invoice(w.school.id, { parentId: w.families[i].id, name: w.families[i].lastName }, { period: '2026-09', gross: 1_000, dueDate: addCalendarDays(past, -30) });
    const one = await listInvoices(admin(), filters({ sort: 'gross', dir: 'desc' }));
    const two = await listInvoices(admin(), filters({ sort: 'gross', dir: 'desc', page: 2 }));
    expect(one.rows).toHaveLength(25);
    expect(two.rows).toHaveLength(5);
    expect(one.totals).toEqual(two.totals);
    expect(one.totals.count).toBe(30);
    expect(new Set([...one.rows, ...two.rows].map((r) => r.id)).size).toBe(30);
    const grosses = [...one.rows, ...two.rows].map((r) => r.gross);
    expect(grosses).toEqual([...grosses].sort((a, b) => b - a));
  });

  it('decides overdue on the date, whatever status is stored, and filters each status', async () => {
    const ids = async (status: string) => (await listInvoices(admin(), filters({ status, month: '2026-11' }))).rows.map((r) => r.id).sort();
    expect(await ids('overdue')).toEqual([w.company.id]);
    expect(await ids('partially_paid')).toEqual([w.partial.id]);
    expect(await ids('issued')).toEqual([w.open.id]);
    expect(await ids('paid')).toEqual([w.self.id]);
    expect(await ids('unpaid')).toEqual([w.partial.id, w.open.id, w.company.id].sort());
    const october = await listInvoices(admin(), filters({ status: 'overdue', month: '2026-10' }));
    expect(october.total).toBe(8);
    expect(october.rows.every((r) => r.status === 'overdue')).toBe(true);
  });

  it('finds the payer by name, email or company without Polish letters, or the invoice by number', async () => {
    const payers = async (q: string) => [...new Set((await listInvoices(admin(), filters({ q, month: '2026-11' }))).rows.map((r) => r.payerName))].sort();
    expect(await payers('lukasz zolnierz')).toEqual(['Łukasz Żołnierz']);
    expect(await payers('ŻOŁNIERZ')).toEqual(['Łukasz Żołnierz']);
    expect(await payers('fabryka lodow')).toEqual(['Fabryka Lodów']);
    expect(await payers('dorosla')).toEqual(['Ewa Dorosła']);
    expect(await payers('FV/0777')).toEqual(['Ewa Dorosła']);
    expect(await payers('nikt taki')).toEqual([]);
    expect(await payers("%' or '1'='1")).toEqual([]);
    expect(await payers('_')).toEqual([]);
  });

  it('narrows to one payer and lists the months for the filter', async () => {
    const ewa = await listInvoices(admin(), filters({ payer: w.ewa.id }));
    expect(ewa.rows.map((r) => r.id)).toEqual([w.self.id]);
    expect(ewa.rows[0]).toMatchObject({ payerStudentId: w.ewa.id, payerParentId: null, payerName: 'Ewa Dorosła', status: 'paid' });
    expect(await listInvoicePeriods(admin())).toEqual(['2026-11', '2026-10', '2026-09']);
  });

  it('keeps to the viewer: an admin sees only their school, a parent only what they pay, anyone else nothing', async () => {
    const sowa = await listInvoices(viewerOf(w.sowaAdmin), filters({ q: 'zolnierz' }));
    expect(sowa.rows.map((r) => r.id)).toEqual([w.sowaInvoice.id]);
    expect(sowa.totals).toMatchObject({ count: 1, gross: 50_000 });
    expect((await listInvoices(admin(), filters({ payer: w.sowaFamily.parent.id }))).total).toBe(0);

    const payer = await listInvoices(viewerOf(w.zolnierz.parent.user!), filters({ month: '2026-11' }));
    expect(payer.rows.map((r) => r.id)).toEqual([w.partial.id]);
    // The child's other parent, who does not pay, sees none of it.
    expect((await listInvoices(viewerOf(w.other.user!), filters())).total).toBe(0);
    expect((await listInvoices(viewerOf(w.nowak.user!), filters())).rows.map((r) => r.id)).toEqual([w.company.id]);
    expect(await listInvoices(viewerOf(w.tutor.user!), filters())).toMatchObject({ total: 0, rows: [] });
    expect(await listInvoicePeriods(viewerOf(w.tutor.user!))).toEqual([]);
  });
});

describe('getInvoice', () => {
  it('gives the office the invoice with its lines, payments, balance and history', async () => {
    const detail = (await getInvoice(admin(), w.company.id))!;
    expect(detail).toMatchObject({
      number: w.company.number,
      status: 'overdue',
      buyer: { name: 'Fabryka Lodów' },
      payer: { kind: 'parent', id: w.nowak.id },
      paid: 10_000,
      paidHere: 10_000,
      due: 20_000,
      balance: { invoiced: 30_000, paid: 10_000, due: 20_000, overdue: 20_000, credit: 0 },
    });
    expect(detail.lines).toHaveLength(1);
    expect(detail.payments).toMatchObject([{ amount: 10_000, method: 'transfer', paidOn: today }]);
  });

  it("answers undefined for another school's invoice, another family's, a tutor, and ids that are not ids", async () => {
    expect(await getInvoice(admin(), w.sowaInvoice.id)).toBeUndefined();
    expect(await getInvoice(viewerOf(w.sowaAdmin), w.company.id)).toBeUndefined();
    expect(await getInvoice(viewerOf(w.zolnierz.parent.user!), w.company.id)).toBeUndefined();
    expect(await getInvoice(viewerOf(w.other.user!), w.partial.id)).toBeUndefined();
    expect(await getInvoice(viewerOf(w.tutor.user!), w.open.id)).toBeUndefined();
    for (const id of ['run', '', "' or 1=1 --", `${w.open.id}x`]) expect(await getInvoice(admin(), id)).toBeUndefined();
    // A parent sees their own invoice, without the office's history.
    const own = (await getInvoice(viewerOf(w.nowak.user!), w.company.id))!;
    expect(own.number).toBe(w.company.number);
    expect(own.history).toEqual([]);
  });
});

describe('getPayerAccount', () => {
  it("gives the office a payer's latest invoices and balance, and nobody else anything", async () => {
    const account = (await getPayerAccount(admin(), w.zolnierz.parent.id))!;
    expect(account.total).toBe(2);
    expect(account.invoices.map((i) => i.id)).toEqual([w.partial.id, w.october[19].id]);
    expect(account.balance).toMatchObject({ invoiced: 30_000, paid: 0, due: 30_000, overdue: 10_000 });
    const many = (await getPayerAccount(admin(), w.families[0].id, 1))!;
    expect(many).toMatchObject({ total: 2, invoices: [{ period: '2026-10-01' }] });
    expect(await getPayerAccount(viewerOf(w.sowaAdmin), w.zolnierz.parent.id)).toMatchObject({ total: 0, invoices: [] });
    expect(await getPayerAccount(viewerOf(w.zolnierz.parent.user!), w.zolnierz.parent.id)).toBeUndefined();
  });
});
