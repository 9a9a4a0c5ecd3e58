import Link from '@/components/ui/link';
import { CalendarDays } from 'lucide-react';
import { getTranslations } from 'next-intl/server';
import { loadListPage } from '@/components/list/list-page';
import { Pagination } from '@/components/pagination';
import { Badge } from '@/components/ui/badge';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import type { Viewer } from '@/lib/auth/viewer';
import { creditDaysLeft, lastUsableDay } from '@/lib/cancellations/rules';
import { listDecidedRequests, listOpenCredits, listPendingRequests, listUpcomingLessons } from '@/lib/cancellations/queries';
import { formatCalendarDate, formatDate, formatTimeRange } from '@/lib/time';
import { RequestCancellationButton } from './request-cancellation-button';
import { RequestStatus } from './status-badge';
import { WithdrawButton } from './withdraw-button';

/** The home shows the next few lessons; the whole term is in the calendar. */
export const UPCOMING_SHOWN = 5;
/** Decided requests a page (the pending ones are always all shown). */
const DECIDED_SHOWN = 5;

/**
 * The next lessons of a student (or a parent's children, or the one child `studentId`),
 * phone-first, each with "Request cancellation" or its pending request; the rest of the term
 * is one link away in the calendar (`calendarHref`). A `view` parent sees them but gets no
 * buttons: a line on each lesson says why, unless the page already says it once
 * (`viewOnlySaid`).
 */
export async function FamilyUpcoming({ viewer, studentId, calendarHref, viewOnlySaid = false }: { viewer: Viewer; studentId?: string; calendarHref?: string; viewOnlySaid?: boolean }) {
  const [upcoming, t] = await Promise.all([listUpcomingLessons(viewer, { limit: UPCOMING_SHOWN, studentId }), getTranslations('cancellations')]);
  const zone = viewer.timeZone;
  // One child's lessons need no name on each.
  const showStudent = viewer.role === 'parent' && !studentId;
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t('upcomingTitle')}</CardTitle>
      </CardHeader>
      <CardContent>
        {upcoming.length === 0 ? (
          <Empty>{t('upcomingEmpty')}</Empty>
        ) : (
          <ul className="divide-y rounded-md border" data-testid="upcoming-lessons">
            {upcoming.map((l) => (
              <li key={`${l.lessonId}-${l.studentId}`} className="grid gap-2 px-3 py-3 sm:flex sm:items-center sm:justify-between" data-testid="upcoming-lesson" data-lesson-id={l.lessonId}>
                <div className="grid min-w-0 gap-0.5">
                  <span className="font-medium">
                    {l.subjectName} · <span className="whitespace-nowrap">{formatDate(l.start, zone)} {formatTimeRange(l.start, l.end, zone)}</span>
                  </span>
                  <span className="text-sm text-muted-foreground">
                    {showStudent ? `${l.studentName} · ` : ''}
                    {l.tutorName}
                  </span>
                </div>
                <div className="flex flex-wrap items-center gap-2">
                  {l.pendingRequestId ? (
                    <>
                      <Badge variant="warning">{t('pendingBadge')}</Badge>
                      {l.canRequest && <WithdrawButton requestId={l.pendingRequestId} />}
                    </>
                  ) : l.canRequest ? (
                    <RequestCancellationButton
                      lessonId={l.lessonId}
                      studentId={l.studentId}
                      startIso={l.start.toISOString()}
                      policy={l.policy}
                      texts={{ subject: l.subjectName, date: formatDate(l.start, zone), time: formatTimeRange(l.start, l.end, zone), tutor: l.tutorName, student: l.studentName }}
                    />
                  ) : (
                    !viewOnlySaid && <span className="text-sm text-muted-foreground">{t('viewOnlyHint')}</span>
                  )}
                </div>
              </li>
            ))}
          </ul>
        )}
        <Link
          href={calendarHref ?? `/${viewer.role}/calendar`}
          className="mt-3 inline-flex min-h-11 items-center gap-2 text-sm font-medium text-primary hover:underline focus-visible:underline"
          data-testid="upcoming-calendar"
        >
          <CalendarDays className="size-4" aria-hidden />
          {t('upcomingCalendar')} →
        </Link>
      </CardContent>
    </Card>
  );
}

/**
 * Open makeup lessons of a student (or a parent's children, or the one child `studentId`),
 * the soonest to run out first, each with its last usable day and how many days are left.
 * Expired and used ones are not shown.
 */
