'use client';

import { Send } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useTransition } from 'react';
import { toast } from 'sonner';
import { AlertDialog, AlertDialogAction, AlertDialogCancel, AlertDialogContent, AlertDialogDescription, AlertDialogFooter, AlertDialogHeader, AlertDialogTitle, AlertDialogTrigger } from '@/components/ui/alert-dialog';
import { Button } from '@/components/ui/button';
import { inviteProfileAction } from '@/lib/accounts/actions';

/** "Invite to sign in" for a record that has an email but no login yet. */
export function InviteProfileButton({ kind, profileId, name, email }: { kind: 'tutor' | 'student' | 'parent'; profileId: string; name: string; email: string }) {
  const t = useTranslations('accounts');
  const router = useRouter();
  const [pending, start] = useTransition();
  return (
    <AlertDialog>
      <AlertDialogTrigger asChild>
        <Button variant="outline" size="sm" disabled={pending}>
          <Send className="size-4" aria-hidden /> {t('inviteProfile')}
        </Button>
      </AlertDialogTrigger>
      <AlertDialogContent>
        <AlertDialogHeader>
          <AlertDialogTitle>{t('inviteProfile')}</AlertDialogTitle>
          <AlertDialogDescription>{t('inviteProfileBody', { name, email })}</AlertDialogDescription>
        </AlertDialogHeader>
        <AlertDialogFooter>
          <AlertDialogCancel>{t('confirmCancel')}</AlertDialogCancel>
          <AlertDialogAction
            onClick={() =>
              start(async () => {
                const r = await inviteProfileAction({ kind, profileId });
                if (r.ok) {
                  toast.success(t('profileInvited', { email }));
                  router.refresh();
                } else toast.error(r.message);
              })
            }
          >
            {t('inviteProfile')}
          </AlertDialogAction>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}
