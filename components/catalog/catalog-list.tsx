import Link from 'next/link';
import { Download } from 'lucide-react';
import { getTranslations } from 'next-intl/server';
import { FilterActions } from '@/components/list/filter-actions';
import { EmptyState } from '@/components/list/empty-state';
import { PageHeader } from '@/components/list/page-header';
import { SearchTooLong } from '@/components/list/search-too-long';
import { Pagination } from '@/components/pagination';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { NativeSelect, NativeSelectOption } from '@/components/ui/native-select';

type CatalogFilters = { q?: string; status: 'active' | 'archived'; sort: string; dir: 'asc' | 'desc' };

/** The URL parameters of a view, defaults left out so links stay short. */
export function catalogFilterParams(filters: CatalogFilters): Record<string, string | undefined> {
  return {
    q: filters.q || undefined,
    status: filters.status === 'active' ? undefined : filters.status,
    sort: filters.sort === 'name' ? undefined : filters.sort,
    dir: filters.dir === 'asc' ? undefined : filters.dir,
  };
}

/**
 * The frame shared by the subjects and rooms lists: heading with export and "add", the search
 * and active/archived filter (in the URL), the three empty states, the table and pagination.
 * Each page supplies only its table.
 */
export async function CatalogList({
  kind,
  icon,
  addButton,
  filters,
  list,
  children,
}: {
  kind: 'subjects' | 'rooms';
  icon: React.ReactNode;
  addButton: React.ReactNode;
  filters: CatalogFilters;
  list: { total: number; page: number; pageSize: number; shown: number; searchTooLong?: boolean };
  /** The table of this page's rows. */
  children: React.ReactNode;
}) {
  const [t, tr] = await Promise.all([getTranslations('catalog'), getTranslations('records')]);
  const basePath = `/admin/${kind}`;
  const params = catalogFilterParams(filters);
  const query = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => Boolean(e[1]))).toString();

  return (
    <div className="mx-auto grid max-w-6xl grid-cols-1 gap-6">
      <PageHeader
        title={t(`${kind}.title`)}
        description={t(`${kind}.description`)}
        actions={
          <>
            <Button variant="outline" asChild>
              <a href={`${basePath}/export${query ? `?${query}` : ''}`} download>
                <Download className="size-4" aria-hidden /> {tr('export')}
              </a>
            </Button>
            {addButton}
          </>
        }
      />

      <form method="get" role="search" className="grid gap-3 rounded-lg border bg-card p-3 sm:grid-cols-[minmax(12rem,1fr)_12rem_auto] sm:items-end">
        <div className="grid gap-1.5">
          <Label htmlFor="q">{tr('search')}</Label>
          <Input id="q" name="q" type="search" defaultValue={filters.q} placeholder={t(`${kind}.searchPlaceholder`)} autoComplete="off" />
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor="status">{t('status')}</Label>
          <NativeSelect id="status" name="status" defaultValue={filters.status}>
            <NativeSelectOption value="active">{t('filterActive')}</NativeSelectOption>
            <NativeSelectOption value="archived">{tr('showArchived')}</NativeSelectOption>
          </NativeSelect>
        </div>
        <FilterActions sort={filters.sort} dir={filters.dir} filtered={Boolean(filters.q || filters.status !== 'active')} clearHref={basePath} />
      </form>
      {list.searchTooLong && <SearchTooLong />}

      {list.shown === 0 ? (
        filters.q ? (
          <EmptyState
            icon={icon}
            title={t(`${kind}.noMatchTitle`)}
            body={t('noMatchBody')}
            action={
              <Button variant="outline" asChild>
                <Link href={basePath}>{tr('clear')}</Link>
              </Button>
            }
          />
        ) : filters.status === 'archived' ? (
          <EmptyState icon={icon} title={t(`${kind}.noArchivedTitle`)} body={t(`${kind}.noArchivedBody`)} />
        ) : (
          <EmptyState icon={icon} title={t(`${kind}.emptyTitle`)} body={t(`${kind}.emptyBody`)} action={addButton} />
        )
      ) : (
        <div className="grid gap-3">
          {children}
          <Pagination page={list.page} pageSize={list.pageSize} total={list.total} params={params} shown={list.shown} />
        </div>
      )}
    </div>
  );
}
