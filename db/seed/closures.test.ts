import { describe, expect, it } from 'vitest';
import { createClosureSchema } from '@/lib/closures/schema';
import { polishHolidays } from '@/lib/series/rules';
import { demoClosures } from './closures';

describe('demo closures 2026/2027', () => {
  it('are valid closures, in order, without overlaps', () => {
    for (const list of Object.values(demoClosures)) {
      for (const c of list) expect(createClosureSchema.safeParse(c).success).toBe(true);
      for (let i = 1; i < list.length; i++) expect(list[i].firstDay > list[i - 1].lastDay).toBe(true);
    }
  });

  it('put the spring break around Easter Monday 2027 and the winter break per voivodeship', () => {
    const easterMonday = polishHolidays(2027).find((h) => h.name === 'Drugi dzień Wielkanocy')!.date;
    expect(easterMonday).toBe('2027-03-29');
    const spring = demoClosures.mazowieckie.find((c) => c.name.startsWith('Wiosenna'))!;
    expect(spring.firstDay <= easterMonday && easterMonday <= spring.lastDay).toBe(true);
    expect(demoClosures.mazowieckie.find((c) => c.name === 'Ferie zimowe')).toMatchObject({ firstDay: '2027-02-01', lastDay: '2027-02-14' });
    expect(demoClosures.malopolskie.find((c) => c.name === 'Ferie zimowe')).toMatchObject({ firstDay: '2027-02-15', lastDay: '2027-02-28' });
  });
});
