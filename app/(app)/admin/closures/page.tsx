import type { Metadata } from 'next';
import { CalendarOff } from 'lucide-react';
import { getTranslations } from 'next-intl/server';
import { EmptyState } from '@/components/list/empty-state';
import { PageHeader } from '@/components/list/page-header';
import { ClosureDialog, ClosureRowActions } from '@/components/series/closure-dialog';
import { Badge } from '@/components/ui/badge';
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { requirePage } from '@/lib/auth/viewer';
import { listClosures } from '@/lib/closures/queries';
import { daysBetween } from '@/lib/series/rules';
import { formatCalendarDate } from '@/lib/time';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('series'))('closuresTitle') };
}

/** The school's breaks and days off, in date order; add, edit and delete in a dialog. */
export default async function ClosuresPage() {
  const viewer = await requirePage('closures.manage', 'admin');
  const [t, rows] = await Promise.all([getTranslations('series'), listClosures(viewer)]);
  return (
    <div className="grid grid-cols-1 gap-6">
      <PageHeader title={t('closuresTitle')} description={t('closuresIntro')} actions={<ClosureDialog />} testId="closures-title" />
      {rows.length === 0 ? (
        <EmptyState icon={<CalendarOff aria-hidden />} title={t('emptyClosures')} body={t('emptyClosuresHint')} action={<ClosureDialog />} />
      ) : (
        <Table containerClassName="rounded-lg border" data-testid="closures-table">
          <TableCaption className="sr-only">{t('closuresTitle')}</TableCaption>
          <TableHeader sticky>
            <TableRow>
              <TableHead>{t('colName')}</TableHead>
              <TableHead>{t('colTerm')}</TableHead>
              <TableHead className="hidden sm:table-cell">{t('colDays')}</TableHead>
              <TableHead className="hidden sm:table-cell">{t('colKind')}</TableHead>
              <TableHead className="w-12">
                <span className="sr-only">{t('edit')}</span>
              </TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((c) => (
              <TableRow key={c.id}>
                <TableCell className="font-medium">{c.name}</TableCell>
                <TableCell className="tabular-nums">
                  {c.firstDay === c.lastDay ? formatCalendarDate(c.firstDay) : `${formatCalendarDate(c.firstDay)} – ${formatCalendarDate(c.lastDay)}`}
                </TableCell>
                <TableCell className="hidden text-muted-foreground tabular-nums sm:table-cell">{t('days', { count: daysBetween(c.firstDay, c.lastDay) + 1 })}</TableCell>
                <TableCell className="hidden sm:table-cell">
                  <Badge variant={c.kind === 'break' ? 'secondary' : 'outline'}>{c.kind === 'break' ? t('kindBreak') : t('kindDayOff')}</Badge>
                </TableCell>
                <TableCell className="text-right">
                  <ClosureRowActions closure={c} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </div>
  );
}
