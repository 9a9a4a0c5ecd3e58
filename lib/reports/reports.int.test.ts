import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { invoiceLines, invoices, lessons, tutorRates, type NewInvoice } from '@/db/schema';
import {
  createCancellationRequest,
  createLesson,
  createMakeupCredit,
  createParent,
  createSchool,
  createStudent,
  createSubject,
  createTutor,
  createUser,
  linkParent,
  markAttendance,
} from '@/db/seed/factories';
import type { Viewer } from '@/lib/auth/viewer';
import { getDashboardFigures } from '@/lib/dashboard/figures';
import { freshTestDatabase } from '@/test/database';
import { viewerOf } from '@/test/viewers';
import { attendanceReport } from './attendance';
import { cancellationsReport } from './cancellations';
import { reportCsv } from './csv';
import { earningsReport } from './earnings';
import type { ReportFilters } from './filters';
import { outstandingReport } from './outstanding';
import { loadReport, reportFileName } from './registry';
import { revenueReport } from './revenue';
import { LABEL, type ReportTable } from './table';
import { reportXlsx } from './xlsx';

const t = freshTestDatabase();

// Wednesday 2 December 2026, noon in Warsaw.
const NOW = new Date('2026-12-02T11:00:00Z');
const NOVEMBER: ReportFilters = { from: '2026-11-01', to: '2026-11-30', group: 'student' };

type Ids = Record<string, string>;
const ids: Ids = {};
let admin: Viewer;
let otherAdmin: Viewer;
let seq = 0;

async function invoice(
  schoolId: string,
  payer: { payerParentId?: string; payerStudentId?: string },
  v: { period?: string; saleDate?: string; net: number; vat?: number; paid?: number; dueDate: string; corrects?: string },
  lines: { lessonId?: string; studentId?: string; net: number; kind?: 'lesson' | 'discount' | 'correction' }[],
) {
  seq++;
  const correction = !v.period;
  const number = `${correction ? 'KOR' : 'FV'}/${String(seq).padStart(4, '0')}/2026`;
  const saleDate = v.saleDate ?? `${v.period}-28`;
  const vat = v.vat ?? 0;
  const values: NewInvoice = {
    schoolId,
    kind: correction ? 'correction' : 'invoice',
    correctsInvoiceId: v.corrects ?? null,
    correctionReason: correction ? 'Błędna cena' : null,
    number,
    year: 2026,
    seq,
    ...payer,
    period: correction ? null : `${v.period}-01`,
    issueDate: saleDate < v.dueDate ? saleDate : v.dueDate,
    saleDate,
    dueDate: v.dueDate,
    seller: { name: 'Szkoła' },
    buyer: { name: 'Nabywca' },
    vatMode: vat ? 'rate' : 'exempt',
    vatRate: vat ? 23 : null,
    vatBasis: vat ? null : 'art. 43 ust. 1 pkt 26 lit. a ustawy o VAT',
    net: v.net,
    vat,
    gross: v.net + vat,
    paid: v.paid ?? 0,
    status: 'issued',
    transferTitle: number,
  };
  const [row] = await t.db.insert(invoices).values(values).returning();
  await t.db.insert(invoiceLines).values(
    lines.map((l, i) => ({
      schoolId,
      invoiceId: row.id,
      position: i + 1,
      kind: l.kind ?? 'lesson',
      lessonId: l.lessonId ?? null,
      studentId: l.studentId ?? null,
      description: 'Lekcja',
      unitNet: l.net,
      net: l.net,
    })),
  );
  return row;
}

const rowsBy = (table: ReportTable) => Object.fromEntries(table.rows.map((r) => [String(r[LABEL]), r]));

