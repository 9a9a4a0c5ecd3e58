'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { Plus } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useLocale, useTranslations } from 'next-intl';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { toast } from 'sonner';
import { useFormErrors } from '@/components/forms/use-form-errors';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from '@/components/ui/dialog';
import { FormField, fieldProps } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { createRoomAction, updateRoomAction } from '@/lib/catalog/actions';
import { roomFields, type RoomFields, type RoomFieldsInput } from '@/lib/catalog/schema';
import { zodErrorMap } from '@/lib/i18n/zod';

export type EditableRoom = RoomFields & { id: string };

type Props = {
  /** The room to edit; without it the dialog adds a new one. */
  room?: EditableRoom;
  /** Controlled from outside (the row menu); otherwise the dialog renders its own "Add room" button. */
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
};

/** Add or edit a room in a dialog: its name and how many people it fits. */
export function RoomDialog({ room, open, onOpenChange }: Props) {
  const t = useTranslations('catalog.rooms');
  const [innerOpen, setInnerOpen] = useState(false);
  const isOpen = open ?? innerOpen;
  const setOpen = onOpenChange ?? setInnerOpen;
  return (
    <Dialog open={isOpen} onOpenChange={setOpen}>
      {open === undefined && (
        <DialogTrigger asChild>
          <Button>
            <Plus className="size-4" aria-hidden />
            {t('add')}
          </Button>
        </DialogTrigger>
      )}
      <DialogContent className="sm:max-w-md">
        <DialogHeader>
          <DialogTitle>{room ? t('editTitle', { name: room.name }) : t('addTitle')}</DialogTitle>
          <DialogDescription>{t('dialogDescription')}</DialogDescription>
        </DialogHeader>
        {/* Inside the content, so every opening starts from the record as saved. */}
        <RoomForm room={room} onDone={() => setOpen(false)} />
      </DialogContent>
    </Dialog>
  );
}

function RoomForm({ room, onDone }: { room?: EditableRoom; onDone: () => void }) {
  const t = useTranslations('catalog');
  const tr = useTranslations('records');
  const locale = useLocale();
  const router = useRouter();
  const { register, handleSubmit, setError, formState } = useForm<RoomFieldsInput, unknown, RoomFields>({
    resolver: zodResolver(roomFields, { error: zodErrorMap(locale) }),
    defaultValues: room ? { name: room.name, capacity: room.capacity } : { name: '', capacity: 1 },
  });
  const { errorOf, applyResult } = useFormErrors(formState.errors, setError);

  const onSubmit = handleSubmit(async (values) => {
    const result = room ? await updateRoomAction({ ...values, roomId: room.id }) : await createRoomAction(values);
    if (!result.ok) {
      if (!applyResult(result)) toast.error(result.message);
      return;
    }
    toast.success(room ? tr('saved') : t('rooms.created', { name: values.name }));
    onDone();
    router.refresh();
  });

  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4">
      <FormField id="room-name" label={t('rooms.name')} error={errorOf('name')} required>
        <Input {...fieldProps('room-name', errorOf('name'))} {...register('name')} placeholder={t('rooms.namePlaceholder')} autoComplete="off" maxLength={60} />
      </FormField>
      <FormField id="room-capacity" label={t('rooms.capacity')} error={errorOf('capacity')} description={t('rooms.capacityHint')} required>
        <Input
          {...fieldProps('room-capacity', errorOf('capacity'), { description: true })}
          {...register('capacity', { valueAsNumber: true })}
          type="number"
          inputMode="numeric"
          min={1}
          max={100}
          step={1}
          className="max-w-32"
        />
      </FormField>
      <DialogFooter>
        <Button type="submit" disabled={formState.isSubmitting}>
          {formState.isSubmitting ? tr('saving') : room ? tr('save') : t('rooms.add')}
        </Button>
      </DialogFooter>
    </form>
  );
}
