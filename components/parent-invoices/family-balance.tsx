import { AlertTriangle, CheckCircle2 } from 'lucide-react';
import { getLocale, getTranslations } from 'next-intl/server';
import { Card, CardContent } from '@/components/ui/card';
import type { FamilyAccount } from '@/lib/billing/parent-queries';
import { formatMoney } from '@/lib/money';
import { formatCalendarDate } from '@/lib/time';

/**
 * The first thing a parent sees on their invoices: how much to pay and by when, the overdue
 * part in red with the date it was due, or that everything is paid (and their credit, if they
 * paid more than was invoiced).
 */
export async function FamilyBalance({ account }: { account: FamilyAccount }) {
  const [t, locale] = await Promise.all([getTranslations('invoices.parent'), getLocale()]);
  const money = (g: number) => formatMoney(g, locale === 'en' ? 'en' : 'pl');
  const { balance, nextDueDate, overdueSince } = account;
  const upcoming = balance.due - balance.overdue;
  const upcomingCount = account.unpaid.filter((u) => u.status !== 'overdue').length;

  if (balance.due === 0) {
    return (
      <Card className="gap-3" data-testid="family-balance" data-due="0">
        <CardContent className="flex items-start gap-3 px-4 sm:px-6">
          <CheckCircle2 className="mt-0.5 size-6 shrink-0 text-success" aria-hidden />
          <div className="grid gap-1">
            <p className="text-lg font-semibold">{t('settledTitle')}</p>
            {balance.credit > 0 ? (
              <p className="text-muted-foreground" data-testid="family-credit">
                {t.rich('credit', { amount: money(balance.credit), strong: (c) => <strong className="font-semibold text-success">{c}</strong> })}
              </p>
            ) : (
              <p className="text-muted-foreground">{t('settledBody')}</p>
            )}
          </div>
        </CardContent>
      </Card>
    );
  }

  return (
    <Card className="gap-4" data-testid="family-balance" data-due={balance.due}>
      <CardContent className="grid gap-4 px-4 sm:px-6">
        <div className="grid gap-1">
          <p className="text-sm font-medium text-muted-foreground">{t('dueNow')}</p>
          <p className="text-3xl font-semibold tracking-tight tabular-nums" data-testid="family-due">
            {money(balance.due)}
          </p>
        </div>
        <ul className="grid gap-2">
          {balance.overdue > 0 && (
            <li className="flex items-start gap-2 rounded-md border border-destructive/40 bg-destructive/10 px-3 py-2 text-destructive" data-testid="family-overdue">
              <AlertTriangle className="mt-0.5 size-4 shrink-0" aria-hidden />
              <span>{t.rich('overdueLine', { amount: money(balance.overdue), date: overdueSince ? formatCalendarDate(overdueSince) : '', strong: (c) => <strong className="font-semibold">{c}</strong> })}</span>
            </li>
          )}
          {upcoming > 0 && nextDueDate && (
            <li className="text-base" data-testid="family-next-due">
              {t.rich(balance.overdue > 0 ? 'restByLine' : 'dueByLine', {
                amount: money(upcoming),
                date: formatCalendarDate(nextDueDate),
                count: upcomingCount,
                strong: (c) => <strong className="font-semibold tabular-nums">{c}</strong>,
              })}
            </li>
          )}
        </ul>
      </CardContent>
    </Card>
  );
}
