import { getLocale, getTranslations } from 'next-intl/server';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import type { UnpaidInvoice } from '@/lib/billing/parent-queries';
import { MAX_QR_GROSZE, zbpPaymentPayload } from '@/lib/billing/payment-qr';
import { isValidPolishIban } from '@/lib/iban';
import { formatMoney, toDecimalString } from '@/lib/money';
import { formatCalendarDate } from '@/lib/time';
import { cn } from '@/lib/utils';
import { CopyButton } from './copy-button';
import { PaymentQr } from './payment-qr';
import { QrDisclosure } from './qr-disclosure';

/** Invoices that pay into the same account, as the invoices themselves state it. */
type Recipient = { name: string; address: string | null; bankAccount: string | null; invoices: UnpaidInvoice[] };

function byRecipient(unpaid: UnpaidInvoice[]): Recipient[] {
  const groups = new Map<string, Recipient>();
  for (const inv of unpaid) {
    const key = `${inv.sellerName}|${inv.bankAccount ?? ''}`;
    const group = groups.get(key) ?? { name: inv.sellerName, address: inv.sellerAddress, bankAccount: inv.bankAccount, invoices: [] };
    group.invoices.push(inv);
    groups.set(key, group);
  }
  return [...groups.values()];
}

/** The account as a banking app's domestic transfer takes it: 26 digits, no "PL", no spaces. */
function accountDigits(account: string): string {
  const compact = account.replace(/[\s\u00a0-]/g, '').toUpperCase();
  return /^PL\d{26}$/.test(compact) ? compact.slice(2) : compact;
}

/** The invoice's transfer QR code text (ZBP): what is left to pay, into the account the invoice states. */
function paymentPayloadOf(inv: UnpaidInvoice): string | null {
  return zbpPaymentPayload({ nip: inv.sellerNip, account: inv.bankAccount, amountMinor: inv.due, recipient: inv.sellerName, title: inv.transferTitle });
}

/** No code only because of the amount: a Polish account, more than the code's six digits of grosze. */
function tooLargeForQr(inv: UnpaidInvoice): boolean {
  return inv.due > MAX_QR_GROSZE && inv.bankAccount !== null && isValidPolishIban(inv.bankAccount);
}

/** "00-514 Warszawa" never breaks inside the postal code on a narrow screen. */
function keepPostalCode(address: string): string {
  return address.replace(/\b(\d{2})-(\d{3}) /g, '$1\u2011$2\u00a0');
}

/**
 * "Jak zapłacić": everything a banking app asks for, each with a copy button: who to pay (the
 * seller as the invoice states it), the account grouped in fours, and for every unpaid invoice
 * its amount and transfer title, so a parent pays without calling the school; beside them the
 * invoice's transfer QR code (ZBP), which fills all of that in when scanned with a banking app.
 * A Polish account and up to 9 999,99 zł only: above that the code cannot carry the amount.
 */
