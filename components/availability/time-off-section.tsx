'use client';

import { CalendarOff } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { toast } from 'sonner';
import { EmptyState } from '@/components/list/empty-state';
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
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { FormField, fieldProps } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { addTimeOffAction, removeTimeOffAction } from '@/lib/availability/actions';
import { isMessageKey } from '@/lib/records/fields';
import { formatCalendarDate } from '@/lib/time';

type TimeOff = { id: string; firstDay: string; lastDay: string; reason: string | null };

const daysOf = (o: { firstDay: string; lastDay: string }) =>
  o.firstDay === o.lastDay ? formatCalendarDate(o.firstDay) : `${formatCalendarDate(o.firstDay)}–${formatCalendarDate(o.lastDay)}`;

/** Current and coming days off, each removable behind a confirmation, and a form to add more. */
export function TimeOffSection({ tutorId, timeOff, today }: { tutorId: string; timeOff: TimeOff[]; today: string }) {
  const t = useTranslations('availability');
  const tAll = useTranslations();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [form, setForm] = useState({ firstDay: '', lastDay: '', reason: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});

  const add = (e: React.FormEvent) => {
    e.preventDefault();
    startTransition(async () => {
      const result = await addTimeOffAction({ tutorId, firstDay: form.firstDay, lastDay: form.lastDay || form.firstDay, reason: form.reason });
      if (result.ok) {
        const days = daysOf(result.data);
        toast.success(t('timeOffAdded', { days }), result.data.lessonsPlanned ? { description: t('lessonsPlanned', { count: result.data.lessonsPlanned }) } : undefined);
        setForm({ firstDay: '', lastDay: '', reason: '' });
        setErrors({});
        router.refresh();
        return;
      }
      const mapped: Record<string, string> = {};
      for (const [key, messages] of Object.entries(result.fieldErrors ?? {})) mapped[key] = isMessageKey(messages[0]) ? tAll(messages[0]) : messages[0];
      setErrors(mapped);
      if (!Object.keys(mapped).some((k) => ['firstDay', 'lastDay', 'reason'].includes(k))) toast.error(result.message);
    });
  };

  const remove = (o: TimeOff) =>
    startTransition(async () => {
      const result = await removeTimeOffAction({ timeOffId: o.id });
      if (result.ok) {
        toast.success(t('timeOffRemoved', { days: daysOf(o) }));
        router.refresh();
      } else toast.error(result.message);
    });

  return (
    <div className="grid grid-cols-1 gap-4">
      {timeOff.length === 0 ? (
        <EmptyState icon={<CalendarOff />} title={t('timeOffTitle')} body={t('noTimeOff')} />
      ) : (
        <ul className="grid divide-y rounded-lg border" data-testid="time-off-list">
          {timeOff.map((o) => (
            <li key={o.id} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2">
              <div className="grid min-w-0 gap-0.5">
                <span className="flex flex-wrap items-center gap-2 text-sm font-medium tabular-nums">
                  {daysOf(o)}
                  {o.firstDay <= today && today <= o.lastDay && <Badge variant="warning">{t('now')}</Badge>}
                </span>
                {o.reason && <span className="text-sm break-words text-muted-foreground">{o.reason}</span>}
              </div>
              <AlertDialog>
                <AlertDialogTrigger asChild>
                  <Button variant="ghost" size="sm" disabled={pending} aria-label={t('removeTimeOffLabel', { days: daysOf(o) })}>
                    {t('removeTimeOff')}
                  </Button>
                </AlertDialogTrigger>
                <AlertDialogContent>
                  <AlertDialogHeader>
                    <AlertDialogTitle>{t('removeTimeOffTitle')}</AlertDialogTitle>
                    <AlertDialogDescription>{t('removeTimeOffBody', { days: daysOf(o) })}</AlertDialogDescription>
                  </AlertDialogHeader>
                  <AlertDialogFooter>
                    <AlertDialogCancel>{t('cancel')}</AlertDialogCancel>
                    <AlertDialogAction variant="destructive" onClick={() => remove(o)}>
                      {t('removeTimeOff')}
                    </AlertDialogAction>
                  </AlertDialogFooter>
                </AlertDialogContent>
              </AlertDialog>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={add} className="grid grid-cols-1 gap-3 rounded-lg border p-3 sm:grid-cols-2 sm:items-start" noValidate>
        <FormField id="timeoff-first" label={t('firstDay')} error={errors.firstDay} required>
          <Input
            {...fieldProps('timeoff-first', errors.firstDay)}
            type="date"
            min={today}
            value={form.firstDay}
            onChange={(e) => setForm((f) => ({ ...f, firstDay: e.target.value, lastDay: f.lastDay && f.lastDay >= e.target.value ? f.lastDay : e.target.value }))}
          />
        </FormField>
        <FormField id="timeoff-last" label={t('lastDay')} error={errors.lastDay}>
          <Input {...fieldProps('timeoff-last', errors.lastDay)} type="date" min={form.firstDay || today} value={form.lastDay} onChange={(e) => setForm((f) => ({ ...f, lastDay: e.target.value }))} />
        </FormField>
        <FormField id="timeoff-reason" label={t('reason')} error={errors.reason} className="sm:col-span-2">
          <Input {...fieldProps('timeoff-reason', errors.reason)} maxLength={200} value={form.reason} onChange={(e) => setForm((f) => ({ ...f, reason: e.target.value }))} />
        </FormField>
        <Button type="submit" disabled={pending} className="w-fit">
          {t('addTimeOff')}
        </Button>
      </form>
    </div>
  );
}
