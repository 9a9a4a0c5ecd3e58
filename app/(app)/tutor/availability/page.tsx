import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { AvailabilityCards } from '@/components/availability/availability-cards';
import { getOwnAvailability } from '@/lib/availability/queries';
import { requirePage } from '@/lib/auth/viewer';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('availability'))('ownTitle') };
}

/** A tutor's own working hours and time off: lessons cannot be planned outside them. */
export default async function TutorAvailabilityPage() {
  const viewer = await requirePage('availability.manage', 'tutor');
  const [availability, t] = await Promise.all([getOwnAvailability(viewer), getTranslations('availability')]);
  if (!availability) notFound();
  return (
    <div className="mx-auto grid max-w-6xl grid-cols-1 gap-6">
      <div className="grid gap-1">
        <h1 className="text-2xl font-semibold tracking-tight">{t('ownTitle')}</h1>
        <p className="text-sm text-muted-foreground">{t('ownDescription')}</p>
      </div>
      <AvailabilityCards availability={availability} timeZone={viewer.timeZone} />
    </div>
  );
}
