import Link from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';

type Row = { id: string; firstName: string; lastName: string; level: string; schoolName: string | null; className: string | null };

/**
 * A compact list of students on a role home (a tutor's students, a parent's children); with
 * `detailPath`, each name opens the student's page.
 */
export async function StudentListCard({ title, empty, rows, detailPath }: { title: string; empty: string; rows: Row[]; detailPath?: string }) {
  const t = await getTranslations('accounts.levels');
  return (
    <Card>
      <CardHeader>
        <CardTitle>{title}</CardTitle>
        {rows.length === 0 && <CardDescription>{empty}</CardDescription>}
      </CardHeader>
      {rows.length > 0 && (
        <CardContent>
          <ul className="divide-y rounded-md border" data-testid="student-list">
            {rows.map((s) => (
              <li key={s.id} className="flex min-h-11 flex-wrap items-center justify-between gap-2 px-3 py-2.5">
                {detailPath ? (
                  <Link href={`${detailPath}/${s.id}`} className="-my-1 inline-flex min-h-10 items-center font-medium text-primary underline-offset-4 hover:underline focus-visible:underline">
                    {s.firstName} {s.lastName}
                  </Link>
                ) : (
                  <span className="font-medium">
                    {s.firstName} {s.lastName}
                  </span>
                )}
                <span className="text-sm text-muted-foreground">
                  {[t(s.level as 'primary'), s.schoolName, s.className].filter(Boolean).join(' · ')}
                </span>
              </li>
            ))}
          </ul>
        </CardContent>
      )}
    </Card>
  );
}
