'use client';

import { useTranslations } from 'next-intl';
import { clearStudentPriceAction, clearTutorRateAction, setStudentPriceAction, setTutorRateAction } from '@/lib/billing/price-actions';
import type { Grosze } from '@/lib/money';
import { PriceRowForm } from './price-row-form';

/** A student's own price for one subject, edited in the "Price list" card. */
export function StudentPriceField({ studentId, subjectId, subject, own }: { studentId: string; subjectId: string; subject: string; own: Grosze | null }) {
  const t = useTranslations('billing.studentPrices');
  const tp = useTranslations('billing.prices');
  return (
    <PriceRowForm
      id={`own-price-${subjectId}`}
      current={own}
      texts={{
        label: t('ownLabel', { subject }),
        save: t('save'),
        saveLabel: t('saveLabel', { subject }),
        clear: t('clear'),
        clearLabel: t('clearLabel', { subject }),
        saved: t('saved', { subject }),
        cleared: t('cleared', { subject }),
        unchanged: t('unchanged'),
        unit: tp('unit'),
        placeholder: t('placeholder'),
      }}
      save={(per60) => setStudentPriceAction({ studentId, subjectId, per60 })}
      clear={() => clearStudentPriceAction({ studentId, subjectId })}
    />
  );
}

/** A tutor's rate for one subject, or (no subject) their general rate. */
export function TutorRateField({ tutorId, subjectId, subject, per60 }: { tutorId: string; subjectId: string | null; subject: string; per60: Grosze | null }) {
  const t = useTranslations('billing.rates');
  const tp = useTranslations('billing.prices');
  return (
    <PriceRowForm
      id={`rate-${subjectId ?? 'general'}`}
      current={per60}
      texts={{
        label: t('rateLabel', { subject }),
        save: t('save'),
        saveLabel: t('saveLabel', { subject }),
        clear: t('clear'),
        clearLabel: t('clearLabel', { subject }),
        saved: t('saved', { subject }),
        cleared: t('cleared', { subject }),
        unchanged: t('unchanged'),
        unit: tp('unit'),
        placeholder: subjectId ? t('placeholderSubject') : t('placeholderGeneral'),
      }}
      save={(value) => setTutorRateAction({ tutorId, subjectId, per60: value })}
      clear={() => clearTutorRateAction({ tutorId, subjectId })}
    />
  );
}
