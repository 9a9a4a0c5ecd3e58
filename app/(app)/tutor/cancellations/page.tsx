import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { StaffCancellations } from '@/components/cancellations/staff-cancellations';
import { PageHeader } from '@/components/list/page-header';
import { requirePage } from '@/lib/auth/viewer';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('cancellations'))('title') };
}

/**
 * Cancellation requests for the tutor's own lessons: pending first, to approve or reject, then the
 * decided ones and the open makeup credits a page at a time.
 */
export default async function CancellationsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requirePage('cancellations.decide', 'tutor');
  const t = await getTranslations('cancellations');
  return (
    <div className="mx-auto grid w-full max-w-6xl grid-cols-1 gap-6">
      <PageHeader title={t('title')} description={t('tutorDescription')} />
      <StaffCancellations viewer={viewer} searchParams={await searchParams} />
    </div>
  );
}