beforeAll(async () => {
  const db = t.db;
  const school = await createSchool(db);
  const other = await createSchool(db);
  const adminUser = await createUser(db, { schoolId: school.id, role: 'admin' });
  admin = viewerOf({ ...adminUser, timeZone: school.timeZone });
  otherAdmin = viewerOf({ ...(await createUser(db, { schoolId: other.id, role: 'admin' })), timeZone: other.timeZone });

  const zak = await createTutor(db, { schoolId: school.id, firstName: 'Łukasz', lastName: 'Żak' });
  const nowak = await createTutor(db, { schoolId: school.id, firstName: 'Anna', lastName: 'Nowak' });
  const math = await createSubject(db, { schoolId: school.id, name: 'Matematyka' });
  const english = await createSubject(db, { schoolId: school.id, name: 'Angielski' });
  const parent = await createParent(db, { schoolId: school.id, firstName: 'Katarzyna', lastName: 'Wróbel' });
  const ola = await createStudent(db, { schoolId: school.id, firstName: 'Ola', lastName: 'Wróbel' });
  const kuba = await createStudent(db, { schoolId: school.id, firstName: 'Kuba', lastName: 'Wróbel', withLogin: true });
  const adult = await createStudent(db, { schoolId: school.id, firstName: 'Zdzisław', lastName: 'Łęcki', level: 'adult' });
  for (const child of [ola, kuba]) await linkParent(db, { schoolId: school.id, parentId: parent.id, studentId: child.id, isPayer: true });
  Object.assign(ids, { zak: zak.id, nowak: nowak.id, math: math.id, english: english.id, parent: parent.id, ola: ola.id, kuba: kuba.id, adult: adult.id });

  const lesson = (tutorId: string, subjectId: string, start: string, studentIds: string[], extra: Partial<Parameters<typeof createLesson>[1]> = {}) =>
    createLesson(db, { schoolId: school.id, tutorId, subjectId, start, studentIds, ...extra });
  // November in Warsaw (UTC+1). L7 starts 00:30 on 1 November local time (still 31 October in UTC); L4 starts 23:30 on 30 November UTC, 00:30 on 1 December local.
  const l1 = await lesson(zak.id, math.id, '2026-11-03T15:00:00Z', [ola.id], { status: 'completed' });
  const l2 = await lesson(zak.id, math.id, '2026-11-10T15:00:00Z', [ola.id], { status: 'completed', minutes: 90 });
  const l3 = await lesson(nowak.id, english.id, '2026-11-12T15:00:00Z', [ola.id, kuba.id], { status: 'completed', minutes: 45, kind: 'group', capacity: 2 });
  const l4 = await lesson(nowak.id, english.id, '2026-11-30T23:30:00Z', [kuba.id]);
  const l5 = await lesson(zak.id, math.id, '2026-11-20T15:00:00Z', [kuba.id]);
  const l6 = await lesson(zak.id, math.id, '2026-11-25T15:00:00Z', [kuba.id]);
  const l7 = await lesson(nowak.id, math.id, '2026-10-31T23:30:00Z', [ola.id], { status: 'completed' });
  const l8 = await lesson(nowak.id, english.id, '2026-11-26T15:00:00Z', [ola.id]);
  Object.assign(ids, { l1: l1.id, l5: l5.id, l8: l8.id });
  await markAttendance(db, { schoolId: school.id, lessonId: l1.id, studentId: ola.id, status: 'present' });
  await markAttendance(db, { schoolId: school.id, lessonId: l2.id, studentId: ola.id, status: 'late' });
  await markAttendance(db, { schoolId: school.id, lessonId: l3.id, studentId: ola.id, status: 'absent' });
  await markAttendance(db, { schoolId: school.id, lessonId: l3.id, studentId: kuba.id, status: 'excused' });
  await markAttendance(db, { schoolId: school.id, lessonId: l4.id, studentId: kuba.id, status: 'present' });
  await markAttendance(db, { schoolId: school.id, lessonId: l7.id, studentId: ola.id, status: 'present' });

  // Cancellations: L5 by the parent, approved (its lesson is cancelled, a credit issued and used);
  // L6 by Kuba himself, late and rejected; L4 pending, asked on 1 December local time; L8 cancelled by the school.
  await createCancellationRequest(db, { schoolId: school.id, lessonId: l5.id, studentId: kuba.id, requestedBy: parent.user!.id, status: 'approved', createdAt: new Date('2026-11-18T10:00:00Z') });
  await db.update(lessons).set({ status: 'cancelled', cancelledAt: new Date('2026-11-18T11:00:00Z') }).where(sql`id = ${l5.id}`);
  await createCancellationRequest(db, { schoolId: school.id, lessonId: l6.id, studentId: kuba.id, requestedBy: kuba.user!.id, status: 'rejected', late: true, createdAt: new Date('2026-11-24T12:00:00Z') });
  await createCancellationRequest(db, { schoolId: school.id, lessonId: l4.id, studentId: kuba.id, requestedBy: parent.user!.id, createdAt: new Date('2026-11-30T23:30:00Z') });
  await db.update(lessons).set({ status: 'cancelled', cancelledAt: new Date('2026-11-21T09:00:00Z') }).where(sql`id = ${l8.id}`);
  await createMakeupCredit(db, { schoolId: school.id, studentId: kuba.id, sourceLessonId: l5.id, createdAt: new Date('2026-11-18T11:00:00Z'), status: 'used', usedByLessonId: l6.id, usedAt: new Date('2026-11-24T10:00:00Z') });
  await createMakeupCredit(db, { schoolId: school.id, studentId: ola.id, sourceLessonId: l8.id, createdAt: new Date('2026-10-05T10:00:00Z'), status: 'expired', expiredAt: new Date('2026-11-05T10:00:00Z') });

  // Pay: Żak 80 zł an hour for everything; Nowak 60 zł an hour for English only (her mathematics lesson has no rate).
  await db.insert(tutorRates).values([
    { schoolId: school.id, tutorId: zak.id, subjectId: null, per60: 8000 },
    { schoolId: school.id, tutorId: nowak.id, subjectId: english.id, per60: 6000 },
  ]);

  // Invoices (due dates aged on 2 December 2026).
  const p = { payerParentId: parent.id };
  const a = { payerStudentId: adult.id };
  const inv1 = await invoice(school.id, p, { period: '2026-11', net: 30000, paid: 5000, dueDate: '2026-11-15' }, [
    { lessonId: l1.id, studentId: ola.id, net: 10000 },
    { lessonId: l3.id, studentId: ola.id, net: 10000 },
    { lessonId: l3.id, studentId: kuba.id, net: 12000 },
    { kind: 'discount', net: -2000 },
  ]);
  await invoice(school.id, p, { period: '2026-10', net: 20000, dueDate: '2026-09-01' }, [{ lessonId: l7.id, studentId: ola.id, net: 20000 }]);
  await invoice(school.id, p, { saleDate: '2026-11-20', net: -3000, dueDate: '2026-12-04', corrects: inv1.id }, [{ kind: 'correction', net: -3000 }]);
  await invoice(school.id, a, { period: '2026-12', net: 10000, vat: 2300, dueDate: '2026-12-20', saleDate: '2026-12-01' }, [{ lessonId: l1.id, studentId: adult.id, net: 10000 }]);
  await invoice(school.id, a, { period: '2026-08', net: 15000, dueDate: '2026-10-15' }, [{ lessonId: l2.id, studentId: adult.id, net: 15000 }]);
  await invoice(school.id, p, { period: '2026-09', net: 8000, paid: 3000, dueDate: '2026-10-01' }, [{ lessonId: l1.id, studentId: ola.id, net: 8000 }]);

  // The other school: a tutor, lessons, marks, invoices, requests and credits that must never count.
  const oTutor = await createTutor(db, { schoolId: other.id, firstName: 'Obcy', lastName: 'Lektor' });
  const oSubject = await createSubject(db, { schoolId: other.id, name: 'Matematyka' });
  const oParent = await createParent(db, { schoolId: other.id, lastName: 'Obca' });
  const oStudent = await createStudent(db, { schoolId: other.id, firstName: 'Obcy', lastName: 'Uczeń' });
  const oLesson = await createLesson(db, { schoolId: other.id, tutorId: oTutor.id, subjectId: oSubject.id, start: '2026-11-05T15:00:00Z', studentIds: [oStudent.id], status: 'completed' });
  await markAttendance(db, { schoolId: other.id, lessonId: oLesson.id, studentId: oStudent.id, status: 'present' });
  await db.insert(tutorRates).values({ schoolId: other.id, tutorId: oTutor.id, subjectId: null, per60: 99900 });
  await invoice(other.id, { payerParentId: oParent.id }, { period: '2026-11', net: 99900, dueDate: '2026-09-01' }, [{ lessonId: oLesson.id, studentId: oStudent.id, net: 99900 }]);
  await createCancellationRequest(db, { schoolId: other.id, lessonId: oLesson.id, studentId: oStudent.id, requestedBy: oParent.user!.id, status: 'approved', createdAt: new Date('2026-11-04T10:00:00Z') });
  await createMakeupCredit(db, { schoolId: other.id, studentId: oStudent.id, sourceLessonId: oLesson.id, createdAt: new Date('2026-11-04T10:00:00Z') });
  Object.assign(ids, { oTutor: oTutor.id, oStudent: oStudent.id });
});

