import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { NewThreadScreen } from '@/components/messaging/pages';
import { requirePage } from '@/lib/auth/viewer';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('messaging'))('new') };
}

export default async function NewThreadPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requirePage('messages.write', 'student');
  return <NewThreadScreen viewer={viewer} search={await searchParams} />;
}
