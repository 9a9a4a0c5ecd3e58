import { getTranslations } from 'next-intl/server';
import { Skeleton } from '@/components/ui/skeleton';

/** The job page while it loads: its heading and one card per job, in the same places. */
export default async function Loading() {
  const t = await getTranslations('common');
  return (
    <div className="mx-auto grid w-full max-w-5xl grid-cols-1 gap-6" role="status" aria-live="polite">
      <span className="sr-only">{t('loading')}</span>
      <div className="grid gap-2">
        <Skeleton className="h-8 w-64 max-w-full" />
        <Skeleton className="h-5 w-96 max-w-full" />
      </div>
      {Array.from({ length: 5 }, (_, i) => (
        <div key={i} className="grid gap-4 rounded-xl border p-6">
          <div className="grid gap-2">
            <Skeleton className="h-5 w-48" />
            <Skeleton className="h-4 w-full max-w-xl" />
          </div>
          <div className="flex flex-wrap items-center justify-between gap-3">
            <Skeleton className="h-4 w-56" />
            <Skeleton className="h-9 w-36" />
          </div>
          <Skeleton className="h-24 w-full" />
        </div>
      ))}
    </div>
  );
}
