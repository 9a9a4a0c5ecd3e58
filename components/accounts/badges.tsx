import { useTranslations } from 'next-intl';
import { Badge } from '@/components/ui/badge';

const statusVariant = { invited: 'warning', active: 'success', deactivated: 'secondary' } as const;

/** Account status in words, coloured as a second signal. */
export function StatusBadge({ status }: { status: keyof typeof statusVariant }) {
  const t = useTranslations('accounts.statuses');
  return <Badge variant={statusVariant[status]}>{t(status)}</Badge>;
}

export function RoleBadge({ role }: { role: 'admin' | 'tutor' | 'student' | 'parent' }) {
  const t = useTranslations('roles');
  return <Badge variant="outline">{t(role)}</Badge>;
}
