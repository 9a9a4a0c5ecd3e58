import { getTranslations } from 'next-intl/server';
import { FamilyCredits, FamilyRequests, FamilyUpcoming } from '@/components/cancellations/family-cancellations';
import { nextProgressShown, PROGRESS_FIRST, ProgressHistory, progressShown } from '@/components/attendance/progress-history';
import { HomeworkCard } from '@/components/portal/homework-card';
import { RoleHome } from '@/components/shell/role-home';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { requirePage } from '@/lib/auth/viewer';
import { attendanceRate, progressForStudent } from '@/lib/attendance/queries';
import { latestHomework } from '@/lib/portal/rules';
import { listOwnSubjects, listVisibleStudents } from '@/lib/students/queries';
import { pageNumber, queryHref } from '@/components/list/url-state';

type Search = Promise<Record<string, string | string[] | undefined>>;

/**
 * The student's home, in the order they look for things: the latest homework, the next
 * lessons (the rest in the calendar, each with "Request cancellation"), makeup lessons still
 * to use with the days left, their progress (attendance rate, topics, homework; "Show earlier"
 * adds older ones through `?history=`), their cancellation requests, and their subjects.
 */
export default async function StudentHomePage({ searchParams }: { searchParams: Search }) {
  const viewer = await requirePage('home.view', 'student');
  const search = await searchParams;
  const shown = progressShown(search.history);
  const requestsPage = pageNumber(search.requests);
  const now = new Date();
  const [subjects, self, t, tp] = await Promise.all([
    listOwnSubjects(viewer),
    listVisibleStudents(viewer),
    getTranslations('home'),
    getTranslations('attendance.progress'),
  ]);
  // A student sees exactly one record: their own.
  const me = self[0];
  // One more than shown: whether there is anything earlier, without counting.
  const [loaded, rate] = me ? await Promise.all([progressForStudent(viewer, me.id, { limit: shown + 1, now }), attendanceRate(viewer, me.id, { now })]) : [[], null];
  const more = nextProgressShown(shown, loaded.length);
  const params = { history: shown > PROGRESS_FIRST ? String(shown) : undefined, requests: requestsPage > 1 ? String(requestsPage) : undefined };
  return (
    <RoleHome viewer={viewer} hideSchoolCard>
      <HomeworkCard entry={latestHomework(loaded)} timeZone={viewer.timeZone} />
      <FamilyUpcoming viewer={viewer} />
      <FamilyCredits viewer={viewer} now={now} />
      {me && rate && (
        <Card id="progress">
          <CardHeader>
            <CardTitle>{tp('title')}</CardTitle>
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
      )}
      <FamilyRequests viewer={viewer} requestsPage={requestsPage} params={params} />
      <Card>
        <CardHeader>
          <CardTitle>{t('mySubjects')}</CardTitle>
          {subjects.length === 0 && <CardDescription>{t('noSubjects')}</CardDescription>}
        </CardHeader>
        {subjects.length > 0 && (
          <CardContent>
            <ul className="divide-y rounded-md border" data-testid="my-subjects">
              {subjects.map((s) => (
                <li key={s.subjectId} className="flex min-h-11 flex-wrap items-center justify-between gap-2 px-3 py-2.5">
                  <span className="flex items-center gap-2 font-medium">
                    <span className="size-2.5 rounded-full" style={{ backgroundColor: s.color }} aria-hidden />
                    {s.name}
                  </span>
                  <span className="text-sm text-muted-foreground">{s.tutorFirst ? t('withTutor', { tutor: `${s.tutorFirst} ${s.tutorLast}` }) : t('noTutorYet')}</span>
                </li>
              ))}
            </ul>
          </CardContent>
        )}
      </Card>
    </RoleHome>
  );
}
