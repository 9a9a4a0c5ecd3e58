'use client';

import { Pencil, Plus, Trash2 } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { toast } from 'sonner';
import {
  AlertDialog,
  AlertDialogAction,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
  AlertDialogTrigger,
} from '@/components/ui/alert-dialog';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from '@/components/ui/dialog';
import { FormField, fieldProps } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { NativeSelect, NativeSelectOption } from '@/components/ui/native-select';
import { Notice } from '@/components/ui/notice';
import { createClosureAction, deleteClosureAction, previewClosureAction, updateClosureAction } from '@/lib/closures/actions';
import { isMessageKey } from '@/lib/records/fields';

export type EditableClosure = { id: string; name: string; kind: 'break' | 'day_off'; firstDay: string; lastDay: string };

/** Add or edit a closure. When it would cancel booked lessons, the dialog says how many and asks first. */
export function ClosureDialog({ closure, open, onOpenChange }: { closure?: EditableClosure; open?: boolean; onOpenChange?: (open: boolean) => void }) {
  const t = useTranslations('series');
  const [innerOpen, setInnerOpen] = useState(false);
  const isOpen = open ?? innerOpen;
  const setOpen = onOpenChange ?? setInnerOpen;
  return (
    <Dialog open={isOpen} onOpenChange={setOpen}>
      {open === undefined && (
        <DialogTrigger asChild>
          <Button>
            <Plus className="size-4" aria-hidden />
            {t('addClosure')}
          </Button>
        </DialogTrigger>
      )}
      <DialogContent className="sm:max-w-md">
        <DialogHeader>
          <DialogTitle>{closure ? t('editClosure') : t('addClosure')}</DialogTitle>
          <DialogDescription>{t('closuresIntro')}</DialogDescription>
        </DialogHeader>
        <ClosureForm closure={closure} onDone={() => setOpen(false)} />
      </DialogContent>
    </Dialog>
  );
}

