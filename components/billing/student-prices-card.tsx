import { TriangleAlert } from 'lucide-react';
import Link from '@/components/ui/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { Badge } from '@/components/ui/badge';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import type { StudentPriceRow } from '@/lib/billing/prices';
import { formatMoney } from '@/lib/money';
import { moneyLocale } from './money-field';
import { StudentPriceField } from './price-rows';

/**
 * "Price list" on a student's record: each subject they take with the school's price per 60
 * minutes and the student's own price, which can be set or removed in place.
 */
export async function StudentPricesCard({ studentId, rows }: { studentId: string; rows: StudentPriceRow[] }) {
  const [t, locale] = await Promise.all([getTranslations('billing.studentPrices'), getLocale()]);
  const money = (g: number) => formatMoney(g, moneyLocale(locale));
  return (
    <Card data-testid="student-prices">
      <CardHeader>
        <CardTitle>
          <h2>{t('title')}</h2>
        </CardTitle>
        <CardDescription>{t('description')}</CardDescription>
      </CardHeader>
      <CardContent>
        {rows.length === 0 ? (
          <p className="text-sm text-muted-foreground">{t('empty')}</p>
        ) : (
          <ul className="divide-y rounded-md border">
            {rows.map((r) => (
              <li key={r.subjectId} className="grid gap-2 px-3 py-3 sm:grid-cols-[minmax(0,1fr)_auto] sm:items-center" data-testid={`student-price-${r.subjectId}`}>
                <div className="grid min-w-0 gap-0.5 text-sm">
                  <span className="flex flex-wrap items-center gap-2 font-medium">
                    <span className="size-2.5 shrink-0 rounded-full" style={{ backgroundColor: r.color }} aria-hidden />
                    {r.name}
                    {!r.enrolled && <Badge variant="outline">{t('notEnrolled')}</Badge>}
                  </span>
                  <span className="text-muted-foreground">
                    {t('school')}:{' '}
                    {r.school ? (
                      <span className="tabular-nums">
                        {money(r.school.individualPer60)}
                        {r.school.groupPer60 != null && r.school.groupPer60 !== r.school.individualPer60 && ` · ${t('schoolGroup', { price: money(r.school.groupPer60) })}`}
                      </span>
                    ) : (
                      t('schoolNone')
                    )}
                  </span>
                  {!r.school && r.own == null && (
                    <span className="flex items-center gap-1 text-xs text-muted-foreground">
                      <TriangleAlert className="size-3.5 shrink-0 text-warning" aria-hidden />
                      {t('missing')}
                    </span>
                  )}
                </div>
                <StudentPriceField studentId={studentId} subjectId={r.subjectId} subject={r.name} own={r.own} />
              </li>
            ))}
          </ul>
        )}
        <p className="mt-3 text-sm">
          <Link href="/admin/subjects" className="text-muted-foreground underline-offset-4 hover:text-foreground hover:underline">
            {t('subjectsLink')}
          </Link>
        </p>
      </CardContent>
    </Card>
  );
}
