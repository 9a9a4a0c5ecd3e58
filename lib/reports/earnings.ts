import 'server-only';
import { can } from '@/lib/auth/permissions';
import type { Viewer } from '@/lib/auth/viewer';
import { listSchoolEarnings, type EarningsTotals, type TutorEarnings } from '@/lib/billing/earnings';
import { monthsOf, type FilterSpec, type ReportFilters } from './filters';
import { LABEL, type ReportColumn, type ReportRow, type ReportTable } from './table';

export const earningsGroups = ['tutor', 'month'] as const;

export const earningsSpec: FilterSpec = { period: 'month', defaultMonths: 1, groups: earningsGroups, ids: ['tutor', 'subject'] };

export const earningsColumns: ReportColumn[] = [
  { key: LABEL, kind: 'text' },
  { key: 'lessons', kind: 'count' },
  { key: 'minutes', kind: 'minutes' },
  { key: 'unrated', kind: 'count' },
  { key: 'amount', kind: 'money' },
];

type Sum = Pick<EarningsTotals, 'lessons' | 'minutes' | 'amount' | 'unrated'>;

/**
 * Tutors' hours and pay over whole months, from the payroll statements themselves
 * (`listSchoolEarnings`, lib/billing/earnings.ts): completed lessons, each at its length and the
 * tutor's rate, so this report and the payroll page never disagree. A subject filter keeps
 * that subject's part of each statement. Per tutor (everyone who taught in the span, or the
 * one asked for) or per month. Admins only; the viewer's school only.
 */
export async function earningsReport(viewer: Viewer, filters: ReportFilters): Promise<ReportTable> {
  const totals: Sum = { lessons: 0, minutes: 0, amount: 0, unrated: 0 };
  if (!can(viewer.role, 'reports.read')) return { columns: earningsColumns, rows: [], totals: totalsOf(totals) };
  const months = monthsOf(filters);
  const statements = await Promise.all(months.map((m) => listSchoolEarnings(viewer, m)));
  const byTutor = new Map<string, { label: string; sum: Sum }>();
  const byMonth: { label: string; sum: Sum }[] = [];
  months.forEach((month, i) => {
    const monthSum: Sum = { lessons: 0, minutes: 0, amount: 0, unrated: 0 };
    for (const s of statements[i]?.tutors ?? []) {
      if (filters.tutor && s.tutorId !== filters.tutor) continue;
      const part = partOf(s, filters.subject);
      const entry = byTutor.get(s.tutorId) ?? { label: `${s.lastName} ${s.firstName}`, sum: { lessons: 0, minutes: 0, amount: 0, unrated: 0 } };
      add(entry.sum, part);
      byTutor.set(s.tutorId, entry);
      add(monthSum, part);
      add(totals, part);
    }
    byMonth.push({ label: month, sum: monthSum });
  });
  // Statements list every active tutor; the report lists those with lessons in the span.
  const list = filters.group === 'month' ? byMonth : [...byTutor.values()].filter((e) => e.sum.lessons > 0).sort((a, b) => a.label.localeCompare(b.label, 'pl'));
  return { columns: earningsColumns, rows: list.map((e) => rowOf(e.label, e.sum)), totals: totalsOf(totals) };
}

/** A statement's totals, or only its subject's part. */
function partOf(s: TutorEarnings, subjectId: string | undefined): Sum {
  if (!subjectId) return s.totals;
  const part = s.bySubject.find((b) => b.subjectId === subjectId);
  if (!part) return { lessons: 0, minutes: 0, amount: 0, unrated: 0 };
  return { lessons: part.lessons, minutes: part.minutes, amount: part.amount ?? 0, unrated: part.amount == null ? part.lessons : 0 };
}

function add(into: Sum, part: Sum) {
  into.lessons += part.lessons;
  into.minutes += part.minutes;
  into.amount += part.amount;
  into.unrated += part.unrated;
}

function rowOf(label: string | null, s: Sum): ReportRow {
  return { [LABEL]: label, lessons: s.lessons, minutes: s.minutes, unrated: s.unrated, amount: s.amount };
}

function totalsOf(s: Sum): ReportRow {
  return rowOf(null, s);
}
