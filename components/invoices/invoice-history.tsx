import { getLocale, getTranslations } from 'next-intl/server';
import type { InvoiceStatus } from '@/db/schema';
import type { InvoiceDetail } from '@/lib/billing/queries';
import { formatMoney } from '@/lib/money';
import { formatDateTime } from '@/lib/time';

const statuses = new Set(['issued', 'partially_paid', 'paid', 'overdue']);
const isStatus = (v: unknown): v is InvoiceStatus => typeof v === 'string' && statuses.has(v);
const amount = (v: unknown) => (typeof v === 'number' && Number.isSafeInteger(v) ? v : 0);

/** The invoice's trail from the audit log, newest first: issued, payments recorded, paid amount and status changes, and who did it. */
export async function InvoiceHistory({ history, timeZone }: { history: InvoiceDetail['history']; timeZone: string }) {
  const [t, locale] = await Promise.all([getTranslations('invoices'), getLocale()]);
  const money = (g: unknown) => formatMoney(amount(g), locale === 'en' ? 'en' : 'pl');
  const statusWord = (s: unknown) => (isStatus(s) ? t(`statusLabel.${s}`) : '—');
  const describe = (h: InvoiceDetail['history'][number]) => {
    const after = h.after ?? {};
    switch (h.action) {
      case 'invoice.issue':
        return t('detail.event.issue', { gross: money(after.gross) });
      case 'payment.record':
        return t('detail.event.payment', { amount: money(after.amount), method: typeof after.method === 'string' && ['transfer', 'cash', 'card'].includes(after.method) ? t(`method.${after.method as 'transfer'}`) : '—' });
      case 'invoice.correct':
        return t('corrections.event.correct', { gross: money(after.gross) });
      case 'invoice.corrected':
        return t('corrections.event.corrected', { number: typeof after.number === 'string' ? after.number : '—', gross: money(after.gross) });
      case 'invoice.allocation':
        return t('detail.event.allocation', { paid: money(after.paid), from: statusWord(h.before?.status), to: statusWord(after.status) });
      default:
        return t('detail.event.other', { action: h.action });
    }
  };
  if (history.length === 0) return <p className="text-sm text-muted-foreground">{t('detail.noHistory')}</p>;
  return (
    <ol className="grid gap-3" data-testid="invoice-history">
      {history.map((h) => (
        <li key={h.id} className="grid gap-0.5 border-l-2 pl-3 text-sm">
          <span className="font-medium">{describe(h)}</span>
          <span className="text-muted-foreground tabular-nums">
            {formatDateTime(h.at, timeZone)} · {h.actor ? t('detail.by', { name: h.actor }) : t('detail.bySystem')}
          </span>
        </li>
      ))}
    </ol>
  );
}
