'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { Plus } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useLocale, useTranslations } from 'next-intl';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { toast } from 'sonner';
import { useFormErrors } from '@/components/forms/use-form-errors';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from '@/components/ui/dialog';
import { FormField, fieldProps } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { NativeSelect, NativeSelectOption } from '@/components/ui/native-select';
import { createSubjectAction, updateSubjectAction } from '@/lib/catalog/actions';
import { DURATION_PRESETS, SUBJECT_LEVELS, subjectFields, type SubjectFields, type SubjectFieldsInput } from '@/lib/catalog/schema';
import { zodErrorMap } from '@/lib/i18n/zod';
import { cn } from '@/lib/utils';

export type EditableSubject = SubjectFields & { id: string };

type Props = {
  /** The subject to edit; without it the dialog adds a new one. */
  subject?: EditableSubject;
  /** Controlled from outside (the row menu); otherwise the dialog renders its own "Add subject" button. */
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
};

/** Add or edit a subject in a dialog: name, levels, usual lesson length and colour. */
export function SubjectDialog({ subject, open, onOpenChange }: Props) {
  const t = useTranslations('catalog.subjects');
  const [innerOpen, setInnerOpen] = useState(false);
  const isOpen = open ?? innerOpen;
  const setOpen = onOpenChange ?? setInnerOpen;
  return (
    <Dialog open={isOpen} onOpenChange={setOpen}>
      {open === undefined && (
        <DialogTrigger asChild>
          <Button>
            <Plus className="size-4" aria-hidden />
            {t('add')}
          </Button>
        </DialogTrigger>
      )}
      <DialogContent className="sm:max-w-lg">
        <DialogHeader>
          <DialogTitle>{subject ? t('editTitle', { name: subject.name }) : t('addTitle')}</DialogTitle>
          <DialogDescription>{t('dialogDescription')}</DialogDescription>
        </DialogHeader>
        {/* Inside the content, so every opening starts from the record as saved. */}
        <SubjectForm subject={subject} onDone={() => setOpen(false)} />
      </DialogContent>
    </Dialog>
  );
}

const isHex = (v: string) => /^#[0-9a-fA-F]{6}$/.test(v);

