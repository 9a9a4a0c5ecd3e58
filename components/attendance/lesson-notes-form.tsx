'use client';

import { ChevronDown } from 'lucide-react';
import { useId, useState, useTransition } from 'react';
import { useTranslations } from 'next-intl';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { FormField, fieldProps } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { Textarea } from '@/components/ui/textarea';
import { saveLessonNotesAction } from '@/lib/attendance/actions';
import { isMessageKey } from '@/lib/records/fields';
import { cn } from '@/lib/utils';

type Notes = { topic: string | null; homework: string | null; note: string | null };

/** Topic, homework and a note for one lesson, folded away until the tutor opens it. */
export function LessonNotesForm({ lessonId, initial }: { lessonId: string; initial: Notes }) {
  const t = useTranslations('attendance.notes');
  const tAll = useTranslations();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [saved, setSaved] = useState(initial);
  const [values, setValues] = useState({ topic: initial.topic ?? '', homework: initial.homework ?? '', note: initial.note ?? '' });
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [pending, startTransition] = useTransition();

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    startTransition(async () => {
      const result = await saveLessonNotesAction({ lessonId, ...values });
      if (!result.ok) {
        setErrors(Object.fromEntries(Object.entries(result.fieldErrors ?? {}).map(([k, v]) => [k, v.map((m) => (isMessageKey(m) ? tAll(m) : m))])));
        toast.error(result.message);
        return;
      }
      setErrors({});
      setSaved({ topic: values.topic.trim() || null, homework: values.homework.trim() || null, note: values.note.trim() || null });
      toast.success(result.data.changed ? tAll('attendance.notesSaved') : tAll('attendance.notesUnchanged'));
    });
  };

  const panel = `${id}-notes`;
  return (
    <div className="border-t pt-2">
      <button
        type="button"
        aria-expanded={open}
        aria-controls={panel}
        onClick={() => setOpen((v) => !v)}
        className="flex min-h-11 w-full items-center justify-between gap-2 rounded-md px-1 text-left text-sm font-medium outline-none hover:text-foreground focus-visible:ring-[3px] focus-visible:ring-ring/50"
      >
        <span className="truncate">{saved.topic ? t('toggleFilled', { topic: saved.topic }) : t('toggle')}</span>
        <ChevronDown className={cn('size-4 shrink-0 transition-transform', open && 'rotate-180')} aria-hidden />
      </button>
      {open && (
        <form id={panel} onSubmit={submit} className="grid gap-3 pt-2 pb-1" noValidate>
          <FormField id={`${id}-topic`} label={t('topic')} error={errors.topic}>
            <Input {...fieldProps(`${id}-topic`, errors.topic)} value={values.topic} maxLength={200} onChange={(e) => setValues({ ...values, topic: e.target.value })} />
          </FormField>
          <FormField id={`${id}-homework`} label={t('homework')} error={errors.homework}>
            <Textarea {...fieldProps(`${id}-homework`, errors.homework)} rows={2} value={values.homework} maxLength={2000} onChange={(e) => setValues({ ...values, homework: e.target.value })} />
          </FormField>
          <FormField id={`${id}-note`} label={t('note')} error={errors.note} description={t('noteHint')}>
            <Textarea {...fieldProps(`${id}-note`, errors.note, { description: true })} rows={2} value={values.note} maxLength={2000} onChange={(e) => setValues({ ...values, note: e.target.value })} />
          </FormField>
          <div>
            <Button type="submit" disabled={pending}>
              {pending ? t('saving') : t('save')}
            </Button>
          </div>
        </form>
      )}
    </div>
  );
}
