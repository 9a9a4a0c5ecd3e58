'use server';

import { and, eq } from 'drizzle-orm';
import { revalidatePath } from 'next/cache';
import { students } from '@/db/schema';
import { action } from '@/lib/action';
import { diff } from '@/lib/audit';
import { AppError } from '@/lib/errors';
import { getStudent, parentAccessTo } from './queries';
import { updateContactSchema } from './schema';

/**
 * A child's phone and email. Admins may change any student of their school; a parent only
 * a child they are linked to with `full` access (view-only parents see, never change).
 */
export const updateStudentContactAction = action(updateContactSchema, { permission: 'students.updateContact' }, async (input, ctx) => {
  const student = await getStudent(ctx.viewer, input.studentId);
  if (!student) throw new AppError('NOT_FOUND');
  if (ctx.viewer.role === 'parent' && (await parentAccessTo(ctx.viewer, student.id)) !== 'full') throw new AppError('FORBIDDEN');

  const changes = { ...(input.phone !== undefined ? { phone: input.phone } : {}), ...(input.email !== undefined ? { email: input.email } : {}) };
  await ctx.mutate(async (tx, audit) => {
    await tx
      .update(students)
      .set({ ...changes, updatedAt: new Date() })
      .where(and(eq(students.id, student.id), eq(students.schoolId, ctx.viewer.schoolId)));
    await audit({ action: 'student.update_contact', entityType: 'student', entityId: student.id, after: diff({ phone: student.phone, email: student.email }, changes) });
  });
  revalidatePath('/', 'layout');
  return { id: student.id };
});
