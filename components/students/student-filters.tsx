import { getTranslations } from 'next-intl/server';
import { FilterActions } from '@/components/list/filter-actions';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { NativeSelect, NativeSelectOption } from '@/components/ui/native-select';
import { STUDENT_LEVELS } from '@/lib/students/levels';
import { isFiltered } from '@/lib/list/filters';
import { studentListFilters, type StudentListFilters } from '@/lib/students/schema';

/** The students filter bar: a plain GET form, so every view is a URL that can be bookmarked. */
export async function StudentFilters({
  filters,
  subjects,
  tutors,
  basePath,
}: {
  filters: StudentListFilters;
  subjects: { id: string; name: string }[];
  tutors?: { id: string; name: string }[];
  basePath: string;
}) {
  const [t, tr] = await Promise.all([getTranslations('students'), getTranslations('records')]);
  return (
    <form method="get" role="search" className="grid gap-3 rounded-lg border bg-card p-3 md:grid-cols-[minmax(12rem,1fr)_repeat(4,auto)_auto] md:items-end">
      <div className="grid gap-1.5">
        <Label htmlFor="q">{tr('search')}</Label>
        <Input id="q" name="q" type="search" defaultValue={filters.q} placeholder={t('searchPlaceholder')} autoComplete="off" />
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor="status">{tr('status')}</Label>
        <NativeSelect id="status" name="status" defaultValue={filters.status}>
          {(['current', 'active', 'paused', 'archived', 'all'] as const).map((s) => (
            <NativeSelectOption key={s} value={s}>
              {t(`statusFilter.${s}`)}
            </NativeSelectOption>
          ))}
        </NativeSelect>
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor="level">{t('level')}</Label>
        <NativeSelect id="level" name="level" defaultValue={filters.level ?? ''}>
          <NativeSelectOption value="">{t('allLevels')}</NativeSelectOption>
          {STUDENT_LEVELS.map((l) => (
            <NativeSelectOption key={l} value={l}>
              {t(`levels.${l}`)}
            </NativeSelectOption>
          ))}
        </NativeSelect>
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor="subjectId">{t('subject')}</Label>
        <NativeSelect id="subjectId" name="subjectId" defaultValue={filters.subjectId ?? ''}>
          <NativeSelectOption value="">{t('allSubjects')}</NativeSelectOption>
          {subjects.map((s) => (
            <NativeSelectOption key={s.id} value={s.id}>
              {s.name}
            </NativeSelectOption>
          ))}
        </NativeSelect>
      </div>
      {tutors ? (
        <div className="grid gap-1.5">
          <Label htmlFor="tutorId">{t('tutor')}</Label>
          <NativeSelect id="tutorId" name="tutorId" defaultValue={filters.tutorId ?? ''}>
            <NativeSelectOption value="">{t('allTutors')}</NativeSelectOption>
            {tutors.map((s) => (
              <NativeSelectOption key={s.id} value={s.id}>
                {s.name}
              </NativeSelectOption>
            ))}
          </NativeSelect>
        </div>
      ) : (
        <span className="hidden md:block" />
      )}
      <FilterActions sort={filters.sort} dir={filters.dir} filtered={isFiltered(studentListFilters, filters)} clearHref={basePath} />
    </form>
  );
}
