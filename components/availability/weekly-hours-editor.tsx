'use client';

import { Plus, X } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useMemo, useState, useTransition } from 'react';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { NativeSelect, NativeSelectOption } from '@/components/ui/native-select';
import { Notice } from '@/components/ui/notice';
import { setWeeklyHoursAction } from '@/lib/availability/actions';
import type { WeeklyInterval } from '@/lib/availability/rules';
import { isMessageKey } from '@/lib/records/fields';

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
type Span = { start: string; end: string };

/** Every quarter hour of the day, 24-hour, plus 23:59 as the last possible end. */
const QUARTERS = Array.from({ length: 96 }, (_, i) => `${String(Math.floor(i / 4)).padStart(2, '0')}:${String((i % 4) * 15).padStart(2, '0')}`);
const minutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
const clock = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

function byDay(weekly: WeeklyInterval[]): Record<number, Span[]> {
  const out: Record<number, Span[]> = {};
  for (const d of WEEKDAYS) out[d] = weekly.filter((i) => i.weekday === d).map(({ start, end }) => ({ start, end }));
  return out;
}

/** A sensible next interval: after the day's last one, else an afternoon. */
function nextSpan(day: Span[]): Span {
  const last = day.at(-1);
  if (!last) return { start: '14:00', end: '20:00' };
  const start = Math.min(minutes(last.end) + 60, 22 * 60);
  return { start: clock(start), end: clock(Math.min(start + 120, 23 * 60 + 45)) };
}

/**
 * The working week as rows Monday to Sunday, each with its from–to intervals. Saving sends
 * the whole week (it replaces what was there); an empty week means "not restricted".
 */
export function WeeklyHoursEditor({ tutorId, initial, canOverrideNote }: { tutorId: string; initial: WeeklyInterval[]; canOverrideNote?: boolean }) {
  const t = useTranslations('availability');
  const tAll = useTranslations();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [days, setDays] = useState(() => byDay(initial));
  const [saved, setSaved] = useState(() => JSON.stringify(byDay(initial)));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const dirty = JSON.stringify(days) !== saved;
  const empty = WEEKDAYS.every((d) => days[d].length === 0);

  // The order the action numbers intervals in, to put its field errors back on the right row.
  const flat = useMemo(() => WEEKDAYS.flatMap((weekday) => days[weekday].map((s, index) => ({ weekday, index, ...s }))), [days]);

  const update = (weekday: number, fn: (day: Span[]) => Span[]) => {
    setDays((d) => ({ ...d, [weekday]: fn(d[weekday]) }));
    setErrors({});
  };

  const save = () =>
    startTransition(async () => {
      const result = await setWeeklyHoursAction({ tutorId, intervals: flat.map(({ weekday, start, end }) => ({ weekday, start, end })) });
      if (result.ok) {
        const next = byDay(result.data.weekly);
        setDays(next);
        setSaved(JSON.stringify(next));
        toast.success(t('hoursSaved'));
        router.refresh();
        return;
      }
      const mapped: Record<string, string> = {};
      for (const [key, messages] of Object.entries(result.fieldErrors ?? {})) {
        const m = /^intervals\.(\d+)\./.exec(key);
        const at = m ? flat[Number(m[1])] : undefined;
        if (at) mapped[`${at.weekday}.${at.index}`] = isMessageKey(messages[0]) ? tAll(messages[0]) : messages[0];
      }
      setErrors(mapped);
      if (!Object.keys(mapped).length) toast.error(result.message);
    });

  return (
    <div className="grid gap-4">
      <Notice tone="info" data-testid="hours-note">
        {empty ? t('unrestricted') : canOverrideNote ? t('restricted') : t('restrictedOwn')}
      </Notice>
      <ul className="grid divide-y rounded-lg border" data-testid="weekly-hours">
        {WEEKDAYS.map((weekday) => {
          const day = days[weekday];
          const name = t(`weekdays.${weekday}`);
          return (
            <li key={weekday} className="grid gap-2 px-3 py-2.5 sm:grid-cols-[8rem_minmax(0,1fr)] sm:items-start" data-testid={`weekday-${weekday}`}>
              <span className="pt-2 text-sm font-medium">{name}</span>
              <div className="flex flex-wrap items-start gap-x-3 gap-y-2">
                {day.length === 0 && <span className="pt-2 text-sm text-muted-foreground">{t('notWorking')}</span>}
                {day.map((span, index) => {
                  const error = errors[`${weekday}.${index}`];
                  const id = `hours-${weekday}-${index}`;
                  const choices = (value: string, extra: string[]) => [...new Set([...QUARTERS, ...extra, value])].sort();
                  return (
                    <div key={index} className="grid basis-full gap-1">
                      <div className="flex flex-wrap items-center gap-2">
                        <label className="sr-only" htmlFor={`${id}-start`}>
                          {`${name}: ${t('from')}`}
                        </label>
                        <NativeSelect
                          id={`${id}-start`}
                          className="w-24 tabular-nums"
                          value={span.start}
                          aria-invalid={error ? true : undefined}
                          aria-describedby={error ? `${id}-error` : undefined}
                          onChange={(e) => update(weekday, (d) => d.map((s, i) => (i === index ? { ...s, start: e.target.value } : s)))}
                        >
                          {choices(span.start, []).map((v) => (
                            <NativeSelectOption key={v} value={v}>
                              {v}
                            </NativeSelectOption>
                          ))}
                        </NativeSelect>
                        <span aria-hidden className="text-muted-foreground">
                          –
                        </span>
                        <label className="sr-only" htmlFor={`${id}-end`}>
                          {`${name}: ${t('to')}`}
                        </label>
                        <NativeSelect
                          id={`${id}-end`}
                          className="w-24 tabular-nums"
                          value={span.end}
                          aria-invalid={error ? true : undefined}
                          aria-describedby={error ? `${id}-error` : undefined}
                          onChange={(e) => update(weekday, (d) => d.map((s, i) => (i === index ? { ...s, end: e.target.value } : s)))}
                        >
                          {choices(span.end, ['23:59']).map((v) => (
                            <NativeSelectOption key={v} value={v}>
                              {v}
                            </NativeSelectOption>
                          ))}
                        </NativeSelect>
                        <Button
                          type="button"
                          variant="ghost"
                          size="icon"
                          aria-label={t('removeInterval', { weekday: name, from: span.start, to: span.end })}
                          onClick={() => update(weekday, (d) => d.filter((_, i) => i !== index))}
                        >
                          <X className="size-4" aria-hidden />
                        </Button>
                      </div>
                      {error && (
                        <p id={`${id}-error`} role="alert" className="text-sm text-destructive">
                          {error}
                        </p>
                      )}
                    </div>
                  );
                })}
                <Button
                  type="button"
                  variant="ghost"
                  size="sm"
                  className="w-fit text-muted-foreground max-sm:-ml-2 sm:ml-auto"
                  aria-label={t('addIntervalFor', { weekday: name })}
                  onClick={() => update(weekday, (d) => [...d, nextSpan(d)])}
                >
                  <Plus className="size-4" aria-hidden /> {t('addInterval')}
                </Button>
              </div>
            </li>
          );
        })}
      </ul>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="button" onClick={save} disabled={pending || !dirty}>
          {t('saveHours')}
        </Button>
        {dirty && <span className="text-sm text-muted-foreground">{t('unsaved')}</span>}
      </div>
    </div>
  );
}
