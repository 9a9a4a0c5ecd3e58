import { getTranslations } from 'next-intl/server';
import { EmptyState } from '@/components/list/empty-state';
import type { Viewer } from '@/lib/auth/viewer';
import { lastUsableDay } from '@/lib/cancellations/rules';
import { listCancellationRequests, type RequestRow } from '@/lib/cancellations/queries';
import { formatCalendarDate, formatDate, formatDateTime, formatTimeRange } from '@/lib/time';
import { DecideButtons } from './decide-buttons';
import { RequestStatus } from './status-badge';

/**
 * The staff list of requests (admins the school's, tutors their own lessons'): pending first,
 * soonest lesson first, each with approve and reject; decided ones below with what came of them.
 */
export async function StaffRequests({ viewer }: { viewer: Viewer }) {
  const [rows, t] = await Promise.all([listCancellationRequests(viewer), getTranslations('cancellations')]);
  const zone = viewer.timeZone;
  if (rows.length === 0) return <EmptyState title={t('title')} body={t('staffEmpty')} />;
  const outcome = (r: RequestRow) =>
    r.status !== 'approved' ? null : r.creditExpiresAt ? t('creditGiven', { date: formatCalendarDate(lastUsableDay(r.creditExpiresAt, zone)) }) : t('noCredit');
  return (
    <ul className="divide-y rounded-md border" data-testid="staff-requests">
      {rows.map((r) => (
        <li key={r.id} className="grid gap-2 px-3 py-2.5 md:grid-cols-[minmax(0,1.5fr)_minmax(0,1.1fr)_minmax(0,1.3fr)_auto] md:items-center md:gap-4" data-testid="staff-request" data-lesson-id={r.lessonId}>
          <div className="grid min-w-0 gap-0.5">
            <span className="text-sm font-medium">
              {r.subjectName} · <span className="whitespace-nowrap">{formatDate(r.start, zone)} {formatTimeRange(r.start, r.end, zone)}</span>
            </span>
            <span className="truncate text-xs text-muted-foreground">{r.tutorName}</span>
          </div>
          <div className="grid min-w-0 gap-0.5">
            <span className="truncate text-sm">{r.studentName}</span>
            <span className="text-xs break-words text-muted-foreground">{t('requestedBy', { name: r.requestedByName ?? '—', date: formatDateTime(r.createdAt, zone) })}</span>
          </div>
          <div className="grid min-w-0 gap-0.5">
            <span className="text-sm break-words">{r.reason}</span>
            {r.decisionNote && <span className="text-xs text-muted-foreground">{t('noteFor', { note: r.decisionNote })}</span>}
          </div>
          <div className="flex flex-wrap items-center gap-2 md:justify-end">
            <RequestStatus status={r.status} late={r.late} />
            {outcome(r) && <span className="text-xs text-muted-foreground">{outcome(r)}</span>}
            {r.status === 'pending' && (
              <DecideButtons
                requestId={r.id}
                individual={r.lessonKind === 'individual'}
                late={r.late}
                texts={{ subject: r.subjectName, date: formatDate(r.start, zone), student: r.studentName }}
              />
            )}
          </div>
        </li>
      ))}
    </ul>
  );
}
