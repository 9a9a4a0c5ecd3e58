'use client';

import { useTranslations } from 'next-intl';
import { useWatch } from 'react-hook-form';
import { Button } from '@/components/ui/button';
import { FormField, fieldProps } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { updateRetentionSettingsAction } from '@/lib/settings/actions';
import { AUDIT_IP_RETENTION_DAYS, OUTBOX_BODY_RETENTION_DAYS, retentionSettingsSchema, type RetentionSettings, type RetentionSettingsInput } from '@/lib/settings/schema';
import { SettingsSection } from './settings-section';
import { shown, useSettingsForm } from './use-settings-form';

const formValues = (v: RetentionSettings): RetentionSettingsInput => ({ auditIpRetentionDays: String(v.auditIpRetentionDays), outboxBodyRetentionDays: String(v.outboxBodyRetentionDays) });

/** "Data retention": after how many days audit IP addresses and the text of sent emails are cleared by the daily job. */
export function RetentionSettingsForm({ saved }: { saved: RetentionSettings }) {
  const t = useTranslations('gdpr.retention');
  const ts = useTranslations('settings');
  const { form, errorOf, onSubmit } = useSettingsForm({ schema: retentionSettingsSchema, saved: formValues(saved), toFields: formValues, save: updateRetentionSettingsAction, savedMessage: t('saved') });
  const { register, control, formState } = form;
  const ipDays = shown(useWatch({ control, name: 'auditIpRetentionDays' }), AUDIT_IP_RETENTION_DAYS, saved.auditIpRetentionDays);
  const bodyDays = shown(useWatch({ control, name: 'outboxBodyRetentionDays' }), OUTBOX_BODY_RETENTION_DAYS, saved.outboxBodyRetentionDays);

  const err = { auditIpRetentionDays: errorOf('auditIpRetentionDays'), outboxBodyRetentionDays: errorOf('outboxBodyRetentionDays') };
  const fields = [
    { name: 'auditIpRetentionDays', label: t('auditIpDays'), help: t('auditIpHelp', { days: ipDays }), range: AUDIT_IP_RETENTION_DAYS },
    { name: 'outboxBodyRetentionDays', label: t('outboxBodyDays'), help: t('outboxBodyHelp', { days: bodyDays }), range: OUTBOX_BODY_RETENTION_DAYS },
  ] as const;

  return (
    <form onSubmit={onSubmit} noValidate data-testid="retention-settings-form">
      <SettingsSection
        id="retention"
        title={t('title')}
        description={t('description')}
        footer={
          <Button type="submit" disabled={formState.isSubmitting}>
            {formState.isSubmitting ? ts('saving') : ts('save')}
          </Button>
        }
      >
        <div className="grid gap-6 sm:grid-cols-2">
          {fields.map((f) => (
            <FormField key={f.name} id={f.name} label={f.label} error={err[f.name]} description={f.help}>
              <div className="flex items-center gap-2">
                <Input {...fieldProps(f.name, err[f.name], { description: true })} {...register(f.name)} type="number" inputMode="numeric" min={f.range.min} max={f.range.max} step={1} className="w-28 tabular-nums" />
                <span className="text-sm text-muted-foreground">{t('days')}</span>
              </div>
            </FormField>
          ))}
        </div>
      </SettingsSection>
    </form>
  );
}
