import { getTranslations } from 'next-intl/server';
import { Badge } from '@/components/ui/badge';
import type { InvoiceStatus } from '@/db/schema';

const variants = { issued: 'outline', partially_paid: 'warning', paid: 'success', overdue: 'destructive' } as const;

/** An invoice's status in words (colour is only the second signal); overdue in red. */
export async function InvoiceStatusBadge({ status }: { status: InvoiceStatus }) {
  const t = await getTranslations('invoices');
  return (
    <Badge variant={variants[status]} data-testid="invoice-status" data-status={status}>
      {t(`statusLabel.${status}`)}
    </Badge>
  );
}
