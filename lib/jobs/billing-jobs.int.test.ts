import { and, asc, eq, inArray, like } from 'drizzle-orm';
import { createElement } from 'react';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, emailOutbox, emailUnsubscribes, invoices, schools, users, type School } from '@/db/schema';
import { createFamily, createLesson, createParent, createPayment, createSchool, createStudent, createSubject, createTutor, linkParent, setSubjectPrice } from '@/db/seed/factories';
import { runAudited } from '@/lib/audited';
import { issueCorrection } from '@/lib/billing/corrections';
import { invoiceNotices, notifyPayers } from '@/lib/billing/notices';
import { issueMonth, reallocate } from '@/lib/billing/run';
import { JOBS, runJobForSchool, schoolsFor, type JobName } from '@/lib/jobs';
import { freshTestDatabase } from '@/test/database';

const t = freshTestDatabase();

/** 16:00 Warsaw on a November 2026 day (CET, UTC+1). */
const nov = (day: number) => `2026-11-${String(day).padStart(2, '0')}T15:00:00Z`;
/** `hour`:00 Warsaw on a day of December 2026 (CET, UTC+1), as an instant. */
const decAt = (day: number, hour: number) => new Date(Date.UTC(2026, 11, day, hour - 1));
/** The billing run: 25 November 2026, 06:00 Warsaw. Invoices are due 14 days later, on 9 December. */
const BILLING = new Date('2026-11-25T05:00:00Z');

const flat = (s: string) => s.replace(/[\s\u00a0\u202f]+/g, ' ');

let w: Awaited<ReturnType<typeof build>>;

/**
 * Na Piątkę (Warsaw; pays by transfer to its account): maths at 100 zł an hour. Payers, each
 * with one or two November lessons:
 * - nowak: a parent with an account, Polish; two children (200 zł);
 * - smith: a parent with an account in English (100 zł);
 * - gone: a parent archived since (100 zł) — never emailed;
 * - ewa: an adult paying for herself, with an address (100 zł) — no portal page;
 * - nomail: an adult paying for herself with no address anywhere (100 zł);
 * - quiet: a parent who unsubscribed from reminders (100 zł);
 * - payer: a parent who pays in full before the due date (100 zł);
 * - credited: a parent whose invoice a correction credits in full (100 zł).
 */
async function build() {
  const school = await createSchool(t.db, {
    name: 'Na Piątkę',
    legalName: 'Szkoła Korepetycji Na Piątkę sp. z o.o.',
    bankAccount: '61 1090 1014 0000 0712 1981 2874',
    email: 'biuro@napiatke.test',
    phone: '+48 22 123 45 67',
    paymentTermDays: 14,
    paymentReminderDays: 7,
  });
  const tutor = await createTutor(t.db, { schoolId: school.id, firstName: 'Anna', lastName: 'Kowalczyk' });
  const math = await createSubject(t.db, { schoolId: school.id, name: 'Matematyka' });
  await setSubjectPrice(t.db, { schoolId: school.id, subjectId: math.id, individualPer60: 10_000 });
  const lesson = (studentId: string, day: number) => createLesson(t.db, { schoolId: school.id, tutorId: tutor.id, subjectId: math.id, start: nov(day), studentIds: [studentId], status: 'completed' });

  const nowak = await createFamily(t.db, { schoolId: school.id, children: 2, lastName: 'Nowak' });
  await lesson(nowak.children[0].id, 3);
  await lesson(nowak.children[1].id, 4);

  const family = async (lastName: string, day: number, parent: Parameters<typeof createParent>[1]) => {
    const p = await createParent(t.db, { ...parent, lastName });
    const child = await createStudent(t.db, { schoolId: school.id, firstName: 'Kid', lastName });
    await linkParent(t.db, { schoolId: school.id, parentId: p.id, studentId: child.id, isPayer: true });
    await lesson(child.id, day);
    return p;
  };
  const smith = await family('Smith', 5, { schoolId: school.id, firstName: 'John', preferredLanguage: 'en' });
  await t.db.update(users).set({ locale: 'en' }).where(eq(users.id, smith.userId!));
  const gone = await family('Odszedł', 6, { schoolId: school.id, firstName: 'Piotr', archivedAt: new Date('2026-11-20T10:00:00Z') });
  const quiet = await family('Cicha', 9, { schoolId: school.id, firstName: 'Maria' });
  await t.db.insert(emailUnsubscribes).values({ schoolId: school.id, email: quiet.email.toUpperCase() });
  const payer = await family('Płacąca', 10, { schoolId: school.id, firstName: 'Zofia' });
  const credited = await family('Korekta', 11, { schoolId: school.id, firstName: 'Adam' });

  const ewa = await createStudent(t.db, { schoolId: school.id, firstName: 'Ewa', lastName: 'Dorosła', level: 'adult', isSelfPayer: true, email: 'ewa.dorosla@example.test' });
  await lesson(ewa.id, 12);
  const nomail = await createStudent(t.db, { schoolId: school.id, firstName: 'Jan', lastName: 'Bezadresu', level: 'adult', isSelfPayer: true, email: null });
  await lesson(nomail.id, 13);

  return { school, nowak: nowak.parent, smith, gone, quiet, payer, credited, ewa, nomail };
}

