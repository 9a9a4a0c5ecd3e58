import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { ArrowLeft } from 'lucide-react';
import { getLocale, getTranslations } from 'next-intl/server';
import { formatPeriod } from '@/components/invoices/format';
import { RunBilling } from '@/components/invoices/run-billing';
import { PageHeader } from '@/components/list/page-header';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Label } from '@/components/ui/label';
import { NativeSelect, NativeSelectOption } from '@/components/ui/native-select';
import { Table, TableBody, TableCaption, TableCell, TableFooter, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { requirePage } from '@/lib/auth/viewer';
import { PERIOD } from '@/lib/billing/invoice-schema';
import { shiftMonth } from '@/lib/billing/plan';
import { previewMonth, type PreviewPayer } from '@/lib/billing/queries';
import { formatMoney } from '@/lib/money';
import { todayIn } from '@/lib/time';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('invoices'))('run.title') };
}

type Search = Promise<Record<string, string | string[] | undefined>>;

/**
 * A month's billing run: the preview of what would be issued (computed, nothing written), what
 * to fix first, and the button that issues it. The month defaults to the current one in the
 * school's zone; the latest offered is the next month, as the action allows.
 */
export default async function RunBillingPage({ searchParams }: { searchParams: Search }) {
  const viewer = await requirePage('billing.run', 'admin');
  const current = todayIn(viewer.timeZone).slice(0, 7);
  const latest = shiftMonth(current, 1);
  const asked = (await searchParams).month;
  const month = typeof asked === 'string' && PERIOD.test(asked) && asked <= latest ? asked : current;
  const [t, locale, preview] = await Promise.all([getTranslations('invoices'), getLocale(), previewMonth(viewer, month)]);
  if (!preview) return null;
  const money = (g: number) => formatMoney(g, locale === 'en' ? 'en' : 'pl');
  const months = Array.from({ length: 14 }, (_, i) => shiftMonth(latest, -i));
  if (!months.includes(month)) months.push(month);
  const monthLabel = formatPeriod(month, locale);

  return (
    <div className="mx-auto grid max-w-6xl grid-cols-1 gap-6">
      <Link href="/admin/invoices" className="inline-flex w-fit items-center gap-1 text-sm text-muted-foreground hover:text-foreground">
        <ArrowLeft className="size-4" aria-hidden /> {(await getTranslations('records'))('backTo', { list: t('title') })}
      </Link>
      <PageHeader title={t('run.title')} description={t('run.description')} testId="run-title" />

      <form method="get" className="flex flex-wrap items-end gap-3 rounded-lg border bg-card p-3">
        <div className="grid gap-1.5">
          <Label htmlFor="month">{t('run.month')}</Label>
          <NativeSelect id="month" name="month" defaultValue={month} className="min-w-48">
            {months.map((m) => (
              <NativeSelectOption key={m} value={m}>
                {formatPeriod(m, locale)}
              </NativeSelectOption>
            ))}
          </NativeSelect>
        </div>
        <Button type="submit" variant="outline">
          {t('run.show')}
        </Button>
      </form>

      <section aria-labelledby="preview-title" className="grid gap-4" data-testid="billing-preview">
        <div className="grid gap-1">
          <h2 id="preview-title" className="text-lg font-semibold">
            {t('run.previewTitle', { month: monthLabel })}
          </h2>
          <p className="text-muted-foreground" data-testid="preview-summary">
            {t('run.summary', { count: preview.toIssue.length })}
            {preview.toIssue.length > 0 && <>. {t('run.summaryTotal', { total: money(preview.totals.gross), lines: preview.totals.lines })}</>}
            {preview.toIssue.length === 0 && preview.existing.length > 0 && <>. {t('run.everyoneInvoiced')}</>}
          </p>
        </div>

        <div className="grid gap-3 md:grid-cols-2">
          {preview.noPayer.length > 0 && (
            <Warning tone="warning" title={t('run.noPayerTitle', { count: preview.noPayer.length })} count={preview.noPayer.length} body={t('run.noPayerBody')} testId="warning-no-payer">
              {preview.noPayer.map((s) => (
                <li key={s.studentId}>
                  <Link href={`/admin/students/${s.studentId}`} className="hover:underline">
                    {s.name}
                  </Link>
                </li>
              ))}
            </Warning>
          )}
          {preview.missingPrices.length > 0 && (
            <Warning tone="warning" title={t('run.missingTitle', { count: preview.missingPrices.length })} count={preview.missingPrices.length} body={t('run.missingBody')} testId="warning-missing-prices">
              {preview.missingPrices.map((m) => (
                <li key={`${m.studentId}|${m.subjectId}`}>{t('run.missingItem', { student: m.student, subject: m.subject, lessons: m.lessons })}</li>
              ))}
            </Warning>
          )}
          {preview.existing.length > 0 && (
            <Warning tone="info" title={t('run.existingTitle', { count: preview.existing.length })} count={preview.existing.length} body={t('run.existingBody')} testId="warning-existing">
              {preview.existing.map((p) => (
                <li key={p.payerKey}>
                  {p.name}
                  {p.invoice && (
                    <>
                      {' — '}
                      <Link href={`/admin/invoices/${p.invoice.id}`} className="tabular-nums hover:underline">
                        {p.invoice.number}
                      </Link>
                    </>
                  )}
                </li>
              ))}
            </Warning>
          )}
          {preview.held.length > 0 && (
            <Warning tone="info" title={t('run.heldTitle', { count: preview.held.length })} count={preview.held.length} body={t('run.heldBody')} testId="warning-held">
              {preview.held.map((p) => (
                <li key={p.payerKey}>
                  {p.name} ({money(p.gross)})
                </li>
              ))}
            </Warning>
          )}
        </div>

        <RunBilling key={month} period={month} monthLabel={monthLabel} count={preview.toIssue.length} total={preview.totals.gross} />

        {preview.toIssue.length > 0 && <PreviewTable payers={preview.toIssue} totals={preview.totals} />}
      </section>
    </div>
  );
}

