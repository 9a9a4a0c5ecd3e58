import type { Metadata } from 'next';
import { GraduationCap } from 'lucide-react';
import { getTranslations } from 'next-intl/server';
import { EmptyState } from '@/components/list/empty-state';
import { ListFrame } from '@/components/list/list-frame';
import { loadList } from '@/components/list/load-list';
import { PageHeader } from '@/components/list/page-header';
import { StudentFilters } from '@/components/students/student-filters';
import { StudentsTable, type RosterExtras } from '@/components/students/students-table';
import { attendanceRates } from '@/lib/attendance/queries';
import { requirePage } from '@/lib/auth/viewer';
import { listActiveSubjects } from '@/lib/catalog/queries';
import { isFiltered, listParams } from '@/lib/list/filters';
import { listPayerContacts, listStudents } from '@/lib/students/queries';
import { studentListFilters } from '@/lib/students/schema';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('students'))('myStudentsTitle') };
}

type Search = Promise<Record<string, string | string[] | undefined>>;

const path = '/tutor/students';

/**
 * A tutor's own students, read only; the query itself narrows to the students they teach.
 * Each with who pays and how to reach them, and their attendance in the tutor's lessons: a
 * table from xl up, the same rows as cards below it.
 */
export default async function MyStudentsPage({ searchParams }: { searchParams: Search }) {
  const viewer = await requirePage('records.read', 'tutor');
  const filters = studentListFilters.parse(await searchParams);
  const params = listParams(studentListFilters, filters);
  const [t, list, subjects] = await Promise.all([
    getTranslations('students'),
    loadList(filters.page, () => listStudents(viewer, filters), { path, params }),
    listActiveSubjects(viewer),
  ]);
  const filtered = isFiltered(studentListFilters, filters);
  // For this page's rows only: two queries and one more, whatever the page size.
  const ids = list.rows.map((r) => r.id);
  const [payers, rates] = await Promise.all([listPayerContacts(viewer, ids), attendanceRates(viewer, ids)]);
  const roster: RosterExtras = new Map(ids.map((id) => [id, { payer: payers.get(id), rate: rates.get(id) }]));
  return (
    <ListFrame
      header={<PageHeader title={t('myStudentsTitle')} description={t('myStudentsDescription')} />}
      filters={<StudentFilters filters={filters} subjects={subjects} basePath={path} />}
      list={list}
      params={params}
      empty={
        <EmptyState
          icon={<GraduationCap aria-hidden />}
          title={filtered ? t('noMatchTitle') : t('myStudentsTitle')}
          body={filtered ? t('noMatchBody') : t('myStudentsEmpty')}
        />
      }
    >
      <StudentsTable rows={list.rows} filters={filters} params={params} detailPath={path} showParents={false} roster={roster} />
    </ListFrame>
  );
}
