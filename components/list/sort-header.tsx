import Link from '@/components/ui/link';
import { ArrowDown, ArrowUp, ArrowUpDown } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { queryHref } from './url-state';

/**
 * A column header that sorts the list through the URL (so a sorted view can be bookmarked):
 * first click ascending, second descending. Keeps the other filters, resets the page.
 */
export function SortHeader({
  label,
  column,
  sort,
  dir,
  params,
}: {
  label: string;
  column: string;
  sort: string;
  dir: 'asc' | 'desc';
  params: Record<string, string | undefined>;
}) {
  const active = sort === column;
  const next = active && dir === 'asc' ? 'desc' : 'asc';
  const href = queryHref({ ...params, sort: column, dir: next, page: undefined });
  const Icon = !active ? ArrowUpDown : dir === 'asc' ? ArrowUp : ArrowDown;
  const t = useTranslations('common');
  // aria-sort is only allowed on the column header, not on a link inside it: the sorted
  // state is said in words after the label instead.
  return (
    <Link
      href={href}
      className="inline-flex items-center gap-1 rounded hover:text-foreground focus-visible:ring-[3px] focus-visible:ring-ring/50 focus-visible:outline-none"
    >
      {label}
      {active && <span className="sr-only">, {t(dir === 'asc' ? 'sortedAscending' : 'sortedDescending')}</span>}
      <Icon className={active ? 'size-3.5' : 'size-3.5 opacity-40'} aria-hidden />
    </Link>
  );
}
