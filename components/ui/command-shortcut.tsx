import type * as React from 'react';

import { cn } from '@/lib/utils';

/**
 * A key or key combination shown beside a command. A file of its own so that a button
 * naming its shortcut does not bring cmdk along (components/ui/command.tsx re-exports it).
 */
export function CommandShortcut({ className, ...props }: React.ComponentProps<'kbd'>) {
  return (
    <kbd
      data-slot="command-shortcut"
      className={cn('pointer-events-none inline-flex h-5 items-center gap-1 rounded border bg-muted px-1.5 font-mono text-[11px] font-medium text-muted-foreground select-none', className)}
      {...props}
    />
  );
}