describe('attendance report', () => {
  it('counts November’s places and marks per student in the school’s zone, with the totals and the rate', async () => {
    const report = await attendanceReport(admin, NOVEMBER, NOW);
    expect(report.rows.map((r) => r[LABEL])).toEqual(['Wróbel Kuba', 'Wróbel Ola']);
    const rows = rowsBy(report);
    // Ola: L1 present, L2 late, L3 absent, L7 (00:30 on 1 November local) present.
    expect(rows['Wróbel Ola']).toMatchObject({ places: 4, present: 2, late: 1, absent: 1, excused: 0, unmarked: 0, rate: 0.75 });
    // Kuba: L3 excused, L6 not marked; L5 cancelled, L4 in December local time.
    expect(rows['Wróbel Kuba']).toMatchObject({ places: 2, present: 0, excused: 1, unmarked: 1, rate: 0 });
    expect(report.totals).toMatchObject({ places: 6, present: 2, late: 1, absent: 1, excused: 1, unmarked: 1, rate: 0.6 });
  });

  it('groups per tutor, subject and month, and narrows by subject and tutor', async () => {
    expect(rowsBy(await attendanceReport(admin, { ...NOVEMBER, group: 'tutor' }, NOW))).toMatchObject({ 'Nowak Anna': { places: 3 }, 'Żak Łukasz': { places: 3 } });
    const tutors = await attendanceReport(admin, { ...NOVEMBER, group: 'tutor' }, NOW);
    expect(tutors.rows.map((r) => r[LABEL])).toEqual(['Nowak Anna', 'Żak Łukasz']);
    expect((await attendanceReport(admin, { ...NOVEMBER, group: 'subject', subject: ids.english }, NOW)).totals).toMatchObject({ places: 2, absent: 1, excused: 1 });
    expect((await attendanceReport(admin, { ...NOVEMBER, tutor: ids.zak }, NOW)).totals).toMatchObject({ places: 3, present: 1, late: 1, unmarked: 1 });
    const months = await attendanceReport(admin, { from: '2026-10-01', to: '2026-12-31', group: 'month' }, NOW);
    expect(months.rows.map((r) => [r[LABEL], r.places])).toEqual([
      ['2026-10', 0],
      ['2026-11', 6],
      ['2026-12', 1],
    ]);
  });

  it('never counts another school’s lessons, and refuses another school’s ids', async () => {
    expect((await attendanceReport(otherAdmin, NOVEMBER, NOW)).totals).toMatchObject({ places: 1, present: 1 });
    const loaded = await loadReport(admin, 'attendance', { from: '2026-11-01', to: '2026-11-30', tutor: ids.oTutor, student: 'not-an-id' }, NOW);
    expect(loaded.invalid.sort()).toEqual(['student', 'tutor']);
    expect(loaded.filters.tutor).toBeUndefined();
    expect(loaded.table.totals.places).toBe(6);
  });
});

