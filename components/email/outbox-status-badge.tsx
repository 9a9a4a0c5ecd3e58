import { useTranslations } from 'next-intl';
import { Badge } from '@/components/ui/badge';
import type { OutboxStatus } from '@/lib/email/queries';

// Colour is a second signal only: every badge carries the status in words.
const statusVariant = { queued: 'outline', sent: 'success', logged: 'secondary', failed: 'destructive' } as const satisfies Record<OutboxStatus, string>;

export function OutboxStatusBadge({ status }: { status: OutboxStatus }) {
  const t = useTranslations('outbox.status');
  return <Badge variant={statusVariant[status]}>{t(status)}</Badge>;
}
