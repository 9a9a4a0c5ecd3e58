'use client';

import Link from '@/components/ui/link';
import { useRouter } from 'next/navigation';
import { Plus, Trash2 } from 'lucide-react';
import { useLocale, useTranslations } from 'next-intl';
import { useRef, useState, useTransition } from 'react';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from '@/components/ui/dialog';
import { FormField, fieldProps } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { Notice } from '@/components/ui/notice';
import { Textarea } from '@/components/ui/textarea';
import { issueCorrectionAction } from '@/lib/billing/invoice-actions';
import { CORRECTION_MAX_LINES } from '@/lib/billing/invoice-schema';
import { formatMoney, parseMoney, percentOf } from '@/lib/money';

type Props = {
  invoiceId: string;
  number: string;
  /** The corrected invoice's VAT: corrections are taxed the same way. */
  vatMode: 'exempt' | 'rate';
  vatRate: number | null;
  /** The invoice's gross with its earlier corrections: the most a credit may take off. */
  correctedGross: number;
  buyer: { name: string; address: string | null; nip: string | null };
};

type Row = { key: number; description: string; amount: string };

/**
 * "Issue correction" on an invoice: a required reason, lines (a description and a net amount in
 * złoty, "-120,50" to credit), optionally the buyer's corrected details; the total is worked out
 * as the office types, with the original's VAT. The server checks everything again and answers
 * per field; on success the dialog names the new correction and links to it.
 */
