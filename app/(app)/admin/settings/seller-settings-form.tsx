'use client';

import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { FormField, fieldProps } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { Notice } from '@/components/ui/notice';
import { updateSellerSettingsAction } from '@/lib/settings/actions';
import { sellerSettingsSchema, type SellerSettings, type SellerSettingsInput } from '@/lib/settings/schema';
import { SettingsSection } from './settings-section';
import { useSettingsForm } from './use-settings-form';

type Saved = { legalName: string | null; addressLine: string; postalCode: string; city: string; nip: string | null; bankAccount: string | null };

function formValues(v: Saved | SellerSettings): SellerSettingsInput {
  return { legalName: v.legalName ?? '', addressLine: v.addressLine, postalCode: v.postalCode, city: v.city, nip: v.nip ?? '', bankAccount: v.bankAccount ?? '' };
}

/**
 * "Invoice details": the seller as the next invoices print it — legal name (the school's name
 * when empty), address, NIP (checked with its check digit) and the bank account (a Polish IBAN,
 * checked and stored in groups of four).
 */
export function SellerSettingsForm({ saved, schoolName }: { saved: Saved; schoolName: string }) {
  const t = useTranslations('billing.seller');
  const ts = useTranslations('settings');
  const { form, errorOf, onSubmit } = useSettingsForm({ schema: sellerSettingsSchema, saved: formValues(saved), toFields: formValues, save: updateSellerSettingsAction, savedMessage: t('saved') });
  const { register, formState } = form;

  const field = (name: keyof SellerSettingsInput, label: string, options: { description?: string; required?: boolean; className?: string; inputClassName?: string; maxLength: number; autoComplete?: string; inputMode?: 'numeric' | 'text' }) => {
    const error = errorOf(name);
    return (
      <FormField id={`seller-${name}`} label={label} error={error} description={options.description} required={options.required} className={options.className}>
        <Input
          {...fieldProps(`seller-${name}`, error, { description: Boolean(options.description) })}
          {...register(name)}
          maxLength={options.maxLength}
          autoComplete={options.autoComplete ?? 'off'}
          inputMode={options.inputMode}
          className={options.inputClassName}
        />
      </FormField>
    );
  };

  return (
    <form onSubmit={onSubmit} noValidate data-testid="seller-settings-form">
      <SettingsSection
        id="seller"
        title={t('title')}
        description={t('description')}
        footer={
          <Button type="submit" disabled={formState.isSubmitting}>
            {formState.isSubmitting ? ts('saving') : ts('save')}
          </Button>
        }
      >
        {field('legalName', t('legalName'), { description: t('legalNameHelp', { name: schoolName }), maxLength: 200, autoComplete: 'organization' })}
        <div className="grid gap-6 sm:grid-cols-[minmax(0,1fr)_8rem_minmax(0,12rem)]">
          {field('addressLine', t('addressLine'), { required: true, maxLength: 200, autoComplete: 'street-address' })}
          {field('postalCode', t('postalCode'), { required: true, maxLength: 6, autoComplete: 'postal-code', inputClassName: 'tabular-nums' })}
          {field('city', t('city'), { required: true, maxLength: 100, autoComplete: 'address-level2' })}
        </div>
        <div className="grid gap-6 sm:grid-cols-[12rem_minmax(0,1fr)]">
          {field('nip', t('nip'), { required: true, description: t('nipHelp'), maxLength: 20, inputMode: 'numeric', inputClassName: 'tabular-nums' })}
          {field('bankAccount', t('bankAccount'), { description: t('bankAccountHelp'), maxLength: 60, inputClassName: 'font-mono tabular-nums' })}
        </div>
        <Notice>{t('notRetroactive')}</Notice>
      </SettingsSection>
    </form>
  );
}
