import type { Metadata } from 'next';
import { Plus, Repeat } from 'lucide-react';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { EmptyState } from '@/components/list/empty-state';
import { PageHeader } from '@/components/list/page-header';
import { Button } from '@/components/ui/button';
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { requirePage } from '@/lib/auth/viewer';
import { listSeries } from '@/lib/series/queries';
import { formatCalendarDate } from '@/lib/time';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('series'))('seriesTitle') };
}

/** The school's weekly series: tutor, subject, weekday and time, term and how many lessons it holds. */
export default async function SeriesListPage() {
  const viewer = await requirePage('series.manage', 'admin');
  const [t, rows] = await Promise.all([getTranslations('series'), listSeries(viewer)]);
  const newButton = (
    <Button asChild>
      <Link href="/admin/series/new">
        <Plus className="size-4" aria-hidden />
        {t('newSeries')}
      </Link>
    </Button>
  );
  return (
    <div className="grid grid-cols-1 gap-6">
      <PageHeader title={t('seriesTitle')} description={t('seriesIntro')} actions={newButton} testId="series-title" />
      {rows.length === 0 ? (
        <EmptyState icon={<Repeat aria-hidden />} title={t('emptySeries')} body={t('emptySeriesHint')} action={newButton} />
      ) : (
        <Table containerClassName="max-h-[70vh] rounded-lg border" data-testid="series-table">
          <TableCaption className="sr-only">{t('seriesTitle')}</TableCaption>
          <TableHeader sticky>
            <TableRow>
              <TableHead>{t('colTutor')}</TableHead>
              <TableHead className="hidden sm:table-cell">{t('colSubject')}</TableHead>
              <TableHead>{t('colWhen')}</TableHead>
              <TableHead className="hidden md:table-cell">{t('colPlace')}</TableHead>
              <TableHead className="hidden sm:table-cell">{t('colTerm')}</TableHead>
              <TableHead className="text-right">{t('colLessons')}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((s) => (
              <TableRow key={s.id}>
                <TableCell className="font-medium">
                  <Link href={`/admin/series/${s.id}`} className="hover:underline focus-visible:underline">
                    {s.tutor}
                  </Link>
                  <div className="font-normal text-muted-foreground sm:hidden">{s.subject}</div>
                </TableCell>
                <TableCell className="hidden sm:table-cell">{s.subject}</TableCell>
                <TableCell className="whitespace-nowrap tabular-nums">
                  {s.weekdays.map((d) => t('weekdayShort', { day: String(d) })).join(', ')} {s.startTime}
                  <span className="hidden text-muted-foreground sm:inline"> · {s.durationMinutes} min</span>
                </TableCell>
                <TableCell className="hidden text-muted-foreground md:table-cell">{s.room ?? t('online')}</TableCell>
                <TableCell className="hidden whitespace-nowrap text-muted-foreground tabular-nums sm:table-cell">
                  {formatCalendarDate(s.firstDate)} – {formatCalendarDate(s.lastDate)}
                </TableCell>
                <TableCell className="text-right tabular-nums">{t('lessonsCount', { count: s.scheduled })}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </div>
  );
}
