import Link from '@/components/ui/link';
import { ReceiptText } from 'lucide-react';
import { getLocale, getTranslations } from 'next-intl/server';
import { Card, CardContent } from '@/components/ui/card';
import type { Viewer } from '@/lib/auth/viewer';
import { getFamilyAccount } from '@/lib/billing/parent-queries';
import { formatMoney } from '@/lib/money';
import { formatCalendarDate } from '@/lib/time';
import { cn } from '@/lib/utils';

/**
 * On the parent's home, only while something is due: how much, by when (overdue in red), and
 * the way to the invoices and the transfer details. Nothing at all when the family owes nothing.
 */
export async function FamilyInvoicesDue({ viewer }: { viewer: Viewer }) {
  const account = await getFamilyAccount(viewer);
  if (!account || account.balance.due <= 0) return null;
  const [t, locale] = await Promise.all([getTranslations('invoices.parent'), getLocale()]);
  const money = (g: number) => formatMoney(g, locale === 'en' ? 'en' : 'pl');
  const { balance, overdueSince, nextDueDate } = account;
  const overdue = balance.overdue > 0;
  return (
    <Card className={cn('py-4', overdue && 'border-destructive/50')} data-testid="home-invoices-due">
      <CardContent className="flex flex-wrap items-center justify-between gap-x-6 gap-y-3 px-4 sm:px-6">
        <div className="flex items-start gap-3">
          <ReceiptText className={cn('mt-1 size-5 shrink-0', overdue ? 'text-destructive' : 'text-muted-foreground')} aria-hidden />
          <div className="grid gap-0.5">
            <p className="font-semibold">{t('homeDue', { amount: money(balance.due) })}</p>
            {overdue ? (
              <p className="text-destructive">{t('homeOverdue', { amount: money(balance.overdue), date: overdueSince ? formatCalendarDate(overdueSince) : '' })}</p>
            ) : (
              nextDueDate && <p className="text-muted-foreground">{t('homeDueBy', { date: formatCalendarDate(nextDueDate) })}</p>
            )}
          </div>
        </div>
        <Link href="/parent/invoices" className="inline-flex min-h-11 items-center gap-1 font-medium text-primary hover:underline focus-visible:underline" data-testid="home-invoices-link">
          {t('homeLink')} →
        </Link>
      </CardContent>
    </Card>
  );
}
