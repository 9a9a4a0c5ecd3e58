import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/list/page-header';
import { requirePage } from '@/lib/auth/viewer';
import { getSchoolSettings } from '@/lib/settings/queries';
import { todayIn } from '@/lib/time';
import { BillingSettingsForm } from './billing-settings-form';
import { CancellationSettingsForm } from './cancellation-settings-form';
import { NotificationSettingsForm } from './notification-settings-form';
import { RetentionSettingsForm } from './retention-settings-form';
import { SchoolProfileForm } from './school-profile-form';
import { SellerSettingsForm } from './seller-settings-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('settings'))('title') };
}

/**
 * The school's settings, one card per section, each saved on its own: the school itself (name,
 * contact, voivodeship, time zone, logo), cancellations and makeups, billing, notifications and
 * reminders, and the seller's details for invoices. The school is always the viewer's.
 */
export default async function SettingsPage() {
  const viewer = await requirePage('settings.manage', 'admin');
  const [t, settings] = await Promise.all([getTranslations('settings'), getSchoolSettings(viewer)]);
  if (!settings) notFound();
  return (
    <div className="mx-auto grid w-full max-w-3xl grid-cols-1 gap-6">
      <PageHeader title={t('title')} description={t('description')} testId="settings-title" />
      <SchoolProfileForm saved={settings.school} logo={settings.logo} />
      <CancellationSettingsForm saved={settings.cancellations} />
      <BillingSettingsForm saved={settings.billing} today={todayIn(settings.timeZone)} />
      <NotificationSettingsForm saved={settings.notifications} />
      <SellerSettingsForm saved={settings.seller} schoolName={settings.schoolName} />
      <RetentionSettingsForm saved={settings.retention} />
    </div>
  );
}
