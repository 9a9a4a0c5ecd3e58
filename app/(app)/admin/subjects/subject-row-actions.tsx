'use client';

import { useTranslations } from 'next-intl';
import { CatalogRowActions } from '@/components/catalog/catalog-row-actions';
import { archiveSubjectAction, deleteSubjectAction, restoreSubjectAction } from '@/lib/catalog/actions';
import { SubjectDialog, type EditableSubject } from './subject-dialog';

type Props = { subject: EditableSubject & { isArchived: boolean; studentCount: number; tutorCount: number } };

/** Delete is offered only when no student or tutor has the subject; otherwise archiving is the way. */
export function SubjectRowActions({ subject }: Props) {
  const t = useTranslations('catalog');
  const usage = [
    subject.studentCount ? t('blockers.students', { count: subject.studentCount }) : null,
    subject.tutorCount ? t('blockers.tutors', { count: subject.tutorCount }) : null,
  ]
    .filter(Boolean)
    .join(', ');
  return (
    <CatalogRowActions
      name={subject.name}
      isArchived={subject.isArchived}
      usage={usage}
      texts={{ archiveBody: t('subjects.archiveBody', { name: subject.name }), deleteBody: t('subjects.deleteBody', { name: subject.name }) }}
      actions={{
        archive: () => archiveSubjectAction({ subjectId: subject.id }),
        restore: () => restoreSubjectAction({ subjectId: subject.id }),
        remove: () => deleteSubjectAction({ subjectId: subject.id }),
      }}
      editDialog={(open, onOpenChange) => <SubjectDialog subject={subject} open={open} onOpenChange={onOpenChange} />}
    />
  );
}
