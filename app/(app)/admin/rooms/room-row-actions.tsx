'use client';

import { Archive, ArchiveRestore, MoreHorizontal, Pencil, Trash2 } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { toast } from 'sonner';
import { AlertDialog, AlertDialogAction, AlertDialogCancel, AlertDialogContent, AlertDialogDescription, AlertDialogFooter, AlertDialogHeader, AlertDialogTitle } from '@/components/ui/alert-dialog';
import { Button } from '@/components/ui/button';
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuSeparator, DropdownMenuTrigger } from '@/components/ui/dropdown-menu';
import { archiveRoomAction, deleteRoomAction, restoreRoomAction } from '@/lib/catalog/actions';
import type { ActionResult } from '@/lib/errors';
import { RoomDialog, type EditableRoom } from './room-dialog';

type Props = {
  room: EditableRoom & { isArchived: boolean };
  /** What refers to the room (`roomDeletionBlockers`): nothing yet; lessons will pass their count. */
  blockers?: Record<string, number>;
};

/**
 * A room's row menu: edit, archive or restore, delete. When something refers to the room,
 * delete is disabled with the reason and archiving is the way (the action re-checks anyway).
 */
export function RoomRowActions({ room, blockers = {} }: Props) {
  const t = useTranslations('catalog');
  const tr = useTranslations('records');
  const router = useRouter();
  const [pending, start] = useTransition();
  const [dialog, setDialog] = useState<'edit' | 'archive' | 'delete' | null>(null);
  const usage = Object.entries(blockers)
    .filter(([, n]) => n > 0)
    .map(([kind, n]) => t(`blockers.${kind as 'lessons'}`, { count: n }))
    .join(', ');

  const run = (fn: (input: { roomId: string }) => Promise<ActionResult<unknown>>, success: string) =>
    start(async () => {
      const result = await fn({ roomId: room.id });
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
          <Button variant="ghost" size="icon" disabled={pending} aria-label={t('actionsFor', { name: room.name })}>
            <MoreHorizontal className="size-4" aria-hidden />
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent align="end" className="w-64">
          <DropdownMenuItem onSelect={() => setDialog('edit')}>
            <Pencil aria-hidden /> {tr('edit')}
          </DropdownMenuItem>
          {room.isArchived ? (
            <DropdownMenuItem onSelect={() => run(restoreRoomAction, tr('restored'))}>
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

      <RoomDialog room={room} open={dialog === 'edit'} onOpenChange={(open) => setDialog(open ? 'edit' : null)} />

      <AlertDialog open={dialog === 'archive'} onOpenChange={(open) => setDialog(open ? 'archive' : null)}>
        <AlertDialogContent>
          <AlertDialogHeader>
            <AlertDialogTitle>{tr('archiveTitle', { name: room.name })}</AlertDialogTitle>
            <AlertDialogDescription>{t('rooms.archiveBody', { name: room.name })}</AlertDialogDescription>
            {usage && <p className="text-sm font-medium">{t('inUse', { items: usage })}</p>}
          </AlertDialogHeader>
          <AlertDialogFooter>
            <AlertDialogCancel>{tr('cancel')}</AlertDialogCancel>
            <AlertDialogAction
              disabled={pending}
              onClick={(e) => {
                e.preventDefault();
                run(archiveRoomAction, tr('archived'));
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
            <AlertDialogTitle>{tr('deleteTitle', { name: room.name })}</AlertDialogTitle>
            <AlertDialogDescription>{t('rooms.deleteBody', { name: room.name })}</AlertDialogDescription>
          </AlertDialogHeader>
          <AlertDialogFooter>
            <AlertDialogCancel>{tr('cancel')}</AlertDialogCancel>
            <AlertDialogAction
              variant="destructive"
              disabled={pending}
              onClick={(e) => {
                e.preventDefault();
                run(deleteRoomAction, tr('deleted'));
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
