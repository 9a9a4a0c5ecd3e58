import type { Metadata } from 'next';
import Link from 'next/link';
import { Download, GraduationCap, UserPlus, Users } from 'lucide-react';
import { getTranslations } from 'next-intl/server';
import { EmptyState } from '@/components/list/empty-state';
import { loadListPage } from '@/components/list/list-page';
import { SearchTooLong } from '@/components/list/search-too-long';
import { PageHeader } from '@/components/list/page-header';
import { Pagination } from '@/components/pagination';
import { StudentsTable } from '@/components/students/students-table';
import { Button } from '@/components/ui/button';
import { requirePage } from '@/lib/auth/viewer';
import { listActiveSubjects } from '@/lib/catalog/queries';
import { listStudents } from '@/lib/students/queries';
import { studentListFilters } from '@/lib/students/schema';
import { listActiveTutors } from '@/lib/tutors/queries';
import { filterParams, StudentFilters } from '@/components/students/student-filters';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('students'))('title') };
}

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function StudentsPage({ searchParams }: { searchParams: Search }) {
  const viewer = await requirePage('records.manage', 'admin');
  const filters = studentListFilters.parse(await searchParams);
  const [t, tr, { list, searchTooLong }, subjects, tutors] = await Promise.all([
    getTranslations('students'),
    getTranslations('records'),
    loadListPage(filters, (f) => listStudents(viewer, f)),
    listActiveSubjects(viewer),
    listActiveTutors(viewer),
  ]);
  const params = filterParams(filters);
  const exportQuery = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => Boolean(e[1])));
  const filtered = Boolean(filters.q || filters.level || filters.subjectId || filters.tutorId || filters.status !== 'current');
  const { rows, total, page, pageSize } = list;

  return (
    <div className="mx-auto grid max-w-6xl grid-cols-1 gap-6">
      <PageHeader
        title={t('title')}
        description={t('description')}
        actions={
          <>
            <Button variant="outline" asChild>
              <a href={`/admin/students/export?${exportQuery}`} download>
                <Download className="size-4" aria-hidden /> {tr('export')}
              </a>
            </Button>
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
      <StudentFilters
        filters={filters}
        subjects={subjects}
        tutors={tutors.map((x) => ({ id: x.id, name: x.name }))}
        basePath="/admin/students"
      />
      {searchTooLong && <SearchTooLong />}
      {rows.length === 0 ? (
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
      ) : (
        <div className="grid gap-3">
          <StudentsTable rows={rows} filters={filters} params={params} detailPath="/admin/students" showParents />
          <Pagination
            page={page}
            pageSize={pageSize}
            total={total}
            params={params}
            shown={rows.length}
          />
        </div>
      )}
    </div>
  );
}
