import { describe, expect, it } from 'vitest';
import { pageNumber, pathHref, queryHref } from './url-state';

describe('queryHref', () => {
  it('keeps the parameters that have a value, encoded, and adds the fragment', () => {
    expect(queryHref({ status: 'approved', page: undefined, q: 'Łukasz Ż' }, 'decided')).toBe('?status=approved&q=%C5%81ukasz+%C5%BB#decided');
  });

  it('is a bare "?" when nothing is left, so following it clears the query', () => {
    expect(queryHref({ page: undefined, status: '' })).toBe('?');
  });
});

describe('pageNumber', () => {
  it('reads a whole page number and falls back to the first page for anything else', () => {
    expect(pageNumber('3')).toBe(3);
    expect(pageNumber(['2', '5'])).toBe(2);
    for (const bad of [undefined, '', '0', '-3', '1.5', 'abc', '10001', '1e3x']) expect(pageNumber(bad)).toBe(1);
  });
});

describe('pathHref', () => {
  it('is the bare path when no parameter is left, and keeps a fragment', () => {
    expect(pathHref('/admin/rooms', { q: undefined })).toBe('/admin/rooms');
    expect(pathHref('/admin/rooms', { q: 'sala 1', sort: 'capacity' })).toBe('/admin/rooms?q=sala+1&sort=capacity');
    expect(pathHref('/staff', {}, 'credits')).toBe('/staff#credits');
  });
});
