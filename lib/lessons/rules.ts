import { formatTimeRange } from '@/lib/time';

/**
 * The rules of a lesson that need no database: how long it may last, how many places it
 * has, and the sentences that explain a refusal. The database enforces the same limits
 * (migrations 0009 and 0010); these give the person a reason before anything is written.
 */

export const MIN_LESSON_MINUTES = 15;
/** Same limit as the `lessons_during_valid` check. */
export const MAX_LESSON_MINUTES = 8 * 60;
export const MAX_GROUP_CAPACITY = 100;

export type SpanProblem = 'endBeforeStart' | 'tooShort' | 'tooLong';

/** Why `[start, end)` cannot be a lesson, or undefined when it can. */
export function spanProblem(start: Date, end: Date): SpanProblem | undefined {
  const minutes = (end.getTime() - start.getTime()) / 60_000;
  if (!(minutes > 0)) return 'endBeforeStart';
  if (minutes < MIN_LESSON_MINUTES) return 'tooShort';
  if (minutes > MAX_LESSON_MINUTES) return 'tooLong';
  return undefined;
}

export type CapacityProblem = 'individualCapacity' | 'groupCapacity' | 'individualStudent';

/**
 * An individual lesson has one place and (when planned) its one student; a group has
 * 2–100 places and may start with fewer students than places.
 */
export function capacityProblem(kind: 'individual' | 'group', capacity: number, studentCount: number): CapacityProblem | undefined {
  if (kind === 'individual') {
    if (capacity !== 1) return 'individualCapacity';
    if (studentCount !== 1) return 'individualStudent';
    return undefined;
  }
  if (!Number.isInteger(capacity) || capacity < 2 || capacity > MAX_GROUP_CAPACITY) return 'groupCapacity';
  return undefined;
}

/** Places a lesson really has: its own capacity, or fewer when its room holds fewer people. */
export function placesOf(capacity: number, roomCapacity: number | null | undefined): number {
  return roomCapacity == null ? capacity : Math.min(capacity, roomCapacity);
}

// ---------------------------------------------------------------------------------------
// Refusals in words

/** A translator for the `lessons` namespace (next-intl's `t`, or `createTranslator` in tests). */
export type LessonTranslator = (key: string, values?: Record<string, string | number>) => string;

/** The facts of the existing lesson a new or moved one collided with. */
export type ClashFacts = {
  tutor: string;
  subject: string;
  room: string | null;
  student?: string;
  start: Date;
  end: Date;
  timeZone: string;
};

export type Clash = 'tutor_busy' | 'room_busy' | 'student_busy';

const clashKey: Record<Clash, string> = { tutor_busy: 'tutorBusy', room_busy: 'roomBusy', student_busy: 'studentBusy' };

/**
 * "Anna Kowalczyk already teaches Matematyka 16:00–17:00 in Sala 2" — the existing lesson
 * in the school's time zone, in the viewer's language.
 */
export function clashSentence(t: LessonTranslator, clash: Clash, facts: ClashFacts): string {
  return t(clashKey[clash], {
    tutor: facts.tutor,
    subject: facts.subject,
    room: facts.room ?? '',
    online: facts.room ? 'no' : 'yes',
    student: facts.student ?? '',
    time: formatTimeRange(facts.start, facts.end, facts.timeZone),
  });
}

/** "The group is full: 8 of 8 places (room Sala 2 holds 8)". */
export function groupFullSentence(t: LessonTranslator, facts: { taken: number; capacity: number; room: string | null; roomCapacity: number | null }): string {
  const places = placesOf(facts.capacity, facts.roomCapacity);
  return t('groupFull', {
    taken: Math.min(facts.taken, places),
    places,
    room: facts.room ?? '',
    roomCapacity: facts.room && facts.roomCapacity != null && facts.roomCapacity <= facts.capacity ? String(facts.roomCapacity) : 'none',
  });
}
