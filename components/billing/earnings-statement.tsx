import { TriangleAlert, Wallet } from 'lucide-react';
import { getLocale, getTranslations } from 'next-intl/server';
import { formatPeriod } from '@/components/invoices/format';
import { EmptyState } from '@/components/list/empty-state';
import { Card, CardContent } from '@/components/ui/card';
import { Notice } from '@/components/ui/notice';
import { Table, TableBody, TableCaption, TableCell, TableFooter, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import type { TutorEarnings } from '@/lib/billing/earnings';
import { formatMoney } from '@/lib/money';
import { formatCalendarDate, formatTimeRange } from '@/lib/time';
import { cn } from '@/lib/utils';
import { formatHours } from './earnings-format';
import { moneyLocale } from './money-field';

/**
 * A tutor's statement for a month: what is to be paid, the lessons and hours, a warning for
 * lessons without a rate, then the pay per subject and every lesson with its rate and amount.
 * The same for the tutor (`audience="own"`) and for the office.
 */
export async function EarningsStatement({ statement, timeZone, audience }: { statement: TutorEarnings; timeZone: string; audience: 'own' | 'admin' }) {
  const [t, locale] = await Promise.all([getTranslations('billing.earnings'), getLocale()]);
  const money = (g: number) => formatMoney(g, moneyLocale(locale));
  const { totals } = statement;
  const num = 'text-right tabular-nums';

  return (
    <div className="grid grid-cols-1 gap-6">
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-3">
        <Tile label={t('total')} testId="earnings-total" strong>
          {money(totals.amount)}
        </Tile>
        <Tile label={t('lessons')} testId="earnings-lessons">
          {totals.lessons}
        </Tile>
        <Tile label={t('hours')} testId="earnings-hours">
          {t('hoursValue', { hours: formatHours(totals.minutes, locale) })}
        </Tile>
      </div>

      {totals.unrated > 0 && (
        <Notice tone="warning" className="flex items-start gap-2">
          <TriangleAlert className="mt-0.5 size-4 shrink-0" aria-hidden />
          <span>{t(audience === 'own' ? 'unratedOwn' : 'unratedAdmin', { count: totals.unrated, minutes: totals.unratedMinutes })}</span>
        </Notice>
      )}

      {statement.lines.length === 0 ? (
        <EmptyState icon={<Wallet aria-hidden />} title={t('emptyTitle')} body={t(audience === 'own' ? 'emptyOwn' : 'emptyAdmin')} />
      ) : (
        <>
          <section className="grid gap-2" aria-labelledby="earnings-by-subject">
            <h2 id="earnings-by-subject" className="text-lg font-semibold">
              {t('bySubject')}
            </h2>
            <Table scrollLabel={t('bySubjectCaption')} containerClassName="rounded-lg border" data-testid="earnings-by-subject">
              <TableCaption className="sr-only">{t('bySubjectCaption')}</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHead>{t('subject')}</TableHead>
                  <TableHead className={num}>{t('lessons')}</TableHead>
                  <TableHead className={num}>{t('hours')}</TableHead>
                  <TableHead className={num}>{t('rate')}</TableHead>
                  <TableHead className={num}>{t('amount')}</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {statement.bySubject.map((s) => (
                  <TableRow key={s.subjectId}>
                    <TableCell className="font-medium">{s.subject}</TableCell>
                    <TableCell className={num}>{s.lessons}</TableCell>
                    <TableCell className={num}>{formatHours(s.minutes, locale)}</TableCell>
                    <TableCell className={num}>
                      {s.per60 != null ? (
                        <span className="grid">
                          <span>{money(s.per60)}</span>
                          <span className="text-xs text-muted-foreground">{t(`source.${s.rateSource ?? 'general'}`)}</span>
                        </span>
                      ) : (
                        <span className="text-muted-foreground">{t('noRate')}</span>
                      )}
                    </TableCell>
                    <TableCell className={cn(num, 'font-medium')}>{s.amount != null ? money(s.amount) : '—'}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
              <TableFooter>
                <TableRow>
                  <TableCell className="font-medium">{t('sum')}</TableCell>
                  <TableCell className={num}>{totals.lessons}</TableCell>
                  <TableCell className={num}>{formatHours(totals.minutes, locale)}</TableCell>
                  <TableCell />
                  <TableCell className={cn(num, 'font-semibold')}>{money(totals.amount)}</TableCell>
                </TableRow>
              </TableFooter>
            </Table>
          </section>

          <section className="grid gap-2" aria-labelledby="earnings-lessons-heading">
            <h2 id="earnings-lessons-heading" className="text-lg font-semibold">
              {t('lessonList')}
            </h2>
            <Table scrollLabel={t('tableCaption')} containerClassName="max-h-[70vh] rounded-lg border" data-testid="earnings-lines">
              <TableCaption className="sr-only">{t('tableCaption')}</TableCaption>
              <TableHeader sticky>
                <TableRow>
                  <TableHead>{t('date')}</TableHead>
                  <TableHead>{t('time')}</TableHead>
                  <TableHead>{t('subject')}</TableHead>
                  <TableHead>{t('kind')}</TableHead>
                  <TableHead className={num}>{t('students')}</TableHead>
                  <TableHead className={num}>{t('length')}</TableHead>
                  <TableHead className={num}>{t('rate')}</TableHead>
                  <TableHead className={num}>{t('amount')}</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {statement.lines.map((l) => (
                  <TableRow key={l.lessonId}>
                    <TableCell className="tabular-nums whitespace-nowrap">{formatCalendarDate(l.date)}</TableCell>
                    <TableCell className="tabular-nums whitespace-nowrap text-muted-foreground">{formatTimeRange(l.start, l.end, timeZone)}</TableCell>
                    <TableCell className="font-medium">{l.subject}</TableCell>
                    <TableCell className="text-muted-foreground">{t(`kinds.${l.kind}`)}</TableCell>
                    <TableCell className={num}>{l.students}</TableCell>
                    <TableCell className={cn(num, 'whitespace-nowrap')}>{t('minutesValue', { minutes: l.minutes })}</TableCell>
                    <TableCell className={cn(num, 'whitespace-nowrap')}>{l.per60 != null ? money(l.per60) : <span className="text-muted-foreground">{t('noRate')}</span>}</TableCell>
                    <TableCell className={cn(num, 'font-medium whitespace-nowrap')}>{l.amount != null ? money(l.amount) : '—'}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </section>
        </>
      )}
      <p className="text-sm text-muted-foreground">
        {formatPeriod(statement.period, locale)} · {t('rulesNote')}
      </p>
    </div>
  );
}

function Tile({ label, children, testId, strong }: { label: string; children: React.ReactNode; testId: string; strong?: boolean }) {
  return (
    <Card className="py-4">
      <CardContent className="grid gap-1 px-4">
        <span className="text-sm text-muted-foreground">{label}</span>
        <span className={cn('text-2xl tabular-nums', strong ? 'font-semibold' : 'font-medium')} data-testid={testId}>
          {children}
        </span>
      </CardContent>
    </Card>
  );
}
