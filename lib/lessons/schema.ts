import { z } from 'zod';
import { capacityProblem, MAX_GROUP_CAPACITY, spanProblem } from './rules';

/**
 * Lesson inputs, shared by the calendar's forms and the actions. Messages are catalog keys
 * (`lessons.*`), translated by the form or the action wrapper. Times are ISO instants with
 * an offset or `Z` (what the calendar sends when a lesson is dragged); the school's zone
 * only matters for display.
 */

const instant = (message: string) =>
  z
    .string({ message })
    .max(40, { message })
    .pipe(z.iso.datetime({ offset: true, message }))
    .transform((v) => new Date(v));

/** An online meeting link: http or https only (never `javascript:`), no spaces, 500 characters at most. */
export const meetingUrl = z
  .string()
  .trim()
  .max(500, { message: 'lessons.invalidMeetingUrl' })
  .refine((v) => v === '' || isHttpUrl(v), { message: 'lessons.invalidMeetingUrl' })
  .transform((v) => (v === '' ? null : v));

function isHttpUrl(v: string) {
  if (/\s/.test(v)) return false;
  try {
    const url = new URL(v);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/** Where the span is wrong, on the `end` field (the one a person drags or edits). */
function checkSpan(v: { start: Date; end: Date }, ctx: z.RefinementCtx) {
  // Zod runs object refinements even when a field failed: judge only what parsed.
  if (!(v.start instanceof Date) || !(v.end instanceof Date)) return;
  const problem = spanProblem(v.start, v.end);
  if (problem) ctx.addIssue({ code: 'custom', path: ['end'], message: `lessons.${problem}` });
}

/**
 * What a lesson is apart from its time and tutor: subject, place, kind, places and students.
 * Shared by planning a lesson and editing a planned one, with the same rules.
 */
const lessonShape = {
  subjectId: z.uuid(),
  roomId: z.uuid().nullish().transform((v) => v ?? null),
  meetingUrl: meetingUrl.nullish().transform((v) => v ?? null),
  kind: z.enum(['individual', 'group']),
  capacity: z.number().int({ message: 'lessons.groupCapacity' }).min(1).max(MAX_GROUP_CAPACITY, { message: 'lessons.groupCapacity' }),
  studentIds: z.array(z.uuid()).max(MAX_GROUP_CAPACITY),
  /** An admin books outside the tutor's working hours or time off on purpose (audited); ignored for tutors. */
  overrideAvailability: z.boolean().optional(),
};

/** A place (room or link), each student once, and places that fit the kind. */
function checkLesson(v: { roomId: string | null; meetingUrl: string | null; kind: 'individual' | 'group'; capacity: number; studentIds: string[] }, ctx: z.RefinementCtx) {
  if (!v.roomId && !v.meetingUrl) ctx.addIssue({ code: 'custom', path: ['roomId'], message: 'lessons.placeRequired' });
  if (!Array.isArray(v.studentIds)) return;
  if (new Set(v.studentIds).size !== v.studentIds.length) ctx.addIssue({ code: 'custom', path: ['studentIds'], message: 'lessons.duplicateStudents' });
  const capacity = capacityProblem(v.kind, v.capacity, v.studentIds.length);
  if (capacity) ctx.addIssue({ code: 'custom', path: [capacity === 'individualStudent' ? 'studentIds' : 'capacity'], message: `lessons.${capacity}` });
}

export const createLessonSchema = z
  .object({
    tutorId: z.uuid(),
    ...lessonShape,
    start: instant('lessons.invalidStart'),
    end: instant('lessons.invalidEnd'),
    kind: lessonShape.kind.default('individual'),
    capacity: lessonShape.capacity.default(1),
    studentIds: lessonShape.studentIds.default([]),
  })
  .superRefine((v, ctx) => {
    checkSpan(v, ctx);
    checkLesson(v, ctx);
  });

export type CreateLessonInput = z.input<typeof createLessonSchema>;
export type CreateLesson = z.output<typeof createLessonSchema>;

/**
 * A planned lesson's subject, place, kind, places and students, as the edit form holds them
 * (the whole state; its time changes by moving it). `tutorId` left out keeps the
 * tutor; only an admin may name another one.
 */
export const updateLessonSchema = z
  .object({
    lessonId: z.uuid(),
    tutorId: z.uuid().optional(),
    ...lessonShape,
    /**
     * The students the form started from. Who joined or left is judged against them, so two
     * people changing the students at once both count (one adds Ola, the other Kuba: both
     * join, places allowing). Left out: `studentIds` is the whole new list.
     */
    knownStudentIds: z.array(z.uuid()).max(MAX_GROUP_CAPACITY).optional(),
  })
  .superRefine(checkLesson);

export type UpdateLessonInput = z.input<typeof updateLessonSchema>;
export type UpdateLesson = z.output<typeof updateLessonSchema>;

/** Drag (move) or resize: the lesson's new start and end. */
export const moveLessonSchema = z
  .object({
    lessonId: z.uuid(),
    start: instant('lessons.invalidStart'),
    end: instant('lessons.invalidEnd'),
    /** As on create: an admin's deliberate exception to the tutor's availability. */
    overrideAvailability: z.boolean().optional(),
  })
  .superRefine(checkSpan);

export type MoveLessonInput = z.input<typeof moveLessonSchema>;

export const cancelLessonSchema = z.object({
  lessonId: z.uuid(),
  reason: z
    .string({ message: 'lessons.reasonRequired' })
    .trim()
    .min(1, { message: 'lessons.reasonRequired' })
    .max(500, { message: 'lessons.reasonTooLong' })
    .refine((v) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(v), { message: 'lessons.reasonRequired' }),
});

export type CancelLessonInput = z.input<typeof cancelLessonSchema>;

/** The calendar's window and filters (from the URL or the feed): malformed filters are dropped. */
export const lessonRangeSchema = z
  .object({
    from: instant('lessons.invalidStart'),
    to: instant('lessons.invalidEnd'),
    tutorId: z.uuid().optional().catch(undefined),
    roomId: z.uuid().optional().catch(undefined),
    studentId: z.uuid().optional().catch(undefined),
    subjectId: z.uuid().optional().catch(undefined),
  })
  .refine((v) => v.to > v.from && v.to.getTime() - v.from.getTime() <= 62 * 24 * 3600_000, { message: 'lessons.endBeforeStart', path: ['to'] });

export type LessonRange = z.output<typeof lessonRangeSchema>;
