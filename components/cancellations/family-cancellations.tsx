import { getTranslations } from 'next-intl/server';
import { Badge } from '@/components/ui/badge';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import type { Viewer } from '@/lib/auth/viewer';
import { lastUsableDay } from '@/lib/cancellations/rules';
import { getCancellationPolicy, listCancellationRequests, listOpenCredits, listUpcomingLessons } from '@/lib/cancellations/queries';
import { formatCalendarDate, formatDate, formatTimeRange } from '@/lib/time';
import { RequestCancellationDialog } from './request-cancellation-dialog';
import { RequestStatus } from './status-badge';
import { WithdrawButton } from './withdraw-button';

/**
 * The student's or parent's part of cancellations, phone-first: upcoming lessons with
 * "Request cancellation", the requests with their status, and open makeup lessons with the
 * day they expire. A `view` parent sees everything but gets no buttons.
 */
export async function FamilyCancellations({ viewer }: { viewer: Viewer }) {
  const [upcoming, requests, credits, policy, t] = await Promise.all([
    listUpcomingLessons(viewer),
    listCancellationRequests(viewer, { limit: 20 }),
    listOpenCredits(viewer),
    getCancellationPolicy(viewer),
    getTranslations('cancellations'),
  ]);
  const zone = viewer.timeZone;
  const showStudent = viewer.role === 'parent';

  return (
    <>
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
                      <RequestCancellationDialog
                        lessonId={l.lessonId}
                        studentId={l.studentId}
                        startIso={l.start.toISOString()}
                        policy={policy}
                        texts={{ subject: l.subjectName, date: formatDate(l.start, zone), time: formatTimeRange(l.start, l.end, zone), tutor: l.tutorName, student: l.studentName }}
                      />
                    ) : (
                      <span className="text-sm text-muted-foreground">{t('viewOnlyHint')}</span>
                    )}
                  </div>
                </li>
              ))}
            </ul>
          )}
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>{t('creditsTitle')}</CardTitle>
        </CardHeader>
        <CardContent>
          {credits.length === 0 ? (
            <Empty>{t('creditsEmpty')}</Empty>
          ) : (
            <ul className="divide-y rounded-md border" data-testid="makeup-credits">
              {credits.map((c) => (
                <li key={c.id} className="grid gap-0.5 px-3 py-3" data-testid="makeup-credit" data-credit-id={c.id}>
                  <span className="font-medium">{t('creditUntil', { date: formatCalendarDate(lastUsableDay(c.expiresAt, zone)) })}</span>
                  <span className="text-sm text-muted-foreground">
                    {showStudent ? `${c.studentName} · ` : ''}
                    {t('creditFrom', { subject: c.subjectName, date: formatDate(c.sourceStart, zone) })}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>{t('requestsTitle')}</CardTitle>
        </CardHeader>
        <CardContent>
          {requests.length === 0 ? (
            <Empty>{t('requestsEmpty')}</Empty>
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
                  <span className="text-sm text-muted-foreground">
                    {showStudent ? `${r.studentName} · ` : ''}
                    {r.reason}
                  </span>
                  {r.creditExpiresAt && <span className="text-sm">{t('creditGiven', { date: formatCalendarDate(lastUsableDay(r.creditExpiresAt, zone)) })}</span>}
                  {r.decisionNote && <span className="text-sm">{t('noteFor', { note: r.decisionNote })}</span>}
                </li>
              ))}
            </ul>
          )}
        </CardContent>
      </Card>
    </>
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
