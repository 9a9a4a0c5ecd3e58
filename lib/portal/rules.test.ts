import { describe, expect, it } from 'vitest';
import { childLabels, latestHomework, pickChild } from './rules';

const ola = { id: '7a1d6c4e-0000-4000-8000-000000000001', name: 'Ola' };
const kuba = { id: '7a1d6c4e-0000-4000-8000-000000000002', name: 'Kuba' };

describe('pickChild', () => {
  it('takes the requested child when it is one of them', () => {
    expect(pickChild([ola, kuba], kuba.id)).toBe(kuba);
    expect(pickChild([ola, kuba], [kuba.id, ola.id])).toBe(kuba);
    expect(pickChild([ola, kuba], kuba.id.toUpperCase())).toBe(kuba);
  });
  it('falls back to the first for no choice, a stranger’s id or garbage', () => {
    expect(pickChild([ola, kuba], undefined)).toBe(ola);
    expect(pickChild([ola, kuba], '7a1d6c4e-0000-4000-8000-000000000099')).toBe(ola);
    expect(pickChild([ola, kuba], "' or 1=1 --")).toBe(ola);
    expect(pickChild([ola, kuba], [])).toBe(ola);
  });
  it('is undefined without children', () => {
    expect(pickChild([], ola.id)).toBeUndefined();
  });
});

describe('latestHomework', () => {
  it('is the newest entry that has homework, skipping blank ones', () => {
    const entries = [
      { id: 1, homework: null },
      { id: 2, homework: '   ' },
      { id: 3, homework: 'str. 42' },
      { id: 4, homework: 'str. 12' },
    ];
    expect(latestHomework(entries)?.id).toBe(3);
    expect(latestHomework([{ id: 1, homework: null }])).toBeUndefined();
  });
});

describe('childLabels', () => {
  it('names siblings by first name, in full only when a first name repeats', () => {
    expect(childLabels([{ firstName: 'Ola', lastName: 'Nowak' }, { firstName: 'Kuba', lastName: 'Nowak' }])).toEqual(['Ola', 'Kuba']);
    expect(childLabels([{ firstName: 'Ola', lastName: 'Nowak' }, { firstName: 'Ola', lastName: 'Lis' }, { firstName: 'Iga', lastName: 'Lis' }])).toEqual(['Ola Nowak', 'Ola Lis', 'Iga']);
  });
});
