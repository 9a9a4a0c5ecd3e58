import { getTranslations } from 'next-intl/server';
import { FilterActions } from '@/components/list/filter-actions';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { NativeSelect, NativeSelectOption } from '@/components/ui/native-select';
import { isFiltered } from '@/lib/list/filters';
import { seriesListFilters, type SeriesListFilters } from '@/lib/series/list-filters';

const capitalize = (s: string) => s.charAt(0).toLocaleUpperCase('pl') + s.slice(1);

/** The series filter bar: a plain GET form, so every view is a URL that can be bookmarked. */
export async function SeriesFilters({
  filters,
  tutors,
  subjects,
}: {
  filters: SeriesListFilters;
  tutors: { id: string; name: string }[];
  subjects: { id: string; name: string }[];
}) {
  const t = await getTranslations('series');
  return (
    <form method="get" role="search" className="grid grid-cols-2 gap-3 rounded-lg border bg-card p-3 lg:grid-cols-[minmax(12rem,1fr)_repeat(3,minmax(9rem,auto))_auto] lg:items-end">
      <div className="col-span-2 grid gap-1.5 lg:col-span-1">
        <Label htmlFor="series-q">{t('filterSearch')}</Label>
        <Input id="series-q" name="q" type="search" defaultValue={filters.q} placeholder={t('filterSearchPlaceholder')} autoComplete="off" />
      </div>
      <div className="col-span-2 grid gap-1.5 sm:col-span-1">
        <Label htmlFor="series-filter-tutor">{t('filterTutor')}</Label>
        <NativeSelect id="series-filter-tutor" name="tutorId" defaultValue={filters.tutorId ?? ''}>
          <NativeSelectOption value="">{t('allTutors')}</NativeSelectOption>
          {tutors.map((x) => (
            <NativeSelectOption key={x.id} value={x.id}>
              {x.name}
            </NativeSelectOption>
          ))}
        </NativeSelect>
      </div>
      <div className="grid min-w-0 gap-1.5">
        <Label htmlFor="series-filter-subject">{t('filterSubject')}</Label>
        <NativeSelect id="series-filter-subject" name="subjectId" defaultValue={filters.subjectId ?? ''}>
          <NativeSelectOption value="">{t('allSubjects')}</NativeSelectOption>
          {subjects.map((x) => (
            <NativeSelectOption key={x.id} value={x.id}>
              {x.name}
            </NativeSelectOption>
          ))}
        </NativeSelect>
      </div>
      <div className="grid min-w-0 gap-1.5">
        <Label htmlFor="series-filter-weekday">{t('filterWeekday')}</Label>
        <NativeSelect id="series-filter-weekday" name="weekday" defaultValue={filters.weekday ? String(filters.weekday) : ''}>
          <NativeSelectOption value="">{t('allWeekdays')}</NativeSelectOption>
          {[1, 2, 3, 4, 5, 6, 7].map((d) => (
            <NativeSelectOption key={d} value={String(d)}>
              {capitalize(t('weekdayLong', { day: String(d) }))}
            </NativeSelectOption>
          ))}
        </NativeSelect>
      </div>
      <FilterActions filtered={isFiltered(seriesListFilters, filters)} clearHref="/admin/series" />
    </form>
  );
}
