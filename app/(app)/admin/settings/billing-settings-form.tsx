'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { useWatch } from 'react-hook-form';
import { Button } from '@/components/ui/button';
import { FormField, fieldProps } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { NativeSelect, NativeSelectOption } from '@/components/ui/native-select';
import { Notice } from '@/components/ui/notice';
import { invoiceNumber } from '@/lib/billing/rules';
import { updateBillingSettingsAction } from '@/lib/settings/actions';
import {
  BILLING_DAY,
  billingSettingsSchema,
  exemptionKeyOf,
  NUMBER_FORMAT_MAX,
  numberFormatProblem,
  PAYMENT_TERM_DAYS,
  SIBLING_DISCOUNT,
  VAT_EXEMPTION_BASES,
  VAT_RATES,
  type BillingSettings,
  type BillingSettingsInput,
  type VatExemptionKey,
} from '@/lib/settings/schema';
import { cn } from '@/lib/utils';
import { SettingsSection } from './settings-section';
import { shown, useSettingsForm } from './use-settings-form';

/** What the fields show: numbers as typed text, no rate or discount as an empty field. */
function formValues(v: BillingSettings): BillingSettingsInput {
  return {
    ...v,
    billingDay: String(v.billingDay),
    paymentTermDays: String(v.paymentTermDays),
    vatRate: v.vatRate == null ? '' : String(v.vatRate),
    vatExemptionBasis: v.vatExemptionBasis ?? '',
    siblingDiscountPercent: v.siblingDiscountPercent == null ? '' : String(v.siblingDiscountPercent),
  };
}

/**
 * "Billing": the invoice day, the payment term, number formats with a live example, VAT (an
 * exemption with its legal basis, chosen or typed, or a rate) and the sibling discount. Help
 * sentences follow what is being typed.
 */
