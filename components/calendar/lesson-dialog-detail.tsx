'use client';

import { ExternalLink } from 'lucide-react';
import Link from '@/components/ui/link';
import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { toast } from 'sonner';
import {
  AlertDialog,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
  AlertDialogTrigger,
} from '@/components/ui/alert-dialog';
import type { Role } from '@/db/schema';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from '@/components/ui/dialog';
import { FormField, fieldProps } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { Notice } from '@/components/ui/notice';
import { Textarea } from '@/components/ui/textarea';
import { cancelLessonAction, moveLessonAction } from '@/lib/lessons/actions';
import { formatDate, formatTimeRange, instantToZoned, zonedToInstant } from '@/lib/time';
import type { LessonEvent } from './feed';
import { EditLessonForm } from './lesson-dialog-edit';
import { formatPolishDate, parseClock, parsePolishDate, type CalendarChoices } from './url-state';

type DetailProps = {
  lesson: LessonEvent | null;
  onClose: () => void;
  timeZone: string;
  onChanged: () => Promise<unknown> | void;
  role: Role;
  /** What the edit form offers (tutors, subjects, rooms, students). */
  choices: CalendarChoices;
};

/**
 * One lesson: when, who, where, the students the viewer may know about. Whoever may change
 * it (admins any, tutors their own, while scheduled) can edit it (subject, place, kind,
 * students), move it to another time or cancel it with a reason, after confirming.
 */
export function LessonDetailDialog(props: DetailProps) {
  const { lesson } = props;
  if (!lesson) return null;
  // Another lesson, or this one moved, starts a fresh form.
  return <LessonDetail key={`${lesson.id}-${lesson.start}-${lesson.end}-${lesson.extendedProps.status}`} {...props} lesson={lesson} />;
}

