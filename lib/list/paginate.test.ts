import { describe, expect, it } from 'vitest';
import { emptyPage, paginate, totalOf, type PageableQuery } from './paginate';

/** A query over `total` numbered rows that records each window it was asked for, as Drizzle runs them. */
function fakeQuery(total: number) {
  const all = Array.from({ length: total }, (_, i) => i + 1);
  const asked: string[] = [];
  const counts: number[] = [];
  const query: PageableQuery<number> = {
    then: (ok, fail) => {
      asked.push('all');
      return Promise.resolve(all).then(ok, fail);
    },
    limit: (limit) => ({
      offset: (offset) => {
        asked.push(`${offset}+${limit}`);
        return Promise.resolve(all.slice(offset, offset + limit));
      },
    }),
  };
  const count = () => {
    counts.push(total);
    return Promise.resolve(total);
  };
  return { query, count, asked, counts };
}

describe('paginate', () => {
  it('gives one page with the count of every match and the number of pages', async () => {
    const { query, count, asked } = fakeQuery(60);
    const page = await paginate(query, count, { page: 2, pageSize: 25 });
    expect(page).toMatchObject({ total: 60, page: 2, pageSize: 25, pageCount: 3, searchTooLong: false });
    expect(page.rows).toEqual(Array.from({ length: 25 }, (_, i) => i + 26));
    expect(asked).toEqual(['25+25']);
  });

  it('gives the last page for a page past the end, and says which page it is', async () => {
    const { query, count, asked } = fakeQuery(60);
    const page = await paginate(query, count, { page: 999, pageSize: 25 });
    expect(page).toMatchObject({ page: 3, pageCount: 3, total: 60, rows: [51, 52, 53, 54, 55, 56, 57, 58, 59, 60] });
    expect(asked).toEqual(['24950+25', '50+25']);
  });

  it('an empty list has one empty page, whatever page was asked for, without a second look', async () => {
    const { query, count, asked } = fakeQuery(0);
    expect(await paginate(query, count, { page: 5, pageSize: 25 })).toEqual({ ...emptyPage(25) });
    expect(asked).toEqual(['100+25']);
    const exact = fakeQuery(50);
    expect(await paginate(exact.query, exact.count, { page: 2, pageSize: 25 })).toMatchObject({ page: 2, pageCount: 2, total: 50 });
  });

  it('does not run a search longer than the lists accept, and says so', async () => {
    const { query, count, asked, counts } = fakeQuery(60);
    const page = await paginate(query, count, { page: 1, q: 'a'.repeat(101), pageSize: 25 });
    expect(page).toEqual({ ...emptyPage(25), searchTooLong: true });
    expect(await paginate(query, count, { page: 1, q: 'a'.repeat(101), pageSize: 25, all: true })).toMatchObject({ rows: [], searchTooLong: true });
    expect([asked, counts]).toEqual([[], []]);
    // Counted in characters: 100 emoji are 100, not 200 UTF-16 units.
    expect((await paginate(query, count, { page: 1, q: '😀'.repeat(100), pageSize: 25 })).searchTooLong).toBe(false);
  });

  it('counts only when the page does not tell: a short page is the last one, an empty first page means none', async () => {
    const short = fakeQuery(7);
    expect(await paginate(short.query, short.count, { page: 1, pageSize: 25 })).toMatchObject({ total: 7, pageCount: 1, rows: [1, 2, 3, 4, 5, 6, 7] });
    const last = fakeQuery(60);
    expect(await paginate(last.query, last.count, { page: 3, pageSize: 25 })).toMatchObject({ total: 60, page: 3, pageCount: 3 });
    const none = fakeQuery(0);
    expect(await paginate(none.query, none.count, { page: 1, pageSize: 25 })).toMatchObject({ total: 0, pageCount: 1, rows: [] });
    expect([short.counts, last.counts, none.counts]).toEqual([[], [], []]);
    // A full page, or an empty one past the first, says nothing about the rest.
    const full = fakeQuery(25);
    expect(await paginate(full.query, full.count, { page: 1, pageSize: 25 })).toMatchObject({ total: 25, pageCount: 1 });
    expect(full.counts).toEqual([25]);
    const counted: number[] = [];
    const count = async () => (counted.push(1), 40);
    expect([await totalOf(25, 1, 25, count), await totalOf(0, 3, 25, count), await totalOf(24, 2, 25, count), await totalOf(0, 1, 25, count)]).toEqual([40, 40, 49, 0]);
    expect(counted).toHaveLength(2);
  });

  it('gives every row at once for an export, without counting', async () => {
    const { query, count, asked, counts } = fakeQuery(60);
    const all = await paginate(query, count, { page: 3, pageSize: 25, all: true });
    expect(all).toMatchObject({ total: 60, page: 1, pageCount: 3 });
    expect(all.rows).toHaveLength(60);
    expect([asked, counts]).toEqual([['all'], []]);
  });
});
