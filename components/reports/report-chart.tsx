'use client';

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

export type ChartSeries = { key: string; name: string; color: string };
export type ChartPoint = { label: string } & Record<string, number | string>;

/**
 * A report's figures as bars, in the theme's colours (CSS variables, so light and dark both
 * work), after components/dashboard/revenue-chart.tsx. The chart is a picture: it is hidden
 * from screen readers and carries no keyboard layer, the same figures are in the table below.
 * Values arrive in display units (złoty, hours, counts); `locale` formats the ticks and tooltip,
 * and `unit` follows a value in the tooltip only (the axis stays narrow: "100 tys.", not "100 tys. zł").
 */
export function ReportChart({ points, series, stacked = false, locale, unit = '' }: { points: ChartPoint[]; series: ChartSeries[]; stacked?: boolean; locale: string; unit?: string }) {
  const number = new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'pl-PL', { maximumFractionDigits: 2 });
  const compact = new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'pl-PL', { notation: 'compact', maximumFractionDigits: 1 });
  return (
    <div className="h-64 w-full" aria-hidden data-testid="report-chart">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={points} margin={{ top: 8, right: 4, bottom: 0, left: 0 }} accessibilityLayer={false}>
          <CartesianGrid vertical={false} stroke="var(--border)" />
          <XAxis dataKey="label" tickLine={false} axisLine={false} tick={{ fill: 'var(--muted-foreground)', fontSize: 12 }} interval="preserveStartEnd" />
          <YAxis tickLine={false} axisLine={false} width={56} tick={{ fill: 'var(--muted-foreground)', fontSize: 12 }} tickFormatter={(v: number) => compact.format(v)} />
          <Tooltip
            cursor={{ fill: 'var(--muted)' }}
            contentStyle={{ background: 'var(--popover)', border: '1px solid var(--border)', borderRadius: 8, color: 'var(--popover-foreground)' }}
            labelStyle={{ color: 'var(--popover-foreground)' }}
            formatter={(value) => `${number.format(Number(value))}${unit}`}
          />
          {series.length > 1 && <Legend itemSorter={null} wrapperStyle={{ fontSize: 12, color: 'var(--muted-foreground)' }} />}
          {series.map((s, i) => (
            <Bar
              key={s.key}
              dataKey={s.key}
              name={s.name}
              fill={s.color}
              stackId={stacked ? 'stack' : undefined}
              radius={!stacked || i === series.length - 1 ? [4, 4, 0, 0] : 0}
              maxBarSize={36}
              isAnimationActive={false}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
