import 'server-only';
import { and, eq, gte, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import {
  cancellationRequests,
  invoiceLines,
  invoices,
  lessons,
  lessonStudents,
  makeupCredits,
  parents,
  parentStudents,
  schools,
  studentPrices,
  students,
  subjectPrices,
  subjects,
  tutors,
  type School,
} from '@/db/schema';
import type { Queryable } from '@/lib/db';
import type { Grosze } from '@/lib/money';
import { instantToZoned, zonedToInstant } from '@/lib/time';
import { describeLine, type LineFacts } from './lines';
import { chargeOf, invoiceTotals, lessonPrice, monthSpan, siblingDiscount, type VatSetting } from './rules';

/**
 * What a month's billing would issue, computed from the database without writing: for each
 * payer, the lines of their invoice. Charges are kept as a ledger per lesson and student: what
 * should be charged now minus what earlier invoices already charged. So the month's own lessons
 * come in full, and a lesson of an already invoiced month that changed since (cancelled in time,
 * added, moved in, repriced) becomes an adjustment line — issued invoices never change. A month
 * no invoice of this payer covered (before billing started) is never billed after the fact.
 */

export type Payer = { kind: 'parent' | 'student'; id: string; name: string; address: string | null; nip: string | null; email: string | null; language: 'pl' | 'en' };

export type PlannedLine = {
  kind: 'lesson' | 'late_cancellation' | 'adjustment' | 'discount';
  lessonId: string | null;
  studentId: string | null;
  serviceDate: string | null;
  minutes: number | null;
  unitNet: Grosze;
  net: Grosze;
  description: string;
  facts: LineFacts | null;
};

export type PayerPlan = {
  payer: Payer;
  /** The children (or the adult student) this invoice is for, by name, for the transfer title. */
  students: { id: string; name: string }[];
  lines: PlannedLine[];
  totals: { net: Grosze; vat: Grosze; gross: Grosze };
  /** This payer already has the month's invoice: nothing to issue. */
  existingInvoiceId: string | null;
  /** Why nothing is issued although there are lines (their sum is not above zero: the credit waits for the next invoice). */
  held: boolean;
};

export type BillingPlan = {
  schoolId: string;
  period: string;
  payers: PayerPlan[];
  /** Students with chargeable lessons but nobody to pay (no payer parent, not paying themself). */
  noPayer: { studentId: string; name: string }[];
  /** Charges left out because no price is set for the subject (or the student). */
  missingPrices: { studentId: string; student: string; subjectId: string; subject: string; lessons: number }[];
};

/** How far back a change to an invoiced month is still picked up. */
const LOOKBACK_MONTHS = 12;

export function vatOf(school: Pick<School, 'vatMode' | 'vatRate' | 'vatExemptionBasis'>): VatSetting {
  return school.vatMode === 'rate' ? { mode: 'rate', ratePercent: school.vatRate ?? 0 } : { mode: 'exempt', basis: school.vatExemptionBasis ?? '' };
}

/**
 * The plan of `period` ("2026-11") for a school, or for one payer (`payerKey`: a parent's or a
 * self-paying student's id) when a run issues that payer's invoice inside its transaction.
 */
export async function planMonth(db: Queryable, schoolId: string, period: string, options: { payerKey?: string } = {}): Promise<BillingPlan> {
  const span = monthSpan(period);
  const [school] = await db.select().from(schools).where(eq(schools.id, schoolId));
  if (!school) throw new Error(`no school ${schoolId}`);
  const zone = school.timeZone;
  const horizonMonth = monthSpan(shiftMonth(period, -LOOKBACK_MONTHS)).first;
  const from = zonedToInstant(horizonMonth, '00:00', zone);
  const to = zonedToInstant(span.next, '00:00', zone);

  // Who pays for whom: a payer parent (the first one linked, should there be two), else the student themself.
  // For one payer only the students it may pay for are read (its children, or itself), not the school.
  const candidates = options.payerKey
    ? [
        options.payerKey,
        ...(await db.select({ id: parentStudents.studentId }).from(parentStudents).where(and(eq(parentStudents.parentId, options.payerKey), eq(parentStudents.isPayer, true)))).map((r) => r.id),
      ]
    : null;
  const payerLinks = await db
    .select({ studentId: parentStudents.studentId, parentId: parentStudents.parentId })
    .from(parentStudents)
    .innerJoin(parents, eq(parents.id, parentStudents.parentId))
    .where(and(eq(parentStudents.schoolId, schoolId), eq(parentStudents.isPayer, true), candidates ? inArray(parentStudents.studentId, candidates) : undefined))
    .orderBy(parentStudents.createdAt);
  const parentOf = new Map<string, string>();
  for (const l of payerLinks) if (!parentOf.has(l.studentId)) parentOf.set(l.studentId, l.parentId);
  const studentRows = await db
    .select({ id: students.id, firstName: students.firstName, lastName: students.lastName, isSelfPayer: students.isSelfPayer, email: students.email })
    .from(students)
    .where(and(eq(students.schoolId, schoolId), candidates ? inArray(students.id, candidates) : undefined));
  const studentById = new Map(studentRows.map((s) => [s.id, s]));
  const payerKeyOf = (studentId: string): string | null => parentOf.get(studentId) ?? (studentById.get(studentId)?.isSelfPayer ? studentId : null);
  const studentFilter = options.payerKey ? studentRows.filter((s) => payerKeyOf(s.id) === options.payerKey).map((s) => s.id) : null;
  if (studentFilter && studentFilter.length === 0) return { schoolId, period, payers: [], noPayer: [], missingPrices: [] };

  // Every student's place in a lesson of the window: enrolled, or dropped from a group by a late cancellation.
  const lessonCols = {
    lessonId: lessons.id,
    status: lessons.status,
    kind: lessons.kind,
    subjectId: lessons.subjectId,
    tutorId: lessons.tutorId,
    during: lessons.during,
  };
  const inWindow = and(eq(lessons.schoolId, schoolId), sql`lower(${lessons.during}) >= ${from.toISOString()}::timestamptz`, sql`lower(${lessons.during}) < ${to.toISOString()}::timestamptz`);
  const [enrolled, lateRequests, makeups, billed, invoiced] = await Promise.all([
    db
      .select({ ...lessonCols, studentId: lessonStudents.studentId })
      .from(lessonStudents)
      .innerJoin(lessons, eq(lessons.id, lessonStudents.lessonId))
      .where(and(inWindow, studentFilter ? inArray(lessonStudents.studentId, studentFilter) : undefined)),
    db
      .select({ ...lessonCols, studentId: cancellationRequests.studentId })
      .from(cancellationRequests)
      .innerJoin(lessons, eq(lessons.id, cancellationRequests.lessonId))
      .where(and(inWindow, eq(cancellationRequests.status, 'approved'), eq(cancellationRequests.late, true), studentFilter ? inArray(cancellationRequests.studentId, studentFilter) : undefined)),
    db
      .select({ lessonId: makeupCredits.usedByLessonId, studentId: makeupCredits.studentId })
      .from(makeupCredits)
      .where(and(eq(makeupCredits.schoolId, schoolId), eq(makeupCredits.status, 'used'), isNotNull(makeupCredits.usedByLessonId), studentFilter ? inArray(makeupCredits.studentId, studentFilter) : undefined)),
    db
      .select({ lessonId: invoiceLines.lessonId, studentId: invoiceLines.studentId, net: sql<number>`sum(${invoiceLines.net})::int` })
      .from(invoiceLines)
      .where(and(eq(invoiceLines.schoolId, schoolId), isNotNull(invoiceLines.lessonId), studentFilter ? inArray(invoiceLines.studentId, studentFilter) : undefined))
      .groupBy(invoiceLines.lessonId, invoiceLines.studentId),
    db
      .select({ id: invoices.id, payerKey: invoices.payerKey, period: invoices.period })
      .from(invoices)
      .where(and(eq(invoices.schoolId, schoolId), eq(invoices.kind, 'invoice'), gte(invoices.period, horizonMonth), isNull(invoices.correctsInvoiceId))),
  ]);
  const key = (lessonId: string, studentId: string) => `${lessonId}|${studentId}`;
  const lateSet = new Set(lateRequests.map((r) => key(r.lessonId, r.studentId)));
  const makeupSet = new Set(makeups.map((m) => key(m.lessonId!, m.studentId)));
  const billedBy = new Map(billed.map((b) => [key(b.lessonId!, b.studentId!), b.net]));
  const invoicedMonths = new Set(invoiced.map((i) => `${i.payerKey}|${i.period}`));
  const existing = new Map(invoiced.filter((i) => i.period === span.first).map((i) => [i.payerKey, i.id]));

  const pairs = new Map<string, (typeof enrolled)[number] & { enrolled: boolean }>();
  for (const e of enrolled) pairs.set(key(e.lessonId, e.studentId), { ...e, enrolled: true });
  for (const r of lateRequests) if (!pairs.has(key(r.lessonId, r.studentId))) pairs.set(key(r.lessonId, r.studentId), { ...r, enrolled: false });

  const [subjectRows, tutorRows, priceRows, overrideRows] = await Promise.all([
    db.select({ id: subjects.id, name: subjects.name }).from(subjects).where(eq(subjects.schoolId, schoolId)),
    db.select({ id: tutors.id, firstName: tutors.firstName, lastName: tutors.lastName }).from(tutors).where(eq(tutors.schoolId, schoolId)),
    db.select().from(subjectPrices).where(eq(subjectPrices.schoolId, schoolId)),
    db.select().from(studentPrices).where(eq(studentPrices.schoolId, schoolId)),
  ]);
  const subjectName = new Map(subjectRows.map((s) => [s.id, s.name]));
  const tutorName = new Map(tutorRows.map((t) => [t.id, `${t.firstName} ${t.lastName}`]));
  const priceOf = new Map(priceRows.map((p) => [p.subjectId, p]));
  const overrideOf = new Map(overrideRows.map((p) => [`${p.studentId}|${p.subjectId}`, p.per60]));
  const nameOf = (studentId: string) => {
    const s = studentById.get(studentId);
    return s ? `${s.firstName} ${s.lastName}` : '';
  };

  type Draft = Omit<PlannedLine, 'description'> & { studentName: string; current: boolean };
  const drafts = new Map<string, Draft[]>();
  const noPayer = new Map<string, string>();
  const missing = new Map<string, BillingPlan['missingPrices'][number]>();
  for (const p of pairs.values()) {
    const local = instantToZoned(p.during.start, zone);
    const month = local.date.slice(0, 7);
    const payerKey = payerKeyOf(p.studentId);
    const current = month === period;
    if (!current && (!payerKey || !invoicedMonths.has(`${payerKey}|${month}-01`))) continue;
    if (month > period) continue;
    const facts = { lessonStatus: p.status, enrolled: p.enrolled, lateCancellation: lateSet.has(key(p.lessonId, p.studentId)), makeup: makeupSet.has(key(p.lessonId, p.studentId)), lateCancellationCharged: school.lateCancellationCharged };
    const { charge, reason } = chargeOf(facts);
    const minutes = Math.round((p.during.end.getTime() - p.during.start.getTime()) / 60_000);
    const price = lessonPrice(p.kind, minutes, { subject: priceOf.get(p.subjectId) ?? null, studentPer60: overrideOf.get(`${p.studentId}|${p.subjectId}`) ?? null });
    const already = billedBy.get(key(p.lessonId, p.studentId)) ?? 0;
    if (charge && price === null) {
      const k = `${p.studentId}|${p.subjectId}`;
      const m = missing.get(k) ?? { studentId: p.studentId, student: nameOf(p.studentId), subjectId: p.subjectId, subject: subjectName.get(p.subjectId) ?? '', lessons: 0 };
      m.lessons++;
      missing.set(k, m);
      continue;
    }
    const due = charge ? price! : 0;
    const delta = due - already;
    if (delta === 0) continue;
    if (!payerKey) {
      noPayer.set(p.studentId, nameOf(p.studentId));
      continue;
    }
    const kind: PlannedLine['kind'] = current && already === 0 && delta > 0 ? (reason === 'late_cancellation' ? 'late_cancellation' : 'lesson') : 'adjustment';
    const list = drafts.get(payerKey) ?? [];
    list.push({
      kind,
      lessonId: p.lessonId,
      studentId: p.studentId,
      serviceDate: local.date,
      minutes,
      unitNet: delta,
      net: delta,
      facts: { subject: subjectName.get(p.subjectId) ?? '', tutor: tutorName.get(p.tutorId) ?? '', student: nameOf(p.studentId), reason, minutes, credit: delta < 0 },
      studentName: nameOf(p.studentId),
      current,
    });
    drafts.set(payerKey, list);
  }

  // Payers with the month's invoice already issued are listed too (as existing), lines or not.
  const payerKeys = [...new Set([...drafts.keys(), ...[...existing.keys()].filter((k) => !options.payerKey || k === options.payerKey)])];
  const payerInfo = await payersOf(db, schoolId, payerKeys, studentById);
  const vat = vatOf(school);
  const plans: PayerPlan[] = [];
  for (const payerKey of payerKeys) {
    const payer = payerInfo.get(payerKey);
    if (!payer) continue;
    const list = (drafts.get(payerKey) ?? []).sort(
      (a, b) => (a.serviceDate ?? '').localeCompare(b.serviceDate ?? '') || a.studentName.localeCompare(b.studentName, 'pl') || (a.lessonId ?? '').localeCompare(b.lessonId ?? ''),
    );
    const lines: PlannedLine[] = list.map(({ studentName: _s, current: _c, ...l }) => ({ ...l, description: describeLine(l.kind, l.facts!, l.serviceDate, payer.language) }));
    const byStudent = new Map<string, Grosze>();
    for (const l of list) if (l.current && l.kind !== 'adjustment') byStudent.set(l.studentId!, (byStudent.get(l.studentId!) ?? 0) + l.net);
    const discount = siblingDiscount(byStudent, school.siblingDiscountPercent);
    if (discount !== 0) {
      lines.push({ kind: 'discount', lessonId: null, studentId: null, serviceDate: null, minutes: null, unitNet: discount, net: discount, facts: null, description: describeLine('discount', { percent: school.siblingDiscountPercent! }, null, payer.language) });
    }
    const totals = invoiceTotals(lines.map((l) => l.net), vat);
    const childIds = [...new Set(list.map((l) => l.studentId!))];
    plans.push({
      payer,
      students: childIds.map((id) => ({ id, name: nameOf(id) })).sort((a, b) => a.name.localeCompare(b.name, 'pl')),
      lines,
      totals,
      existingInvoiceId: existing.get(payerKey) ?? null,
      held: lines.length > 0 && totals.gross <= 0,
    });
  }
  plans.sort((a, b) => a.payer.name.localeCompare(b.payer.name, 'pl'));
  return {
    schoolId,
    period,
    payers: plans,
    noPayer: [...noPayer].map(([studentId, name]) => ({ studentId, name })),
    missingPrices: [...missing.values()],
  };
}

/** Payers as invoices name them: a company (with its NIP) when the parent pays through one. */
async function payersOf(db: Queryable, schoolId: string, keys: string[], studentById: Map<string, { firstName: string; lastName: string; email: string | null }>): Promise<Map<string, Payer>> {
  const out = new Map<string, Payer>();
  if (keys.length === 0) return out;
  const rows = await db.select().from(parents).where(and(eq(parents.schoolId, schoolId), inArray(parents.id, keys)));
  for (const p of rows) {
    const company = p.companyName?.trim();
    out.set(p.id, {
      kind: 'parent',
      id: p.id,
      name: company || p.billingName?.trim() || `${p.firstName} ${p.lastName}`,
      address: (company ? p.companyAddress : p.billingAddress)?.trim() || null,
      nip: company ? (p.companyNip ?? null) : null,
      email: p.email,
      language: p.preferredLanguage === 'en' ? 'en' : 'pl',
    });
  }
  for (const k of keys) {
    const s = studentById.get(k);
    if (!out.has(k) && s) out.set(k, { kind: 'student', id: k, name: `${s.firstName} ${s.lastName}`, address: null, nip: null, email: s.email, language: 'pl' });
  }
  return out;
}

/** "2026-11" moved by `months`. */
export function shiftMonth(period: string, months: number): string {
  const [y, m] = period.split('-').map(Number);
  const index = y * 12 + (m - 1) + months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The month an instant falls in, in the school's zone ("2026-11"). */
export function periodOf(at: Date, timeZone: string): string {
  return instantToZoned(at, timeZone).date.slice(0, 7);
}
