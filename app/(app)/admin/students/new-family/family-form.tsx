'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { Plus, Trash2 } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useLocale, useTranslations } from 'next-intl';
import { useFieldArray, useForm, useWatch } from 'react-hook-form';
import { toast } from 'sonner';
import { useFormErrors } from '@/components/forms/use-form-errors';
import { BillingFields } from '@/components/parents/billing-fields';
import { StudentFields, type SubjectOption, type TutorOption } from '@/components/students/student-fields';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { FormField, fieldProps } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { NativeSelect, NativeSelectOption } from '@/components/ui/native-select';
import { Notice } from '@/components/ui/notice';
import { addFamilyAction } from '@/lib/families/actions';
import { familySchema, type FamilyInput } from '@/lib/families/schema';
import { zodErrorMap } from '@/lib/i18n/zod';

const emptyChild = { firstName: '', lastName: '', level: 'primary', birthDate: '', schoolName: '', className: '', email: '', phone: '', notes: '', subjects: [] } as const;

/** "Add a family": a parent and their children with subjects, in one form and one save. */
export function FamilyForm({ subjects, tutors }: { subjects: SubjectOption[]; tutors: TutorOption[] }) {
  const t = useTranslations('students');
  const locale = useLocale();
  const router = useRouter();
  const form = useForm<FamilyInput>({
    resolver: zodResolver(familySchema, { error: zodErrorMap(locale) }),
    defaultValues: {
      parent: { firstName: '', lastName: '', email: '', phone: '', preferredLanguage: 'pl', billingType: 'person', billingName: '', billingAddress: '', companyName: '', companyNip: '', companyAddress: '' },
      children: [{ ...emptyChild, subjects: [] }],
      invite: true,
    },
  });
  const { control, register, handleSubmit, setError, formState, getValues } = form;
  const { errorOf, applyResult } = useFormErrors(formState.errors, setError);
  const children = useFieldArray({ control, name: 'children' });
  const lastName = useWatch({ control, name: 'parent.lastName' });

  const onSubmit = handleSubmit(async (values) => {
    const result = await addFamilyAction(values);
    if (!result.ok) {
      if (!applyResult(result)) toast.error(result.message);
      return;
    }
    toast.success(t('familySaved', { parent: `${values.parent.firstName} ${values.parent.lastName}`, count: values.children.length }));
    router.push(`/admin/students/${result.data.studentIds[0]}`);
  });

  const parentInput = (key: keyof FamilyInput['parent'], props: React.ComponentProps<typeof Input> = {}) => (
    <Input {...fieldProps(`parent-${key}`, errorOf(`parent.${key}`))} {...register(`parent.${key}`)} {...props} />
  );
  const hasErrors = Object.keys(formState.errors).length > 0;

  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-6" data-testid="family-form">
      <Card>
        <CardHeader>
          <CardTitle>{t('parentSection')}</CardTitle>
          <CardDescription>{t('parentSectionHint')}</CardDescription>
        </CardHeader>
        <CardContent className="grid gap-4">
          <div className="grid gap-4 sm:grid-cols-2">
            <FormField id="parent-firstName" label={t('firstName')} error={errorOf('parent.firstName')}>
              {parentInput('firstName', { autoComplete: 'off' })}
            </FormField>
            <FormField id="parent-lastName" label={t('lastName')} error={errorOf('parent.lastName')}>
              {parentInput('lastName', { autoComplete: 'off' })}
            </FormField>
            <FormField id="parent-email" label={t('email')} error={errorOf('parent.email')}>
              {parentInput('email', { type: 'email', autoComplete: 'off' })}
            </FormField>
            <FormField id="parent-phone" label={t('phone')} error={errorOf('parent.phone')}>
              {parentInput('phone', { type: 'tel', autoComplete: 'off' })}
            </FormField>
            <FormField id="parent-preferredLanguage" label={t('language')} error={errorOf('parent.preferredLanguage')}>
              <NativeSelect {...fieldProps('parent-preferredLanguage')} {...register('parent.preferredLanguage')}>
                <NativeSelectOption value="pl">{t('languages.pl')}</NativeSelectOption>
                <NativeSelectOption value="en">{t('languages.en')}</NativeSelectOption>
              </NativeSelect>
            </FormField>
          </div>
          <div className="grid gap-3">
            <p id="family-billing-heading" className="text-sm font-medium">
              {t('billing')}
            </p>
            <BillingFields prefix="parent." control={control} register={register} errorOf={errorOf} headingId="family-billing-heading" />
          </div>
        </CardContent>
      </Card>

      <section className="grid gap-4" aria-labelledby="children-heading">
        <h2 id="children-heading" className="text-lg font-semibold">
          {t('childrenSection')}
        </h2>
        {children.fields.map((child, i) => (
          <Card key={child.id} data-testid={`child-${i}`}>
            <CardHeader className="flex flex-row items-center justify-between">
              <CardTitle>{t('child', { n: i + 1 })}</CardTitle>
              {children.fields.length > 1 && (
                <Button type="button" variant="ghost" size="sm" onClick={() => children.remove(i)}>
                  <Trash2 className="size-4" aria-hidden /> {t('removeChild', { n: i + 1 })}
                </Button>
              )}
            </CardHeader>
            <CardContent>
              <StudentFields prefix={`children.${i}.`} control={control} register={register} errorOf={errorOf} subjects={subjects} tutors={tutors} />
            </CardContent>
          </Card>
        ))}
        <Button
          type="button"
          variant="outline"
          className="justify-self-start"
          onClick={() => children.append({ ...emptyChild, lastName: lastName || getValues('children.0.lastName') || '', subjects: [] })}
        >
          <Plus className="size-4" aria-hidden /> {t('addChild')}
        </Button>
      </section>

      <div className="grid gap-3 border-t pt-4">
        <label className="flex min-h-9 items-center gap-2 text-sm">
          <input type="checkbox" {...register('invite')} className="size-4 accent-primary" />
          {t('invite')}
        </label>
        {hasErrors && <Notice tone="error">{t('formErrors')}</Notice>}
        <div className="flex gap-2">
          <Button type="submit" size="lg" disabled={formState.isSubmitting}>
            {formState.isSubmitting ? t('saving') : t('save')}
          </Button>
        </div>
      </div>
    </form>
  );
}
