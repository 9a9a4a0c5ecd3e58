import Link from '@/components/ui/link';
import { auditWords } from '@/components/audit/words';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import type { Viewer } from '@/lib/auth/viewer';
import { listRecentAudit } from '@/lib/audit-viewer/queries';
import { formatDateTime } from '@/lib/time';

/** The school's last eight changes: who, what, when, and the way to the whole audit trail. */
export async function RecentActivity({ viewer }: { viewer: Viewer }) {
  const [entries, words] = await Promise.all([listRecentAudit(viewer, 8), auditWords(viewer.timeZone)]);
  const { t } = words;
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t('recent.title')}</CardTitle>
        {entries.length === 0 && <CardDescription>{t('recent.empty')}</CardDescription>}
      </CardHeader>
      {entries.length > 0 && (
        <CardContent className="grid gap-3">
          <ul className="divide-y rounded-md border text-sm" data-testid="recent-activity">
            {entries.map((e) => (
              <li key={e.id} className="grid grid-cols-[minmax(0,1fr)_auto] items-center gap-x-3 gap-y-0.5 px-3 py-2">
                <span className="truncate font-medium">{words.action(e.action)}</span>
                <time dateTime={e.at.toISOString()} className="text-muted-foreground tabular-nums">
                  {formatDateTime(e.at, viewer.timeZone)}
                </time>
                <span className="col-span-2 truncate text-muted-foreground">
                  {words.actor(e.actor)}
                  {/* A sign-in's record is the person's own account: their name once is enough. */}
                  {e.record && e.record.label !== words.actor(e.actor) && ` · ${e.record.label}`}
                </span>
              </li>
            ))}
          </ul>
          <Link href="/admin/audit" className="justify-self-end text-sm font-medium text-primary hover:underline">
            {t('recent.open')} →
          </Link>
        </CardContent>
      )}
    </Card>
  );
}
