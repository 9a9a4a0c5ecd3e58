'use client';

import { Pencil, Plus } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useLocale, useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
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
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from '@/components/ui/dialog';
import { FormField, fieldProps } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { Notice } from '@/components/ui/notice';
import { clearSubjectPriceAction, setSubjectPriceAction } from '@/lib/billing/price-actions';
import { formatMoney, parseMoney, proRata, type Grosze } from '@/lib/money';
import { isMessageKey } from '@/lib/records/fields';
import { moneyFieldValue, moneyLocale } from './money-field';

type Price = { individualPer60: Grosze; groupPer60: Grosze | null };

/**
 * A subject's price in the subjects list ("120,00 zł", and the group price when it differs)
 * with a button that edits it in a dialog. The server checks everything again.
 */
export function SubjectPriceCell({ subjectId, subject, price }: { subjectId: string; subject: string; price: Price | null }) {
  const t = useTranslations('billing.prices');
  const locale = moneyLocale(useLocale());
  const [open, setOpen] = useState(false);
  return (
    <div className="flex items-center justify-end gap-1" data-testid="subject-price">
      <div className="grid text-right leading-tight">
        {price ? (
          <>
            <span className="font-medium tabular-nums whitespace-nowrap">{formatMoney(price.individualPer60, locale)}</span>
            {price.groupPer60 != null && price.groupPer60 !== price.individualPer60 && (
              <span className="text-xs whitespace-nowrap text-muted-foreground tabular-nums">{t('groupValue', { price: formatMoney(price.groupPer60, locale) })}</span>
            )}
          </>
        ) : (
          <span className="text-sm whitespace-nowrap text-muted-foreground">{t('none')}</span>
        )}
      </div>
      <Dialog open={open} onOpenChange={setOpen}>
        <DialogTrigger asChild>
          <Button variant="ghost" size="icon" aria-label={price ? t('editLabel', { subject }) : t('setLabel', { subject })} title={price ? t('edit') : t('set')}>
            {price ? <Pencil aria-hidden /> : <Plus aria-hidden />}
          </Button>
        </DialogTrigger>
        <DialogContent className="sm:max-w-md" closeLabel={t('close')}>
          <DialogHeader>
            <DialogTitle>{t('dialogTitle', { subject })}</DialogTitle>
            <DialogDescription>{t('dialogDescription')}</DialogDescription>
          </DialogHeader>
          {/* Inside the content, so every opening starts from the price as saved. */}
          <SubjectPriceForm subjectId={subjectId} subject={subject} price={price} onDone={() => setOpen(false)} />
        </DialogContent>
      </Dialog>
    </div>
  );
}

function SubjectPriceForm({ subjectId, subject, price, onDone }: { subjectId: string; subject: string; price: Price | null; onDone: () => void }) {
  const t = useTranslations('billing.prices');
  const tAll = useTranslations();
  const rawLocale = useLocale();
  const locale = moneyLocale(rawLocale);
  const router = useRouter();
  const [pending, start] = useTransition();
  const [individual, setIndividual] = useState(moneyFieldValue(price?.individualPer60, rawLocale));
  const [group, setGroup] = useState(moneyFieldValue(price?.groupPer60, rawLocale));
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const typed = parseMoney(individual);
  const translate = (m: string) => (isMessageKey(m) ? tAll(m) : m);

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    setErrors({});
    setFormError(null);
    start(async () => {
      const result = await setSubjectPriceAction({ subjectId, individualPer60: individual, groupPer60: group });
      if (!result.ok) {
        if (result.fieldErrors && Object.keys(result.fieldErrors).some((k) => k === 'individualPer60' || k === 'groupPer60')) setErrors(result.fieldErrors);
        else setFormError(result.message);
        return;
      }
      toast.success(result.data.changed ? t('saved', { subject }) : t('unchanged'));
      onDone();
      router.refresh();
    });
  };

  const clear = () =>
    start(async () => {
      const result = await clearSubjectPriceAction({ subjectId });
      if (!result.ok) {
        setFormError(result.message);
        return;
      }
      toast.success(t('cleared', { subject }));
      onDone();
      router.refresh();
    });

  const individualError = errors.individualPer60?.map(translate);
  const groupError = errors.groupPer60?.map(translate);
  return (
    <form onSubmit={submit} noValidate className="grid gap-4">
      <FormField
        id="price-individual"
        label={t('individual')}
        error={individualError}
        required
        description={typed != null && typed >= 0 ? t('example', { p45: formatMoney(proRata(typed, 45), locale), p90: formatMoney(proRata(typed, 90), locale) }) : t('individualHelp')}
      >
        <div className="flex items-center gap-2">
          <Input
            {...fieldProps('price-individual', individualError, { description: true })}
            inputMode="decimal"
            autoComplete="off"
            value={individual}
            onChange={(e) => setIndividual(e.target.value)}
            className="w-36 text-right tabular-nums"
          />
          <span className="text-sm text-muted-foreground">{t('unit')}</span>
        </div>
      </FormField>
      <FormField id="price-group" label={t('group')} error={groupError} description={t('groupHelp')}>
        <div className="flex items-center gap-2">
          <Input
            {...fieldProps('price-group', groupError, { description: true })}
            inputMode="decimal"
            autoComplete="off"
            value={group}
            placeholder={typed != null ? moneyFieldValue(typed, rawLocale) : undefined}
            onChange={(e) => setGroup(e.target.value)}
            className="w-36 text-right tabular-nums"
          />
          <span className="text-sm text-muted-foreground">{t('unit')}</span>
        </div>
      </FormField>
      {formError && <Notice tone="error">{formError}</Notice>}
      <DialogFooter className="gap-2 sm:justify-between">
        {price ? (
          <AlertDialog>
            <AlertDialogTrigger asChild>
              <Button type="button" variant="ghost" className="text-destructive hover:text-destructive" disabled={pending}>
                {t('clear')}
              </Button>
            </AlertDialogTrigger>
            <AlertDialogContent>
              <AlertDialogHeader>
                <AlertDialogTitle>{t('clearTitle', { subject })}</AlertDialogTitle>
                <AlertDialogDescription>{t('clearBody')}</AlertDialogDescription>
              </AlertDialogHeader>
              <AlertDialogFooter>
                <AlertDialogCancel>{t('cancel')}</AlertDialogCancel>
                <AlertDialogAction variant="destructive" onClick={clear}>{t('clearConfirm')}</AlertDialogAction>
              </AlertDialogFooter>
            </AlertDialogContent>
          </AlertDialog>
        ) : (
          <span />
        )}
        <Button type="submit" disabled={pending}>
          {pending ? t('saving') : t('save')}
        </Button>
      </DialogFooter>
    </form>
  );
}
