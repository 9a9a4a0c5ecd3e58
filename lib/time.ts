/**
 * Time for people: every instant is stored in UTC and shown in the school's zone, in the
 * Polish convention both languages share (26.11.2026, 24-hour 14:05).
 */
export const DEFAULT_TIME_ZONE = 'Europe/Warsaw';

const dateTime = new Map<string, Intl.DateTimeFormat>();
const dateOnly = new Map<string, Intl.DateTimeFormat>();

function formatter(cache: Map<string, Intl.DateTimeFormat>, timeZone: string, withTime: boolean) {
  let f = cache.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('pl-PL', {
      timeZone,
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
      ...(withTime ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' as const } : {}),
    });
    cache.set(timeZone, f);
  }
  return f;
}

/** "26.11.2026 14:05" in `timeZone`. */
export function formatDateTime(value: Date | string, timeZone = DEFAULT_TIME_ZONE): string {
  return formatter(dateTime, timeZone, true).format(new Date(value)).replace(',', '');
}

/** "26.11.2026" in `timeZone`. */
export function formatDate(value: Date | string, timeZone = DEFAULT_TIME_ZONE): string {
  return formatter(dateOnly, timeZone, false).format(new Date(value));
}