function ClosureForm({ closure, onDone }: { closure?: EditableClosure; onDone: () => void }) {
  const t = useTranslations('series');
  const tAll = useTranslations();
  const router = useRouter();
  const [values, setValues] = useState({ name: closure?.name ?? '', kind: closure?.kind ?? 'break', firstDay: closure?.firstDay ?? '', lastDay: closure?.lastDay ?? '' });
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [pending, setPending] = useState(false);
  const [toCancel, setToCancel] = useState<number | null>(null);
  const tr = (m: string) => (isMessageKey(m) ? tAll(m) : m);
  const errorOf = (f: string) => errors[f]?.map(tr);
  const set = (k: keyof typeof values) => (e: { target: { value: string } }) => {
    setValues((v) => ({ ...v, [k]: e.target.value }));
    setToCancel(null);
  };

  async function save() {
    setPending(true);
    const input = { ...values, lastDay: values.lastDay || values.firstDay, kind: values.kind as 'break' | 'day_off' };
    const result = closure ? await updateClosureAction({ ...input, closureId: closure.id }) : await createClosureAction(input);
    setPending(false);
    if (!result.ok) {
      if (result.fieldErrors) setErrors(result.fieldErrors);
      else toast.error(result.message);
      setToCancel(null);
      return;
    }
    toast.success(result.data.cancelled ? t('closureSavedCancelled', { count: result.data.cancelled, notified: result.data.notified }) : t('closureSaved'));
    onDone();
    router.refresh();
  }

  async function onSubmit(e: React.FormEvent) {
    e.preventDefault();
    setErrors({});
    if (toCancel !== null) return save();
    setPending(true);
    const preview = await previewClosureAction({ firstDay: values.firstDay, lastDay: values.lastDay || values.firstDay, closureId: closure?.id });
    setPending(false);
    if (!preview.ok) {
      if (preview.fieldErrors) setErrors(preview.fieldErrors);
      else toast.error(preview.message);
      return;
    }
    if (!values.name.trim()) {
      setErrors({ name: ['series.closureNameRequired'] });
      return;
    }
    if (preview.data.lessons > 0) setToCancel(preview.data.lessons);
    else await save();
  }

  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4">
      <FormField id="closure-name" label={t('closureName')} error={errorOf('name')} required>
        <Input {...fieldProps('closure-name', errorOf('name'))} value={values.name} onChange={set('name')} maxLength={120} autoComplete="off" />
      </FormField>
      <FormField id="closure-kind" label={t('closureKind')}>
        <NativeSelect id="closure-kind" value={values.kind} onChange={set('kind')}>
          <NativeSelectOption value="break">{t('kindBreak')}</NativeSelectOption>
          <NativeSelectOption value="day_off">{t('kindDayOff')}</NativeSelectOption>
        </NativeSelect>
      </FormField>
      <div className="grid grid-cols-2 gap-3">
        <FormField id="closure-first" label={t('firstDay')} error={errorOf('firstDay')} required>
          <Input {...fieldProps('closure-first', errorOf('firstDay'))} type="date" value={values.firstDay} onChange={set('firstDay')} />
        </FormField>
        <FormField id="closure-last" label={t('lastDay')} error={errorOf('lastDay')}>
          <Input {...fieldProps('closure-last', errorOf('lastDay'))} type="date" value={values.lastDay} min={values.firstDay || undefined} onChange={set('lastDay')} />
        </FormField>
      </div>
      {toCancel !== null && (
        <div className="grid gap-1 rounded-md border border-warning/50 bg-warning/15 p-3 text-sm" role="alert" data-testid="closure-confirm">
          <p className="font-medium">{t('confirmCancelTitle', { count: toCancel })}</p>
          <p className="text-muted-foreground">{t('confirmCancelHint')}</p>
        </div>
      )}
      <DialogFooter>
        {toCancel !== null && (
          <Button type="button" variant="outline" onClick={() => setToCancel(null)}>
            {t('cancel')}
          </Button>
        )}
        <Button type="submit" variant={toCancel !== null ? 'destructive' : 'default'} disabled={pending}>
          {toCancel !== null ? t('confirmCancel') : t('save')}
        </Button>
      </DialogFooter>
    </form>
  );
}

/** Edit and delete a closure; deleting asks first and says cancelled lessons do not come back. */
export function ClosureRowActions({ closure }: { closure: EditableClosure }) {
  const t = useTranslations('series');
  const router = useRouter();
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function remove() {
    const result = await deleteClosureAction({ closureId: closure.id });
    if (!result.ok) {
      setError(result.message);
      toast.error(result.message);
      return;
    }
    toast.success(t('deleted'));
    router.refresh();
  }
  return (
    <div className="flex justify-end gap-1">
      <Button variant="ghost" size="icon" aria-label={`${t('edit')}: ${closure.name}`} onClick={() => setEditing(true)}>
        <Pencil className="size-4" aria-hidden />
      </Button>
      <ClosureDialog closure={closure} open={editing} onOpenChange={setEditing} />
      <AlertDialog>
        <AlertDialogTrigger asChild>
          <Button variant="ghost" size="icon" aria-label={`${t('delete')}: ${closure.name}`}>
            <Trash2 className="size-4" aria-hidden />
          </Button>
        </AlertDialogTrigger>
        <AlertDialogContent>
          <AlertDialogHeader>
            <AlertDialogTitle>{t('deleteTitle', { name: closure.name })}</AlertDialogTitle>
            <AlertDialogDescription>{t('deleteHint')}</AlertDialogDescription>
          </AlertDialogHeader>
          {error && <Notice tone="error">{error}</Notice>}
          <AlertDialogFooter>
            <AlertDialogCancel>{t('cancel')}</AlertDialogCancel>
            <AlertDialogAction onClick={remove}>{t('delete')}</AlertDialogAction>
          </AlertDialogFooter>
        </AlertDialogContent>
      </AlertDialog>
    </div>
  );
}
