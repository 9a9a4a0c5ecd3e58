'use client';

import { useTranslations } from 'next-intl';
import Link from '@/components/ui/link';
import { useState, useTransition } from 'react';
import { toast } from 'sonner';
import type { Role } from '@/db/schema';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from '@/components/ui/dialog';
import { FormField, fieldProps } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { Notice } from '@/components/ui/notice';
import { createLessonAction } from '@/lib/lessons/actions';
import { formatDate, formatTimeRange, instantToZoned, zonedToInstant } from '@/lib/time';
import { KindFields, PlaceFields, StudentPicker, SubjectField, TutorField, toggleStudent, type LessonErrors } from './lesson-fields';
import type { CalendarChoices } from './url-state';
import { formatPolishDate, parseClock, parsePolishDate } from './url-state';

export type Slot = { start: Date; end: Date };

/**
 * Plans a lesson in the selected slot: tutor (admins choose, tutors plan for themselves),
 * subject, room or meeting link, time, kind, places and students. Times are wall-clock in
 * the school's zone; the action answers refusals as sentences shown next to the field.
 */
export function CreateLessonDialog(props: CreateProps & { slot: Slot | null }) {
  const t = useTranslations('calendar.create');
  const { slot, onClose, timeZone } = props;
  const slotText = slot ? `${formatDate(slot.start, timeZone)}, ${formatTimeRange(slot.start, slot.end, timeZone)}` : '';
  return (
    <Dialog open={slot !== null} onOpenChange={(open) => !open && onClose()}>
      <DialogContent className="sm:max-w-xl" closeLabel={t('cancel')}>
        <DialogHeader>
          <DialogTitle>{t('title')}</DialogTitle>
          <DialogDescription>{slotText}</DialogDescription>
        </DialogHeader>
        {/* A new slot starts a fresh form. */}
        {slot && <CreateLessonForm key={`${slot.start.getTime()}-${slot.end.getTime()}`} {...props} slot={slot} />}
      </DialogContent>
    </Dialog>
  );
}

type CreateProps = {
  onClose: () => void;
  role: Role;
  choices: CalendarChoices;
  timeZone: string;
  defaultTutor?: string;
  onCreated: () => void;
};

function CreateLessonForm({ slot, onClose, role, choices, timeZone, defaultTutor, onCreated }: CreateProps & { slot: Slot }) {
  const t = useTranslations('calendar.create');
  const [pending, startTransition] = useTransition();
  const [tutorId, setTutorId] = useState(role === 'tutor' ? (choices.tutors[0]?.id ?? '') : (defaultTutor ?? ''));
  const [subjectId, setSubjectId] = useState('');
  const [place, setPlace] = useState('');
  const [meetingUrl, setMeetingUrl] = useState('');
  const [date, setDate] = useState(() => formatPolishDate(instantToZoned(slot.start, timeZone).date));
  const [from, setFrom] = useState(() => instantToZoned(slot.start, timeZone).time);
  const [to, setTo] = useState(() => instantToZoned(slot.end, timeZone).time);
  const [kind, setKind] = useState<'individual' | 'group'>('individual');
  const [capacity, setCapacity] = useState('4');
  const [studentIds, setStudentIds] = useState<string[]>([]);
  const [errors, setErrors] = useState<LessonErrors>({});
  const [formError, setFormError] = useState<string | null>(null);

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const day = parsePolishDate(date);
    const start = parseClock(from);
    const end = parseClock(to);
    const local: LessonErrors = {};
    if (!day) local.date = [t('badDate')];
    if (!start) local.start = [t('badTime')];
    if (!end) local.end = [t('badTime')];
    if (Object.keys(local).length) return setErrors(local);
    const online = place === 'online';
    startTransition(async () => {
      const result = await createLessonAction({
        tutorId,
        subjectId,
        roomId: online || !place ? null : place,
        meetingUrl: online ? meetingUrl : null,
        start: zonedToInstant(day!, start!, timeZone).toISOString(),
        end: zonedToInstant(day!, end!, timeZone).toISOString(),
        kind,
        capacity: kind === 'individual' ? 1 : Number.parseInt(capacity, 10) || 0,
        studentIds,
      });
      if (result.ok) {
        toast.success(t('created'));
        onCreated();
        onClose();
        return;
      }
      const fieldErrors = result.fieldErrors ?? {};
      setErrors(fieldErrors);
      // Refusals that name no field (a clash, a full room) are shown above the buttons.
      setFormError(Object.keys(fieldErrors).length ? null : result.message);
    });
  };

  return (
    <form onSubmit={submit} className="grid gap-4" noValidate data-testid="create-lesson-form">
      <div className="grid gap-4 sm:grid-cols-2">
        <TutorField idPrefix="lesson" role={role} tutors={choices.tutors} value={tutorId} onChange={setTutorId} errors={errors} />
        <SubjectField idPrefix="lesson" subjects={choices.subjects} value={subjectId} onChange={setSubjectId} errors={errors} />
      </div>
      <div className="grid grid-cols-[1fr_5.5rem_5.5rem] gap-3">
        <FormField id="lesson-date" label={t('date')} error={errors.date}>
          <Input
            {...fieldProps('lesson-date', errors.date)}
            value={date}
            onChange={(e) => setDate(e.target.value)}
            inputMode="numeric"
            placeholder="26.11.2026"
            autoComplete="off"
          />
        </FormField>
        <FormField id="lesson-start" label={t('start')} error={errors.start}>
          <Input {...fieldProps('lesson-start', errors.start)} value={from} onChange={(e) => setFrom(e.target.value)} inputMode="numeric" placeholder="16:00" autoComplete="off" />
        </FormField>
        <FormField id="lesson-end" label={t('end')} error={errors.end}>
          <Input {...fieldProps('lesson-end', errors.end)} value={to} onChange={(e) => setTo(e.target.value)} inputMode="numeric" placeholder="17:00" autoComplete="off" />
        </FormField>
      </div>
      <PlaceFields idPrefix="lesson" rooms={choices.rooms} place={place} onPlace={setPlace} meetingUrl={meetingUrl} onMeetingUrl={setMeetingUrl} errors={errors} />
      <KindFields
        idPrefix="lesson"
        kind={kind}
        onKind={(next) => {
          setKind(next);
          if (next === 'individual') setStudentIds((prev) => prev.slice(0, 1));
        }}
        capacity={capacity}
        onCapacity={setCapacity}
        errors={errors}
      />
      <StudentPicker idPrefix="lesson" students={choices.students} value={studentIds} onToggle={(id) => setStudentIds((prev) => toggleStudent(prev, id, kind))} errors={errors} />
      {formError && <Notice tone="error">{formError}</Notice>}
      <DialogFooter className="items-center">
        {/* Weekly series are planned on their own page (admins only). */}
        {role === 'admin' && (
          <Link href="/admin/series/new" className="mr-auto text-sm text-primary underline-offset-4 hover:underline">
            {t('repeatWeekly')}
          </Link>
        )}
        <Button type="button" variant="outline" onClick={onClose} className="max-sm:min-h-11 max-sm:w-full">
          {t('cancel')}
        </Button>
        <Button type="submit" disabled={pending} className="max-sm:min-h-11 max-sm:w-full">
          {t('submit')}
        </Button>
      </DialogFooter>
    </form>
  );
}