export function BillingSettingsForm({ saved, today }: { saved: BillingSettings; today: string }) {
  const t = useTranslations('billing.settings');
  const ts = useTranslations('settings');
  const [basisChoice, setBasisChoice] = useState<VatExemptionKey | 'other'>(() => exemptionKeyOf(saved.vatExemptionBasis));
  const { form, errorOf, onSubmit } = useSettingsForm({ schema: billingSettingsSchema, saved: formValues(saved), toFields: formValues, save: updateBillingSettingsAction, savedMessage: t('saved'), onSaved: (values) => setBasisChoice(exemptionKeyOf(values.vatExemptionBasis)) });
  const { register, control, setValue, formState } = form;
  const day = shown(useWatch({ control, name: 'billingDay' }), BILLING_DAY, saved.billingDay);
  const days = shown(useWatch({ control, name: 'paymentTermDays' }), PAYMENT_TERM_DAYS, saved.paymentTermDays);
  const vatMode = useWatch({ control, name: 'vatMode' });
  const invoiceFormat = String(useWatch({ control, name: 'invoiceNumberFormat' }) ?? '').trim();
  const correctionFormat = String(useWatch({ control, name: 'correctionNumberFormat' }) ?? '').trim();
  const example = (format: string) => (numberFormatProblem(format) ? null : invoiceNumber(format, 7, today));

  const chooseBasis = (key: VatExemptionKey | 'other') => {
    setBasisChoice(key);
    const preset = VAT_EXEMPTION_BASES.find((b) => b.key === key);
    if (preset) setValue('vatExemptionBasis', preset.text, { shouldDirty: true });
    else if (exemptionKeyOf(String(form.getValues('vatExemptionBasis') ?? '')) !== 'other') setValue('vatExemptionBasis', '', { shouldDirty: true });
  };

  const err = {
    billingDay: errorOf('billingDay'),
    paymentTermDays: errorOf('paymentTermDays'),
    invoiceNumberFormat: errorOf('invoiceNumberFormat'),
    correctionNumberFormat: errorOf('correctionNumberFormat'),
    vatMode: errorOf('vatMode'),
    vatRate: errorOf('vatRate'),
    vatExemptionBasis: errorOf('vatExemptionBasis'),
    siblingDiscountPercent: errorOf('siblingDiscountPercent'),
  };
  const invoiceExample = example(invoiceFormat);
  const correctionExample = example(correctionFormat);
  const presetText = VAT_EXEMPTION_BASES.find((b) => b.key === basisChoice)?.text;

  return (
    <form onSubmit={onSubmit} noValidate data-testid="billing-settings-form">
      <SettingsSection
        id="billing"
        title={t('title')}
        description={t('description')}
        footer={
          <Button type="submit" disabled={formState.isSubmitting}>
            {formState.isSubmitting ? ts('saving') : ts('save')}
          </Button>
        }
      >
        <div className="grid gap-6 sm:grid-cols-2">
          <FormField id="billingDay" label={t('billingDay')} error={err.billingDay} description={t('billingDayHelp', { day })}>
            <div className="flex items-center gap-2">
              <Input
                {...fieldProps('billingDay', err.billingDay, { description: true })}
                {...register('billingDay')}
                type="number"
                inputMode="numeric"
                min={BILLING_DAY.min}
                max={BILLING_DAY.max}
                step={1}
                className="w-24 tabular-nums"
              />
              <span className="text-sm text-muted-foreground">{t('dayUnit')}</span>
            </div>
          </FormField>
          <FormField id="paymentTermDays" label={t('paymentTerm')} error={err.paymentTermDays} description={t('paymentTermHelp', { days })}>
            <div className="flex items-center gap-2">
              <Input
                {...fieldProps('paymentTermDays', err.paymentTermDays, { description: true })}
                {...register('paymentTermDays')}
                type="number"
                inputMode="numeric"
                min={PAYMENT_TERM_DAYS.min}
                max={PAYMENT_TERM_DAYS.max}
                step={1}
                className="w-24 tabular-nums"
              />
              <span className="text-sm text-muted-foreground">{t('daysUnit')}</span>
            </div>
          </FormField>
        </div>

        <div className="grid gap-6 sm:grid-cols-2">
          <FormField
            id="invoiceNumberFormat"
            label={t('invoiceFormat')}
            error={err.invoiceNumberFormat}
            description={invoiceExample ? <span data-testid="invoice-number-example">{t('formatExample', { example: invoiceExample })}</span> : undefined}
          >
            <Input
              {...fieldProps('invoiceNumberFormat', err.invoiceNumberFormat, { description: Boolean(invoiceExample) })}
              {...register('invoiceNumberFormat')}
              maxLength={NUMBER_FORMAT_MAX}
              autoComplete="off"
              spellCheck={false}
              className="font-mono"
            />
          </FormField>
          <FormField
            id="correctionNumberFormat"
            label={t('correctionFormat')}
            error={err.correctionNumberFormat}
            description={correctionExample ? t('formatExample', { example: correctionExample }) : undefined}
          >
            <Input
              {...fieldProps('correctionNumberFormat', err.correctionNumberFormat, { description: Boolean(correctionExample) })}
              {...register('correctionNumberFormat')}
              maxLength={NUMBER_FORMAT_MAX}
              autoComplete="off"
              spellCheck={false}
              className="font-mono"
            />
          </FormField>
          <p className="text-sm text-muted-foreground sm:col-span-2">{t('formatHelp')}</p>
        </div>

        <fieldset className="grid gap-3" aria-describedby={err.vatMode ? 'vatMode-error' : undefined}>
          <legend className="mb-2 text-sm font-medium">{t('vatModeLegend')}</legend>
          <div className="grid gap-2 sm:grid-cols-2">
            {(['exempt', 'rate'] as const).map((mode) => (
              <label
                key={mode}
                className="flex cursor-pointer items-start gap-3 rounded-md border p-3 has-[:checked]:border-primary has-[:checked]:bg-accent has-[:focus-visible]:ring-[3px] has-[:focus-visible]:ring-ring/50"
              >
                <input type="radio" value={mode} {...register('vatMode')} className="mt-0.5 size-4 shrink-0 accent-primary" aria-describedby={`vatMode-${mode}-help`} />
                <span className="grid gap-0.5">
                  <span className="text-sm font-medium">{mode === 'exempt' ? t('vatExempt') : t('vatRateMode')}</span>
                  <span id={`vatMode-${mode}-help`} className="text-sm text-muted-foreground">
                    {mode === 'exempt' ? t('vatExemptHelp') : t('vatRateModeHelp')}
                  </span>
                </span>
              </label>
            ))}
          </div>
          {err.vatMode && (
            <p id="vatMode-error" role="alert" className="text-sm text-destructive">
              {err.vatMode[0]}
            </p>
          )}

          {vatMode === 'exempt' ? (
            <div className="grid gap-3">
              <FormField id="vatBasisChoice" label={t('basis')} error={basisChoice === 'other' ? undefined : err.vatExemptionBasis} description={presetText ?? t('basisHelp')}>
                <NativeSelect
                  {...fieldProps('vatBasisChoice', basisChoice === 'other' ? undefined : err.vatExemptionBasis, { description: true })}
                  value={basisChoice}
                  onChange={(e) => chooseBasis(e.target.value as VatExemptionKey | 'other')}
                  className="w-full"
                >
                  {VAT_EXEMPTION_BASES.map((b) => (
                    <NativeSelectOption key={b.key} value={b.key}>
                      {t(`bases.${b.key}`)}
                    </NativeSelectOption>
                  ))}
                  <NativeSelectOption value="other">{t('basisOther')}</NativeSelectOption>
                </NativeSelect>
              </FormField>
              <div className={cn(basisChoice !== 'other' && 'hidden')}>
                <FormField id="vatExemptionBasis" label={t('basisText')} error={err.vatExemptionBasis} description={t('basisHelp')}>
                  <Input {...fieldProps('vatExemptionBasis', err.vatExemptionBasis, { description: true })} {...register('vatExemptionBasis')} maxLength={250} autoComplete="off" />
                </FormField>
              </div>
            </div>
          ) : (
            <FormField id="vatRate" label={t('rate')} error={err.vatRate}>
              <NativeSelect {...fieldProps('vatRate', err.vatRate)} {...register('vatRate')} className="w-32">
                <NativeSelectOption value="" disabled>
                  —
                </NativeSelectOption>
                {VAT_RATES.map((r) => (
                  <NativeSelectOption key={r} value={String(r)}>
                    {t('rateOption', { rate: r })}
                  </NativeSelectOption>
                ))}
              </NativeSelect>
            </FormField>
          )}
        </fieldset>

        <FormField id="siblingDiscountPercent" label={t('siblingDiscount')} error={err.siblingDiscountPercent} description={t('siblingDiscountHelp')}>
          <div className="flex items-center gap-2">
            <Input
              {...fieldProps('siblingDiscountPercent', err.siblingDiscountPercent, { description: true })}
              {...register('siblingDiscountPercent')}
              type="number"
              inputMode="numeric"
              min={SIBLING_DISCOUNT.min}
              max={SIBLING_DISCOUNT.max}
              step={1}
              placeholder={t('siblingDiscountPlaceholder')}
              className="w-32 tabular-nums"
            />
            <span className="text-sm text-muted-foreground">{t('percentUnit')}</span>
          </div>
        </FormField>

        <Notice>{t('notRetroactive')}</Notice>
        <p className="text-sm text-muted-foreground">
          <a href="#cancellations" className="underline-offset-4 hover:underline">
            {t('lateChargedNote')}
          </a>
        </p>
      </SettingsSection>
    </form>
  );
}
