import { TriangleAlert } from 'lucide-react';
import Link from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';
import { Badge } from '@/components/ui/badge';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import type { TutorRateList } from '@/lib/billing/earnings';
import { TutorRateField } from './price-rows';

/**
 * "Pay rates" on a tutor's record: the general rate per 60 minutes and a rate per subject they
 * teach (a subject's rate comes first), each set or removed in place; a link to the month's earnings.
 */
export async function TutorRatesCard({ tutorId, rates }: { tutorId: string; rates: TutorRateList }) {
  const t = await getTranslations('billing.rates');
  const anyRate = rates.general != null || rates.subjects.some((s) => s.per60 != null);
  return (
    <Card data-testid="tutor-rates">
      <CardHeader>
        <CardTitle>
          <h2>{t('title')}</h2>
        </CardTitle>
        <CardDescription>{t('description')}</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-3">
        <ul className="divide-y rounded-md border">
          <li className="grid gap-2 px-3 py-3">
            <div className="grid gap-0.5 text-sm">
              <span className="font-medium">{t('general')}</span>
              <span className="text-muted-foreground">{t('generalHelp')}</span>
            </div>
            <TutorRateField tutorId={tutorId} subjectId={null} subject={t('general')} per60={rates.general} />
          </li>
          {rates.subjects.map((s) => (
            <li key={s.subjectId} className="grid gap-2 px-3 py-3">
              <span className="flex flex-wrap items-center gap-2 text-sm font-medium">
                <span className="size-2.5 shrink-0 rounded-full" style={{ backgroundColor: s.color }} aria-hidden />
                {s.name}
                {!s.teaches && <Badge variant="outline">{t('notTeaching')}</Badge>}
              </span>
              <TutorRateField tutorId={tutorId} subjectId={s.subjectId} subject={s.name} per60={s.per60} />
            </li>
          ))}
        </ul>
        {!anyRate && (
          <p className="flex items-center gap-1.5 text-sm text-muted-foreground">
            <TriangleAlert className="size-4 shrink-0 text-warning" aria-hidden />
            {t('noRate')}
          </p>
        )}
        <Link href={`/admin/earnings/${tutorId}`} className="w-fit text-sm text-muted-foreground underline-offset-4 hover:text-foreground hover:underline">
          {t('earningsLink')}
        </Link>
      </CardContent>
    </Card>
  );
}
