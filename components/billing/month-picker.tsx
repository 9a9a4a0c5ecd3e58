import { ChevronLeft, ChevronRight } from 'lucide-react';
import Link from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { addMonths } from '@/lib/attendance/rules';

/**
 * The month of a statement, kept in the URL (`?month=2026-11`) so a view can be bookmarked:
 * previous and next as links, any month through the field (a plain GET form, so it works
 * before the page's script has loaded).
 */
export async function MonthPicker({ path, month }: { path: string; month: string }) {
  const t = await getTranslations('billing.earnings');
  return (
    <form className="flex items-end gap-2" action={path} data-testid="month-picker">
      <Button asChild variant="outline" size="icon" aria-label={t('previous')}>
        <Link href={`${path}?month=${addMonths(month, -1)}`}>
          <ChevronLeft aria-hidden />
        </Link>
      </Button>
      <Input type="month" name="month" defaultValue={month} className="w-44" aria-label={t('month')} />
      <Button type="submit" variant="secondary">
        {t('show')}
      </Button>
      <Button asChild variant="outline" size="icon" aria-label={t('next')}>
        <Link href={`${path}?month=${addMonths(month, 1)}`}>
          <ChevronRight aria-hidden />
        </Link>
      </Button>
    </form>
  );
}

/** The month asked for in the URL when it is one, else the current month; and whether the asked one was refused. */
export function monthFromSearch(raw: string | string[] | undefined, current: string): { month: string; invalid: boolean } {
  const asked = typeof raw === 'string' ? raw : undefined;
  const valid = asked !== undefined && /^20\d{2}-(0[1-9]|1[0-2])$/.test(asked);
  return { month: valid ? asked : current, invalid: asked !== undefined && !valid };
}
