import { getTranslations } from 'next-intl/server';
import { RoleHome } from '@/components/shell/role-home';
import { StudentListCard } from '@/components/students/student-list-card';
import { requirePage } from '@/lib/auth/viewer';
import { getViewerSchool } from '@/lib/schools/queries';
import { listVisibleStudents } from '@/lib/students/queries';

export default async function TutorHomePage() {
  const viewer = await requirePage('home.view', 'tutor');
  const [school, students, t] = await Promise.all([getViewerSchool(viewer), listVisibleStudents(viewer), getTranslations('home')]);
  return (
    <RoleHome viewer={viewer} schoolName={school.name}>
      <StudentListCard title={t('myStudents')} empty={t('noStudents')} rows={students} />
    </RoleHome>
  );
}
