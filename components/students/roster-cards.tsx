import Link from '@/components/ui/link';
import { ChevronRight } from 'lucide-react';
import { getTranslations } from 'next-intl/server';
import { formatRate } from '@/lib/attendance/rules';
import type { listStudents } from '@/lib/students/queries';
import { cn } from '@/lib/utils';
import { PayerContact } from './payer-contact';
import { StudentStatusBadge, SubjectChip } from './student-badges';
import type { RosterExtras } from './students-table';

type Rows = Awaited<ReturnType<typeof listStudents>>['rows'];

/**
 * A tutor's roster on a phone: one card per student instead of a table to scroll sideways —
 * the name (to their page and progress), subjects, attendance rate, and the payer's phone and
 * e-mail as links to tap.
 */
export async function RosterCards({ rows, roster, detailPath, className }: { rows: Rows; roster: RosterExtras; detailPath: string; className?: string }) {
  const [t, tp] = await Promise.all([getTranslations('students'), getTranslations('portal')]);
  return (
    <ul className={cn('grid gap-3', className)} data-testid="roster-cards">
      {rows.map((s) => {
        const extra = roster.get(s.id);
        return (
          <li key={s.id} className="grid gap-3 rounded-lg border bg-card p-4 text-card-foreground shadow-xs" data-student-id={s.id}>
            <div className="flex items-start justify-between gap-3">
              <Link href={`${detailPath}/${s.id}`} className="group -m-1 inline-flex min-h-11 min-w-0 items-center gap-1 rounded-md p-1 text-base font-semibold focus-visible:ring-[3px] focus-visible:ring-ring/50 focus-visible:outline-none">
                <span className="min-w-0 break-words group-hover:underline">
                  {s.firstName} {s.lastName}
                </span>
                <ChevronRight className="size-4 shrink-0 text-muted-foreground" aria-hidden />
              </Link>
              <StudentStatusBadge status={s.status} />
            </div>
            <p className="-mt-2 text-sm text-muted-foreground">{[t(`levels.${s.level}`), s.schoolName, s.className].filter(Boolean).join(' · ')}</p>
            {s.subjects.length > 0 && (
              <div className="flex flex-wrap gap-1">
                {s.subjects.map((sub) => (
                  <SubjectChip key={sub.name} name={sub.name} color={sub.color} />
                ))}
              </div>
            )}
            <dl className="grid gap-3 text-sm">
              <div className="flex items-baseline justify-between gap-3">
                <dt className="text-muted-foreground">{tp('rosterRate', { weeks: extra?.rate?.weeks ?? 12 })}</dt>
                <dd className="font-semibold tabular-nums">{formatRate(extra?.rate?.rate ?? null)}</dd>
              </div>
              <div className="grid gap-1">
                <dt className="text-muted-foreground">{tp('rosterPayer')}</dt>
                <dd>
                  <PayerContact contact={extra?.payer} />
                </dd>
              </div>
            </dl>
          </li>
        );
      })}
    </ul>
  );
}