function LessonDetail({ lesson, onClose, timeZone, onChanged, role, choices }: DetailProps & { lesson: LessonEvent }) {
  const t = useTranslations('calendar.detail');
  const tc = useTranslations('calendar');
  const [mode, setMode] = useState<'view' | 'edit'>('view');
  const [pending, startTransition] = useTransition();
  const [date, setDate] = useState(() => formatPolishDate(instantToZoned(new Date(lesson.start), timeZone).date));
  const [from, setFrom] = useState(() => instantToZoned(new Date(lesson.start), timeZone).time);
  const [to, setTo] = useState(() => instantToZoned(new Date(lesson.end), timeZone).time);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string[] | undefined>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [editing, setEditing] = useState(false);

  const p = lesson.extendedProps;
  const when = `${formatDate(lesson.start, timeZone)}, ${formatTimeRange(lesson.start, lesson.end, timeZone)}`;

  const save = (e: React.FormEvent) => {
    e.preventDefault();
    const day = parsePolishDate(date);
    const start = parseClock(from);
    const end = parseClock(to);
    if (!day || !start || !end) {
      return setErrors({
        date: day ? undefined : [tc('create.badDate')],
        start: start ? undefined : [tc('create.badTime')],
        end: end ? undefined : [tc('create.badTime')],
      });
    }
    startTransition(async () => {
      const result = await moveLessonAction({
        lessonId: lesson.id,
        start: zonedToInstant(day, start, timeZone).toISOString(),
        end: zonedToInstant(day, end, timeZone).toISOString(),
      });
      if (result.ok) {
        toast.success(t('saved'));
        onChanged();
        onClose();
        return;
      }
      setErrors(result.fieldErrors ?? {});
      setFormError(result.fieldErrors ? null : result.message);
    });
  };

  const cancel = () => {
    startTransition(async () => {
      const result = await cancelLessonAction({ lessonId: lesson.id, reason });
      if (result.ok) {
        toast.success(t('cancelled'));
        setConfirming(false);
        onChanged();
        onClose();
        return;
      }
      setErrors(result.fieldErrors ?? {});
      if (!result.fieldErrors) {
        setConfirming(false);
        setFormError(result.message);
      }
    });
  };

  if (mode === 'edit' && lesson.editable) {
    return (
      <Dialog open onOpenChange={(open) => !open && onClose()}>
        <DialogContent className="sm:max-w-xl" closeLabel={t('close')} data-testid="lesson-detail">
          <DialogHeader>
            <DialogTitle>{tc('edit.title')}</DialogTitle>
            <DialogDescription>{when}</DialogDescription>
          </DialogHeader>
          <EditLessonForm
            lesson={lesson}
            role={role}
            choices={choices}
            onBack={() => setMode('view')}
            onSaved={async () => {
              // Back to the lesson as the refreshed feed has it.
              await onChanged();
              setMode('view');
            }}
          />
        </DialogContent>
      </Dialog>
    );
  }

  return (
    <Dialog open onOpenChange={(open) => !open && onClose()}>
      <DialogContent closeLabel={t('close')} data-testid="lesson-detail">
        <DialogHeader>
          <DialogTitle className={p.status === 'cancelled' ? 'line-through decoration-2' : undefined}>{p.subject.name}</DialogTitle>
          <DialogDescription>{when}</DialogDescription>
        </DialogHeader>
        <dl className="grid grid-cols-[7rem_1fr] gap-x-3 gap-y-2 text-sm">
          <dt className="text-muted-foreground">{t('state')}</dt>
          <dd className="flex flex-wrap items-center gap-2">
            <Badge variant={p.status === 'cancelled' ? 'destructive' : p.status === 'completed' ? 'secondary' : 'outline'}>{tc(`status.${p.status}`)}</Badge>
            <span>{tc(`kind.${p.kind}`)}</span>
          </dd>
          <dt className="text-muted-foreground">{t('tutor')}</dt>
          <dd className="flex items-center gap-2">
            <span className="size-2.5 rounded-full border border-black/10" style={{ background: p.tutor.color }} aria-hidden />
            {p.tutor.name}
          </dd>
          <dt className="text-muted-foreground">{t('place')}</dt>
          <dd>
            {p.room ? (
              p.room.name
            ) : p.meetingUrl ? (
              <a href={p.meetingUrl} target="_blank" rel="noopener noreferrer" className="inline-flex items-center gap-1 text-primary underline-offset-4 hover:underline">
                {t('join')} <ExternalLink className="size-3.5" aria-hidden />
              </a>
            ) : (
              tc('online')
            )}
          </dd>
          <dt className="text-muted-foreground">{t('students')}</dt>
          <dd>
            {p.students.length ? p.students.map((s) => s.name).join(', ') : <span className="text-muted-foreground">{t('noStudents')}</span>}
            {p.kind === 'group' && (
              <span className="block text-xs text-muted-foreground">
                {t('places', {
                  taken: p.students.length,
                  capacity: p.capacity,
                })}
              </span>
            )}
          </dd>
          {p.status === 'cancelled' && p.cancelReason && (
            <>
              <dt className="text-muted-foreground">{t('cancelReason')}</dt>
              <dd>{p.cancelReason}</dd>
            </>
          )}
        </dl>
        {p.seriesId && p.status === 'scheduled' && (
          // The lesson is one of a weekly series: changing the series from this date is done there.
          <Link href={`/admin/series/${p.seriesId}?from=${instantToZoned(new Date(lesson.start), timeZone).date}`} className="text-sm text-primary underline-offset-4 hover:underline">
            {t('seriesLink')}
          </Link>
        )}

        {lesson.editable && (
          <form onSubmit={save} className="grid gap-3 border-t pt-4" noValidate>
            {editing && (
              <div className="grid grid-cols-[1fr_5.5rem_5.5rem] gap-3">
                <FormField id="move-date" label={tc('create.date')} error={errors.date}>
                  <Input {...fieldProps('move-date', errors.date)} value={date} onChange={(e) => setDate(e.target.value)} inputMode="numeric" autoComplete="off" />
                </FormField>
                <FormField id="move-start" label={tc('create.start')} error={errors.start}>
                  <Input {...fieldProps('move-start', errors.start)} value={from} onChange={(e) => setFrom(e.target.value)} inputMode="numeric" autoComplete="off" />
                </FormField>
                <FormField id="move-end" label={tc('create.end')} error={errors.end}>
                  <Input {...fieldProps('move-end', errors.end)} value={to} onChange={(e) => setTo(e.target.value)} inputMode="numeric" autoComplete="off" />
                </FormField>
              </div>
            )}
            {formError && <Notice tone="error">{formError}</Notice>}
            <DialogFooter className="gap-2">
              <AlertDialog open={confirming} onOpenChange={setConfirming}>
                <AlertDialogTrigger asChild>
                  <Button type="button" variant="outline" className="text-destructive max-sm:min-h-11 sm:mr-auto">
                    {t('cancelLesson')}
                  </Button>
                </AlertDialogTrigger>
                <AlertDialogContent>
                  <AlertDialogHeader>
                    <AlertDialogTitle>
                      {t('confirmCancel', {
                        subject: p.subject.name,
                        date: formatDate(lesson.start, timeZone),
                        time: formatTimeRange(lesson.start, lesson.end, timeZone),
                      })}
                    </AlertDialogTitle>
                    <AlertDialogDescription>{t('confirmCancelBody')}</AlertDialogDescription>
                  </AlertDialogHeader>
                  <FormField id="cancel-reason" label={t('reason')} error={errors.reason} required>
                    <Textarea {...fieldProps('cancel-reason', errors.reason)} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} rows={3} />
                  </FormField>
                  <AlertDialogFooter>
                    <AlertDialogCancel>{t('keep')}</AlertDialogCancel>
                    <Button type="button" variant="destructive" onClick={cancel} disabled={pending}>
                      {t('confirm')}
                    </Button>
                  </AlertDialogFooter>
                </AlertDialogContent>
              </AlertDialog>
              {!editing && (
                <Button type="button" variant="outline" onClick={() => setMode('edit')} className="max-sm:min-h-11">
                  {tc('edit.open')}
                </Button>
              )}
              {editing ? (
                <Button type="submit" disabled={pending} className="max-sm:min-h-11">
                  {t('save')}
                </Button>
              ) : (
                <Button type="button" onClick={() => setEditing(true)} className="max-sm:min-h-11">
                  {t('changeTime')}
                </Button>
              )}
            </DialogFooter>
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}
