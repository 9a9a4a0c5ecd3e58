'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { Check, Plus, Trash2 } from 'lucide-react';
import Link from '@/components/ui/link';
import { useRouter } from 'next/navigation';
import { useLocale, useTranslations } from 'next-intl';
import { Controller, useFieldArray, useForm, useWatch } from 'react-hook-form';
import { toast } from 'sonner';
import { useFormErrors } from '@/components/forms/use-form-errors';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { FormField, fieldProps } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { NativeSelect, NativeSelectOption } from '@/components/ui/native-select';
import { Notice } from '@/components/ui/notice';
import { Textarea } from '@/components/ui/textarea';
import { zodErrorMap } from '@/lib/i18n/zod';
import { STUDENT_LEVELS } from '@/lib/students/levels';
import { createTutorAction, updateTutorAction } from '@/lib/tutors/actions';
import { TUTOR_COLORS, tutorSchema, tutorStatuses, type TutorInput, type TutorValues } from '@/lib/tutors/schema';
import { cn } from '@/lib/utils';

type SubjectChoice = { id: string; name: string; levels: string[]; archived: boolean };

type Props =
  | { mode: 'create'; defaultValues: TutorInput; subjects: SubjectChoice[] }
  | { mode: 'edit'; tutorId: string; defaultValues: TutorInput; subjects: SubjectChoice[]; hasAccount: boolean };

/**
 * The tutor form, for adding and editing: contact, calendar colour, bio, status and the
 * subjects taught (a subject and its levels per row). Validated by the same schema as the
 * action; the action's own field errors land next to the same fields.
 */
