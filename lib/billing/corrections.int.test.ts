import { and, asc, count, eq } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { auditLog, invoiceCounters, invoiceLines, invoices, payments, schools } from '@/db/schema';
import { createFamily, createLesson, createSchool, createSubject, createTutor, createUser, setSubjectPrice } from '@/db/seed/factories';
import { getCorrectionLinks } from '@/lib/billing/corrections';
import { issueCorrectionAction, recordPaymentAction } from '@/lib/billing/invoice-actions';
import { payerBalance } from '@/lib/billing/payments';
import { planMonth, shiftMonth } from '@/lib/billing/plan';
import { issueMonth } from '@/lib/billing/run';
import { addCalendarDays, todayIn } from '@/lib/time';
import { freshTestDatabase } from '@/test/database';
import { actAs } from '@/test/mocks/viewer';
import { viewerOf } from '@/test/viewers';

const t = freshTestDatabase();

// Invoices are issued today for this month (in Warsaw), so corrections are issued today too and
// the next month's run is the "next monthly run".
const today = todayIn('Europe/Warsaw');
const thisMonth = today.slice(0, 7);
const nextMonth = shiftMonth(thisMonth, 1);
const year = today.slice(0, 4);
const mm = today.slice(5, 7);
/** 11:00 or 12:00 in Warsaw on a day of a month. */
const on = (month: string, day: number) => `${month}-${String(day).padStart(2, '0')}T10:00:00Z`;

let w: Awaited<ReturnType<typeof build>>;
/** The Nowaks' plan for next month, read just before their invoice is corrected. */
let planBeforeCorrection: Awaited<ReturnType<typeof planMonth>>['payers'][number];

/**
 * Na Piątkę (VAT-exempt): Matematyka at 100 zł an hour. Five families with lessons this month —
 * the Nowaks 300 zł (and a lesson next month), the others 100 zł each — invoiced today. Sowa: a
 * family with its own invoice. Vatowa: a school charging 23 % VAT, with one invoice.
 */
async function build() {
  const school = await createSchool(t.db, { name: 'Na Piątkę' });
  const admin = await createUser(t.db, { schoolId: school.id, role: 'admin', name: 'Anna Sekretarka' });
  const tutor = await createTutor(t.db, { schoolId: school.id, firstName: 'Jan', lastName: 'Kowalczyk', withLogin: true });
  const math = await createSubject(t.db, { schoolId: school.id, name: 'Matematyka' });
  await setSubjectPrice(t.db, { schoolId: school.id, subjectId: math.id, individualPer60: 10_000 });
  const base = { schoolId: school.id, tutorId: tutor.id, subjectId: math.id };
  const nowak = await createFamily(t.db, { schoolId: school.id, lastName: 'Nowak' });
  for (const day of [2, 3, 4]) await createLesson(t.db, { ...base, start: on(thisMonth, day), studentIds: [nowak.children[0].id] });
  await createLesson(t.db, { ...base, start: on(nextMonth, 2), studentIds: [nowak.children[0].id] });
  const others = [];
  for (const [i, lastName] of ['Lis', 'Wrona', 'Sowiński', 'Dudek'].entries()) {
    const family = await createFamily(t.db, { schoolId: school.id, lastName });
    await createLesson(t.db, { ...base, start: on(thisMonth, 5 + i), studentIds: [family.children[0].id] });
    others.push(family);
  }
  const [lis, wrona, sowinski, dudek] = others;
  await issueMonth(t.db, { system: 'monthly-billing', schoolId: school.id }, school.id, thisMonth, new Date());

  const sowa = await createSchool(t.db, { name: 'Sowa' });
  const sowaTutor = await createTutor(t.db, { schoolId: sowa.id });
  const sowaSubject = await createSubject(t.db, { schoolId: sowa.id });
  await setSubjectPrice(t.db, { schoolId: sowa.id, subjectId: sowaSubject.id, individualPer60: 9_000 });
  const sowaFamily = await createFamily(t.db, { schoolId: sowa.id });
  await createLesson(t.db, { schoolId: sowa.id, tutorId: sowaTutor.id, subjectId: sowaSubject.id, start: on(thisMonth, 2), studentIds: [sowaFamily.children[0].id] });
  await issueMonth(t.db, { system: 'monthly-billing', schoolId: sowa.id }, sowa.id, thisMonth, new Date());
  const [sowaInvoice] = await t.db.select().from(invoices).where(eq(invoices.schoolId, sowa.id));

  const vatowa = await createSchool(t.db, { name: 'Vatowa', vatMode: 'rate', vatRate: 23 });
  const vatAdmin = await createUser(t.db, { schoolId: vatowa.id, role: 'admin' });
  const vatTutor = await createTutor(t.db, { schoolId: vatowa.id });
  const vatSubject = await createSubject(t.db, { schoolId: vatowa.id });
  await setSubjectPrice(t.db, { schoolId: vatowa.id, subjectId: vatSubject.id, individualPer60: 10_000 });
  const vatFamily = await createFamily(t.db, { schoolId: vatowa.id });
  await createLesson(t.db, { schoolId: vatowa.id, tutorId: vatTutor.id, subjectId: vatSubject.id, start: on(thisMonth, 2), studentIds: [vatFamily.children[0].id] });
  await issueMonth(t.db, { system: 'monthly-billing', schoolId: vatowa.id }, vatowa.id, thisMonth, new Date());
  const [vatInvoice] = await t.db.select().from(invoices).where(eq(invoices.schoolId, vatowa.id));

  return { school, admin, tutor, base, nowak, lis, wrona, sowinski, dudek, sowa, sowaInvoice, vatowa, vatAdmin, vatInvoice };
}

