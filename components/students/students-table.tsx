import Link from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';
import { SortHeader } from '@/components/list/sort-header';
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import type { AttendanceRate } from '@/lib/attendance/queries';
import { formatRate } from '@/lib/attendance/rules';
import type { listStudents, PayerContact as Contact } from '@/lib/students/queries';
import type { StudentListFilters } from '@/lib/students/schema';
import { PayerContact } from './payer-contact';
import { StudentStatusBadge, SubjectChip } from './student-badges';

type Rows = Awaited<ReturnType<typeof listStudents>>['rows'];

/** What a tutor's roster adds to each row: who pays and how to reach them, and the attendance rate. */
export type RosterExtras = Map<string, { payer: Contact | null | undefined; rate: AttendanceRate | undefined }>;

/** The students table shared by the office's list and a tutor's "my students". */
export async function StudentsTable({
  rows,
  filters,
  params,
  detailPath,
  showParents,
  roster,
}: {
  rows: Rows;
  filters: StudentListFilters;
  params: Record<string, string | undefined>;
  detailPath: string;
  showParents: boolean;
  /** A tutor's roster: the payer's contact and the attendance rate instead of the school. */
  roster?: RosterExtras;
}) {
  const [t, tp] = await Promise.all([getTranslations('students'), getTranslations('portal')]);
  const weeks = roster?.values().next().value?.rate?.weeks ?? 12;
  const sort = (column: string, label: string) => <SortHeader label={label} column={column} sort={filters.sort} dir={filters.dir} params={params} />;
  return (
    <Table containerClassName="rounded-lg border max-h-[70vh]" data-testid="students-table">
      <TableCaption className="sr-only">{t('tableCaption')}</TableCaption>
      <TableHeader sticky>
        <TableRow>
          <TableHead>{sort('name', t('columns.name'))}</TableHead>
          <TableHead className={roster ? 'hidden xl:table-cell' : undefined}>{sort('level', t('columns.level'))}</TableHead>
          {!roster && <TableHead className="hidden lg:table-cell">{t('columns.school')}</TableHead>}
          <TableHead>{t('columns.subjects')}</TableHead>
          {showParents && <TableHead className="hidden xl:table-cell">{t('columns.parents')}</TableHead>}
          {roster && <TableHead>{tp('rosterPayer')}</TableHead>}
          {roster && <TableHead className="text-right">{tp('rosterRate', { weeks })}</TableHead>}
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
            <TableCell className={roster ? 'hidden whitespace-nowrap xl:table-cell' : 'whitespace-nowrap'}>{t(`levels.${s.level}`)}</TableCell>
            {!roster && <TableCell className="hidden whitespace-nowrap text-muted-foreground lg:table-cell">{[s.schoolName, s.className].filter(Boolean).join(', ') || '—'}</TableCell>}
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
            {roster && (
              <TableCell className="max-w-64 align-top">
                <PayerContact contact={roster.get(s.id)?.payer} compact />
              </TableCell>
            )}
            {roster && (
              <TableCell className="text-right tabular-nums" data-testid="roster-rate">
                {formatRate(roster.get(s.id)?.rate?.rate ?? null)}
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
