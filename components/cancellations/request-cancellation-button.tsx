'use client';

import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { OnDemand } from '@/components/ui/on-demand';
import type { RequestCancellationProps } from './request-cancellation-dialog';

/** The dialog's code (Radix dialog, its focus trap and scroll lock) comes with the first use, not with the page. */
const loadDialog = () => import('./request-cancellation-dialog').then((m) => m.RequestCancellationDialog);

/** "Request cancellation" on one lesson, opening `RequestCancellationDialog`. */
export function RequestCancellationButton(props: RequestCancellationProps) {
  const t = useTranslations('cancellations');
  return (
    <OnDemand
      load={loadDialog}
      popup="dialog"
      props={props}
      trigger={
        <Button variant="outline" className="h-11 md:h-9" data-testid="request-cancellation">
          {t('requestButton')}
        </Button>
      }
    />
  );
}
