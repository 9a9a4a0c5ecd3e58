import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { notFound } from 'next/navigation';
import { ArrowLeft, Download, ExternalLink } from 'lucide-react';
import { getLocale, getTranslations } from 'next-intl/server';
import { formatPeriod } from '@/components/invoices/format';
import { InvoiceHistory } from '@/components/invoices/invoice-history';
import { payerHref } from '@/components/invoices/invoices-table';
import { PayerBalanceSummary } from '@/components/invoices/payer-balance';
import { CorrectionDialog } from '@/components/invoices/correction-dialog';
import { RecordPaymentDialog } from '@/components/invoices/record-payment-dialog';
import { InvoiceStatusBadge } from '@/components/invoices/status-badge';
import { PageHeader } from '@/components/list/page-header';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Notice } from '@/components/ui/notice';
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { can } from '@/lib/auth/permissions';
import { requirePage } from '@/lib/auth/viewer';
import { getCorrectionLinks } from '@/lib/billing/corrections';
import { PAID_ON_DAYS_BEFORE_ISSUE } from '@/lib/billing/payments';
import { getInvoice } from '@/lib/billing/queries';
import { formatMoney } from '@/lib/money';
import { formatNip } from '@/lib/parents/schema';
import { addCalendarDays, formatCalendarDate, todayIn } from '@/lib/time';
import { RecordHistory } from '@/components/audit/record-history';

type Params = Promise<{ id: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const viewer = await requirePage('invoices.read', 'admin');
  const invoice = await getInvoice(viewer, (await params).id);
  return { title: invoice ? invoice.number : (await getTranslations('invoices'))('title') };
}

