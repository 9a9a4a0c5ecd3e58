'use client';

import { AlertTriangle, CalendarClock, CalendarOff } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from '@/components/ui/dialog';
import { FormField, fieldProps } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { NativeSelect, NativeSelectOption } from '@/components/ui/native-select';
import { Notice } from '@/components/ui/notice';
import { isMessageKey } from '@/lib/records/fields';
import { endSeriesAction, updateSeriesFromAction, type SeriesClashView } from '@/lib/series/actions';

type Option = { id: string; name: string };
type SeriesRule = { id: string; tutorId: string; roomId: string | null; meetingUrl: string | null; weekdays: number[]; startTime: string; durationMinutes: number; lastDate: string };

function useErrors() {
  const tAll = useTranslations();
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const errorOf = (f: string) => errors[f]?.map((m) => (isMessageKey(m) ? tAll(m) : m));
  return { errors, setErrors, errorOf };
}

/** "This and the following": new tutor, place, weekdays, time or end date from a chosen date. */
export function SeriesChangeDialog({ series, fromDefault, openAtStart = false, today, tutors, rooms }: { series: SeriesRule; fromDefault: string; openAtStart?: boolean; today: string; tutors: Option[]; rooms: Option[] }) {
  const t = useTranslations('series');
  const router = useRouter();
  const [open, setOpen] = useState(openAtStart);
  const initial = () => ({ fromDate: fromDefault, tutorId: series.tutorId, roomId: series.roomId ?? '', meetingUrl: series.meetingUrl ?? '', weekdays: series.weekdays, startTime: series.startTime, durationMinutes: String(series.durationMinutes), lastDate: series.lastDate });
  const [v, setV] = useState(initial);
  const { setErrors, errorOf } = useErrors();
  const [clashes, setClashes] = useState<SeriesClashView[] | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const change = (k: keyof ReturnType<typeof initial>, value: string | number[]) => {
    setV((o) => ({ ...o, [k]: value }));
    setClashes(null);
  };

  async function submit(skipClashes: boolean) {
    setErrors({});
    setMessage(null);
    setPending(true);
    const result = await updateSeriesFromAction({
      seriesId: series.id,
      fromDate: v.fromDate,
      tutorId: v.tutorId,
      roomId: v.roomId || null,
      meetingUrl: v.roomId ? null : v.meetingUrl,
      weekdays: v.weekdays,
      startTime: v.startTime,
      durationMinutes: Number(v.durationMinutes),
      lastDate: v.lastDate,
      skipClashes,
    });
    setPending(false);
    if (!result.ok) {
      if ('clashes' in result) setClashes(result.clashes);
      if ('fieldErrors' in result && result.fieldErrors) setErrors(result.fieldErrors);
      setMessage(result.message);
      return;
    }
    toast.success(t('changed', { cancelled: result.data.cancelled ?? 0, created: result.data.created }));
    setOpen(false);
    router.push(`/admin/series/${result.data.seriesId}`);
    router.refresh();
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        if (o) {
          setV(initial());
          setClashes(null);
          setMessage(null);
        }
      }}
    >
      <DialogTrigger asChild>
        <Button variant="outline">
          <CalendarClock className="size-4" aria-hidden />
          {t('changeFrom')}
        </Button>
      </DialogTrigger>
      <DialogContent className="max-h-[90vh] overflow-y-auto sm:max-w-lg">
        <DialogHeader>
          <DialogTitle>{t('changeFromTitle')}</DialogTitle>
          <DialogDescription>{t('changeFromHint')}</DialogDescription>
        </DialogHeader>
        <form
          noValidate
          className="grid gap-4"
          onSubmit={(e) => {
            e.preventDefault();
            void submit(false);
          }}
        >
          <div className="grid grid-cols-2 gap-3">
            <FormField id="change-from" label={t('fromDate')} error={errorOf('fromDate')} required>
              <Input {...fieldProps('change-from', errorOf('fromDate'))} type="date" min={today} value={v.fromDate} onChange={(e) => change('fromDate', e.target.value)} />
            </FormField>
            <FormField id="change-last" label={t('formLastDate')} error={errorOf('lastDate')} required>
              <Input {...fieldProps('change-last', errorOf('lastDate'))} type="date" value={v.lastDate} onChange={(e) => change('lastDate', e.target.value)} />
            </FormField>
          </div>
          <FormField id="change-tutor" label={t('formTutor')} error={errorOf('tutorId')}>
            <NativeSelect {...fieldProps('change-tutor', errorOf('tutorId'))} value={v.tutorId} onChange={(e) => change('tutorId', e.target.value)}>
              {tutors.map((x) => (
                <NativeSelectOption key={x.id} value={x.id}>
                  {x.name}
                </NativeSelectOption>
              ))}
            </NativeSelect>
          </FormField>
          <FormField id="change-room" label={t('formPlace')} error={errorOf('roomId')}>
            <NativeSelect {...fieldProps('change-room', errorOf('roomId'))} value={v.roomId} onChange={(e) => change('roomId', e.target.value)}>
              <NativeSelectOption value="">{t('formOnlineOption')}</NativeSelectOption>
              {rooms.map((r) => (
                <NativeSelectOption key={r.id} value={r.id}>
                  {r.name}
                </NativeSelectOption>
              ))}
            </NativeSelect>
          </FormField>
          {!v.roomId && (
            <FormField id="change-url" label={t('formMeetingUrl')} error={errorOf('meetingUrl')} required>
              <Input {...fieldProps('change-url', errorOf('meetingUrl'))} type="url" value={v.meetingUrl} onChange={(e) => change('meetingUrl', e.target.value)} />
            </FormField>
          )}
          <fieldset className="grid gap-2">
            <legend className="mb-2 text-sm font-medium">{t('formWeekdays')}</legend>
            <div className="flex flex-wrap gap-1.5">
              {[1, 2, 3, 4, 5, 6, 7].map((d) => {
                const on = v.weekdays.includes(d);
                return (
                  <Button key={d} type="button" size="sm" className="min-w-12" variant={on ? 'default' : 'outline'} aria-pressed={on} aria-label={t('weekdayLong', { day: String(d) })} onClick={() => change('weekdays', on ? v.weekdays.filter((x) => x !== d) : [...v.weekdays, d].sort())}>
                    {t('weekdayShort', { day: String(d) })}
                  </Button>
                );
              })}
            </div>
            {errorOf('weekdays') && <p className="text-sm text-destructive">{errorOf('weekdays')}</p>}
          </fieldset>
          <div className="grid grid-cols-2 gap-3">
            <FormField id="change-time" label={t('formTime')} error={errorOf('startTime')} required>
              <Input {...fieldProps('change-time', errorOf('startTime'))} type="time" step={300} value={v.startTime} onChange={(e) => change('startTime', e.target.value)} />
            </FormField>
            <FormField id="change-duration" label={t('formDuration')} error={errorOf('durationMinutes')} required>
              <Input {...fieldProps('change-duration', errorOf('durationMinutes'))} type="number" min={15} max={480} step={5} value={v.durationMinutes} onChange={(e) => change('durationMinutes', e.target.value)} />
            </FormField>
          </div>
          {message && <Notice tone="error">{message}</Notice>}
          {clashes && clashes.length > 0 && (
            <section className="grid gap-2 rounded-md border border-destructive/40 bg-destructive/5 p-3 text-sm" data-testid="change-clashes">
              <h3 className="flex items-center gap-2 font-medium text-destructive">
                <AlertTriangle className="size-4" aria-hidden />
                {t('clashTitle')} ({clashes.length})
              </h3>
              <ul className="grid gap-1.5">
                {clashes.map((c, i) => (
                  <li key={`${c.date}-${i}`}>
                    <span className="font-medium tabular-nums">
                      {c.dateLabel} {c.time}
                    </span>{' '}
                    <span className="text-muted-foreground">{c.what}</span>
                  </li>
                ))}
              </ul>
            </section>
          )}
          <DialogFooter>
            {clashes && clashes.length > 0 && (
              <Button type="button" variant="outline" onClick={() => submit(true)} disabled={pending}>
                {t('skipAndCreate')}
              </Button>
            )}
            <Button type="submit" disabled={pending}>
              {t('save')}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

