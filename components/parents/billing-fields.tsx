'use client';

import { useTranslations } from 'next-intl';
import { useWatch, type Control, type FieldValues, type Path, type UseFormRegister } from 'react-hook-form';
import { FormField, fieldProps } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { Textarea } from '@/components/ui/textarea';
import { billingTypes } from '@/lib/parents/schema';

type Props<T extends FieldValues> = {
  /** Where the parent's fields sit in the form: "" in the parent form, "parent." in "Add a family". */
  prefix: string;
  control: Control<T>;
  register: UseFormRegister<T>;
  errorOf: (name: string) => string[] | undefined;
  /** Labelled by this heading id (the card title around the fields). */
  headingId: string;
};

/**
 * Who the invoices go to: the parent as a private person (name and address), or a company
 * when an employer pays (name, NIP, address). Shared by the parent form and "Add a family".
 */
export function BillingFields<T extends FieldValues>({ prefix, control, register, errorOf, headingId }: Props<T>) {
  const t = useTranslations('parents');
  const name = (field: string) => `${prefix}${field}` as Path<T>;
  const id = (field: string) => `parent-${field}`;
  const billingType = useWatch({ control, name: name('billingType') });
  const input = (field: string, props: React.ComponentProps<typeof Input> = {}) => (
    <Input {...fieldProps(id(field), errorOf(`${prefix}${field}`))} {...register(name(field))} autoComplete="off" {...props} />
  );
  const area = (field: string) => <Textarea {...fieldProps(id(field), errorOf(`${prefix}${field}`))} {...register(name(field))} rows={2} />;
  return (
    <div className="grid gap-4">
      <div role="radiogroup" aria-labelledby={headingId} className="flex flex-wrap gap-x-6 gap-y-2 text-sm">
        {billingTypes.map((v) => (
          <label key={v} className="flex min-h-9 cursor-pointer items-center gap-2">
            <input type="radio" value={v} {...register(name('billingType'))} className="size-4 accent-primary" />
            {v === 'person' ? t('billingPerson') : t('billingCompany')}
          </label>
        ))}
      </div>
      {billingType === 'company' ? (
        <div className="grid gap-4 sm:grid-cols-2">
          <FormField id={id('companyName')} label={t('companyName')} error={errorOf(`${prefix}companyName`)} required>
            {input('companyName')}
          </FormField>
          <FormField id={id('companyNip')} label={t('companyNip')} error={errorOf(`${prefix}companyNip`)} required>
            {input('companyNip', { inputMode: 'numeric', placeholder: '526-025-02-74' })}
          </FormField>
          <FormField id={id('companyAddress')} label={t('companyAddress')} error={errorOf(`${prefix}companyAddress`)} className="sm:col-span-2" required>
            {area('companyAddress')}
          </FormField>
        </div>
      ) : (
        <div className="grid gap-4 sm:grid-cols-2">
          <FormField id={id('billingName')} label={t('billingName')} error={errorOf(`${prefix}billingName`)} description={t('billingNameHint')}>
            <Input {...fieldProps(id('billingName'), errorOf(`${prefix}billingName`), { description: true })} {...register(name('billingName'))} autoComplete="off" />
          </FormField>
          <FormField id={id('billingAddress')} label={t('billingAddress')} error={errorOf(`${prefix}billingAddress`)} className="sm:col-span-2">
            {area('billingAddress')}
          </FormField>
        </div>
      )}
    </div>
  );
}
