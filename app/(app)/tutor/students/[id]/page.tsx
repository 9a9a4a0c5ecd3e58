import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { notFound } from 'next/navigation';
import { ArrowLeft } from 'lucide-react';
import { getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/list/page-header';
import { PayerContact } from '@/components/students/payer-contact';
import { StudentDetail } from '@/components/students/student-detail';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { Notice } from '@/components/ui/notice';
import { getViewer, requirePage } from '@/lib/auth/viewer';
import { getStudentDetail, listPayerContacts } from '@/lib/students/queries';

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const viewer = await getViewer();
  const student = viewer ? await getStudentDetail(viewer, (await params).id) : undefined;
  return { title: student ? `${student.firstName} ${student.lastName}` : (await getTranslations('students'))('title') };
}

/**
 * A tutor reads their own student's record: who pays and how to reach them, the progress of
 * the lessons they taught (topics, homework, notes, attendance), then the record and the
 * parents' contact. Another tutor's student is a 404.
 */
export default async function TutorStudentPage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await requirePage('records.read', 'tutor');
  const { id } = await params;
  const student = await getStudentDetail(viewer, id);
  if (!student) notFound();
  const [t, tr, tp, payers] = await Promise.all([getTranslations('students'), getTranslations('records'), getTranslations('portal'), listPayerContacts(viewer, [student.id])]);
  return (
    <div className="mx-auto grid max-w-6xl grid-cols-1 gap-6">
      <Link href="/tutor/students" className="inline-flex w-fit items-center gap-1 text-sm text-muted-foreground hover:text-foreground">
        <ArrowLeft className="size-4" aria-hidden /> {tr('backTo', { list: t('myStudentsTitle') })}
      </Link>
      <PageHeader title={`${student.firstName} ${student.lastName}`} testId="student-name" />
      <Notice>{tr('readOnly')}</Notice>
      <StudentDetail
        student={student}
        timeZone={viewer.timeZone}
        links="tutor"
        lead={
          <Card className="gap-3" data-testid="student-payer">
            <CardHeader>
              <CardTitle>{tp('payerTitle')}</CardTitle>
            </CardHeader>
            <CardContent>
              <PayerContact contact={payers.get(student.id)} />
            </CardContent>
          </Card>
        }
      />
    </div>
  );
}
