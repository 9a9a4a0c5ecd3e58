import type * as React from 'react';

import { cn } from '@/lib/utils';

/**
 * `<table>` inside a scroll container (`overflow-auto`). For a sticky header give the
 * container a height limit via `containerClassName` (e.g. `max-h-[70vh]`) and set
 * `<TableHeader sticky>`. A container that scrolls on its own must be reachable by keyboard:
 * pass `scrollLabel` and it becomes a focusable, named region.
 */
function Table({
  className,
  containerClassName,
  scrollLabel,
  ...props
}: React.ComponentProps<'table'> & { containerClassName?: string; scrollLabel?: string }) {
  const region = scrollLabel ? { role: 'region', 'aria-label': scrollLabel, tabIndex: 0 } : {};
  return (
    <div data-slot="table-container" className={cn('relative w-full overflow-auto focus-visible:outline-2 focus-visible:outline-ring', containerClassName)} {...region}>
      <table data-slot="table" className={cn('w-full caption-bottom text-sm', className)} {...props} />
    </div>
  );
}

function TableHeader({
  className,
  sticky = false,
  ...props
}: React.ComponentProps<'thead'> & {
  /** Pin header cells to the top of the table's scroll container. */
  sticky?: boolean;
}) {
  return (
    <thead
      data-slot="table-header"
      data-sticky={sticky || undefined}
      className={cn(
        '[&_tr]:border-b',
        // Borders on collapsed rows don't travel with sticky cells, so draw the divider as an inset shadow.
        sticky &&
          '[&_th]:sticky [&_th]:top-0 [&_th]:z-10 [&_th]:bg-background [&_th]:shadow-[inset_0_-1px_0_var(--color-border)]',
        className,
      )}
      {...props}
    />
  );
}

function TableBody({ className, ...props }: React.ComponentProps<'tbody'>) {
  return <tbody data-slot="table-body" className={cn('[&_tr:last-child]:border-0', className)} {...props} />;
}

function TableFooter({ className, ...props }: React.ComponentProps<'tfoot'>) {
  return (
    <tfoot
      data-slot="table-footer"
      className={cn('border-t bg-muted/50 font-medium [&>tr]:last:border-b-0', className)}
      {...props}
    />
  );
}

function TableRow({ className, ...props }: React.ComponentProps<'tr'>) {
  return (
    <tr
      data-slot="table-row"
      className={cn('border-b transition-colors hover:bg-muted/50', className)}
      {...props}
    />
  );
}

function TableHead({ className, ...props }: React.ComponentProps<'th'>) {
  return (
    <th
      data-slot="table-head"
      className={cn(
        'h-10 px-2 text-left align-middle font-medium whitespace-nowrap text-foreground',
        className,
      )}
      {...props}
    />
  );
}

function TableCell({ className, ...props }: React.ComponentProps<'td'>) {
  return (
    <td
      data-slot="table-cell"
      className={cn('p-2 align-middle whitespace-nowrap', className)}
      {...props}
    />
  );
}

function TableCaption({ className, ...props }: React.ComponentProps<'caption'>) {
  return (
    <caption data-slot="table-caption" className={cn('mt-4 text-sm text-muted-foreground', className)} {...props} />
  );
}

export { Table, TableBody, TableCaption, TableCell, TableFooter, TableHead, TableHeader, TableRow };
