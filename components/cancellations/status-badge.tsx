import { getTranslations } from 'next-intl/server';
import { Badge } from '@/components/ui/badge';
import type { RequestRow } from '@/lib/cancellations/queries';

const variants = { pending: 'warning', approved: 'success', rejected: 'destructive', withdrawn: 'secondary' } as const;

/** A request's status in words (colour is only the second signal), with "late" beside it when it was. */
export async function RequestStatus({ status, late }: Pick<RequestRow, 'status' | 'late'>) {
  const t = await getTranslations('cancellations');
  return (
    <span className="flex flex-wrap gap-1">
      <Badge variant={variants[status]} data-testid="request-status">
        {t(`status.${status}`)}
      </Badge>
      {late && <Badge variant="outline">{t('lateBadge')}</Badge>}
    </span>
  );
}