export async function FamilyCredits({ viewer, studentId, now = new Date() }: { viewer: Viewer; studentId?: string; now?: Date }) {
  const [credits, t, tp] = await Promise.all([listOpenCredits(viewer, { studentId, now }).then((l) => l.rows), getTranslations('cancellations'), getTranslations('portal')]);
  const zone = viewer.timeZone;
  const showStudent = viewer.role === 'parent' && !studentId;
  return (
    <Card id="credits" className="scroll-mt-4">
      <CardHeader>
        <CardTitle>{t('creditsTitle')}</CardTitle>
      </CardHeader>
      <CardContent>
        {credits.length === 0 ? (
          <Empty>{t('creditsEmpty')}</Empty>
        ) : (
          <ul className="divide-y rounded-md border" data-testid="makeup-credits">
            {credits.map((c) => {
              const left = creditDaysLeft(c.expiresAt, zone, now);
              return (
                <li key={c.id} className="flex flex-wrap items-start justify-between gap-x-3 gap-y-1 px-3 py-3" data-testid="makeup-credit" data-credit-id={c.id}>
                  <div className="grid min-w-0 gap-0.5">
                    <span className="font-medium">{t('creditUntil', { date: formatCalendarDate(lastUsableDay(c.expiresAt, zone)) })}</span>
                    <span className="text-sm text-muted-foreground">
                      {showStudent ? `${c.studentName} · ` : ''}
                      {t('creditFrom', { subject: c.subjectName, date: formatDate(c.sourceStart, zone) })}
                    </span>
                  </div>
                  <Badge variant={left <= 3 ? 'warning' : 'secondary'} className="px-2.5 py-1 text-sm" data-testid="credit-days-left">
                    {tp('daysLeft', { days: Math.max(left, 0) })}
                  </Badge>
                </li>
              );
            })}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}

/**
 * A student's or parent's cancellation requests (or the one child `studentId`'s): every
 * pending one, then the decided ones a page at a time (`requestsPage`, from the URL's
 * `requests`). `mayRequest` false (a view-only parent) changes only what the empty list says.
 */
export async function FamilyRequests({
  viewer,
  studentId,
  requestsPage = 1,
  params = {},
  mayRequest = true,
}: {
  viewer: Viewer;
  studentId?: string;
  requestsPage?: number;
  params?: Record<string, string | undefined>;
  mayRequest?: boolean;
}) {
  const [pending, decided, t, tp] = await Promise.all([
    listPendingRequests(viewer, { studentId }),
    loadListPage({ page: requestsPage }, (f) => listDecidedRequests(viewer, { page: f.page, pageSize: DECIDED_SHOWN, studentId })),
    getTranslations('cancellations'),
    getTranslations('portal'),
  ]);
  const requests = [...pending, ...decided.list.rows];
  const zone = viewer.timeZone;
  const showStudent = viewer.role === 'parent' && !studentId;

  return (
    <Card id="requests" className="scroll-mt-4">
      <CardHeader>
        <CardTitle>{t('requestsTitle')}</CardTitle>
      </CardHeader>
      <CardContent>
        {requests.length === 0 ? (
          <Empty>{mayRequest ? t('requestsEmpty') : tp('requestsEmptyViewOnly')}</Empty>
        ) : (
          <ul className="divide-y rounded-md border" data-testid="cancellation-requests">
            {requests.map((r) => (
              <li key={r.id} className="grid gap-1 px-3 py-3" data-testid="cancellation-request" data-lesson-id={r.lessonId}>
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <span className="font-medium">
                    {r.subjectName} · <span className="whitespace-nowrap">{formatDate(r.start, zone)} {formatTimeRange(r.start, r.end, zone)}</span>
                  </span>
                  <RequestStatus status={r.status} late={r.late} />
                </div>
                <span className="text-sm break-words text-muted-foreground">
                  {showStudent ? `${r.studentName} · ` : ''}
                  {r.reason}
                </span>
                {r.creditExpiresAt && <span className="text-sm">{t('creditGiven', { date: formatCalendarDate(lastUsableDay(r.creditExpiresAt, zone)) })}</span>}
                {r.decisionNote && <span className="text-sm break-words">{t('noteFor', { note: r.decisionNote })}</span>}
              </li>
            ))}
          </ul>
        )}
        {decided.list.total > decided.list.pageSize && (
          <div className="mt-3">
            <Pagination
              page={decided.list.page}
              pageSize={decided.list.pageSize}
              total={decided.list.total}
              shown={decided.list.rows.length}
              params={params}
              param="requests"
              hash="requests"
              label={t('requestsPages')}
            />
          </div>
        )}
      </CardContent>
    </Card>
  );
}

/** An empty list inside a card: what belongs there, in the card's own words (the card's title is above it). */
function Empty({ children }: { children: React.ReactNode }) {
  return (
    <p className="rounded-md border border-dashed px-4 py-6 text-center text-muted-foreground" data-testid="empty-state">
      {children}
    </p>
  );
}
