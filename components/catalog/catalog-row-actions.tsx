'use client';

import { Archive, ArchiveRestore, MoreHorizontal, Pencil, Trash2 } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { toast } from 'sonner';
import { AlertDialog, AlertDialogAction, AlertDialogCancel, AlertDialogContent, AlertDialogDescription, AlertDialogFooter, AlertDialogHeader, AlertDialogTitle } from '@/components/ui/alert-dialog';
import { Button } from '@/components/ui/button';
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuSeparator, DropdownMenuTrigger } from '@/components/ui/dropdown-menu';
import type { ActionResult } from '@/lib/errors';

type Run = () => Promise<ActionResult<unknown>>;

type Props = {
  name: string;
  isArchived: boolean;
  /** What refers to the record, in words; non-empty disables delete and says why. */
  usage: string;
  texts: { archiveBody: string; deleteBody: string };
  actions: { archive: Run; restore: Run; remove: Run };
  /** The edit dialog, opened from the menu. */
  editDialog: (open: boolean, onOpenChange: (open: boolean) => void) => React.ReactNode;
};

/**
 * A catalog row's menu (subjects, rooms): edit, archive or restore, delete. When something
 * refers to the record, delete is disabled with the reason and archiving is the way (the
 * action re-checks anyway).
 */
export function CatalogRowActions({ name, isArchived, usage, texts, actions, editDialog }: Props) {
  const t = useTranslations('catalog');
  const tr = useTranslations('records');
  const router = useRouter();
  const [pending, start] = useTransition();
  const [dialog, setDialog] = useState<'edit' | 'archive' | 'delete' | null>(null);
  const run = (fn: Run, success: string) =>
    start(async () => {
      const result = await fn();
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
          <Button variant="ghost" size="icon" disabled={pending} aria-label={t('actionsFor', { name })}>
            <MoreHorizontal className="size-4" aria-hidden />
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent align="end" className="w-64">
          <DropdownMenuItem onSelect={() => setDialog('edit')}>
            <Pencil aria-hidden /> {tr('edit')}
          </DropdownMenuItem>
          {isArchived ? (
            <DropdownMenuItem onSelect={() => run(actions.restore, tr('restored'))}>
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

      {editDialog(dialog === 'edit', (open) => setDialog(open ? 'edit' : null))}

      <AlertDialog open={dialog === 'archive'} onOpenChange={(open) => setDialog(open ? 'archive' : null)}>
        <AlertDialogContent>
          <AlertDialogHeader>
            <AlertDialogTitle>{tr('archiveTitle', { name })}</AlertDialogTitle>
            <AlertDialogDescription>{texts.archiveBody}</AlertDialogDescription>
            {usage && <p className="text-sm font-medium">{t('inUse', { items: usage })}</p>}
          </AlertDialogHeader>
          <AlertDialogFooter>
            <AlertDialogCancel>{tr('cancel')}</AlertDialogCancel>
            <AlertDialogAction
              disabled={pending}
              onClick={(e) => {
                e.preventDefault();
                run(actions.archive, tr('archived'));
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
            <AlertDialogTitle>{tr('deleteTitle', { name })}</AlertDialogTitle>
            <AlertDialogDescription>{texts.deleteBody}</AlertDialogDescription>
          </AlertDialogHeader>
          <AlertDialogFooter>
            <AlertDialogCancel>{tr('cancel')}</AlertDialogCancel>
            <AlertDialogAction
              variant="destructive"
              disabled={pending}
              onClick={(e) => {
                e.preventDefault();
                run(actions.remove, tr('deleted'));
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
