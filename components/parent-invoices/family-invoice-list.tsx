import { Download } from 'lucide-react';
import { getLocale, getTranslations } from 'next-intl/server';
import { formatPeriod } from '@/components/invoices/format';
import { InvoiceStatusBadge } from '@/components/invoices/status-badge';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import type { InvoiceListRow } from '@/lib/billing/queries';
import { formatMoney } from '@/lib/money';
import { formatCalendarDate } from '@/lib/time';
import { cn } from '@/lib/utils';

// One grid for the column headings and every row from `md` up; below it each invoice is a card.
const COLUMNS = 'md:grid-cols-[minmax(0,1.7fr)_minmax(0,1fr)_minmax(0,1fr)_minmax(0,1.1fr)_minmax(0,1.1fr)_minmax(0,1.3fr)_auto]';

/**
 * A family's invoices, newest first: on a phone each one a compact card (number and status,
 * the month, dates, amounts, "Pobierz PDF"), from `md` up one row each under column headings.
 * Every value keeps its label for screen readers, so the headings are only for the eye.
 */
export async function FamilyInvoiceList({ rows }: { rows: InvoiceListRow[] }) {
  const [t, ti, locale] = await Promise.all([getTranslations('invoices.parent'), getTranslations('invoices'), getLocale()]);
  const money = (g: number) => formatMoney(g, locale === 'en' ? 'en' : 'pl');
  return (
    <div className="grid gap-2">
      <div aria-hidden className={cn('hidden gap-4 px-4 text-xs font-medium text-muted-foreground md:grid', COLUMNS)}>
        <span>{ti('columns.number')}</span>
        <span>{ti('detail.issueDate')}</span>
        <span>{ti('columns.dueDate')}</span>
        <span className="text-right">{ti('columns.gross')}</span>
        <span className="text-right">{ti('columns.paid')}</span>
        <span>{ti('columns.status')}</span>
        <span className="w-10" />
      </div>
      <ul className="grid gap-3 md:gap-0 md:divide-y md:rounded-lg md:border" data-testid="family-invoices">
        {rows.map((r) => {
          const isCorrection = r.kind === 'correction';
          const subtitle = isCorrection ? t('correctionOf') : r.period ? formatPeriod(r.period, locale) : '';
          return (
            <li
              key={r.id}
              className={cn('grid grid-cols-2 gap-x-4 gap-y-3 rounded-lg border p-4 md:items-center md:rounded-none md:border-0 md:px-4 md:py-3', COLUMNS)}
              data-testid="family-invoice"
              data-number={r.number}
              data-status={r.status}
            >
              <div className="col-start-1 row-start-1 grid min-w-0 gap-0.5">
                <span className="flex flex-wrap items-center gap-2 font-semibold tabular-nums">
                  {r.number}
                  {isCorrection && <Badge variant="outline">{ti('correction')}</Badge>}
                </span>
                <span className="text-sm text-muted-foreground">{subtitle}</span>
              </div>
              {/* One badge: top right of the phone card, the status column of the wide row. */}
              <div className="col-start-2 row-start-1 justify-self-end md:col-start-6 md:justify-self-start">
                <span className="sr-only">{ti('columns.status')}: </span>
                <InvoiceStatusBadge status={r.status} />
              </div>
              <Value label={ti('detail.issueDate')}>{formatCalendarDate(r.issueDate)}</Value>
              <Value label={ti('columns.dueDate')} className={cn(r.status === 'overdue' && 'font-medium text-destructive')}>
                {formatCalendarDate(r.dueDate)}
              </Value>
              <Value label={ti('columns.gross')} className="font-medium md:text-right">
                {money(r.gross)}
              </Value>
              <Value label={ti('columns.paid')} className="text-muted-foreground md:text-right">
                {money(r.paid)}
              </Value>
              <Button variant="outline" asChild className="col-span-2 min-h-11 md:col-span-1 md:min-h-9 md:w-10 md:px-0">
                <a href={`/api/invoices/${r.id}/pdf`} download data-testid="family-invoice-pdf" aria-label={t('downloadPdfOf', { number: r.number })}>
                  <Download className="size-4" aria-hidden />
                  <span className="md:sr-only">{ti('detail.downloadPdf')}</span>
                </a>
              </Button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** A label and its value: the label shows on the phone card and is read aloud on the wide row. */
function Value({ label, children, className }: { label: string; children: React.ReactNode; className?: string }) {
  return (
    <div className="grid min-w-0 gap-0.5">
      <span className="text-sm text-muted-foreground md:sr-only">{label}</span>
      <span className={cn('whitespace-nowrap tabular-nums', className)}>{children}</span>
    </div>
  );
}