beforeAll(async () => {
  w = await build();
});

const schoolNow = async () => (await t.db.select().from(schools).where(eq(schools.id, w.school.id)))[0];
const setSchool = (values: Partial<School>) => t.db.update(schools).set(values).where(eq(schools.id, w.school.id));
const run = async (job: JobName, at: Date) => {
  const done = await runJobForSchool(t.db, job, await schoolNow(), at, { trigger: 'cli' });
  expect(done.status).toBe('succeeded');
  return done.counts;
};
const outbox = (template: string) =>
  t.db
    .select()
    .from(emailOutbox)
    .where(and(eq(emailOutbox.schoolId, w.school.id), eq(emailOutbox.template, template)))
    .orderBy(asc(emailOutbox.toAddress));
const invoiceOf = async (payerKey: string) => (await t.db.select().from(invoices).where(and(eq(invoices.payerKey, payerKey), eq(invoices.kind, 'invoice'))))[0];
const statuses = async () => new Map((await t.db.select({ key: invoices.payerKey, status: invoices.status, kind: invoices.kind }).from(invoices).where(eq(invoices.schoolId, w.school.id))).filter((r) => r.kind === 'invoice').map((r) => [r.key, r.status]));

describe('monthly-billing', () => {
  it('issues the month and emails every payer who can be written to, the invoice PDF attached', async () => {
    expect(await run('monthly-billing', BILLING)).toMatchObject({ issued: 8, alreadyIssued: 0, emailed: 6, alreadySent: 0, skipped: 2 });
    const rows = await outbox('invoice-issued');
    const to = (email: string) => rows.find((r) => r.toAddress === email.toLowerCase());
    expect(rows.map((r) => r.toAddress).sort()).toEqual([w.nowak.email, w.smith.email, w.ewa.email!, w.quiet.email, w.payer.email, w.credited.email].map((e) => e.toLowerCase()).sort());
    expect(to(w.gone.email)).toBeUndefined();

    const nowakInvoice = await invoiceOf(w.nowak.id);
    const nowakMail = to(w.nowak.email)!;
    expect(nowakMail.subject).toBe(`Faktura ${nowakInvoice.number} za listopad 2026`);
    expect(nowakMail.meta).toMatchObject({ invoiceId: nowakInvoice.id, attachments: [`${nowakInvoice.number.replace(/\//g, '-')}.pdf`] });
    expect(nowakMail.dedupeKey).toBe(`invoice-issued:${nowakInvoice.id}:${w.nowak.email.toLowerCase()}`);
    const text = flat(nowakMail.text);
    expect(text).toContain('Do zapłaty: 200,00 zł, termin płatności: 09.12.2026.');
    expect(text).toContain('Numer konta: 61 1090 1014 0000 0712 1981 2874');
    expect(text).toContain(`Tytuł przelewu: ${nowakInvoice.transferTitle}`);
    expect(text).toContain('/parent/invoices');
    expect(text).toContain('biuro@napiatke.test');
    expect(nowakMail.html).not.toContain('/unsubscribe');

    const smithInvoice = await invoiceOf(w.smith.id);
    expect(to(w.smith.email)!.subject).toBe(`Invoice ${smithInvoice.number} for November 2026`);
    expect(flat(to(w.smith.email)!.text)).toContain('Amount due: PLN 100.00, payment due by 09.12.2026.');
    // An adult student has no invoice page in the portal: no link to one.
    expect(to(w.ewa.email!)!.text).not.toContain('/invoices');
  });

  it('a second run issues nothing and sends nothing', async () => {
    const before = await t.db.select().from(emailOutbox);
    expect(await run('monthly-billing', BILLING)).toMatchObject({ issued: 0, alreadyIssued: 8, emailed: 0, alreadySent: 6, skipped: 2 });
    expect(await t.db.select().from(emailOutbox)).toHaveLength(before.length);
  });

  it('a run that died after issuing sends the emails still missing, and only those', async () => {
    const ewaInvoice = await invoiceOf(w.ewa.id);
    await t.db.delete(emailOutbox).where(like(emailOutbox.dedupeKey, `invoice-issued:${ewaInvoice.id}:%`));
    expect(await run('monthly-billing', new Date('2026-11-25T16:00:00Z'))).toMatchObject({ issued: 0, emailed: 1, alreadySent: 5, skipped: 2 });
    expect((await outbox('invoice-issued')).filter((r) => r.toAddress === w.ewa.email)).toHaveLength(1);
  });

  it('sends nothing when the school switched invoice emails off', async () => {
    const ewaInvoice = await invoiceOf(w.ewa.id);
    await t.db.delete(emailOutbox).where(like(emailOutbox.dedupeKey, `invoice-issued:${ewaInvoice.id}:%`));
    await setSchool({ emailKindsOff: ['invoice-issued'] });
    try {
      expect(await run('monthly-billing', BILLING)).toMatchObject({ issued: 0, emailed: 0, alreadySent: 0, skipped: 8 });
      expect((await outbox('invoice-issued')).filter((r) => r.toAddress === w.ewa.email)).toHaveLength(0);
    } finally {
      await setSchool({ emailKindsOff: [] });
    }
    // Switched on again, the missing email goes.
    expect(await run('monthly-billing', BILLING)).toMatchObject({ emailed: 1, alreadySent: 5 });
  });
});

