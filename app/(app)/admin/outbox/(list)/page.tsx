import { Inbox } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { loadListPage } from '@/components/list/list-page';
import { SearchTooLong } from '@/components/list/search-too-long';
import { Pagination } from '@/components/pagination';
import { OutboxStatusBadge } from '@/components/email/outbox-status-badge';
import { Button } from '@/components/ui/button';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { NativeSelect, NativeSelectOption } from '@/components/ui/native-select';
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { requirePage } from '@/lib/auth/viewer';
import { isOutboxStatus, listOutbox, outboxStatuses } from '@/lib/email/queries';
import { formatDateTime } from '@/lib/time';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('outbox'))('title') };
}

type Search = Promise<Record<string, string | string[] | undefined>>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** The school's outbox: filters live in the URL so a view can be bookmarked and shared. */
export default async function OutboxPage({ searchParams }: { searchParams: Search }) {
  const viewer = await requirePage('outbox.read', 'admin');
  const params = await searchParams;
  const q = first(params.q)?.trim() ?? '';
  const rawStatus = first(params.status);
  const status = isOutboxStatus(rawStatus) ? rawStatus : undefined;
  const requestedPage = Number.parseInt(first(params.page) ?? '1', 10);

  const [t, { list: result, searchTooLong }] = await Promise.all([
    getTranslations('outbox'),
    // The query clamps a page past the end itself; the helper adds the too-long search.
    loadListPage({ q, status, page: requestedPage }, (f) => listOutbox(viewer, f)),
  ]);
  const { timeZone } = viewer;
  const { rows, total, page, pageSize } = result;
  const isFiltered = Boolean(q || status);

  return (
    <div className="mx-auto grid w-full max-w-6xl grid-cols-1 gap-6">
      <div className="grid gap-1">
        <h1 className="text-2xl font-semibold tracking-tight">{t('title')}</h1>
        <p className="text-muted-foreground">{t('description')}</p>
      </div>

      <form
        method="get"
        action="/admin/outbox"
        role="search"
        aria-label={t('filters.label')}
        className="grid gap-3 sm:grid-cols-[minmax(0,1fr)_14rem_auto] sm:items-end"
      >
        <FormField id="q" label={t('filters.search')}>
          <Input id="q" name="q" type="search" defaultValue={q} placeholder={t('filters.searchPlaceholder')} autoComplete="off" />
        </FormField>
        <FormField id="status" label={t('filters.status')}>
          <NativeSelect id="status" name="status" defaultValue={status ?? ''}>
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
          {isFiltered && (
            <Button variant="ghost" asChild>
              <Link href="/admin/outbox">{t('filters.clear')}</Link>
            </Button>
          )}
        </div>
      </form>
      {searchTooLong && <SearchTooLong />}

      {rows.length === 0 ? (
        <div className="grid justify-items-center gap-2 rounded-lg border border-dashed px-6 py-12 text-center">
          <Inbox className="size-8 text-muted-foreground" aria-hidden />
          <h2 className="font-semibold">{isFiltered ? t('empty.noMatchesTitle') : t('empty.title')}</h2>
          <p className="max-w-md text-sm text-muted-foreground">{isFiltered ? t('empty.noMatchesBody') : t('empty.body')}</p>
          {isFiltered && (
            <Button variant="outline" size="sm" asChild className="mt-2">
              <Link href="/admin/outbox">{t('filters.clear')}</Link>
            </Button>
          )}
        </div>
      ) : (
        <div className="grid min-w-0 gap-3">
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
              {rows.map((row) => (
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

          <Pagination
            page={page}
            pageSize={pageSize}
            total={total}
            params={{ q: q || undefined, status }}
            shown={rows.length}
          />
        </div>
      )}
    </div>
  );
}
