'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useRouter } from 'next/navigation';
import { useLocale, useTranslations } from 'next-intl';
import { useForm, type Resolver } from 'react-hook-form';
import { toast } from 'sonner';
import type { z } from 'zod';
import { useFormErrors } from '@/components/forms/use-form-errors';
import { StudentFields, type SubjectOption, type TutorOption } from '@/components/students/student-fields';
import { Button } from '@/components/ui/button';
import { Card, CardContent } from '@/components/ui/card';
import { Notice } from '@/components/ui/notice';
import { zodErrorMap } from '@/lib/i18n/zod';
import { addAdultStudentAction, updateStudentAction } from '@/lib/students/actions';
import { addAdultSchema, updateStudentSchema } from '@/lib/students/schema';

type EditValues = z.input<typeof updateStudentSchema>;
type AdultValues = z.input<typeof addAdultSchema>;
/** One form for two schemas: the fields are the same, the resolver decides which rules apply. */
type FormValues = Omit<Partial<EditValues>, 'level'> & { level?: string; invite?: boolean };

/** Edits a student, or adds an adult student: the same fields, two schemas and two actions. */
export function StudentForm(
  props:
    | { mode: 'edit'; initial: EditValues; subjects: SubjectOption[]; tutors: TutorOption[] }
    | { mode: 'adult'; subjects: SubjectOption[]; tutors: TutorOption[] },
) {
  const t = useTranslations('students');
  const tr = useTranslations('records');
  const locale = useLocale();
  const router = useRouter();
  const isEdit = props.mode === 'edit';
  const form = useForm<FormValues>({
    resolver: zodResolver(isEdit ? updateStudentSchema : addAdultSchema, { error: zodErrorMap(locale) }) as unknown as Resolver<FormValues>,
    defaultValues: isEdit
      ? props.initial
      : { firstName: '', lastName: '', level: 'adult', birthDate: '', email: '', phone: '', notes: '', subjects: [], invite: false },
  });
  const { control, register, handleSubmit, setError, formState } = form;
  const { errorOf, applyResult } = useFormErrors(formState.errors, setError);

  const onSubmit = handleSubmit(async (values) => {
    const result = isEdit ? await updateStudentAction(values as unknown as EditValues) : await addAdultStudentAction(values as unknown as AdultValues);
    if (!result.ok) {
      if (!applyResult(result)) toast.error(result.message);
      return;
    }
    toast.success(isEdit ? tr('saved') : t('adultSaved', { name: `${values.firstName} ${values.lastName}` }));
    router.push(`/admin/students/${result.data.id}`);
    router.refresh();
  });

  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-6" data-testid="student-form">
      <Card>
        <CardContent className="grid gap-4">
          <StudentFields prefix="" control={control} register={register} errorOf={errorOf} subjects={props.subjects} tutors={props.tutors} fixedLevel={!isEdit} />
          {isEdit ? (
            <label className="flex min-h-9 items-center gap-2 text-sm">
              <input type="checkbox" {...register('isSelfPayer')} className="size-4 accent-primary" />
              {t('detail.selfPayer')}
            </label>
          ) : (
            <label className="flex min-h-9 items-center gap-2 text-sm">
              <input type="checkbox" {...register('invite')} className="size-4 accent-primary" />
              {t('inviteAdult')}
            </label>
          )}
        </CardContent>
      </Card>
      {Object.keys(formState.errors).length > 0 && <Notice tone="error">{t('formErrors')}</Notice>}
      <div className="flex gap-2">
        <Button type="submit" size="lg" disabled={formState.isSubmitting}>
          {formState.isSubmitting ? tr('saving') : isEdit ? tr('save') : t('saveStudent')}
        </Button>
        <Button type="button" variant="ghost" size="lg" onClick={() => router.back()}>
          {tr('cancel')}
        </Button>
      </div>
    </form>
  );
}
