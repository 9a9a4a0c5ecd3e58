import type { Metadata } from 'next';
import { ArrowLeft } from 'lucide-react';
import Link from '@/components/ui/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { EarningsStatement } from '@/components/billing/earnings-statement';
import { MonthPicker, monthFromSearch } from '@/components/billing/month-picker';
import { PageHeader } from '@/components/list/page-header';
import { Button } from '@/components/ui/button';
import { Notice } from '@/components/ui/notice';
import { requirePage } from '@/lib/auth/viewer';
import { getTutorEarnings } from '@/lib/billing/earnings';
import { todayIn } from '@/lib/time';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('billing.earnings'))('adminTitle') };
}

type Params = Promise<{ tutorId: string }>;
type Search = Promise<Record<string, string | string[] | undefined>>;

/** One tutor's statement for a month, for the office: the same statement the tutor sees, with a way to their rates. */
export default async function TutorStatementPage({ params, searchParams }: { params: Params; searchParams: Search }) {
  const viewer = await requirePage('earnings.read', 'admin');
  const { tutorId } = await params;
  const { month, invalid } = monthFromSearch((await searchParams).month, todayIn(viewer.timeZone).slice(0, 7));
  const [t, statement] = await Promise.all([getTranslations('billing.earnings'), getTutorEarnings(viewer, month, tutorId)]);
  if (!statement) notFound();
  const name = `${statement.firstName} ${statement.lastName}`;
  return (
    <div className="mx-auto grid w-full max-w-6xl grid-cols-1 gap-6">
      <Link href={`/admin/earnings?month=${month}`} className="inline-flex w-fit items-center gap-1 text-sm text-muted-foreground hover:text-foreground">
        <ArrowLeft className="size-4" aria-hidden /> {t('backToList')}
      </Link>
      <PageHeader
        title={t('statementTitle', { name })}
        testId="earnings-title"
        actions={
          <>
            <MonthPicker path={`/admin/earnings/${statement.tutorId}`} month={month} />
            <Button variant="outline" asChild>
              <Link href={`/admin/tutors/${statement.tutorId}`}>{t('ratesLink')}</Link>
            </Button>
          </>
        }
      />
      {invalid && <Notice>{t('invalidMonth')}</Notice>}
      <EarningsStatement statement={statement} timeZone={viewer.timeZone} audience="admin" />
    </div>
  );
}
