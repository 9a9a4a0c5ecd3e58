import { getTranslations } from 'next-intl/server';
import { FamilyCancellations, FamilyUpcoming } from '@/components/cancellations/family-cancellations';
import { nextProgressShown, PROGRESS_FIRST, ProgressHistory, progressShown } from '@/components/attendance/progress-history';
import { pageNumber, queryHref } from '@/components/list/url-state';
import { FamilyInvoicesDue } from '@/components/parent-invoices/family-invoices-due';
import { RoleHome } from '@/components/shell/role-home';
import { StudentListCard } from '@/components/students/student-list-card';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { attendanceRate, progressForStudent } from '@/lib/attendance/queries';
import { requirePage } from '@/lib/auth/viewer';
import { getViewerSchool } from '@/lib/schools/queries';
import { listVisibleStudents } from '@/lib/students/queries';

type Search = Promise<Record<string, string | string[] | undefined>>;

/**
 * The parent portal: their children, the next lessons (the rest in the calendar), each
 * child's latest lessons' progress ("Show earlier" adds older ones for that child through
 * `?child=&history=`) and cancellations.
 */
export default async function ParentHomePage({ searchParams }: { searchParams: Search }) {
  const viewer = await requirePage('home.view', 'parent');
  const search = await searchParams;
  const expanded = typeof search.child === 'string' ? search.child : undefined;
  const requestsPage = pageNumber(search.requests);
  const [school, children, t, tp] = await Promise.all([getViewerSchool(viewer), listVisibleStudents(viewer), getTranslations('home'), getTranslations('attendance.progress')]);
  // A family has a handful of children: two small queries per child, each history one more
  // than it shows (whether there is anything earlier, without counting).
  const progress = await Promise.all(
    children.map(async (child) => {
      const shown = child.id === expanded ? progressShown(search.history) : PROGRESS_FIRST;
      const [loaded, rate] = await Promise.all([progressForStudent(viewer, child.id, { limit: shown + 1 }), attendanceRate(viewer, child.id)]);
      return { child, shown, loaded, rate };
    }),
  );
  const open = progress.find((p) => p.child.id === expanded && p.shown > PROGRESS_FIRST);
  const params = { child: open?.child.id, history: open ? String(open.shown) : undefined, requests: requestsPage > 1 ? String(requestsPage) : undefined };
  return (
    <RoleHome viewer={viewer} schoolName={school.name}>
      <FamilyInvoicesDue viewer={viewer} />
      <StudentListCard title={t('myChildren')} empty={t('noChildren')} rows={children} />
      <FamilyUpcoming viewer={viewer} />
      {progress.map(({ child, shown, loaded, rate }) => {
        const more = nextProgressShown(shown, loaded.length);
        return (
          <Card key={child.id} id={`progress-${child.id}`} data-testid="child-progress">
            <CardHeader>
              <CardTitle className="text-lg">{tp('childTitle', { name: `${child.firstName} ${child.lastName}` })}</CardTitle>
            </CardHeader>
            <CardContent>
              <ProgressHistory
                entries={loaded.slice(0, shown)}
                rate={rate}
                timeZone={viewer.timeZone}
                roomy
                earlierHref={more ? queryHref({ ...params, child: child.id, history: String(more) }) : undefined}
              />
            </CardContent>
          </Card>
        );
      })}
      <FamilyCancellations viewer={viewer} requestsPage={requestsPage} params={params} />
    </RoleHome>
  );
}
