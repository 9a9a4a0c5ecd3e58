import type { ComponentProps } from 'react';
import { cn } from '@/lib/utils';

const tones = {
  error: 'border-destructive/40 bg-destructive/10 text-destructive',
  warning: 'border-warning/50 bg-warning/15',
  success: 'border-success/40 bg-success/10',
  info: 'bg-muted',
} as const;

/**
 * A one-line message in a form or page: errors are announced at once (role="alert"), the
 * rest politely (role="status"). The tone is a second signal; the words carry the meaning.
 */
export function Notice({ tone = 'info', className, ...props }: ComponentProps<'p'> & { tone?: keyof typeof tones }) {
  return (
    <p
      role={tone === 'error' ? 'alert' : 'status'}
      data-slot="notice"
      className={cn('rounded-md border px-3 py-2 text-sm', tones[tone], className)}
      {...props}
    />
  );
}
