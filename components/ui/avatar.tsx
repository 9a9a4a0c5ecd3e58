import type * as React from 'react';

import { cn } from '@/lib/utils';

/** Up to two initials from a display name ("Ada Lovelace" → "AL", "plato" → "P"). */
function getInitials(name: string | null | undefined): string {
  const words = (name ?? '').trim().split(/\s+/u).filter(Boolean);
  if (words.length === 0) return '?';
  const first = Array.from(words[0])[0] ?? '';
  const last = words.length > 1 ? (Array.from(words[words.length - 1])[0] ?? '') : '';
  return (first + last).toLocaleUpperCase();
}

/**
 * Round avatar showing initials (no images). Either pass `name` to derive the initials,
 * or compose `<Avatar><AvatarFallback>AL</AvatarFallback></Avatar>`.
 */
function Avatar({
  className,
  name,
  children,
  ...props
}: React.ComponentProps<'span'> & { name?: string | null }) {
  return (
    <span
      data-slot="avatar"
      className={cn('relative flex size-8 shrink-0 overflow-hidden rounded-full select-none', className)}
      {...props}
    >
      {children ?? <AvatarFallback>{getInitials(name)}</AvatarFallback>}
    </span>
  );
}

function AvatarFallback({ className, ...props }: React.ComponentProps<'span'>) {
  return (
    <span
      data-slot="avatar-fallback"
      className={cn(
        'flex size-full items-center justify-center rounded-full bg-muted text-xs font-medium text-muted-foreground uppercase',
        className,
      )}
      {...props}
    />
  );
}

export { Avatar, AvatarFallback, getInitials };
