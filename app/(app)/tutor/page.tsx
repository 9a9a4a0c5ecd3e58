import Link from '@/components/ui/link';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { RoleHome } from '@/components/shell/role-home';
import { StudentListCard } from '@/components/students/student-list-card';
import { TodayLessonCard, type TodayCardLesson } from '@/components/attendance/today-lesson-card';
import { TutorEarningsCard } from '@/components/portal/tutor-earnings-card';
import { TutorMakeupsCard } from '@/components/portal/tutor-makeups-card';
import { Badge } from '@/components/ui/badge';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { listTodayForTutor, listWeekAheadForTutor, type TodayLesson } from '@/lib/attendance/queries';
import { canMarkAt } from '@/lib/attendance/rules';
import { requirePage } from '@/lib/auth/viewer';
import { getTutorEarnings } from '@/lib/billing/earnings';
import { listMakeupsToSchedule } from '@/lib/cancellations/queries';
import { listVisibleStudents } from '@/lib/students/queries';
import { addCalendarDays, formatCalendarDate, formatTimeRange, instantToZoned, todayIn } from '@/lib/time';

/** The home keeps a few students in reach; the full list is on /tutor/students. */
const SHOWN_STUDENTS = 8;

/**
 * The tutor's home is their day: today's lessons to mark; the month's earnings so far and the
 * makeup lessons still to book (two short cards, so they stay near the top); the week ahead by
 * day; their students, each a link to their page and progress.
 */
export default async function TutorHomePage() {
  const viewer = await requirePage('home.view', 'tutor');
  const now = new Date();
  const [today, week, students, earnings, makeups, t, tHome, tDays, format, locale] = await Promise.all([
    listTodayForTutor(viewer, now),
    listWeekAheadForTutor(viewer, now),
    listVisibleStudents(viewer),
    getTutorEarnings(viewer, todayIn(viewer.timeZone, now).slice(0, 7)),
    listMakeupsToSchedule(viewer, { now }),
    getTranslations('attendance'),
    getTranslations('home'),
    getTranslations('attendance.lessonStatus'),
    getFormatter(),
    getLocale(),
  ]);
  const zone = viewer.timeZone;
  // The week ahead by day (its lessons come in start order), each under "Środa, 2 grudnia".
  const days: { date: string; lessons: TodayLesson[] }[] = [];
  for (const l of week) {
    const { date } = instantToZoned(l.start, zone);
    if (days.at(-1)?.date !== date) days.push({ date, lessons: [] });
    days.at(-1)!.lessons.push(l);
  }
  const tomorrow = addCalendarDays(today.date, 1);
  // A calendar date has no zone: read at noon UTC, formatted in UTC, it is that day everywhere.
  const dayTitle = (date: string, capital = true) => {
    const text = format.dateTime(new Date(`${date}T12:00:00Z`), { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' });
    return capital ? text.charAt(0).toLocaleUpperCase(locale) + text.slice(1) : text;
  };
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
    <RoleHome viewer={viewer} hideSchoolCard>
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

      <div className="grid min-w-0 grid-cols-1 gap-6 md:grid-cols-2">
        {earnings && <TutorEarningsCard statement={earnings} />}
        <TutorMakeupsCard rows={makeups} timeZone={zone} now={now} />
      </div>

      <Card>
        <CardHeader>
          <CardTitle>{t('today.weekAhead')}</CardTitle>
          {week.length === 0 && <CardDescription>{t('today.weekEmpty')}</CardDescription>}
        </CardHeader>
        {week.length > 0 && (
          <CardContent className="grid gap-4" data-testid="week-ahead">
            {days.map(({ date, lessons }) => (
              <section key={date} aria-labelledby={`day-${date}`} className="grid gap-1.5" data-testid="week-day">
                <h3 id={`day-${date}`} className="flex flex-wrap items-baseline gap-x-2 text-sm font-semibold">
                  <span>{date === tomorrow ? `${t('today.tomorrow')} · ${dayTitle(date, false)}` : dayTitle(date)}</span>
                  <span className="font-normal text-muted-foreground">{t('today.dayCount', { count: lessons.length })}</span>
                </h3>
                <ul className="divide-y rounded-md border text-sm">
                  {lessons.map((l) => (
                    <li key={l.id} className="grid grid-cols-[1fr_auto] items-center gap-x-3 gap-y-0.5 px-3 py-2 sm:grid-cols-[6.5rem_minmax(0,1fr)_auto]">
                      <span className="tabular-nums text-muted-foreground">{formatTimeRange(l.start, l.end, zone)}</span>
                      <span className="order-last col-span-2 min-w-0 truncate sm:order-none sm:col-span-1">
                        <span className="mr-2 inline-block size-2 rounded-full align-middle" style={{ backgroundColor: l.subject.color }} aria-hidden />
                        <span className={l.status === 'cancelled' ? 'line-through' : undefined}>{l.subject.name}</span>
                        <span className="text-muted-foreground"> · {l.students.map((x) => x.name).join(', ') || '—'}</span>
                      </span>
                      <span className="justify-self-end text-muted-foreground">
                        {l.status === 'cancelled' ? <Badge variant="secondary">{tDays('cancelled')}</Badge> : (l.roomName ?? t('today.online'))}
                      </span>
                    </li>
                  ))}
                </ul>
              </section>
            ))}
          </CardContent>
        )}
      </Card>

      <div className="grid gap-2">
        <StudentListCard title={tHome('myStudents')} empty={tHome('noStudents')} rows={students.slice(0, SHOWN_STUDENTS)} detailPath="/tutor/students" />
        {students.length > SHOWN_STUDENTS && (
          <Link href="/tutor/students" className="inline-flex min-h-10 items-center justify-self-end px-2 text-sm font-medium text-primary hover:underline">
            {t('today.allStudents', { count: students.length })} →
          </Link>
        )}
      </div>
    </RoleHome>
  );
}
