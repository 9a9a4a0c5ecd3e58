import Link from 'next/link';
import { ChevronLeft, ChevronRight } from 'lucide-react';
import { Button } from '@/components/ui/button';

/** Previous/next links that keep the other query parameters, and "x–y of N". */
export function Pagination({
  page,
  pageSize,
  total,
  params,
  labels,
}: {
  page: number;
  pageSize: number;
  total: number;
  params: Record<string, string | undefined>;
  labels: { label?: string; range: string; previous: string; next: string };
}) {
  const href = (p: number) => {
    const q = new URLSearchParams(Object.entries({ ...params, page: p > 1 ? String(p) : undefined }).filter((e): e is [string, string] => Boolean(e[1])));
    const s = q.toString();
    return s ? `?${s}` : '?';
  };
  const last = Math.max(1, Math.ceil(total / pageSize));
  return (
    <nav className="flex items-center justify-between gap-3 text-sm text-muted-foreground" aria-label={labels.label ?? 'pagination'}>
      <span className="tabular-nums">{labels.range}</span>
      <div className="flex gap-2">
        {page > 1 ? (
          <Button variant="outline" size="sm" asChild>
            <Link href={href(page - 1)} rel="prev">
              <ChevronLeft className="size-4" aria-hidden /> {labels.previous}
            </Link>
          </Button>
        ) : (
          <Button variant="outline" size="sm" disabled>
            <ChevronLeft className="size-4" aria-hidden /> {labels.previous}
          </Button>
        )}
        {page < last ? (
          <Button variant="outline" size="sm" asChild>
            <Link href={href(page + 1)} rel="next">
              {labels.next} <ChevronRight className="size-4" aria-hidden />
            </Link>
          </Button>
        ) : (
          <Button variant="outline" size="sm" disabled>
            {labels.next} <ChevronRight className="size-4" aria-hidden />
          </Button>
        )}
      </div>
    </nav>
  );
}
