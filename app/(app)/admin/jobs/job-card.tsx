import Link from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';
import { Badge } from '@/components/ui/badge';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { NOTICE_DELAY_MINUTES } from '@/lib/messaging/rules';
import { countsInWords, hourLabel, JOB_EMAIL_KINDS, RUN_STALE_MINUTES, type JobSchedule } from '@/lib/jobs/describe';
import type { JobOverview, JobRunView, JobSettings } from '@/lib/jobs/queries';
import { formatDateTime } from '@/lib/time';
import { RunJobPanel } from './run-job-panel';

type T = Awaited<ReturnType<typeof getTranslations<'jobs'>>>;

// Colour is a second signal only: every badge says the status in words.
const statusVariant = { running: 'outline', succeeded: 'success', failed: 'destructive', stalled: 'warning' } as const satisfies Record<JobRunView['status'], string>;

function scheduleText(t: T, schedule: JobSchedule): string {
  const time = schedule.kind === 'daily' || schedule.kind === 'monthly' ? schedule.hours.map(hourLabel).join(', ') : '';
  switch (schedule.kind) {
    case 'hourly':
      return t('schedule.hourly');
    case 'daily':
      return t('schedule.daily', { time });
    case 'monthly':
      // One day in practice (the billing day); several are listed as "1, 15".
      return schedule.days.length === 1 ? t('schedule.monthly', { days: schedule.days[0], time }) : `${schedule.days.join(', ')}: ${time}`;
    case 'never':
      return t('schedule.never');
  }
}

function detailText(t: T, name: JobOverview['name'], s: JobSettings): string {
  switch (name) {
    case 'monthly-billing':
      return t('details.monthly-billing', { days: s.paymentTermDays });
    case 'overdue-check':
      return t('details.overdue-check');
    case 'payment-reminders':
      return t('details.payment-reminders', { days: s.paymentReminderDays });
    case 'makeup-expiry':
      return t('details.makeup-expiry', { days: s.makeupExpiryNoticeDays });
    case 'lesson-reminders':
      return t('details.lesson-reminders', { hours: s.lessonReminderHours });
    case 'message-notices':
      return t('details.message-notices', { minutes: NOTICE_DELAY_MINUTES });
    case 'data-retention':
      return t('details.data-retention', { ipDays: s.auditIpRetentionDays, bodyDays: s.outboxBodyRetentionDays });
  }
}

function triggerText(t: T, run: JobRunView): string {
  if (run.trigger === 'manual') return run.triggeredByName ? t('trigger.manualBy', { name: run.triggeredByName }) : t('trigger.manual');
  return t(`trigger.${run.trigger}`);
}

function durationText(t: T, run: JobRunView): string | null {
  if (!run.finishedAt) return null;
  const ms = run.finishedAt.getTime() - run.startedAt.getTime();
  return ms < 1000 ? t('runs.durationShort') : t('runs.duration', { seconds: Math.round(ms / 1000) });
}

/**
 * One job: what it does, when it runs for this school, the settings that shape it, "run now",
 * and its latest runs (start in the school's zone, how it was started, status, what it did or
 * why it failed). A run from the command line for another moment (`--at`) says which.
 */
