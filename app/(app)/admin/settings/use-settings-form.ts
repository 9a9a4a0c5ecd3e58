'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useRouter } from 'next/navigation';
import { useLocale } from 'next-intl';
import { useForm, type FieldValues } from 'react-hook-form';
import { toast } from 'sonner';
import type { z } from 'zod';
import { useFormErrors } from '@/components/forms/use-form-errors';
import type { ActionResult } from '@/lib/errors';
import { zodErrorMap } from '@/lib/i18n/zod';

/**
 * One settings section's form: checked in the browser with the section's schema (messages in
 * the person's language), saved by its action, the action's field errors shown beside the
 * fields, then the form shows the values as stored (`toFields`) and the page is refreshed.
 * `onSaved` is for what a section keeps besides its fields (billing's chosen exemption).
 */
export function useSettingsForm<I extends FieldValues, O>({
  schema,
  saved,
  toFields,
  save,
  savedMessage,
  onSaved,
}: {
  schema: z.ZodType<O, I>;
  saved: I;
  toFields: (values: O) => I;
  save: (values: O) => Promise<ActionResult<unknown>>;
  savedMessage: string;
  onSaved?: (values: O) => void;
}) {
  const router = useRouter();
  const locale = useLocale();
  const form = useForm<I, unknown, O>({ resolver: zodResolver(schema, { error: zodErrorMap(locale) }), defaultValues: saved as never });
  const { errorOf, applyResult } = useFormErrors(form.formState.errors, form.setError);
  const onSubmit = form.handleSubmit(async (values) => {
    const result = await save(values);
    if (!result.ok) {
      if (!applyResult(result)) toast.error(result.message);
      return;
    }
    toast.success(savedMessage);
    form.reset(toFields(values));
    onSaved?.(values);
    router.refresh();
  });
  return { form, errorOf, onSubmit };
}

/** The number a field holds while it is a valid one, else `fallback`, so a help sentence never reads "NaN". */
export function shown(value: unknown, range: { min: number; max: number }, fallback: number) {
  const n = typeof value === 'number' ? value : /^\s*\d{1,9}\s*$/.test(String(value ?? '')) ? Number(value) : Number.NaN;
  return Number.isInteger(n) && n >= range.min && n <= range.max ? n : fallback;
}
