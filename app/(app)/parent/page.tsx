import { RoleHome } from '@/components/shell/role-home';
import { requirePage } from '@/lib/auth/viewer';
import { getViewerSchool } from '@/lib/schools/queries';

export default async function ParentHomePage() {
  const viewer = await requirePage('home.view', 'parent');
  const school = await getViewerSchool(viewer);
  return <RoleHome viewer={viewer} schoolName={school.name} />;
}
