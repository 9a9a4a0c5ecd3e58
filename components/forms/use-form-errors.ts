'use client';

import { useTranslations } from 'next-intl';
import type { FieldErrors, FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { isMessageKey } from '@/lib/records/fields';
import type { ActionResult } from '@/lib/errors';

/**
 * Errors for react-hook-form fields in the person's language: messages that are catalog
 * keys are translated here; zod's own issues already arrive as plain sentences, because
 * every resolver is given `zodErrorMap(locale)` (the same map the action wrapper uses, so a
 * field says the same thing before and after the round trip). `applyResult` copies an
 * action's field errors onto the form and says whether any were applied.
 */
export function useFormErrors<T extends FieldValues>(errors: FieldErrors<T>, setError: UseFormSetError<T>) {
  const t = useTranslations();
  const translate = (m: string) => (isMessageKey(m) ? t(m) : m);
  const errorOf = (name: string): string[] | undefined => {
    const e = name.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], errors) as { message?: string } | undefined;
    return e?.message ? [translate(e.message)] : undefined;
  };
  const applyResult = (result: ActionResult<unknown>) => {
    if (result.ok || !result.fieldErrors) return false;
    for (const [field, messages] of Object.entries(result.fieldErrors)) setError(field as Path<T>, { message: messages[0] });
    return true;
  };
  return { errorOf, applyResult };
}