function SubjectForm({ subject, onDone }: { subject?: EditableSubject; onDone: () => void }) {
  const t = useTranslations('catalog');
  const tr = useTranslations('records');
  const locale = useLocale();
  const router = useRouter();
  const form = useForm<SubjectFieldsInput, unknown, SubjectFields>({
    resolver: zodResolver(subjectFields, { error: zodErrorMap(locale) }),
    defaultValues: subject
      ? { name: subject.name, levels: subject.levels, defaultDurationMin: subject.defaultDurationMin, color: subject.color }
      : { name: '', levels: [], defaultDurationMin: 60, color: '#6366f1' },
  });
  const { register, control, handleSubmit, setError, formState } = form;
  const { errorOf, applyResult } = useFormErrors(formState.errors, setError);
  const [customLength, setCustomLength] = useState(() => !(DURATION_PRESETS as readonly number[]).includes(form.getValues('defaultDurationMin')));
  const id = (name: string) => `subject-${name}`;

  const onSubmit = handleSubmit(async (values) => {
    const result = subject ? await updateSubjectAction({ ...values, subjectId: subject.id }) : await createSubjectAction(values);
    if (!result.ok) {
      if (!applyResult(result)) toast.error(result.message);
      return;
    }
    toast.success(subject ? tr('saved') : t('subjects.created', { name: values.name }));
    onDone();
    router.refresh();
  });

  const levelsError = errorOf('levels');
  const lengthError = errorOf('defaultDurationMin');
  const colorError = errorOf('color');

  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4">
      <FormField id={id('name')} label={t('subjects.name')} error={errorOf('name')} required>
        <Input {...fieldProps(id('name'), errorOf('name'))} {...register('name')} placeholder={t('subjects.namePlaceholder')} autoComplete="off" maxLength={60} />
      </FormField>

      <Controller
        control={control}
        name="levels"
        render={({ field }) => (
          <fieldset className="grid gap-2" aria-describedby={[id('levels-hint'), levelsError ? id('levels-error') : ''].join(' ').trim()} aria-invalid={levelsError ? true : undefined}>
            <legend className={cn('mb-2 flex items-center gap-2 text-sm leading-none font-medium', levelsError && 'text-destructive')}>
              {t('subjects.levels')}
              <span aria-hidden="true" className="-ml-1 text-destructive">
                *
              </span>
            </legend>
            <div className="grid grid-cols-2 gap-2 sm:grid-cols-4">
              {SUBJECT_LEVELS.map((level) => {
                const checked = field.value.includes(level);
                return (
                  <label
                    key={level}
                    className="flex min-h-9 cursor-pointer items-center gap-2 rounded-md border px-3 text-sm has-[:checked]:border-primary has-[:checked]:bg-accent has-[:focus-visible]:ring-[3px] has-[:focus-visible]:ring-ring/50"
                  >
                    <input
                      type="checkbox"
                      className="size-4 accent-primary"
                      name="levels"
                      value={level}
                      checked={checked}
                      onBlur={field.onBlur}
                      onChange={(e) => field.onChange(e.target.checked ? [...field.value, level] : field.value.filter((l) => l !== level))}
                    />
                    {t(`levels.${level}`)}
                  </label>
                );
              })}
            </div>
            <p id={id('levels-hint')} className="text-sm text-muted-foreground">
              {t('subjects.levelsHint')}
            </p>
            {levelsError && (
              <p id={id('levels-error')} role="alert" className="text-sm text-destructive">
                {levelsError[0]}
              </p>
            )}
          </fieldset>
        )}
      />

      <Controller
        control={control}
        name="defaultDurationMin"
        render={({ field }) => (
          <div className="grid gap-4 sm:grid-cols-2">
            <FormField id={id('length')} label={t('subjects.length')} error={customLength ? undefined : lengthError}>
              <NativeSelect
                {...fieldProps(id('length'), customLength ? undefined : lengthError)}
                value={customLength ? 'other' : String(field.value)}
                onBlur={field.onBlur}
                onChange={(e) => {
                  if (e.target.value === 'other') setCustomLength(true);
                  else {
                    setCustomLength(false);
                    field.onChange(Number(e.target.value));
                  }
                }}
              >
                {DURATION_PRESETS.map((m) => (
                  <NativeSelectOption key={m} value={String(m)}>
                    {t('minutes', { count: m })}
                  </NativeSelectOption>
                ))}
                <NativeSelectOption value="other">{t('subjects.lengthOther')}</NativeSelectOption>
              </NativeSelect>
            </FormField>
            {customLength && (
              <FormField id={id('minutes')} label={t('subjects.lengthMinutes')} error={lengthError} description={t('subjects.lengthHint')}>
                <Input
                  {...fieldProps(id('minutes'), lengthError, { description: true })}
                  type="number"
                  inputMode="numeric"
                  min={15}
                  max={480}
                  step={5}
                  value={Number.isFinite(field.value) ? field.value : ''}
                  onBlur={field.onBlur}
                  onChange={(e) => field.onChange(e.target.value === '' ? Number.NaN : e.target.valueAsNumber)}
                />
              </FormField>
            )}
          </div>
        )}
      />

      <Controller
        control={control}
        name="color"
        render={({ field }) => (
          <FormField id={id('color')} label={t('subjects.color')} error={colorError} description={t('subjects.colorHint')}>
            <div className="flex items-center gap-2">
              <input
                type="color"
                aria-label={t('subjects.colorPicker')}
                value={isHex(field.value) ? field.value.toLowerCase() : '#000000'}
                onChange={(e) => field.onChange(e.target.value)}
                className="h-9 w-12 shrink-0 cursor-pointer rounded-md border border-input bg-transparent p-1 focus-visible:ring-[3px] focus-visible:ring-ring/50 focus-visible:outline-none"
              />
              <Input
                {...fieldProps(id('color'), colorError, { description: true })}
                value={field.value}
                onChange={(e) => field.onChange(e.target.value)}
                onBlur={field.onBlur}
                placeholder="#6366f1"
                autoComplete="off"
                spellCheck={false}
                maxLength={7}
                className="max-w-32 font-mono"
              />
            </div>
          </FormField>
        )}
      />

      <DialogFooter>
        <Button type="submit" disabled={formState.isSubmitting}>
          {formState.isSubmitting ? tr('saving') : subject ? tr('save') : t('subjects.add')}
        </Button>
      </DialogFooter>
    </form>
  );
}
