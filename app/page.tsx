import { redirect } from 'next/navigation';
import { homeOf } from '@/lib/auth/permissions';
import { getViewer } from '@/lib/auth/viewer';

export default async function Root() {
  const viewer = await getViewer();
  redirect(viewer ? homeOf[viewer.role] : '/login');
}
