import { getLocale, getTranslations } from 'next-intl/server';
import { FilterActions } from '@/components/list/filter-actions';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { NativeSelect, NativeSelectOption } from '@/components/ui/native-select';
import { invoiceListFilters, invoiceStatusFilters, type InvoiceListFilters } from '@/lib/billing/invoice-schema';
import { isFiltered } from '@/lib/list/filters';
import { formatPeriod } from './format';

/** The invoice list's filter bar: a plain GET form, so every view is a URL that can be bookmarked. */
export async function InvoiceFilters({ filters, periods, basePath }: { filters: InvoiceListFilters; periods: string[]; basePath: string }) {
  const [t, locale] = await Promise.all([getTranslations('invoices'), getLocale()]);
  // A month typed into the URL that has no invoices yet is still offered, so the form shows what the list shows.
  const months = filters.month && !periods.includes(filters.month) ? [filters.month, ...periods] : periods;
  return (
    <form method="get" role="search" className="grid gap-3 rounded-lg border bg-card p-3 md:grid-cols-[minmax(12rem,1fr)_repeat(2,auto)_auto] md:items-end">
      {filters.payer && <input type="hidden" name="payer" value={filters.payer} />}
      <div className="grid gap-1.5">
        <Label htmlFor="q">{t('search')}</Label>
        <Input id="q" name="q" type="search" defaultValue={filters.q} placeholder={t('searchPlaceholder')} autoComplete="off" />
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor="month">{t('month')}</Label>
        <NativeSelect id="month" name="month" defaultValue={filters.month ?? ''}>
          <NativeSelectOption value="">{t('allMonths')}</NativeSelectOption>
          {months.map((m) => (
            <NativeSelectOption key={m} value={m}>
              {formatPeriod(m, locale)}
            </NativeSelectOption>
          ))}
        </NativeSelect>
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor="status">{t('status')}</Label>
        <NativeSelect id="status" name="status" defaultValue={filters.status}>
          {invoiceStatusFilters.map((s) => (
            <NativeSelectOption key={s} value={s}>
              {t(`statusFilter.${s}`)}
            </NativeSelectOption>
          ))}
        </NativeSelect>
      </div>
      {/* The sort is kept here rather than by FilterActions: this list's default is newest first. */}
      {filters.sort !== 'issued' && <input type="hidden" name="sort" value={filters.sort} />}
      {filters.dir !== 'desc' && <input type="hidden" name="dir" value={filters.dir} />}
      <FilterActions filtered={isFiltered(invoiceListFilters, filters)} clearHref={basePath} />
    </form>
  );
}