describe('after the invoices', () => {
  beforeAll(async () => {
    // Zofia pays her invoice in full on 1 December; the Nowaks pay 50 zł of their 200.
    await createPayment(t.db, { schoolId: w.school.id, payerParentId: w.payer.id, amount: 10_000, paidOn: '2026-12-01' });
    await reallocate(t.db, w.school.id, w.payer.id, '2026-12-01');
    await createPayment(t.db, { schoolId: w.school.id, payerParentId: w.nowak.id, amount: 5_000, paidOn: '2026-12-01' });
    await reallocate(t.db, w.school.id, w.nowak.id, '2026-12-01');
    // Adam's lesson was a mistake: a correction credits the whole invoice, so nothing is due.
    const original = await invoiceOf(w.credited.id);
    await runAudited({ system: 'test', schoolId: w.school.id }, (tx, audit) =>
      issueCorrection(tx, audit, { schoolId: w.school.id, invoiceId: original.id, reason: 'Lekcja wpisana omyłkowo', lines: [{ description: 'Lekcja 11.11.2026', amount: -10_000 }], at: new Date('2026-11-30T10:00:00Z') }),
    t.db);
    expect((await invoiceOf(w.credited.id)).status).toBe('paid');
    expect((await invoiceOf(w.payer.id)).status).toBe('paid');
  });

  describe('payment-reminders', () => {
    it('reminds nobody before the lead days start', async () => {
      expect(await run('payment-reminders', decAt(1, 9))).toEqual({ emailed: 0, alreadySent: 0, skipped: 0 });
      expect(await outbox('payment-reminder')).toHaveLength(0);
    });

    it('reminds nobody when the lead days are 0 or the school switched reminders off', async () => {
      await setSchool({ paymentReminderDays: 0 });
      try {
        expect(await run('payment-reminders', decAt(2, 9))).toEqual({ emailed: 0, alreadySent: 0, skipped: 0 });
      } finally {
        await setSchool({ paymentReminderDays: 7 });
      }
      await setSchool({ emailKindsOff: ['payment-reminder'] });
      try {
        expect(await run('payment-reminders', decAt(2, 9))).toMatchObject({ emailed: 0, skipped: 6 });
      } finally {
        await setSchool({ emailKindsOff: [] });
      }
      expect(await outbox('payment-reminder')).toHaveLength(0);
    });

    it('a week before the due date: the unpaid invoices of reachable, subscribed payers, once', async () => {
      // Unpaid: nowak (150 zł left), smith, gone (archived), ewa, nomail (no address), quiet (unsubscribed).
      expect(await run('payment-reminders', decAt(2, 9))).toEqual({ emailed: 3, alreadySent: 0, skipped: 3 });
      const rows = await outbox('payment-reminder');
      expect(rows.map((r) => r.toAddress).sort()).toEqual([w.nowak.email, w.smith.email, w.ewa.email!].map((e) => e.toLowerCase()).sort());
      const nowakMail = rows.find((r) => r.toAddress === w.nowak.email.toLowerCase())!;
      const number = (await invoiceOf(w.nowak.id)).number;
      expect(nowakMail.subject).toBe(`Przypomnienie: termin płatności faktury ${number} mija 09.12.2026`);
      expect(flat(nowakMail.text)).toContain(`termin płatności faktury nr ${number} mija za 7 dni (09.12.2026)`);
      expect(flat(nowakMail.text)).toContain('Do zapłaty pozostało: 150,00 zł.');
      // A reminder: the footer offers the signed unsubscribe link.
      expect(nowakMail.html).toContain('/unsubscribe?s=');
      expect(rows.find((r) => r.toAddress === w.smith.email.toLowerCase())!.subject).toMatch(/^Reminder: invoice .+ is due on 09\.12\.2026$/);

      // Run again the same day, and the next day (a missed day is caught up; a sent one is not repeated).
      expect(await run('payment-reminders', decAt(2, 9))).toEqual({ emailed: 0, alreadySent: 3, skipped: 3 });
      expect(await run('payment-reminders', decAt(3, 9))).toEqual({ emailed: 0, alreadySent: 3, skipped: 3 });
      expect(await outbox('payment-reminder')).toHaveLength(3);
    });

    it('on the due date the window still holds; the day after, the invoice is overdue and no longer reminded', async () => {
      expect(await run('payment-reminders', decAt(9, 9))).toEqual({ emailed: 0, alreadySent: 3, skipped: 3 });
      expect(await run('payment-reminders', decAt(10, 9))).toEqual({ emailed: 0, alreadySent: 0, skipped: 0 });
    });
  });

  describe('overdue-check', () => {
    it('on the due date nothing is overdue yet', async () => {
      expect(await run('overdue-check', decAt(9, 8))).toEqual({ markedOverdue: 0, emailed: 0, alreadySent: 0, skipped: 0 });
      expect(await outbox('overdue-notice')).toHaveLength(0);
    });

    it('the day after: marks the unpaid invoices overdue (audited) even with the notices switched off', async () => {
      await setSchool({ emailKindsOff: ['overdue-notice'] });
      try {
        expect(await run('overdue-check', decAt(10, 8))).toEqual({ markedOverdue: 6, emailed: 0, alreadySent: 0, skipped: 6 });
      } finally {
        await setSchool({ emailKindsOff: [] });
      }
      expect(await outbox('overdue-notice')).toHaveLength(0);
      const s = await statuses();
      for (const key of [w.nowak.id, w.smith.id, w.gone.id, w.quiet.id, w.ewa.id, w.nomail.id]) expect(s.get(key)).toBe('overdue');
      expect(s.get(w.payer.id)).toBe('paid');
      expect(s.get(w.credited.id)).toBe('paid');
      const nowakInvoice = await invoiceOf(w.nowak.id);
      const trail = await t.db.select().from(auditLog).where(and(eq(auditLog.entityId, nowakInvoice.id), eq(auditLog.action, 'invoice.allocation'))).orderBy(asc(auditLog.id));
      expect(trail.at(-1)).toMatchObject({ actorSystem: 'overdue-check', actorUserId: null, before: { status: 'partially_paid', paid: 5_000 }, after: { status: 'overdue', paid: 5_000 } });
    });

    it('sends one overdue notice per unpaid invoice — also to a payer who unsubscribed from reminders — and never again', async () => {
      expect(await run('overdue-check', decAt(10, 8))).toEqual({ markedOverdue: 0, emailed: 4, alreadySent: 0, skipped: 2 });
      const rows = await outbox('overdue-notice');
      expect(rows.map((r) => r.toAddress).sort()).toEqual([w.nowak.email, w.smith.email, w.ewa.email!, w.quiet.email].map((e) => e.toLowerCase()).sort());
      const nowakMail = rows.find((r) => r.toAddress === w.nowak.email.toLowerCase())!;
      const number = (await invoiceOf(w.nowak.id)).number;
      expect(nowakMail.subject).toBe(`Zaległa płatność za fakturę ${number}`);
      expect(flat(nowakMail.text)).toContain(`Termin płatności faktury nr ${number} minął 09.12.2026`);
      expect(flat(nowakMail.text)).toContain('Do zapłaty pozostało: 150,00 zł.');
      expect(flat(nowakMail.text)).toContain('biuro@napiatke.test');
      expect(nowakMail.html).not.toContain('/unsubscribe');
      expect(rows.find((r) => r.toAddress === w.smith.email.toLowerCase())!.subject).toBe(`Overdue payment for invoice ${(await invoiceOf(w.smith.id)).number}`);

      const before = { outbox: (await t.db.select().from(emailOutbox)).length, audit: (await t.db.select().from(auditLog)).length, statuses: await statuses() };
      expect(await run('overdue-check', decAt(10, 8))).toEqual({ markedOverdue: 0, emailed: 0, alreadySent: 4, skipped: 2 });
      expect(await run('overdue-check', decAt(11, 8))).toEqual({ markedOverdue: 0, emailed: 0, alreadySent: 4, skipped: 2 });
      expect((await t.db.select().from(emailOutbox)).length).toBe(before.outbox);
      expect((await t.db.select().from(auditLog)).length).toBe(before.audit);
      expect(await statuses()).toEqual(before.statuses);
    });

    it('paid invoices get nothing, and a payment after the notice leaves it at one', async () => {
      const payerInvoice = await invoiceOf(w.payer.id);
      const creditedInvoice = await invoiceOf(w.credited.id);
      const about = await t.db.select().from(emailOutbox).where(inArray(emailOutbox.dedupeKey, [payerInvoice.id, creditedInvoice.id].flatMap((id) => [`overdue-notice:${id}:${w.payer.email.toLowerCase()}`, `overdue-notice:${id}:${w.credited.email.toLowerCase()}`])));
      expect(about).toHaveLength(0);
      await createPayment(t.db, { schoolId: w.school.id, payerParentId: w.smith.id, amount: 10_000, paidOn: '2026-12-11' });
      await reallocate(t.db, w.school.id, w.smith.id, '2026-12-11');
      expect(await run('overdue-check', decAt(12, 8))).toEqual({ markedOverdue: 0, emailed: 0, alreadySent: 3, skipped: 2 });
    });
  });
});

