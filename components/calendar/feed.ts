import { z } from 'zod';

/**
 * The calendar feed's contract, shared by the route handler (which builds it) and the client
 * calendar (which reads it): the query it accepts and the FullCalendar event JSON it answers.
 * Pure: no database, no session.
 */

/** The widest window one request may ask for: a month view with its spill-over weeks fits. */
export const MAX_FEED_DAYS = 62;

const instant = z
  .string()
  .max(40)
  .pipe(z.iso.datetime({ offset: true }))
  .transform((v) => new Date(v));

export type FeedQuery = { from: Date; to: Date; tutorId?: string; roomId?: string; studentId?: string; subjectId?: string };

export type FeedQueryProblem = 'rangeMissing' | 'rangeInvalid' | 'rangeOrder' | 'rangeTooLong' | 'filterInvalid';

/**
 * `?start=ISO&end=ISO[&tutorId=&roomId=&studentId=&subjectId=]`, or the problem to explain
 * in a 400. A malformed filter id is refused rather than dropped, so a bookmarked view never
 * silently shows more than it says.
 */
export function parseFeedQuery(params: URLSearchParams): { ok: true; query: FeedQuery } | { ok: false; problem: FeedQueryProblem } {
  // An unencoded "+01:00" in a typed or bookmarked URL arrives as " 01:00": read it as the offset it was.
  const offset = (value: string | null) => value?.replace(/ (\d{2}:?\d{2})$/, '+$1') ?? null;
  const start = offset(params.get('start'));
  const end = offset(params.get('end'));
  if (!start || !end) return { ok: false, problem: 'rangeMissing' };
  const from = instant.safeParse(start);
  const to = instant.safeParse(end);
  if (!from.success || !to.success) return { ok: false, problem: 'rangeInvalid' };
  if (to.data <= from.data) return { ok: false, problem: 'rangeOrder' };
  if (to.data.getTime() - from.data.getTime() > MAX_FEED_DAYS * 24 * 3600_000) return { ok: false, problem: 'rangeTooLong' };
  const query: FeedQuery = { from: from.data, to: to.data };
  for (const key of ['tutorId', 'roomId', 'studentId', 'subjectId'] as const) {
    const value = params.get(key);
    if (value === null || value === '') continue;
    if (!z.uuid().safeParse(value).success) return { ok: false, problem: 'filterInvalid' };
    query[key] = value;
  }
  return { ok: true, query };
}

/** What a lesson card and the lesson dialog need beyond FullCalendar's own fields. */
export type LessonEventProps = {
  status: 'scheduled' | 'completed' | 'cancelled';
  kind: 'individual' | 'group';
  capacity: number;
  tutor: { id: string; name: string; color: string };
  subject: { id: string; name: string };
  room: { id: string; name: string } | null;
  meetingUrl: string | null;
  cancelReason: string | null;
  /** The weekly series the lesson belongs to: only for the admins who manage series, else null. */
  seriesId: string | null;
  /** Only the students the viewer may know about (a parent sees their children, not the rest of the group). */
  students: { id: string; name: string }[];
};

export type LessonEvent = {
  id: string;
  title: string;
  start: string;
  end: string;
  color: string;
  contrastColor: string;
  className: string;
  editable: boolean;
  extendedProps: LessonEventProps;
};

/** The lesson as the feed's query returns it (a plain object, see `LessonView`). */
export type FeedLesson = {
  id: string;
  start: Date;
  end: Date;
  kind: 'individual' | 'group';
  capacity: number;
  status: 'scheduled' | 'completed' | 'cancelled';
  meetingUrl: string | null;
  cancelReason: string | null;
  tutor: { id: string; name: string; color: string };
  subject: { id: string; name: string };
  room: { id: string; name: string } | null;
  seriesId?: string | null;
  students: { id: string; name: string }[];
};

const HEX = /^#([0-9a-f]{6})$/i;
const FALLBACK_COLOR = '#64748b';

/** Relative luminance (WCAG) of a #rrggbb colour. */
function luminance(hex: string): number {
  const n = Number.parseInt(hex.slice(1), 16);
  const [r, g, b] = [(n >> 16) & 255, (n >> 8) & 255, n & 255].map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Black or white text, whichever reads better on `background` (the higher WCAG contrast). */
export function readableTextOn(background: string): '#000000' | '#ffffff' {
  const l = luminance(HEX.test(background) ? background : FALLBACK_COLOR);
  return (l + 0.05) / 0.05 >= 1.05 / (l + 0.05) ? '#000000' : '#ffffff';
}

/**
 * One lesson as FullCalendar event JSON. `canChange` says whether the viewer may move or
 * resize it (admins any, tutors their own; the action checks again); a lesson that is not
 * scheduled never moves. `visibleStudentIds` narrows the names a parent or student sees.
 */
export function toLessonEvent(
  lesson: FeedLesson,
  options: { canChange: boolean; visibleStudentIds?: ReadonlySet<string>; onlineLabel: string; withSeries?: boolean },
): LessonEvent {
  const color = HEX.test(lesson.tutor.color) ? lesson.tutor.color : FALLBACK_COLOR;
  const place = lesson.room ? lesson.room.name : options.onlineLabel;
  return {
    id: lesson.id,
    title: `${lesson.subject.name} · ${lesson.tutor.name} · ${place}`,
    start: lesson.start.toISOString(),
    end: lesson.end.toISOString(),
    color,
    contrastColor: readableTextOn(color),
    className: lesson.status === 'cancelled' ? 'lesson-cancelled' : lesson.status === 'completed' ? 'lesson-completed' : 'lesson-scheduled',
    editable: options.canChange && lesson.status === 'scheduled',
    extendedProps: {
      status: lesson.status,
      kind: lesson.kind,
      capacity: lesson.capacity,
      tutor: lesson.tutor,
      subject: { id: lesson.subject.id, name: lesson.subject.name },
      room: lesson.room ? { id: lesson.room.id, name: lesson.room.name } : null,
      meetingUrl: lesson.meetingUrl,
      cancelReason: lesson.cancelReason,
      seriesId: options.withSeries ? (lesson.seriesId ?? null) : null,
      students: options.visibleStudentIds ? lesson.students.filter((s) => options.visibleStudentIds!.has(s.id)) : lesson.students,
    },
  };
}
