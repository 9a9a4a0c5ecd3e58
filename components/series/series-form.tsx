'use client';

import { AlertTriangle, CalendarCheck, CalendarX2 } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useMemo, useState } from 'react';
import { toast } from 'sonner';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { FormField, fieldProps } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { NativeSelect, NativeSelectOption } from '@/components/ui/native-select';
import { Notice } from '@/components/ui/notice';
import { isMessageKey } from '@/lib/records/fields';
import { planSeriesAction, previewSeriesAction, type SeriesClashView } from '@/lib/series/actions';
import { cn } from '@/lib/utils';

type Option = { id: string; name: string };
type Props = {
  tutors: (Option & { subjectIds: string[] })[];
  subjects: (Option & { minutes: number })[];
  rooms: (Option & { capacity: number })[];
  students: Option[];
  defaults: { firstDate: string; lastDate: string };
};

type Preview = {
  dates: { date: string; dateLabel: string; time: string }[];
  skipped: { date: string; dateLabel: string; reason: 'holiday' | 'closure'; name: string }[];
  clashes: SeriesClashView[];
};

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7];

/**
 * The series form: who, what, where, which weekdays at what time, from when to when. "Show
 * dates" previews the lessons with the skipped holidays and closures and any clash; "Create"
 * makes them all, or lists the clashing dates and offers to skip them.
 */
