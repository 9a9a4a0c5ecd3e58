import { z } from 'zod';

/**
 * Messaging inputs, shared by the forms and the actions. Messages are catalog keys
 * (`messaging.*`), translated by the form or the action wrapper. Text is plain: it is shown
 * as text, so nothing here strips HTML; control characters other than line breaks are refused.
 */

const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

export const SUBJECT_MAX = 120;
export const BODY_MAX = 4000;

const body = z
  .string({ message: 'messaging.bodyRequired' })
  .trim()
  .min(1, { message: 'messaging.bodyRequired' })
  .max(BODY_MAX, { message: 'messaging.bodyTooLong' })
  .refine((v) => !CONTROL.test(v), { message: 'messaging.bodyInvalid' });

/**
 * A new thread about one student. `to` is the school's side: `office` or a tutor's id. Staff
 * choose the family side (`audience`): the student's parents or the student; a parent always
 * writes as the family and a student as themself, whatever they send.
 */
export const startThreadSchema = z.object({
  studentId: z.uuid({ message: 'messaging.studentRequired' }),
  to: z.union([z.literal('office'), z.uuid()], { message: 'messaging.toRequired' }),
  audience: z.enum(['family', 'student']).optional(),
  subject: z
    .string({ message: 'messaging.subjectRequired' })
    .trim()
    .min(1, { message: 'messaging.subjectRequired' })
    .max(SUBJECT_MAX, { message: 'messaging.subjectTooLong' })
    .refine((v) => !/[\u0000-\u001f\u007f]/.test(v), { message: 'messaging.subjectInvalid' }),
  body,
});

export type StartThreadInput = z.input<typeof startThreadSchema>;

export const replySchema = z.object({ threadId: z.uuid(), body });

export type ReplyInput = z.input<typeof replySchema>;

export const threadIdSchema = z.object({ threadId: z.uuid() });
