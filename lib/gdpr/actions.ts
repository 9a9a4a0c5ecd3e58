'use server';

import { and, eq } from 'drizzle-orm';
import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { parents, personConsents, schools, students, tutors } from '@/db/schema';
import { action } from '@/lib/action';
import { AppError } from '@/lib/errors';
import { isMessageKey } from '@/lib/records/fields';
import { anonymisePerson } from './anonymise';
import { anonymiseSchema, confirms, recordConsentSchema } from './schema';

const pagePath = { student: '/admin/students', parent: '/admin/parents', tutor: '/admin/tutors' } as const;

/**
 * Erases a student, parent or tutor of the viewer's school by anonymisation (lib/gdpr/anonymise.ts),
 * in one transaction with its audit entry. The admin confirms by typing "Anonimizuj" or the
 * person's name; for a parent, every linked child needs a decision.
 */
export const anonymisePersonAction = action(anonymiseSchema, { permission: 'gdpr.manage' }, async (input, ctx) => {
  const t = await getTranslations('gdpr');
  const table = input.kind === 'student' ? students : input.kind === 'parent' ? parents : tutors;
  try {
    const result = await ctx.mutate(async (tx, audit) => {
      const [person] = await tx
        .select({ firstName: table.firstName, lastName: table.lastName })
        .from(table)
        .where(and(eq(table.schoolId, ctx.viewer.schoolId), eq(table.id, input.id)));
      if (!person) throw new AppError('NOT_FOUND');
      if (!confirms(input.confirmation, `${person.firstName} ${person.lastName}`)) {
        throw new AppError('VALIDATION', t('anonymise.confirmMismatch'), { confirmation: [t('anonymise.confirmMismatch')] });
      }
      const [own] = await tx.select({ id: schools.id, timeZone: schools.timeZone }).from(schools).where(eq(schools.id, ctx.viewer.schoolId));
      return anonymisePerson(tx, audit, own, { kind: input.kind, id: input.id, children: input.children });
    });
    revalidatePath(`${pagePath[input.kind]}/${input.id}`);
    for (const c of result.children) revalidatePath(`/admin/students/${c.studentId}`);
    return { name: result.name, counts: result.counts };
  } catch (err) {
    throw await explain(err, t);
  }
});

/** Domain refusals carry catalog keys and the facts (a child's name) in `reason`: worded here. */
async function explain(err: unknown, t: Awaited<ReturnType<typeof getTranslations<'gdpr'>>>): Promise<unknown> {
  if (!(err instanceof AppError)) return err;
  const reason = err.reason ?? '';
  const child = reason.includes(':') ? reason.slice(reason.indexOf(':') + 1) : '';
  if (reason.startsWith('childAlone:')) {
    const message = t('anonymise.childAlone', { name: child });
    return new AppError('VALIDATION', message, { children: [message] }, 'child_alone');
  }
  if (reason.startsWith('child:')) {
    const message = t('anonymise.childDecisionMissing', { name: child });
    return new AppError('VALIDATION', message, { children: [message] }, 'child_decision_missing');
  }
  if (reason.startsWith('tutorLessons:')) {
    const message = t('anonymise.tutorHasLessons', { count: Number(child) });
    return new AppError('VALIDATION', message, { _form: [message] }, 'tutor_has_lessons');
  }
  if (err.userMessage && isMessageKey(err.userMessage) && err.userMessage.startsWith('gdpr.')) {
    return new AppError(err.code, t(err.userMessage.slice('gdpr.'.length) as 'anonymise.already'), err.fieldErrors, err.reason);
  }
  return err;
}

/**
 * Records a grant or a withdrawal of a consent for a student or parent of the viewer's school:
 * always a new row (the history stays), audited without the note's text.
 */
export const recordConsentAction = action(recordConsentSchema, { permission: 'gdpr.manage' }, async (input, ctx) => {
  const table = input.personKind === 'student' ? students : parents;
  const row = await ctx.mutate(async (tx, audit) => {
    const [person] = await tx
      .select({ id: table.id, anonymisedAt: table.anonymisedAt })
      .from(table)
      .where(and(eq(table.schoolId, ctx.viewer.schoolId), eq(table.id, input.personId)))
      .for('update');
    if (!person) throw new AppError('NOT_FOUND');
    if (person.anonymisedAt) throw new AppError('CONFLICT', (await getTranslations('gdpr'))('consents.anonymised'));
    const [created] = await tx
      .insert(personConsents)
      .values({
        schoolId: ctx.viewer.schoolId,
        studentId: input.personKind === 'student' ? input.personId : null,
        parentId: input.personKind === 'parent' ? input.personId : null,
        kind: input.kind,
        granted: input.granted,
        givenOn: input.givenOn,
        source: input.source,
        note: input.note ?? null,
        recordedBy: ctx.viewer.userId,
      })
      .returning({ id: personConsents.id });
    await audit({
      action: input.granted ? 'consent.grant' : 'consent.withdraw',
      entityType: input.personKind,
      entityId: input.personId,
      after: { consentId: created.id, kind: input.kind, granted: input.granted, givenOn: input.givenOn, source: input.source, hasNote: Boolean(input.note) },
    });
    return created;
  });
  revalidatePath(`${pagePath[input.personKind]}/${input.personId}`);
  return { id: row.id };
});
