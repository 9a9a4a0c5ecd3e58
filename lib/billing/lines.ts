import { createTranslator } from 'use-intl/core';
import en from '@/messages/en.billing.json';
import pl from '@/messages/pl.billing.json';
import { formatCalendarDate } from '@/lib/time';

/**
 * The words of an invoice line, in the payer's language, written once when the invoice is
 * issued (the invoice keeps them, whatever the catalog says later). Billing runs outside any
 * request, so the translator is made here from the catalog, not taken from the request.
 */
export type LineFacts =
  | { subject: string; tutor: string; student: string; reason: string; minutes: number; credit: boolean }
  | { percent: number };

const translators = {
  pl: createTranslator({ locale: 'pl', messages: pl, namespace: 'billing.line' }),
  en: createTranslator({ locale: 'en', messages: en, namespace: 'billing.line' }),
};

export function describeLine(kind: 'lesson' | 'late_cancellation' | 'adjustment' | 'discount', facts: LineFacts, serviceDate: string | null, language: 'pl' | 'en'): string {
  const t = translators[language];
  if ('percent' in facts) return t('discount', { percent: facts.percent });
  const date = serviceDate ? formatCalendarDate(serviceDate) : '';
  const values = { subject: facts.subject, tutor: facts.tutor, student: facts.student, minutes: facts.minutes, date };
  if (kind === 'adjustment') return t(facts.credit ? 'adjustmentCredit' : 'adjustmentCharge', values);
  return t(kind === 'late_cancellation' ? 'late_cancellation' : 'lesson', values);
}
