'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useTransition } from 'react';
import { toast } from 'sonner';
import {
  AlertDialog,
  AlertDialogAction,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
  AlertDialogTrigger,
} from '@/components/ui/alert-dialog';
import { Button } from '@/components/ui/button';
import { deleteTutorAction, setTutorStatusAction } from '@/lib/tutors/actions';
import type { TutorStatus } from '@/lib/tutors/schema';

type Props = {
  tutor: { id: string; name: string; status: TutorStatus; subjectCount: number };
  /** Counts of what refers to the tutor (students, later lessons); any above zero blocks deletion. */
  blockers: Record<string, number>;
  /** The login account, if any: set when the tutor cannot be deleted and the account stays active. */
  account: { id: string; status: 'invited' | 'active' | 'deactivated' } | null;
};

/**
 * Status changes (on leave, left — the archive —, back to active) and deletion, each behind
 * a confirmation that names the tutor and says what the change affects.
 */
export function TutorActions({ tutor, blockers, account }: Props) {
  const t = useTranslations('tutors');
  const tr = useTranslations('records');
  const tb = useTranslations('tutors.blockers');
  const router = useRouter();
  const [pending, start] = useTransition();

  const setStatus = (status: TutorStatus) =>
    start(async () => {
      const result = await setTutorStatusAction({ tutorId: tutor.id, status });
      if (result.ok) {
        toast.success(t(`statusChanged.${status}`, { name: tutor.name }));
        router.refresh();
      } else toast.error(result.message);
    });

  const remove = () =>
    start(async () => {
      const result = await deleteTutorAction({ tutorId: tutor.id });
      if (result.ok) {
        toast.success(tr('deleted'));
        router.push('/admin/tutors');
        router.refresh();
      } else toast.error(result.message);
    });

  const blocking = Object.entries(blockers).filter(([, n]) => n > 0);
  const blockerText = blocking.map(([k, n]) => tb(k, { count: n })).join(', ');
  const accountActive = account && account.status !== 'deactivated';
  const canDelete = blocking.length === 0 && !account;

  return (
    <div className="flex flex-wrap gap-2" role="group" aria-label={t('actions')}>
      {tutor.status !== 'active' && (
        <Confirm
          trigger={t('backToActive')}
          title={t('confirm.activeTitle', { name: tutor.name })}
          body={t('confirm.activeBody', { name: tutor.name })}
          confirm={t('backToActive')}
          onConfirm={() => setStatus('active')}
          pending={pending}
          variant="default"
        />
      )}
      {tutor.status === 'active' && (
        <Confirm
          trigger={t('setOnLeave')}
          title={t('confirm.onLeaveTitle', { name: tutor.name })}
          body={t('confirm.onLeaveBody', { name: tutor.name })}
          confirm={t('setOnLeave')}
          onConfirm={() => setStatus('on_leave')}
          pending={pending}
        />
      )}
      {tutor.status !== 'left' && (
        <Confirm
          trigger={t('setLeft')}
          title={t('confirm.leftTitle', { name: tutor.name })}
          body={
            <>
              {t('confirm.leftBody', { name: tutor.name })}
              {blocking.length > 0 && <span className="mt-2 block">{t('confirm.leftKeeps', { items: blockerText })}</span>}
              {accountActive && <span className="mt-2 block font-medium text-foreground">{t('confirm.leftAccount')}</span>}
            </>
          }
          confirm={t('setLeft')}
          onConfirm={() => setStatus('left')}
          pending={pending}
        />
      )}
      <AlertDialog>
        <AlertDialogTrigger asChild>
          <Button variant="destructive" disabled={pending}>
            {tr('delete')}
          </Button>
        </AlertDialogTrigger>
        <AlertDialogContent>
          {canDelete ? (
            <>
              <AlertDialogHeader>
                <AlertDialogTitle>{tr('deleteTitle', { name: tutor.name })}</AlertDialogTitle>
                <AlertDialogDescription>
                  {tr('deleteBody')}
                  {tutor.subjectCount > 0 && <span className="mt-2 block">{tr('deleteAlsoRemoves', { items: t('subjectsTaughtCount', { count: tutor.subjectCount }) })}</span>}
                </AlertDialogDescription>
              </AlertDialogHeader>
              <AlertDialogFooter>
                <AlertDialogCancel>{tr('cancel')}</AlertDialogCancel>
                <AlertDialogAction variant="destructive" onClick={remove}>
                  {tr('delete')}
                </AlertDialogAction>
              </AlertDialogFooter>
            </>
          ) : (
            <>
              <AlertDialogHeader>
                <AlertDialogTitle>{t('cannotDeleteTitle', { name: tutor.name })}</AlertDialogTitle>
                <AlertDialogDescription>
                  {blocking.length > 0 ? t('cannotDeleteBlocked', { items: blockerText }) : t('hasAccount')}
                </AlertDialogDescription>
              </AlertDialogHeader>
              <AlertDialogFooter>
                <AlertDialogCancel>{tr('cancel')}</AlertDialogCancel>
                {tutor.status !== 'left' && <AlertDialogAction onClick={() => setStatus('left')}>{t('setLeft')}</AlertDialogAction>}
              </AlertDialogFooter>
            </>
          )}
        </AlertDialogContent>
      </AlertDialog>
    </div>
  );
}

function Confirm({
  trigger,
  title,
  body,
  confirm,
  onConfirm,
  pending,
  variant = 'outline',
}: {
  trigger: string;
  title: string;
  body: React.ReactNode;
  confirm: string;
  onConfirm: () => void;
  pending: boolean;
  variant?: 'default' | 'outline';
}) {
  const tr = useTranslations('records');
  return (
    <AlertDialog>
      <AlertDialogTrigger asChild>
        <Button variant={variant} disabled={pending}>
          {trigger}
        </Button>
      </AlertDialogTrigger>
      <AlertDialogContent>
        <AlertDialogHeader>
          <AlertDialogTitle>{title}</AlertDialogTitle>
          <AlertDialogDescription asChild>
            <div>{body}</div>
          </AlertDialogDescription>
        </AlertDialogHeader>
        <AlertDialogFooter>
          <AlertDialogCancel>{tr('cancel')}</AlertDialogCancel>
          <AlertDialogAction onClick={onConfirm}>{confirm}</AlertDialogAction>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}