export function TutorForm(props: Props) {
  const t = useTranslations('tutors');
  const tr = useTranslations('records');
  const router = useRouter();
  const locale = useLocale();
  const form = useForm<TutorInput, unknown, TutorValues>({
    resolver: zodResolver(tutorSchema, { error: zodErrorMap(locale) }),
    defaultValues: props.defaultValues,
  });
  const { register, control, handleSubmit, setError, setValue, getValues, formState } = form;
  const { errorOf, applyResult } = useFormErrors(formState.errors, setError);
  const rows = useFieldArray({ control, name: 'teaches' });
  const color = useWatch({ control, name: 'color' }) ?? '';
  const chosen = useWatch({ control, name: 'teaches' }) ?? [];
  const isHex = /^#[0-9a-fA-F]{6}$/.test(color);

  const onSubmit = handleSubmit(async (values) => {
    const result = props.mode === 'create' ? await createTutorAction(values) : await updateTutorAction({ ...values, tutorId: props.tutorId });
    if (!result.ok) {
      if (!applyResult(result)) toast.error(result.message);
      return;
    }
    toast.success(props.mode === 'create' ? t('created', { name: `${values.firstName} ${values.lastName}` }) : tr('saved'));
    router.push(`/admin/tutors/${result.data.id}`);
    router.refresh();
  });

  // Picking a subject on an empty row ticks the levels the school offers it at, as a start.
  const onSubjectChange = (index: number, subjectId: string) => {
    const subject = props.subjects.find((s) => s.id === subjectId);
    if (subject && (getValues(`teaches.${index}.levels`) ?? []).length === 0) {
      setValue(`teaches.${index}.levels`, subject.levels.filter((l): l is (typeof STUDENT_LEVELS)[number] => (STUDENT_LEVELS as readonly string[]).includes(l)), { shouldDirty: true });
    }
  };

  const cancelHref = props.mode === 'create' ? '/admin/tutors' : `/admin/tutors/${props.tutorId}`;
  const teachesError = errorOf('teaches');

  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-6" data-testid="tutor-form">
      {props.mode === 'create' && <Notice>{t('noLoginNote')}</Notice>}

      <Card>
        <CardHeader>
          <CardTitle>{t('sectionDetails')}</CardTitle>
        </CardHeader>
        <CardContent className="grid gap-4">
          <div className="grid gap-4 sm:grid-cols-2">
            <FormField id="firstName" label={t('firstName')} error={errorOf('firstName')} required>
              <Input {...fieldProps('firstName', errorOf('firstName'))} {...register('firstName')} autoComplete="off" />
            </FormField>
            <FormField id="lastName" label={t('lastName')} error={errorOf('lastName')} required>
              <Input {...fieldProps('lastName', errorOf('lastName'))} {...register('lastName')} autoComplete="off" />
            </FormField>
            <FormField
              id="email"
              label={tr('email')}
              error={errorOf('email')}
              description={props.mode === 'edit' && props.hasAccount ? t('emailAccountNote') : undefined}
            >
              <Input
                {...fieldProps('email', errorOf('email'), { description: props.mode === 'edit' && props.hasAccount })}
                {...register('email')}
                type="email"
                inputMode="email"
                autoComplete="off"
              />
            </FormField>
            <FormField id="phone" label={tr('phone')} error={errorOf('phone')}>
              <Input {...fieldProps('phone', errorOf('phone'))} {...register('phone')} type="tel" inputMode="tel" autoComplete="off" placeholder="+48 600 000 000" />
            </FormField>
          </div>
          <div className="grid gap-4 sm:grid-cols-2">
            <FormField id="status" label={tr('status')} error={errorOf('status')} description={t('statusHelp')}>
              <NativeSelect {...fieldProps('status', errorOf('status'), { description: true })} {...register('status')}>
                {tutorStatuses.map((s) => (
                  <NativeSelectOption key={s} value={s}>
                    {t(`statuses.${s}`)}
                  </NativeSelectOption>
                ))}
              </NativeSelect>
            </FormField>
          </div>
          <FormField id="bio" label={t('bio')} error={errorOf('bio')} description={t('bioHelp')}>
            <Textarea {...fieldProps('bio', errorOf('bio'), { description: true })} {...register('bio')} rows={4} maxLength={1000} />
          </FormField>
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>{t('color')}</CardTitle>
          <CardDescription>{t('colorHelp')}</CardDescription>
        </CardHeader>
        <CardContent className="grid gap-3">
          <div className="flex flex-wrap gap-2" role="group" aria-label={t('colorSwatches')}>
            {TUTOR_COLORS.map((c) => {
              const selected = color.toLowerCase() === c;
              return (
                <button
                  key={c}
                  type="button"
                  onClick={() => setValue('color', c, { shouldDirty: true, shouldValidate: true })}
                  aria-pressed={selected}
                  aria-label={c}
                  title={c}
                  className="grid size-8 place-items-center rounded-full border border-black/10 outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50 dark:border-white/20"
                  style={{ backgroundColor: c }}
                >
                  {selected && <Check className="size-4 text-white drop-shadow" aria-hidden />}
                </button>
              );
            })}
          </div>
          <div className="flex flex-wrap items-end gap-3">
            <FormField id="color" label={t('colorHex')} error={errorOf('color')} className="w-40">
              <Input {...fieldProps('color', errorOf('color'))} {...register('color')} autoComplete="off" spellCheck={false} className="font-mono" />
            </FormField>
            <div className="grid gap-2">
              <label htmlFor="color-picker" className="text-sm font-medium">
                {t('colorPicker')}
              </label>
              <input
                id="color-picker"
                type="color"
                value={isHex ? color.toLowerCase() : '#6366f1'}
                onChange={(e) => setValue('color', e.target.value, { shouldDirty: true, shouldValidate: true })}
                className="h-9 w-14 cursor-pointer rounded-md border bg-transparent p-1"
              />
            </div>
            <span className="inline-flex h-9 items-center gap-2 rounded-md border px-3 text-sm" aria-hidden>
              <span className="size-3 rounded-full" style={{ backgroundColor: isHex ? color : 'transparent' }} />
              {t('colorPreview')}
            </span>
          </div>
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>{t('subjectsTaught')}</CardTitle>
          <CardDescription>{t('subjectsHelp')}</CardDescription>
        </CardHeader>
        <CardContent className="grid gap-3">
          {props.subjects.length === 0 && <Notice tone="warning">{t('noSubjectsYet')}</Notice>}
          {rows.fields.length === 0 && props.subjects.length > 0 && <p className="text-sm text-muted-foreground">{t('noSubjectsChosen')}</p>}
          <ul className="grid gap-3">
            {rows.fields.map((field, index) => {
              const subjectError = errorOf(`teaches.${index}.subjectId`);
              const levelsError = errorOf(`teaches.${index}.levels`);
              const takenElsewhere = new Set(chosen.filter((_, i) => i !== index).map((r) => r?.subjectId));
              return (
                <li key={field.id} className="grid gap-3 rounded-lg border p-3 sm:grid-cols-[minmax(12rem,16rem)_1fr_auto] sm:items-start" data-testid="teaches-row">
                  <FormField id={`teaches-${index}-subject`} label={t('subject')} error={subjectError}>
                    <NativeSelect
                      {...fieldProps(`teaches-${index}-subject`, subjectError)}
                      {...register(`teaches.${index}.subjectId`, { onChange: (e) => onSubjectChange(index, e.target.value) })}
                    >
                      <NativeSelectOption value="">{tr('choose')}</NativeSelectOption>
                      {props.subjects.map((s) => (
                        <NativeSelectOption key={s.id} value={s.id} disabled={takenElsewhere.has(s.id)}>
                          {s.archived ? t('archivedSubject', { name: s.name }) : s.name}
                        </NativeSelectOption>
                      ))}
                    </NativeSelect>
                  </FormField>
                  <Controller
                    control={control}
                    name={`teaches.${index}.levels`}
                    render={({ field: levels }) => (
                      <fieldset className="grid gap-2" aria-describedby={levelsError ? `teaches-${index}-levels-error` : undefined} aria-invalid={levelsError ? true : undefined}>
                        <legend className={cn('mb-2 text-sm font-medium', levelsError && 'text-destructive')}>{t('levels')}</legend>
                        <div className="flex flex-wrap gap-x-4 gap-y-2">
                          {STUDENT_LEVELS.map((level) => {
                            const id = `teaches-${index}-level-${level}`;
                            const checked = (levels.value ?? []).includes(level);
                            return (
                              <label key={level} htmlFor={id} className="inline-flex min-h-9 cursor-pointer items-center gap-2 text-sm">
                                <input
                                  id={id}
                                  type="checkbox"
                                  checked={checked}
                                  onBlur={levels.onBlur}
                                  onChange={(e) => {
                                    const current = levels.value ?? [];
                                    levels.onChange(e.target.checked ? [...current, level] : current.filter((l) => l !== level));
                                  }}
                                  className="size-4 rounded border-input accent-primary"
                                />
                                {t(`levelNames.${level}`)}
                              </label>
                            );
                          })}
                        </div>
                        {levelsError && (
                          <p id={`teaches-${index}-levels-error`} role="alert" className="text-sm text-destructive">
                            {levelsError[0]}
                          </p>
                        )}
                      </fieldset>
                    )}
                  />
                  <Button type="button" variant="ghost" size="icon" onClick={() => rows.remove(index)} aria-label={t('removeSubject')} title={t('removeSubject')} className="sm:mt-6">
                    <Trash2 className="size-4" aria-hidden />
                  </Button>
                </li>
              );
            })}
          </ul>
          {teachesError && (
            <p role="alert" className="text-sm text-destructive">
              {teachesError[0]}
            </p>
          )}
          {props.subjects.length > 0 && (
            <Button type="button" variant="outline" className="w-fit" onClick={() => rows.append({ subjectId: '', levels: [] })} disabled={rows.fields.length >= props.subjects.length}>
              <Plus className="size-4" aria-hidden /> {t('addSubject')}
            </Button>
          )}
        </CardContent>
      </Card>

      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={formState.isSubmitting}>
          {formState.isSubmitting ? tr('saving') : props.mode === 'create' ? t('createSubmit') : tr('save')}
        </Button>
        <Button type="button" variant="ghost" asChild>
          <Link href={cancelHref}>{tr('cancel')}</Link>
        </Button>
      </div>
    </form>
  );
}
