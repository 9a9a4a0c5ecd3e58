import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { GraduationCap, UserPlus, Users } from 'lucide-react';
import { getTranslations } from 'next-intl/server';
import { EmptyState } from '@/components/list/empty-state';
import { ExportLink } from '@/components/list/export-link';
import { ListFrame } from '@/components/list/list-frame';
import { loadList } from '@/components/list/load-list';
import { PageHeader } from '@/components/list/page-header';
import { StudentFilters } from '@/components/students/student-filters';
import { StudentsTable } from '@/components/students/students-table';
import { Button } from '@/components/ui/button';
import { requirePage } from '@/lib/auth/viewer';
import { listActiveSubjects } from '@/lib/catalog/queries';
import { isFiltered, listParams } from '@/lib/list/filters';
import { listStudents } from '@/lib/students/queries';
import { studentListFilters } from '@/lib/students/schema';
import { listActiveTutors } from '@/lib/tutors/queries';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('students'))('title') };
}

type Search = Promise<Record<string, string | string[] | undefined>>;

const path = '/admin/students';

export default async function StudentsPage({ searchParams }: { searchParams: Search }) {
  const viewer = await requirePage('records.manage', 'admin');
  const filters = studentListFilters.parse(await searchParams);
  const params = listParams(studentListFilters, filters);
  const [t, list, subjects, tutors] = await Promise.all([
    getTranslations('students'),
    loadList(filters.page, () => listStudents(viewer, filters), { path, params }),
    listActiveSubjects(viewer),
    listActiveTutors(viewer),
  ]);
  const filtered = isFiltered(studentListFilters, filters);

  return (
    <ListFrame
      header={
        <PageHeader
          title={t('title')}
          description={t('description')}
          actions={
            <>
              <ExportLink path={path} params={params} />
              <Button variant="outline" asChild>
                <Link href="/admin/students/new-adult">
                  <UserPlus className="size-4" aria-hidden /> {t('addAdult')}
                </Link>
              </Button>
              <Button asChild>
                <Link href="/admin/students/new-family">
                  <Users className="size-4" aria-hidden /> {t('addFamily')}
                </Link>
              </Button>
            </>
          }
        />
      }
      filters={<StudentFilters filters={filters} subjects={subjects} tutors={tutors.map((x) => ({ id: x.id, name: x.name }))} basePath={path} />}
      list={list}
      params={params}
      empty={
        <EmptyState
          icon={<GraduationCap aria-hidden />}
          title={filtered ? t('noMatchTitle') : t('emptyTitle')}
          body={filtered ? t('noMatchBody') : t('emptyBody')}
          action={
            !filtered && (
              <Button asChild>
                <Link href="/admin/students/new-family">{t('addFamily')}</Link>
              </Button>
            )
          }
        />
      }
    >
      <StudentsTable rows={list.rows} filters={filters} params={params} detailPath={path} showParents />
    </ListFrame>
  );
}