export function SeriesForm({ tutors, subjects, rooms, students, defaults }: Props) {
  const t = useTranslations('series');
  const tAll = useTranslations();
  const router = useRouter();
  const [v, setV] = useState({
    tutorId: '',
    subjectId: '',
    roomId: '',
    meetingUrl: '',
    weekdays: [] as number[],
    startTime: '16:00',
    durationMinutes: '60',
    capacity: '',
    firstDate: defaults.firstDate,
    lastDate: defaults.lastDate,
  });
  const [studentIds, setStudentIds] = useState<string[]>([]);
  const [studentQuery, setStudentQuery] = useState('');
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [preview, setPreview] = useState<Preview | null>(null);
  const [clashes, setClashes] = useState<SeriesClashView[] | null>(null);
  const [pending, setPending] = useState<'preview' | 'create' | 'skip' | null>(null);
  const [formError, setFormError] = useState<string | null>(null);

  const tr = (m: string) => (isMessageKey(m) ? tAll(m) : m);
  const errorOf = (f: string) => errors[f]?.map(tr);
  const change = (k: keyof typeof v, value: string | number[]) => {
    setV((old) => ({ ...old, [k]: value }));
    setPreview(null);
    setClashes(null);
  };
  const onSubject = (id: string) => {
    const s = subjects.find((x) => x.id === id);
    setV((old) => ({ ...old, subjectId: id, durationMinutes: s ? String(s.minutes) : old.durationMinutes }));
    setPreview(null);
    setClashes(null);
  };
  const toggleDay = (d: number) => change('weekdays', v.weekdays.includes(d) ? v.weekdays.filter((x) => x !== d) : [...v.weekdays, d].sort());
  const toggleStudent = (id: string) => {
    setStudentIds((ids) => (ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id]));
    setPreview(null);
    setClashes(null);
  };
  const shownStudents = useMemo(() => {
    const q = studentQuery.trim().toLocaleLowerCase('pl');
    return q ? students.filter((s) => studentIds.includes(s.id) || s.name.toLocaleLowerCase('pl').includes(q)) : students;
  }, [students, studentQuery, studentIds]);
  const isGroup = studentIds.length > 1;
  const tutorSubjects = v.tutorId ? tutors.find((x) => x.id === v.tutorId)?.subjectIds ?? [] : [];

  const input = (skipClashes = false) => ({
    tutorId: v.tutorId,
    subjectId: v.subjectId,
    roomId: v.roomId || null,
    meetingUrl: v.roomId ? null : v.meetingUrl,
    studentIds,
    kind: isGroup ? ('group' as const) : ('individual' as const),
    capacity: isGroup ? Math.max(Number(v.capacity) || studentIds.length, studentIds.length) : 1,
    weekdays: v.weekdays,
    startTime: v.startTime,
    durationMinutes: Number(v.durationMinutes),
    firstDate: v.firstDate,
    lastDate: v.lastDate,
    skipClashes,
  });

  const fail = (result: { message: string; fieldErrors?: Record<string, string[]> }) => {
    if (result.fieldErrors) {
      setErrors(result.fieldErrors);
      setFormError(result.message);
    } else setFormError(result.message);
  };

  async function showPreview() {
    setErrors({});
    setFormError(null);
    setPending('preview');
    const result = await previewSeriesAction(input());
    setPending(null);
    if (!result.ok) return fail(result);
    setPreview(result.data);
    setClashes(result.data.clashes.length ? result.data.clashes : null);
  }

  async function create(skipClashes: boolean) {
    setErrors({});
    setFormError(null);
    setPending(skipClashes ? 'skip' : 'create');
    const result = await planSeriesAction(input(skipClashes));
    setPending(null);
    if (!result.ok) {
      if ('clashes' in result) {
        setClashes(result.clashes);
        setFormError(result.message);
        return;
      }
      return fail(result);
    }
    const { created, skippedClashes, seriesId } = result.data;
    toast.success(skippedClashes.length ? t('createdSkipping', { count: created, dates: skippedClashes.map((d) => d.split('-').reverse().join('.')).join(', ') }) : t('created', { count: created }));
    router.push(`/admin/series/${seriesId}`);
    router.refresh();
  }

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void create(false);
      }}
      className="grid max-w-5xl grid-cols-1 gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,22rem)]"
      data-testid="series-form"
    >
      <div className="grid content-start gap-4">
        <div className="grid gap-4 sm:grid-cols-2">
          <FormField id="series-tutor" label={t('formTutor')} error={errorOf('tutorId')} required>
            <NativeSelect {...fieldProps('series-tutor', errorOf('tutorId'))} value={v.tutorId} onChange={(e) => change('tutorId', e.target.value)}>
              <NativeSelectOption value="">{t('choose')}</NativeSelectOption>
              {tutors.map((x) => (
                <NativeSelectOption key={x.id} value={x.id}>
                  {x.name}
                </NativeSelectOption>
              ))}
            </NativeSelect>
          </FormField>
          <FormField id="series-subject" label={t('formSubject')} error={errorOf('subjectId')} required>
            <NativeSelect {...fieldProps('series-subject', errorOf('subjectId'))} value={v.subjectId} onChange={(e) => onSubject(e.target.value)}>
              <NativeSelectOption value="">{t('choose')}</NativeSelectOption>
              {[...subjects].sort((a, b) => Number(tutorSubjects.includes(b.id)) - Number(tutorSubjects.includes(a.id))).map((s) => (
                <NativeSelectOption key={s.id} value={s.id}>
                  {s.name}
                </NativeSelectOption>
              ))}
            </NativeSelect>
          </FormField>
          <FormField id="series-room" label={t('formPlace')} error={errorOf('roomId')}>
            <NativeSelect {...fieldProps('series-room', errorOf('roomId'))} value={v.roomId} onChange={(e) => change('roomId', e.target.value)}>
              <NativeSelectOption value="">{t('formOnlineOption')}</NativeSelectOption>
              {rooms.map((r) => (
                <NativeSelectOption key={r.id} value={r.id}>
                  {r.name} ({r.capacity})
                </NativeSelectOption>
              ))}
            </NativeSelect>
          </FormField>
          {!v.roomId && (
            <FormField id="series-url" label={t('formMeetingUrl')} error={errorOf('meetingUrl')} required>
              <Input {...fieldProps('series-url', errorOf('meetingUrl'))} type="url" placeholder="https://" value={v.meetingUrl} onChange={(e) => change('meetingUrl', e.target.value)} />
            </FormField>
          )}
        </div>

        <fieldset className="grid gap-2">
          <legend className="mb-2 text-sm font-medium">{t('formWeekdays')}</legend>
          <div className="flex flex-wrap gap-1.5" role="group">
            {WEEKDAYS.map((d) => {
              const on = v.weekdays.includes(d);
              return (
                <Button
                  key={d}
                  type="button"
                  size="sm"
                  variant={on ? 'default' : 'outline'}
                  aria-pressed={on}
                  aria-label={t('weekdayLong', { day: String(d) })}
                  onClick={() => toggleDay(d)}
                  className="min-w-12"
                >
                  {t('weekdayShort', { day: String(d) })}
                </Button>
              );
            })}
          </div>
          {errorOf('weekdays') && <p className="text-sm text-destructive">{errorOf('weekdays')}</p>}
        </fieldset>

        <div className="grid grid-cols-2 gap-4 sm:grid-cols-4">
          <FormField id="series-time" label={t('formTime')} error={errorOf('startTime')} required>
            <Input {...fieldProps('series-time', errorOf('startTime'))} type="time" step={300} value={v.startTime} onChange={(e) => change('startTime', e.target.value)} />
          </FormField>
          <FormField id="series-duration" label={t('formDuration')} error={errorOf('durationMinutes')} required>
            <Input {...fieldProps('series-duration', errorOf('durationMinutes'))} type="number" inputMode="numeric" min={15} max={480} step={5} value={v.durationMinutes} onChange={(e) => change('durationMinutes', e.target.value)} />
          </FormField>
          <FormField id="series-first" label={t('formFirstDate')} error={errorOf('firstDate')} required>
            <Input {...fieldProps('series-first', errorOf('firstDate'))} type="date" value={v.firstDate} onChange={(e) => change('firstDate', e.target.value)} />
          </FormField>
          <FormField id="series-last" label={t('formLastDate')} error={errorOf('lastDate')} required>
            <Input {...fieldProps('series-last', errorOf('lastDate'))} type="date" value={v.lastDate} min={v.firstDate} onChange={(e) => change('lastDate', e.target.value)} />
          </FormField>
        </div>
        <p className="-mt-2 text-sm text-muted-foreground">{t('formDatesHint')}</p>

        <FormField id="series-students" label={t('formStudents')} error={errorOf('studentIds')} description={t('formStudentsHint')}>
          <div className="grid gap-2">
            <Input id="series-students" type="search" value={studentQuery} onChange={(e) => setStudentQuery(e.target.value)} placeholder={t('searchStudents')} aria-describedby="series-students-description" />
            <ul className="max-h-56 overflow-y-auto rounded-md border p-1" aria-label={t('formStudents')}>
              {shownStudents.map((s) => (
                <li key={s.id}>
                  <label className="flex min-h-9 cursor-pointer items-center gap-2 rounded px-2 text-sm hover:bg-muted">
                    <input type="checkbox" className="size-4 accent-primary" checked={studentIds.includes(s.id)} onChange={() => toggleStudent(s.id)} />
                    {s.name}
                  </label>
                </li>
              ))}
            </ul>
          </div>
        </FormField>
        {isGroup && (
          <FormField id="series-capacity" label={t('formCapacity')} error={errorOf('capacity')}>
            <Input id="series-capacity" type="number" min={studentIds.length} max={100} value={v.capacity || String(studentIds.length)} onChange={(e) => change('capacity', e.target.value)} className="max-w-32" />
          </FormField>
        )}

        {formError && <Notice tone="error">{formError}</Notice>}
        <div className="flex flex-wrap gap-2">
          <Button type="button" variant="outline" onClick={showPreview} disabled={pending !== null}>
            <CalendarCheck className="size-4" aria-hidden />
            {t('preview')}
          </Button>
          <Button type="submit" disabled={pending !== null}>
            {t('create')}
          </Button>
        </div>
      </div>

      <aside className="grid content-start gap-4" aria-live="polite">
        {clashes && clashes.length > 0 && (
          <section className="grid gap-3 rounded-lg border border-destructive/40 bg-destructive/5 p-4" data-testid="series-clashes">
            <h2 className="flex items-center gap-2 font-semibold text-destructive">
              <AlertTriangle className="size-4" aria-hidden />
              {t('clashTitle')} ({clashes.length})
            </h2>
            <p className="text-sm text-muted-foreground">{t('clashIntro')}</p>
            <ul className="grid gap-2 text-sm">
              {clashes.map((c, i) => (
                <li key={`${c.date}-${i}`} className="grid gap-0.5">
                  <span className="font-medium tabular-nums">
                    {c.dateLabel} {c.time}
                  </span>
                  <span className="text-muted-foreground">{c.what}</span>
                </li>
              ))}
            </ul>
            <Button type="button" variant="outline" onClick={() => create(true)} disabled={pending !== null}>
              {t('skipAndCreate')}
            </Button>
          </section>
        )}
        {preview && (
          <section className="grid gap-3 rounded-lg border p-4" data-testid="series-preview">
            <h2 className="font-semibold">{t('previewTitle')}</h2>
            {preview.dates.length === 0 ? (
              <p className="text-sm text-muted-foreground">{t('noDates')}</p>
            ) : (
              <p className="text-sm">{t('previewSummary', { count: preview.dates.length - new Set(preview.clashes.map((c) => c.date)).size })}</p>
            )}
            {preview.skipped.length > 0 && (
              <div className="grid gap-1.5">
                <h3 className="text-sm font-medium">{t('skippedTitle')}</h3>
                <ul className="grid gap-1 text-sm" data-testid="series-skipped">
                  {preview.skipped.map((s) => (
                    <li key={s.date} className="flex items-start gap-2">
                      <CalendarX2 className="mt-0.5 size-4 shrink-0 text-muted-foreground" aria-hidden />
                      <span>
                        <span className="tabular-nums">{s.dateLabel}</span> — {s.reason === 'holiday' ? t('skippedHoliday', { name: s.name }) : t('skippedClosure', { name: s.name })}
                      </span>
                    </li>
                  ))}
                </ul>
              </div>
            )}
            <ul className="flex max-h-72 flex-wrap gap-1.5 overflow-y-auto" data-testid="series-dates">
              {preview.dates.map((d) => {
                const clash = preview.clashes.some((c) => c.date === d.date);
                return (
                  <li key={d.date}>
                    <Badge variant={clash ? 'destructive' : 'secondary'} className={cn('tabular-nums', clash && 'line-through')} title={d.time}>
                      {d.dateLabel}
                    </Badge>
                  </li>
                );
              })}
            </ul>
          </section>
        )}
      </aside>
    </form>
  );
}
