import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';
import { RoleBadge, StatusBadge } from '@/components/accounts/badges';
import { EmptyState } from '@/components/list/empty-state';
import { FilterActions } from '@/components/list/filter-actions';
import { ListFrame } from '@/components/list/list-frame';
import { loadList } from '@/components/list/load-list';
import { PageHeader } from '@/components/list/page-header';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { NativeSelect, NativeSelectOption } from '@/components/ui/native-select';
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { listUsers } from '@/lib/accounts/queries';
import { userListFilters } from '@/lib/accounts/schema';
import { requirePage } from '@/lib/auth/viewer';
import { isFiltered, listParams } from '@/lib/list/filters';
import { formatDateTime } from '@/lib/time';
import { InviteDialog } from '../invite-dialog';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('accounts'))('title') };
}

type Search = Promise<Record<string, string | string[] | undefined>>;

const path = '/admin/users';

export default async function UsersPage({ searchParams }: { searchParams: Search }) {
  const viewer = await requirePage('users.list', 'admin');
  const filters = userListFilters.parse(await searchParams);
  const params = listParams(userListFilters, filters);
  const [t, tr, list] = await Promise.all([getTranslations('accounts'), getTranslations('roles'), loadList(filters.page, () => listUsers(viewer, filters), { path, params })]);
  const filterBar = (
    <form method="get" className="grid gap-3 rounded-lg border bg-card p-3 sm:grid-cols-[1fr_auto_auto_auto] sm:items-end" role="search">
      <div className="grid gap-1.5">
        <Label htmlFor="q">{t('search')}</Label>
        <Input id="q" name="q" type="search" defaultValue={filters.q} placeholder={t('searchPlaceholder')} />
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor="role">{t('role')}</Label>
        <NativeSelect id="role" name="role" defaultValue={filters.role ?? ''}>
          <NativeSelectOption value="">{t('allRoles')}</NativeSelectOption>
          {(['admin', 'tutor', 'student', 'parent'] as const).map((r) => (
            <NativeSelectOption key={r} value={r}>
              {tr(r)}
            </NativeSelectOption>
          ))}
        </NativeSelect>
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor="status">{t('status')}</Label>
        <NativeSelect id="status" name="status" defaultValue={filters.status ?? ''}>
          <NativeSelectOption value="">{t('allStatuses')}</NativeSelectOption>
          {(['active', 'invited', 'deactivated'] as const).map((s) => (
            <NativeSelectOption key={s} value={s}>
              {t(`statuses.${s}`)}
            </NativeSelectOption>
          ))}
        </NativeSelect>
      </div>
      <FilterActions filtered={isFiltered(userListFilters, filters)} clearHref={path} />
    </form>
  );

  return (
    <ListFrame
      header={<PageHeader title={t('title')} description={t('description')} actions={<InviteDialog />} />}
      filters={filterBar}
      list={list}
      params={params}
      empty={<EmptyState title={t('emptyTitle')} body={t('emptyBody')} />}
    >
      <Table containerClassName="rounded-lg border max-h-[70vh]" data-testid="users-table">
        <TableCaption className="sr-only">{t('tableCaption')}</TableCaption>
        <TableHeader sticky>
          <TableRow>
            <TableHead>{t('name')}</TableHead>
            <TableHead>{t('email')}</TableHead>
            <TableHead>{t('role')}</TableHead>
            <TableHead>{t('status')}</TableHead>
            <TableHead className="whitespace-nowrap">{t('lastSignIn')}</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {list.rows.map((u) => (
            <TableRow key={u.id}>
              <TableCell className="font-medium">
                <Link href={`/admin/users/${u.id}`} className="hover:underline focus-visible:underline">
                  {u.name}
                </Link>
              </TableCell>
              <TableCell className="text-muted-foreground">{u.email}</TableCell>
              <TableCell>
                <RoleBadge role={u.role} />
              </TableCell>
              <TableCell>
                <StatusBadge status={u.status} />
              </TableCell>
              <TableCell className="whitespace-nowrap text-muted-foreground tabular-nums">{u.lastLoginAt ? formatDateTime(u.lastLoginAt, viewer.timeZone) : t('never')}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </ListFrame>
  );
}
