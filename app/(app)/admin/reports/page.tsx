import type { Metadata } from 'next';
import { Banknote, CalendarX, ChevronRight, ClipboardCheck, Clock, HandCoins, type LucideIcon } from 'lucide-react';
import Link from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/list/page-header';
import { Card, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { requirePage } from '@/lib/auth/viewer';
import { reportKeys, type ReportKey } from '@/lib/reports/registry';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('reports'))('title') };
}

const icons: Record<ReportKey, LucideIcon> = { attendance: ClipboardCheck, revenue: Banknote, outstanding: HandCoins, earnings: Clock, cancellations: CalendarX };

/** The owner's reports: one card per report, each opening it for the current period. */
export default async function ReportsPage() {
  await requirePage('reports.read', 'admin');
  const t = await getTranslations('reports');
  return (
    <div className="mx-auto grid w-full max-w-6xl grid-cols-1 gap-6">
      <PageHeader title={t('title')} description={t('description')} testId="reports-title" />
      <ul className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3" data-testid="reports-index">
        {reportKeys.map((key) => {
          const Icon = icons[key];
          return (
            <li key={key}>
              <Link href={`/admin/reports/${key}`} className="group block h-full rounded-xl focus-visible:ring-[3px] focus-visible:ring-ring/50 focus-visible:outline-none">
                <Card className="h-full transition-colors group-hover:border-primary/40">
                  <CardHeader>
                    <CardTitle className="flex items-center gap-2 text-base">
                      <Icon className="size-4 text-primary" aria-hidden />
                      {t(`cards.${key}.title`)}
                      <ChevronRight className="ml-auto size-4 text-muted-foreground transition-transform group-hover:translate-x-0.5" aria-hidden />
                    </CardTitle>
                    <CardDescription>{t(`cards.${key}.description`)}</CardDescription>
                  </CardHeader>
                </Card>
              </Link>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
