import { getTranslations } from 'next-intl/server';
import { Skeleton } from '@/components/ui/skeleton';

/** The family's invoices while they load: heading, the balance, the payment card and a few invoices, where they will be. */
export async function FamilyInvoicesSkeleton() {
  const t = await getTranslations('common');
  return (
    <div className="mx-auto grid w-full max-w-5xl grid-cols-1 gap-6" role="status" aria-live="polite">
      <span className="sr-only">{t('loading')}</span>
      <div className="grid gap-2">
        <Skeleton className="h-8 w-40" />
        <Skeleton className="h-5 w-80 max-w-full" />
      </div>
      <Skeleton className="h-32 w-full rounded-xl" />
      <Skeleton className="h-64 w-full rounded-xl" />
      <div className="grid gap-3">
        {Array.from({ length: 4 }, (_, i) => (
          <Skeleton key={i} className="h-20 w-full rounded-lg" />
        ))}
      </div>
    </div>
  );
}
