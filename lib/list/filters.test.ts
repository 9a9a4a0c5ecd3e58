import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { filtersFromUrl, isFiltered, isSearchTooLong, listFilters, listParams, SEARCH_MAX, sortedListFilters } from './filters';

const people = sortedListFilters(['name', 'created'], { sort: 'name', dir: 'asc' }).extend({
  status: z.enum(['current', 'archived', 'all']).default('current').catch('current'),
  weekday: z.coerce.number().int().min(1).max(7).optional().catch(undefined),
});

describe('list filters', () => {
  it('fall back to the defaults for anything malformed instead of failing', () => {
    expect(people.parse({})).toEqual({ q: undefined, page: 1, sort: 'name', dir: 'asc', status: 'current', weekday: undefined });
    expect(people.parse({ q: ['a', 'b'], page: '-3', sort: 'salary', dir: 'up', status: 'gone', weekday: '9' })).toEqual(people.parse({}));
    for (const bad of ['0', '1.5', 'abc', '10001', '1e3x']) expect(listFilters.parse({ page: bad }).page).toBe(1);
    expect(people.parse({ q: '  Łukasz ', page: '3', sort: 'created', dir: 'desc', status: 'all', weekday: '2' })).toEqual({
      q: 'Łukasz',
      page: 3,
      sort: 'created',
      dir: 'desc',
      status: 'all',
      weekday: 2,
    });
  });

  it('keep a search longer than allowed, so the list can refuse it instead of listing everyone', () => {
    const q = 'x'.repeat(SEARCH_MAX + 1);
    expect(listFilters.parse({ q }).q).toBe(q);
    expect(isSearchTooLong(q)).toBe(true);
    expect(isSearchTooLong('x'.repeat(SEARCH_MAX))).toBe(false);
    expect(isSearchTooLong(undefined)).toBe(false);
  });

  it('become URL parameters without the defaults and the page, sort and direction last', () => {
    expect(listParams(people, people.parse({ page: '4' }))).toEqual({ q: undefined, status: undefined, weekday: undefined, sort: undefined, dir: undefined });
    const params = listParams(people, people.parse({ dir: 'desc', weekday: '3', q: 'anna', status: 'all' }));
    expect(params).toEqual({ q: 'anna', status: 'all', weekday: '3', sort: undefined, dir: 'desc' });
    expect(Object.keys(params)).toEqual(['q', 'status', 'weekday', 'sort', 'dir']);
    expect(listParams(people, people.parse({ q: '   ' })).q).toBeUndefined();
  });

  it('say whether anything narrows the list (sorting and paging do not)', () => {
    expect(isFiltered(people, people.parse({ sort: 'created', dir: 'desc', page: '2' }))).toBe(false);
    expect(isFiltered(people, people.parse({ status: 'archived' }))).toBe(true);
    expect(isFiltered(people, people.parse({ q: 'anna' }))).toBe(true);
    expect(isFiltered(people, people.parse({ weekday: '1' }))).toBe(true);
  });

  it('are read from an export request the same way', () => {
    expect(filtersFromUrl(people, 'https://school.test/admin/x/export?status=archived&sort=created&page=2')).toMatchObject({ status: 'archived', sort: 'created', page: 2 });
  });
});
