import { getTranslations } from 'next-intl/server';
import { FamilyCancellations } from '@/components/cancellations/family-cancellations';
import { ProgressHistory } from '@/components/attendance/progress-history';
import { RoleHome } from '@/components/shell/role-home';
import { StudentListCard } from '@/components/students/student-list-card';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { attendanceRate, progressForStudent } from '@/lib/attendance/queries';
import { requirePage } from '@/lib/auth/viewer';
import { getViewerSchool } from '@/lib/schools/queries';
import { listVisibleStudents } from '@/lib/students/queries';

export default async function ParentHomePage() {
  const viewer = await requirePage('home.view', 'parent');
  const [school, children, t, tp] = await Promise.all([getViewerSchool(viewer), listVisibleStudents(viewer), getTranslations('home'), getTranslations('attendance.progress')]);
  // A family has a handful of children: two small queries per child.
  const progress = await Promise.all(
    children.map(async (child) => ({ child, entries: await progressForStudent(viewer, child.id, { limit: 20 }), rate: await attendanceRate(viewer, child.id) })),
  );
  return (
    <RoleHome viewer={viewer} schoolName={school.name}>
      <StudentListCard title={t('myChildren')} empty={t('noChildren')} rows={children} />
      {progress.map(({ child, entries, rate }) => (
        <Card key={child.id} data-testid="child-progress">
          <CardHeader>
            <CardTitle className="text-lg">{tp('childTitle', { name: `${child.firstName} ${child.lastName}` })}</CardTitle>
          </CardHeader>
          <CardContent>
            <ProgressHistory entries={entries} rate={rate} timeZone={viewer.timeZone} roomy />
          </CardContent>
        </Card>
      ))}
      <FamilyCancellations viewer={viewer} />
    </RoleHome>
  );
}
