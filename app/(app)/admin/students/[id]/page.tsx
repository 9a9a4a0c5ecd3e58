import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { notFound } from 'next/navigation';
import { ArrowLeft, Pencil } from 'lucide-react';
import { getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/list/page-header';
import { FamilyLinks } from '@/components/accounts/family-links';
import { StudentPricesCard } from '@/components/billing/student-prices-card';
import { StudentDetail } from '@/components/students/student-detail';
import { Button } from '@/components/ui/button';
import { GdprSection } from '@/components/gdpr/gdpr-section';
import { getViewer, requirePage } from '@/lib/auth/viewer';
import { listLinkCandidates } from '@/lib/accounts/queries';
import { getStudentPriceList } from '@/lib/billing/prices';
import { getStudentDetail, studentDeletionBlockers } from '@/lib/students/queries';
import { getDb } from '@/lib/db';
import { StudentActions } from './student-actions';
import { RecordHistory } from '@/components/audit/record-history';

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const viewer = await getViewer();
  const student = viewer ? await getStudentDetail(viewer, (await params).id) : undefined;
  return { title: student ? `${student.firstName} ${student.lastName}` : (await getTranslations('students'))('title') };
}

export default async function StudentPage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await requirePage('records.manage', 'admin');
  const { id } = await params;
  const student = await getStudentDetail(viewer, id);
  if (!student) notFound();
  const [t, tr, tb, blockers, candidates, prices] = await Promise.all([
    getTranslations('students'),
    getTranslations('records'),
    getTranslations('students.blockers'),
    studentDeletionBlockers(getDb(), student.id),
    listLinkCandidates(viewer, 'parents'),
    getStudentPriceList(viewer, student.id),
  ]);
  const name = `${student.firstName} ${student.lastName}`;
  const alsoRemoved = [
    student.parents.length ? `${t('detail.parents').toLowerCase()}: ${student.parents.length}` : null,
    student.subjects.length ? `${t('detail.subjects').toLowerCase()}: ${student.subjects.length}` : null,
    student.account ? t('detail.account').toLowerCase() : null,
  ].filter((x): x is string => Boolean(x));
  return (
    <div className="mx-auto grid max-w-6xl grid-cols-1 gap-6">
      <Link href="/admin/students" className="inline-flex w-fit items-center gap-1 text-sm text-muted-foreground hover:text-foreground">
        <ArrowLeft className="size-4" aria-hidden /> {tr('backTo', { list: t('title') })}
      </Link>
      <PageHeader
        title={name}
        testId="student-name"
        actions={
          // An anonymised record is history: nothing to edit, restore or delete.
          student.anonymisedAt ? null : (
            <>
              <Button variant="outline" asChild>
                <Link href={`/admin/students/${student.id}/edit`}>
                  <Pencil className="size-4" aria-hidden /> {tr('edit')}
                </Link>
              </Button>
              <StudentActions
                student={{ id: student.id, name, status: student.status }}
                blockers={Object.entries(blockers).map(([k, n]) => tb(k, { count: n }))}
                alsoRemoved={alsoRemoved}
              />
            </>
          )
        }
      />
      <StudentDetail
        student={student}
        timeZone={viewer.timeZone}
        links="admin"
        parentsSlot={
          <FamilyLinks
            side="student"
            profileId={student.id}
            links={student.parents.map((p) => ({ parentId: p.parentId, studentId: student.id, name: `${p.firstName} ${p.lastName}`, userId: p.userId, access: p.access, isPayer: p.isPayer }))}
            candidates={candidates.filter((c) => !student.parents.some((p) => p.parentId === c.id))}
          />
        }
      />
      {prices && (
        <div className="grid gap-4 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
          <StudentPricesCard studentId={student.id} rows={prices} />
        </div>
      )}
      <div className="grid gap-6 lg:grid-cols-2">
        <GdprSection viewer={viewer} kind="student" id={student.id} />
      </div>
      <RecordHistory viewer={viewer} entityType="student" entityId={student.id} />
    </div>
  );
}
