import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { formatPeriod } from '@/components/invoices/format';
import { PageHeader } from '@/components/list/page-header';
import { can } from '@/lib/auth/permissions';
import { requirePage } from '@/lib/auth/viewer';
import { listJobs } from '@/lib/jobs/queries';
import { todayIn } from '@/lib/time';
import { JobCard } from './job-card';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('jobs'))('title') };
}

/**
 * "Automated jobs": each scheduled job of the school, what it does, when it runs here (read
 * off the school's settings), its latest runs and a "run now" button. The owner sees that
 * billing ran on the 25th, and what it did.
 */
export default async function JobsPage() {
  const viewer = await requirePage('jobs.read', 'admin');
  const [t, locale, overview] = await Promise.all([getTranslations('jobs'), getLocale(), listJobs(viewer)]);
  if (!overview) notFound();
  const { settings } = overview;
  const month = formatPeriod(todayIn(settings.timeZone).slice(0, 7), locale);
  return (
    <div className="mx-auto grid w-full max-w-5xl grid-cols-1 gap-6">
      <PageHeader title={t('title')} description={t('description', { timeZone: settings.timeZone })} testId="jobs-title" />
      {overview.jobs.map((job) => (
        <JobCard key={job.name} job={job} settings={settings} canRun={can(viewer.role, 'jobs.run')} month={month} />
      ))}
    </div>
  );
}
