import { getTranslations } from 'next-intl/server';
import { Skeleton } from '@/components/ui/skeleton';

/**
 * What a list page looks like while it loads: heading, filter bar, table rows, pagination,
 * in the same places, so nothing jumps when the data arrives.
 */
export async function ListSkeleton({ filters = 3, rows = 8 }: { filters?: number; rows?: number }) {
  const t = await getTranslations('common');
  return (
    <div className="mx-auto grid w-full max-w-6xl grid-cols-1 gap-6" role="status" aria-live="polite">
      <span className="sr-only">{t('loading')}</span>
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div className="grid gap-2">
          <Skeleton className="h-8 w-48" />
          <Skeleton className="h-5 w-72 max-w-full" />
        </div>
        <Skeleton className="h-9 w-36" />
      </div>
      <div className="grid gap-3 rounded-lg border p-3 md:flex md:items-end">
        <div className="grid flex-1 gap-2">
          <Skeleton className="h-4 w-16" />
          <Skeleton className="h-9 w-full" />
        </div>
        {Array.from({ length: filters }, (_, i) => (
          <div key={i} className="grid gap-2 md:w-40">
            <Skeleton className="h-4 w-16" />
            <Skeleton className="h-9 w-full" />
          </div>
        ))}
        <Skeleton className="h-9 w-20" />
      </div>
      <div className="overflow-hidden rounded-lg border">
        <div className="flex h-10 items-center gap-4 border-b px-3">
          <Skeleton className="h-4 w-24" />
          <Skeleton className="h-4 w-32" />
          <Skeleton className="ml-auto h-4 w-20" />
        </div>
        {Array.from({ length: rows }, (_, i) => (
          <div key={i} className="flex h-12 items-center gap-4 border-b px-3 last:border-b-0">
            <Skeleton className="h-4 w-40 shrink-0" />
            <Skeleton className="h-4 min-w-0 flex-1" />
            <Skeleton className="hidden h-4 w-24 sm:block" />
            <Skeleton className="h-5 w-16 shrink-0 rounded-md" />
          </div>
        ))}
      </div>
    </div>
  );
}
