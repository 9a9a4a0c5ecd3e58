import Link from '@/components/ui/link';
import { ChevronLeft, ChevronRight } from 'lucide-react';
import { getTranslations } from 'next-intl/server';
import { queryHref } from '@/components/list/url-state';
import { Button } from '@/components/ui/button';
import { pageCountOf } from '@/lib/list/paginate';

/**
 * Previous/next links that keep the other query parameters, and "x–y of N". A page with two
 * paged lists gives the second its own `param`; `hash` brings the reader back to the list
 * (a section's id) instead of the top of the page.
 */
export async function Pagination({
  page,
  pageSize,
  total,
  shown,
  params,
  param = 'page',
  hash,
  label,
}: {
  page: number;
  pageSize: number;
  total: number;
  /** Rows on this page. */
  shown: number;
  params: Record<string, string | undefined>;
  /** The query parameter holding this list's page. */
  param?: string;
  /** A fragment (without '#') the links end with. */
  hash?: string;
  /** The navigation's accessible name, when a page has more than one. */
  label?: string;
}) {
  const t = await getTranslations('records');
  const href = (p: number) => queryHref({ ...params, [param]: p > 1 ? String(p) : undefined }, hash);
  const last = pageCountOf(total, pageSize);
  const from = (page - 1) * pageSize + 1;
  const previous = (
    <>
      <ChevronLeft className="size-4" aria-hidden /> {t('previous')}
    </>
  );
  const next = (
    <>
      {t('next')} <ChevronRight className="size-4" aria-hidden />
    </>
  );
  return (
    <nav className="flex items-center justify-between gap-3 text-sm text-muted-foreground" aria-label={label ?? t('pagination')}>
      <span className="tabular-nums">{t('range', { from, to: from + shown - 1, total })}</span>
      <div className="flex gap-2">
        {page > 1 ? (
          <Button variant="outline" size="sm" asChild>
            <Link href={href(page - 1)} rel="prev">
              {previous}
            </Link>
          </Button>
        ) : (
          <Button variant="outline" size="sm" disabled>
            {previous}
          </Button>
        )}
        {page < last ? (
          <Button variant="outline" size="sm" asChild>
            <Link href={href(page + 1)} rel="next">
              {next}
            </Link>
          </Button>
        ) : (
          <Button variant="outline" size="sm" disabled>
            {next}
          </Button>
        )}
      </div>
    </nav>
  );
}
