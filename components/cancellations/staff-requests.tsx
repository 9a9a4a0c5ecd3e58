import Link from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';
import { queryHref } from '@/components/list/url-state';
import { Pagination } from '@/components/pagination';
import { Badge } from '@/components/ui/badge';
import type { Viewer } from '@/lib/auth/viewer';
import { lastUsableDay } from '@/lib/cancellations/rules';
import { decidedStatuses, type ListPage, type RequestRow } from '@/lib/cancellations/queries';
import { formatCalendarDate, formatDate, formatDateTime, formatTimeRange } from '@/lib/time';
import { cn } from '@/lib/utils';
import { DecideButtons } from './decide-buttons';
import { staffParams, type StaffListParams } from './staff-list-params';
import { RequestStatus } from './status-badge';

/**
 * What waits for the staff's decision (admins the school's, tutors their own lessons'): every
 * pending request, soonest lesson first, each with approve and reject.
 */
export async function StaffPendingRequests({ rows, viewer }: { rows: RequestRow[]; viewer: Viewer }) {
  const t = await getTranslations('cancellations');
  return (
    <section className="grid gap-3" aria-labelledby="pending-heading" id="pending">
      <SectionHeading id="pending-heading" title={t('pendingTitle')} count={rows.length} highlight={rows.length > 0} />
      {rows.length === 0 ? (
        <p className="rounded-md border border-dashed px-4 py-5 text-center text-sm text-muted-foreground" data-testid="pending-empty">
          {t('pendingEmpty')}
        </p>
      ) : (
        <ul className="divide-y rounded-md border" data-testid="staff-requests">
          {rows.map((r) => (
            <RequestItem key={r.id} row={r} zone={viewer.timeZone} />
          ))}
        </ul>
      )}
    </section>
  );
}

/**
 * The requests already decided, the most recently decided first, a page at a time, with a
 * filter by outcome; the page and the filter live in the URL.
 */
export async function StaffDecidedRequests({ list, viewer, params }: { list: ListPage<RequestRow>; viewer: Viewer; params: StaffListParams }) {
  const t = await getTranslations('cancellations');
  const query = staffParams(params);
  const filterHref = (status: string | undefined) => queryHref({ ...query, status, page: undefined }, 'decided');
  return (
    <section className="grid gap-3" aria-labelledby="decided-heading" id="decided">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <SectionHeading id="decided-heading" title={t('decidedTitle')} count={list.total} />
        <nav aria-label={t('decidedFilter')} className="flex flex-wrap gap-1" data-testid="decided-filter">
          {[undefined, ...decidedStatuses].map((s) => {
            const active = params.status === s;
            return (
              <Link
                key={s ?? 'all'}
                href={filterHref(s)}
                aria-current={active ? 'true' : undefined}
                className={cn(
                  'inline-flex min-h-9 items-center rounded-md px-3 text-sm font-medium text-muted-foreground hover:bg-accent hover:text-foreground focus-visible:ring-[3px] focus-visible:ring-ring/50 focus-visible:outline-none',
                  active && 'bg-secondary text-foreground',
                )}
              >
                {s ? t(`statusFilter.${s}`) : t('statusFilter.all')}
              </Link>
            );
          })}
        </nav>
      </div>
      {list.rows.length === 0 ? (
        <p className="rounded-md border border-dashed px-4 py-5 text-center text-sm text-muted-foreground">{params.status ? t('decidedNoMatch') : t('decidedEmpty')}</p>
      ) : (
        <>
          <ul className="divide-y rounded-md border" data-testid="decided-requests">
            {list.rows.map((r) => (
              <RequestItem key={r.id} row={r} zone={viewer.timeZone} />
            ))}
          </ul>
          {list.total > list.pageSize && (
            <Pagination page={list.page} pageSize={list.pageSize} total={list.total} shown={list.rows.length} params={query} hash="decided" label={t('decidedPages')} />
          )}
        </>
      )}
    </section>
  );
}

/** A section's title with how many it holds. */
export function SectionHeading({ id, title, count, highlight = false }: { id: string; title: string; count: number; highlight?: boolean }) {
  return (
    <h2 id={id} className="flex items-center gap-2 text-lg font-semibold">
      {title}
      <Badge variant={highlight ? 'warning' : 'secondary'} className="tabular-nums">
        {count}
      </Badge>
    </h2>
  );
}

/**
 * One request: the lesson, the student and who asked, the reason, and its status (with the
 * buttons while it is pending, what came of it once approved).
 */
async function RequestItem({ row: r, zone }: { row: RequestRow; zone: string }) {
  const t = await getTranslations('cancellations');
  const outcome = r.status !== 'approved' ? null : r.creditExpiresAt ? t('creditGiven', { date: formatCalendarDate(lastUsableDay(r.creditExpiresAt, zone)) }) : t('noCredit');
  // A decided request is history: on a phone it takes four short lines (the tutor beside the
  // student, who asked only on wider screens); a pending one keeps everything for the decision.
  const compact = r.status !== 'pending';
  return (
    <li
      className={cn(
        'grid gap-x-4 px-3 md:grid-cols-[minmax(0,1.5fr)_minmax(0,1.1fr)_minmax(0,1.3fr)_auto] md:items-center md:gap-y-1.5 md:py-2.5',
        compact ? 'gap-y-1 py-2' : 'gap-y-1.5 py-2.5',
      )}
      data-testid="staff-request"
      data-lesson-id={r.lessonId}
    >
      <div className="grid min-w-0 gap-0.5">
        <span className="text-sm font-medium">
          {r.subjectName} · <span className="whitespace-nowrap">{formatDate(r.start, zone)} {formatTimeRange(r.start, r.end, zone)}</span>
        </span>
        <span className={cn('truncate text-xs text-muted-foreground', compact && 'hidden md:block')}>{r.tutorName}</span>
      </div>
      <div className="grid min-w-0 gap-0.5">
        <span className="truncate text-sm">
          {r.studentName}
          {compact && <span className="text-muted-foreground md:hidden"> · {r.tutorName}</span>}
        </span>
        <span className={cn('text-xs break-words text-muted-foreground', compact && 'hidden md:block')}>
          {t('requestedBy', { name: r.requestedByName ?? '—', date: formatDateTime(r.createdAt, zone) })}
        </span>
      </div>
      <div className="grid min-w-0 gap-0.5">
        <span className={cn('text-sm break-words', compact && 'line-clamp-1 md:line-clamp-2')}>{r.reason}</span>
        {r.decisionNote && <span className="line-clamp-2 text-xs text-muted-foreground">{t('noteFor', { note: r.decisionNote })}</span>}
      </div>
      <div className="flex flex-wrap items-center gap-2 md:justify-end">
        <RequestStatus status={r.status} late={r.late} />
        {outcome && <span className="text-xs text-muted-foreground">{outcome}</span>}
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
  );
}
