import type { Metadata } from 'next';
import { TriangleAlert, Wallet } from 'lucide-react';
import Link from '@/components/ui/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { formatHours } from '@/components/billing/earnings-format';
import { MonthPicker, monthFromSearch } from '@/components/billing/month-picker';
import { moneyLocale } from '@/components/billing/money-field';
import { formatPeriod } from '@/components/invoices/format';
import { EmptyState } from '@/components/list/empty-state';
import { PageHeader } from '@/components/list/page-header';
import { Notice } from '@/components/ui/notice';
import { Table, TableBody, TableCaption, TableCell, TableFooter, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { requirePage } from '@/lib/auth/viewer';
import { listSchoolEarnings } from '@/lib/billing/earnings';
import { formatMoney } from '@/lib/money';
import { todayIn } from '@/lib/time';
import { cn } from '@/lib/utils';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('billing.earnings'))('adminTitle') };
}

type Search = Promise<Record<string, string | string[] | undefined>>;

/** Every tutor's earnings for a month (`?month=2026-11`) with the school's totals; each row opens the tutor's statement. */
export default async function AdminEarningsPage({ searchParams }: { searchParams: Search }) {
  const viewer = await requirePage('earnings.read', 'admin');
  const { month, invalid } = monthFromSearch((await searchParams).month, todayIn(viewer.timeZone).slice(0, 7));
  const [t, locale, earnings] = await Promise.all([getTranslations('billing.earnings'), getLocale(), listSchoolEarnings(viewer, month)]);
  if (!earnings) notFound();
  const money = (g: number) => formatMoney(g, moneyLocale(locale));
  const num = 'text-right tabular-nums';
  const { totals } = earnings;

  return (
    <div className="mx-auto grid w-full max-w-6xl grid-cols-1 gap-6">
      <PageHeader title={t('adminTitle')} description={t('adminDescription')} testId="earnings-title" actions={<MonthPicker path="/admin/earnings" month={month} />} />
      {invalid && <Notice>{t('invalidMonth')}</Notice>}
      {totals.unrated > 0 && (
        <Notice tone="warning" className="flex items-start gap-2">
          <TriangleAlert className="mt-0.5 size-4 shrink-0" aria-hidden />
          <span>{t('unratedAdmin', { count: totals.unrated, minutes: totals.unratedMinutes })}</span>
        </Notice>
      )}
      {earnings.tutors.length === 0 || totals.lessons === 0 ? (
        <EmptyState icon={<Wallet aria-hidden />} title={t('emptyTitle')} body={t('emptyAdmin')} />
      ) : (
        <Table scrollLabel={t('tutorsCaption')} containerClassName="max-h-[70vh] rounded-lg border" data-testid="earnings-tutors">
          <TableCaption className="sr-only">{t('tutorsCaption')}</TableCaption>
          <TableHeader sticky>
            <TableRow>
              <TableHead>{t('tutor')}</TableHead>
              <TableHead className={num}>{t('lessons')}</TableHead>
              <TableHead className={num}>{t('hours')}</TableHead>
              <TableHead className={num}>{t('amount')}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {earnings.tutors.map((s) => {
              const name = `${s.lastName} ${s.firstName}`;
              return (
                <TableRow key={s.tutorId} className={cn(s.totals.lessons === 0 && 'text-muted-foreground')}>
                  <TableCell className="font-medium">
                    <Link href={`/admin/earnings/${s.tutorId}?month=${month}`} className="hover:underline focus-visible:underline" aria-label={t('detailsLabel', { name: `${s.firstName} ${s.lastName}` })}>
                      {name}
                    </Link>
                    {s.totals.unrated > 0 && (
                      <span className="ml-2 inline-flex items-center gap-1 text-xs font-normal text-muted-foreground">
                        <TriangleAlert className="size-3.5 text-warning" aria-hidden />
                        {t('unratedShort', { count: s.totals.unrated })}
                      </span>
                    )}
                  </TableCell>
                  <TableCell className={num}>{s.totals.lessons}</TableCell>
                  <TableCell className={num}>{formatHours(s.totals.minutes, locale)}</TableCell>
                  <TableCell className={cn(num, 'font-medium whitespace-nowrap')}>{money(s.totals.amount)}</TableCell>
                </TableRow>
              );
            })}
          </TableBody>
          <TableFooter>
            <TableRow>
              <TableCell className="font-semibold">{t('schoolTotal')}</TableCell>
              <TableCell className={num}>{totals.lessons}</TableCell>
              <TableCell className={num}>{formatHours(totals.minutes, locale)}</TableCell>
              <TableCell className={cn(num, 'font-semibold whitespace-nowrap')} data-testid="earnings-school-total">
                {money(totals.amount)}
              </TableCell>
            </TableRow>
          </TableFooter>
        </Table>
      )}
      <p className="text-sm text-muted-foreground">
        {formatPeriod(month, locale)} · {t('rulesNote')}
      </p>
    </div>
  );
}
