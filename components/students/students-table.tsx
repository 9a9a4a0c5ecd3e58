import Link from '@/components/ui/link';
import { useTranslations } from 'next-intl';
import { SortHeader } from '@/components/list/sort-header';
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import type { AttendanceRate } from '@/lib/attendance/queries';
import { formatRate } from '@/lib/attendance/rules';
import type { listStudents, PayerContact as Contact } from '@/lib/students/queries';
import type { StudentListFilters } from '@/lib/students/schema';
import { cn } from '@/lib/utils';
import { PayerContact } from './payer-contact';
import { StudentStatusBadge, SubjectChip } from './student-badges';

type Rows = Awaited<ReturnType<typeof listStudents>>['rows'];

/** What a tutor's roster adds to each row: who pays and how to reach them, and the attendance rate. */
export type RosterExtras = Map<string, { payer: Contact | null | undefined; rate: AttendanceRate | undefined }>;

/**
 * A tutor's roster is one markup for every screen: a table from xl up (where its columns fit
 * beside the navigation; the level only from 2xl), and below it the same rows laid out as cards,
 * one column on a phone or a tablet and two on a narrow window (name and status, level and
 * school, subjects, attendance, the payer to call): nothing scrolls sideways, and the server
 * renders each row once.
 */
const card = {
  container: 'max-xl:max-h-none max-xl:overflow-visible max-xl:rounded-none max-xl:border-0',
  table: 'max-xl:block',
  body: 'max-xl:grid max-xl:gap-3 lg:max-xl:grid-cols-2',
  row: 'max-xl:grid max-xl:grid-cols-[minmax(0,1fr)_auto] max-xl:gap-x-3 max-xl:gap-y-2 max-xl:rounded-lg max-xl:border! max-xl:bg-card max-xl:p-4 max-xl:text-card-foreground max-xl:shadow-xs max-xl:hover:bg-card',
  cell: 'max-xl:block max-xl:p-0 max-xl:whitespace-normal',
  wide: 'max-xl:col-span-2',
  label: 'text-muted-foreground xl:hidden',
};

/** The students table shared by the office's list and a tutor's "my students". */
export function StudentsTable({
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
  /** A tutor's roster: the payer's contact and the attendance rate instead of the school; cards below xl. */
  roster?: RosterExtras;
}) {
  const t = useTranslations('students');
  const tp = useTranslations('portal');
  const weeks = roster?.values().next().value?.rate?.weeks ?? 12;
  const sort = (column: string, label: string) => <SortHeader label={label} column={column} sort={filters.sort} dir={filters.dir} params={params} />;
  const cell = (phone: string, className?: string) => cn(roster && cn(card.cell, phone), className);
  return (
    <Table containerClassName={cn('rounded-lg border max-h-[70vh]', roster && card.container)} className={cn(roster && card.table)} data-testid="students-table">
      <TableCaption className="sr-only">{t('tableCaption')}</TableCaption>
      <TableHeader sticky className={cn(roster && 'max-xl:hidden')}>
        <TableRow>
          <TableHead>{sort('name', t('columns.name'))}</TableHead>
          <TableHead className={roster ? 'hidden 2xl:table-cell' : undefined}>{sort('level', t('columns.level'))}</TableHead>
          {!roster && <TableHead className="hidden lg:table-cell">{t('columns.school')}</TableHead>}
          <TableHead>{t('columns.subjects')}</TableHead>
          {showParents && <TableHead className="hidden xl:table-cell">{t('columns.parents')}</TableHead>}
          {roster && <TableHead>{tp('rosterPayer')}</TableHead>}
          {roster && <TableHead className="text-right">{tp('rosterRate', { weeks })}</TableHead>}
          <TableHead>{sort('status', t('columns.status'))}</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody className={cn(roster && card.body)}>
        {rows.map((s) => {
          const extra = roster?.get(s.id);
          return (
            <TableRow key={s.id} className={cn(roster && card.row)} data-student-id={s.id}>
              <TableCell className={cell('max-xl:order-1 max-xl:min-w-0', 'font-medium whitespace-nowrap')}>
                <Link
                  href={`${detailPath}/${s.id}`}
                  className={cn(
                    'hover:underline focus-visible:underline',
                    roster && 'max-xl:inline-flex max-xl:min-h-11 max-xl:items-center max-xl:text-base max-xl:font-semibold max-xl:break-words',
                  )}
                >
                  {s.lastName} {s.firstName}
                </Link>
                {s.email && <div className={cn('text-xs font-normal text-muted-foreground', roster && 'max-xl:truncate')}>{s.email}</div>}
              </TableCell>
              <TableCell className={cell(`max-xl:order-3 ${card.wide} max-xl:text-sm max-xl:text-muted-foreground`, roster ? 'hidden whitespace-nowrap 2xl:table-cell' : 'whitespace-nowrap')}>
                {t(`levels.${s.level}`)}
                {roster && <span className="xl:hidden">{[s.schoolName, s.className].filter(Boolean).map((part) => ` · ${part}`)}</span>}
              </TableCell>
              {!roster && <TableCell className="hidden whitespace-nowrap text-muted-foreground lg:table-cell">{[s.schoolName, s.className].filter(Boolean).join(', ') || '—'}</TableCell>}
              <TableCell className={cell(`max-xl:order-4 ${card.wide}`, cn(roster && s.subjects.length === 0 && 'max-xl:hidden'))}>
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
                <TableCell className={cell(`max-xl:order-6 ${card.wide} max-xl:grid max-xl:max-w-none max-xl:gap-1 max-xl:text-sm`, 'max-w-64 align-top')}>
                  <span className={card.label}>{tp('rosterPayer')}</span>
                  <PayerContact contact={extra?.payer} compact />
                </TableCell>
              )}
              {roster && (
                <TableCell className={cell(`max-xl:order-5 ${card.wide} max-xl:flex max-xl:items-baseline max-xl:justify-between max-xl:gap-3 max-xl:text-sm`, 'text-right tabular-nums')}>
                  <span className={card.label}>{tp('rosterRate', { weeks: extra?.rate?.weeks ?? weeks })}</span>
                  <span className="max-xl:font-semibold" data-testid="roster-rate">
                    {formatRate(extra?.rate?.rate ?? null)}
                  </span>
                </TableCell>
              )}
              <TableCell className={cell('max-xl:order-2 max-xl:self-start')}>
                <StudentStatusBadge status={s.status} />
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
