import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { notFound } from 'next/navigation';
import { ArrowLeft } from 'lucide-react';
import { getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/list/page-header';
import { requirePage } from '@/lib/auth/viewer';
import { getTutor, listTutorSubjectChoices } from '@/lib/tutors/queries';
import { TutorForm } from '../../tutor-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('tutors'))('editTitle') };
}

export default async function EditTutorPage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await requirePage('records.manage', 'admin');
  const { id } = await params;
  const tutor = await getTutor(viewer, id);
  if (!tutor) notFound();
  const [t, tr, subjects] = await Promise.all([
    getTranslations('tutors'),
    getTranslations('records'),
    // Archived subjects the tutor still teaches stay choosable, so saving does not drop them.
    listTutorSubjectChoices(
      viewer,
      tutor.subjects.map((s) => s.subjectId),
    ),
  ]);
  const name = `${tutor.firstName} ${tutor.lastName}`;

  return (
    <div className="mx-auto grid max-w-3xl grid-cols-1 gap-6">
      <Link href={`/admin/tutors/${tutor.id}`} className="inline-flex w-fit items-center gap-1 text-sm text-muted-foreground hover:text-foreground">
        <ArrowLeft className="size-4" aria-hidden /> {tr('backTo', { list: name })}
      </Link>
      <PageHeader title={t('editHeading', { name })} />
      <TutorForm
        mode="edit"
        tutorId={tutor.id}
        hasAccount={Boolean(tutor.account)}
        subjects={subjects}
        defaultValues={{
          firstName: tutor.firstName,
          lastName: tutor.lastName,
          email: tutor.email ?? '',
          phone: tutor.phone ?? '',
          color: tutor.color,
          bio: tutor.bio ?? '',
          status: tutor.status,
          teaches: tutor.subjects.map((s) => ({ subjectId: s.subjectId, levels: s.levels })),
        }}
      />
    </div>
  );
}
