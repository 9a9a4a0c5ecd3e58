import { z } from 'zod';
import { sortedListFilters } from '@/lib/list/filters';
import { optionalEmail, optionalMultiline, optionalPastDate, optionalPhone, optionalText, personName } from '@/lib/records/fields';
import { STUDENT_LEVELS } from './levels';

export const studentStatuses = ['active', 'paused', 'archived'] as const;

/** A subject the student takes, with their usual tutor (optional until one is chosen). */
export const enrolmentSchema = z.object({
  subjectId: z.uuid({ message: 'students.chooseSubject' }),
  tutorId: z
    .uuid()
    .nullish()
    .or(z.literal('').transform(() => null))
    .transform((v) => v ?? null),
});

const uniqueSubjects = (list: { subjectId: string }[]) => new Set(list.map((e) => e.subjectId)).size === list.length;

/** The fields of a student record, shared by the family form, the adult form and the edit form. */
export const studentFields = z.object({
  firstName: personName,
  lastName: personName,
  birthDate: optionalPastDate,
  schoolName: optionalText(80),
  className: optionalText(40),
  level: z.enum(STUDENT_LEVELS),
  email: optionalEmail,
  phone: optionalPhone,
  notes: optionalMultiline(2000),
  subjects: z.array(enrolmentSchema).max(12).default([]).refine(uniqueSubjects, { message: 'students.duplicateSubject' }),
});

export type StudentFieldsInput = z.input<typeof studentFields>;

export const updateStudentSchema = studentFields.extend({ studentId: z.uuid(), isSelfPayer: z.boolean().default(false) });

/** An adult who learns and pays for themself; with an email they can be invited to sign in. */
export const addAdultSchema = studentFields.extend({
  level: z.literal('adult').default('adult'),
  email: optionalEmail,
  invite: z.boolean().default(false),
}).refine((v) => !v.invite || v.email, { path: ['email'], message: 'students.emailForInvite' });

export const studentStatusSchema = z.object({ studentId: z.uuid(), status: z.enum(studentStatuses) });
export const studentIdSchema = z.object({ studentId: z.uuid() });

export const updateContactSchema = z.object({
  studentId: z.uuid(),
  phone: optionalPhone.optional(),
  email: optionalEmail.optional(),
});

export const studentSorts = ['name', 'level', 'status', 'created'] as const;

/** List filters from the URL; anything malformed falls back to the default instead of failing. */
export const studentListFilters = sortedListFilters(studentSorts, { sort: 'name', dir: 'asc' }).extend({
  status: z.enum(['current', 'active', 'paused', 'archived', 'all']).default('current').catch('current'),
  level: z.enum(STUDENT_LEVELS).optional().catch(undefined),
  subjectId: z.uuid().optional().catch(undefined),
  tutorId: z.uuid().optional().catch(undefined),
});

export type StudentListFilters = z.output<typeof studentListFilters>;
