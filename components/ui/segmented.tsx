import type * as React from 'react';
import Link from '@/components/ui/link';

import { cn } from '@/lib/utils';

/**
 * A segmented control: one row of equal-weight choices, the chosen one raised. On a narrow
 * screen the row scrolls sideways instead of wrapping or widening the page. Two flavours with
 * the same look: `SegmentedNav` when each choice is a URL (links, the chosen one
 * `aria-current="page"`), and `Segmented` + `SegmentedButton` when the choice stays on the page
 * (toggle buttons with `aria-pressed`). Items are 44 px tall: thumbs are the pointer here.
 */

const track = 'inline-flex w-max min-w-full gap-1 rounded-lg bg-muted p-1 sm:min-w-0';

const item = cn(
  'inline-flex min-h-11 min-w-11 shrink-0 items-center justify-center gap-2 rounded-md border border-transparent px-4 text-base font-medium whitespace-nowrap text-muted-foreground',
  'transition-[color,background-color,box-shadow] outline-none hover:text-foreground focus-visible:ring-[3px] focus-visible:ring-ring/50',
  'aria-[current=page]:bg-background aria-[current=page]:text-foreground aria-[current=page]:shadow-sm dark:aria-[current=page]:border-input dark:aria-[current=page]:bg-input/30',
  'aria-pressed:bg-background aria-pressed:text-foreground aria-pressed:shadow-sm dark:aria-pressed:border-input dark:aria-pressed:bg-input/30',
);

/** The scrolling frame around a track: only the track scrolls, never the page. */
function Frame({ className, children }: { className?: string; children: React.ReactNode }) {
  return <div className={cn('-mx-1 max-w-full overflow-x-auto px-1 py-0.5 [scrollbar-width:thin]', className)}>{children}</div>;
}

type NavItem = { key: string; href: string; label: React.ReactNode; current: boolean };

/** Choices that are places: a `<nav>` of links, named by `label`. */
function SegmentedNav({ label, items, className, ...props }: { label: string; items: NavItem[]; className?: string } & Omit<React.ComponentProps<'nav'>, 'children'>) {
  return (
    <nav aria-label={label} data-slot="segmented-nav" className={className} {...props}>
      <Frame>
        <ul className={track}>
          {items.map((i) => (
            <li key={i.key} className="flex flex-1 sm:flex-none">
              <Link href={i.href} aria-current={i.current ? 'page' : undefined} className={cn(item, 'flex-1')} data-key={i.key} scroll={false}>
                {i.label}
              </Link>
            </li>
          ))}
        </ul>
      </Frame>
    </nav>
  );
}

/** Choices that stay on the page: a labelled group of toggle buttons (`SegmentedButton`). */
function Segmented({ label, className, children, ...props }: { label: string; className?: string; children: React.ReactNode } & Omit<React.ComponentProps<'div'>, 'children'>) {
  return (
    <div role="group" aria-label={label} data-slot="segmented" className={className} {...props}>
      <Frame>
        <div className={track}>{children}</div>
      </Frame>
    </div>
  );
}

function SegmentedButton({ pressed, className, ...props }: Omit<React.ComponentProps<'button'>, 'aria-pressed'> & { pressed: boolean }) {
  return <button type="button" aria-pressed={pressed} className={cn(item, 'flex-1 sm:flex-none', className)} {...props} />;
}

export { Segmented, SegmentedButton, SegmentedNav };