describe('revenue report', () => {
  const YEAR: ReportFilters = { from: '2026-01-01', to: '2026-12-31', group: 'month' };

  it('adds up gross per month as the dashboard does, corrections included', async () => {
    const report = await revenueReport(admin, YEAR);
    const byMonth = Object.fromEntries(report.rows.map((r) => [r[LABEL], r.gross]));
    expect(byMonth).toMatchObject({ '2026-08': 15000, '2026-09': 8000, '2026-10': 20000, '2026-11': 27000, '2026-12': 12300, '2026-01': 0 });
    expect(report.rows).toHaveLength(12);
    expect(report.totals).toMatchObject({ gross: 82300, net: 80000, invoices: 6 });
    const dashboard = await getDashboardFigures(admin, NOW);
    expect(dashboard!.revenue.map((m) => [m.month, m.gross])).toEqual(report.rows.map((r) => [r[LABEL], r.gross]));
  });

  it('splits per subject and per tutor, VAT shared by the lines, discounts and corrections as “other”', async () => {
    const subjects = await revenueReport(admin, { ...YEAR, group: 'subject' });
    expect(subjects.rows.map((r) => [r[LABEL], r.gross])).toEqual([
      ['Angielski', 22000],
      ['Matematyka', 65300],
      [null, -5000],
    ]);
    const tutors = await revenueReport(admin, { ...YEAR, group: 'tutor' });
    expect(tutors.rows.map((r) => [r[LABEL], r.gross])).toEqual([
      ['Nowak Anna', 42000],
      ['Żak Łukasz', 45300],
      [null, -5000],
    ]);
    expect(tutors.totals.gross).toBe(82300);
    expect((await revenueReport(admin, { ...YEAR, group: 'subject', subject: ids.english })).totals).toMatchObject({ gross: 22000, invoices: 1 });
    expect((await revenueReport(admin, { ...YEAR, student: ids.kuba })).totals).toMatchObject({ gross: 12000 });
    expect((await revenueReport(otherAdmin, YEAR)).totals).toMatchObject({ gross: 99900 });
  });
});

