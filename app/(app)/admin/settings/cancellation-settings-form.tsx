'use client';

import { useTranslations } from 'next-intl';
import { useWatch } from 'react-hook-form';
import { Button } from '@/components/ui/button';
import { FormField, fieldProps } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { Notice } from '@/components/ui/notice';
import { updateCancellationSettingsAction } from '@/lib/settings/actions';
import {
  CAP_PER_TERM,
  cancellationSettingsSchema,
  CREDIT_DAYS,
  NOTICE_HOURS,
  type CancellationSettings,
  type CancellationSettingsInput,
} from '@/lib/settings/schema';
import { SettingsSection } from './settings-section';
import { shown, useSettingsForm } from './use-settings-form';

/** What the fields show: numbers as typed text, no cap as an empty field. */
function formValues(v: CancellationSettings): CancellationSettingsInput {
  return { ...v, cancellationNoticeHours: String(v.cancellationNoticeHours), makeupCreditDays: String(v.makeupCreditDays), makeupCapPerTerm: v.makeupCapPerTerm == null ? '' : String(v.makeupCapPerTerm) };
}

/**
 * "Cancellations and makeups": notice hours, makeup validity, the cap per term and whether a
 * late cancellation is charged. Each help sentence follows the number being typed, so the
 * owner reads what the value will mean before saving.
 */
export function CancellationSettingsForm({ saved }: { saved: CancellationSettings }) {
  const t = useTranslations('settings');
  const { form, errorOf, onSubmit } = useSettingsForm({ schema: cancellationSettingsSchema, saved: formValues(saved), toFields: formValues, save: updateCancellationSettingsAction, savedMessage: t('saved') });
  const { register, control, formState } = form;
  const hours = shown(useWatch({ control, name: 'cancellationNoticeHours' }), NOTICE_HOURS, saved.cancellationNoticeHours);
  const days = shown(useWatch({ control, name: 'makeupCreditDays' }), CREDIT_DAYS, saved.makeupCreditDays);

  const noticeError = errorOf('cancellationNoticeHours');
  const daysError = errorOf('makeupCreditDays');
  const capError = errorOf('makeupCapPerTerm');

  return (
    <form onSubmit={onSubmit} noValidate data-testid="cancellation-settings-form">
      <SettingsSection
        id="cancellations"
        title={t('cancellations.title')}
        description={t('cancellations.description')}
        footer={
          <Button type="submit" disabled={formState.isSubmitting}>
            {formState.isSubmitting ? t('saving') : t('save')}
          </Button>
        }
      >
        <FormField id="cancellationNoticeHours" label={t('cancellations.noticeHours')} error={noticeError} description={t('cancellations.noticeHoursHelp', { hours })}>
          <div className="flex items-center gap-2">
            <Input
              {...fieldProps('cancellationNoticeHours', noticeError, { description: true })}
              {...register('cancellationNoticeHours')}
              type="number"
              inputMode="numeric"
              min={NOTICE_HOURS.min}
              max={NOTICE_HOURS.max}
              step={1}
              className="w-28 tabular-nums"
            />
            <span className="text-sm text-muted-foreground">{t('cancellations.hoursUnit')}</span>
          </div>
        </FormField>

        <FormField id="makeupCreditDays" label={t('cancellations.creditDays')} error={daysError} description={t('cancellations.creditDaysHelp', { days })}>
          <div className="flex items-center gap-2">
            <Input
              {...fieldProps('makeupCreditDays', daysError, { description: true })}
              {...register('makeupCreditDays')}
              type="number"
              inputMode="numeric"
              min={CREDIT_DAYS.min}
              max={CREDIT_DAYS.max}
              step={1}
              className="w-28 tabular-nums"
            />
            <span className="text-sm text-muted-foreground">{t('cancellations.daysUnit')}</span>
          </div>
        </FormField>

        <FormField id="makeupCapPerTerm" label={t('cancellations.cap')} error={capError} description={t('cancellations.capHelp')}>
          <div className="flex items-center gap-2">
            <Input
              {...fieldProps('makeupCapPerTerm', capError, { description: true })}
              {...register('makeupCapPerTerm')}
              type="number"
              inputMode="numeric"
              min={CAP_PER_TERM.min}
              max={CAP_PER_TERM.max}
              step={1}
              placeholder={t('cancellations.capPlaceholder')}
              className="w-28 tabular-nums"
            />
            <span className="text-sm text-muted-foreground">{t('cancellations.capUnit')}</span>
          </div>
        </FormField>

        <div className="grid gap-2">
          <label htmlFor="lateCancellationCharged" className="flex w-fit cursor-pointer items-start gap-3">
            <input
              id="lateCancellationCharged"
              type="checkbox"
              {...register('lateCancellationCharged')}
              aria-describedby="lateCancellationCharged-description"
              className="mt-0.5 size-4 shrink-0 accent-primary"
            />
            <span className="text-sm font-medium">{t('cancellations.lateCharged')}</span>
          </label>
          <p id="lateCancellationCharged-description" className="pl-7 text-sm text-muted-foreground">
            {t('cancellations.lateChargedHelp')}
          </p>
          {errorOf('lateCancellationCharged') && (
            <p role="alert" className="pl-7 text-sm text-destructive">
              {errorOf('lateCancellationCharged')?.[0]}
            </p>
          )}
        </div>

        <Notice>{t('cancellations.notRetroactive')}</Notice>
      </SettingsSection>
    </form>
  );
}
