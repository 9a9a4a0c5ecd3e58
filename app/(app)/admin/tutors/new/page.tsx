import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { ArrowLeft } from 'lucide-react';
import { getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/list/page-header';
import { requirePage } from '@/lib/auth/viewer';
import { listTutorSubjectChoices, usedTutorColors } from '@/lib/tutors/queries';
import { TUTOR_COLORS } from '@/lib/tutors/schema';
import { TutorForm } from '../tutor-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('tutors'))('newTitle') };
}

export default async function NewTutorPage() {
  const viewer = await requirePage('records.manage', 'admin');
  const [t, tr, subjects, used] = await Promise.all([getTranslations('tutors'), getTranslations('records'), listTutorSubjectChoices(viewer), usedTutorColors(viewer)]);
  // Suggest a colour no current tutor has, so a new tutor stands out in the calendar.
  const color = TUTOR_COLORS.find((c) => !used.includes(c)) ?? TUTOR_COLORS[used.length % TUTOR_COLORS.length];

  return (
    <div className="mx-auto grid max-w-3xl grid-cols-1 gap-6">
      <Link href="/admin/tutors" className="inline-flex w-fit items-center gap-1 text-sm text-muted-foreground hover:text-foreground">
        <ArrowLeft className="size-4" aria-hidden /> {tr('backTo', { list: t('title') })}
      </Link>
      <PageHeader title={t('newTitle')} description={t('newDescription')} />
      <TutorForm
        mode="create"
        subjects={subjects}
        defaultValues={{ firstName: '', lastName: '', email: '', phone: '', color, bio: '', status: 'active', teaches: [] }}
      />
    </div>
  );
}
