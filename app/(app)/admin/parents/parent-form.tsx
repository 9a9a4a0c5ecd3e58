'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useRouter } from 'next/navigation';
import { useLocale, useTranslations } from 'next-intl';
import { useForm } from 'react-hook-form';
import { toast } from 'sonner';
import Link from '@/components/ui/link';
import { useFormErrors } from '@/components/forms/use-form-errors';
import { BillingFields } from '@/components/parents/billing-fields';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { FormField, fieldProps } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { NativeSelect, NativeSelectOption } from '@/components/ui/native-select';
import { Notice } from '@/components/ui/notice';
import { zodErrorMap } from '@/lib/i18n/zod';
import { updateParentAction } from '@/lib/parents/actions';
import { formatNip, updateParentSchema, type UpdateParentInput } from '@/lib/parents/schema';

type TextField = 'firstName' | 'lastName' | 'email' | 'phone';

export type ParentFormValues = {
  id: string;
  firstName: string;
  lastName: string;
  email: string;
  phone: string | null;
  preferredLanguage: string;
  billingType: 'person' | 'company';
  billingName: string | null;
  billingAddress: string | null;
  companyName: string | null;
  companyNip: string | null;
  companyAddress: string | null;
};

/**
 * The parent's edit form: the shared zod schema checks every field here and again in the
 * action. The billing choice switches between a private person's and a company's details.
 */
export function ParentForm({ parent }: { parent: ParentFormValues }) {
  const t = useTranslations('parents');
  const tr = useTranslations('records');
  const locale = useLocale();
  const router = useRouter();
  const form = useForm<UpdateParentInput>({
    resolver: zodResolver(updateParentSchema, { error: zodErrorMap(locale) }),
    defaultValues: {
      parentId: parent.id,
      firstName: parent.firstName,
      lastName: parent.lastName,
      email: parent.email,
      phone: parent.phone ?? '',
      preferredLanguage: parent.preferredLanguage === 'en' ? 'en' : 'pl',
      billingType: parent.billingType,
      // The stored default (the parent's own name) is shown as the empty field it came from.
      billingName: parent.billingName && parent.billingName !== `${parent.firstName} ${parent.lastName}` ? parent.billingName : '',
      billingAddress: parent.billingAddress ?? '',
      companyName: parent.companyName ?? '',
      companyNip: formatNip(parent.companyNip),
      companyAddress: parent.companyAddress ?? '',
    },
  });
  const { control, register, handleSubmit, setError, formState } = form;
  const { errorOf, applyResult } = useFormErrors(formState.errors, setError);

  const onSubmit = handleSubmit(async (values) => {
    const result = await updateParentAction(values);
    if (!result.ok) {
      if (!applyResult(result)) toast.error(result.message);
      return;
    }
    toast.success(tr('saved'));
    router.push(`/admin/parents/${parent.id}`);
    router.refresh();
  });

  const text = (key: TextField, props: React.ComponentProps<typeof Input> = {}) => <Input {...fieldProps(`parent-${key}`, errorOf(key))} {...register(key)} {...props} />;
  const hasErrors = Object.keys(formState.errors).length > 0;

  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-6" data-testid="parent-form">
      <Card>
        <CardHeader>
          <CardTitle>{t('contact')}</CardTitle>
        </CardHeader>
        <CardContent className="grid gap-4 sm:grid-cols-2">
          <FormField id="parent-firstName" label={t('firstName')} error={errorOf('firstName')} required>
            {text('firstName', { autoComplete: 'off' })}
          </FormField>
          <FormField id="parent-lastName" label={t('lastName')} error={errorOf('lastName')} required>
            {text('lastName', { autoComplete: 'off' })}
          </FormField>
          <FormField id="parent-email" label={t('email')} error={errorOf('email')} description={t('emailHint')} required>
            <Input {...fieldProps('parent-email', errorOf('email'), { description: true })} {...register('email')} type="email" autoComplete="off" />
          </FormField>
          <FormField id="parent-phone" label={t('phone')} error={errorOf('phone')}>
            {text('phone', { type: 'tel', autoComplete: 'off' })}
          </FormField>
          <FormField id="parent-preferredLanguage" label={t('language')} error={errorOf('preferredLanguage')}>
            <NativeSelect {...fieldProps('parent-preferredLanguage', errorOf('preferredLanguage'))} {...register('preferredLanguage')}>
              <NativeSelectOption value="pl">{t('languages.pl')}</NativeSelectOption>
              <NativeSelectOption value="en">{t('languages.en')}</NativeSelectOption>
            </NativeSelect>
          </FormField>
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle id="billing-heading">{t('billing')}</CardTitle>
        </CardHeader>
        <CardContent className="grid gap-4">
          <BillingFields prefix="" control={control} register={register} errorOf={errorOf} headingId="billing-heading" />
        </CardContent>
      </Card>

      <div className="grid gap-3">
        {hasErrors && <Notice tone="error">{t('formErrors')}</Notice>}
        <div className="flex flex-wrap gap-2">
          <Button type="submit" disabled={formState.isSubmitting}>
            {formState.isSubmitting ? tr('saving') : tr('save')}
          </Button>
          <Button variant="ghost" asChild>
            <Link href={`/admin/parents/${parent.id}`}>{tr('cancel')}</Link>
          </Button>
        </div>
      </div>
    </form>
  );
}
