import Link from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';
import { ExportLink } from '@/components/list/export-link';
import { FilterActions } from '@/components/list/filter-actions';
import { EmptyState } from '@/components/list/empty-state';
import { ListFrame } from '@/components/list/list-frame';
import { PageHeader } from '@/components/list/page-header';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { NativeSelect, NativeSelectOption } from '@/components/ui/native-select';

type CatalogFilters = { q?: string; status: 'active' | 'archived'; sort: string; dir: 'asc' | 'desc' };

/**
 * The subjects and rooms lists around their tables: heading with export and "add", the search
 * and active/archived filter (in the URL), and the three empty states (no match, nothing
 * archived, nothing yet), in the shared list frame. Each page supplies only its table.
 */
export async function CatalogList({
  kind,
  icon,
  addButton,
  filters,
  params,
  list,
  children,
}: {
  kind: 'subjects' | 'rooms';
  icon: React.ReactNode;
  addButton: React.ReactNode;
  filters: CatalogFilters;
  /** The view's URL parameters (`listParams`). */
  params: Record<string, string | undefined>;
  list: { rows: unknown[]; total: number; page: number; pageSize: number; searchTooLong: boolean };
  /** The table of this page's rows. */
  children: React.ReactNode;
}) {
  const [t, tr] = await Promise.all([getTranslations('catalog'), getTranslations('records')]);
  const path = `/admin/${kind}`;

  return (
    <ListFrame
      header={
        <PageHeader
          title={t(`${kind}.title`)}
          description={t(`${kind}.description`)}
          actions={
            <>
              <ExportLink path={path} params={params} />
              {addButton}
            </>
          }
        />
      }
      filters={
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
          <FilterActions sort={filters.sort} dir={filters.dir} filtered={Boolean(filters.q || filters.status !== 'active')} clearHref={path} />
        </form>
      }
      list={list}
      params={params}
      empty={
        filters.q ? (
          <EmptyState
            icon={icon}
            title={t(`${kind}.noMatchTitle`)}
            body={t('noMatchBody')}
            action={
              <Button variant="outline" asChild>
                <Link href={path}>{tr('clear')}</Link>
              </Button>
            }
          />
        ) : filters.status === 'archived' ? (
          <EmptyState icon={icon} title={t(`${kind}.noArchivedTitle`)} body={t(`${kind}.noArchivedBody`)} />
        ) : (
          <EmptyState icon={icon} title={t(`${kind}.emptyTitle`)} body={t(`${kind}.emptyBody`)} action={addButton} />
        )
      }
    >
      {children}
    </ListFrame>
  );
}
