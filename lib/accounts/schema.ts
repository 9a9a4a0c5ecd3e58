import { z } from 'zod';
import { listFilters } from '@/lib/list/filters';
import { personName, requiredEmail } from '@/lib/records/fields';
import { STUDENT_LEVELS } from '@/lib/students/levels';

export const invitableRoles = ['tutor', 'student', 'parent'] as const;
export const studentLevels = STUDENT_LEVELS;

/** "Invite a person": the account and its profile (tutor, student or parent) in one go. */
export const inviteSchema = z
  .object({
    role: z.enum(invitableRoles),
    firstName: personName,
    lastName: personName,
    email: requiredEmail,
    locale: z.enum(['pl', 'en']).default('pl'),
    level: z.enum(studentLevels).optional(),
  })
  .refine((v) => v.role !== 'student' || v.level, { path: ['level'], message: 'accounts.levelRequired' });

export type InviteInput = z.input<typeof inviteSchema>;

export const userIdSchema = z.object({ userId: z.uuid() });

export const familyLinkSchema = z.object({
  parentId: z.uuid(),
  studentId: z.uuid(),
  access: z.enum(['view', 'full']),
  isPayer: z.boolean(),
});

export const unlinkSchema = z.object({ parentId: z.uuid(), studentId: z.uuid() });

export const userListFilters = listFilters.extend({
  role: z.enum(['admin', 'tutor', 'student', 'parent']).optional().catch(undefined),
  status: z.enum(['invited', 'active', 'deactivated']).optional().catch(undefined),
});

export type UserListFilters = z.output<typeof userListFilters>;

/** Gives an existing tutor, student or parent record its login: the invitation goes to the record's email. */
export const inviteProfileSchema = z.object({ kind: z.enum(['tutor', 'student', 'parent']), profileId: z.uuid() });

/** "Change sign-in email" on People & accounts: any role; the profile record follows. */
export const changeEmailSchema = z.object({ userId: z.uuid(), email: requiredEmail });

export type ChangeEmailInput = z.input<typeof changeEmailSchema>;
