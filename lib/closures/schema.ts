import { z } from 'zod';

/** Closure inputs, shared by the dialog and the actions; messages are catalog keys (`series.*`). */

const calendarDate = z
  .string({ message: 'series.invalidDate' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'series.invalidDate' })
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), { message: 'series.invalidDate' });

/** Longest closure: a summer break with margin; the database checks the same. */
export const MAX_CLOSURE_DAYS = 120;

const span = {
  firstDay: calendarDate,
  lastDay: calendarDate,
};

function checkSpan(v: { firstDay: string; lastDay: string }, ctx: z.RefinementCtx) {
  if (typeof v.firstDay !== 'string' || typeof v.lastDay !== 'string') return;
  if (v.lastDay < v.firstDay) ctx.addIssue({ code: 'custom', path: ['lastDay'], message: 'series.lastBeforeFirst' });
  else if ((Date.parse(v.lastDay) - Date.parse(v.firstDay)) / 86_400_000 > MAX_CLOSURE_DAYS) ctx.addIssue({ code: 'custom', path: ['lastDay'], message: 'series.closureTooLong' });
}

const fields = {
  ...span,
  name: z
    .string({ message: 'series.closureNameRequired' })
    .trim()
    .min(1, { message: 'series.closureNameRequired' })
    .max(120, { message: 'series.closureNameTooLong' })
    .refine((v) => !/[\u0000-\u001f\u007f]/.test(v), { message: 'series.closureNameRequired' }),
  kind: z.enum(['break', 'day_off']).default('day_off'),
};

export const createClosureSchema = z.object(fields).superRefine(checkSpan);
export type CreateClosureInput = z.input<typeof createClosureSchema>;

export const updateClosureSchema = z.object({ closureId: z.uuid(), ...fields }).superRefine(checkSpan);
export type UpdateClosureInput = z.input<typeof updateClosureSchema>;

export const deleteClosureSchema = z.object({ closureId: z.uuid() });

/** The confirm step: how many booked lessons a closure over these days would cancel. */
export const previewClosureSchema = z.object({ ...span, closureId: z.uuid().optional() }).superRefine(checkSpan);
export type PreviewClosureInput = z.input<typeof previewClosureSchema>;
