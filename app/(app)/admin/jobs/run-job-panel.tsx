'use client';

import { Play } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
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
import { Notice } from '@/components/ui/notice';
import { runJobNowAction } from '@/lib/jobs/actions';
import type { JobName } from '@/lib/jobs/types';

type Props = {
  job: JobName;
  /** The job's name in words, for the dialog and the button's accessible name ("Uruchom teraz: Wystawianie faktur"). */
  jobLabel: string;
  /** What running it now will do, already in the page's language (billing says it issues the month's invoices today). */
  confirmBody: string;
  /** Left of the button: when the job runs. */
  children: React.ReactNode;
};

/**
 * "Run now" beside a job's schedule: asks first (with what the run will do), runs the job for
 * the school, then says what it did in words, or why it did not, and refreshes the runs below.
 */
export function RunJobPanel({ job, jobLabel, confirmBody, children }: Props) {
  const t = useTranslations('jobs.run');
  const te = useTranslations('errors');
  const router = useRouter();
  const [pending, start] = useTransition();
  const [result, setResult] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);

  const run = () => {
    setResult(null);
    start(async () => {
      try {
        const r = await runJobNowAction({ job });
        setResult(r.ok ? { tone: 'success', text: r.data.message } : { tone: 'error', text: r.message });
      } catch {
        setResult({ tone: 'error', text: te('INTERNAL') });
      }
      router.refresh();
    });
  };

  return (
    <div className="grid gap-3">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">{children}</div>
        <AlertDialog>
          <AlertDialogTrigger asChild>
            <Button variant="outline" disabled={pending} aria-label={`${pending ? t('running') : t('button')}: ${jobLabel}`} data-testid="run-job">
              <Play aria-hidden />
              {pending ? t('running') : t('button')}
            </Button>
          </AlertDialogTrigger>
          <AlertDialogContent>
            <AlertDialogHeader>
              <AlertDialogTitle>{t('confirmTitle', { job: jobLabel })}</AlertDialogTitle>
              <AlertDialogDescription>{confirmBody}</AlertDialogDescription>
            </AlertDialogHeader>
            <AlertDialogFooter>
              <AlertDialogCancel>{t('cancel')}</AlertDialogCancel>
              <AlertDialogAction onClick={run}>{t('confirm')}</AlertDialogAction>
            </AlertDialogFooter>
          </AlertDialogContent>
        </AlertDialog>
      </div>
      {result && (
        <Notice tone={result.tone} data-testid="run-result">
          {result.text}
        </Notice>
      )}
    </div>
  );
}
