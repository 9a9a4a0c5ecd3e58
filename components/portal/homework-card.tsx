import { NotebookPen } from 'lucide-react';
import { getTranslations } from 'next-intl/server';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import type { ProgressEntry } from '@/lib/attendance/queries';
import { formatDate } from '@/lib/time';

/**
 * "Zadanie domowe", first on a student's and a parent's page: the homework set in the
 * latest lesson that had any, large, with the lesson it came from. An empty state says where
 * it will appear.
 */
export async function HomeworkCard({
  entry,
  timeZone,
  childName,
  heading: Heading = 'h2',
}: {
  entry: ProgressEntry | undefined;
  timeZone: string;
  childName?: string;
  heading?: 'h2' | 'h3';
}) {
  const t = await getTranslations('portal');
  return (
    <Card className="gap-4 border-primary/30" data-testid="homework">
      <CardHeader className="gap-1">
        <CardTitle>
          <Heading className="flex items-center gap-2 text-lg font-semibold">
            <NotebookPen className="size-5 text-primary" aria-hidden />
            {t('homeworkTitle')}
          </Heading>
        </CardTitle>
        {entry && (
          <CardDescription className="text-base">
            <span className="mr-2 inline-block size-2.5 rounded-full align-middle" style={{ backgroundColor: entry.subject.color }} aria-hidden />
            {t('homeworkFrom', { subject: entry.subject.name, date: formatDate(entry.start, timeZone), tutor: entry.tutorName })}
          </CardDescription>
        )}
      </CardHeader>
      <CardContent>
        {entry ? (
          <p className="text-lg leading-relaxed break-words whitespace-pre-line" data-testid="homework-text">
            {entry.homework}
          </p>
        ) : (
          <p className="rounded-md border border-dashed px-4 py-6 text-center text-muted-foreground" data-testid="empty-state">
            {childName ? t('homeworkEmptyChild', { name: childName }) : t('homeworkEmpty')}
          </p>
        )}
      </CardContent>
    </Card>
  );
}
