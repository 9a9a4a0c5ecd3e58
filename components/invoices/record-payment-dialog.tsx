'use client';

import { useRouter } from 'next/navigation';
import { useLocale, useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from '@/components/ui/dialog';
import { FormField, fieldProps } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { NativeSelect, NativeSelectOption } from '@/components/ui/native-select';
import { Notice } from '@/components/ui/notice';
import { recordPaymentAction } from '@/lib/billing/invoice-actions';
import { paymentMethods } from '@/lib/billing/invoice-schema';
import { formatMoney, toDecimalString } from '@/lib/money';

type Props = {
  invoiceId: string;
  number: string;
  /** What is left to pay, in grosze: the amount the form starts with. */
  due: number;
  /** Today and the earliest accepted payment date, in the school's calendar. */
  today: string;
  earliest: string;
};

/**
 * "Record payment" on an invoice: amount, method, date and a reference. The amount starts at
 * what is left to pay; more is allowed (the surplus is the payer's credit). The server checks
 * everything again and answers per field.
 */
export function RecordPaymentDialog({ invoiceId, number, due, today, earliest }: Props) {
  const t = useTranslations('invoices');
  const locale = useLocale() === 'en' ? 'en' : 'pl';
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [pending, start] = useTransition();
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const initial = () => ({ amount: due > 0 ? toDecimalString(due).replace('.', locale === 'pl' ? ',' : '.') : '', method: 'transfer', paidOn: today, reference: '' });
  const [form, setForm] = useState(initial);
  const set = (key: keyof ReturnType<typeof initial>) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => setForm((f) => ({ ...f, [key]: e.target.value }));

  const onOpenChange = (next: boolean) => {
    setOpen(next);
    if (next) {
      setForm(initial());
      setErrors({});
      setFormError(null);
    }
  };

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    setErrors({});
    setFormError(null);
    start(async () => {
      const result = await recordPaymentAction({ invoiceId, amount: form.amount, method: form.method as (typeof paymentMethods)[number], paidOn: form.paidOn, reference: form.reference });
      if (result.ok) {
        setOpen(false);
        const amount = formatMoney(result.data.amount, locale);
        toast.success(result.data.credit > 0 ? t('payment.savedCredit', { amount, number, credit: formatMoney(result.data.credit, locale) }) : t('payment.saved', { amount, number }));
        router.refresh();
      } else if (result.fieldErrors && Object.keys(result.fieldErrors).some((k) => k in form)) setErrors(result.fieldErrors);
      else setFormError(result.message);
    });
  };

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>
        <Button data-testid="record-payment">{t('payment.open')}</Button>
      </DialogTrigger>
      <DialogContent closeLabel={t('payment.close')}>
        <form onSubmit={submit} className="grid gap-4" noValidate>
          <DialogHeader>
            <DialogTitle>{t('payment.title', { number })}</DialogTitle>
            <DialogDescription>{t('payment.intro', { due: formatMoney(due, locale) })}</DialogDescription>
          </DialogHeader>
          <div className="grid gap-3 sm:grid-cols-2">
            <FormField id="payment-amount" label={t('payment.amount')} error={errors.amount} required>
              <Input {...fieldProps('payment-amount', errors.amount)} inputMode="decimal" autoComplete="off" value={form.amount} onChange={set('amount')} className="tabular-nums" />
            </FormField>
            <FormField id="payment-method" label={t('payment.method')} error={errors.method}>
              <NativeSelect {...fieldProps('payment-method', errors.method)} value={form.method} onChange={set('method')}>
                {paymentMethods.map((m) => (
                  <NativeSelectOption key={m} value={m}>
                    {t(`method.${m}`)}
                  </NativeSelectOption>
                ))}
              </NativeSelect>
            </FormField>
            <FormField id="payment-date" label={t('payment.paidOn')} error={errors.paidOn} required>
              <Input {...fieldProps('payment-date', errors.paidOn)} type="date" min={earliest} max={today} value={form.paidOn} onChange={set('paidOn')} />
            </FormField>
            <FormField id="payment-reference" label={t('payment.reference')} error={errors.reference} description={t('payment.referenceHint')} className="sm:col-span-2">
              <Input {...fieldProps('payment-reference', errors.reference, { description: true })} maxLength={200} autoComplete="off" value={form.reference} onChange={set('reference')} />
            </FormField>
          </div>
          {formError && <Notice tone="error">{formError}</Notice>}
          <DialogFooter>
            <Button type="submit" disabled={pending}>
              {t('payment.save')}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
