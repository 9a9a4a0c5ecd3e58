import type { Faker } from '@faker-js/faker';
import { and, eq } from 'drizzle-orm';
import { issueMonth, reallocate } from '@/lib/billing/run';
import { todayIn, zonedToInstant } from '@/lib/time';
import type { Database } from '../client';
import { invoices, payments, schools, studentPrices, studentSubjects, subjectPrices, subjects, tutorRates, tutors, tutorSubjects } from '../schema';

/** Prices per 60 minutes in grosze: one-to-one, and per student in a group. */
const PRICES: Record<string, [number, number]> = {
  Matematyka: [12_000, 7_000],
  'Język polski': [11_000, 6_500],
  'Język angielski': [11_000, 6_500],
  'Język niemiecki': [11_000, 6_500],
  Fizyka: [13_000, 8_000],
  Chemia: [13_000, 8_000],
  Biologia: [11_000, 6_500],
  Historia: [10_000, 6_000],
  Geografia: [10_000, 6_000],
  Informatyka: [14_000, 8_500],
};

/**
 * The demo school's money: a price list, a few students with their own price, a 5 % sibling
 * discount, and the October and November invoices issued as the monthly job would have (on the
 * 25th, when that day has passed), then paid the way families pay: most on time, some in part,
 * some not at all — so October leaves a few overdue. Tutors are paid 60–90 zł an hour, and a
 * few of them more for one subject, so the payroll pages show both kinds of rate.
 */
export async function seedBilling(db: Database, f: Faker, schoolId: string, now: Date) {
  const [school] = await db.select().from(schools).where(eq(schools.id, schoolId));
  await db.update(schools).set({ siblingDiscountPercent: 5 }).where(eq(schools.id, schoolId));
  const subjectRows = await db.select().from(subjects).where(eq(subjects.schoolId, schoolId));
  await db.insert(subjectPrices).values(subjectRows.map((s) => ({ schoolId, subjectId: s.id, individualPer60: PRICES[s.name]?.[0] ?? 10_000, groupPer60: PRICES[s.name]?.[1] ?? null })));
  const enrolments = await db.select().from(studentSubjects).where(eq(studentSubjects.schoolId, schoolId)).orderBy(studentSubjects.studentId, studentSubjects.subjectId);
  const special = f.helpers.arrayElements(enrolments, Math.min(6, enrolments.length));
  if (special.length) await db.insert(studentPrices).values(special.map((e) => ({ schoolId, studentId: e.studentId, subjectId: e.subjectId, per60: 9_000 })));

  const tutorRows = await db.select({ id: tutors.id }).from(tutors).where(eq(tutors.schoolId, schoolId)).orderBy(tutors.lastName, tutors.id);
  if (tutorRows.length) {
    await db.insert(tutorRates).values(tutorRows.map((t) => ({ schoolId, tutorId: t.id, subjectId: null, per60: f.helpers.arrayElement([6_000, 7_000, 7_500, 8_000, 9_000]) })));
    const taught = await db.select().from(tutorSubjects).where(eq(tutorSubjects.schoolId, schoolId)).orderBy(tutorSubjects.tutorId, tutorSubjects.subjectId);
    const bySubject = f.helpers.arrayElements(taught, Math.min(3, taught.length));
    if (bySubject.length) await db.insert(tutorRates).values(bySubject.map((r) => ({ schoolId, tutorId: r.tutorId, subjectId: r.subjectId, per60: 10_000 })));
  }

  const year = Number(todayIn(school.timeZone, now).slice(0, 4)) - (todayIn(school.timeZone, now).slice(5) < '09' ? 1 : 0);
  for (const month of ['10', '11']) {
    const at = zonedToInstant(`${year}-${month}-25`, '08:00', school.timeZone);
    if (at > now) break;
    await issueMonth(db, { system: 'monthly-billing', schoolId }, schoolId, `${year}-${month}`, at);
  }

  const issued = await db.select().from(invoices).where(and(eq(invoices.schoolId, schoolId), eq(invoices.kind, 'invoice'))).orderBy(invoices.seq);
  const today = todayIn(school.timeZone, now);
  const touched = new Set<string>();
  for (const inv of issued) {
    const roll = f.number.float();
    const october = inv.period?.slice(5, 7) === '10';
    // October: 85 % paid, 5 % in part, the rest overdue. November: 45 % paid, 10 % in part.
    const share = roll < (october ? 0.85 : 0.45) ? 1 : roll < (october ? 0.9 : 0.55) ? 0.5 : 0;
    if (share === 0) continue;
    const paidOn = [inv.issueDate, inv.dueDate].sort()[0] < today ? addDays(inv.issueDate, f.number.int({ min: 1, max: 12 })) : inv.issueDate;
    await db.insert(payments).values({
      schoolId,
      payerParentId: inv.payerParentId,
      payerStudentId: inv.payerStudentId,
      invoiceId: inv.id,
      amount: Math.round(inv.gross * share),
      method: f.helpers.weightedArrayElement([
        { weight: 8, value: 'transfer' as const },
        { weight: 1, value: 'cash' as const },
        { weight: 1, value: 'card' as const },
      ]),
      paidOn: paidOn > today ? today : paidOn,
      reference: `Przelew ${inv.transferTitle}`.slice(0, 200),
    });
    touched.add(inv.payerKey);
  }
  const payers = new Set(issued.map((i) => i.payerKey));
  for (const payerKey of payers) await reallocate(db, schoolId, payerKey, today);
  return { invoices: issued.length, paid: touched.size };
}

function addDays(date: string, days: number) {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
