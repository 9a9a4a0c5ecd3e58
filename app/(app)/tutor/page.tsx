import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { RoleHome } from '@/components/shell/role-home';
import { StudentListCard } from '@/components/students/student-list-card';
import { TodayLessonCard, type TodayCardLesson } from '@/components/attendance/today-lesson-card';
import { Badge } from '@/components/ui/badge';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { listTodayForTutor, listWeekAheadForTutor, type TodayLesson } from '@/lib/attendance/queries';
import { canMarkAt } from '@/lib/attendance/rules';
import { requirePage } from '@/lib/auth/viewer';
import { getViewerSchool } from '@/lib/schools/queries';
import { listVisibleStudents } from '@/lib/students/queries';
import { formatCalendarDate, formatTimeRange, instantToZoned } from '@/lib/time';

/** The home keeps a few students in reach; the full list is on /tutor/students. */
const SHOWN_STUDENTS = 8;

/** The tutor's home is their day: today's lessons to mark, then the week ahead, then their students. */
export default async function TutorHomePage() {
  const viewer = await requirePage('home.view', 'tutor');
  const now = new Date();
  const [school, today, week, students, t, tHome, tDays] = await Promise.all([
    getViewerSchool(viewer),
    listTodayForTutor(viewer, now),
    listWeekAheadForTutor(viewer, now),
    listVisibleStudents(viewer),
    getTranslations('attendance'),
    getTranslations('home'),
    getTranslations('attendance.lessonStatus'),
  ]);
  const zone = viewer.timeZone;
  const card = (l: TodayLesson): TodayCardLesson => ({
    id: l.id,
    timeRange: formatTimeRange(l.start, l.end, zone),
    status: l.status,
    subject: l.subject,
    roomName: l.roomName,
    meetingUrl: l.meetingUrl,
    markable: l.status !== 'cancelled' && canMarkAt(l.start, now, zone),
    notes: l.notes,
    students: l.students,
  });
  return (
    <RoleHome viewer={viewer} schoolName={school.name} hideSchoolCard>
      <section aria-labelledby="today-title" className="grid gap-3" data-testid="today">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="today-title" className="text-xl font-semibold tracking-tight">
            {t('today.title')}
          </h2>
          <p className="text-sm text-muted-foreground">{t('today.subtitle', { date: formatCalendarDate(today.date), count: today.lessons.length })}</p>
        </div>
        {today.lessons.length === 0 ? (
          <p className="rounded-lg border border-dashed p-6 text-center text-sm text-muted-foreground">{t('today.empty')}</p>
        ) : (
          today.lessons.map((l) => <TodayLessonCard key={l.id} lesson={card(l)} />)
        )}
      </section>

      <Card>
        <CardHeader>
          <CardTitle>{t('today.weekAhead')}</CardTitle>
          {week.length === 0 && <CardDescription>{t('today.weekEmpty')}</CardDescription>}
        </CardHeader>
        {week.length > 0 && (
          <CardContent>
            <ul className="divide-y rounded-md border text-sm" data-testid="week-ahead">
              {week.map((l) => {
                const local = instantToZoned(l.start, zone);
                return (
                  <li key={l.id} className="grid grid-cols-[1fr_auto] items-center gap-x-3 gap-y-0.5 px-3 py-2 sm:grid-cols-[9rem_1fr_auto]">
                    <span className="col-span-2 tabular-nums text-muted-foreground sm:col-span-1">
                      {formatCalendarDate(local.date).slice(0, 5)} {formatTimeRange(l.start, l.end, zone)}
                    </span>
                    <span className="min-w-0 truncate">
                      <span className="mr-2 inline-block size-2 rounded-full align-middle" style={{ backgroundColor: l.subject.color }} aria-hidden />
                      <span className={l.status === 'cancelled' ? 'line-through' : undefined}>{l.subject.name}</span>
                      <span className="text-muted-foreground"> · {l.students.map((s) => s.name).join(', ') || '—'}</span>
                    </span>
                    <span className="text-muted-foreground">
                      {l.status === 'cancelled' ? <Badge variant="secondary">{tDays('cancelled')}</Badge> : (l.roomName ?? t('today.online'))}
                    </span>
                  </li>
                );
              })}
            </ul>
          </CardContent>
        )}
      </Card>

      <div className="grid gap-2">
        <StudentListCard title={tHome('myStudents')} empty={tHome('noStudents')} rows={students.slice(0, SHOWN_STUDENTS)} />
        {students.length > SHOWN_STUDENTS && (
          <Link href="/tutor/students" className="inline-flex min-h-10 items-center justify-self-end px-2 text-sm font-medium text-primary hover:underline">
            {t('today.allStudents', { count: students.length })} →
          </Link>
        )}
      </div>
    </RoleHome>
  );
}