export async function JobCard({ job, settings, canRun, month }: { job: JobOverview; settings: JobSettings; canRun: boolean; month: string }) {
  const t = await getTranslations('jobs');
  const { name, runs } = job;
  const label = t(`names.${name}`);
  const tz = settings.timeZone;
  const kindsOff = JOB_EMAIL_KINDS[name].filter((k) => settings.emailKindsOff.includes(k));

  const views = runs.map((run) => ({
    run,
    started: formatDateTime(run.startedAt, tz),
    // A command-line run for another moment (--at) says which; "run now" and the schedule act as of their start.
    otherMoment: Math.abs(run.forTime.getTime() - run.startedAt.getTime()) > 60_000 ? t('runs.forTime', { time: formatDateTime(run.forTime, tz) }) : null,
    duration: durationText(t, run),
    trigger: triggerText(t, run),
    status: <Badge variant={statusVariant[run.status]}>{t(`status.${run.status}`)}</Badge>,
    result:
      run.status === 'failed' ? (
        <span className="text-destructive">{run.error}</span>
      ) : run.status === 'stalled' ? (
        t('runs.stalled', { minutes: RUN_STALE_MINUTES })
      ) : run.status === 'succeeded' ? (
        countsInWords(t, run.counts)
      ) : null,
  }));

  const about = (
    <div className="grid gap-1 text-sm">
      <p>
        <span className="text-muted-foreground">{t('schedule.label')}: </span>
        <span className="font-medium" data-testid="job-schedule">
          {scheduleText(t, job.schedule)}
        </span>
      </p>
      <p className="text-muted-foreground">{detailText(t, name, settings)}</p>
      {kindsOff.length > 0 && (
        <p className="mt-1 rounded-md border border-warning/50 bg-warning/15 px-3 py-2" data-testid="job-kinds-off">
          {t('kindsOff', { kinds: kindsOff.map((k) => t(`emailKinds.${k}`)).join(', ') })}{' '}
          <Link href="/admin/settings#notifications" className="underline underline-offset-4">
            {t('changeSettings')}
          </Link>
        </p>
      )}
    </div>
  );

  return (
    <section aria-labelledby={`job-${name}-title`} data-testid={`job-${name}`}>
      <Card>
        <CardHeader>
          <CardTitle>
            <h2 id={`job-${name}-title`} className="text-lg">
              {label}
            </h2>
          </CardTitle>
          <CardDescription>{t(`what.${name}`)}</CardDescription>
        </CardHeader>
        <CardContent className="grid gap-5">
          {canRun ? (
            <RunJobPanel job={name} jobLabel={label} confirmBody={name === 'monthly-billing' ? t('run.confirmBilling', { month, day: settings.billingDay }) : t('run.confirmOther')}>
              {about}
            </RunJobPanel>
          ) : (
            about
          )}

          <div className="grid gap-2">
            <h3 className="text-sm font-medium">{t('runs.title')}</h3>
            {runs.length === 0 ? (
              <p className="rounded-md border border-dashed px-4 py-6 text-center text-sm text-muted-foreground" data-testid="job-runs-empty">
                {t('runs.empty')}
              </p>
            ) : (
              <>
                {/* On a phone each run is a short block, status and result first in view; from md up, a table row. */}
                <ol className="grid gap-2 md:hidden" aria-label={t('runs.caption', { job: label })} data-testid="job-runs-list">
                  {views.map((v) => (
                    <li key={v.run.id} className="grid gap-1 rounded-md border p-3 text-sm" data-testid="job-run-item" data-status={v.run.status}>
                      <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
                        {v.status}
                        <span className="tabular-nums">{v.started}</span>
                      </div>
                      <div className="text-xs text-muted-foreground">{[v.trigger, v.otherMoment, v.duration].filter(Boolean).join(' · ')}</div>
                      {v.result && <div>{v.result}</div>}
                    </li>
                  ))}
                </ol>
                <Table scrollLabel={t('runs.caption', { job: label })} containerClassName="hidden rounded-md border md:block" data-testid="job-runs">
                  <TableHeader>
                    <TableRow>
                      <TableHead>{t('runs.started')}</TableHead>
                      <TableHead>{t('runs.trigger')}</TableHead>
                      <TableHead>{t('runs.status')}</TableHead>
                      <TableHead>{t('runs.result')}</TableHead>
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {views.map((v) => (
                      <TableRow key={v.run.id} data-testid="job-run" data-status={v.run.status}>
                        <TableCell className="align-top">
                          <div className="tabular-nums">{v.started}</div>
                          {v.otherMoment && <div className="text-xs text-muted-foreground tabular-nums">{v.otherMoment}</div>}
                          {v.duration && <div className="text-xs text-muted-foreground">{v.duration}</div>}
                        </TableCell>
                        <TableCell className="align-top">{v.trigger}</TableCell>
                        <TableCell className="align-top">{v.status}</TableCell>
                        <TableCell className="min-w-56 align-top whitespace-normal" data-testid="job-run-result">
                          {v.result}
                        </TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              </>
            )}
          </div>
        </CardContent>
      </Card>
    </section>
  );
}
