import { z } from 'zod';
import { isRealDate, optionalText } from '@/lib/records/fields';
import { weekProblem } from './rules';

/**
 * Inputs of the availability forms and actions. Messages are catalog keys
 * (`availability.*`), translated by the form or the action wrapper. Times are the school's
 * wall clock "HH:MM"; dates are calendar dates "YYYY-MM-DD" in the school's zone.
 */

const wallClock = (message: string) => z.string({ message }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message });

export const weeklyIntervalSchema = z.object({
  weekday: z.number({ message: 'availability.invalidWeekday' }).int({ message: 'availability.invalidWeekday' }).min(1, { message: 'availability.invalidWeekday' }).max(7, { message: 'availability.invalidWeekday' }),
  start: wallClock('availability.invalidTime'),
  end: wallClock('availability.invalidTime'),
});

/** A tutor's whole week at once: saving replaces every interval (an empty week lifts the restriction). */
export const setWeeklyHoursSchema = z
  .object({
    tutorId: z.uuid(),
    intervals: z.array(weeklyIntervalSchema).max(70, { message: 'availability.tooManyIntervals' }),
  })
  .superRefine((v, ctx) => {
    if (!Array.isArray(v.intervals) || v.intervals.some((i) => typeof i?.start !== 'string' || typeof i?.end !== 'string' || !/^\d\d:\d\d$/.test(i.start) || !/^\d\d:\d\d$/.test(i.end))) return;
    const problem = weekProblem(v.intervals);
    if (problem) ctx.addIssue({ code: 'custom', path: ['intervals', problem.index, problem.problem === 'overlap' ? 'start' : 'end'], message: `availability.${problem.problem}` });
  });

export type SetWeeklyHoursInput = z.input<typeof setWeeklyHoursSchema>;

const calendarDate = (message: string) => z.string({ message }).max(10, { message }).refine(isRealDate, { message });

/** Days off, first to last inclusive, at most a year long. */
export const addTimeOffSchema = z
  .object({
    tutorId: z.uuid(),
    firstDay: calendarDate('availability.invalidDate'),
    lastDay: calendarDate('availability.invalidDate'),
    reason: optionalText(200),
  })
  .superRefine((v, ctx) => {
    if (typeof v.firstDay !== 'string' || typeof v.lastDay !== 'string' || !isRealDate(v.firstDay) || !isRealDate(v.lastDay)) return;
    if (v.lastDay < v.firstDay) ctx.addIssue({ code: 'custom', path: ['lastDay'], message: 'availability.lastDayBeforeFirst' });
    else if (Date.parse(v.lastDay) - Date.parse(v.firstDay) > 366 * 86_400_000) ctx.addIssue({ code: 'custom', path: ['lastDay'], message: 'availability.timeOffTooLong' });
  });

export type AddTimeOffInput = z.input<typeof addTimeOffSchema>;

export const removeTimeOffSchema = z.object({ timeOffId: z.uuid() });

export type RemoveTimeOffInput = z.input<typeof removeTimeOffSchema>;
