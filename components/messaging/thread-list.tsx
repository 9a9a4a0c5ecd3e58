import Link from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';
import { Badge } from '@/components/ui/badge';
import type { ThreadRow } from '@/lib/messaging/queries';
import { formatDateTime } from '@/lib/time';
import { cn } from '@/lib/utils';

/**
 * The viewer's threads, newest first: subject, who it is about and with whom, the last
 * message's first words, and a count of unread ones (in words too, not only a dot).
 */
export async function ThreadList({ rows, base, timeZone, roomy }: { rows: ThreadRow[]; base: string; timeZone: string; roomy?: boolean }) {
  const t = await getTranslations('messaging');
  return (
    <ul className="divide-y rounded-lg border bg-card" data-testid="thread-list">
      {rows.map((r) => (
        <li key={r.id}>
          <Link
            href={`${base}/${r.id}`}
            className={cn(
              'grid gap-1 px-4 py-3 transition-colors hover:bg-muted/60 focus-visible:bg-muted/60 focus-visible:outline-none',
              roomy ? 'min-h-16' : 'min-h-14',
            )}
            data-testid="thread-row"
          >
            <span className="flex min-w-0 items-baseline justify-between gap-3">
              <span className={cn('min-w-0 truncate', r.unread > 0 ? 'font-semibold' : 'font-medium')}>{r.subject}</span>
              <span className="shrink-0 text-xs text-muted-foreground tabular-nums">{formatDateTime(r.lastMessageAt, timeZone)}</span>
            </span>
            <span className="flex min-w-0 flex-wrap items-center gap-x-2 gap-y-1 text-sm text-muted-foreground">
              <span>{t('about', { student: r.studentName })}</span>
              <span aria-hidden>·</span>
              <span>{r.tutorName ?? t('office')}</span>
              {r.audience === 'student' && <Badge variant="outline">{t('audience.student')}</Badge>}
              {r.unread > 0 && (
                <Badge className="ml-auto" data-testid="thread-unread">
                  {t('unread', { count: r.unread })}
                </Badge>
              )}
            </span>
            <span className="line-clamp-2 text-sm wrap-anywhere text-muted-foreground">
              <span className="font-medium text-foreground/80">{r.lastAuthor}:</span> {r.preview}
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
