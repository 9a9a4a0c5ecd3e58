'use client';

import { useTranslations } from 'next-intl';
import { Controller, useWatch } from 'react-hook-form';
import { Button } from '@/components/ui/button';
import { FormField, fieldProps } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { NativeSelect, NativeSelectOption } from '@/components/ui/native-select';
import { Notice } from '@/components/ui/notice';
import { hourLabel } from '@/lib/jobs/describe';
import { EMAIL_KINDS, type EmailKind } from '@/lib/notifications/kinds';
import { updateNotificationSettingsAction } from '@/lib/settings/actions';
import {
  LESSON_REMINDER_HOURS,
  MAKEUP_NOTICE_DAYS,
  notificationSettingsSchema,
  OVERDUE_CHECK_HOUR,
  PAYMENT_REMINDER_DAYS,
  type NotificationSettings,
  type NotificationSettingsInput,
} from '@/lib/settings/schema';
import { SettingsSection } from './settings-section';
import { shown, useSettingsForm } from './use-settings-form';

/** What the fields show: numbers as typed text. */
function formValues(v: NotificationSettings): NotificationSettingsInput {
  return {
    ...v,
    paymentReminderDays: String(v.paymentReminderDays),
    overdueCheckHour: String(v.overdueCheckHour),
    makeupExpiryNoticeDays: String(v.makeupExpiryNoticeDays),
    lessonReminderHours: String(v.lessonReminderHours),
  };
}

const HOURS = Array.from({ length: OVERDUE_CHECK_HOUR.max - OVERDUE_CHECK_HOUR.min + 1 }, (_, i) => OVERDUE_CHECK_HOUR.min + i);

/**
 * "Notifications and reminders": days of notice before a payment is due and before a makeup
 * credit expires, hours of notice before a lesson, the hour of the daily overdue check, and a
 * box per kind of automatic email (ticked: the school sends it). Help sentences follow what is
 * being typed.
 */