async function PreviewTable({ payers, totals }: { payers: PreviewPayer[]; totals: { net: number; vat: number; gross: number; lines: number } }) {
  const [t, locale] = await Promise.all([getTranslations('invoices.run'), getLocale()]);
  const money = (g: number) => formatMoney(g, locale === 'en' ? 'en' : 'pl');
  return (
    <Table containerClassName="rounded-lg border max-h-[70vh]" data-testid="preview-table">
      <TableCaption className="sr-only">{t('tableCaption')}</TableCaption>
      <TableHeader sticky>
        <TableRow>
          <TableHead>{t('payer')}</TableHead>
          <TableHead className="hidden md:table-cell">{t('students')}</TableHead>
          <TableHead className="text-right">{t('lines')}</TableHead>
          <TableHead className="hidden text-right sm:table-cell">{t('net')}</TableHead>
          <TableHead className="hidden text-right sm:table-cell">{t('vat')}</TableHead>
          <TableHead className="text-right">{t('gross')}</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {payers.map((p) => (
          <TableRow key={p.payerKey} data-testid="preview-row">
            <TableCell className="font-medium">
              <Link href={p.kind === 'parent' ? `/admin/parents/${p.payerKey}` : `/admin/students/${p.payerKey}`} className="hover:underline">
                {p.name}
              </Link>
              <div className="text-xs font-normal text-muted-foreground md:hidden">{p.kind === 'student' ? t('selfPayer') : p.students.join(', ')}</div>
            </TableCell>
            <TableCell className="hidden text-muted-foreground md:table-cell">{p.kind === 'student' ? t('selfPayer') : p.students.join(', ')}</TableCell>
            <TableCell className="text-right tabular-nums">{p.lines}</TableCell>
            <TableCell className="hidden text-right whitespace-nowrap tabular-nums sm:table-cell">{money(p.net)}</TableCell>
            <TableCell className="hidden text-right whitespace-nowrap tabular-nums sm:table-cell">{money(p.vat)}</TableCell>
            <TableCell className="text-right whitespace-nowrap tabular-nums">{money(p.gross)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
      <TableFooter>
        <TableRow>
          <TableCell className="font-medium">{t('grandTotal')}</TableCell>
          <TableCell className="hidden md:table-cell" />
          <TableCell className="text-right tabular-nums">{totals.lines}</TableCell>
          <TableCell className="hidden text-right whitespace-nowrap tabular-nums sm:table-cell">{money(totals.net)}</TableCell>
          <TableCell className="hidden text-right whitespace-nowrap tabular-nums sm:table-cell">{money(totals.vat)}</TableCell>
          <TableCell className="text-right font-medium whitespace-nowrap tabular-nums" data-testid="preview-total">
            {money(totals.gross)}
          </TableCell>
        </TableRow>
      </TableFooter>
    </Table>
  );
}

/** A warning above the preview: a sentence, and the names behind it folded away when there are many. */
async function Warning({ tone, title, body, count, testId, children }: { tone: 'warning' | 'info'; title: string; body: string; count: number; testId: string; children: React.ReactNode }) {
  const t = await getTranslations('invoices.run');
  return (
    <Card className={tone === 'warning' ? 'gap-3 border-warning/60 py-4' : 'gap-3 py-4'} data-testid={testId}>
      <CardHeader className="px-4">
        <CardTitle className="text-base">{title}</CardTitle>
        <CardDescription>{body}</CardDescription>
      </CardHeader>
      <CardContent className="px-4">
        <details>
          <summary className="cursor-pointer text-sm text-muted-foreground hover:text-foreground">{t('showList', { count })}</summary>
          <ul className="mt-2 grid max-h-48 gap-1 overflow-auto text-sm">{children}</ul>
        </details>
      </CardContent>
    </Card>
  );
}
