import { z } from 'zod';
import { capacityProblem, MAX_GROUP_CAPACITY, MAX_LESSON_MINUTES, MIN_LESSON_MINUTES } from '@/lib/lessons/rules';
import { meetingUrl } from '@/lib/lessons/schema';
import { daysBetween, MAX_SERIES_DAYS } from './rules';

/**
 * Series inputs, shared by the form and the actions. Dates are calendar dates and the time
 * a wall-clock time in the school's zone; messages are catalog keys (`series.*`, `lessons.*`).
 */

const calendarDate = (message: string) =>
  z
    .string({ message })
    .regex(/^\d{4}-\d{2}-\d{2}$/, { message })
    .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), { message });

const wallClock = z.string({ message: 'series.invalidTime' }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'series.invalidTime' });

const weekdays = z
  .array(z.number({ message: 'series.weekdaysRequired' }).int().min(1).max(7), { message: 'series.weekdaysRequired' })
  .min(1, { message: 'series.weekdaysRequired' })
  .max(7)
  .transform((v) => [...new Set(v)].sort());

const duration = z.coerce
  .number({ message: 'series.invalidDuration' })
  .int({ message: 'series.invalidDuration' })
  .min(MIN_LESSON_MINUTES, { message: 'series.invalidDuration' })
  .max(MAX_LESSON_MINUTES, { message: 'series.invalidDuration' });

function checkDates(v: { firstDate: string; lastDate: string }, ctx: z.RefinementCtx) {
  if (typeof v.firstDate !== 'string' || typeof v.lastDate !== 'string') return;
  if (v.lastDate < v.firstDate) ctx.addIssue({ code: 'custom', path: ['lastDate'], message: 'series.lastBeforeFirst' });
  else if (daysBetween(v.firstDate, v.lastDate) > MAX_SERIES_DAYS) ctx.addIssue({ code: 'custom', path: ['lastDate'], message: 'series.tooLong' });
}

const ruleFields = {
  tutorId: z.uuid(),
  roomId: z.uuid().nullish().transform((v) => v ?? null),
  meetingUrl: meetingUrl.nullish().transform((v) => v ?? null),
  weekdays,
  startTime: wallClock,
  durationMinutes: duration,
  /** Create the lessons that do not clash and leave out the dates that do (the person saw the list). */
  skipClashes: z.boolean().default(false),
};

export const planSeriesSchema = z
  .object({
    ...ruleFields,
    subjectId: z.uuid(),
    kind: z.enum(['individual', 'group']).default('individual'),
    capacity: z.coerce.number().int({ message: 'lessons.groupCapacity' }).min(1).max(MAX_GROUP_CAPACITY, { message: 'lessons.groupCapacity' }).default(1),
    studentIds: z.array(z.uuid()).max(MAX_GROUP_CAPACITY).default([]),
    firstDate: calendarDate('series.invalidDate'),
    lastDate: calendarDate('series.invalidDate'),
  })
  .superRefine((v, ctx) => {
    checkDates(v, ctx);
    if (!v.roomId && !v.meetingUrl) ctx.addIssue({ code: 'custom', path: ['roomId'], message: 'lessons.placeRequired' });
    if (!Array.isArray(v.studentIds)) return;
    if (new Set(v.studentIds).size !== v.studentIds.length) ctx.addIssue({ code: 'custom', path: ['studentIds'], message: 'lessons.duplicateStudents' });
    const capacity = capacityProblem(v.kind, v.capacity, v.studentIds.length);
    if (capacity) ctx.addIssue({ code: 'custom', path: [capacity === 'individualStudent' ? 'studentIds' : 'capacity'], message: `lessons.${capacity}` });
  });

export type PlanSeriesInput = z.input<typeof planSeriesSchema>;
export type PlanSeries = z.output<typeof planSeriesSchema>;

/** "This and the following": the series from `fromDate` on gets a new time, place or tutor. */
export const updateSeriesFromSchema = z
  .object({
    ...ruleFields,
    seriesId: z.uuid(),
    fromDate: calendarDate('series.invalidDate'),
    lastDate: calendarDate('series.invalidDate'),
  })
  .superRefine((v, ctx) => {
    checkDates({ firstDate: v.fromDate, lastDate: v.lastDate }, ctx);
    if (!v.roomId && !v.meetingUrl) ctx.addIssue({ code: 'custom', path: ['roomId'], message: 'lessons.placeRequired' });
  });

export type UpdateSeriesFromInput = z.input<typeof updateSeriesFromSchema>;

export const endSeriesSchema = z.object({ seriesId: z.uuid(), fromDate: calendarDate('series.invalidDate') });

export type EndSeriesInput = z.input<typeof endSeriesSchema>;
