import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { Users } from 'lucide-react';
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
import { listParents } from '@/lib/parents/queries';
import { billingTypes, parentListFilters } from '@/lib/parents/schema';
import { formatDate } from '@/lib/time';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('parents'))('title') };
}

type Search = Promise<Record<string, string | string[] | undefined>>;

const path = '/admin/parents';

export default async function ParentsPage({ searchParams }: { searchParams: Search }) {
  const viewer = await requirePage('records.manage', 'admin');
  const filters = parentListFilters.parse(await searchParams);
  const params = listParams(parentListFilters, filters);
  const [t, tr, list] = await Promise.all([getTranslations('parents'), getTranslations('records'), loadList(filters.page, () => listParents(viewer, filters), { path, params })]);
  const filtered = isFiltered(parentListFilters, filters);
  const sort = (column: string, label: string) => <SortHeader label={label} column={column} sort={filters.sort} dir={filters.dir} params={params} />;
  const addFamily = (
    <Button asChild>
      <Link href="/admin/students/new-family">
        <Users className="size-4" aria-hidden /> {t('addFamily')}
      </Link>
    </Button>
  );

  const filterBar = (
    <form method="get" role="search" className="grid gap-3 rounded-lg border bg-card p-3 md:grid-cols-[minmax(12rem,1fr)_auto_auto_auto] md:items-end">
      <div className="grid gap-1.5">
        <Label htmlFor="q">{tr('search')}</Label>
        <Input id="q" name="q" type="search" defaultValue={filters.q} placeholder={t('searchPlaceholder')} autoComplete="off" />
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor="status">{t('status')}</Label>
        <NativeSelect id="status" name="status" defaultValue={filters.status}>
          {(['active', 'archived'] as const).map((s) => (
            <NativeSelectOption key={s} value={s}>
              {t(`statusFilter.${s}`)}
            </NativeSelectOption>
          ))}
        </NativeSelect>
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor="billing">{t('billing')}</Label>
        <NativeSelect id="billing" name="billing" defaultValue={filters.billing ?? ''}>
          <NativeSelectOption value="">{t('billingFilter.all')}</NativeSelectOption>
          {billingTypes.map((b) => (
            <NativeSelectOption key={b} value={b}>
              {t(`billingFilter.${b}`)}
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
              {addFamily}
            </>
          }
        />
      }
      filters={filterBar}
      list={list}
      params={params}
      empty={
        <EmptyState
          icon={<Users aria-hidden />}
          title={filtered ? t('noMatchTitle') : t('emptyTitle')}
          body={filtered ? t('noMatchBody') : t('emptyBody')}
          action={!filtered && addFamily}
        />
      }
    >
      <Table containerClassName="rounded-lg border max-h-[70vh]" data-testid="parents-table">
        <TableCaption className="sr-only">{t('tableCaption')}</TableCaption>
        <TableHeader sticky>
          <TableRow>
            <TableHead>{sort('name', t('columns.name'))}</TableHead>
            <TableHead>{t('columns.phone')}</TableHead>
            <TableHead>{sort('children', t('columns.children'))}</TableHead>
            <TableHead>{t('columns.payer')}</TableHead>
            <TableHead className="hidden md:table-cell">{t('columns.company')}</TableHead>
            <TableHead className="hidden lg:table-cell">{sort('created', t('columns.created'))}</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {list.rows.map((p) => (
            <TableRow key={p.id}>
              <TableCell className="font-medium whitespace-nowrap">
                <Link href={`/admin/parents/${p.id}`} className="hover:underline focus-visible:underline">
                  {p.lastName} {p.firstName}
                </Link>
                {p.archivedAt && (
                  <Badge variant="secondary" className="ml-2">
                    {t('archivedBadge')}
                  </Badge>
                )}
                <div className="text-xs font-normal text-muted-foreground">{p.email}</div>
              </TableCell>
              <TableCell className="whitespace-nowrap text-muted-foreground tabular-nums">
                {p.phone ? (
                  <a href={`tel:${p.phone.replace(/[^\d+]/g, '')}`} className="hover:text-foreground hover:underline">
                    {p.phone}
                  </a>
                ) : (
                  tr('none')
                )}
              </TableCell>
              <TableCell className="min-w-40 text-sm">
                {p.children.length ? p.children.map((c) => c.name).join(', ') : <span className="text-muted-foreground">{t('childCount', { count: 0 })}</span>}
              </TableCell>
              <TableCell>{p.isPayer ? <Badge variant="success">{t('payerYes')}</Badge> : <span className="text-sm text-muted-foreground">{t('payerNo')}</span>}</TableCell>
              <TableCell className="hidden text-sm md:table-cell">{p.companyName ?? <span className="text-muted-foreground">{tr('none')}</span>}</TableCell>
              <TableCell className="hidden whitespace-nowrap text-muted-foreground tabular-nums lg:table-cell">{formatDate(p.createdAt, viewer.timeZone)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </ListFrame>
  );
}