export function NotificationSettingsForm({ saved }: { saved: NotificationSettings }) {
  const t = useTranslations('settings.notifications');
  const ts = useTranslations('settings');
  const tj = useTranslations('jobs');
  const { form, errorOf, onSubmit } = useSettingsForm({ schema: notificationSettingsSchema, saved: formValues(saved), toFields: formValues, save: updateNotificationSettingsAction, savedMessage: t('saved') });
  const { register, control, formState } = form;
  const paymentDays = shown(useWatch({ control, name: 'paymentReminderDays' }), PAYMENT_REMINDER_DAYS, saved.paymentReminderDays);
  const checkHour = shown(useWatch({ control, name: 'overdueCheckHour' }), OVERDUE_CHECK_HOUR, saved.overdueCheckHour);
  const makeupDays = shown(useWatch({ control, name: 'makeupExpiryNoticeDays' }), MAKEUP_NOTICE_DAYS, saved.makeupExpiryNoticeDays);
  const lessonHours = shown(useWatch({ control, name: 'lessonReminderHours' }), LESSON_REMINDER_HOURS, saved.lessonReminderHours);

  const err = {
    paymentReminderDays: errorOf('paymentReminderDays'),
    overdueCheckHour: errorOf('overdueCheckHour'),
    makeupExpiryNoticeDays: errorOf('makeupExpiryNoticeDays'),
    lessonReminderHours: errorOf('lessonReminderHours'),
    emailKindsOff: errorOf('emailKindsOff'),
  };

  return (
    <form onSubmit={onSubmit} noValidate data-testid="notification-settings-form">
      <SettingsSection
        id="notifications"
        title={t('title')}
        description={t('description')}
        footer={
          <Button type="submit" disabled={formState.isSubmitting}>
            {formState.isSubmitting ? ts('saving') : ts('save')}
          </Button>
        }
      >
        <div className="grid gap-6 sm:grid-cols-2">
          <FormField id="lessonReminderHours" label={t('lessonReminderHours')} error={err.lessonReminderHours} description={t('lessonReminderHoursHelp', { hours: lessonHours })}>
            <div className="flex items-center gap-2">
              <Input
                {...fieldProps('lessonReminderHours', err.lessonReminderHours, { description: true })}
                {...register('lessonReminderHours')}
                type="number"
                inputMode="numeric"
                min={LESSON_REMINDER_HOURS.min}
                max={LESSON_REMINDER_HOURS.max}
                step={1}
                className="w-24 tabular-nums"
              />
              <span className="text-sm text-muted-foreground">{t('hoursBeforeLesson')}</span>
            </div>
          </FormField>
          <FormField id="paymentReminderDays" label={t('paymentReminderDays')} error={err.paymentReminderDays} description={t('paymentReminderDaysHelp', { days: paymentDays })}>
            <div className="flex items-center gap-2">
              <Input
                {...fieldProps('paymentReminderDays', err.paymentReminderDays, { description: true })}
                {...register('paymentReminderDays')}
                type="number"
                inputMode="numeric"
                min={PAYMENT_REMINDER_DAYS.min}
                max={PAYMENT_REMINDER_DAYS.max}
                step={1}
                className="w-24 tabular-nums"
              />
              <span className="text-sm text-muted-foreground">{t('daysBeforeDue')}</span>
            </div>
          </FormField>
          <FormField id="overdueCheckHour" label={t('overdueCheckHour')} error={err.overdueCheckHour} description={t('overdueCheckHourHelp', { time: hourLabel(checkHour) })}>
            <NativeSelect {...fieldProps('overdueCheckHour', err.overdueCheckHour, { description: true })} {...register('overdueCheckHour')} className="w-28 tabular-nums">
              {HOURS.map((h) => (
                <NativeSelectOption key={h} value={String(h)}>
                  {hourLabel(h)}
                </NativeSelectOption>
              ))}
            </NativeSelect>
          </FormField>
          <FormField
            id="makeupExpiryNoticeDays"
            label={t('makeupExpiryNoticeDays')}
            error={err.makeupExpiryNoticeDays}
            description={t('makeupExpiryNoticeDaysHelp', { days: makeupDays })}
          >
            <div className="flex items-center gap-2">
              <Input
                {...fieldProps('makeupExpiryNoticeDays', err.makeupExpiryNoticeDays, { description: true })}
                {...register('makeupExpiryNoticeDays')}
                type="number"
                inputMode="numeric"
                min={MAKEUP_NOTICE_DAYS.min}
                max={MAKEUP_NOTICE_DAYS.max}
                step={1}
                className="w-24 tabular-nums"
              />
              <span className="text-sm text-muted-foreground">{t('daysBeforeExpiry')}</span>
            </div>
          </FormField>
        </div>

        <fieldset className="grid gap-3" aria-describedby={err.emailKindsOff ? 'emailKinds-help emailKinds-error' : 'emailKinds-help'}>
          <legend className="mb-1 text-sm font-medium">{t('kindsLegend')}</legend>
          <p id="emailKinds-help" className="text-sm text-muted-foreground">
            {t('kindsHelp')}
          </p>
          <Controller
            control={control}
            name="emailKindsOff"
            render={({ field }) => {
              const off = (field.value ?? []) as EmailKind[];
              const toggle = (kind: EmailKind, sent: boolean) => field.onChange(sent ? off.filter((k) => k !== kind) : [...off, kind]);
              return (
                <div className="grid gap-2 sm:grid-cols-2">
                  {EMAIL_KINDS.map((kind) => (
                    <label
                      key={kind}
                      htmlFor={`emailKind-${kind}`}
                      className="flex cursor-pointer items-start gap-3 rounded-md border p-3 has-[:checked]:border-primary/60 has-[:focus-visible]:ring-[3px] has-[:focus-visible]:ring-ring/50"
                    >
                      <input
                        id={`emailKind-${kind}`}
                        type="checkbox"
                        checked={!off.includes(kind)}
                        onChange={(e) => toggle(kind, e.target.checked)}
                        onBlur={field.onBlur}
                        aria-describedby={`emailKind-${kind}-help`}
                        className="mt-0.5 size-4 shrink-0 accent-primary"
                      />
                      <span className="grid gap-0.5">
                        <span className="text-sm font-medium">{tj(`emailKinds.${kind}`)}</span>
                        <span id={`emailKind-${kind}-help`} className="text-sm text-muted-foreground">
                          {tj(`emailKindsHelp.${kind}`)}
                        </span>
                      </span>
                    </label>
                  ))}
                </div>
              );
            }}
          />
          {err.emailKindsOff && (
            <p id="emailKinds-error" role="alert" className="text-sm text-destructive">
              {err.emailKindsOff[0]}
            </p>
          )}
        </fieldset>

        <Notice>{t('unsubscribable')}</Notice>
      </SettingsSection>
    </form>
  );
}
