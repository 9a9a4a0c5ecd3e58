'use client';

import { useTranslations } from 'next-intl';
import { CatalogRowActions } from '@/components/catalog/catalog-row-actions';
import { archiveRoomAction, deleteRoomAction, restoreRoomAction } from '@/lib/catalog/actions';
import { RoomDialog, type EditableRoom } from './room-dialog';

type Props = {
  room: EditableRoom & { isArchived: boolean };
  /** What refers to the room (`roomDeletionBlockers`): nothing yet; lessons will pass their count. */
  blockers?: Record<string, number>;
};

export function RoomRowActions({ room, blockers = {} }: Props) {
  const t = useTranslations('catalog');
  const usage = Object.entries(blockers)
    .filter(([, n]) => n > 0)
    .map(([kind, n]) => t(`blockers.${kind as 'lessons'}`, { count: n }))
    .join(', ');
  return (
    <CatalogRowActions
      name={room.name}
      isArchived={room.isArchived}
      usage={usage}
      texts={{ archiveBody: t('rooms.archiveBody', { name: room.name }), deleteBody: t('rooms.deleteBody', { name: room.name }) }}
      actions={{
        archive: () => archiveRoomAction({ roomId: room.id }),
        restore: () => restoreRoomAction({ roomId: room.id }),
        remove: () => deleteRoomAction({ roomId: room.id }),
      }}
      editDialog={(open, onOpenChange) => <RoomDialog room={room} open={open} onOpenChange={onOpenChange} />}
    />
  );
}
