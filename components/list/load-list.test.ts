import { describe, expect, it, vi } from 'vitest';

vi.mock('next/navigation', () => ({
  redirect: (url: string) => {
    throw Object.assign(new Error('NEXT_REDIRECT'), { url });
  },
}));

const { loadList } = await import('./load-list');

async function redirectOf(p: Promise<unknown>): Promise<string | undefined> {
  try {
    await p;
    return undefined;
  } catch (e) {
    return (e as { url?: string }).url;
  }
}

describe('loadList', () => {
  const params = { q: 'anna', status: undefined };

  it('shows the page asked for', async () => {
    const list = { page: 2, rows: [1] };
    expect(await loadList(2, async () => list, { path: '/admin/students', params })).toBe(list);
  });

  it('puts the last page in the URL when the page asked for was past the end, keeping the filters', async () => {
    expect(await redirectOf(loadList(999, async () => ({ page: 3 }), { path: '/admin/students', params }))).toBe('/admin/students?q=anna&page=3');
    expect(await redirectOf(loadList(5, async () => ({ page: 1 }), { path: '/admin/students', params: {} }))).toBe('/admin/students');
  });

  it("moves only this list's own parameter on a page with two lists, and comes back to its section", async () => {
    const url = await redirectOf(loadList(40, async () => ({ page: 2 }), { path: '/admin/cancellations', params: { page: '3', status: 'approved' }, param: 'credits', hash: 'credits' }));
    expect(url).toBe('/admin/cancellations?page=3&status=approved&credits=2#credits');
  });
});
