'use server';

import { sql } from 'drizzle-orm';
import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { parents, parentStudents, students, users } from '@/db/schema';
import { sqlState } from '@/db/client';
import { action } from '@/lib/action';
import { sendAccountLinkEmail } from '@/lib/accounts/invitations';
import { issueAccountToken } from '@/lib/auth/sign-in';
import { AppError } from '@/lib/errors';
import { assertEnrolmentsInSchool, replaceEnrolments } from '@/lib/students/enrolments';
import { billingColumns } from '@/lib/parents/billing';
import { familySchema } from './schema';

/**
 * The owner's most common task: a parent and their children with subjects, in one
 * transaction, one audit entry per record, then the parent's invitation to the portal.
 */
export const addFamilyAction = action(familySchema, { permission: 'records.manage' }, async (input, ctx) => {
  const t = await getTranslations('students');
  const emailTaken = () => new AppError('CONFLICT', t('parentEmailTaken'), { 'parent.email': [t('parentEmailTaken')] });
  const { parent: p } = input;
  const result = await ctx
    .mutate(async (tx, audit) => {
      await assertEnrolmentsInSchool(tx, ctx.viewer, input.children.flatMap((c) => c.subjects));
      const [taken] = await tx.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = ${p.email}`);
      if (taken) throw emailTaken();

      const name = `${p.firstName} ${p.lastName}`;
      const [user] = await tx
        .insert(users)
        .values({ schoolId: ctx.viewer.schoolId, role: 'parent', status: 'invited', email: p.email, name, locale: p.preferredLanguage })
        .returning({ id: users.id });
      const [parent] = await tx
        .insert(parents)
        .values({
          schoolId: ctx.viewer.schoolId,
          userId: user.id,
          firstName: p.firstName,
          lastName: p.lastName,
          email: p.email,
          phone: p.phone,
          preferredLanguage: p.preferredLanguage,
          ...billingColumns(p, name),
        })
        .returning();
      await audit({ action: 'parent.create', entityType: 'parent', entityId: parent.id, after: { name, email: p.email, billingType: p.billingType, companyNip: parent.companyNip, invited: input.invite } });

      const childIds: string[] = [];
      for (const child of input.children) {
        const { subjects: list, ...fields } = child;
        const [student] = await tx.insert(students).values({ ...fields, schoolId: ctx.viewer.schoolId }).returning({ id: students.id });
        await replaceEnrolments(tx, ctx.viewer, student.id, list);
        await tx.insert(parentStudents).values({ schoolId: ctx.viewer.schoolId, parentId: parent.id, studentId: student.id, access: 'full', isPayer: true });
        await audit({ action: 'student.create', entityType: 'student', entityId: student.id, after: { ...fields, status: 'active', subjects: list, parentId: parent.id } });
        childIds.push(student.id);
      }
      // Issued here so the link is part of the audited change; emailed after the commit.
      const token = input.invite ? await issueAccountToken(tx, user.id, 'invite') : null;
      return { parentId: parent.id, token, childIds, name };
    })
    .catch((err) => {
      throw sqlState(err) === '23505' ? emailTaken() : err;
    });
  if (result.token) await sendAccountLinkEmail(ctx.viewer, { email: p.email, name: result.name, role: 'parent', locale: p.preferredLanguage }, result.token, 'invite');
  revalidatePath('/admin/students');
  revalidatePath('/admin/parents');
  return { parentId: result.parentId, studentIds: result.childIds };
});
