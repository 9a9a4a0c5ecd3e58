'use client';

import { Archive, ArchiveRestore, MoreHorizontal, Pencil, Trash2 } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { toast } from 'sonner';
import { AlertDialog, AlertDialogAction, AlertDialogCancel, AlertDialogContent, AlertDialogDescription, AlertDialogFooter, AlertDialogHeader, AlertDialogTitle } from '@/components/ui/alert-dialog';
import { Button } from '@/components/ui/button';
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuSeparator, DropdownMenuTrigger } from '@/components/ui/dropdown-menu';
import { archiveSubjectAction, deleteSubjectAction, restoreSubjectAction } from '@/lib/catalog/actions';
import type { ActionResult } from '@/lib/errors';
import { SubjectDialog, type EditableSubject } from './subject-dialog';

type Props = { subject: EditableSubject & { isArchived: boolean; studentCount: number; tutorCount: number } };

/**
 * A subject's row menu: edit, archive or restore, delete. Delete is offered only when no
 * student or tutor has the subject; otherwise the menu says why and archiving is the way.
 */
export function SubjectRowActions({ subject }: Props) {
  const t = useTranslations('catalog');
  const tr = useTranslations('records');
  const router = useRouter();
  const [pending, start] = useTransition();
  const [dialog, setDialog] = useState<'edit' | 'archive' | 'delete' | null>(null);

  const usage = [
    subject.studentCount ? t('blockers.students', { count: subject.studentCount }) : null,
    subject.tutorCount ? t('blockers.tutors', { count: subject.tutorCount }) : null,
  ]
    .filter(Boolean)
    .join(', ');

  const run = (fn: (input: { subjectId: string }) => Promise<ActionResult<unknown>>, success: string) =>
    start(async () => {
      const result = await fn({ subjectId: subject.id });
      setDialog(null);
      if (result.ok) {
        toast.success(success);
        router.refresh();
      } else toast.error(result.message);
    });

  return (
    <>
      <DropdownMenu modal={false}>
        <DropdownMenuTrigger asChild>
          <Button variant="ghost" size="icon" disabled={pending} aria-label={t('actionsFor', { name: subject.name })}>
            <MoreHorizontal className="size-4" aria-hidden />
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent align="end" className="w-64">
          <DropdownMenuItem onSelect={() => setDialog('edit')}>
            <Pencil aria-hidden /> {tr('edit')}
          </DropdownMenuItem>
          {subject.isArchived ? (
            <DropdownMenuItem onSelect={() => run(restoreSubjectAction, tr('restored'))}>
              <ArchiveRestore aria-hidden /> {tr('restore')}
            </DropdownMenuItem>
          ) : (
            <DropdownMenuItem onSelect={() => setDialog('archive')}>
              <Archive aria-hidden /> {tr('archive')}
            </DropdownMenuItem>
          )}
          <DropdownMenuSeparator />
          {usage ? (
            <>
              <DropdownMenuItem disabled>
                <Trash2 aria-hidden /> {tr('delete')}
              </DropdownMenuItem>
              <p className="px-2 pb-1.5 text-xs text-muted-foreground">{t('cannotDeleteReason', { items: usage })}</p>
            </>
          ) : (
            <DropdownMenuItem variant="destructive" onSelect={() => setDialog('delete')}>
              <Trash2 aria-hidden /> {tr('delete')}
            </DropdownMenuItem>
          )}
        </DropdownMenuContent>
      </DropdownMenu>

      <SubjectDialog subject={subject} open={dialog === 'edit'} onOpenChange={(open) => setDialog(open ? 'edit' : null)} />

      <AlertDialog open={dialog === 'archive'} onOpenChange={(open) => setDialog(open ? 'archive' : null)}>
        <AlertDialogContent>
          <AlertDialogHeader>
            <AlertDialogTitle>{tr('archiveTitle', { name: subject.name })}</AlertDialogTitle>
            <AlertDialogDescription>{t('subjects.archiveBody', { name: subject.name })}</AlertDialogDescription>
            {usage && <p className="text-sm font-medium">{t('inUse', { items: usage })}</p>}
          </AlertDialogHeader>
          <AlertDialogFooter>
            <AlertDialogCancel>{tr('cancel')}</AlertDialogCancel>
            <AlertDialogAction
              disabled={pending}
              onClick={(e) => {
                e.preventDefault();
                run(archiveSubjectAction, tr('archived'));
              }}
            >
              {tr('archive')}
            </AlertDialogAction>
          </AlertDialogFooter>
        </AlertDialogContent>
      </AlertDialog>

      <AlertDialog open={dialog === 'delete'} onOpenChange={(open) => setDialog(open ? 'delete' : null)}>
        <AlertDialogContent>
          <AlertDialogHeader>
            <AlertDialogTitle>{tr('deleteTitle', { name: subject.name })}</AlertDialogTitle>
            <AlertDialogDescription>{t('subjects.deleteBody', { name: subject.name })}</AlertDialogDescription>
          </AlertDialogHeader>
          <AlertDialogFooter>
            <AlertDialogCancel>{tr('cancel')}</AlertDialogCancel>
            <AlertDialogAction
              variant="destructive"
              disabled={pending}
              onClick={(e) => {
                e.preventDefault();
                run(deleteSubjectAction, tr('deleted'));
              }}
            >
              {tr('delete')}
            </AlertDialogAction>
          </AlertDialogFooter>
        </AlertDialogContent>
      </AlertDialog>
    </>
  );
}
