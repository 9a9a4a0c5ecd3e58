import Link from '@/components/ui/link';
import { ChevronDown } from 'lucide-react';
import { getTranslations } from 'next-intl/server';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import type { ProgressEntry } from '@/lib/attendance/queries';
import { formatRate, type AttendanceMark } from '@/lib/attendance/rules';
import { formatDate, formatTimeRange } from '@/lib/time';
import { cn } from '@/lib/utils';
import { markBadge } from './mark-style';

type Rate = { weeks: number; present: number; late: number; absent: number; excused: number; rate: number | null };

/** How many progress entries a home shows first, and how many more each "Show earlier" adds. */
export const PROGRESS_FIRST = 5;
export const PROGRESS_STEP = 10;
const PROGRESS_MAX = 200;

/**
 * How many entries to show for a `history` value from the URL: the first few unless a
 * "Show earlier" link asked for more (at most 200); anything malformed gives the first few.
 */
export function progressShown(value: string | string[] | undefined): number {
  const n = Number(Array.isArray(value) ? value[0] : value);
  return Number.isInteger(n) && n > PROGRESS_FIRST ? Math.min(n, PROGRESS_MAX) : PROGRESS_FIRST;
}

/** The `history` value of the next "Show earlier", or undefined when everything is shown. */
export function nextProgressShown(shown: number, loaded: number): number | undefined {
  return loaded > shown && shown < PROGRESS_MAX ? Math.min(shown + PROGRESS_STEP, PROGRESS_MAX) : undefined;
}

/**
 * A student's lessons that took place, newest first: date, subject, tutor, the mark, topic,
 * homework and note, with the attendance rate on top. `roomy` for the student's and parents'
 * phone-first pages (16 px text); staff pages get the dense version. With `earlierHref`, the
 * list ends with "Show earlier" (older entries exist).
 */
export async function ProgressHistory({
  entries,
  rate,
  timeZone,
  roomy = false,
  earlierHref,
}: {
  entries: ProgressEntry[];
  rate: Rate;
  timeZone: string;
  roomy?: boolean;
  earlierHref?: string;
}) {
  const t = await getTranslations('attendance');
  return (
    <div className={cn('grid gap-3', roomy ? 'text-base' : 'text-sm')} data-testid="progress">
      <div>
        <p className="font-medium" data-testid="attendance-rate">
          {rate.rate == null ? t('progress.noRate', { weeks: rate.weeks }) : t('progress.rate', { weeks: rate.weeks, rate: formatRate(rate.rate) })}
        </p>
        {rate.rate != null && <p className="text-muted-foreground">{t('progress.rateDetail', { present: rate.present, late: rate.late, absent: rate.absent, excused: rate.excused })}</p>}
      </div>
      {entries.length === 0 ? (
        <p className="rounded-md border border-dashed p-4 text-muted-foreground">{t('progress.empty')}</p>
      ) : (
        <ol className="divide-y rounded-md border">
          {entries.map((e) => (
            <li key={e.lessonId} className={cn('grid gap-1', roomy ? 'px-4 py-3' : 'px-3 py-2.5')} data-testid="progress-entry">
              <div className="flex items-start justify-between gap-2">
                <span className="min-w-0 font-medium break-words">
                  <span className="mr-2 inline-block size-2.5 rounded-full align-middle" style={{ backgroundColor: e.subject.color }} aria-hidden />
                  {e.subject.name}
                </span>
                <MarkBadge mark={e.mark} label={t(`status.${e.mark ?? 'unmarked'}`)} roomy={roomy} />
              </div>
              <p className="text-muted-foreground">
                <span className="whitespace-nowrap tabular-nums">
                  {formatDate(e.start, timeZone)} {formatTimeRange(e.start, e.end, timeZone)}
                </span>
                {' · '}
                <span className="whitespace-nowrap">{t('progress.with', { tutor: e.tutorName })}</span>
              </p>
              <dl className="grid gap-0.5">
                <div className="flex gap-1.5">
                  <dt className="text-muted-foreground">{t('progress.topic')}:</dt>
                  <dd className={cn('min-w-0 break-words', !e.topic && 'text-muted-foreground italic')}>{e.topic ?? t('progress.noTopic')}</dd>
                </div>
                {e.homework && (
                  <div className="flex gap-1.5">
                    <dt className="text-muted-foreground">{t('progress.homework')}:</dt>
                    <dd className="min-w-0 break-words whitespace-pre-line">{e.homework}</dd>
                  </div>
                )}
                {e.note && (
                  <div className="flex gap-1.5">
                    <dt className="text-muted-foreground">{t('progress.note')}:</dt>
                    <dd className="min-w-0 break-words whitespace-pre-line">{e.note}</dd>
                  </div>
                )}
              </dl>
            </li>
          ))}
        </ol>
      )}
      {earlierHref && (
        <Button variant="outline" asChild className={cn('w-full sm:w-auto sm:justify-self-start', roomy && 'min-h-11')}>
          <Link href={earlierHref} scroll={false} data-testid="progress-earlier">
            <ChevronDown className="size-4" aria-hidden />
            {t('progress.earlier')}
          </Link>
        </Button>
      )}
    </div>
  );
}

function MarkBadge({ mark, label, roomy }: { mark: AttendanceMark | null; label: string; roomy: boolean }) {
  return (
    <Badge variant={mark ? markBadge[mark] : 'outline'} className={cn(!mark && 'text-muted-foreground', roomy && 'px-2.5 py-1 text-sm')}>
      {label}
    </Badge>
  );
}
