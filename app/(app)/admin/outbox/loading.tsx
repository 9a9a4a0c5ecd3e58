import { getTranslations } from 'next-intl/server';
import { Skeleton } from '@/components/ui/skeleton';

// Mirrors the list's layout (heading, filters, table, pagination) so nothing jumps when it arrives.
export default async function OutboxLoading() {
  const t = await getTranslations('outbox');
  return (
    <div className="mx-auto grid w-full max-w-6xl grid-cols-1 gap-6" role="status" aria-live="polite">
      <span className="sr-only">{t('loading')}</span>
      <div className="grid gap-2">
        <Skeleton className="h-8 w-48" />
        <Skeleton className="h-5 w-full max-w-md" />
      </div>
      <div className="grid gap-3 sm:grid-cols-[minmax(0,1fr)_14rem_auto] sm:items-end">
        <div className="grid gap-2">
          <Skeleton className="h-4 w-16" />
          <Skeleton className="h-9 w-full" />
        </div>
        <div className="grid gap-2">
          <Skeleton className="h-4 w-16" />
          <Skeleton className="h-9 w-full" />
        </div>
        <Skeleton className="h-9 w-20" />
      </div>
      <div className="grid gap-3">
        <div className="overflow-hidden rounded-lg border">
          <div className="flex h-10 items-center gap-4 border-b px-3">
            <Skeleton className="h-4 w-24" />
            <Skeleton className="h-4 w-32" />
            <Skeleton className="ml-auto h-4 w-20" />
          </div>
          {Array.from({ length: 8 }, (_, i) => (
            <div key={i} className="flex h-11 items-center gap-4 border-b px-3 last:border-b-0">
              <Skeleton className="h-4 w-40 shrink-0" />
              <Skeleton className="h-4 min-w-0 flex-1" />
              <Skeleton className="hidden h-4 w-24 sm:block" />
              <Skeleton className="h-5 w-16 shrink-0 rounded-md" />
              <Skeleton className="hidden h-4 w-28 md:block" />
            </div>
          ))}
        </div>
        <div className="flex items-center justify-between">
          <Skeleton className="h-4 w-28" />
          <div className="flex gap-2">
            <Skeleton className="h-9 w-24" />
            <Skeleton className="h-9 w-24" />
          </div>
        </div>
      </div>
    </div>
  );
}
