import type { ClosureKind } from '../schema';

/**
 * The school year 2026/2027 breaks of the demo schools, as `school_closures` rows (calendar
 * dates, inclusive). Public holidays are not listed: they come from the holiday library.
 *
 * Winter break differs per voivodeship and year. The 2026/2027 dates are the Ministry of
 * Education's schedule under the regulation on the organisation of the school year (announced
 * in May 2025, three rounds): 18–31 January 2027 (dolnośląskie, łódzkie, opolskie,
 * podkarpackie, podlaskie, śląskie), 1–14 February 2027 (lubelskie, mazowieckie, pomorskie,
 * świętokrzyskie), 15–28 February 2027 (kujawsko-pomorskie, lubuskie, małopolskie,
 * warmińsko-mazurskie, wielkopolskie, zachodniopomorskie). The Christmas break runs
 * 23–31 December, the spring break from Maundy Thursday to the Tuesday after Easter
 * (Easter is 28 March 2027), and the summer break from the last Saturday of June.
 */

export type DemoClosure = { firstDay: string; lastDay: string; name: string; kind: ClosureKind };

const shared: DemoClosure[] = [
  { firstDay: '2026-12-23', lastDay: '2026-12-31', name: 'Zimowa przerwa świąteczna', kind: 'break' },
  { firstDay: '2027-03-25', lastDay: '2027-03-30', name: 'Wiosenna przerwa świąteczna', kind: 'break' },
  { firstDay: '2027-06-26', lastDay: '2027-08-31', name: 'Ferie letnie', kind: 'break' },
];

/** Winter break 2027 by voivodeship (the two demo schools' ones). */
export const winterBreak2027 = {
  mazowieckie: { firstDay: '2027-02-01', lastDay: '2027-02-14', name: 'Ferie zimowe', kind: 'break' },
  malopolskie: { firstDay: '2027-02-15', lastDay: '2027-02-28', name: 'Ferie zimowe', kind: 'break' },
} as const satisfies Record<string, DemoClosure>;

/** Closures per demo school, by its voivodeship: "Na Piątkę" (Warszawa) and "Sowa" (Kraków). */
export const demoClosures: Record<'mazowieckie' | 'malopolskie', DemoClosure[]> = {
  mazowieckie: [...shared, winterBreak2027.mazowieckie].sort((a, b) => a.firstDay.localeCompare(b.firstDay)),
  malopolskie: [...shared, winterBreak2027.malopolskie].sort((a, b) => a.firstDay.localeCompare(b.firstDay)),
};
