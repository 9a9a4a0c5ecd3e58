import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { RoleBadge, StatusBadge } from '@/components/accounts/badges';
import { loadListPage } from '@/components/list/list-page';
import { SearchTooLong } from '@/components/list/search-too-long';
import { Pagination } from '@/components/pagination';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { NativeSelect, NativeSelectOption } from '@/components/ui/native-select';
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { listUsers } from '@/lib/accounts/queries';
import { userListFilters } from '@/lib/accounts/schema';
import { requirePage } from '@/lib/auth/viewer';
import { formatDateTime } from '@/lib/time';
import { InviteDialog } from '../invite-dialog';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('accounts'))('title') };
}

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function UsersPage({ searchParams }: { searchParams: Search }) {
  const viewer = await requirePage('users.list', 'admin');
  const filters = userListFilters.parse(await searchParams);
  const [t, tr, { list, searchTooLong }] = await Promise.all([
    getTranslations('accounts'),
    getTranslations('roles'),
    loadListPage(filters, (f) => listUsers(viewer, f)),
  ]);
  const { rows, total, page, pageSize } = list;
  const hasFilters = Boolean(filters.q || filters.role || filters.status);
  return (
    <div className="mx-auto grid max-w-6xl grid-cols-1 gap-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div className="grid gap-1">
          <h1 className="text-2xl font-semibold tracking-tight">{t('title')}</h1>
          <p className="text-muted-foreground">{t('description')}</p>
        </div>
        <InviteDialog />
      </div>

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
        <div className="flex gap-2">
          <Button type="submit">{t('filter')}</Button>
          {hasFilters && (
            <Button variant="ghost" asChild>
              <Link href="/admin/users">{t('clear')}</Link>
            </Button>
          )}
        </div>
      </form>

      {searchTooLong && <SearchTooLong />}
      {rows.length === 0 ? (
        <div className="grid justify-items-center gap-2 rounded-lg border border-dashed px-6 py-12 text-center">
          <p className="font-medium">{t('emptyTitle')}</p>
          <p className="max-w-md text-sm text-muted-foreground">{t('emptyBody')}</p>
        </div>
      ) : (
        <div className="grid gap-3">
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
              {rows.map((u) => (
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
                  <TableCell className="whitespace-nowrap text-muted-foreground tabular-nums">
                    {u.lastLoginAt ? formatDateTime(u.lastLoginAt, viewer.timeZone) : t('never')}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <Pagination
            page={page}
            pageSize={pageSize}
            total={total}
            params={{ q: filters.q, role: filters.role, status: filters.status }}
            shown={rows.length}
          />
        </div>
      )}
    </div>
  );
}
