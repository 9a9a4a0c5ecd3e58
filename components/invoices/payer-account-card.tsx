import Link from '@/components/ui/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import type { Viewer } from '@/lib/auth/viewer';
import { getPayerAccount } from '@/lib/billing/queries';
import { formatMoney } from '@/lib/money';
import { formatCalendarDate } from '@/lib/time';
import { PayerBalanceSummary } from './payer-balance';
import { InvoiceStatusBadge } from './status-badge';

/**
 * "Rozliczenia" on a payer's record: their balance and latest invoices, with a link to all of
 * them in the invoice list. Nothing for anyone who may not manage invoices.
 */
export async function PayerAccountCard({ viewer, payerKey }: { viewer: Viewer; payerKey: string }) {
  const account = await getPayerAccount(viewer, payerKey);
  if (!account) return null;
  const [t, locale] = await Promise.all([getTranslations('invoices'), getLocale()]);
  const money = (g: number) => formatMoney(g, locale === 'en' ? 'en' : 'pl');
  return (
    <Card data-testid="payer-account">
      <CardHeader>
        <CardTitle>{t('account.title')}</CardTitle>
        <CardDescription>{account.total ? t('account.description') : t('account.noInvoices')}</CardDescription>
      </CardHeader>
      {account.total > 0 && (
        <CardContent className="grid gap-4">
          <PayerBalanceSummary balance={account.balance} />
          <ul className="divide-y rounded-md border text-sm">
            {account.invoices.map((i) => (
              <li key={i.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 px-3 py-2">
                <Link href={`/admin/invoices/${i.id}`} className="font-medium tabular-nums hover:underline focus-visible:underline">
                  {i.number}
                </Link>
                <span className="text-muted-foreground tabular-nums">{formatCalendarDate(i.issueDate)}</span>
                <span className="ml-auto tabular-nums">{money(i.gross)}</span>
                <InvoiceStatusBadge status={i.status} />
              </li>
            ))}
          </ul>
          <Link href={`/admin/invoices?payer=${payerKey}`} className="w-fit text-sm text-muted-foreground hover:text-foreground hover:underline">
            {t('account.all', { count: account.total })}
          </Link>
        </CardContent>
      )}
    </Card>
  );
}
