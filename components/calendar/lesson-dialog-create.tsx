'use client';

import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useMemo, useState, useTransition } from 'react';
import { toast } from 'sonner';
import type { Role } from '@/db/schema';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from '@/components/ui/dialog';
import { FormField, fieldProps } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { NativeSelect, NativeSelectOption } from '@/components/ui/native-select';
import { Notice } from '@/components/ui/notice';
import { createLessonAction } from '@/lib/lessons/actions';
import { formatDate, formatTimeRange, instantToZoned, zonedToInstant } from '@/lib/time';
import type { CalendarChoices } from './url-state';
import { formatPolishDate, parseClock, parsePolishDate } from './url-state';

export type Slot = { start: Date; end: Date };

function fold(value: string) {
  return value.normalize('NFD').replace(/\p{M}/gu, '').replace(/ł/g, 'l').replace(/Ł/g, 'L').toLowerCase();
}

type Errors = Record<string, string[] | undefined>;

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
  const tk = useTranslations('calendar.kind');
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
  const [search, setSearch] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<string | null>(null);

  const matches = useMemo(() => {
    const words = fold(search).split(/\s+/).filter(Boolean);
    return choices.students.filter((s) => words.every((w) => fold(s.name).includes(w))).slice(0, 50);
  }, [search, choices.students]);
  const names = new Map(choices.students.map((s) => [s.id, s.name]));

  const toggle = (id: string) => setStudentIds((prev) => (prev.includes(id) ? prev.filter((x) => x !== id) : kind === 'individual' ? [id] : [...prev, id]));

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const day = parsePolishDate(date);
    const start = parseClock(from);
    const end = parseClock(to);
    const local: Errors = {};
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
        {role === 'admin' ? (
          <FormField id="lesson-tutor" label={t('tutor')} error={errors.tutorId} required>
            <NativeSelect {...fieldProps('lesson-tutor', errors.tutorId)} value={tutorId} onChange={(e) => setTutorId(e.target.value)}>
              <NativeSelectOption value="">{t('chooseTutor')}</NativeSelectOption>
              {choices.tutors.map((x) => (
                <NativeSelectOption key={x.id} value={x.id}>
                  {x.name}
                </NativeSelectOption>
              ))}
            </NativeSelect>
          </FormField>
        ) : (
          <div className="grid gap-2 text-sm">
            <span className="font-medium">{t('tutor')}</span>
            <span className="flex h-9 items-center text-muted-foreground">{choices.tutors[0]?.name}</span>
          </div>
        )}
        <FormField id="lesson-subject" label={t('subject')} error={errors.subjectId} required>
          <NativeSelect {...fieldProps('lesson-subject', errors.subjectId)} value={subjectId} onChange={(e) => setSubjectId(e.target.value)}>
            <NativeSelectOption value="">{t('chooseSubject')}</NativeSelectOption>
            {choices.subjects.map((x) => (
              <NativeSelectOption key={x.id} value={x.id}>
                {x.name}
              </NativeSelectOption>
            ))}
          </NativeSelect>
        </FormField>
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
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField id="lesson-place" label={t('place')} error={errors.roomId} required>
          <NativeSelect {...fieldProps('lesson-place', errors.roomId)} value={place} onChange={(e) => setPlace(e.target.value)}>
            <NativeSelectOption value="">{t('choosePlace')}</NativeSelectOption>
            {choices.rooms.map((x) => (
              <NativeSelectOption key={x.id} value={x.id}>
                {x.name} ({x.capacity})
              </NativeSelectOption>
            ))}
            <NativeSelectOption value="online">{t('onlineOption')}</NativeSelectOption>
          </NativeSelect>
        </FormField>
        {place === 'online' && (
          <FormField id="lesson-url" label={t('meetingUrl')} error={errors.meetingUrl} required>
            <Input
              {...fieldProps('lesson-url', errors.meetingUrl)}
              value={meetingUrl}
              onChange={(e) => setMeetingUrl(e.target.value)}
              type="url"
              placeholder="https://meet.example.com/…"
            />
          </FormField>
        )}
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField id="lesson-kind" label={t('kind')} error={errors.kind}>
          <NativeSelect
            {...fieldProps('lesson-kind', errors.kind)}
            value={kind}
            onChange={(e) => {
              const next = e.target.value as 'individual' | 'group';
              setKind(next);
              if (next === 'individual') setStudentIds((prev) => prev.slice(0, 1));
            }}
          >
            <NativeSelectOption value="individual">{tk('individual')}</NativeSelectOption>
            <NativeSelectOption value="group">{tk('group')}</NativeSelectOption>
          </NativeSelect>
        </FormField>
        {kind === 'group' && (
          <FormField id="lesson-capacity" label={t('capacity')} error={errors.capacity}>
            <Input {...fieldProps('lesson-capacity', errors.capacity)} value={capacity} onChange={(e) => setCapacity(e.target.value)} inputMode="numeric" />
          </FormField>
        )}
      </div>
      <FormField id="lesson-students" label={t('students')} error={errors.studentIds} description={t('chosen', { count: studentIds.length })}>
        <Input
          {...fieldProps('lesson-students', errors.studentIds, {
            description: true,
          })}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          placeholder={t('searchStudents')}
          type="search"
          autoComplete="off"
        />
      </FormField>
      {studentIds.length > 0 && (
        <ul className="flex flex-wrap gap-1.5" aria-label={t('students')}>
          {studentIds.map((id) => (
            <li key={id}>
              <button type="button" onClick={() => toggle(id)} className="rounded-full border bg-muted px-2.5 py-1 text-xs hover:bg-accent">
                {names.get(id)} ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="max-h-40 overflow-y-auto rounded-md border">
        {matches.length === 0 ? (
          <p className="p-3 text-sm text-muted-foreground">{t('noStudentsFound')}</p>
        ) : (
          <ul>
            {matches.map((s) => (
              <li key={s.id}>
                <label className="flex min-h-9 cursor-pointer items-center gap-2 px-3 text-sm hover:bg-accent">
                  <input type="checkbox" className="size-4 accent-primary" checked={studentIds.includes(s.id)} onChange={() => toggle(s.id)} />
                  {s.name}
                </label>
              </li>
            ))}
          </ul>
        )}
      </div>
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
