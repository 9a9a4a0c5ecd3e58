import { getTranslations } from 'next-intl/server';
import { FamilyCancellations } from '@/components/cancellations/family-cancellations';
import { ProgressHistory } from '@/components/attendance/progress-history';
import { RoleHome } from '@/components/shell/role-home';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { requirePage } from '@/lib/auth/viewer';
import { getViewerSchool } from '@/lib/schools/queries';
import { attendanceRate, progressForStudent } from '@/lib/attendance/queries';
import { listOwnSubjects, listVisibleStudents } from '@/lib/students/queries';

export default async function StudentHomePage() {
  const viewer = await requirePage('home.view', 'student');
  const [school, subjects, self, t, tp] = await Promise.all([
    getViewerSchool(viewer),
    listOwnSubjects(viewer),
    listVisibleStudents(viewer),
    getTranslations('home'),
    getTranslations('attendance.progress'),
  ]);
  // A student sees exactly one record: their own.
  const me = self[0];
  const [entries, rate] = me ? await Promise.all([progressForStudent(viewer, me.id, { limit: 30 }), attendanceRate(viewer, me.id)]) : [[], null];
  return (
    <RoleHome viewer={viewer} schoolName={school.name}>
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
      {me && rate && (
        <Card>
          <CardHeader>
            <CardTitle>{tp('title')}</CardTitle>
          </CardHeader>
          <CardContent>
            <ProgressHistory entries={entries} rate={rate} timeZone={viewer.timeZone} roomy />
          </CardContent>
        </Card>
      )}
      <FamilyCancellations viewer={viewer} />
    </RoleHome>
  );
}
