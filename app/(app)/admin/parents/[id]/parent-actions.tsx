'use client';

import { Archive, ArchiveRestore, Pencil, Trash2 } from 'lucide-react';
import Link from '@/components/ui/link';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useTransition } from 'react';
import { toast } from 'sonner';
import { AlertDialog, AlertDialogAction, AlertDialogCancel, AlertDialogContent, AlertDialogDescription, AlertDialogFooter, AlertDialogHeader, AlertDialogTitle, AlertDialogTrigger } from '@/components/ui/alert-dialog';
import { Button } from '@/components/ui/button';
import type { ActionResult } from '@/lib/errors';
import { archiveParentAction, deleteParentAction, restoreParentAction } from '@/lib/parents/actions';

type Props = {
  parent: { id: string; name: string; isArchived: boolean };
  /** What goes with the parent on delete, in words ("the links to 2 children, …"); null when nothing. */
  deleteAlsoRemoves: string | null;
  /** Why the parent cannot be deleted, in words; null when they can. */
  deleteBlockedBy: string | null;
};

/** Edit, archive or restore, and delete — each destructive step confirmed and naming what it affects. */
export function ParentActions({ parent, deleteAlsoRemoves, deleteBlockedBy }: Props) {
  const t = useTranslations('parents');
  const tr = useTranslations('records');
  const router = useRouter();
  const [pending, start] = useTransition();
  const run = (fn: (input: { parentId: string }) => Promise<ActionResult<unknown>>, success: string, then?: () => void) =>
    start(async () => {
      const result = await fn({ parentId: parent.id });
      if (!result.ok) {
        toast.error(result.message);
        return;
      }
      toast.success(success);
      if (then) then();
      else router.refresh();
    });

  const archiveButton = (
    <AlertDialogAction onClick={() => run(archiveParentAction, tr('archived'))}>
      <Archive className="size-4" aria-hidden /> {tr('archive')}
    </AlertDialogAction>
  );

  return (
    <div className="flex flex-wrap gap-2" role="group" aria-label={t('actions')}>
      <Button variant="outline" asChild>
        <Link href={`/admin/parents/${parent.id}/edit`}>
          <Pencil className="size-4" aria-hidden /> {tr('edit')}
        </Link>
      </Button>
      {parent.isArchived ? (
        <Button variant="outline" disabled={pending} onClick={() => run(restoreParentAction, tr('restored'))}>
          <ArchiveRestore className="size-4" aria-hidden /> {tr('restore')}
        </Button>
      ) : (
        <AlertDialog>
          <AlertDialogTrigger asChild>
            <Button variant="outline" disabled={pending}>
              <Archive className="size-4" aria-hidden /> {tr('archive')}
            </Button>
          </AlertDialogTrigger>
          <AlertDialogContent>
            <AlertDialogHeader>
              <AlertDialogTitle>{tr('archiveTitle', { name: parent.name })}</AlertDialogTitle>
              <AlertDialogDescription>
                {tr('archiveBody', { name: parent.name })} {t('archiveLinksNote')}
              </AlertDialogDescription>
            </AlertDialogHeader>
            <AlertDialogFooter>
              <AlertDialogCancel>{tr('cancel')}</AlertDialogCancel>
              {archiveButton}
            </AlertDialogFooter>
          </AlertDialogContent>
        </AlertDialog>
      )}
      <AlertDialog>
        <AlertDialogTrigger asChild>
          <Button variant="ghost" className="text-destructive hover:text-destructive" disabled={pending}>
            <Trash2 className="size-4" aria-hidden /> {tr('delete')}
          </Button>
        </AlertDialogTrigger>
        <AlertDialogContent>
          {deleteBlockedBy ? (
            <>
              <AlertDialogHeader>
                <AlertDialogTitle>{t('cannotDeleteTitle', { name: parent.name })}</AlertDialogTitle>
                <AlertDialogDescription>{deleteBlockedBy}</AlertDialogDescription>
              </AlertDialogHeader>
              <AlertDialogFooter>
                <AlertDialogCancel>{tr('cancel')}</AlertDialogCancel>
                {!parent.isArchived && archiveButton}
              </AlertDialogFooter>
            </>
          ) : (
            <>
              <AlertDialogHeader>
                <AlertDialogTitle>{tr('deleteTitle', { name: parent.name })}</AlertDialogTitle>
                <AlertDialogDescription>
                  {tr('deleteBody')} {deleteAlsoRemoves ? tr('deleteAlsoRemoves', { items: deleteAlsoRemoves }) : t('deleteNothingElse')}
                </AlertDialogDescription>
              </AlertDialogHeader>
              <AlertDialogFooter>
                <AlertDialogCancel>{tr('cancel')}</AlertDialogCancel>
                <AlertDialogAction variant="destructive" onClick={() => run(deleteParentAction, tr('deleted'), () => router.push('/admin/parents'))}>
                  {tr('delete')}
                </AlertDialogAction>
              </AlertDialogFooter>
            </>
          )}
        </AlertDialogContent>
      </AlertDialog>
    </div>
  );
}
