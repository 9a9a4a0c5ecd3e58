import { redirect } from 'next/navigation';
import { AppShell } from '@/components/shell/app-shell';
import { can } from '@/lib/auth/permissions';
import { getViewer } from '@/lib/auth/viewer';
import { countUnread } from '@/lib/messaging/queries';

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const viewer = await getViewer();
  if (!viewer) redirect('/login');
  const unread = await countUnread(viewer);
  return (
    <AppShell
      schoolName={viewer.schoolName}
      user={{ name: viewer.name, email: viewer.email, role: viewer.role }}
      // The palette searches school records: staff only (GET /api/palette refuses anyone else too).
      canSearch={can(viewer.role, 'records.read')}
      unread={unread}
    >
      {children}
    </AppShell>
  );
}
