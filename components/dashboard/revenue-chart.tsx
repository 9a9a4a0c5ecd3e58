'use client';

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

export type RevenueBar = { label: string; value: number; text: string };

/**
 * Twelve months of revenue as bars, in the theme's colours (CSS variables, so light and dark
 * both work). The chart is a picture: the same figures are in the table beside it for screen
 * readers and for anyone who wants the numbers.
 */
export function RevenueChart({ bars, axisUnit }: { bars: RevenueBar[]; axisUnit: string }) {
  return (
    <div className="h-56 w-full" aria-hidden data-testid="revenue-chart">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={bars} margin={{ top: 8, right: 4, bottom: 0, left: 0 }} accessibilityLayer={false}>
          <CartesianGrid vertical={false} stroke="var(--border)" />
          <XAxis dataKey="label" tickLine={false} axisLine={false} tick={{ fill: 'var(--muted-foreground)', fontSize: 12 }} interval="preserveStartEnd" />
          <YAxis
            tickLine={false}
            axisLine={false}
            width={68}
            tick={{ fill: 'var(--muted-foreground)', fontSize: 12 }}
            tickFormatter={(v: number) => `${Math.round(v / 100_000)}${axisUnit}`}
          />
          <Tooltip
            cursor={{ fill: 'var(--muted)' }}
            contentStyle={{ background: 'var(--popover)', border: '1px solid var(--border)', borderRadius: 8, color: 'var(--popover-foreground)' }}
            labelStyle={{ color: 'var(--popover-foreground)' }}
            formatter={(_value, _name, item) => [(item.payload as RevenueBar).text, '']}
            separator=""
          />
          <Bar dataKey="value" fill="var(--primary)" radius={[4, 4, 0, 0]} maxBarSize={36} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