/** Ends the series from a date: asks first, names what happens to the lessons. */
export function SeriesEndDialog({ seriesId, fromDefault, today, lastDate }: { seriesId: string; fromDefault: string; today: string; lastDate: string }) {
  const t = useTranslations('series');
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [fromDate, setFromDate] = useState(fromDefault);
  const { setErrors, errorOf } = useErrors();
  const [pending, setPending] = useState(false);
  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setErrors({});
    setPending(true);
    const result = await endSeriesAction({ seriesId, fromDate });
    setPending(false);
    if (!result.ok) {
      setErrors(result.fieldErrors ?? { fromDate: [result.message] });
      return;
    }
    toast.success(t('ended', { count: result.data.cancelled }));
    setOpen(false);
    router.refresh();
  }
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="outline">
          <CalendarOff className="size-4" aria-hidden />
          {t('endFrom')}
        </Button>
      </DialogTrigger>
      <DialogContent className="sm:max-w-md">
        <DialogHeader>
          <DialogTitle>{t('endFromTitle')}</DialogTitle>
          <DialogDescription>{t('endFromHint')}</DialogDescription>
        </DialogHeader>
        <form onSubmit={submit} noValidate className="grid gap-4">
          <FormField id="end-from" label={t('fromDate')} error={errorOf('fromDate')} required>
            <Input {...fieldProps('end-from', errorOf('fromDate'))} type="date" min={today} max={lastDate} value={fromDate} onChange={(e) => setFromDate(e.target.value)} className="max-w-48" />
          </FormField>
          <DialogFooter>
            <Button type="button" variant="outline" onClick={() => setOpen(false)}>
              {t('cancel')}
            </Button>
            <Button type="submit" variant="destructive" disabled={pending}>
              {t('endConfirm')}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
