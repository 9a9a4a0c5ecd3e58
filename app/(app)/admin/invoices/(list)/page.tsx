import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { FileText, ReceiptText, X } from 'lucide-react';
import { getTranslations } from 'next-intl/server';
import { InvoiceFilters } from '@/components/invoices/invoice-filters';
import { InvoicesTable } from '@/components/invoices/invoices-table';
import { EmptyState } from '@/components/list/empty-state';
import { ListFrame } from '@/components/list/list-frame';
import { loadList } from '@/components/list/load-list';
import { PageHeader } from '@/components/list/page-header';
import { pathHref } from '@/components/list/url-state';
import { Button } from '@/components/ui/button';
import { requirePage } from '@/lib/auth/viewer';
import { can } from '@/lib/auth/permissions';
import { invoiceListFilters } from '@/lib/billing/invoice-schema';
import { listInvoicePeriods, listInvoices } from '@/lib/billing/queries';
import { isFiltered, listParams } from '@/lib/list/filters';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('invoices'))('title') };
}

type Search = Promise<Record<string, string | string[] | undefined>>;

const path = '/admin/invoices';

export default async function InvoicesPage({ searchParams }: { searchParams: Search }) {
  const viewer = await requirePage('invoices.read', 'admin');
  const filters = invoiceListFilters.parse(await searchParams);
  const params = listParams(invoiceListFilters, filters);
  const [t, list, periods] = await Promise.all([
    getTranslations('invoices'),
    loadList(filters.page, () => listInvoices(viewer, filters), { path, params }),
    listInvoicePeriods(viewer),
  ]);
  const filtered = isFiltered(invoiceListFilters, filters);
  const canRun = can(viewer.role, 'billing.run');

  return (
    <ListFrame
      header={
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
      }
      filters={<InvoiceFilters filters={filters} periods={periods} basePath={path} />}
      aside={
        filters.payer && (
          <p className="flex flex-wrap items-center gap-2 text-sm" data-testid="payer-filter">
            <span className="font-medium">{t('onePayer')}</span>
            <Link href={pathHref(path, { ...params, payer: undefined })} className="inline-flex items-center gap-1 text-muted-foreground hover:text-foreground hover:underline">
              <X className="size-3.5" aria-hidden /> {t('allPayers')}
            </Link>
          </p>
        )
      }
      list={list}
      params={params}
      empty={
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
      }
    >
      <InvoicesTable rows={list.rows} totals={list.totals} filters={filters} params={params} />
    </ListFrame>
  );
}
