import type { Metadata } from 'next';
import { FileText } from 'lucide-react';
import { getTranslations } from 'next-intl/server';
import { EmptyState } from '@/components/list/empty-state';
import { loadListPage } from '@/components/list/list-page';
import { PageHeader } from '@/components/list/page-header';
import { pageNumber } from '@/components/list/url-state';
import { Pagination } from '@/components/pagination';
import { FamilyBalance } from '@/components/parent-invoices/family-balance';
import { FamilyInvoiceList } from '@/components/parent-invoices/family-invoice-list';
import { PaymentInstructions } from '@/components/parent-invoices/payment-instructions';
import { requirePage } from '@/lib/auth/viewer';
import { invoiceListFilters } from '@/lib/billing/invoice-schema';
import { getFamilyAccount } from '@/lib/billing/parent-queries';
import { listInvoices } from '@/lib/billing/queries';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('invoices.parent'))('title') };
}

type Search = Promise<Record<string, string | string[] | undefined>>;

/**
 * The family's invoices: what to pay and by when, how to pay it (the account and each unpaid
 * invoice's transfer title, ready to copy into a banking app), then every invoice the parent
 * pays, newest first, with its PDF. Only what this parent pays: the queries scope it.
 */
export default async function ParentInvoicesPage({ searchParams }: { searchParams: Search }) {
  const viewer = await requirePage('invoices.read', 'parent');
  const filters = invoiceListFilters.parse({ page: pageNumber((await searchParams).page) });
  const [t, account, { list }] = await Promise.all([getTranslations('invoices.parent'), getFamilyAccount(viewer), loadListPage(filters, (f) => listInvoices(viewer, f))]);
  const { rows, total, page, pageSize } = list;
  const hasAccount = Boolean(account && (total > 0 || account.balance.paid > 0));

  return (
    <div className="mx-auto grid w-full max-w-5xl grid-cols-1 gap-6">
      <PageHeader title={t('title')} description={t('description')} testId="family-invoices-title" />
      {account && hasAccount && <FamilyBalance account={account} />}
      {account && account.unpaid.length > 0 && <PaymentInstructions unpaid={account.unpaid} />}
      {total === 0 ? (
        <EmptyState
          icon={<FileText aria-hidden />}
          title={account?.paysFor.length ? t('emptyTitle') : t('notPayerTitle')}
          body={account?.paysFor.length ? t('emptyBody', { children: account.paysFor.join(', ') }) : t('notPayerBody')}
        />
      ) : (
        <section id="invoices" className="grid gap-3" aria-labelledby="family-invoices-heading">
          <h2 id="family-invoices-heading" className="text-lg font-semibold">
            {t('listTitle')}
          </h2>
          <FamilyInvoiceList rows={rows} />
          {total > pageSize && <Pagination page={page} pageSize={pageSize} total={total} params={{}} shown={rows.length} hash="invoices" />}
        </section>
      )}
    </div>
  );
}
