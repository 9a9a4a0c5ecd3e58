import Link from '@/components/ui/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import type { DashboardFigures } from '@/lib/dashboard/figures';
import { formatMoney } from '@/lib/money';
import { RevenueChart } from './revenue-chart';

/**
 * The school's money and week at a glance: lessons this week, invoices waiting for payment,
 * overdue money, this month's revenue against last month's, and twelve months as a chart
 * (with the same figures in a table for those who do not see the chart).
 */
export async function FinanceOverview({ figures }: { figures: DashboardFigures }) {
  const [t, locale] = await Promise.all([getTranslations('home.overview'), getLocale()]);
  const lang = locale === 'en' ? 'en' : 'pl';
  const money = (g: number) => formatMoney(g, lang);
  const month = (m: string, style: 'short' | 'long') =>
    new Intl.DateTimeFormat(lang === 'pl' ? 'pl-PL' : 'en-GB', { month: style, ...(style === 'long' ? { year: 'numeric' } : {}), timeZone: 'UTC' }).format(new Date(`${m}-15T12:00:00Z`));
  const [last, current] = figures.revenue.slice(-2);
  const change = last.gross === 0 ? null : Math.round(((current.gross - last.gross) / Math.abs(last.gross)) * 100);
  const stats = [
    { label: t('lessonsWeek'), value: String(figures.lessonsThisWeek), detail: t('lessonsWeekDetail'), href: '/admin/calendar', id: 'lessons-week' },
    { label: t('pending'), value: money(figures.pending.amount), detail: t('pendingDetail', { count: figures.pending.count }), href: '/admin/invoices?status=unpaid', id: 'pending' },
    { label: t('overdue'), value: money(figures.overdue.amount), detail: t('overdueDetail', { count: figures.overdue.count }), href: '/admin/invoices?status=overdue', id: 'overdue' },
    {
      label: t('revenueMonth'),
      value: money(current.gross),
      // Before the billing day this month has no invoices yet: "-100%" would alarm for nothing.
      detail:
        current.gross === 0
          ? t('revenueNotYet', { last: money(last.gross) })
          : change === null
            ? t('revenueNoLast')
            : t('revenueVsLast', { change: `${change > 0 ? '+' : ''}${change}`, last: money(last.gross) }),
      href: '/admin/invoices',
      id: 'revenue-month',
    },
  ];
  return (
    <section aria-labelledby="finance-title" className="grid gap-4">
      <h2 id="finance-title" className="sr-only">
        {t('financeTitle')}
      </h2>
      <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4" data-testid="finance">
        {stats.map((s) => (
          <Link key={s.id} href={s.href} className="group rounded-xl focus-visible:ring-[3px] focus-visible:ring-ring/50 focus-visible:outline-none" data-testid={`figure-${s.id}`}>
            <Card className="h-full transition-colors group-hover:border-primary/40">
              <CardHeader>
                <CardDescription>{s.label}</CardDescription>
                <CardTitle className="text-2xl tabular-nums">{s.value}</CardTitle>
              </CardHeader>
              <CardContent className="text-sm text-muted-foreground">{s.detail}</CardContent>
            </Card>
          </Link>
        ))}
      </div>
      <Card>
        <CardHeader>
          <CardTitle>{t('revenueChart')}</CardTitle>
          <CardDescription>{t('revenueChartDetail')}</CardDescription>
        </CardHeader>
        <CardContent className="grid grid-cols-1 gap-2">
          <RevenueChart bars={figures.revenue.map((r) => ({ label: month(r.month, 'short'), value: r.gross, text: `${month(r.month, 'long')}: ${money(r.gross)}` }))} axisUnit={t('thousandsUnit')} />
          <table className="sr-only" data-testid="revenue-table">
            <caption>{t('revenueChart')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('month')}</th>
                <th scope="col">{t('revenue')}</th>
              </tr>
            </thead>
            <tbody>
              {figures.revenue.map((r) => (
                <tr key={r.month}>
                  <th scope="row">{month(r.month, 'long')}</th>
                  <td>{money(r.gross)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </CardContent>
      </Card>
    </section>
  );
}
