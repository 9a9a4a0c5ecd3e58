import type { Metadata } from 'next';
import { ChevronLeft, ChevronRight, ClipboardCheck } from 'lucide-react';
import Link from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';
import { EmptyState } from '@/components/list/empty-state';
import { PageHeader } from '@/components/list/page-header';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Notice } from '@/components/ui/notice';
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { attendanceByStudentMonth, attendanceByTutorMonth } from '@/lib/attendance/queries';
import { addMonths, formatRate, isMonth, monthOf } from '@/lib/attendance/rules';
import { requirePage } from '@/lib/auth/viewer';
import { todayIn } from '@/lib/time';
import { cn } from '@/lib/utils';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('attendance.report'))('title') };
}

type Search = Promise<Record<string, string | string[] | undefined>>;

/** Attendance per student and per tutor for one month of the school's calendar (`?month=2026-12`). */
export default async function AttendancePage({ searchParams }: { searchParams: Search }) {
  const viewer = await requirePage('attendance.report', 'admin');
  const raw = (await searchParams).month;
  const asked = typeof raw === 'string' ? raw : undefined;
  const current = monthOf(todayIn(viewer.timeZone));
  const month = asked && isMonth(asked) ? asked : current;
  const [t, ts, byStudent, byTutor] = await Promise.all([
    getTranslations('attendance.report'),
    getTranslations('attendance.status'),
    attendanceByStudentMonth(viewer, month),
    attendanceByTutorMonth(viewer, month),
  ]);
  const counts = ['present', 'late', 'absent', 'excused'] as const;
  const num = 'text-right tabular-nums';

  return (
    <div className="mx-auto grid w-full max-w-6xl grid-cols-1 gap-6">
      <PageHeader
        title={t('title')}
        description={t('description')}
        testId="attendance-title"
        actions={
          <form className="flex items-end gap-2" action="/admin/attendance">
            <Button asChild variant="outline" size="icon" aria-label={t('previous')}>
              <Link href={`/admin/attendance?month=${addMonths(month, -1)}`}>
                <ChevronLeft aria-hidden />
              </Link>
            </Button>
            <label className="grid gap-1 text-sm">
              <span className="sr-only">{t('month')}</span>
              <Input type="month" name="month" defaultValue={month} className="w-44" aria-label={t('month')} />
            </label>
            <Button type="submit" variant="secondary">
              {t('show')}
            </Button>
            <Button asChild variant="outline" size="icon" aria-label={t('next')}>
              <Link href={`/admin/attendance?month=${addMonths(month, 1)}`}>
                <ChevronRight aria-hidden />
              </Link>
            </Button>
          </form>
        }
      />
      {asked && asked !== month && <Notice>{t('invalidMonth')}</Notice>}

      <section className="grid gap-2" aria-labelledby="by-student">
        <h2 id="by-student" className="text-lg font-semibold">
          {t('byStudent')}
        </h2>
        {byStudent.length === 0 ? (
          <EmptyState icon={<ClipboardCheck aria-hidden />} title={t('byStudent')} body={t('emptyStudents')} />
        ) : (
          <Table containerClassName="max-h-[70vh] rounded-lg border" data-testid="attendance-students">
            <TableCaption className="sr-only">{t('byStudent')}</TableCaption>
            <TableHeader sticky>
              <TableRow>
                <TableHead>{t('student')}</TableHead>
                <TableHead className={num}>{t('lessons')}</TableHead>
                {counts.map((c) => (
                  <TableHead key={c} className={num}>
                    {ts(c)}
                  </TableHead>
                ))}
                <TableHead className={num}>{t('unmarked')}</TableHead>
                <TableHead className={num}>{t('rate')}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {byStudent.map((r) => (
                <TableRow key={r.id}>
                  <TableCell className="font-medium">
                    <Link href={`/admin/students/${r.id}`} className="hover:underline">
                      {r.firstName} {r.lastName}
                    </Link>
                  </TableCell>
                  <TableCell className={num}>{r.lessons}</TableCell>
                  {counts.map((c) => (
                    <TableCell key={c} className={cn(num, r[c] === 0 && 'text-muted-foreground')}>
                      {r[c]}
                    </TableCell>
                  ))}
                  <TableCell className={cn(num, r.unmarked === 0 && 'text-muted-foreground')}>{r.unmarked}</TableCell>
                  <TableCell className={`${num} font-medium`}>{formatRate(r.rate)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </section>

      <section className="grid gap-2" aria-labelledby="by-tutor">
        <h2 id="by-tutor" className="text-lg font-semibold">
          {t('byTutor')}
        </h2>
        {byTutor.length === 0 ? (
          <EmptyState icon={<ClipboardCheck aria-hidden />} title={t('byTutor')} body={t('emptyTutors')} />
        ) : (
          <Table containerClassName="rounded-lg border" data-testid="attendance-tutors">
            <TableCaption className="sr-only">{t('byTutor')}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHead>{t('tutor')}</TableHead>
                <TableHead className={num}>{t('lessons')}</TableHead>
                <TableHead className={num}>{t('completed')}</TableHead>
                {counts.map((c) => (
                  <TableHead key={c} className={num}>
                    {ts(c)}
                  </TableHead>
                ))}
                <TableHead className={num}>{t('unmarked')}</TableHead>
                <TableHead className={num}>{t('rate')}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {byTutor.map((r) => (
                <TableRow key={r.id}>
                  <TableCell className="font-medium">
                    {r.firstName} {r.lastName}
                  </TableCell>
                  <TableCell className={num}>{r.lessons}</TableCell>
                  <TableCell className={num}>{r.completed}</TableCell>
                  {counts.map((c) => (
                    <TableCell key={c} className={cn(num, r[c] === 0 && 'text-muted-foreground')}>
                      {r[c]}
                    </TableCell>
                  ))}
                  <TableCell className={cn(num, r.unmarked === 0 && 'text-muted-foreground')}>{r.unmarked}</TableCell>
                  <TableCell className={`${num} font-medium`}>{formatRate(r.rate)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
        <p className="text-sm text-muted-foreground">{t('unmarkedHint')}</p>
      </section>
    </div>
  );
}