export default async function InvoicePage({ params }: { params: Params }) {
  const viewer = await requirePage('invoices.read', 'admin');
  const invoice = await getInvoice(viewer, (await params).id);
  if (!invoice) notFound();
  const [t, tr, locale, links] = await Promise.all([getTranslations('invoices'), getTranslations('records'), getLocale(), getCorrectionLinks(viewer, invoice.id)]);
  const money = (g: number) => formatMoney(g, locale === 'en' ? 'en' : 'pl');
  const today = todayIn(viewer.timeZone);
  const fromCredit = invoice.paid - invoice.paidHere;
  const canManage = can(viewer.role, 'invoices.manage');
  const title = invoice.kind === 'correction' ? t('detail.correctionTitle', { number: invoice.number }) : invoice.number;

  return (
    <div className="mx-auto grid max-w-6xl grid-cols-1 gap-6">
      <Link href="/admin/invoices" className="inline-flex w-fit items-center gap-1 text-sm text-muted-foreground hover:text-foreground">
        <ArrowLeft className="size-4" aria-hidden /> {tr('backTo', { list: t('title') })}
      </Link>
      <PageHeader
        testId="invoice-number"
        title={
          <span className="flex flex-wrap items-center gap-2">
            <span className="tabular-nums">{title}</span>
            <InvoiceStatusBadge status={invoice.status} />
            {invoice.kind === 'correction' && <Badge variant="outline">{t('correction')}</Badge>}
          </span>
        }
        description={
          <>
            <Link href={payerHref({ payerParentId: invoice.payerParentId, payerStudentId: invoice.payerStudentId })} className="font-medium text-foreground hover:underline">
              {invoice.buyer.name}
            </Link>
            {invoice.period && <> · {formatPeriod(invoice.period, locale)}</>}
            {links?.corrects && (
              <>
                {' · '}
                <Link href={`/admin/invoices/${links.corrects.id}`} className="font-medium text-foreground hover:underline" data-testid="corrects-link">
                  {t('corrections.corrects', { number: links.corrects.number })}
                </Link>
              </>
            )}
          </>
        }
        actions={
          <>
            <Button variant="outline" asChild>
              <a href={`/api/invoices/${invoice.id}/pdf`} download data-testid="invoice-pdf">
                <Download className="size-4" aria-hidden /> {t('detail.downloadPdf')}
              </a>
            </Button>
            {canManage && (
              <RecordPaymentDialog
                invoiceId={invoice.id}
                number={invoice.number}
                due={invoice.due}
                today={today}
                earliest={addCalendarDays(invoice.issueDate, -PAID_ON_DAYS_BEFORE_ISSUE)}
              />
            )}
            {canManage && invoice.kind === 'invoice' && links && (
              <CorrectionDialog
                invoiceId={invoice.id}
                number={invoice.number}
                vatMode={invoice.vatMode}
                vatRate={invoice.vatRate}
                correctedGross={links.correctedGross}
                buyer={{ name: invoice.buyer.name, address: invoice.buyer.address, nip: invoice.buyer.nip }}
              />
            )}
          </>
        }
      />

      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        <div className="grid min-w-0 grid-cols-1 content-start gap-6 lg:col-span-2">
          <Card>
            <CardContent>
              <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-3" data-testid="invoice-facts">
                <Field label={t('detail.payer')} wide>
                  <span className="grid gap-0.5">
                    <span>{invoice.buyer.name}</span>
                    {invoice.buyer.address && <span className="font-normal whitespace-pre-line text-muted-foreground">{invoice.buyer.address}</span>}
                    {invoice.buyer.nip && <span className="font-normal text-muted-foreground tabular-nums">{t('detail.nip', { nip: formatNip(invoice.buyer.nip) })}</span>}
                  </span>
                </Field>
                <Field label={t('detail.period')}>{invoice.period ? formatPeriod(invoice.period, locale) : '—'}</Field>
                <Field label={t('detail.issueDate')}>{formatCalendarDate(invoice.issueDate)}</Field>
                <Field label={t('detail.saleDate')}>{formatCalendarDate(invoice.saleDate)}</Field>
                <Field label={t('detail.dueDate')}>
                  <span className={invoice.status === 'overdue' ? 'text-destructive' : undefined}>{formatCalendarDate(invoice.dueDate)}</span>
                </Field>
                <Field label={t('detail.transferTitle')} wide>
                  <span className="break-words">{invoice.transferTitle}</span>
                </Field>
                {links?.corrects && (
                  <>
                    <Field label={t('corrections.correctsLabel')}>
                      <Link href={`/admin/invoices/${links.corrects.id}`} className="tabular-nums hover:underline">
                        {links.corrects.number}
                      </Link>
                    </Field>
                    <Field label={t('corrections.reasonLabel')} wide>
                      <span className="break-words" data-testid="correction-reason">
                        {links.corrects.reason}
                      </span>
                    </Field>
                  </>
                )}
              </dl>
            </CardContent>
          </Card>

          <Card>
            <CardHeader>
              <CardTitle>{t('detail.lines')}</CardTitle>
            </CardHeader>
            <CardContent className="grid gap-4">
              {invoice.lines.length === 0 ? (
                <p className="text-sm text-muted-foreground">{t('detail.noLines')}</p>
              ) : (
                <Table scrollLabel={t('detail.linesCaption')} containerClassName="rounded-md border" data-testid="invoice-lines">
                  <TableCaption className="sr-only">{t('detail.linesCaption')}</TableCaption>
                  <TableHeader>
                    <TableRow>
                      <TableHead className="w-10 text-right">{t('detail.position')}</TableHead>
                      <TableHead>{t('detail.lineDescription')}</TableHead>
                      <TableHead className="hidden sm:table-cell">{t('detail.lineDate')}</TableHead>
                      <TableHead className="hidden text-right md:table-cell">{t('detail.lineMinutes')}</TableHead>
                      <TableHead className="text-right">{t('detail.lineNet')}</TableHead>
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {invoice.lines.map((l) => (
                      <TableRow key={l.id}>
                        <TableCell className="text-right text-muted-foreground tabular-nums">{l.position}</TableCell>
                        <TableCell className="min-w-48 whitespace-normal">
                          {l.description}
                          {l.serviceDate && <div className="text-xs text-muted-foreground tabular-nums sm:hidden">{formatCalendarDate(l.serviceDate)}</div>}
                        </TableCell>
                        <TableCell className="hidden whitespace-nowrap tabular-nums sm:table-cell">{l.serviceDate ? formatCalendarDate(l.serviceDate) : '—'}</TableCell>
                        <TableCell className="hidden text-right whitespace-nowrap tabular-nums md:table-cell">{l.minutes ? t('detail.minutes', { minutes: l.minutes }) : '—'}</TableCell>
                        <TableCell className={l.net < 0 ? 'text-right whitespace-nowrap text-success tabular-nums' : 'text-right whitespace-nowrap tabular-nums'}>{money(l.net)}</TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              )}
              <dl className="ml-auto grid w-full max-w-xs grid-cols-[1fr_auto] gap-x-6 gap-y-1.5 text-sm" data-testid="invoice-totals">
                <dt className="text-muted-foreground">{t('detail.net')}</dt>
                <dd className="text-right tabular-nums">{money(invoice.net)}</dd>
                <dt className="text-muted-foreground">{invoice.vatMode === 'rate' ? t('detail.vatRate', { rate: invoice.vatRate ?? 0 }) : t('detail.vatExempt')}</dt>
                <dd className="text-right tabular-nums">{money(invoice.vat)}</dd>
                <dt className="font-medium">{t('detail.gross')}</dt>
                <dd className="text-right font-medium tabular-nums">{money(invoice.gross)}</dd>
                <dt className="text-muted-foreground">{t('detail.paid')}</dt>
                <dd className="text-right tabular-nums" data-testid="invoice-paid">
                  {money(invoice.paid)}
                </dd>
                <dt className="border-t pt-1.5 font-semibold">{t('detail.due')}</dt>
                <dd className="border-t pt-1.5 text-right font-semibold tabular-nums" data-testid="invoice-due">
                  {money(invoice.due)}
                </dd>
              </dl>
              {invoice.vatMode === 'exempt' && invoice.vatBasis && <p className="text-xs text-muted-foreground">{t('detail.exemptBasis', { basis: invoice.vatBasis })}</p>}
            </CardContent>
          </Card>

          {links && links.corrections.length > 0 && (
            <Card>
              <CardHeader>
                <CardTitle>{t('corrections.listTitle')}</CardTitle>
                <CardDescription>{t('corrections.listDescription', { gross: money(links.correctedGross) })}</CardDescription>
              </CardHeader>
              <CardContent>
                <Table scrollLabel={t('corrections.listCaption')} containerClassName="rounded-md border" data-testid="invoice-corrections">
                  <TableCaption className="sr-only">{t('corrections.listCaption')}</TableCaption>
                  <TableHeader>
                    <TableRow>
                      <TableHead>{t('columns.number')}</TableHead>
                      <TableHead className="hidden sm:table-cell">{t('detail.issueDate')}</TableHead>
                      <TableHead className="hidden sm:table-cell">{t('corrections.reasonLabel')}</TableHead>
                      <TableHead className="text-right">{t('detail.gross')}</TableHead>
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {links.corrections.map((c) => (
                      <TableRow key={c.id}>
                        <TableCell className="whitespace-nowrap tabular-nums">
                          <Link href={`/admin/invoices/${c.id}`} className="font-medium hover:underline">
                            {c.number}
                          </Link>
                          <div className="text-xs text-muted-foreground sm:hidden">{formatCalendarDate(c.issueDate)}</div>
                          <div className="max-w-56 text-xs whitespace-normal text-muted-foreground sm:hidden">{c.reason}</div>
                        </TableCell>
                        <TableCell className="hidden whitespace-nowrap tabular-nums sm:table-cell">{formatCalendarDate(c.issueDate)}</TableCell>
                        <TableCell className="hidden min-w-40 whitespace-normal sm:table-cell">{c.reason}</TableCell>
                        <TableCell className={c.gross < 0 ? 'text-right whitespace-nowrap text-success tabular-nums' : 'text-right whitespace-nowrap tabular-nums'}>{money(c.gross)}</TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              </CardContent>
            </Card>
          )}

          <Card>
            <CardHeader>
              <CardTitle>{t('detail.payments')}</CardTitle>
            </CardHeader>
            <CardContent className="grid gap-3">
              {invoice.payments.length === 0 ? (
                <p className="text-sm text-muted-foreground">{t('detail.noPayments')}</p>
              ) : (
                <Table scrollLabel={t('detail.paymentsCaption')} containerClassName="rounded-md border" data-testid="invoice-payments">
                  <TableCaption className="sr-only">{t('detail.paymentsCaption')}</TableCaption>
                  <TableHeader>
                    <TableRow>
                      <TableHead>{t('detail.paidOn')}</TableHead>
                      <TableHead className="text-right">{t('detail.amount')}</TableHead>
                      <TableHead>{t('detail.method')}</TableHead>
                      <TableHead className="hidden sm:table-cell">{t('detail.reference')}</TableHead>
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {invoice.payments.map((p) => (
                      <TableRow key={p.id}>
                        <TableCell className="whitespace-nowrap tabular-nums">{formatCalendarDate(p.paidOn)}</TableCell>
                        <TableCell className="text-right whitespace-nowrap tabular-nums">{money(p.amount)}</TableCell>
                        <TableCell className="whitespace-nowrap">{t(`method.${p.method}`)}</TableCell>
                        <TableCell className="hidden max-w-64 truncate text-muted-foreground sm:table-cell" title={p.reference ?? undefined}>
                          {p.reference ?? '—'}
                        </TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              )}
              {fromCredit > 0 && <Notice>{t('detail.fromCredit', { amount: money(fromCredit) })}</Notice>}
              {fromCredit < 0 && <Notice>{t('detail.movedOn', { amount: money(-fromCredit) })}</Notice>}
            </CardContent>
          </Card>
        </div>

        <div className="grid min-w-0 content-start gap-6">
          <Card>
            <CardHeader>
              <CardTitle>{t('detail.balance')}</CardTitle>
              <CardDescription>{t('detail.balanceDescription')}</CardDescription>
            </CardHeader>
            <CardContent className="grid gap-3">
              <PayerBalanceSummary balance={invoice.balance} />
              {invoice.balance.credit > 0 && (
                <Notice tone="success" data-testid="credit-notice">
                  {t('detail.credit', { amount: money(invoice.balance.credit) })}
                </Notice>
              )}
              <Link href={payerHref({ payerParentId: invoice.payerParentId, payerStudentId: invoice.payerStudentId })} className="inline-flex w-fit items-center gap-1 text-sm text-muted-foreground hover:text-foreground hover:underline">
                {t('detail.openPayer')} <ExternalLink className="size-3.5" aria-hidden />
              </Link>
            </CardContent>
          </Card>

          {canManage && (
            <Card>
              <CardHeader>
                <CardTitle>{t('detail.history')}</CardTitle>
              </CardHeader>
              <CardContent>
                <InvoiceHistory history={invoice.history} timeZone={viewer.timeZone} />
              </CardContent>
            </Card>
          )}
        </div>
      </div>
      <RecordHistory viewer={viewer} entityType="invoice" entityId={invoice.id} />
    </div>
  );
}

function Field({ label, children, wide }: { label: string; children: React.ReactNode; wide?: boolean }) {
  return (
    <div className={wide ? 'grid gap-0.5 sm:col-span-3' : 'grid gap-0.5'}>
      <dt className="text-muted-foreground">{label}</dt>
      <dd className="font-medium">{children}</dd>
    </div>
  );
}
