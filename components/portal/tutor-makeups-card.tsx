import Link from '@/components/ui/link';
import { CalendarPlus } from 'lucide-react';
import { getTranslations } from 'next-intl/server';
import { Badge } from '@/components/ui/badge';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { creditDaysLeft, lastUsableDay } from '@/lib/cancellations/rules';
import type { MakeupToSchedule } from '@/lib/cancellations/queries';
import { formatCalendarDate } from '@/lib/time';

/** The home shows the few makeups that run out first; all of them are on the cancellations page. */
const SHOWN = 6;

/** Where a makeup is booked: the cancellations page's "makeup lessons to book" section. */
export const BOOK_MAKEUP_HREF = '/tutor/cancellations#makeup';

/**
 * Makeup lessons a tutor still has to book, on their home: per student and subject, how many
 * credits and the first day one runs out, the soonest first, each a link to where it is
 * booked.
 */
export async function TutorMakeupsCard({ rows, timeZone, now = new Date() }: { rows: MakeupToSchedule[]; timeZone: string; now?: Date }) {
  const t = await getTranslations('portal');
  const credits = rows.reduce((n, r) => n + r.credits, 0);
  return (
    <Card className="gap-4" data-testid="home-makeups">
      <CardHeader className="gap-1">
        <CardTitle>
          <h2 className="flex items-center gap-2 text-base font-semibold">
            <CalendarPlus className="size-4 text-muted-foreground" aria-hidden />
            {t('makeupsTitle')}
          </h2>
        </CardTitle>
        <CardDescription>{rows.length === 0 ? t('makeupsEmpty') : t('makeupsCount', { count: credits })}</CardDescription>
      </CardHeader>
      {rows.length > 0 && (
        <CardContent className="grid gap-3">
          <ul className="divide-y rounded-md border text-sm">
            {rows.slice(0, SHOWN).map((r) => {
              const left = creditDaysLeft(r.earliestExpiresAt, timeZone, now);
              return (
                <li key={`${r.studentId}-${r.subjectId}`} data-testid="home-makeup" data-student-id={r.studentId}>
                  <Link
                    href={BOOK_MAKEUP_HREF}
                    className="grid min-h-11 grid-cols-[minmax(0,1fr)_auto] items-center gap-x-3 gap-y-0.5 px-3 py-2 hover:bg-muted/50 focus-visible:bg-muted/50 focus-visible:outline-none"
                  >
                    <span className="min-w-0 truncate font-medium">{r.studentName}</span>
                    <Badge variant="secondary" className="row-span-2 tabular-nums">
                      {t('makeupsCredits', { count: r.credits })}
                    </Badge>
                    <span className="min-w-0 truncate text-muted-foreground">
                      <span className="mr-1.5 inline-block size-2 rounded-full align-middle" style={{ backgroundColor: r.subjectColor }} aria-hidden />
                      {r.subjectName} · <span className={left <= 3 ? 'font-medium text-destructive' : undefined}>{t('makeupsUntil', { date: formatCalendarDate(lastUsableDay(r.earliestExpiresAt, timeZone)) })}</span>
                    </span>
                  </Link>
                </li>
              );
            })}
          </ul>
          <Link href={BOOK_MAKEUP_HREF} className="inline-flex min-h-10 w-fit items-center text-sm font-medium text-primary hover:underline focus-visible:underline" data-testid="home-makeups-link">
            {rows.length > SHOWN ? t('makeupsAll', { count: rows.length }) : t('makeupsBook')} →
          </Link>
        </CardContent>
      )}
    </Card>
  );
}