describe('outstanding balances', () => {
  it('ages what each payer still owes on the report date', async () => {
    const report = await outstandingReport(admin, { from: '2026-12-02', to: '2026-12-02', group: '' });
    expect(report.rows.map((r) => r[LABEL])).toEqual(['Łęcki Zdzisław', 'Wróbel Katarzyna']);
    const rows = rowsBy(report);
    expect(rows['Wróbel Katarzyna']).toEqual({ [LABEL]: 'Wróbel Katarzyna', invoices: 3, oldestDue: '2026-09-01', notDue: 0, days30: 25000, days60: 0, days90: 5000, over90: 20000, outstanding: 50000 });
    expect(rows['Łęcki Zdzisław']).toMatchObject({ invoices: 2, notDue: 12300, days60: 15000, outstanding: 27300 });
    expect(report.totals).toMatchObject({ invoices: 5, notDue: 12300, days30: 25000, days60: 15000, days90: 5000, over90: 20000, outstanding: 77300 });

    const earlier = await outstandingReport(admin, { from: '2026-10-20', to: '2026-10-20', group: '' });
    expect(earlier.totals).toMatchObject({ notDue: 37300, days30: 20000, days60: 20000, days90: 0, over90: 0, outstanding: 77300 });
    expect((await outstandingReport(otherAdmin, { from: '2026-12-02', to: '2026-12-02', group: '' })).totals).toMatchObject({ outstanding: 99900, over90: 99900 });
  });
});

describe('tutor hours and earnings', () => {
  it('sums the payroll statements: completed lessons, hours and pay per tutor', async () => {
    const report = await earningsReport(admin, { ...NOVEMBER, group: 'tutor' });
    expect(rowsBy(report)).toEqual({
      'Nowak Anna': { [LABEL]: 'Nowak Anna', lessons: 2, minutes: 105, unrated: 1, amount: 4500 },
      'Żak Łukasz': { [LABEL]: 'Żak Łukasz', lessons: 2, minutes: 150, unrated: 0, amount: 20000 },
    });
    expect(report.totals).toMatchObject({ lessons: 4, minutes: 255, amount: 24500, unrated: 1 });
    expect((await earningsReport(admin, { ...NOVEMBER, group: 'tutor', subject: ids.math })).totals).toMatchObject({ lessons: 3, minutes: 210, amount: 20000, unrated: 1 });
    expect((await earningsReport(admin, { ...NOVEMBER, group: 'tutor', tutor: ids.zak })).rows).toHaveLength(1);
    const months = await earningsReport(admin, { from: '2026-10-01', to: '2026-11-30', group: 'month' });
    expect(months.rows.map((r) => [r[LABEL], r.lessons])).toEqual([
      ['2026-10', 0],
      ['2026-11', 4],
    ]);
    expect((await earningsReport(otherAdmin, NOVEMBER)).totals).toMatchObject({ lessons: 1, amount: 99900 });
  });
});

describe('cancellations and makeups', () => {
  it('counts requests by who and how late, lessons the school cancelled and credits issued, used and expired', async () => {
    const months = await cancellationsReport(admin, { from: '2026-10-01', to: '2026-12-31', group: 'month' });
    const rows = rowsBy(months);
    expect(rows['2026-11']).toEqual({
      [LABEL]: '2026-11',
      requests: 2,
      byStudent: 1,
      byParent: 1,
      lateNotice: 1,
      approved: 1,
      rejected: 1,
      withdrawn: 0,
      pending: 0,
      bySchool: 1,
      creditsIssued: 1,
      creditsUsed: 1,
      creditsExpired: 1,
    });
    expect(rows['2026-10']).toMatchObject({ requests: 0, creditsIssued: 1 });
    expect(rows['2026-12']).toMatchObject({ requests: 1, pending: 1, byParent: 1 });
    expect(months.totals).toMatchObject({ requests: 3, bySchool: 1, creditsIssued: 2, creditsUsed: 1, creditsExpired: 1 });

    const students = await cancellationsReport(admin, { ...NOVEMBER, group: 'student' });
    expect(rowsBy(students)).toMatchObject({ 'Wróbel Kuba': { requests: 2, creditsIssued: 1, creditsUsed: 1 }, 'Wróbel Ola': { bySchool: 1, creditsExpired: 1, requests: 0 } });
    expect((await cancellationsReport(admin, { ...NOVEMBER, group: 'month', tutor: ids.nowak })).totals).toMatchObject({ requests: 0, bySchool: 1, creditsExpired: 1 });
    expect((await cancellationsReport(otherAdmin, NOVEMBER)).totals).toMatchObject({ requests: 1, approved: 1, creditsIssued: 1 });
  });
});

