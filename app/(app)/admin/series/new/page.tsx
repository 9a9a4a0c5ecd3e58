import type { Metadata } from 'next';
import { ArrowLeft } from 'lucide-react';
import Link from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/list/page-header';
import { SeriesForm } from '@/components/series/series-form';
import { requirePage } from '@/lib/auth/viewer';
import { listActiveRooms, listActiveSubjects } from '@/lib/catalog/queries';
import { schoolYearOf } from '@/lib/series/rules';
import { listVisibleStudents } from '@/lib/students/queries';
import { todayIn } from '@/lib/time';
import { listActiveTutors } from '@/lib/tutors/queries';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('series'))('newSeries') };
}

/** Plan a weekly series: who, what, where, when, and for which term (the school year by default). */
export default async function NewSeriesPage() {
  const viewer = await requirePage('series.manage', 'admin');
  const [t, tutors, subjects, rooms, students] = await Promise.all([
    getTranslations('series'),
    listActiveTutors(viewer),
    listActiveSubjects(viewer),
    listActiveRooms(viewer),
    listVisibleStudents(viewer, { limit: 1000 }),
  ]);
  const today = todayIn(viewer.timeZone);
  const year = schoolYearOf(today);
  return (
    <div className="grid grid-cols-1 gap-6">
      <Link href="/admin/series" className="inline-flex w-fit items-center gap-1 text-sm text-muted-foreground hover:text-foreground">
        <ArrowLeft className="size-4" aria-hidden />
        {t('back')}
      </Link>
      <PageHeader title={t('newSeries')} description={t('seriesIntro')} testId="series-new-title" />
      <SeriesForm
        tutors={tutors.map((x) => ({ id: x.id, name: x.name, subjectIds: x.subjectIds }))}
        subjects={subjects.map((s) => ({ id: s.id, name: s.name, minutes: s.defaultDurationMin ?? 60 }))}
        rooms={rooms.map((r) => ({ id: r.id, name: r.name, capacity: r.capacity }))}
        students={students.map((s) => ({ id: s.id, name: `${s.firstName} ${s.lastName}` }))}
        defaults={{ firstDate: year.firstDate > today ? year.firstDate : today, lastDate: year.lastDate }}
      />
    </div>
  );
}
