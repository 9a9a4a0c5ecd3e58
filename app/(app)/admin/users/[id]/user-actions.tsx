'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useTransition } from 'react';
import { toast } from 'sonner';
import { AlertDialog, AlertDialogAction, AlertDialogCancel, AlertDialogContent, AlertDialogDescription, AlertDialogFooter, AlertDialogHeader, AlertDialogTitle, AlertDialogTrigger } from '@/components/ui/alert-dialog';
import { Button } from '@/components/ui/button';
import { deactivateUserAction, reactivateUserAction, resendInviteAction, sendPasswordResetAction } from '@/lib/accounts/actions';
import type { ActionResult } from '@/lib/errors';
import { ChangeEmailDialog } from './change-email-dialog';

type Props = { user: { id: string; name: string; email: string; role: string; status: 'invited' | 'active' | 'deactivated' }; isSelf: boolean };

export function UserActions({ user, isSelf }: Props) {
  const t = useTranslations('accounts');
  const router = useRouter();
  const [pending, start] = useTransition();
  const run = (fn: (i: { userId: string }) => Promise<ActionResult<unknown>>, success: string) =>
    start(async () => {
      const result = await fn({ userId: user.id });
      if (result.ok) {
        toast.success(success);
        router.refresh();
      } else toast.error(result.message);
    });

  return (
    <div className="flex flex-wrap gap-2" aria-label={t('actions')} role="group">
      <ChangeEmailDialog user={user} />
      {user.status === 'invited' && (
        <Button variant="outline" disabled={pending} onClick={() => run(resendInviteAction, t('inviteResent'))}>
          {t('resendInvite')}
        </Button>
      )}
      {user.status === 'active' && user.role !== 'parent' && (
        <Button variant="outline" disabled={pending} onClick={() => run(sendPasswordResetAction, t('resetSent', { email: user.email }))}>
          {t('sendReset')}
        </Button>
      )}
      {user.status === 'deactivated' ? (
        <Button disabled={pending} onClick={() => run(reactivateUserAction, t('reactivated', { name: user.name }))}>
          {t('reactivate')}
        </Button>
      ) : (
        !isSelf && (
          <AlertDialog>
            <AlertDialogTrigger asChild>
              <Button variant="destructive" disabled={pending}>
                {t('deactivate')}
              </Button>
            </AlertDialogTrigger>
            <AlertDialogContent>
              <AlertDialogHeader>
                <AlertDialogTitle>{t('deactivateTitle', { name: user.name })}</AlertDialogTitle>
                <AlertDialogDescription>{t('deactivateBody', { name: user.name })}</AlertDialogDescription>
              </AlertDialogHeader>
              <AlertDialogFooter>
                <AlertDialogCancel>{t('confirmCancel')}</AlertDialogCancel>
                <AlertDialogAction variant="destructive" onClick={() => run(deactivateUserAction, t('deactivated', { name: user.name }))}>
                  {t('deactivate')}
                </AlertDialogAction>
              </AlertDialogFooter>
            </AlertDialogContent>
          </AlertDialog>
        )
      )}
    </div>
  );
}
