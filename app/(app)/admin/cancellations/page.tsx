import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { StaffCredits } from '@/components/cancellations/staff-credits';
import { StaffRequests } from '@/components/cancellations/staff-requests';
import { PageHeader } from '@/components/list/page-header';
import { requirePage } from '@/lib/auth/viewer';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('cancellations'))('title') };
}

/** Cancellation requests of the whole school, pending first, to approve or reject. */
export default async function CancellationsPage() {
  const viewer = await requirePage('cancellations.decide', 'admin');
  const t = await getTranslations('cancellations');
  return (
    <div className="mx-auto grid w-full max-w-6xl grid-cols-1 gap-6">
      <PageHeader title={t('title')} description={t('staffDescription')} />
      <StaffRequests viewer={viewer} />
      <StaffCredits viewer={viewer} />
    </div>
  );
}
