import { getTranslations } from 'next-intl/server';
import { FamilyCancellations } from '@/components/cancellations/family-cancellations';
import { RoleHome } from '@/components/shell/role-home';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { requirePage } from '@/lib/auth/viewer';
import { getViewerSchool } from '@/lib/schools/queries';
import { listOwnSubjects } from '@/lib/students/queries';

export default async function StudentHomePage() {
  const viewer = await requirePage('home.view', 'student');
  const [school, subjects, t] = await Promise.all([getViewerSchool(viewer), listOwnSubjects(viewer), getTranslations('home')]);
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
      <FamilyCancellations viewer={viewer} />
    </RoleHome>
  );
}
