'use client';

import { useTranslations } from 'next-intl';
import { useMemo } from 'react';
import { Button } from '@/components/ui/button';
import { FormField, fieldProps } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { NativeSelect, NativeSelectOption } from '@/components/ui/native-select';
import { updateSchoolProfileAction } from '@/lib/settings/actions';
import { schoolProfileSchema, timeZones, VOIVODESHIPS, type SchoolProfile, type SchoolProfileInput } from '@/lib/settings/schema';
import { LogoField } from './logo-field';
import { SettingsSection } from './settings-section';
import { useSettingsForm } from './use-settings-form';

type Saved = { name: string; email: string | null; phone: string | null; voivodeship: string; timeZone: string };

function formValues(v: Saved | SchoolProfile): SchoolProfileInput {
  return { name: v.name, email: v.email ?? '', phone: v.phone ?? '', voivodeship: v.voivodeship as SchoolProfileInput['voivodeship'], timeZone: v.timeZone };
}

/**
 * "The school": the name people know it by, how they reach the office (printed at the foot of
 * every automatic email), its voivodeship and time zone, and its logo for invoices and emails
 * (saved on its own, as soon as it is chosen).
 */
export function SchoolProfileForm({ saved, logo }: { saved: Saved; logo: string | null }) {
  const t = useTranslations('settings.school');
  const ts = useTranslations('settings');
  const zones = useMemo(() => timeZones(), []);
  const { form, errorOf, onSubmit } = useSettingsForm({ schema: schoolProfileSchema, saved: formValues(saved), toFields: formValues, save: updateSchoolProfileAction, savedMessage: t('saved') });
  const { register, formState } = form;

  const field = (name: 'name' | 'email' | 'phone', label: string, options: { required?: boolean; description?: string; maxLength: number; autoComplete: string; type?: string }) => {
    const error = errorOf(name);
    return (
      <FormField id={`school-${name}`} label={label} error={error} description={options.description} required={options.required}>
        <Input {...fieldProps(`school-${name}`, error, { description: Boolean(options.description) })} {...register(name)} type={options.type} maxLength={options.maxLength} autoComplete={options.autoComplete} />
      </FormField>
    );
  };

  return (
    <SettingsSection
      id="school"
      title={t('title')}
      description={t('description')}
      footer={
        <Button type="submit" form="school-profile-form" disabled={formState.isSubmitting}>
          {formState.isSubmitting ? ts('saving') : ts('save')}
        </Button>
      }
    >
      <form id="school-profile-form" onSubmit={onSubmit} noValidate data-testid="school-profile-form" className="grid gap-6">
        {field('name', t('name'), { required: true, description: t('nameHelp'), maxLength: 120, autoComplete: 'organization' })}
        <div className="grid gap-6 sm:grid-cols-2">
          {field('email', t('email'), { description: t('emailHelp'), maxLength: 254, autoComplete: 'email', type: 'email' })}
          {field('phone', t('phone'), { maxLength: 40, autoComplete: 'tel', type: 'tel' })}
        </div>
        <div className="grid gap-6 sm:grid-cols-2">
          <FormField id="school-voivodeship" label={t('voivodeship')} error={errorOf('voivodeship')} description={t('voivodeshipHelp')} required>
            <NativeSelect {...fieldProps('school-voivodeship', errorOf('voivodeship'), { description: true })} {...register('voivodeship')}>
              {saved.voivodeship === '' && <NativeSelectOption value="">{t('choose')}</NativeSelectOption>}
              {VOIVODESHIPS.map((v) => (
                <NativeSelectOption key={v} value={v}>
                  {v}
                </NativeSelectOption>
              ))}
            </NativeSelect>
          </FormField>
          <FormField id="school-timeZone" label={t('timeZone')} error={errorOf('timeZone')} description={t('timeZoneHelp')} required>
            <NativeSelect {...fieldProps('school-timeZone', errorOf('timeZone'), { description: true })} {...register('timeZone')}>
              {zones.map((z) => (
                <NativeSelectOption key={z} value={z}>
                  {z.replaceAll('_', ' ')}
                </NativeSelectOption>
              ))}
            </NativeSelect>
          </FormField>
        </div>
      </form>
      <LogoField logo={logo} />
    </SettingsSection>
  );
}
