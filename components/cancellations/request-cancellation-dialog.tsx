'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useId, useState, useTransition } from 'react';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from '@/components/ui/dialog';
import { Label } from '@/components/ui/label';
import { Notice } from '@/components/ui/notice';
import { useHandover, type Handover } from '@/components/ui/on-demand';
import { Textarea } from '@/components/ui/textarea';
import { requestCancellationAction } from '@/lib/cancellations/actions';

export type RequestCancellationProps = {
  lessonId: string;
  studentId: string;
  /** Already formatted in the school's zone. */
  texts: { subject: string; date: string; time: string; tutor: string; student: string };
  startIso: string;
  policy: { noticeHours: number; creditDays: number; lateCharged: boolean };
};

/**
 * "Request cancellation" on one lesson: a reason, and before sending, whether it will be late
 * and what that means (the server decides `late` again when the request arrives). Loaded on
 * first use by `RequestCancellationButton`; `trigger` is its button.
 */
export function RequestCancellationDialog({ lessonId, studentId, texts, startIso, policy, trigger, ...handover }: RequestCancellationProps & Handover) {
  const t = useTranslations('cancellations');
  const router = useRouter();
  const id = useId();
  const triggerRef = useHandover(handover);
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [late, setLate] = useState(false);
  const [pending, start] = useTransition();

  const onOpenChange = (next: boolean) => {
    setOpen(next);
    if (next) {
      setError(null);
      setLate(new Date(startIso).getTime() - Date.now() < policy.noticeHours * 3_600_000);
    }
  };

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    start(async () => {
      const result = await requestCancellationAction({ lessonId, studentId, reason });
      if (result.ok) {
        setOpen(false);
        setReason('');
        toast.success(result.data.late ? t('sentLate') : t('sent'));
        router.refresh();
      } else setError(result.fieldErrors?.reason?.[0] ?? result.message);
    });
  };

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild ref={triggerRef}>
        {trigger}
      </DialogTrigger>
      <DialogContent closeLabel={t('close')}>
        <form onSubmit={submit} className="grid gap-4">
          <DialogHeader>
            <DialogTitle>{t('requestTitle', { subject: texts.subject, date: texts.date })}</DialogTitle>
            <DialogDescription>{t('requestIntro', { student: texts.student, time: texts.time, tutor: texts.tutor })}</DialogDescription>
          </DialogHeader>
          <div className="grid gap-2">
            <Label htmlFor={`${id}-reason`}>{t('reasonLabel')}</Label>
            <Textarea
              id={`${id}-reason`}
              name="reason"
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              placeholder={t('reasonPlaceholder')}
              maxLength={500}
              rows={3}
              aria-required
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${id}-error` : undefined}
              className="text-base md:text-sm"
            />
            {error && (
              <p id={`${id}-error`} className="text-sm text-destructive" role="alert">
                {error}
              </p>
            )}
          </div>
          <Notice tone={late ? 'warning' : 'info'} data-testid="cancellation-notice">
            {late ? t('lateWarning', { hours: policy.noticeHours, charged: policy.lateCharged ? 'yes' : 'no' }) : t('inTime', { student: texts.student, days: policy.creditDays })}
          </Notice>
          <DialogFooter>
            <Button type="submit" className="h-11 md:h-9" disabled={pending}>
              {t('send')}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
