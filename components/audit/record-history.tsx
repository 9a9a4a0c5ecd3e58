import { History } from 'lucide-react';
import Link from '@/components/ui/link';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { can } from '@/lib/auth/permissions';
import type { Viewer } from '@/lib/auth/viewer';
import { listRecordHistory } from '@/lib/audit-viewer/queries';
import { AuditEntries } from './audit-entries';
import { auditWords } from './words';

/**
 * A record's latest 20 changes with what changed, and the way to its full history in the audit
 * trail. Put at the end of a record's page: `<RecordHistory viewer={viewer} entityType="student" entityId={id} />`.
 * Shows nothing to anyone who may not read the trail.
 */
export async function RecordHistory({ viewer, entityType, entityId }: { viewer: Viewer; entityType: string; entityId: string }) {
  if (!can(viewer.role, 'audit.read')) return null;
  const [entries, words] = await Promise.all([listRecordHistory(viewer, entityType, entityId, 20), auditWords(viewer.timeZone)]);
  const { t } = words;
  const full = `/admin/audit?entityType=${encodeURIComponent(entityType)}&entityId=${encodeURIComponent(entityId)}`;
  return (
    <section aria-labelledby="record-history-title" data-testid="record-history" className="min-w-0">
      <Card>
        <CardHeader>
          <CardTitle id="record-history-title" className="flex items-center gap-2">
            <History className="size-4 text-muted-foreground" aria-hidden /> {t('history.title')}
          </CardTitle>
          <CardDescription>{entries.length === 0 ? t('history.empty') : t('history.description')}</CardDescription>
        </CardHeader>
        <CardContent className="grid min-w-0 gap-3">
          {entries.length > 0 && <AuditEntries entries={entries} words={words} timeZone={viewer.timeZone} showRecord={false} />}
          <Link href={full} className="justify-self-end text-sm font-medium text-primary hover:underline">
            {t('history.full')} →
          </Link>
        </CardContent>
      </Card>
    </section>
  );
}
