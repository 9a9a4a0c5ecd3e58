import type { Metadata } from 'next';
import { ArrowLeft } from 'lucide-react';
import Link from '@/components/ui/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/list/page-header';
import { SeriesChangeDialog, SeriesEndDialog } from '@/components/series/series-detail-actions';
import { Badge } from '@/components/ui/badge';
import { requirePage } from '@/lib/auth/viewer';
import { listActiveRooms } from '@/lib/catalog/queries';
import { getSeries } from '@/lib/series/queries';
import { formatCalendarDate, formatDate, formatTimeRange, instantToZoned, todayIn } from '@/lib/time';
import { listActiveTutors } from '@/lib/tutors/queries';
import { RecordHistory } from '@/components/audit/record-history';

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const viewer = await requirePage('series.manage', 'admin');
  const series = await getSeries(viewer, (await params).id);
  return { title: series ? `${series.tutor} · ${series.subject}` : (await getTranslations('series'))('seriesTitle') };
}

/**
 * One series: its rule, students and lessons; change or end it from a date. `?from=2027-01-12`
 * opens "this and the following" from that date (the calendar's lesson dialog links here).
 */
export default async function SeriesPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requirePage('series.manage', 'admin');
  const series = await getSeries(viewer, (await params).id);
  if (!series) notFound();
  const [t, tutors, rooms] = await Promise.all([getTranslations('series'), listActiveTutors(viewer), listActiveRooms(viewer)]);
  const tz = viewer.timeZone;
  const today = todayIn(tz);
  const nextLesson = series.lessons.map((l) => ({ ...l, date: instantToZoned(l.during.start, tz).date })).find((l) => l.status === 'scheduled' && l.date >= today);
  const asked = (await searchParams).from;
  const fromAsked = typeof asked === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(asked) && asked >= today && asked <= series.lastDate ? asked : undefined;
  const fromDefault = fromAsked ?? nextLesson?.date ?? today;
  const editable = series.lastDate >= today;
  const statusBadge = (s: 'scheduled' | 'completed' | 'cancelled') =>
    s === 'cancelled' ? <Badge variant="outline">{t('statusCancelled')}</Badge> : s === 'completed' ? <Badge variant="success">{t('statusCompleted')}</Badge> : <Badge variant="secondary">{t('statusScheduled')}</Badge>;
  return (
    <div className="grid grid-cols-1 gap-6">
      <Link href="/admin/series" className="inline-flex w-fit items-center gap-1 text-sm text-muted-foreground hover:text-foreground">
        <ArrowLeft className="size-4" aria-hidden />
        {t('back')}
      </Link>
      <PageHeader
        title={`${series.tutor} · ${series.subject}`}
        description={`${series.weekdays.map((d) => t('weekdayLong', { day: String(d) })).join(', ')} ${series.startTime} · ${series.durationMinutes} min · ${series.room ?? t('online')} · ${formatCalendarDate(series.firstDate)} – ${formatCalendarDate(series.lastDate)}`}
        testId="series-detail-title"
        actions={
          editable ? (
            <>
              <SeriesChangeDialog
                series={{ id: series.id, tutorId: series.tutorId, roomId: series.roomId, meetingUrl: series.meetingUrl, weekdays: series.weekdays, startTime: series.startTime, durationMinutes: series.durationMinutes, lastDate: series.lastDate }}
                fromDefault={fromDefault}
                openAtStart={fromAsked !== undefined}
                today={today}
                tutors={tutors.map((x) => ({ id: x.id, name: x.name }))}
                rooms={rooms.map((r) => ({ id: r.id, name: r.name }))}
              />
              <SeriesEndDialog seriesId={series.id} fromDefault={fromDefault} today={today} lastDate={series.lastDate} />
            </>
          ) : undefined
        }
      />
      <section className="grid gap-2">
        <h2 className="text-sm font-medium text-muted-foreground">{t('detailStudents')}</h2>
        <p>{series.students.length ? series.students.map((s) => s.name).join(', ') : t('noStudents')}</p>
      </section>
      <section className="grid gap-2">
        <h2 className="text-sm font-medium text-muted-foreground">
          {t('detailLessons')} · {t('lessonsCount', { count: series.scheduled })}
        </h2>
        <ul className="grid gap-1 rounded-lg border p-2 sm:grid-cols-2 lg:grid-cols-3" data-testid="series-lessons">
          {series.lessons.map((l) => (
            <li key={l.id} className="flex min-h-9 items-center justify-between gap-2 rounded px-2 text-sm tabular-nums" data-status={l.status}>
              <span className={l.status === 'cancelled' ? 'text-muted-foreground line-through' : undefined}>
                {formatDate(l.during.start, tz)} {formatTimeRange(l.during.start, l.during.end, tz)}
              </span>
              {statusBadge(l.status)}
            </li>
          ))}
        </ul>
      </section>
      <RecordHistory viewer={viewer} entityType="lesson_series" entityId={series.id} />
    </div>
  );
}
