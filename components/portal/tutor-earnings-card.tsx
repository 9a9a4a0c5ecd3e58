import Link from '@/components/ui/link';
import { Wallet } from 'lucide-react';
import { getLocale, getTranslations } from 'next-intl/server';
import { formatHours } from '@/components/billing/earnings-format';
import { moneyLocale } from '@/components/billing/money-field';
import { formatPeriod } from '@/components/invoices/format';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import type { TutorEarnings } from '@/lib/billing/earnings';
import { formatMoney } from '@/lib/money';

/**
 * The month so far on a tutor's home: the pay for the lessons given (completed) this month,
 * how many and how long, and the way to the full statement. Lessons without a rate are named,
 * as on the statement, so a small amount is not a mystery.
 */
export async function TutorEarningsCard({ statement }: { statement: TutorEarnings }) {
  const [t, te, locale] = await Promise.all([getTranslations('portal'), getTranslations('billing.earnings'), getLocale()]);
  const { totals } = statement;
  return (
    <Card className="gap-4" data-testid="home-earnings">
      <CardHeader className="gap-1">
        <CardTitle>
          <h2 className="flex items-center gap-2 text-base font-semibold">
            <Wallet className="size-4 text-muted-foreground" aria-hidden />
            {t('earningsTitle')}
          </h2>
        </CardTitle>
        <CardDescription>{t('earningsSoFar', { month: formatPeriod(statement.period, locale) })}</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-3">
        <dl className="grid grid-cols-3 gap-2">
          <div className="grid gap-0.5">
            <dt className="text-xs text-muted-foreground">{te('total')}</dt>
            <dd className="text-lg font-semibold tabular-nums" data-testid="home-earnings-amount">
              {formatMoney(totals.amount, moneyLocale(locale))}
            </dd>
          </div>
          <div className="grid gap-0.5">
            <dt className="text-xs text-muted-foreground">{te('lessons')}</dt>
            <dd className="text-lg font-semibold tabular-nums" data-testid="home-earnings-lessons">
              {totals.lessons}
            </dd>
          </div>
          <div className="grid gap-0.5">
            <dt className="text-xs text-muted-foreground">{te('hours')}</dt>
            <dd className="text-lg font-semibold tabular-nums">{te('hoursValue', { hours: formatHours(totals.minutes, locale) })}</dd>
          </div>
        </dl>
        {totals.lessons === 0 && <p className="text-sm text-muted-foreground">{t('earningsEmpty')}</p>}
        {totals.unrated > 0 && <p className="text-sm text-warning-foreground dark:text-warning">{te('unratedShort', { count: totals.unrated })}</p>}
        <Link href="/tutor/earnings" className="inline-flex min-h-10 w-fit items-center text-sm font-medium text-primary hover:underline focus-visible:underline" data-testid="home-earnings-link">
          {t('earningsLink')} →
        </Link>
      </CardContent>
    </Card>
  );
}