export function CorrectionDialog({ invoiceId, number, vatMode, vatRate, correctedGross, buyer }: Props) {
  const t = useTranslations('invoices.corrections');
  const locale = useLocale() === 'en' ? 'en' : 'pl';
  const money = (g: number) => formatMoney(g, locale);
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [pending, start] = useTransition();
  const nextKey = useRef(1);
  const emptyRow = (): Row => ({ key: nextKey.current++, description: '', amount: '' });
  const [reason, setReason] = useState('');
  const [rows, setRows] = useState<Row[]>([{ key: 0, description: '', amount: '' }]);
  const [fixBuyer, setFixBuyer] = useState(false);
  const [buyerForm, setBuyerForm] = useState({ name: buyer.name, address: buyer.address ?? '', nip: buyer.nip ?? '' });
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [issued, setIssued] = useState<{ id: string; number: string; message: string } | null>(null);

  const onOpenChange = (next: boolean) => {
    setOpen(next);
    if (next) {
      setReason('');
      setRows([emptyRow()]);
      setFixBuyer(false);
      setBuyerForm({ name: buyer.name, address: buyer.address ?? '', nip: buyer.nip ?? '' });
      setErrors({});
      setFormError(null);
      setIssued(null);
    }
  };

  const setRow = (key: number, field: 'description' | 'amount', value: string) => setRows((list) => list.map((r) => (r.key === key ? { ...r, [field]: value } : r)));
  const removeRow = (key: number) => setRows((list) => list.filter((r) => r.key !== key));
  const addRow = () => setRows((list) => [...list, emptyRow()]);

  // The live total: lines that parse; VAT once from the net sum, as the server does.
  const nets = rows.map((r) => (r.amount.trim() ? parseMoney(r.amount) : null));
  const net = nets.reduce<number>((sum, n) => sum + (n ?? 0), 0);
  const vat = vatMode === 'rate' ? percentOf(net, vatRate ?? 0) : 0;
  const gross = net + vat;
  const overLimit = correctedGross + gross < 0;

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    setErrors({});
    setFormError(null);
    start(async () => {
      const result = await issueCorrectionAction({
        invoiceId,
        reason,
        lines: rows.map((r) => ({ description: r.description, amount: r.amount })),
        buyer: fixBuyer ? { name: buyerForm.name, address: buyerForm.address, nip: buyerForm.nip } : null,
      });
      if (result.ok) {
        const { number: issuedNumber, gross: issuedGross, credit } = result.data;
        const message = credit > 0 ? t('savedCredit', { number: issuedNumber, gross: money(issuedGross), credit: money(credit) }) : t('saved', { number: issuedNumber, gross: money(issuedGross) });
        setIssued({ id: result.data.id, number: issuedNumber, message });
        toast.success(message);
        router.refresh();
        return;
      }
      const fieldErrors = result.fieldErrors ?? {};
      setErrors(fieldErrors);
      const shown = Object.keys(fieldErrors).some((k) => k === 'reason' || k === 'lines' || k.startsWith('lines.') || k.startsWith('buyer.'));
      if (!shown) setFormError(result.message);
    });
  };

  const lineError = (i: number, field: 'description' | 'amount') => errors[`lines.${i}.${field}`];

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>
        <Button variant="outline" data-testid="issue-correction">
          {t('open')}
        </Button>
      </DialogTrigger>
      <DialogContent closeLabel={t('close')} className="sm:max-w-2xl">
        {issued ? (
          <div className="grid gap-4" data-testid="correction-issued">
            <DialogHeader className="pr-8">
              <DialogTitle>{t('title', { number })}</DialogTitle>
              <DialogDescription>{issued.message}</DialogDescription>
            </DialogHeader>
            <DialogFooter>
              <Button variant="outline" onClick={() => setOpen(false)}>
                {t('close')}
              </Button>
              <Button asChild>
                <Link href={`/admin/invoices/${issued.id}`} onClick={() => setOpen(false)} data-testid="open-correction">
                  {t('openNew', { number: issued.number })}
                </Link>
              </Button>
            </DialogFooter>
          </div>
        ) : (
          <form onSubmit={submit} className="grid min-w-0 gap-4" noValidate>
            <DialogHeader className="pr-8">
              <DialogTitle>{t('title', { number })}</DialogTitle>
              <DialogDescription>{t('intro', { number })}</DialogDescription>
            </DialogHeader>
            <Notice>{t('lessonHelp')}</Notice>

            <FormField id="correction-reason" label={t('reason')} error={errors.reason} description={t('reasonHint')} required>
              <Input {...fieldProps('correction-reason', errors.reason, { description: true })} maxLength={500} autoComplete="off" value={reason} onChange={(e) => setReason(e.target.value)} />
            </FormField>

            <fieldset className="grid min-w-0 gap-2">
              <legend className="mb-1 text-sm font-medium">{t('lines')}</legend>
              <p className="text-sm text-muted-foreground">{t('linesHint')}</p>
              {rows.length === 0 && <p className="text-sm text-muted-foreground">{t('noLines')}</p>}
              <ol className="grid gap-3 sm:gap-2" data-testid="correction-lines">
                {rows.map((r, i) => {
                  const dId = `correction-line-${r.key}-description`;
                  const aId = `correction-line-${r.key}-amount`;
                  const dErr = lineError(i, 'description');
                  const aErr = lineError(i, 'amount');
                  const parsed = nets[i];
                  return (
                    <li key={r.key} className="grid grid-cols-[1fr_auto] items-start gap-2 sm:grid-cols-[1fr_9rem_auto]">
                      <div className="col-span-2 grid gap-1 sm:col-span-1">
                        <Label htmlFor={dId} className="sr-only">
                          {t('lineDescription', { position: i + 1 })}
                        </Label>
                        <Input {...fieldProps(dId, dErr)} maxLength={200} autoComplete="off" placeholder={t('descriptionPlaceholder')} value={r.description} onChange={(e) => setRow(r.key, 'description', e.target.value)} />
                        {dErr && (
                          <p id={`${dId}-error`} className="text-sm text-destructive">
                            {dErr.join(' ')}
                          </p>
                        )}
                      </div>
                      <div className="grid gap-1">
                        <Label htmlFor={aId} className="sr-only">
                          {t('lineAmount', { position: i + 1 })}
                        </Label>
                        <Input
                          {...fieldProps(aId, aErr)}
                          inputMode="decimal"
                          autoComplete="off"
                          placeholder={t('amountPlaceholder')}
                          value={r.amount}
                          onChange={(e) => setRow(r.key, 'amount', e.target.value)}
                          className={parsed !== null && parsed < 0 ? 'text-right text-success tabular-nums' : 'text-right tabular-nums'}
                        />
                        {aErr && (
                          <p id={`${aId}-error`} className="text-sm text-destructive">
                            {aErr.join(' ')}
                          </p>
                        )}
                      </div>
                      <Button type="button" variant="ghost" size="icon" onClick={() => removeRow(r.key)} aria-label={t('removeLine', { position: i + 1 })}>
                        <Trash2 className="size-4" aria-hidden />
                      </Button>
                    </li>
                  );
                })}
              </ol>
              {errors.lines && (
                <p className="text-sm text-destructive" role="alert" data-testid="correction-lines-error">
                  {errors.lines.join(' ')}
                </p>
              )}
              <Button type="button" variant="outline" size="sm" className="w-fit" onClick={addRow} disabled={rows.length >= CORRECTION_MAX_LINES}>
                <Plus className="size-4" aria-hidden /> {t('addLine')}
              </Button>
            </fieldset>

            <dl className="ml-auto grid w-full max-w-xs grid-cols-[1fr_auto] gap-x-6 gap-y-1 text-sm" data-testid="correction-total" aria-live="polite">
              <dt className="text-muted-foreground">{t('totalNet')}</dt>
              <dd className="text-right tabular-nums">{money(net)}</dd>
              <dt className="text-muted-foreground">{vatMode === 'rate' ? t('totalVat', { rate: vatRate ?? 0 }) : t('totalVatExempt')}</dt>
              <dd className="text-right tabular-nums">{money(vat)}</dd>
              <dt className="border-t pt-1 font-semibold">{t('totalGross')}</dt>
              <dd className={overLimit ? 'border-t pt-1 text-right font-semibold text-destructive tabular-nums' : 'border-t pt-1 text-right font-semibold tabular-nums'}>{money(gross)}</dd>
            </dl>
            {overLimit && <Notice tone="warning">{t('limit', { amount: money(correctedGross) })}</Notice>}

            <div className="grid gap-3">
              <label className="flex w-fit items-center gap-2 text-sm font-medium">
                <input type="checkbox" className="size-4 accent-primary" checked={fixBuyer} onChange={(e) => setFixBuyer(e.target.checked)} data-testid="correction-fix-buyer" />
                {t('fixBuyer')}
              </label>
              {fixBuyer && (
                <div className="grid items-start gap-3 sm:grid-cols-2">
                  <FormField id="correction-buyer-name" label={t('buyerName')} error={errors['buyer.name']} required className="sm:col-span-2">
                    <Input {...fieldProps('correction-buyer-name', errors['buyer.name'])} maxLength={200} autoComplete="off" value={buyerForm.name} onChange={(e) => setBuyerForm((b) => ({ ...b, name: e.target.value }))} />
                  </FormField>
                  <FormField id="correction-buyer-address" label={t('buyerAddress')} error={errors['buyer.address']}>
                    <Textarea {...fieldProps('correction-buyer-address', errors['buyer.address'])} maxLength={300} rows={2} value={buyerForm.address} onChange={(e) => setBuyerForm((b) => ({ ...b, address: e.target.value }))} />
                  </FormField>
                  <FormField id="correction-buyer-nip" label={t('buyerNip')} error={errors['buyer.nip']}>
                    <Input {...fieldProps('correction-buyer-nip', errors['buyer.nip'])} inputMode="numeric" maxLength={20} autoComplete="off" value={buyerForm.nip} onChange={(e) => setBuyerForm((b) => ({ ...b, nip: e.target.value }))} />
                  </FormField>
                </div>
              )}
            </div>

            {formError && <Notice tone="error">{formError}</Notice>}
            <DialogFooter>
              <Button type="button" variant="outline" onClick={() => setOpen(false)}>
                {t('cancel')}
              </Button>
              <Button type="submit" disabled={pending} data-testid="correction-submit">
                {pending ? t('saving') : t('save')}
              </Button>
            </DialogFooter>
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}
