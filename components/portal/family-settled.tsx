import Link from '@/components/ui/link';
import { CheckCircle2 } from 'lucide-react';
import { getLocale, getTranslations } from 'next-intl/server';
import { Card, CardContent } from '@/components/ui/card';
import type { FamilyAccount } from '@/lib/billing/parent-queries';
import { formatMoney } from '@/lib/money';

/**
 * The family's account on the parent's home when nothing is due: everything paid (and the
 * credit, if they paid more), with the way to the invoices. What is due is said at the top of
 * the page instead (`FamilyInvoicesDue`); a parent who pays for nobody sees neither.
 */
export async function FamilySettled({ account }: { account: FamilyAccount }) {
  const [t, tp, locale] = await Promise.all([getTranslations('invoices.parent'), getTranslations('portal'), getLocale()]);
  const money = (g: number) => formatMoney(g, locale === 'en' ? 'en' : 'pl');
  return (
    <section aria-labelledby="family-account" className="grid gap-3">
      <h2 id="family-account" className="text-lg font-semibold">
        {tp('familyTitle')}
      </h2>
      <Card className="py-4" data-testid="home-family-settled">
        <CardContent className="flex flex-wrap items-center justify-between gap-x-6 gap-y-2 px-4 sm:px-6">
          <div className="flex items-start gap-3">
            <CheckCircle2 className="mt-0.5 size-5 shrink-0 text-success" aria-hidden />
            <div className="grid gap-0.5">
              <p className="font-semibold">{t('settledTitle')}</p>
              <p className="text-muted-foreground">
                {account.balance.credit > 0 ? t.rich('credit', { amount: money(account.balance.credit), strong: (c) => <strong className="font-semibold text-foreground">{c}</strong> }) : t('settledBody')}
              </p>
            </div>
          </div>
          <Link href="/parent/invoices" className="inline-flex min-h-11 items-center gap-1 font-medium text-primary hover:underline focus-visible:underline">
            {tp('invoicesLink')} →
          </Link>
        </CardContent>
      </Card>
    </section>
  );
}
