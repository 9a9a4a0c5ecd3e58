import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { DoorOpen, Download } from 'lucide-react';
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
import { listRooms } from '@/lib/catalog/queries';
import { roomListFilters, type RoomListFilters } from '@/lib/catalog/schema';
import { RoomDialog } from './room-dialog';
import { RoomRowActions } from './room-row-actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('catalog.rooms'))('title') };
}

type Search = Promise<Record<string, string | string[] | undefined>>;

/** The URL parameters of a view, defaults left out so links stay short. */
function filterParams(filters: RoomListFilters): Record<string, string | undefined> {
  return {
    q: filters.q || undefined,
    status: filters.status === 'active' ? undefined : filters.status,
    sort: filters.sort === 'name' ? undefined : filters.sort,
    dir: filters.dir === 'asc' ? undefined : filters.dir,
  };
}

/** The school's rooms: search, active or archived, sortable, 25 a page, exportable. */
export default async function RoomsPage({ searchParams }: { searchParams: Search }) {
  const viewer = await requirePage('records.manage', 'admin');
  const filters = roomListFilters.parse(await searchParams);
  const [t, tr, { rows, total, page, pageSize }] = await Promise.all([getTranslations('catalog'), getTranslations('records'), listRooms(viewer, filters)]);
  const params = filterParams(filters);
  const query = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => Boolean(e[1]))).toString();
  // A page past the end (the list shrank since the link was made): back to the first page.
  if (rows.length === 0 && total > 0) redirect(`/admin/rooms${query ? `?${query}` : ''}`);
  const hasFilters = Boolean(filters.q || filters.status !== 'active');
  const archived = filters.status === 'archived';

  return (
    <div className="mx-auto grid max-w-6xl grid-cols-1 gap-6">
      <PageHeader
        title={t('rooms.title')}
        description={t('rooms.description')}
        actions={
          <>
            <Button variant="outline" asChild>
              <a href={`/admin/rooms/export${query ? `?${query}` : ''}`} download>
                <Download className="size-4" aria-hidden /> {tr('export')}
              </a>
            </Button>
            <RoomDialog />
          </>
        }
      />

      <form method="get" role="search" className="grid gap-3 rounded-lg border bg-card p-3 sm:grid-cols-[minmax(12rem,1fr)_12rem_auto] sm:items-end">
        <div className="grid gap-1.5">
          <Label htmlFor="q">{tr('search')}</Label>
          <Input id="q" name="q" type="search" defaultValue={filters.q} placeholder={t('rooms.searchPlaceholder')} autoComplete="off" />
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
              <Link href="/admin/rooms">{tr('clear')}</Link>
            </Button>
          )}
        </div>
      </form>

      {rows.length === 0 ? (
        filters.q ? (
          <EmptyState
            icon={<DoorOpen aria-hidden />}
            title={t('rooms.noMatchTitle')}
            body={t('noMatchBody')}
            action={
              <Button variant="outline" asChild>
                <Link href="/admin/rooms">{tr('clear')}</Link>
              </Button>
            }
          />
        ) : archived ? (
          <EmptyState icon={<DoorOpen aria-hidden />} title={t('rooms.noArchivedTitle')} body={t('rooms.noArchivedBody')} />
        ) : (
          <EmptyState icon={<DoorOpen aria-hidden />} title={t('rooms.emptyTitle')} body={t('rooms.emptyBody')} action={<RoomDialog />} />
        )
      ) : (
        <div className="grid gap-3">
          <Table containerClassName="max-h-[70vh] rounded-lg border" data-testid="rooms-table">
            <TableCaption className="sr-only">{t('rooms.tableCaption')}</TableCaption>
            <TableHeader sticky>
              <TableRow>
                <TableHead>
                  <SortHeader label={t('rooms.name')} column="name" sort={filters.sort} dir={filters.dir} params={params} />
                </TableHead>
                <TableHead>
                  <SortHeader label={t('rooms.capacity')} column="capacity" sort={filters.sort} dir={filters.dir} params={params} />
                </TableHead>
                <TableHead>{t('status')}</TableHead>
                <TableHead className="w-12">
                  <span className="sr-only">{t('actions')}</span>
                </TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((r) => (
                <TableRow key={r.id}>
                  <TableCell className="font-medium">{r.name}</TableCell>
                  <TableCell className="text-muted-foreground tabular-nums">{t('people', { count: r.capacity })}</TableCell>
                  <TableCell>{r.isActive ? <Badge variant="success">{t('rooms.statusActive')}</Badge> : <Badge variant="secondary">{t('rooms.statusArchived')}</Badge>}</TableCell>
                  <TableCell className="text-right">
                    <RoomRowActions room={{ id: r.id, name: r.name, capacity: r.capacity, isArchived: !r.isActive }} />
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
