'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useId, useState, useTransition } from 'react';
import { toast } from 'sonner';
import { AlertDialog, AlertDialogAction, AlertDialogCancel, AlertDialogContent, AlertDialogDescription, AlertDialogFooter, AlertDialogHeader, AlertDialogTitle } from '@/components/ui/alert-dialog';
import { Button } from '@/components/ui/button';
import { Label } from '@/components/ui/label';
import { Textarea } from '@/components/ui/textarea';
import { decideCancellationAction } from '@/lib/cancellations/actions';

type Props = {
  requestId: string;
  texts: { subject: string; date: string; student: string };
  individual: boolean;
  late: boolean;
};

/** Approve or reject a pending request; each asks first, says what it changes and takes an optional note. */
export function DecideButtons({ requestId, texts, individual, late }: Props) {
  const t = useTranslations('cancellations');
  const tr = useTranslations('records');
  const router = useRouter();
  const id = useId();
  const [decision, setDecision] = useState<'approve' | 'reject' | null>(null);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();

  const open = (d: 'approve' | 'reject') => {
    setNote('');
    setError(null);
    setDecision(d);
  };
  const run = () =>
    start(async () => {
      if (!decision) return;
      const result = await decideCancellationAction({ requestId, decision, note });
      if (result.ok) {
        setDecision(null);
        toast.success(decision === 'approve' ? t('approved') : t('rejected'));
        router.refresh();
      } else if (result.fieldErrors?.note) setError(result.fieldErrors.note[0]);
      else {
        setDecision(null);
        toast.error(result.message);
      }
    });

  return (
    <div className="flex flex-wrap gap-2">
      <Button size="sm" onClick={() => open('approve')} disabled={pending} data-testid="approve-cancellation">
        {t('approve')}
      </Button>
      <Button size="sm" variant="outline" onClick={() => open('reject')} disabled={pending} data-testid="reject-cancellation">
        {t('reject')}
      </Button>
      <AlertDialog open={decision !== null} onOpenChange={(o) => !o && setDecision(null)}>
        <AlertDialogContent>
          <AlertDialogHeader>
            <AlertDialogTitle>{t('decideTitle', { decision: decision ?? 'approve', subject: texts.subject, date: texts.date })}</AlertDialogTitle>
            <AlertDialogDescription>
              {decision === 'reject' ? t('rejectBody') : t('approveBody', { student: texts.student, individual: individual ? 'yes' : 'no', late: late ? 'yes' : 'no' })}
            </AlertDialogDescription>
          </AlertDialogHeader>
          <div className="grid gap-2">
            <Label htmlFor={`${id}-note`}>{t('noteLabel')}</Label>
            <Textarea id={`${id}-note`} value={note} onChange={(e) => setNote(e.target.value)} maxLength={500} rows={2} aria-invalid={error ? true : undefined} />
            {error && (
              <p className="text-sm text-destructive" role="alert">
                {error}
              </p>
            )}
          </div>
          <AlertDialogFooter>
            <AlertDialogCancel>{tr('cancel')}</AlertDialogCancel>
            <AlertDialogAction
              variant={decision === 'reject' ? 'destructive' : 'default'}
              disabled={pending}
              data-testid="confirm-decision"
              onClick={(e) => {
                e.preventDefault();
                run();
              }}
            >
              {decision === 'reject' ? t('reject') : t('approve')}
            </AlertDialogAction>
          </AlertDialogFooter>
        </AlertDialogContent>
      </AlertDialog>
    </div>
  );
}