export async function PaymentInstructions({ unpaid }: { unpaid: UnpaidInvoice[] }) {
  const [t, locale] = await Promise.all([getTranslations('invoices.parent'), getLocale()]);
  const money = (g: number) => formatMoney(g, locale === 'en' ? 'en' : 'pl');
  // Banking apps in Poland take "50,00"; the English page keeps the dot it shows.
  const typed = (g: number) => (locale === 'en' ? toDecimalString(g) : toDecimalString(g).replace('.', ','));
  const recipients = byRecipient(unpaid);
  const qr = new Map(unpaid.map((inv) => [inv.id, paymentPayloadOf(inv)]));

  return (
    <Card id="how-to-pay" className="gap-5" data-testid="payment-instructions">
      <CardHeader className="px-4 sm:px-6">
        <CardTitle className="text-lg">{t('howToPay')}</CardTitle>
        <CardDescription className="text-base">{unpaid.length > 1 ? t('howToPayIntroMany') : t('howToPayIntro')}</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-6 px-4 sm:px-6">
        {recipients.map((r) => (
          <section key={`${r.name}|${r.bankAccount}`} className="grid gap-3 sm:gap-4" data-testid="payment-recipient">
            <dl className="grid gap-3 rounded-lg bg-muted/60 p-3 sm:p-4 md:grid-cols-2 md:gap-6">
              <Field label={t('recipient')} copy={<CopyButton value={r.name} what={t('recipientWhat')} />}>
                <span className="font-medium">{r.name}</span>
                {r.address && <span className="block text-sm text-muted-foreground">{keepPostalCode(r.address)}</span>}
              </Field>
              {r.bankAccount ? (
                <Field label={t('account')} copy={<CopyButton value={accountDigits(r.bankAccount)} what={t('accountWhat')} />}>
                  <span className="font-mono text-[0.95rem] font-medium tracking-tight break-words tabular-nums" data-testid="payment-account">
                    {r.bankAccount}
                  </span>
                </Field>
              ) : (
                <p className="text-sm text-muted-foreground" data-testid="payment-no-account">
                  {t('noAccount')}
                </p>
              )}
            </dl>
            {/* Two invoices side by side from lg up, unless they carry QR codes: then one a row, the code beside its amount and title. */}
            <ol className={cn('grid gap-3 sm:gap-4', r.invoices.length > 1 && !r.invoices.some((inv) => qr.get(inv.id)) && 'lg:grid-cols-2')}>
              {r.invoices.map((inv) => {
                const payload = qr.get(inv.id);
                return (
                  <li key={inv.id} className={cn('@container rounded-lg border p-3 sm:p-4', inv.status === 'overdue' && 'border-destructive/50')} data-testid="payment-invoice" data-number={inv.number}>
                    <div className={cn('grid gap-3', payload && '@md:grid-cols-[minmax(0,1fr)_auto] @md:gap-x-6')}>
                      <div className="grid gap-0.5">
                        <span className="font-medium tabular-nums">{t('invoiceNumber', { number: inv.number })}</span>
                        <span className={cn('text-sm tabular-nums', inv.status === 'overdue' ? 'font-medium text-destructive' : 'text-muted-foreground')}>
                          {inv.status === 'overdue' ? t('wasDue', { date: formatCalendarDate(inv.dueDate) }) : t('payBy', { date: formatCalendarDate(inv.dueDate) })}
                        </span>
                      </div>
                      <dl className="grid gap-3">
                        <Field label={t('amount')} copy={<CopyButton value={typed(inv.due)} what={t('amountWhat')} />}>
                          <span className="text-lg font-semibold tabular-nums" data-testid="payment-amount">
                            {money(inv.due)}
                          </span>
                        </Field>
                        <Field label={t('transferTitle')} copy={<CopyButton value={inv.transferTitle} what={t('titleWhat')} />}>
                          <span className="font-medium break-words" data-testid="payment-title">
                            {inv.transferTitle}
                          </span>
                        </Field>
                      </dl>
                      {payload ? (
                        <QrDisclosure className="@md:col-start-2 @md:row-span-2 @md:row-start-1 @md:self-center">
                          <PaymentQr payload={payload} label={t('qrLabel', { number: inv.number, amount: money(inv.due) })} caption={t('qrScan')} />
                        </QrDisclosure>
                      ) : tooLargeForQr(inv) ? (
                        <p className="text-sm text-muted-foreground" data-testid="payment-qr-too-large">
                          {t('qrTooLarge', { max: money(MAX_QR_GROSZE) })}
                        </p>
                      ) : null}
                    </div>
                  </li>
                );
              })}
            </ol>
          </section>
        ))}
      </CardContent>
    </Card>
  );
}

/** A label over its value, with the copy button on the right of the value (inside the `dd`: a `dl` group holds only `dt` and `dd`). */
function Field({ label, children, copy }: { label: string; children: React.ReactNode; copy: React.ReactNode }) {
  return (
    <div className="grid gap-0.5">
      <dt className="text-sm text-muted-foreground">{label}</dt>
      <dd className="flex items-center justify-between gap-3">
        <div className="min-w-0">{children}</div>
        <div className="shrink-0">{copy}</div>
      </dd>
    </div>
  );
}
