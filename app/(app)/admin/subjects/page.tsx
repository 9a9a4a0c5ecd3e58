import type { Metadata } from 'next';
import { BookOpen } from 'lucide-react';
import { getTranslations } from 'next-intl/server';
import { SubjectPriceCell } from '@/components/billing/subject-price-cell';
import { CatalogList } from '@/components/catalog/catalog-list';
import { loadList } from '@/components/list/load-list';
import { SortHeader } from '@/components/list/sort-header';
import { Badge } from '@/components/ui/badge';
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { requirePage } from '@/lib/auth/viewer';
import { subjectPricesOf } from '@/lib/billing/prices';
import { listSubjects } from '@/lib/catalog/queries';
import { subjectListFilters } from '@/lib/catalog/schema';
import { listParams } from '@/lib/list/filters';
import { SubjectDialog } from './subject-dialog';
import { SubjectRowActions } from './subject-row-actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('catalog.subjects'))('title') };
}

type Search = Promise<Record<string, string | string[] | undefined>>;

/** The school's subjects: search, active or archived, sortable, 25 a page, exportable. */
export default async function SubjectsPage({ searchParams }: { searchParams: Search }) {
  const viewer = await requirePage('records.manage', 'admin');
  const filters = subjectListFilters.parse(await searchParams);
  const params = listParams(subjectListFilters, filters);
  const [t, list] = await Promise.all([getTranslations('catalog'), loadList(filters.page, () => listSubjects(viewer, filters), { path: '/admin/subjects', params })]);
  const { rows } = list;
  const [tb, prices] = await Promise.all([getTranslations('billing.prices'), subjectPricesOf(viewer, rows.map((s) => s.id))]);

  return (
    <CatalogList kind="subjects" icon={<BookOpen aria-hidden />} addButton={<SubjectDialog />} filters={filters} params={params} list={list}>
      <Table containerClassName="max-h-[70vh] rounded-lg border" data-testid="subjects-table">
        <TableCaption className="sr-only">{t('subjects.tableCaption')}</TableCaption>
        <TableHeader sticky>
          <TableRow>
            <TableHead>
              <SortHeader label={t('subjects.name')} column="name" sort={filters.sort} dir={filters.dir} params={params} />
            </TableHead>
            <TableHead>{t('subjects.levels')}</TableHead>
            <TableHead>
              <SortHeader label={t('subjects.length')} column="duration" sort={filters.sort} dir={filters.dir} params={params} />
            </TableHead>
            <TableHead className="text-right">{tb('column')}</TableHead>
            <TableHead className="text-right">{t('subjects.students')}</TableHead>
            <TableHead className="text-right">{t('subjects.tutors')}</TableHead>
            <TableHead>{t('status')}</TableHead>
            <TableHead className="w-12">
              <span className="sr-only">{t('actions')}</span>
            </TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((s) => (
            <TableRow key={s.id}>
              <TableCell className="font-medium">
                <span className="flex items-center gap-2">
                  <span className="size-3 shrink-0 rounded-full border border-black/10 dark:border-white/20" style={{ backgroundColor: s.color }} aria-hidden />
                  {s.name}
                </span>
              </TableCell>
              <TableCell>
                <span className="flex flex-wrap gap-1">
                  {s.levels.map((l) => (
                    <Badge key={l} variant="outline">
                      {t(`levels.${l}`)}
                    </Badge>
                  ))}
                </span>
              </TableCell>
              <TableCell className="text-muted-foreground tabular-nums">{t('minutes', { count: s.defaultDurationMin })}</TableCell>
              <TableCell className="py-1 text-right">
                <SubjectPriceCell subjectId={s.id} subject={s.name} price={prices.get(s.id) ?? null} />
              </TableCell>
              <TableCell className="text-right tabular-nums">{s.studentCount}</TableCell>
              <TableCell className="text-right tabular-nums">{s.tutorCount}</TableCell>
              <TableCell>
                {s.archivedAt ? <Badge variant="secondary">{t('subjects.statusArchived')}</Badge> : <Badge variant="success">{t('subjects.statusActive')}</Badge>}
              </TableCell>
              <TableCell className="text-right">
                <SubjectRowActions
                  subject={{
                    id: s.id,
                    name: s.name,
                    levels: s.levels,
                    defaultDurationMin: s.defaultDurationMin,
                    color: s.color,
                    isArchived: Boolean(s.archivedAt),
                    studentCount: s.studentCount,
                    tutorCount: s.tutorCount,
                  }}
                />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </CatalogList>
  );
}
