import { describe, expect, it } from 'vitest';
import { loadListPage } from './list-page';

/** A list of `total` numbered rows, 25 a page, recording which pages were asked for. */
function fakeList(total: number) {
  const asked: number[] = [];
  const load = async (f: { page: number; q?: string }) => {
    asked.push(f.page);
    const rows = Array.from({ length: total }, (_, i) => i + 1).slice((f.page - 1) * 25, f.page * 25);
    return { rows, total, page: f.page, pageSize: 25 };
  };
  return { asked, load };
}

describe('loadListPage', () => {
  it('shows the last page for a page past the end', async () => {
    const { asked, load } = fakeList(60);
    const { list, searchTooLong } = await loadListPage({ page: 999 }, load);
    expect(list).toMatchObject({ page: 3, total: 60, rows: [51, 52, 53, 54, 55, 56, 57, 58, 59, 60] });
    expect(searchTooLong).toBe(false);
    expect(asked).toEqual([999, 3]);
  });

  it('asks once for a page that exists, and an empty list stays empty', async () => {
    const some = fakeList(60);
    expect((await loadListPage({ page: 2 }, some.load)).list.rows).toHaveLength(25);
    expect(some.asked).toEqual([2]);
    const none = fakeList(0);
    expect((await loadListPage({ page: 5 }, none.load)).list).toMatchObject({ rows: [], total: 0 });
    expect(none.asked).toEqual([5]);
  });

  it('does not run a search longer than the lists accept, and says so', async () => {
    const { asked, load } = fakeList(60);
    const { list, searchTooLong } = await loadListPage({ page: 1, q: 'a'.repeat(101) }, load);
    expect(searchTooLong).toBe(true);
    expect(list.rows).toEqual([]);
    expect(asked).toEqual([]);
    expect((await loadListPage({ page: 1, q: 'a'.repeat(100) }, load)).searchTooLong).toBe(false);
  });
});
