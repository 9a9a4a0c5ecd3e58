import type { Metadata } from 'next';
import Link from 'next/link';
import { FileText, ReceiptText, X } from 'lucide-react';
import { getTranslations } from 'next-intl/server';
import { filterParams, InvoiceFilters, isFiltered } from '@/components/invoices/invoice-filters';
import { InvoicesTable } from '@/components/invoices/invoices-table';
import { EmptyState } from '@/components/list/empty-state';
import { loadListPage } from '@/components/list/list-page';
import { PageHeader } from '@/components/list/page-header';
import { SearchTooLong } from '@/components/list/search-too-long';
import { Pagination } from '@/components/pagination';
import { Button } from '@/components/ui/button';
import { requirePage } from '@/lib/auth/viewer';
import { can } from '@/lib/auth/permissions';
import { invoiceListFilters } from '@/lib/billing/invoice-schema';
import { listInvoicePeriods, listInvoices } from '@/lib/billing/queries';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('invoices'))('title') };
}

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function InvoicesPage({ searchParams }: { searchParams: Search }) {
  const viewer = await requirePage('invoices.read', 'admin');
  const filters = invoiceListFilters.parse(await searchParams);
  const [t, { list, searchTooLong }, periods] = await Promise.all([
    getTranslations('invoices'),
    loadListPage(filters, (f) => listInvoices(viewer, f)),
    listInvoicePeriods(viewer),
  ]);
  const params = filterParams(filters);
  const filtered = isFiltered(filters);
  const { rows, total, page, pageSize, totals } = list;
  const canRun = can(viewer.role, 'billing.run');
  const withoutPayer = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => e[0] !== 'payer' && Boolean(e[1]))).toString();

  return (
    <div className="mx-auto grid max-w-6xl grid-cols-1 gap-6">
      <PageHeader
        title={t('title')}
        description={t('description')}
        testId="invoices-title"
        actions={
          canRun && (
            <Button asChild>
              <Link href="/admin/invoices/run">
                <ReceiptText className="size-4" aria-hidden /> {t('runBilling')}
              </Link>
            </Button>
          )
        }
      />
      <InvoiceFilters filters={filters} periods={periods} basePath="/admin/invoices" />
      {filters.payer && (
        <p className="flex flex-wrap items-center gap-2 text-sm" data-testid="payer-filter">
          <span className="font-medium">{t('onePayer')}</span>
          <Link href={`/admin/invoices${withoutPayer ? `?${withoutPayer}` : ''}`} className="inline-flex items-center gap-1 text-muted-foreground hover:text-foreground hover:underline">
            <X className="size-3.5" aria-hidden /> {t('allPayers')}
          </Link>
        </p>
      )}
      {searchTooLong && <SearchTooLong />}
      {rows.length === 0 ? (
        <EmptyState
          icon={<FileText aria-hidden />}
          title={filtered ? t('noMatchTitle') : t('emptyTitle')}
          body={filtered ? t('noMatchBody') : t('emptyBody')}
          action={
            !filtered &&
            canRun && (
              <Button asChild>
                <Link href="/admin/invoices/run">{t('runBilling')}</Link>
              </Button>
            )
          }
        />
      ) : (
        <div className="grid gap-3">
          <InvoicesTable rows={rows} totals={totals} filters={filters} params={params} />
          <Pagination page={page} pageSize={pageSize} total={total} params={params} shown={rows.length} />
        </div>
      )}
    </div>
  );
}
