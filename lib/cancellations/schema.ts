import { z } from 'zod';
import { createLessonSchema } from '@/lib/lessons/schema';

/**
 * Cancellation inputs, shared by the dialogs and the actions. Messages are catalog keys
 * (`cancellations.*`), translated by the form or the action wrapper.
 */

const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

const text = (required: string, tooLong: string) =>
  z
    .string({ message: required })
    .trim()
    .max(500, { message: tooLong })
    .refine((v) => !CONTROL.test(v), { message: required });

export const requestCancellationSchema = z.object({
  lessonId: z.uuid(),
  studentId: z.uuid(),
  reason: text('cancellations.reasonRequired', 'cancellations.reasonTooLong').pipe(z.string().min(1, { message: 'cancellations.reasonRequired' })),
});

export type RequestCancellationInput = z.input<typeof requestCancellationSchema>;

export const decideCancellationSchema = z.object({
  requestId: z.uuid(),
  decision: z.enum(['approve', 'reject']),
  note: text('cancellations.noteInvalid', 'cancellations.noteTooLong')
    .optional()
    .transform((v) => (v ? v : null)),
});

export type DecideCancellationInput = z.input<typeof decideCancellationSchema>;

export const withdrawCancellationSchema = z.object({ requestId: z.uuid() });

/**
 * A makeup lesson: the lesson's fields as when planning one (`createLessonSchema`), plus the
 * student whose credit it uses. Without `studentIds` the lesson is for that student alone;
 * with them, the student must be among them.
 */
export const bookMakeupSchema = z
  .preprocess(
    (v) => (v && typeof v === 'object' && !Array.isArray(v) && !('studentIds' in v) ? { ...v, studentIds: [(v as { studentId?: unknown }).studentId] } : v),
    createLessonSchema.and(z.object({ studentId: z.uuid() })),
  )
  .refine((v) => v.studentIds.includes(v.studentId), { path: ['studentIds'], message: 'cancellations.makeupStudentMissing' });

export type BookMakeupInput = z.input<typeof bookMakeupSchema>;