describe('a short payment term, a payer without an account, a message that cannot be built', () => {
  let sowa: School;
  let english: Awaited<ReturnType<typeof createParent>>;
  let polish: Awaited<ReturnType<typeof createParent>>;
  beforeAll(async () => {
    // Sowa gives 3 days to pay and reminds 7 days ahead: the window opens before the invoice exists.
    sowa = await createSchool(t.db, { name: 'Sowa', bankAccount: '61 1090 1014 0000 0712 1981 2874', paymentTermDays: 3, paymentReminderDays: 7 });
    const tutor = await createTutor(t.db, { schoolId: sowa.id });
    const math = await createSubject(t.db, { schoolId: sowa.id, name: 'Matematyka' });
    await setSubjectPrice(t.db, { schoolId: sowa.id, subjectId: math.id, individualPer60: 12_345 });
    const payerOf = async (p: Awaited<ReturnType<typeof createParent>>, day: number) => {
      const child = await createStudent(t.db, { schoolId: sowa.id, lastName: p.lastName });
      await linkParent(t.db, { schoolId: sowa.id, parentId: p.id, studentId: child.id, isPayer: true });
      await createLesson(t.db, { schoolId: sowa.id, tutorId: tutor.id, subjectId: math.id, start: nov(day), studentIds: [child.id], status: 'completed' });
    };
    // No account: the language is the one the school keeps for the parent.
    english = await createParent(t.db, { schoolId: sowa.id, firstName: 'Mary', lastName: 'Brown', preferredLanguage: 'en', withLogin: false });
    polish = await createParent(t.db, { schoolId: sowa.id, firstName: 'Jan', lastName: 'Wróbel', withLogin: false });
    await payerOf(english, 3);
    await payerOf(polish, 4);
  });
  const mailsTo = (email: string, template: string) => t.db.select().from(emailOutbox).where(and(eq(emailOutbox.toAddress, email.toLowerCase()), eq(emailOutbox.template, template)));

  it('a run whose message cannot be built sends the others, fails, and its retry sends the rest', async () => {
    await issueMonth(t.db, { system: 'monthly-billing', schoolId: sowa.id }, sowa.id, '2026-11', BILLING);
    const list = await invoiceNotices(t.db, sowa, eq(invoices.kind, 'invoice'));
    expect(list.map((n) => [n.recipient?.email, n.recipient?.locale]).sort()).toEqual([[english.email, 'en'], [polish.email, 'pl']].sort());
    const message = (broken: string | null) => ({
      subject: () => 'Faktura',
      body: () => createElement('p', null, 'Faktura'),
      attachments: async (n: (typeof list)[number]) => {
        if (n.recipient?.email === broken) throw new Error('the PDF could not be rendered');
        return [];
      },
    });
    await expect(notifyPayers(t.db, sowa, 'invoice-issued', list, message(english.email))).rejects.toThrow(/1 of 2 invoice-issued emails could not be sent \(FV\/\d+\/11\/2026: the PDF could not be rendered\)/);
    expect(await mailsTo(polish.email, 'invoice-issued')).toHaveLength(1);
    expect(await mailsTo(english.email, 'invoice-issued')).toHaveLength(0);
    expect(await notifyPayers(t.db, sowa, 'invoice-issued', list, message(null))).toEqual({ emailed: 1, alreadySent: 1, skipped: 0 });
  });

  it('the job emails in the language the school keeps for a parent without an account', async () => {
    await t.db.delete(emailOutbox).where(eq(emailOutbox.schoolId, sowa.id));
    const done = await runJobForSchool(t.db, 'monthly-billing', sowa, BILLING, { trigger: 'cli' });
    expect(done.counts).toMatchObject({ issued: 0, alreadyIssued: 2, emailed: 2 });
    expect((await mailsTo(english.email, 'invoice-issued'))[0].subject).toMatch(/^Invoice FV\/\d+\/11\/2026 for November 2026$/);
    expect(flat((await mailsTo(english.email, 'invoice-issued'))[0].text)).toContain('PLN 123.45');
    expect((await mailsTo(polish.email, 'invoice-issued'))[0].subject).toMatch(/^Faktura FV\/\d+\/11\/2026 za listopad 2026$/);
  });

  it('no reminder on the day of issue (the invoice email says it all), one from the next day', async () => {
    const reminders = async (at: Date) => (await runJobForSchool(t.db, 'payment-reminders', sowa, at, { trigger: 'cli' })).counts;
    // Issued 25 November, due 28 November.
    expect(await reminders(new Date('2026-11-25T08:00:00Z'))).toEqual({ emailed: 0, alreadySent: 0, skipped: 0 });
    expect(await reminders(new Date('2026-11-26T08:00:00Z'))).toEqual({ emailed: 2, alreadySent: 0, skipped: 0 });
    expect(flat((await mailsTo(english.email, 'payment-reminder'))[0].text)).toContain('is due in 2 days (28.11.2026)');
    expect(flat((await mailsTo(polish.email, 'payment-reminder'))[0].text)).toContain('mija za 2 dni (28.11.2026)');
    expect(await reminders(new Date('2026-11-28T08:00:00Z'))).toEqual({ emailed: 0, alreadySent: 2, skipped: 0 });
  });
});

