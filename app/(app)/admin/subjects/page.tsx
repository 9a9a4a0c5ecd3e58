import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { BookOpen, Download } from 'lucide-react';
import { getTranslations } from 'next-intl/server';
import { EmptyState } from '@/components/list/empty-state';
import { PageHeader } from '@/components/list/page-header';
import { SortHeader } from '@/components/list/sort-header';
import { Pagination } from '@/components/pagination';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { NativeSelect, NativeSelectOption } from '@/components/ui/native-select';
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { requirePage } from '@/lib/auth/viewer';
import { listSubjects } from '@/lib/catalog/queries';
import { subjectListFilters, type SubjectListFilters } from '@/lib/catalog/schema';
import { SubjectDialog } from './subject-dialog';
import { SubjectRowActions } from './subject-row-actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('catalog.subjects'))('title') };
}

type Search = Promise<Record<string, string | string[] | undefined>>;

/** The URL parameters of a view, defaults left out so links stay short. */
function filterParams(filters: SubjectListFilters): Record<string, string | undefined> {
  return {
    q: filters.q || undefined,
    status: filters.status === 'active' ? undefined : filters.status,
    sort: filters.sort === 'name' ? undefined : filters.sort,
    dir: filters.dir === 'asc' ? undefined : filters.dir,
  };
}

/** The school's subjects: search, active or archived, sortable, 25 a page, exportable. */
export default async function SubjectsPage({ searchParams }: { searchParams: Search }) {
  const viewer = await requirePage('records.manage', 'admin');
  const filters = subjectListFilters.parse(await searchParams);
  const [t, tr, { rows, total, page, pageSize }] = await Promise.all([getTranslations('catalog'), getTranslations('records'), listSubjects(viewer, filters)]);
  const params = filterParams(filters);
  const query = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => Boolean(e[1]))).toString();
  // A page past the end (the list shrank since the link was made): back to the first page.
  if (rows.length === 0 && total > 0) redirect(`/admin/subjects${query ? `?${query}` : ''}`);
  const hasFilters = Boolean(filters.q || filters.status !== 'active');
  const archived = filters.status === 'archived';

  return (
    <div className="mx-auto grid max-w-6xl grid-cols-1 gap-6">
      <PageHeader
        title={t('subjects.title')}
        description={t('subjects.description')}
        actions={
          <>
            <Button variant="outline" asChild>
              <a href={`/admin/subjects/export${query ? `?${query}` : ''}`} download>
                <Download className="size-4" aria-hidden /> {tr('export')}
              </a>
            </Button>
            <SubjectDialog />
          </>
        }
      />

      <form method="get" role="search" className="grid gap-3 rounded-lg border bg-card p-3 sm:grid-cols-[minmax(12rem,1fr)_12rem_auto] sm:items-end">
        <div className="grid gap-1.5">
          <Label htmlFor="q">{tr('search')}</Label>
          <Input id="q" name="q" type="search" defaultValue={filters.q} placeholder={t('subjects.searchPlaceholder')} autoComplete="off" />
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor="status">{t('status')}</Label>
          <NativeSelect id="status" name="status" defaultValue={filters.status}>
            <NativeSelectOption value="active">{t('filterActive')}</NativeSelectOption>
            <NativeSelectOption value="archived">{tr('showArchived')}</NativeSelectOption>
          </NativeSelect>
        </div>
        <div className="flex gap-2">
          {params.sort && <input type="hidden" name="sort" value={params.sort} />}
          {params.dir && <input type="hidden" name="dir" value={params.dir} />}
          <Button type="submit">{tr('filter')}</Button>
          {hasFilters && (
            <Button variant="ghost" asChild>
              <Link href="/admin/subjects">{tr('clear')}</Link>
            </Button>
          )}
        </div>
      </form>

      {rows.length === 0 ? (
        filters.q ? (
          <EmptyState
            icon={<BookOpen aria-hidden />}
            title={t('subjects.noMatchTitle')}
            body={t('noMatchBody')}
            action={
              <Button variant="outline" asChild>
                <Link href="/admin/subjects">{tr('clear')}</Link>
              </Button>
            }
          />
        ) : archived ? (
          <EmptyState icon={<BookOpen aria-hidden />} title={t('subjects.noArchivedTitle')} body={t('subjects.noArchivedBody')} />
        ) : (
          <EmptyState icon={<BookOpen aria-hidden />} title={t('subjects.emptyTitle')} body={t('subjects.emptyBody')} action={<SubjectDialog />} />
        )
      ) : (
        <div className="grid gap-3">
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
          <Pagination
            page={page}
            pageSize={pageSize}
            total={total}
            params={params}
            shown={rows.length}
          />
        </div>
      )}
    </div>
  );
}
