import { getLocale, getTranslations } from 'next-intl/server';
import type { PayerBalance } from '@/lib/billing/payments';
import { formatMoney } from '@/lib/money';
import { cn } from '@/lib/utils';

/** A payer's account in four figures: invoiced, paid in, left to pay (and how much of it is overdue), or their overpayment. */
export async function PayerBalanceSummary({ balance }: { balance: PayerBalance }) {
  const [t, locale] = await Promise.all([getTranslations('invoices'), getLocale()]);
  const money = (g: number) => formatMoney(g, locale === 'en' ? 'en' : 'pl');
  return (
    <dl className="grid grid-cols-2 gap-x-6 gap-y-3 text-sm" data-testid="payer-balance">
      <Figure label={t('detail.invoiced')}>{money(balance.invoiced)}</Figure>
      <Figure label={t('detail.paidTotal')}>{money(balance.paid)}</Figure>
      {balance.credit > 0 ? (
        <Figure label={t('detail.creditLabel')} className="text-success">
          <span data-testid="payer-credit">{money(balance.credit)}</span>
        </Figure>
      ) : (
        <Figure label={t('detail.owes')} className={cn(balance.due > 0 && 'text-base')}>
          <span data-testid="payer-due">{balance.due > 0 ? money(balance.due) : t('account.settled')}</span>
        </Figure>
      )}
      {balance.overdue > 0 && (
        <Figure label={t('detail.overdue')} className="text-destructive">
          {money(balance.overdue)}
        </Figure>
      )}
    </dl>
  );
}

function Figure({ label, children, className }: { label: string; children: React.ReactNode; className?: string }) {
  return (
    <div className="grid gap-0.5">
      <dt className="text-muted-foreground">{label}</dt>
      <dd className={cn('font-medium tabular-nums', className)}>{children}</dd>
    </div>
  );
}