describe('schedules in the school’s own time', () => {
  let zones: Record<'warsaw' | 'tokyo' | 'newYork' | 'auckland', School>;
  beforeAll(async () => {
    zones = {
      warsaw: await createSchool(t.db, { name: 'Warszawa' }),
      tokyo: await createSchool(t.db, { name: 'Tokio', timeZone: 'Asia/Tokyo' }),
      newYork: await createSchool(t.db, { name: 'Nowy Jork', timeZone: 'America/New_York' }),
      auckland: await createSchool(t.db, { name: 'Auckland', timeZone: 'Pacific/Auckland', billingDay: 1 }),
    };
  });
  /** Which of the four schools the hourly scheduler runs `job` for at `at`. */
  const due = async (job: JobName, at: string) => {
    const ids = new Set(Object.values(zones).map((s) => s.id));
    const names = new Map(Object.entries(zones).map(([k, s]) => [s.id, k]));
    return (await schoolsFor(t.db, job, new Date(at), { trigger: 'schedule' })).filter((s) => ids.has(s.id)).map((s) => names.get(s.id));
  };

  it('overdue-check at 08:00 Warsaw on the days the clocks change, not an hour either side', async () => {
    // 25 October 2026: back from CEST to CET at 03:00, so 08:00 is 07:00 UTC.
    expect(await due('overdue-check', '2026-10-25T07:00:00Z')).toEqual(['warsaw']);
    expect(await due('overdue-check', '2026-10-25T06:00:00Z')).toEqual([]);
    expect(await due('overdue-check', '2026-10-25T08:00:00Z')).toEqual([]);
    // 28 March 2027: forward to CEST at 02:00, so 08:00 is 06:00 UTC.
    expect(await due('overdue-check', '2027-03-28T06:00:00Z')).toEqual(['warsaw']);
    expect(await due('overdue-check', '2027-03-28T05:00:00Z')).toEqual([]);
    expect(await due('overdue-check', '2027-03-28T07:00:00Z')).toEqual([]);
  });

  it('a school in another zone runs at its own 08:00 and 09:00', async () => {
    expect(await due('overdue-check', '2026-12-09T23:00:00Z')).toEqual(['tokyo']);
    expect(await due('overdue-check', '2026-12-10T13:00:00Z')).toEqual(['newYork']);
    expect(await due('overdue-check', '2026-07-10T12:00:00Z')).toEqual(['newYork']);
    expect(await due('payment-reminders', '2026-12-10T00:00:00Z')).toEqual(['tokyo']);
    expect(await due('payment-reminders', '2026-12-10T08:00:00Z')).toEqual(['warsaw']);
    // A school's own overdue-check hour.
    await t.db.update(schools).set({ overdueCheckHour: 17 }).where(eq(schools.id, zones.tokyo.id));
    expect(await due('overdue-check', '2026-12-10T08:00:00Z')).toEqual(['tokyo']);
    expect(JOBS['overdue-check'].isDue({ ...zones.tokyo, overdueCheckHour: 17 }, { date: '2026-12-10', day: 10, hour: 8 })).toBe(false);
  });

  it('monthly billing on the 25th at 06:00 local, also when that is still the 24th in UTC', async () => {
    // Warsaw in December: 06:00 CET is 05:00 UTC.
    expect(await due('monthly-billing', '2026-12-25T05:00:00Z')).toEqual(['warsaw']);
    // Tokyo: 06:00 on the 25th is 21:00 UTC on the 24th.
    expect(await due('monthly-billing', '2026-12-24T21:00:00Z')).toEqual(['tokyo']);
    expect(await due('monthly-billing', '2026-12-25T21:00:00Z')).toEqual([]);
    // New York: 06:00 EST is 11:00 UTC.
    expect(await due('monthly-billing', '2026-12-25T11:00:00Z')).toEqual(['newYork']);
    // Auckland bills on the 1st: 06:00 NZDT on 1 January 2027 is 17:00 UTC on 31 December.
    expect(await due('monthly-billing', '2026-12-31T17:00:00Z')).toEqual(['auckland']);
    expect(await due('monthly-billing', '2027-01-01T17:00:00Z')).toEqual([]);
  });
});
