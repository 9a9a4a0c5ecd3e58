'use client';

import { Plus, Trash2 } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useFieldArray, useWatch, type Control, type FieldValues, type Path, type UseFormRegister } from 'react-hook-form';
import { Button } from '@/components/ui/button';
import { FormField, fieldProps } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { NativeSelect, NativeSelectOption } from '@/components/ui/native-select';
import { Textarea } from '@/components/ui/textarea';
import { STUDENT_LEVELS } from '@/lib/students/levels';

export type SubjectOption = { id: string; name: string; levels: string[] };
export type TutorOption = { id: string; name: string; subjectIds: string[] };

type Props<T extends FieldValues> = {
  /** Where the student's fields sit in the form ("" for a student form, "children.0." in the family form). */
  prefix: string;
  control: Control<T>;
  register: UseFormRegister<T>;
  errorOf: (name: string) => string[] | undefined;
  subjects: SubjectOption[];
  tutors: TutorOption[];
  /** The adult form fixes the level. */
  fixedLevel?: boolean;
};

/**
 * A student's fields with their subjects and usual tutors, shared by "Add a family", "Add an
 * adult student" and the edit form. Tutors offered for a subject are those who teach it.
 */
export function StudentFields<T extends FieldValues>({ prefix, control, register, errorOf, subjects, tutors, fixedLevel }: Props<T>) {
  const t = useTranslations('students');
  const name = (field: string) => `${prefix}${field}` as Path<T>;
  const id = (field: string) => `${prefix}${field}`.replace(/\./g, '-');
  const { fields, append, remove } = useFieldArray({ control, name: name('subjects') as never });
  const level = useWatch({ control, name: name('level') }) as string | undefined;
  const chosen = (useWatch({ control, name: name('subjects') }) ?? []) as { subjectId?: string }[];
  const field = (key: string, label: string, input: React.ReactNode, className?: string) => (
    <FormField id={id(key)} label={label} error={errorOf(`${prefix}${key}`)} className={className}>
      {input}
    </FormField>
  );
  const text = (key: string, props: React.ComponentProps<typeof Input> = {}) => (
    <Input {...fieldProps(id(key), errorOf(`${prefix}${key}`))} {...register(name(key))} {...props} />
  );

  return (
    <div className="grid gap-4">
      <div className="grid gap-4 sm:grid-cols-2">
        {field('firstName', t('firstName'), text('firstName', { autoComplete: 'off' }))}
        {field('lastName', t('lastName'), text('lastName', { autoComplete: 'off' }))}
      </div>
      <div className="grid gap-4 sm:grid-cols-3">
        {!fixedLevel &&
          field(
            'level',
            t('level'),
            <NativeSelect {...fieldProps(id('level'), errorOf(`${prefix}level`))} {...register(name('level'))}>
              {STUDENT_LEVELS.map((l) => (
                <NativeSelectOption key={l} value={l}>
                  {t(`levels.${l}`)}
                </NativeSelectOption>
              ))}
            </NativeSelect>,
          )}
        {field('birthDate', t('birthDate'), text('birthDate', { type: 'date' }))}
        {!fixedLevel && field('schoolName', t('schoolName'), text('schoolName', { placeholder: t('schoolNamePlaceholder') }))}
        {!fixedLevel && field('className', t('className'), text('className', { placeholder: t('classNamePlaceholder') }))}
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        {field('email', t('email'), text('email', { type: 'email', autoComplete: 'off' }))}
        {field('phone', t('phone'), text('phone', { type: 'tel', autoComplete: 'off' }))}
      </div>

      <fieldset className="grid gap-2">
        <legend className="mb-1 text-sm font-medium">{t('subjects')}</legend>
        {fields.map((f, i) => {
          const subjectId = chosen[i]?.subjectId;
          const teaching = tutors.filter((x) => !subjectId || x.subjectIds.includes(subjectId));
          return (
            <div key={f.id} className="grid gap-2 rounded-md border p-2 sm:grid-cols-[1fr_1fr_auto] sm:items-end">
              {field(
                `subjects.${i}.subjectId`,
                t('subject'),
                <NativeSelect {...fieldProps(id(`subjects.${i}.subjectId`), errorOf(`${prefix}subjects.${i}.subjectId`))} {...register(name(`subjects.${i}.subjectId`))}>
                  <NativeSelectOption value="">{t('subject')}…</NativeSelectOption>
                  {subjects
                    .filter((s) => !level || s.levels.includes(level) || s.id === subjectId)
                    .map((s) => (
                      <NativeSelectOption key={s.id} value={s.id}>
                        {s.name}
                      </NativeSelectOption>
                    ))}
                </NativeSelect>,
              )}
              {field(
                `subjects.${i}.tutorId`,
                t('usualTutor'),
                <NativeSelect {...fieldProps(id(`subjects.${i}.tutorId`), errorOf(`${prefix}subjects.${i}.tutorId`))} {...register(name(`subjects.${i}.tutorId`))}>
                  <NativeSelectOption value="">{t('chooseTutor')}</NativeSelectOption>
                  {teaching.map((x) => (
                    <NativeSelectOption key={x.id} value={x.id}>
                      {x.name}
                    </NativeSelectOption>
                  ))}
                </NativeSelect>,
              )}
              <Button type="button" variant="ghost" size="icon" onClick={() => remove(i)} aria-label={t('removeSubject')}>
                <Trash2 className="size-4" aria-hidden />
              </Button>
            </div>
          );
        })}
        {errorOf(`${prefix}subjects`) && (
          <p role="alert" className="text-sm text-destructive">
            {errorOf(`${prefix}subjects`)![0]}
          </p>
        )}
        <Button type="button" variant="outline" size="sm" className="justify-self-start" onClick={() => append({ subjectId: '', tutorId: '' } as never)}>
          <Plus className="size-4" aria-hidden /> {t('addSubject')}
        </Button>
      </fieldset>

      {field('notes', t('notes'), <Textarea {...fieldProps(id('notes'), errorOf(`${prefix}notes`))} {...register(name('notes'))} rows={2} />)}
    </div>
  );
}
