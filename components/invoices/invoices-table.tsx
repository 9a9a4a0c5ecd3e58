import Link from '@/components/ui/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { SortHeader } from '@/components/list/sort-header';
import { Badge } from '@/components/ui/badge';
import { Table, TableBody, TableCaption, TableCell, TableFooter, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import type { InvoiceListFilters } from '@/lib/billing/invoice-schema';
import type { InvoiceListRow } from '@/lib/billing/queries';
import { formatMoney } from '@/lib/money';
import { formatCalendarDate } from '@/lib/time';
import { cn } from '@/lib/utils';
import { formatPeriod } from './format';
import { InvoiceStatusBadge } from './status-badge';

type Totals = { count: number; gross: number; paid: number; outstanding: number };

/** Where a payer's record lives: a parent's page, or an adult student's own. */
export function payerHref(row: { payerParentId: string | null; payerStudentId: string | null }): string {
  return row.payerParentId ? `/admin/parents/${row.payerParentId}` : `/admin/students/${row.payerStudentId}`;
}

/**
 * The office's invoice table with a totals row for everything the filters match (not only this
 * page). Columns that matter least give way first on narrow screens; the status always stays.
 */
export async function InvoicesTable({
  rows,
  totals,
  filters,
  params,
}: {
  rows: InvoiceListRow[];
  totals: Totals;
  filters: InvoiceListFilters;
  params: Record<string, string | undefined>;
}) {
  const [t, locale] = await Promise.all([getTranslations('invoices'), getLocale()]);
  const money = (g: number) => formatMoney(g, locale === 'en' ? 'en' : 'pl');
  const sort = (column: string, label: string) => <SortHeader label={label} column={column} sort={filters.sort} dir={filters.dir} params={params} />;
  return (
    <Table containerClassName="rounded-lg border max-h-[70vh]" data-testid="invoices-table">
      <TableCaption className="sr-only">{t('tableCaption')}</TableCaption>
      <TableHeader sticky>
        <TableRow>
          <TableHead>{t('columns.number')}</TableHead>
          <TableHead>{sort('payer', t('columns.payer'))}</TableHead>
          <TableHead className="hidden md:table-cell">{t('columns.period')}</TableHead>
          <TableHead className="hidden lg:table-cell">{sort('issued', t('columns.issueDate'))}</TableHead>
          <TableHead className="hidden sm:table-cell">{sort('due', t('columns.dueDate'))}</TableHead>
          <TableHead className="text-right">{sort('gross', t('columns.gross'))}</TableHead>
          <TableHead className="hidden text-right sm:table-cell">{t('columns.paid')}</TableHead>
          <TableHead>{t('columns.status')}</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((r) => (
          <TableRow key={r.id} data-testid="invoice-row">
            <TableCell className="font-medium whitespace-nowrap tabular-nums">
              <Link href={`/admin/invoices/${r.id}`} className="hover:underline focus-visible:underline">
                {r.number}
              </Link>
              {r.kind === 'correction' && (
                <Badge variant="outline" className="ml-2">
                  {t('correction')}
                </Badge>
              )}
            </TableCell>
            <TableCell className="max-w-56 truncate">
              <Link href={payerHref(r)} className="hover:underline focus-visible:underline" title={r.payerName}>
                {r.payerName}
              </Link>
            </TableCell>
            <TableCell className="hidden whitespace-nowrap text-muted-foreground md:table-cell">{r.period ? formatPeriod(r.period, locale) : '—'}</TableCell>
            <TableCell className="hidden whitespace-nowrap tabular-nums lg:table-cell">{formatCalendarDate(r.issueDate)}</TableCell>
            <TableCell className={cn('hidden whitespace-nowrap tabular-nums sm:table-cell', r.status === 'overdue' && 'font-medium text-destructive')}>{formatCalendarDate(r.dueDate)}</TableCell>
            <TableCell className="text-right whitespace-nowrap tabular-nums">{money(r.gross)}</TableCell>
            <TableCell className="hidden text-right whitespace-nowrap tabular-nums text-muted-foreground sm:table-cell">{money(r.paid)}</TableCell>
            <TableCell>
              <InvoiceStatusBadge status={r.status} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
      <TableFooter data-testid="invoice-totals">
        <TableRow>
          <TableCell colSpan={2} className="font-medium whitespace-nowrap">
            {t('totals', { count: totals.count })}
          </TableCell>
          <TableCell className="hidden md:table-cell" />
          <TableCell className="hidden lg:table-cell" />
          <TableCell className="hidden sm:table-cell" />
          <TableCell className="text-right font-medium whitespace-nowrap tabular-nums" data-testid="totals-gross">
            {money(totals.gross)}
          </TableCell>
          <TableCell className="hidden text-right whitespace-nowrap tabular-nums sm:table-cell" data-testid="totals-paid">
            {money(totals.paid)}
          </TableCell>
          <TableCell className="font-medium whitespace-nowrap tabular-nums" data-testid="totals-outstanding">
            {t('totalsOutstanding', { amount: money(totals.outstanding) })}
          </TableCell>
        </TableRow>
      </TableFooter>
    </Table>
  );
}
