import { useTranslations } from 'next-intl';
import { Badge } from '@/components/ui/badge';

const variant = { active: 'success', paused: 'warning', archived: 'secondary' } as const;

/** A student's status in words, coloured as a second signal. */
export function StudentStatusBadge({ status }: { status: keyof typeof variant }) {
  const t = useTranslations('students.statuses');
  return <Badge variant={variant[status]}>{t(status)}</Badge>;
}

/** A subject with its colour dot (the colour is never the only signal: the name is there). */
export function SubjectChip({ name, color, detail }: { name: string; color: string; detail?: string | null }) {
  return (
    <span className="inline-flex items-center gap-1.5 rounded-md border px-1.5 py-0.5 text-xs whitespace-nowrap">
      <span className="size-2 shrink-0 rounded-full" style={{ backgroundColor: color }} aria-hidden />
      {name}
      {detail && <span className="text-muted-foreground">· {detail}</span>}
    </span>
  );
}
