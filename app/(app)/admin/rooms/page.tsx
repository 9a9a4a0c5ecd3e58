import type { Metadata } from 'next';
import { DoorOpen } from 'lucide-react';
import { getTranslations } from 'next-intl/server';
import { CatalogList } from '@/components/catalog/catalog-list';
import { loadList } from '@/components/list/load-list';
import { SortHeader } from '@/components/list/sort-header';
import { Badge } from '@/components/ui/badge';
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { requirePage } from '@/lib/auth/viewer';
import { listRooms } from '@/lib/catalog/queries';
import { roomListFilters } from '@/lib/catalog/schema';
import { listParams } from '@/lib/list/filters';
import { RoomDialog } from './room-dialog';
import { RoomRowActions } from './room-row-actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('catalog.rooms'))('title') };
}

type Search = Promise<Record<string, string | string[] | undefined>>;

/** The school's rooms: search, active or archived, sortable, 25 a page, exportable. */
export default async function RoomsPage({ searchParams }: { searchParams: Search }) {
  const viewer = await requirePage('records.manage', 'admin');
  const filters = roomListFilters.parse(await searchParams);
  const params = listParams(roomListFilters, filters);
  const [t, list] = await Promise.all([getTranslations('catalog'), loadList(filters.page, () => listRooms(viewer, filters), { path: '/admin/rooms', params })]);
  const { rows } = list;

  return (
    <CatalogList kind="rooms" icon={<DoorOpen aria-hidden />} addButton={<RoomDialog />} filters={filters} params={params} list={list}>
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
    </CatalogList>
  );
}
