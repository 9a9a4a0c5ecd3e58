import { getTranslations } from 'next-intl/server';
import { FamilyCancellations } from '@/components/cancellations/family-cancellations';
import { RoleHome } from '@/components/shell/role-home';
import { StudentListCard } from '@/components/students/student-list-card';
import { requirePage } from '@/lib/auth/viewer';
import { getViewerSchool } from '@/lib/schools/queries';
import { listVisibleStudents } from '@/lib/students/queries';

export default async function ParentHomePage() {
  const viewer = await requirePage('home.view', 'parent');
  const [school, children, t] = await Promise.all([getViewerSchool(viewer), listVisibleStudents(viewer), getTranslations('home')]);
  return (
    <RoleHome viewer={viewer} schoolName={school.name}>
      <StudentListCard title={t('myChildren')} empty={t('noChildren')} rows={children} />
      <FamilyCancellations viewer={viewer} />
    </RoleHome>
  );
}
