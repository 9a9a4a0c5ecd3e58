import { z } from 'zod';
import { hexColor, optionalEmail, optionalMultiline, optionalPhone, personName } from '@/lib/records/fields';
import { sortedListFilters } from '@/lib/list/filters';
import { STUDENT_LEVELS } from '@/lib/students/levels';

export const tutorStatuses = ['active', 'on_leave', 'left'] as const;
export type TutorStatus = (typeof tutorStatuses)[number];

/** One subject a tutor teaches and the levels they take it at (at least one). */
export const teachSchema = z.object({
  subjectId: z.uuid({ message: 'tutors.chooseSubject' }),
  levels: z
    .array(z.enum(STUDENT_LEVELS))
    .min(1, { message: 'tutors.chooseLevels' })
    // Kept in the enum's order so "before" and "after" compare equal when only the clicks differ.
    .transform((list) => STUDENT_LEVELS.filter((l) => list.includes(l))),
});

/**
 * The fields of a tutor record, shared by the create and edit forms and both actions.
 * A subject appears once; a repeated one is marked on the repeated row, where the person sees it.
 */
export const tutorSchema = z.object({
  firstName: personName,
  lastName: personName,
  email: optionalEmail,
  phone: optionalPhone,
  color: hexColor.transform((c) => c.toLowerCase()),
  bio: optionalMultiline(1000),
  status: z.enum(tutorStatuses).default('active'),
  teaches: z
    .array(teachSchema)
    .max(30)
    .default([])
    .superRefine((list, ctx) => {
      const seen = new Set<string>();
      list.forEach((row, i) => {
        if (seen.has(row.subjectId)) ctx.addIssue({ code: 'custom', path: [i, 'subjectId'], message: 'tutors.duplicateSubject' });
        seen.add(row.subjectId);
      });
    }),
});

export type TutorInput = z.input<typeof tutorSchema>;
export type TutorValues = z.output<typeof tutorSchema>;

export const createTutorSchema = tutorSchema;
export const updateTutorSchema = tutorSchema.extend({ tutorId: z.uuid() });
export const tutorStatusSchema = z.object({ tutorId: z.uuid(), status: z.enum(tutorStatuses) });
export const tutorIdSchema = z.object({ tutorId: z.uuid() });

export const tutorSorts = ['name', 'status', 'created'] as const;
export const tutorStatusFilters = ['current', 'active', 'on_leave', 'left', 'all'] as const;

/**
 * List filters from the URL; anything malformed falls back to the default instead of
 * failing. "current" (the default) is active and on leave: "left" is the archive.
 */
export const tutorListFilters = sortedListFilters(tutorSorts, { sort: 'name', dir: 'asc' }).extend({
  status: z.enum(tutorStatusFilters).default('current').catch('current'),
  subjectId: z.uuid().optional().catch(undefined),
});

export type TutorListFilters = z.output<typeof tutorListFilters>;

/** Calendar colours offered as swatches; any other hex colour can still be picked. */
export const TUTOR_COLORS = ['#6366f1', '#0ea5e9', '#14b8a6', '#22c55e', '#84cc16', '#eab308', '#f97316', '#ef4444', '#ec4899', '#a855f7', '#64748b', '#78716c'] as const;
