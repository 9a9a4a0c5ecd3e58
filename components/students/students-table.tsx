import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { SortHeader } from '@/components/list/sort-header';
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import type { listStudents } from '@/lib/students/queries';
import type { StudentListFilters } from '@/lib/students/schema';
import { StudentStatusBadge, SubjectChip } from './student-badges';

type Rows = Awaited<ReturnType<typeof listStudents>>['rows'];

/** The students table shared by the office's list and a tutor's "my students". */
export async function StudentsTable({
  rows,
  filters,
  params,
  detailPath,
  showParents,
}: {
  rows: Rows;
  filters: StudentListFilters;
  params: Record<string, string | undefined>;
  detailPath: string;
  showParents: boolean;
}) {
  const t = await getTranslations('students');
  const sort = (column: string, label: string) => <SortHeader label={label} column={column} sort={filters.sort} dir={filters.dir} params={params} />;
  return (
    <Table containerClassName="rounded-lg border max-h-[70vh]" data-testid="students-table">
      <TableCaption className="sr-only">{t('tableCaption')}</TableCaption>
      <TableHeader sticky>
        <TableRow>
          <TableHead>{sort('name', t('columns.name'))}</TableHead>
          <TableHead>{sort('level', t('columns.level'))}</TableHead>
          <TableHead className="hidden lg:table-cell">{t('columns.school')}</TableHead>
          <TableHead>{t('columns.subjects')}</TableHead>
          {showParents && <TableHead className="hidden xl:table-cell">{t('columns.parents')}</TableHead>}
          <TableHead>{sort('status', t('columns.status'))}</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((s) => (
          <TableRow key={s.id}>
            <TableCell className="font-medium whitespace-nowrap">
              <Link href={`${detailPath}/${s.id}`} className="hover:underline focus-visible:underline">
                {s.lastName} {s.firstName}
              </Link>
              {s.email && <div className="text-xs font-normal text-muted-foreground">{s.email}</div>}
            </TableCell>
            <TableCell className="whitespace-nowrap">{t(`levels.${s.level}`)}</TableCell>
            <TableCell className="hidden whitespace-nowrap text-muted-foreground lg:table-cell">{[s.schoolName, s.className].filter(Boolean).join(', ') || '—'}</TableCell>
            <TableCell>
              <div className="flex max-w-md flex-wrap gap-1">
                {s.subjects.map((sub) => (
                  <SubjectChip key={sub.name} name={sub.name} color={sub.color} detail={sub.tutor ?? t('noTutor')} />
                ))}
              </div>
            </TableCell>
            {showParents && (
              <TableCell className="hidden text-sm text-muted-foreground xl:table-cell">
                {s.isSelfPayer ? t('selfPayer') : s.parents.map((p) => p.name).join(', ') || '—'}
              </TableCell>
            )}
            <TableCell>
              <StudentStatusBadge status={s.status} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
