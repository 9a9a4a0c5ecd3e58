'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from '@/components/ui/dialog';
import { FormField, fieldProps } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { NativeSelect, NativeSelectOption } from '@/components/ui/native-select';
import { Notice } from '@/components/ui/notice';
import { bookMakeupAction } from '@/lib/cancellations/actions';
import { addCalendarDays, todayIn, zonedToInstant } from '@/lib/time';

type Choice = { id: string; name: string };

type Props = {
  studentId: string;
  studentName: string;
  /** Tutors who may be chosen (a tutor gets only themself). */
  tutors: (Choice & { subjectIds: string[] })[];
  subjects: (Choice & { defaultDurationMin: number })[];
  rooms: Choice[];
  timeZone: string;
  /** The subject and tutor of the cancelled lesson, chosen first. */
  subjectName: string;
  defaultTutorId: string;
};

/**
 * Books a makeup lesson for a student with an open credit: tutor, subject, day and time in the
 * school's zone, length, and a room or an online link. The server plans it by the calendar's
 * rules and uses the oldest credit in the same transaction.
 */
export function BookMakeupDialog({ studentId, studentName, tutors, subjects, rooms, timeZone, subjectName, defaultTutorId }: Props) {
  const t = useTranslations('cancellations');
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [pending, start] = useTransition();
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const firstSubject = subjects.find((s) => s.name === subjectName) ?? subjects[0];
  const [form, setForm] = useState({
    tutorId: (tutors.find((x) => x.id === defaultTutorId) ?? tutors[0])?.id ?? '',
    subjectId: firstSubject?.id ?? '',
    date: addCalendarDays(todayIn(timeZone), 1),
    time: '16:00',
    minutes: String(firstSubject?.defaultDurationMin ?? 60),
    roomId: '',
    meetingUrl: '',
  });
  const set = (key: keyof typeof form) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => setForm((f) => ({ ...f, [key]: e.target.value }));

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    setErrors({});
    setFormError(null);
    let startAt: Date;
    try {
      startAt = zonedToInstant(form.date, form.time, timeZone);
    } catch {
      setErrors({ start: [t('whenInvalid')] });
      return;
    }
    const minutes = Number.parseInt(form.minutes, 10);
    if (!Number.isFinite(minutes) || minutes < 15 || minutes > 480) {
      setErrors({ end: [t('minutesInvalid')] });
      return;
    }
    start(async () => {
      const result = await bookMakeupAction({
        studentId,
        tutorId: form.tutorId,
        subjectId: form.subjectId,
        roomId: form.roomId || null,
        meetingUrl: form.roomId ? null : form.meetingUrl,
        start: startAt.toISOString(),
        end: new Date(startAt.getTime() + minutes * 60_000).toISOString(),
      });
      if (result.ok) {
        setOpen(false);
        toast.success(t('booked', { student: studentName }));
        router.refresh();
      } else if (result.fieldErrors) setErrors(result.fieldErrors);
      else setFormError(result.message);
    });
  };

  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button size="sm" variant="outline" data-testid="book-makeup">
          {t('bookMakeup')}
        </Button>
      </DialogTrigger>
      <DialogContent closeLabel={t('close')}>
        <form onSubmit={submit} className="grid gap-4">
          <DialogHeader>
            <DialogTitle>{t('bookTitle', { student: studentName })}</DialogTitle>
            <DialogDescription>{t('bookIntro')}</DialogDescription>
          </DialogHeader>
          <div className="grid gap-3 sm:grid-cols-2">
            <FormField id="makeup-tutor" label={t('tutorLabel')} error={errors.tutorId}>
              <NativeSelect {...fieldProps('makeup-tutor', errors.tutorId)} value={form.tutorId} onChange={set('tutorId')} disabled={tutors.length < 2}>
                {tutors.map((o) => (
                  <NativeSelectOption key={o.id} value={o.id}>
                    {o.name}
                  </NativeSelectOption>
                ))}
              </NativeSelect>
            </FormField>
            <FormField id="makeup-subject" label={t('subjectLabel')} error={errors.subjectId}>
              <NativeSelect {...fieldProps('makeup-subject', errors.subjectId)} value={form.subjectId} onChange={set('subjectId')}>
                {subjects.map((o) => (
                  <NativeSelectOption key={o.id} value={o.id}>
                    {o.name}
                  </NativeSelectOption>
                ))}
              </NativeSelect>
            </FormField>
            <FormField id="makeup-date" label={t('dateLabel')} error={errors.start}>
              <Input {...fieldProps('makeup-date', errors.start)} type="date" value={form.date} onChange={set('date')} required />
            </FormField>
            <div className="grid grid-cols-2 gap-3">
              <FormField id="makeup-time" label={t('timeLabel')}>
                <Input {...fieldProps('makeup-time')} type="time" step={300} value={form.time} onChange={set('time')} required />
              </FormField>
              <FormField id="makeup-minutes" label={t('minutesLabel')} error={errors.end}>
                <Input {...fieldProps('makeup-minutes', errors.end)} type="number" min={15} max={480} step={5} value={form.minutes} onChange={set('minutes')} />
              </FormField>
            </div>
            <FormField id="makeup-room" label={t('roomLabel')} error={errors.roomId}>
              <NativeSelect {...fieldProps('makeup-room', errors.roomId)} value={form.roomId} onChange={set('roomId')}>
                <NativeSelectOption value="">{t('online')}</NativeSelectOption>
                {rooms.map((o) => (
                  <NativeSelectOption key={o.id} value={o.id}>
                    {o.name}
                  </NativeSelectOption>
                ))}
              </NativeSelect>
            </FormField>
            {!form.roomId && (
              <FormField id="makeup-link" label={t('meetingUrlLabel')} error={errors.meetingUrl}>
                <Input {...fieldProps('makeup-link', errors.meetingUrl)} type="url" inputMode="url" placeholder="https://" value={form.meetingUrl} onChange={set('meetingUrl')} />
              </FormField>
            )}
          </div>
          {(formError || errors.studentIds) && <Notice tone="error">{formError ?? errors.studentIds?.[0]}</Notice>}
          <DialogFooter>
            <Button type="submit" disabled={pending}>
              {t('book')}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
