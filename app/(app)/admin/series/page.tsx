import type { Metadata } from 'next';
import { Plus, Repeat } from 'lucide-react';
import Link from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';
import { EmptyState } from '@/components/list/empty-state';
import { ListFrame } from '@/components/list/list-frame';
import { loadList } from '@/components/list/load-list';
import { PageHeader } from '@/components/list/page-header';
import { SeriesFilters } from '@/components/series/series-filters';
import { Button } from '@/components/ui/button';
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { requirePage } from '@/lib/auth/viewer';
import { listActiveSubjects } from '@/lib/catalog/queries';
import { isFiltered, listParams } from '@/lib/list/filters';
import { seriesListFilters } from '@/lib/series/list-filters';
import { listSeries } from '@/lib/series/queries';
import { formatCalendarDate } from '@/lib/time';
import { listActiveTutors } from '@/lib/tutors/queries';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('series'))('seriesTitle') };
}

type Search = Promise<Record<string, string | string[] | undefined>>;

/**
 * The school's weekly series, the most recently created first, 50 a page: tutor, subject,
 * students, weekday, time and place, term and how many lessons each holds. Filters (a
 * student's name, tutor, subject, weekday) live in the URL.
 */
export default async function SeriesListPage({ searchParams }: { searchParams: Search }) {
  const viewer = await requirePage('series.manage', 'admin');
  const filters = seriesListFilters.parse(await searchParams);
  const params = listParams(seriesListFilters, filters);
  const [t, list, tutors, subjects] = await Promise.all([
    getTranslations('series'),
    loadList(filters.page, () => listSeries(viewer, filters), { path: '/admin/series', params }),
    listActiveTutors(viewer),
    listActiveSubjects(viewer),
  ]);
  const filtered = isFiltered(seriesListFilters, filters);
  const newButton = (
    <Button asChild>
      <Link href="/admin/series/new">
        <Plus className="size-4" aria-hidden />
        {t('newSeries')}
      </Link>
    </Button>
  );
  return (
    <ListFrame
      header={<PageHeader title={t('seriesTitle')} description={t('seriesIntro')} actions={newButton} testId="series-title" />}
      filters={(list.total > 0 || filtered) && <SeriesFilters filters={filters} tutors={tutors.map((x) => ({ id: x.id, name: x.name }))} subjects={subjects} />}
      list={list}
      params={params}
      empty={
        filtered ? (
          <EmptyState icon={<Repeat aria-hidden />} title={t('noMatchTitle')} body={t('noMatchBody')} />
        ) : (
          <EmptyState icon={<Repeat aria-hidden />} title={t('emptySeries')} body={t('emptySeriesHint')} action={newButton} />
        )
      }
    >
      <Table containerClassName="rounded-lg border" data-testid="series-table">
        <TableCaption className="sr-only">
          {t('seriesTitle')}. {t('newestFirst')}
        </TableCaption>
        <TableHeader>
          <TableRow>
            <TableHead>{t('colTutor')}</TableHead>
            <TableHead className="hidden lg:table-cell">{t('colSubject')}</TableHead>
            <TableHead className="hidden md:table-cell">{t('colStudents')}</TableHead>
            <TableHead>
              {t('colWhen')}
              <span className="hidden sm:inline"> · {t('colPlace').toLowerCase()}</span>
            </TableHead>
            <TableHead className="hidden sm:table-cell">{t('colTerm')}</TableHead>
            <TableHead className="hidden text-right sm:table-cell">{t('colLessons')}</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {list.rows.map((s) => {
            const names = s.students.map((x) => x.name).join(', ');
            return (
              <TableRow key={s.id}>
                <TableCell className="max-w-[14rem] font-medium">
                  <Link href={`/admin/series/${s.id}`} className="hover:underline focus-visible:underline">
                    {s.tutor}
                  </Link>
                  <div className="truncate font-normal text-muted-foreground lg:hidden">{s.subject}</div>
                  <div className="truncate font-normal text-muted-foreground md:hidden" title={names || undefined}>
                    {names || t('noStudents')}
                  </div>
                </TableCell>
                <TableCell className="hidden lg:table-cell">{s.subject}</TableCell>
                <TableCell className="hidden max-w-[16rem] md:table-cell">
                  <span className={names ? 'block truncate' : 'block truncate text-muted-foreground'} title={names || undefined}>
                    {names || t('noStudents')}
                  </span>
                </TableCell>
                <TableCell className="whitespace-nowrap tabular-nums">
                  {s.weekdays.map((d) => t('weekdayShort', { day: String(d) })).join(', ')} {s.startTime}
                  <span className="hidden text-muted-foreground sm:inline"> · {s.durationMinutes} min</span>
                  <div className="text-muted-foreground">
                    <span className="sm:hidden">{t('lessonsCount', { count: s.scheduled })}</span>
                    <span className="hidden sm:inline">{s.room ?? t('online')}</span>
                  </div>
                </TableCell>
                <TableCell className="hidden whitespace-nowrap text-muted-foreground tabular-nums sm:table-cell">
                  {formatCalendarDate(s.firstDate)} – {formatCalendarDate(s.lastDate)}
                </TableCell>
                <TableCell className="hidden text-right whitespace-nowrap tabular-nums sm:table-cell">{t('lessonsCount', { count: s.scheduled })}</TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </ListFrame>
  );
}