describe('access', () => {
  it('gives a tutor nothing', async () => {
    const tutor = viewerOf({ ...(await createUser(t.db, { schoolId: admin.schoolId, role: 'tutor' })) });
    for (const run of [attendanceReport, revenueReport, outstandingReport, earningsReport, cancellationsReport]) {
      const report = await run(tutor, { from: '2026-01-01', to: '2026-12-31', group: 'month' });
      expect(report.rows).toEqual([]);
    }
  });
});

describe('downloads', () => {
  it('writes the XLSX with numbers as numbers, money in złoty, and Polish letters intact', async () => {
    const report = await earningsReport(admin, { ...NOVEMBER, group: 'tutor' });
    const buffer = await reportXlsx(report, { name: 'Godziny', headers: ['Lektor', 'Lekcje', 'Godziny', 'Bez stawki', 'Kwota'], totalLabel: 'Razem', emptyLabel: 'Inne', title: ['Godziny i wynagrodzenia lektorów'] });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.getCell('A1').value).toBe('Godziny i wynagrodzenia lektorów');
    expect(ws.getRow(3).values).toEqual([undefined, 'Lektor', 'Lekcje', 'Godziny', 'Bez stawki', 'Kwota']);
    const zak = ws.getRow(5);
    expect(zak.getCell(1).value).toBe('Żak Łukasz');
    expect(zak.getCell(2).type).toBe(ExcelJS.ValueType.Number);
    expect(zak.getCell(3).value).toBe(2.5);
    expect(zak.getCell(5).type).toBe(ExcelJS.ValueType.Number);
    expect(zak.getCell(5).value).toBe(200);
    expect(zak.getCell(5).numFmt).toBe('#,##0.00');
    const totals = ws.getRow(6);
    expect(totals.getCell(1).value).toBe('Razem');
    expect(totals.getCell(5).value).toBe(245);

    const outstanding = await outstandingReport(admin, { from: '2026-12-02', to: '2026-12-02', group: '' });
    const ob = new ExcelJS.Workbook();
    await ob.xlsx.load((await reportXlsx(outstanding, { name: 'Należności', headers: outstanding.columns.map((c) => c.key), totalLabel: 'Razem', emptyLabel: '' })) as unknown as ArrayBuffer);
    const row = ob.worksheets[0].getRow(3);
    expect(row.getCell(1).value).toBe('Wróbel Katarzyna');
    expect(row.getCell(3).type).toBe(ExcelJS.ValueType.Date);
    expect((row.getCell(3).value as Date).toISOString()).toBe('2026-09-01T00:00:00.000Z');
    expect(row.getCell(9).value).toBe(500);
  });

  it('writes the CSV through the lists’ writer, with the totals row and a name carrying the period', async () => {
    const report = await revenueReport(admin, { from: '2026-01-01', to: '2026-12-31', group: 'subject' });
    const file = reportFileName('revenue', { from: '2026-01-01', to: '2026-12-31', group: 'subject' }, 'pl');
    const res = reportCsv(report, { headers: ['Przedmiot', 'Faktury', 'Netto', 'Brutto'], totalLabel: 'Razem', emptyLabel: 'Inne (rabaty, korekty)' }, file);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="raport-przychodow-2026-01_2026-12.csv"');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.slice(3));
    expect(text.split('\r\n')).toEqual(['Przedmiot,Faktury,Netto,Brutto', 'Angielski,1,220,220', 'Matematyka,5,630,653', '"Inne (rabaty, korekty)",2,-50,-50', 'Razem,6,800,823', '']);
  });
});
