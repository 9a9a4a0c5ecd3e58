import type { Metadata } from 'next';
import { ThreadScreen } from '@/components/messaging/pages';
import { getViewer, requirePage } from '@/lib/auth/viewer';
import { getThread } from '@/lib/messaging/queries';

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const viewer = await getViewer();
  const thread = viewer ? await getThread(viewer, (await params).id) : null;
  return { title: thread?.subject };
}

export default async function ThreadPage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await requirePage('messages.read', 'tutor');
  return <ThreadScreen viewer={viewer} id={(await params).id} />;
}
