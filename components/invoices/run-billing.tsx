'use client';

import Link from '@/components/ui/link';
import { useRouter } from 'next/navigation';
import { useLocale, useTranslations } from 'next-intl';
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
import { issueMonthAction } from '@/lib/billing/invoice-actions';
import { formatMoney } from '@/lib/money';

type Props = {
  period: string;
  /** "grudzień 2026", already in the page's language. */
  monthLabel: string;
  /** Invoices the preview would issue, and their gross total in grosze. */
  count: number;
  total: number;
};

/**
 * "Issue invoices" under the preview: asks once more (an issued invoice is final), runs the
 * month's billing and says what it did. It stays on the page after the preview refreshes, so
 * the answer is still there when the preview shows everyone invoiced.
 */
export function RunBilling({ period, monthLabel, count, total }: Props) {
  const t = useTranslations('invoices.run');
  const locale = useLocale() === 'en' ? 'en' : 'pl';
  const router = useRouter();
  const [pending, start] = useTransition();
  const [result, setResult] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);

  const issue = () => {
    setResult(null);
    start(async () => {
      const r = await issueMonthAction({ period });
      if (r.ok) {
        setResult({ tone: 'success', text: t('issued', { issued: r.data.issued, total: formatMoney(r.data.total, locale), existing: r.data.existing }) });
        router.refresh();
      } else setResult({ tone: 'error', text: r.message });
    });
  };

  return (
    <div className="grid gap-3">
      <div className="flex flex-wrap items-center gap-3">
        <AlertDialog>
          <AlertDialogTrigger asChild>
            <Button disabled={pending || count === 0} data-testid="issue-invoices">
              {t('issue')}
            </Button>
          </AlertDialogTrigger>
          <AlertDialogContent>
            <AlertDialogHeader>
              <AlertDialogTitle>{t('confirmTitle', { month: monthLabel })}</AlertDialogTitle>
              <AlertDialogDescription>{t('confirmBody', { count, total: formatMoney(total, locale) })}</AlertDialogDescription>
            </AlertDialogHeader>
            <AlertDialogFooter>
              <AlertDialogCancel>{t('cancel')}</AlertDialogCancel>
              <AlertDialogAction onClick={issue}>{t('confirm')}</AlertDialogAction>
            </AlertDialogFooter>
          </AlertDialogContent>
        </AlertDialog>
        <Button variant="outline" asChild>
          <Link href={`/admin/invoices?month=${period}`}>{t('showIssued')}</Link>
        </Button>
      </div>
      {result && (
        <Notice tone={result.tone} data-testid="run-result">
          {result.text}
        </Notice>
      )}
    </div>
  );
}
