import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { EarningsStatement } from '@/components/billing/earnings-statement';
import { MonthPicker, monthFromSearch } from '@/components/billing/month-picker';
import { PageHeader } from '@/components/list/page-header';
import { Notice } from '@/components/ui/notice';
import { requirePage } from '@/lib/auth/viewer';
import { getTutorEarnings } from '@/lib/billing/earnings';
import { todayIn } from '@/lib/time';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('billing.earnings'))('title') };
}

type Search = Promise<Record<string, string | string[] | undefined>>;

/** A tutor's own earnings for a month of the school's calendar (`?month=2026-11`, the current one by default). */
export default async function TutorEarningsPage({ searchParams }: { searchParams: Search }) {
  const viewer = await requirePage('earnings.read', 'tutor');
  const { month, invalid } = monthFromSearch((await searchParams).month, todayIn(viewer.timeZone).slice(0, 7));
  const [t, statement] = await Promise.all([getTranslations('billing.earnings'), getTutorEarnings(viewer, month)]);
  if (!statement) notFound();
  return (
    <div className="mx-auto grid w-full max-w-6xl grid-cols-1 gap-6">
      <PageHeader title={t('title')} description={t('description')} testId="earnings-title" actions={<MonthPicker path="/tutor/earnings" month={month} />} />
      {invalid && <Notice>{t('invalidMonth')}</Notice>}
      <EarningsStatement statement={statement} timeZone={viewer.timeZone} audience="own" />
    </div>
  );
}
