import { Inbox } from 'lucide-react';
import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';
import { EmptyState } from '@/components/list/empty-state';
import { ListFrame } from '@/components/list/list-frame';
import { loadList } from '@/components/list/load-list';
import { PageHeader } from '@/components/list/page-header';
import { OutboxStatusBadge } from '@/components/email/outbox-status-badge';
import { Button } from '@/components/ui/button';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { NativeSelect, NativeSelectOption } from '@/components/ui/native-select';
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { requirePage } from '@/lib/auth/viewer';
import { listOutbox, outboxListFilters, outboxStatuses } from '@/lib/email/queries';
import { isFiltered, listParams } from '@/lib/list/filters';
import { formatDateTime } from '@/lib/time';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('outbox'))('title') };
}

type Search = Promise<Record<string, string | string[] | undefined>>;

const path = '/admin/outbox';

/** The school's outbox: filters live in the URL so a view can be bookmarked and shared. */
export default async function OutboxPage({ searchParams }: { searchParams: Search }) {
  const viewer = await requirePage('outbox.read', 'admin');
  const filters = outboxListFilters.parse(await searchParams);
  const params = listParams(outboxListFilters, filters);
  const [t, list] = await Promise.all([getTranslations('outbox'), loadList(filters.page, () => listOutbox(viewer, filters), { path, params })]);
  const { timeZone } = viewer;
  const filtered = isFiltered(outboxListFilters, filters);
  const clear = (
    <Button variant="ghost" asChild>
      <Link href={path}>{t('filters.clear')}</Link>
    </Button>
  );

  const filterBar = (
    <form method="get" action={path} role="search" aria-label={t('filters.label')} className="grid gap-3 sm:grid-cols-[minmax(0,1fr)_14rem_auto] sm:items-end">
      <FormField id="q" label={t('filters.search')}>
        <Input id="q" name="q" type="search" defaultValue={filters.q} placeholder={t('filters.searchPlaceholder')} autoComplete="off" />
      </FormField>
      <FormField id="status" label={t('filters.status')}>
        <NativeSelect id="status" name="status" defaultValue={filters.status ?? ''}>
          <NativeSelectOption value="">{t('filters.allStatuses')}</NativeSelectOption>
          {outboxStatuses.map((s) => (
            <NativeSelectOption key={s} value={s}>
              {t(`status.${s}`)}
            </NativeSelectOption>
          ))}
        </NativeSelect>
      </FormField>
      <div className="flex flex-wrap gap-2">
        <Button type="submit">{t('filters.apply')}</Button>
        {filtered && clear}
      </div>
    </form>
  );

  return (
    <ListFrame
      header={<PageHeader title={t('title')} description={t('description')} />}
      filters={filterBar}
      list={list}
      params={params}
      empty={
        <EmptyState
          icon={<Inbox aria-hidden />}
          title={filtered ? t('empty.noMatchesTitle') : t('empty.title')}
          body={filtered ? t('empty.noMatchesBody') : t('empty.body')}
          action={
            filtered && (
              <Button variant="outline" size="sm" asChild>
                <Link href={path}>{t('filters.clear')}</Link>
              </Button>
            )
          }
        />
      }
    >
      {/* The container scrolls (both ways on a phone); the header stays in view. */}
      <Table containerClassName="max-h-[70vh] rounded-lg border">
        <TableCaption className="sr-only">{t('table.caption')}</TableCaption>
        <TableHeader sticky>
          <TableRow>
            <TableHead className="px-3">{t('table.to')}</TableHead>
            <TableHead className="px-3">{t('table.subject')}</TableHead>
            <TableHead className="px-3">{t('table.template')}</TableHead>
            <TableHead className="px-3">{t('table.status')}</TableHead>
            <TableHead className="px-3 text-right">{t('table.time')}</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {list.rows.map((row) => (
            // The subject link stretches over the whole row, so any cell opens the message.
            <TableRow key={row.id} className="relative">
              <TableCell className="px-3">
                <span className="block max-w-64 truncate" title={row.toAddress}>
                  {row.toAddress}
                </span>
              </TableCell>
              <TableCell className="px-3">
                <Link
                  href={`/admin/outbox/${row.id}`}
                  title={row.subject}
                  className="block max-w-80 truncate font-medium outline-none after:absolute after:inset-0 after:rounded-sm hover:underline focus-visible:after:ring-[3px] focus-visible:after:ring-ring/50"
                >
                  {row.subject}
                </Link>
              </TableCell>
              <TableCell className="px-3 font-mono text-xs text-muted-foreground">{row.template}</TableCell>
              <TableCell className="px-3">
                <OutboxStatusBadge status={row.status} />
              </TableCell>
              <TableCell className="px-3 text-right text-muted-foreground tabular-nums">
                <time dateTime={row.createdAt.toISOString()}>{formatDateTime(row.createdAt, timeZone)}</time>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </ListFrame>
  );
}
