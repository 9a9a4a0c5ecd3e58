import type { Metadata } from 'next';
import { GraduationCap } from 'lucide-react';
import { getTranslations } from 'next-intl/server';
import { filterParams, StudentFilters } from '@/components/students/student-filters';
import { EmptyState } from '@/components/list/empty-state';
import { loadListPage } from '@/components/list/list-page';
import { SearchTooLong } from '@/components/list/search-too-long';
import { PageHeader } from '@/components/list/page-header';
import { Pagination } from '@/components/pagination';
import { StudentsTable } from '@/components/students/students-table';
import { requirePage } from '@/lib/auth/viewer';
import { listActiveSubjects } from '@/lib/catalog/queries';
import { listStudents } from '@/lib/students/queries';
import { studentListFilters } from '@/lib/students/schema';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('students'))('myStudentsTitle') };
}

type Search = Promise<Record<string, string | string[] | undefined>>;

/** A tutor's own students, read only; the query itself narrows to the students they teach. */
export default async function MyStudentsPage({ searchParams }: { searchParams: Search }) {
  const viewer = await requirePage('records.read', 'tutor');
  const filters = studentListFilters.parse(await searchParams);
  const [t, { list, searchTooLong }, subjects] = await Promise.all([
    getTranslations('students'),
    loadListPage(filters, (f) => listStudents(viewer, f)),
    listActiveSubjects(viewer),
  ]);
  const params = filterParams(filters);
  const { rows, total, page, pageSize } = list;
  const filtered = Boolean(filters.q || filters.level || filters.subjectId || filters.status !== 'current');
  return (
    <div className="mx-auto grid max-w-6xl grid-cols-1 gap-6">
      <PageHeader title={t('myStudentsTitle')} description={t('myStudentsDescription')} />
      <StudentFilters filters={filters} subjects={subjects} basePath="/tutor/students" />
      {searchTooLong && <SearchTooLong />}
      {rows.length === 0 ? (
        <EmptyState icon={<GraduationCap aria-hidden />} title={filtered ? t('noMatchTitle') : t('myStudentsTitle')} body={filtered ? t('noMatchBody') : t('myStudentsEmpty')} />
      ) : (
        <div className="grid gap-3">
          <StudentsTable rows={rows} filters={filters} params={params} detailPath="/tutor/students" showParents={false} />
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
