import Link from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';
import { Button } from '@/components/ui/button';

/**
 * The end of a list's GET filter form: keeps the current sort when filtering, submits, and
 * offers "Clear filters" when any filter is on.
 */
export async function FilterActions({ sort, dir, filtered, clearHref }: { sort?: string; dir?: string; filtered: boolean; clearHref: string }) {
  const t = await getTranslations('records');
  return (
    <div className="flex gap-2">
      {sort && sort !== 'name' && <input type="hidden" name="sort" value={sort} />}
      {dir && dir !== 'asc' && <input type="hidden" name="dir" value={dir} />}
      <Button type="submit">{t('filter')}</Button>
      {filtered && (
        <Button variant="ghost" asChild>
          <Link href={clearHref}>{t('clear')}</Link>
        </Button>
      )}
    </div>
  );
}
