import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { Presentation, UserPlus } from 'lucide-react';
import { getTranslations } from 'next-intl/server';
import { EmptyState } from '@/components/list/empty-state';
import { ExportLink } from '@/components/list/export-link';
import { FilterActions } from '@/components/list/filter-actions';
import { ListFrame } from '@/components/list/list-frame';
import { loadList } from '@/components/list/load-list';
import { PageHeader } from '@/components/list/page-header';
import { SortHeader } from '@/components/list/sort-header';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { NativeSelect, NativeSelectOption } from '@/components/ui/native-select';
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { requirePage } from '@/lib/auth/viewer';
import { isFiltered, listParams } from '@/lib/list/filters';
import { formatDate } from '@/lib/time';
import { listTutors, listTutorSubjectChoices } from '@/lib/tutors/queries';
import { tutorListFilters, tutorStatusFilters, type TutorStatus } from '@/lib/tutors/schema';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('tutors'))('title') };
}

type Search = Promise<Record<string, string | string[] | undefined>>;

const path = '/admin/tutors';

const statusVariant = { active: 'success', on_leave: 'warning', left: 'secondary' } as const;

export default async function TutorsPage({ searchParams }: { searchParams: Search }) {
  const viewer = await requirePage('records.manage', 'admin');
  const filters = tutorListFilters.parse(await searchParams);
  const params = listParams(tutorListFilters, filters);
  const [t, tr, list, subjects] = await Promise.all([
    getTranslations('tutors'),
    getTranslations('records'),
    loadList(filters.page, () => listTutors(viewer, filters), { path, params }),
    listTutorSubjectChoices(viewer, filters.subjectId ? [filters.subjectId] : []),
  ]);
  const filtered = isFiltered(tutorListFilters, filters);
  const sortProps = { sort: filters.sort, dir: filters.dir, params };

  const filterBar = (
    <form method="get" role="search" className="grid gap-3 rounded-lg border bg-card p-3 md:grid-cols-[minmax(12rem,1fr)_auto_auto_auto] md:items-end">
      <div className="grid gap-1.5">
        <Label htmlFor="q">{tr('search')}</Label>
        <Input id="q" name="q" type="search" defaultValue={filters.q} placeholder={t('searchPlaceholder')} autoComplete="off" />
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor="status">{tr('status')}</Label>
        <NativeSelect id="status" name="status" defaultValue={filters.status}>
          {tutorStatusFilters.map((s) => (
            <NativeSelectOption key={s} value={s}>
              {t(`statusFilter.${s}`)}
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
              {s.archived ? t('archivedSubject', { name: s.name }) : s.name}
            </NativeSelectOption>
          ))}
        </NativeSelect>
      </div>
      <FilterActions sort={filters.sort} dir={filters.dir} filtered={filtered} clearHref={path} />
    </form>
  );

  return (
    <ListFrame
      header={
        <PageHeader
          title={t('title')}
          description={t('description')}
          actions={
            <>
              <ExportLink path={path} params={params} />
              <Button asChild>
                <Link href="/admin/tutors/new">
                  <UserPlus className="size-4" aria-hidden /> {t('add')}
                </Link>
              </Button>
            </>
          }
        />
      }
      filters={filterBar}
      list={list}
      params={params}
      empty={
        <EmptyState
          icon={<Presentation aria-hidden />}
          title={filtered ? t('noMatchTitle') : t('emptyTitle')}
          body={filtered ? t('noMatchBody') : t('emptyBody')}
          action={
            filtered ? (
              <Button variant="outline" asChild>
                <Link href={path}>{tr('clear')}</Link>
              </Button>
            ) : (
              <Button asChild>
                <Link href="/admin/tutors/new">{t('add')}</Link>
              </Button>
            )
          }
        />
      }
    >
      <Table containerClassName="rounded-lg border max-h-[70vh]" data-testid="tutors-table">
        <TableCaption className="sr-only">{t('tableCaption')}</TableCaption>
        <TableHeader sticky>
          <TableRow>
            <TableHead>
              <SortHeader label={tr('name')} column="name" {...sortProps} />
            </TableHead>
            <TableHead>{t('contact')}</TableHead>
            <TableHead>{t('subjects')}</TableHead>
            <TableHead className="text-right">{t('students')}</TableHead>
            <TableHead>
              <SortHeader label={tr('status')} column="status" {...sortProps} />
            </TableHead>
            <TableHead className="whitespace-nowrap">
              <SortHeader label={t('added')} column="created" {...sortProps} />
            </TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {list.rows.map((row) => (
            <TableRow key={row.id}>
              <TableCell className="font-medium">
                <Link href={`/admin/tutors/${row.id}`} className="inline-flex items-center gap-2 whitespace-nowrap hover:underline focus-visible:underline">
                  <span className="size-2.5 shrink-0 rounded-full ring-1 ring-black/10 dark:ring-white/20" style={{ backgroundColor: row.color }} aria-hidden />
                  {row.lastName} {row.firstName}
                </Link>
              </TableCell>
              <TableCell className="text-muted-foreground">
                <div className="grid gap-0.5">
                  {row.email && <span className="break-all">{row.email}</span>}
                  {row.phone && <span className="whitespace-nowrap tabular-nums">{row.phone}</span>}
                  {!row.email && !row.phone && tr('none')}
                </div>
              </TableCell>
              <TableCell>
                {row.subjects.length ? (
                  <div className="flex max-w-72 flex-wrap gap-1">
                    {row.subjects.map((s) => (
                      <Badge key={s.subjectId} variant="outline" title={s.levels.map((l) => t(`levelNames.${l}`)).join(', ')}>
                        {s.name}
                      </Badge>
                    ))}
                  </div>
                ) : (
                  <span className="text-muted-foreground">{tr('none')}</span>
                )}
              </TableCell>
              <TableCell className="text-right tabular-nums">{row.studentCount}</TableCell>
              <TableCell>
                <StatusBadge status={row.status} label={t(`statuses.${row.status}`)} />
              </TableCell>
              <TableCell className="whitespace-nowrap text-muted-foreground tabular-nums">{formatDate(row.createdAt, viewer.timeZone)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </ListFrame>
  );
}

function StatusBadge({ status, label }: { status: TutorStatus; label: string }) {
  return <Badge variant={statusVariant[status]}>{label}</Badge>;
}
