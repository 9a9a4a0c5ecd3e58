'use server';

import { revalidatePath } from 'next/cache';
import { action, type ActionContext } from '@/lib/action';
import type { Audit } from '@/lib/audited';
import type { Tx } from '@/lib/db';
import { clearTutorRate, setTutorRate } from './earnings';
import { clearStudentPriceSchema, clearSubjectPriceSchema, clearTutorRateSchema, setStudentPriceSchema, setSubjectPriceSchema, setTutorRateSchema } from './price-schema';
import { clearStudentPrice, clearSubjectPrice, setStudentPrice, setSubjectPrice } from './prices';

/**
 * Price and pay-rate actions: thin wrappers that check the session and the input and call the
 * domain functions (lib/billing/prices.ts, lib/billing/earnings.ts). Each answers whether
 * anything changed; saving what is stored writes nothing and audits nothing.
 */

type Change = { changed: boolean };

/** Thrown inside the transaction when nothing changed, so it ends without the audit row it would otherwise need. */
class Unchanged<T> extends Error {
  constructor(readonly result: T) {
    super('unchanged');
  }
}

async function change<T extends Change>(ctx: ActionContext, fn: (tx: Tx, audit: Audit) => Promise<T>): Promise<T> {
  try {
    return await ctx.mutate(async (tx, audit) => {
      const result = await fn(tx, audit);
      if (!result.changed) throw new Unchanged(result);
      return result;
    });
  } catch (err) {
    if (err instanceof Unchanged) return err.result as T;
    throw err;
  }
}

/** A subject's price per 60 minutes, one-to-one and per student in a group (empty: the one-to-one price). */
export const setSubjectPriceAction = action(setSubjectPriceSchema, { permission: 'prices.manage' }, async (input, ctx) => {
  const result = await change(ctx, (tx, audit) => setSubjectPrice(tx, audit, { schoolId: ctx.viewer.schoolId, ...input }));
  revalidatePath('/admin/subjects');
  return { changed: result.changed, price: result.after };
});

/** Removes a subject's price: its lessons are not billed until one is set again. */
export const clearSubjectPriceAction = action(clearSubjectPriceSchema, { permission: 'prices.manage' }, async (input, ctx) => {
  const result = await change(ctx, (tx, audit) => clearSubjectPrice(tx, audit, { schoolId: ctx.viewer.schoolId, ...input }));
  revalidatePath('/admin/subjects');
  return { changed: result.changed };
});

/** A student's own price for a subject, over the school's. */
export const setStudentPriceAction = action(setStudentPriceSchema, { permission: 'prices.manage' }, async (input, ctx) => {
  const result = await change(ctx, (tx, audit) => setStudentPrice(tx, audit, { schoolId: ctx.viewer.schoolId, ...input }));
  revalidatePath(`/admin/students/${input.studentId}`);
  return { changed: result.changed, per60: result.after?.per60 ?? null };
});

/** Back to the school's price for the subject. */
export const clearStudentPriceAction = action(clearStudentPriceSchema, { permission: 'prices.manage' }, async (input, ctx) => {
  const result = await change(ctx, (tx, audit) => clearStudentPrice(tx, audit, { schoolId: ctx.viewer.schoolId, ...input }));
  revalidatePath(`/admin/students/${input.studentId}`);
  return { changed: result.changed };
});

/** A tutor's pay per 60 minutes: for a subject, or the general rate. */
export const setTutorRateAction = action(setTutorRateSchema, { permission: 'prices.manage' }, async (input, ctx) => {
  const result = await change(ctx, (tx, audit) => setTutorRate(tx, audit, { schoolId: ctx.viewer.schoolId, ...input }));
  revalidatePath(`/admin/tutors/${input.tutorId}`);
  revalidatePath('/admin/earnings', 'layout');
  return { changed: result.changed, per60: result.after?.per60 ?? null };
});

export const clearTutorRateAction = action(clearTutorRateSchema, { permission: 'prices.manage' }, async (input, ctx) => {
  const result = await change(ctx, (tx, audit) => clearTutorRate(tx, audit, { schoolId: ctx.viewer.schoolId, ...input }));
  revalidatePath(`/admin/tutors/${input.tutorId}`);
  revalidatePath('/admin/earnings', 'layout');
  return { changed: result.changed };
});
