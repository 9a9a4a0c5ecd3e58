import { Users } from 'lucide-react';
import { getTranslations } from 'next-intl/server';
import { FamilyCredits, FamilyRequests, FamilyUpcoming } from '@/components/cancellations/family-cancellations';
import { nextProgressShown, PROGRESS_FIRST, ProgressHistory, progressShown } from '@/components/attendance/progress-history';
import { EmptyState } from '@/components/list/empty-state';
import { pageNumber, pathHref, queryHref } from '@/components/list/url-state';
import { FamilyInvoicesDue } from '@/components/parent-invoices/family-invoices-due';
import { ChildSwitcher } from '@/components/portal/child-switcher';
import { FamilySettled } from '@/components/portal/family-settled';
import { HomeworkCard } from '@/components/portal/homework-card';
import { RoleHome } from '@/components/shell/role-home';
import { Badge } from '@/components/ui/badge';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { Notice } from '@/components/ui/notice';
import { attendanceRate, progressForStudent } from '@/lib/attendance/queries';
import { requirePage } from '@/lib/auth/viewer';
import { getFamilyAccount } from '@/lib/billing/parent-queries';
import { chooseChild } from '@/lib/portal/queries';
import { latestHomework } from '@/lib/portal/rules';

type Search = Promise<Record<string, string | string[] | undefined>>;

/**
 * The parent portal, one child at a time: with several children, a switcher at the top
 * (`?child=<id>`, the first child by default; an id that is not theirs is no choice), right
 * above that child's next lessons, latest homework, progress ("Show earlier" through
 * `?history=`), makeup lessons and cancellation requests. Family-wide: what is due is a short
 * banner above the switcher while something is (it concerns every child, and the school needs
 * it seen); otherwise the settled account closes the page. A `view` parent reads all of it
 * and is offered nothing to change or ask for.
 */
export default async function ParentHomePage({ searchParams }: { searchParams: Search }) {
  const viewer = await requirePage('home.view', 'parent');
  const search = await searchParams;
  const now = new Date();
  const [{ children, child }, account, t, tp, tc, ts, tl] = await Promise.all([
    chooseChild(viewer, search.child),
    getFamilyAccount(viewer),
    getTranslations('home'),
    getTranslations('attendance.progress'),
    getTranslations('cancellations'),
    getTranslations('students.detail'),
    getTranslations('accounts.levels'),
  ]);
  const owes = Boolean(account && account.balance.due > 0);
  const settled = account && !owes && (account.paysFor.length > 0 || account.balance.invoices > 0) ? account : undefined;

  if (!child) {
    return (
      <RoleHome viewer={viewer} hideSchoolCard>
        {owes && <FamilyInvoicesDue viewer={viewer} />}
        <EmptyState icon={<Users aria-hidden />} title={t('myChildren')} body={t('noChildren')} />
        {settled && <FamilySettled account={settled} />}
      </RoleHome>
    );
  }

  const shown = progressShown(search.history);
  const requestsPage = pageNumber(search.requests);
  // One more than shown: whether there is anything earlier, without counting.
  const [loaded, rate] = await Promise.all([progressForStudent(viewer, child.id, { limit: shown + 1, now }), attendanceRate(viewer, child.id, { now })]);
  const more = nextProgressShown(shown, loaded.length);
  // The child stays in the URL only when there is a choice to keep.
  const childParam = children.length > 1 ? child.id : undefined;
  const params = { child: childParam, history: shown > PROGRESS_FIRST ? String(shown) : undefined, requests: requestsPage > 1 ? String(requestsPage) : undefined };
  const viewOnly = child.access === 'view';
  const name = `${child.firstName} ${child.lastName}`;

  return (
    <RoleHome viewer={viewer} hideSchoolCard>
      {owes && <FamilyInvoicesDue viewer={viewer} />}
      <ChildSwitcher items={children} selectedId={child.id} hrefOf={(id) => queryHref({ child: id })} />
      <section aria-labelledby="child-name" className="grid min-w-0 grid-cols-1 gap-6" data-testid="child-panel" data-child-id={child.id} data-access={child.access}>
        <div className="grid gap-1">
          <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
            <h2 id="child-name" className="text-xl font-semibold tracking-tight" data-testid="child-name">
              {name}
            </h2>
            {viewOnly && (
              <Badge variant="outline" className="px-2.5 py-1 text-sm">
                {ts('access.view')}
              </Badge>
            )}
          </div>
          <p className="text-muted-foreground">{[tl(child.level as 'primary'), child.schoolName, child.className].filter(Boolean).join(' · ')}</p>
        </div>
        {viewOnly && (
          <Notice className="text-base" data-testid="view-only-notice">
            {tc('viewOnly')}
          </Notice>
        )}
        <FamilyUpcoming viewer={viewer} studentId={child.id} calendarHref={pathHref('/parent/calendar', { child: childParam })} viewOnlySaid={viewOnly} />
        <HomeworkCard entry={latestHomework(loaded)} timeZone={viewer.timeZone} childName={child.firstName} heading="h3" />
        <Card id="progress" className="scroll-mt-4" data-testid="child-progress">
          <CardHeader>
            <CardTitle className="text-lg">{tp('childTitle', { name })}</CardTitle>
          </CardHeader>
          <CardContent>
            <ProgressHistory
              entries={loaded.slice(0, shown)}
              rate={rate}
              timeZone={viewer.timeZone}
              roomy
              earlierHref={more ? queryHref({ ...params, history: String(more) }) : undefined}
            />
          </CardContent>
        </Card>
        <FamilyCredits viewer={viewer} studentId={child.id} now={now} />
        <FamilyRequests viewer={viewer} studentId={child.id} requestsPage={requestsPage} params={params} mayRequest={!viewOnly} />
      </section>
      {settled && <FamilySettled account={settled} />}
    </RoleHome>
  );
}