beforeAll(async () => {
  w = await build();
});
beforeEach(() => actAs(viewerOf(w.admin)));

const invoiceOf = async (parentId: string, month = thisMonth) =>
  (await t.db.select().from(invoices).where(and(eq(invoices.payerParentId, parentId), eq(invoices.period, `${month}-01`))))[0];
const byId = async (id: string) => (await t.db.select().from(invoices).where(eq(invoices.id, id)))[0];
const linesOf = (id: string) => t.db.select().from(invoiceLines).where(eq(invoiceLines.invoiceId, id)).orderBy(asc(invoiceLines.position));
const correct = (invoiceId: string, lines: { description: string; amount: string | number }[], extra: Record<string, unknown> = {}) =>
  issueCorrectionAction({ invoiceId, reason: 'Błędna stawka za lekcje', lines, ...extra } as never);

/** Everything a refused correction must leave as it was. */
async function snapshot() {
  const [[inv], [lin], [aud], [pay], counters, states] = await Promise.all([
    t.db.select({ n: count() }).from(invoices),
    t.db.select({ n: count() }).from(invoiceLines),
    t.db.select({ n: count() }).from(auditLog),
    t.db.select({ n: count() }).from(payments),
    t.db.select().from(invoiceCounters).orderBy(asc(invoiceCounters.schoolId), asc(invoiceCounters.kind), asc(invoiceCounters.year)),
    t.db.select({ id: invoices.id, paid: invoices.paid, status: invoices.status }).from(invoices).orderBy(asc(invoices.id)),
  ]);
  return { invoices: inv.n, lines: lin.n, audits: aud.n, payments: pay.n, counters, states };
}

