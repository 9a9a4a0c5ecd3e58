import { Table, TableBody, TableCaption, TableCell, TableFooter, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { LABEL, type ReportTable as Data } from '@/lib/reports/table';
import { cn } from '@/lib/utils';
import { formatCell, formatLabel } from './format';

/**
 * A report's rows with a totals row, in a container that scrolls sideways on its own (inside
 * its card), so a wide report never widens the page on a phone. The first column stays put
 * while the figures scroll.
 */
export function ReportTable({ table, headers, caption, group, locale, totalLabel, otherLabel }: { table: Data; headers: string[]; caption: string; group: string; locale: string; totalLabel: string; otherLabel: string }) {
  const num = 'text-right tabular-nums whitespace-nowrap';
  const first = 'sticky left-0 z-[1] bg-card';
  return (
    <Table scrollLabel={caption} containerClassName="max-h-[70vh]" data-testid="report-table">
      <TableCaption className="sr-only">{caption}</TableCaption>
      <TableHeader sticky>
        <TableRow>
          {table.columns.map((c, i) => (
            <TableHead key={c.key} scope="col" className={cn(c.kind === 'text' || c.kind === 'month' ? 'whitespace-nowrap' : num, i === 0 && cn(first, 'z-20'))}>
              {headers[i]}
            </TableHead>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody>
        {table.rows.map((row, r) => (
          <TableRow key={`${String(row[LABEL])}-${r}`}>
            {table.columns.map((c, i) =>
              i === 0 ? (
                <TableHead key={c.key} scope="row" className={cn(first, 'font-medium whitespace-nowrap text-foreground')}>
                  {formatLabel(row[c.key], group, locale, otherLabel)}
                </TableHead>
              ) : (
                <TableCell key={c.key} className={num}>
                  {formatCell(c.kind, row[c.key], locale)}
                </TableCell>
              ),
            )}
          </TableRow>
        ))}
      </TableBody>
      <TableFooter>
        <TableRow data-testid="report-totals">
          {table.columns.map((c, i) =>
            i === 0 ? (
              <TableHead key={c.key} scope="row" className={cn(first, 'bg-muted font-semibold text-foreground')}>
                {totalLabel}
              </TableHead>
            ) : (
              <TableCell key={c.key} className={cn(num, 'font-semibold')}>
                {formatCell(c.kind, table.totals[c.key], locale)}
              </TableCell>
            ),
          )}
        </TableRow>
      </TableFooter>
    </Table>
  );
}
