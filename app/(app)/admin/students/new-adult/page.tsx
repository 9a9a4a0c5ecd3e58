import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { ArrowLeft } from 'lucide-react';
import { getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/list/page-header';
import { requirePage } from '@/lib/auth/viewer';
import { listActiveSubjects } from '@/lib/catalog/queries';
import { listActiveTutors } from '@/lib/tutors/queries';
import { StudentForm } from '../student-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('students'))('adultTitle') };
}

export default async function NewAdultStudentPage() {
  const viewer = await requirePage('records.manage', 'admin');
  const [t, tr, subjects, tutors] = await Promise.all([getTranslations('students'), getTranslations('records'), listActiveSubjects(viewer), listActiveTutors(viewer)]);
  return (
    <div className="mx-auto grid max-w-3xl grid-cols-1 gap-6">
      <Link href="/admin/students" className="inline-flex w-fit items-center gap-1 text-sm text-muted-foreground hover:text-foreground">
        <ArrowLeft className="size-4" aria-hidden /> {tr('backTo', { list: t('title') })}
      </Link>
      <PageHeader title={t('adultTitle')} description={t('adultDescription')} />
      <StudentForm mode="adult" subjects={subjects.filter((s) => s.levels.includes('adult'))} tutors={tutors.map((x) => ({ id: x.id, name: x.name, subjectIds: x.subjectIds }))} />
    </div>
  );
}