describe('issueCorrectionAction', () => {
  it('credits part of a paid invoice: a correction with its own number and lines, and the freed money is the payer’s credit', async () => {
    const original = await invoiceOf(w.nowak.parent.id);
    expect(original).toMatchObject({ gross: 30_000, kind: 'invoice' });
    expect(await recordPaymentAction({ invoiceId: original.id, amount: '300', method: 'transfer', paidOn: today, reference: null })).toMatchObject({ ok: true, data: { status: 'paid' } });

    planBeforeCorrection = (await planMonth(t.db, w.school.id, nextMonth, { payerKey: w.nowak.parent.id })).payers[0];
    const result = await correct(original.id, [
      { description: 'Zwrot za lekcję odwołaną przez szkołę', amount: '-100,00' },
      { description: 'Błędna stawka: różnica', amount: '-20,50' },
    ]);
    expect(result).toEqual({
      ok: true,
      data: { id: expect.any(String), number: `FK/0001/${mm}/${year}`, correctsId: original.id, correctsNumber: original.number, net: -12_050, vat: 0, gross: -12_050, credit: 12_050 },
    });
    if (!result.ok) return;
    const correction = await byId(result.data.id);
    expect(correction).toMatchObject({
      kind: 'correction',
      correctsInvoiceId: original.id,
      correctionReason: 'Błędna stawka za lekcje',
      payerParentId: w.nowak.parent.id,
      period: null,
      year: Number(year),
      seq: 1,
      issueDate: today,
      saleDate: original.saleDate,
      dueDate: addCalendarDays(today, 14),
      language: original.language,
      buyer: original.buyer,
      vatMode: 'exempt',
      vatRate: null,
      vatBasis: original.vatBasis,
      net: -12_050,
      vat: 0,
      gross: -12_050,
      paid: 0,
      status: 'paid',
      transferTitle: `Korekta FK/0001/${mm}/${year} do ${original.number}`,
      createdBy: w.admin.id,
    });
    const lines = await linesOf(correction.id);
    expect(lines.map((l) => [l.position, l.kind, l.lessonId, l.studentId, l.description, l.unitNet, l.net])).toEqual([
      [1, 'correction', null, null, 'Zwrot za lekcję odwołaną przez szkołę', -10_000, -10_000],
      [2, 'correction', null, null, 'Błędna stawka: różnica', -2_050, -2_050],
    ]);
    expect(lines.reduce((sum, l) => sum + l.net, 0)).toBe(correction.net);

    // The original is untouched: still paid in full.
    expect(await byId(original.id)).toMatchObject({ gross: 30_000, paid: 30_000, status: 'paid', number: original.number });
    expect(await payerBalance(t.db, w.school.id, w.nowak.parent.id, today)).toMatchObject({ invoiced: 17_950, paid: 30_000, balance: -12_050, due: 0, credit: 12_050 });

    const trail = await t.db.select().from(auditLog).where(and(eq(auditLog.schoolId, w.school.id), eq(auditLog.action, 'invoice.correct')));
    expect(trail).toHaveLength(1);
    expect(trail[0]).toMatchObject({ entityId: correction.id, actorUserId: w.admin.id, ip: '203.0.113.7' });
    expect(trail[0].after).toMatchObject({ number: correction.number, correctsNumber: original.number, reason: 'Błędna stawka za lekcje', gross: -12_050, lines: [{ net: -10_000 }, { net: -2_050 }] });
    const marked = await t.db.select().from(auditLog).where(and(eq(auditLog.entityId, original.id), eq(auditLog.action, 'invoice.corrected')));
    expect(marked.map((a) => a.after)).toEqual([{ correctionId: correction.id, number: correction.number, gross: -12_050, reason: 'Błędna stawka za lekcje' }]);
  });

  it('leaves the ledger alone: the next monthly run issues exactly what it would have, and the credit pays it', async () => {
    // What the run plans with the correction in place is what it planned before it.
    const planned = (await planMonth(t.db, w.school.id, nextMonth, { payerKey: w.nowak.parent.id })).payers[0];
    expect(planned).toEqual(planBeforeCorrection);
    expect(planned.totals).toEqual({ net: 10_000, vat: 0, gross: 10_000 });
    // This month's plan after the correction: nothing new (no adjustment re-charging anything).
    const thisMonthPlan = (await planMonth(t.db, w.school.id, thisMonth, { payerKey: w.nowak.parent.id })).payers[0];
    expect(thisMonthPlan.lines.filter((l) => l.kind === 'adjustment')).toEqual([]);

    const run = await issueMonth(t.db, { system: 'monthly-billing', schoolId: w.school.id }, w.school.id, nextMonth, new Date());
    const next = await invoiceOf(w.nowak.parent.id, nextMonth);
    expect(run.issued.find((i) => i.id === next.id)).toMatchObject({ gross: 10_000 });
    expect((await linesOf(next.id)).map((l) => [l.kind, l.net])).toEqual([['lesson', 10_000]]);
    expect(next).toMatchObject({ gross: 10_000, paid: 10_000, status: 'paid' });
    expect(await payerBalance(t.db, w.school.id, w.nowak.parent.id, today)).toMatchObject({ balance: -2_050, credit: 2_050 });
  });

  it('a credit on an unpaid invoice settles that part of it, audited as an allocation', async () => {
    const original = await invoiceOf(w.lis.parent.id);
    expect(original).toMatchObject({ gross: 10_000, paid: 0, status: 'issued' });
    const result = await correct(original.id, [{ description: 'Rabat za listopad', amount: '-40' }], { reason: 'Rabat uzgodniony z rodzicem' });
    expect(result).toMatchObject({ ok: true, data: { gross: -4_000, credit: 0 } });
    if (!result.ok) return;
    expect(await byId(original.id)).toMatchObject({ paid: 4_000, status: 'partially_paid' });
    expect(await payerBalance(t.db, w.school.id, w.lis.parent.id, today)).toMatchObject({ balance: 6_000, due: 6_000, credit: 0 });
    const allocations = await t.db.select().from(auditLog).where(and(eq(auditLog.entityId, original.id), eq(auditLog.action, 'invoice.allocation')));
    expect(allocations.map((a) => [a.before, a.after])).toEqual([[{ paid: 0, status: 'issued' }, { paid: 4_000, status: 'partially_paid', correctionId: result.data.id }]]);
  });

  it('a positive correction charges more: a payable invoice paid like any other', async () => {
    const original = await invoiceOf(w.wrona.parent.id);
    const result = await correct(original.id, [{ description: 'Dopłata za materiały', amount: '25,5' }]);
    expect(result).toMatchObject({ ok: true, data: { gross: 2_550, credit: 0 } });
    if (!result.ok) return;
    expect(await byId(result.data.id)).toMatchObject({ gross: 2_550, paid: 0, status: 'issued' });
    expect(await payerBalance(t.db, w.school.id, w.wrona.parent.id, today)).toMatchObject({ balance: 12_550 });
  });

  it('numbers corrections gapless per year, independently of invoices', async () => {
    const all = await t.db
      .select({ kind: invoices.kind, seq: invoices.seq, number: invoices.number, year: invoices.year })
      .from(invoices)
      .where(eq(invoices.schoolId, w.school.id))
      .orderBy(asc(invoices.kind), asc(invoices.seq));
    const corrections = all.filter((i) => i.kind === 'correction');
    const regular = all.filter((i) => i.kind === 'invoice');
    expect(corrections.map((c) => c.seq)).toEqual([1, 2, 3]);
    expect(corrections.map((c) => c.number)).toEqual([1, 2, 3].map((n) => `FK/000${n}/${mm}/${year}`));
    expect(regular.map((i) => i.seq)).toEqual(regular.map((_, i) => i + 1));
    const counters = await t.db.select().from(invoiceCounters).where(eq(invoiceCounters.schoolId, w.school.id));
    expect(counters.map((c) => [c.kind, c.year, c.last]).sort()).toEqual(
      [
        ['correction', Number(year), 3],
        ['invoice', Number(year), regular.length],
      ].sort(),
    );
  });

  it('taxes the lines like the corrected invoice, even after the school changed its VAT setting', async () => {
    actAs(viewerOf(w.vatAdmin));
    expect(w.vatInvoice).toMatchObject({ vatMode: 'rate', vatRate: 23, net: 10_000, vat: 2_300, gross: 12_300 });
    await t.db.update(schools).set({ vatMode: 'exempt', vatRate: null }).where(eq(schools.id, w.vatowa.id));
    const result = await correct(w.vatInvoice.id, [
      { description: 'Zwrot', amount: '-33,33' },
      { description: 'Zwrot', amount: '-33,33' },
    ]);
    // VAT once from the net sum: 23 % of −66,66 is −15,33 (not twice −7,67).
    expect(result).toMatchObject({ ok: true, data: { net: -6_666, vat: -1_533, gross: -8_199 } });
    if (!result.ok) return;
    expect(await byId(result.data.id)).toMatchObject({ vatMode: 'rate', vatRate: 23, vatBasis: null });
  });

  it('corrects the buyer’s details on the correction alone; with no line and the same buyer there is nothing to correct', async () => {
    const original = await invoiceOf(w.sowinski.parent.id);
    const buyer = { name: 'Sowiński Consulting sp. z o.o.', address: 'ul. Długa 5\n00-001 Warszawa', nip: '526-000-12-46' };
    const result = await correct(original.id, [], { reason: 'Błędny nabywca', buyer });
    expect(result).toMatchObject({ ok: true, data: { net: 0, vat: 0, gross: 0 } });
    if (!result.ok) return;
    const correction = await byId(result.data.id);
    expect(correction.buyer).toMatchObject({ name: buyer.name, address: buyer.address, nip: '5260001246' });
    expect(await linesOf(correction.id)).toEqual([]);
    expect((await byId(original.id)).buyer).toEqual(original.buyer);

    const before = await snapshot();
    const stored = original.buyer as { name: string; address: string | null; nip: string | null };
    expect(await correct(original.id, [], { buyer: { name: stored.name, address: stored.address, nip: stored.nip } })).toMatchObject({
      ok: false,
      code: 'VALIDATION',
      fieldErrors: { lines: ['invoices.corrections.nothingToCorrect'] },
    });
    expect(await snapshot()).toEqual(before);
  });

  it('two corrections at once get distinct numbers and cannot together credit more than the invoice', async () => {
    const original = await invoiceOf(w.dudek.parent.id);
    expect(original.gross).toBe(10_000);
    const counterBefore = (await t.db.select().from(invoiceCounters).where(and(eq(invoiceCounters.schoolId, w.school.id), eq(invoiceCounters.kind, 'correction'))))[0]?.last ?? 0;
    const both = await Promise.all([correct(original.id, [{ description: 'Zwrot A', amount: '-30' }]), correct(original.id, [{ description: 'Zwrot B', amount: '-30' }])]);
    expect(both.every((r) => r.ok)).toBe(true);
    const numbers = both.map((r) => (r.ok ? r.data.number : ''));
    expect(new Set(numbers).size).toBe(2);
    expect(numbers.sort()).toEqual([counterBefore + 1, counterBefore + 2].map((n) => `FK/${String(n).padStart(4, '0')}/${mm}/${year}`));

    // 40 zł is left: of two credits of 30 zł at once, exactly one fits.
    const race = await Promise.all([correct(original.id, [{ description: 'Zwrot C', amount: '-30' }]), correct(original.id, [{ description: 'Zwrot D', amount: '-30' }])]);
    expect(race.filter((r) => r.ok)).toHaveLength(1);
    expect(race.find((r) => !r.ok)).toMatchObject({ ok: false, code: 'VALIDATION', fieldErrors: { lines: ['invoices.corrections.overCredit'] } });
    const corrections = await t.db.select().from(invoices).where(eq(invoices.correctsInvoiceId, original.id));
    expect(corrections).toHaveLength(3);
    expect(original.gross + corrections.reduce((s, c) => s + c.gross, 0)).toBe(1_000);
    const seqs = (await t.db.select({ seq: invoices.seq }).from(invoices).where(and(eq(invoices.schoolId, w.school.id), eq(invoices.kind, 'correction'))).orderBy(asc(invoices.seq))).map((r) => r.seq);
    expect(seqs).toEqual(seqs.map((_, i) => i + 1));

    // Exactly what is left may still be credited.
    expect(await correct(original.id, [{ description: 'Reszta', amount: '-10' }])).toMatchObject({ ok: true, data: { gross: -1_000 } });
    expect((await getCorrectionLinks(viewerOf(w.admin), original.id))?.correctedGross).toBe(0);
  });

  it('refuses, changing nothing: a correction of a correction, an over-credit, another school’s invoice, a parent or a tutor, no reason, no lines, bad amounts', async () => {
    const original = await invoiceOf(w.lis.parent.id);
    const [correction] = await t.db.select().from(invoices).where(eq(invoices.correctsInvoiceId, original.id));
    const before = await snapshot();
    const line = [{ description: 'Zwrot', amount: '-10' }];

    expect(await correct(correction.id, line)).toMatchObject({ ok: false, code: 'VALIDATION', fieldErrors: { invoiceId: ['invoices.corrections.ofCorrection'] }, message: 'invoices.corrections.ofCorrection' });
    // 100 zł invoiced, 40 zł already credited: 60,01 zł is a grosz too much.
    expect(await correct(original.id, [{ description: 'Zwrot', amount: '-60,01' }])).toMatchObject({ ok: false, code: 'VALIDATION', fieldErrors: { lines: ['invoices.corrections.overCredit'] } });
    expect(await correct(w.sowaInvoice.id, line)).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    for (const user of [w.lis.parent.user!, w.tutor.user!]) {
      actAs(viewerOf(user));
      expect(await correct(original.id, line)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    }
    actAs(viewerOf(w.admin));
    for (const reason of ['', '   ', null]) {
      expect(await correct(original.id, line, { reason }), String(reason)).toMatchObject({ ok: false, code: 'VALIDATION', fieldErrors: { reason: expect.any(Array) } });
    }
    expect(await correct(original.id, [])).toMatchObject({ ok: false, code: 'VALIDATION', fieldErrors: { lines: ['invoices.corrections.linesRequired'] } });
    expect(await correct(original.id, [{ description: 'Zwrot', amount: '0,00' }])).toMatchObject({ ok: false, fieldErrors: { 'lines.0.amount': ['invoices.corrections.amountZero'] } });
    for (const amount of ['abc', '-1,234', '1e3', '', null]) {
      expect(await correct(original.id, [{ description: 'Zwrot', amount } as never]), String(amount)).toMatchObject({ ok: false, fieldErrors: { 'lines.0.amount': ['invoices.corrections.amountInvalid'] } });
    }
    expect(await correct(original.id, [{ description: '  ', amount: '-5' }])).toMatchObject({ ok: false, fieldErrors: { 'lines.0.description': ['invoices.corrections.descriptionRequired'] } });
    expect(await correct(original.id, Array.from({ length: 51 }, () => ({ description: 'x', amount: '-0,01' })))).toMatchObject({ ok: false, code: 'VALIDATION', fieldErrors: { lines: expect.any(Array) } });
    expect(await correct(original.id, line, { buyer: { name: 'Firma', address: null, nip: '1234567890' } })).toMatchObject({ ok: false, fieldErrors: { 'buyer.nip': expect.any(Array) } });
    expect(await correct('not-an-id', line)).toMatchObject({ ok: false, code: 'VALIDATION' });
    expect(await correct('00000000-0000-4000-8000-000000000000', line)).toMatchObject({ ok: false, code: 'NOT_FOUND' });

    expect(await snapshot()).toEqual(before);
  });
});

describe('getCorrectionLinks', () => {
  it('links an invoice to its corrections and a correction back, only for those who may see the invoice', async () => {
    const original = await invoiceOf(w.lis.parent.id);
    const links = await getCorrectionLinks(viewerOf(w.admin), original.id);
    expect(links).toMatchObject({ corrects: null, correctedGross: 6_000, corrections: [{ number: `FK/0002/${mm}/${year}`, gross: -4_000, reason: 'Rabat uzgodniony z rodzicem' }] });
    const back = await getCorrectionLinks(viewerOf(w.admin), links!.corrections[0].id);
    expect(back).toMatchObject({ corrects: { id: original.id, number: original.number, reason: 'Rabat uzgodniony z rodzicem' }, corrections: [] });
    // The payer sees them; another family, a tutor and another school do not.
    expect((await getCorrectionLinks(viewerOf(w.lis.parent.user!), original.id))?.corrections).toHaveLength(1);
    expect(await getCorrectionLinks(viewerOf(w.wrona.parent.user!), original.id)).toBeUndefined();
    expect(await getCorrectionLinks(viewerOf(w.tutor.user!), original.id)).toBeUndefined();
    expect(await getCorrectionLinks(viewerOf(w.vatAdmin), original.id)).toBeUndefined();
    expect(await getCorrectionLinks(viewerOf(w.admin), 'nope')).toBeUndefined();
  });
});
