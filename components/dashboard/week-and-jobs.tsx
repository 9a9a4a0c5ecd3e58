import Link from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';
import { Badge } from '@/components/ui/badge';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import type { DashboardFigures } from '@/lib/dashboard/figures';
import { formatDate, formatDateTime, formatTimeRange } from '@/lib/time';

/** The school's next lessons and the latest automatic job runs, each a short list with the way to the whole. */
export async function WeekAndJobs({ figures, timeZone }: { figures: DashboardFigures; timeZone: string }) {
  const [t, tJobs] = await Promise.all([getTranslations('home.overview'), getTranslations('jobs')]);
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <Card>
        <CardHeader>
          <CardTitle>{t('upcoming')}</CardTitle>
          {figures.upcoming.length === 0 && <CardDescription>{t('upcomingEmpty')}</CardDescription>}
        </CardHeader>
        {figures.upcoming.length > 0 && (
          <CardContent className="grid gap-3">
            <ul className="divide-y rounded-md border text-sm" data-testid="upcoming-lessons">
              {figures.upcoming.map((l) => (
                <li key={l.id} className="grid grid-cols-[minmax(0,1fr)_auto] items-center gap-x-3 gap-y-0.5 px-3 py-2">
                  <span className="flex min-w-0 items-center gap-2 font-medium">
                    <span className="size-2.5 shrink-0 rounded-full" style={{ backgroundColor: l.color }} aria-hidden />
                    <span className="truncate">{l.subject}</span>
                  </span>
                  <span className="text-muted-foreground tabular-nums">{formatDate(l.start, timeZone)} {formatTimeRange(l.start, l.end, timeZone)}</span>
                  <span className="col-span-2 truncate text-muted-foreground">
                    {l.tutor} · {l.room ?? t('online')} · {t('studentsCount', { count: l.students })}
                  </span>
                </li>
              ))}
            </ul>
            <Link href="/admin/calendar" className="justify-self-end text-sm font-medium text-primary hover:underline">
              {t('openCalendar')} →
            </Link>
          </CardContent>
        )}
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>{t('jobRuns')}</CardTitle>
          {figures.jobRuns.length === 0 && <CardDescription>{t('jobRunsEmpty')}</CardDescription>}
        </CardHeader>
        {figures.jobRuns.length > 0 && (
          <CardContent className="grid gap-3">
            <ul className="divide-y rounded-md border text-sm" data-testid="job-runs">
              {figures.jobRuns.map((r) => (
                <li key={r.id} className="flex flex-wrap items-center justify-between gap-x-3 gap-y-1 px-3 py-2">
                  <span className="min-w-0 font-medium">{tJobs.has(`names.${r.job}`) ? tJobs(`names.${r.job}` as 'names.monthly-billing') : r.job}</span>
                  <span className="flex items-center gap-2 text-muted-foreground tabular-nums">
                    {formatDateTime(r.startedAt, timeZone)}
                    <Badge variant={r.status === 'failed' ? 'destructive' : r.status === 'running' ? 'secondary' : 'outline'}>{tJobs(`status.${r.status}`)}</Badge>
                  </span>
                </li>
              ))}
            </ul>
            <Link href="/admin/jobs" className="justify-self-end text-sm font-medium text-primary hover:underline">
              {t('openJobs')} →
            </Link>
          </CardContent>
        )}
      </Card>
    </div>
  );
}
