import { Pagination } from '@/components/pagination';
import { SearchTooLong } from './search-too-long';

/**
 * The frame every list page shares: its header, the filter bar, the notice for a search too
 * long to run, then either the empty state or the table with its pagination. The page gives
 * the pieces; how a list is loaded and paged is the same everywhere (`loadList`, `paginate`).
 */
export function ListFrame({
  header,
  filters,
  aside,
  list,
  params,
  empty,
  children,
}: {
  header: React.ReactNode;
  /** The filter bar (a GET form), when the list has one. */
  filters?: React.ReactNode;
  /** A line between the filters and the list (a filter set from another page, say). */
  aside?: React.ReactNode;
  list: { rows: unknown[]; total: number; page: number; pageSize: number; searchTooLong: boolean };
  /** The view's URL parameters, kept by the pagination links. */
  params: Record<string, string | undefined>;
  /** What the page shows when there are no rows: what belongs here, or that nothing matches. */
  empty: React.ReactNode;
  /** The table of this page's rows. */
  children: React.ReactNode;
}) {
  return (
    <div className="mx-auto grid w-full max-w-6xl grid-cols-1 gap-6">
      {header}
      {filters}
      {aside}
      {list.searchTooLong && <SearchTooLong />}
      {list.rows.length === 0 ? (
        empty
      ) : (
        <div className="grid min-w-0 gap-3">
          {children}
          <Pagination page={list.page} pageSize={list.pageSize} total={list.total} params={params} shown={list.rows.length} />
        </div>
      )}
    </div>
  );
}
