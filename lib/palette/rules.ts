import { addCalendarDays } from '@/lib/time';

/**
 * Pure rules of the staff command palette ("search everywhere"): what counts as a query, how a
 * typed date becomes a calendar day, and which pages of the menu match. No I/O; shared by the
 * server (lib/palette/queries.ts) and the palette in the browser.
 */

/** Shorter than this, a search would match half the school: the palette only filters its pages. */
export const PALETTE_MIN_LENGTH = 2;
/** Longer than this is not a name, a number or a date; the route refuses it. */
export const PALETTE_MAX_LENGTH = 100;
/** Rows per group: the palette is for jumping to a known thing, not for browsing a list. */
export const PALETTE_GROUP_LIMIT = 5;

/**
 * A search box as plain text, trimmed, control characters as spaces: what `cleanSearch` in
 * lib/search.ts does, repeated here because that module brings Drizzle and this one runs in the
 * browser too.
 */
function clean(raw: string): string {
  return raw.replace(/[\u0000-\u001f\u007f]/g, ' ').trim();
}

/** The search the palette sends to the server, trimmed; undefined when too short or too long to search. */
export function paletteQuery(raw: string | null | undefined): string | undefined {
  const q = clean(raw ?? '');
  if (q.length < PALETTE_MIN_LENGTH || q.length > PALETTE_MAX_LENGTH) return undefined;
  return q;
}

/**
 * Text as the database's `tutorhub_fold` compares it: lower case, without Polish letters
 * ("Łódź" → "lodz"). `ł` has no decomposition in Unicode, so it is mapped by hand.
 */
export function foldText(value: string): string {
  return value
    .toLowerCase()
    .replace(/ł/g, 'l')
    .normalize('NFD')
    .replace(/\p{M}/gu, '');
}

/** Whether every word of `q` appears in `text`, ignoring case and Polish letters ("fakt" finds "Faktury"). */
export function matchesWords(text: string, q: string): boolean {
  const haystack = foldText(text);
  return foldText(q)
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => haystack.includes(word));
}

/** Words for a relative day, folded, in both languages: "dzis" is "dziś" typed without the accent. */
const RELATIVE_DAYS: Record<string, number> = {
  dzis: 0,
  dzisiaj: 0,
  today: 0,
  jutro: 1,
  tomorrow: 1,
  pojutrze: 2,
  wczoraj: -1,
  yesterday: -1,
};

/** The calendar accepts dates in this range (components/calendar/url-state.ts); others would open on today. */
const FIRST_YEAR = 2000;
const LAST_YEAR = 2100;

function isoDate(year: number, month: number, day: number): string | undefined {
  if (year < FIRST_YEAR || year > LAST_YEAR || month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  const iso = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const check = new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10);
  return check === iso ? iso : undefined;
}

const daysBetween = (a: string, b: string) => Math.abs(Date.parse(`${a}T00:00:00Z`) - Date.parse(`${b}T00:00:00Z`)) / 86_400_000;

/**
 * The calendar day a palette query names, or undefined: "dziś"/"today", "jutro"/"tomorrow",
 * "wczoraj"/"yesterday", "pojutrze"; "12.12.2026" (also "12.12.26", "12/12/2026"); "2026-12-12";
 * and "12.12" without a year. `today` is the school's date ("2026-11-30", from `todayIn` in the
 * school's zone), so "jutro" at 23:30 in Warsaw is the next Warsaw day whatever the server's clock.
 *
 * A day without a year is the nearest such day to today, before or after: in January "12.12"
 * is the December just gone (marking attendance, reading notes), in November the December to
 * come (planning). On an exact tie the later one wins. 29.02 is the nearest leap day.
 */
export function parsePaletteDate(raw: string, today: string): string | undefined {
  const q = foldText(clean(raw));
  if (q in RELATIVE_DAYS) return addCalendarDays(today, RELATIVE_DAYS[q]);

  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(q);
  if (iso) return isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));

  const dmy = /^(\d{1,2})([./])(\d{1,2})(?:\2(\d{2}|\d{4}))?\.?$/.exec(q);
  if (!dmy) return undefined;
  const [day, month] = [Number(dmy[1]), Number(dmy[3])];
  if (dmy[4]) {
    const year = dmy[4].length === 2 ? 2000 + Number(dmy[4]) : Number(dmy[4]);
    return isoDate(year, month, day);
  }
  const thisYear = Number(today.slice(0, 4));
  let best: string | undefined;
  for (const year of [thisYear - 1, thisYear, thisYear + 1]) {
    const candidate = isoDate(year, month, day);
    if (!candidate) continue;
    if (!best || daysBetween(candidate, today) <= daysBetween(best, today)) best = candidate;
  }
  // Only a leap day can miss all three years (29.02 in 2026 looks at 2025–2027): take the nearest leap year.
  if (!best && month === 2 && day === 29) {
    for (let offset = 0; offset <= 4 && !best; offset++) {
      const candidates = [thisYear + offset, thisYear - offset].map((y) => isoDate(y, 2, 29)).filter((d): d is string => !!d);
      best = candidates.sort((a, b) => daysBetween(a, today) - daysBetween(b, today) || b.localeCompare(a))[0];
    }
  }
  return best;
}

/** The calendar page of `role` opened on `date`, in the day view. */
export function calendarDayHref(role: 'admin' | 'tutor', date: string): string {
  return `/${role}/calendar?date=${date}&view=day`;
}

/**
 * "sobota, 12 grudnia 2026" / "Saturday 12 December 2026": a calendar date in words. The date
 * has no zone, so it is formatted as the UTC midnight of itself, in UTC.
 */
export function formatDayInWords(date: string, locale: string): string {
  return new Intl.DateTimeFormat(locale === 'pl' ? 'pl-PL' : 'en-GB', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${date}T00:00:00Z`));
}
