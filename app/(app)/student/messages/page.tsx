import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { MessagesIndex } from '@/components/messaging/pages';
import { requirePage } from '@/lib/auth/viewer';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('messaging'))('title') };
}

export default async function MessagesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requirePage('messages.read', 'student');
  return <MessagesIndex viewer={viewer} search={await searchParams} />;
}
