'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useTransition } from 'react';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { withdrawCancellationAction } from '@/lib/cancellations/actions';

/** Takes back a pending request (nothing was changed yet, so no confirmation). */
export function WithdrawButton({ requestId }: { requestId: string }) {
  const t = useTranslations('cancellations');
  const router = useRouter();
  const [pending, start] = useTransition();
  return (
    <Button
      variant="ghost"
      className="h-11 md:h-9"
      disabled={pending}
      onClick={() =>
        start(async () => {
          const result = await withdrawCancellationAction({ requestId });
          if (result.ok) {
            toast.success(t('withdrawn'));
            router.refresh();
          } else toast.error(result.message);
        })
      }
    >
      {t('withdraw')}
    </Button>
  );
}
