import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { notFound } from 'next/navigation';
import { ArrowLeft } from 'lucide-react';
import { getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/list/page-header';
import { getViewer, requirePage } from '@/lib/auth/viewer';
import { listActiveSubjects } from '@/lib/catalog/queries';
import { getStudentDetail } from '@/lib/students/queries';
import { listActiveTutors } from '@/lib/tutors/queries';
import { StudentForm } from '../../student-form';

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const viewer = await getViewer();
  const student = viewer ? await getStudentDetail(viewer, (await params).id) : undefined;
  return { title: student ? `${student.firstName} ${student.lastName}` : (await getTranslations('students'))('title') };
}

export default async function EditStudentPage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await requirePage('records.manage', 'admin');
  const { id } = await params;
  const student = await getStudentDetail(viewer, id);
  if (!student) notFound();
  const [t, subjects, tutors] = await Promise.all([getTranslations('students'), listActiveSubjects(viewer), listActiveTutors(viewer)]);
  const name = `${student.firstName} ${student.lastName}`;
  return (
    <div className="mx-auto grid max-w-3xl grid-cols-1 gap-6">
      <Link href={`/admin/students/${student.id}`} className="inline-flex w-fit items-center gap-1 text-sm text-muted-foreground hover:text-foreground">
        <ArrowLeft className="size-4" aria-hidden /> {name}
      </Link>
      <PageHeader title={t('detail.editTitle', { name })} />
      <StudentForm
        mode="edit"
        subjects={subjects}
        tutors={tutors.map((x) => ({ id: x.id, name: x.name, subjectIds: x.subjectIds }))}
        initial={{
          studentId: student.id,
          firstName: student.firstName,
          lastName: student.lastName,
          level: student.level,
          birthDate: student.birthDate ?? '',
          schoolName: student.schoolName ?? '',
          className: student.className ?? '',
          email: student.email ?? '',
          phone: student.phone ?? '',
          notes: student.notes ?? '',
          isSelfPayer: student.isSelfPayer,
          subjects: student.subjects.map((s) => ({ subjectId: s.subjectId, tutorId: s.tutorId ?? '' })),
        }}
      />
    </div>
  );
}
