'use server';

import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { schoolLogos, schools } from '@/db/schema';
import { action, type ActionContext } from '@/lib/action';
import { AppError } from '@/lib/errors';
import { settingsSections, type SettingsSection } from './queries';
import { readLogo } from '@/lib/schools/logo';
import { billingSettingsSchema, cancellationSettingsSchema, notificationSettingsSchema, retentionSettingsSchema, schoolLogoSchema, schoolProfileSchema, sellerSettingsSchema } from './schema';

/** Thrown inside the transaction when a save changes nothing, so it rolls back without an audit row. */
class Unchanged extends Error {}

/**
 * Saves one section of the viewer's school's settings: locks the school's row, compares,
 * writes only what changed and audits it as `school.settings` with the old and new values of
 * those fields alone. The school is the session's, never the input's. Saving the values
 * already stored writes nothing and audits nothing.
 */
async function saveSection(ctx: ActionContext, section: SettingsSection, values: Record<string, unknown>): Promise<{ changed: string[] }> {
  const fields = Object.keys(settingsSections[section]);
  try {
    const changed = await ctx.mutate(async (tx, audit) => {
      const [current] = await tx
        .select({ ...settingsSections[section] })
        .from(schools)
        .where(eq(schools.id, ctx.viewer.schoolId))
        .for('update');
      if (!current) throw new AppError('NOT_FOUND');
      const stored = current as Record<string, unknown>;
      const keys = fields.filter((k) => k in values && JSON.stringify(stored[k]) !== JSON.stringify(values[k]));
      if (keys.length === 0) throw new Unchanged();
      const before = Object.fromEntries(keys.map((k) => [k, stored[k]]));
      const after = Object.fromEntries(keys.map((k) => [k, values[k]]));
      await tx
        .update(schools)
        .set({ ...after, updatedAt: new Date() })
        .where(eq(schools.id, ctx.viewer.schoolId));
      await audit({ action: 'school.settings', entityType: 'school', entityId: ctx.viewer.schoolId, before, after });
      return keys;
    });
    revalidatePath('/admin/settings');
    return { changed };
  } catch (err) {
    if (err instanceof Unchanged) return { changed: [] };
    throw err;
  }
}

/**
 * "Cancellations and makeups": the notice that separates an in-time cancellation from a late
 * one, how long a makeup credit lasts, the cap of credits per term, and whether late
 * cancellations are charged. Requests already made keep their in-time or late mark, and
 * credits already given keep their expiry.
 */
export const updateCancellationSettingsAction = action(cancellationSettingsSchema, { permission: 'settings.manage' }, async (input, ctx) =>
  saveSection(ctx, 'cancellations', input),
);

/**
 * "Billing": the day of the month invoices are issued, the payment term, the invoice and
 * correction number formats, VAT (exempt with its legal basis, or a rate) and the sibling
 * discount. Invoices already issued keep what they were issued with; the next run uses these.
 */
export const updateBillingSettingsAction = action(billingSettingsSchema, { permission: 'settings.manage' }, async (input, ctx) => saveSection(ctx, 'billing', input));

/** "Invoice details": the seller's legal name, address, NIP and bank account printed on the next invoices. */
export const updateSellerSettingsAction = action(sellerSettingsSchema, { permission: 'settings.manage' }, async (input, ctx) => saveSection(ctx, 'seller', input));

/**
 * "Notifications and reminders": how many days before the due date payers are reminded, the
 * hour of the daily overdue check, how many days before a makeup credit expires its student
 * or parent is told, how many hours before a lesson its people are reminded, and the kinds of
 * automatic email the school does not send. The jobs read these at their next run.
 */
export const updateNotificationSettingsAction = action(notificationSettingsSchema, { permission: 'settings.manage' }, async (input, ctx) =>
  saveSection(ctx, 'notifications', input),
);

/**
 * "The school": its everyday name (the menu, emails, and invoices without a legal name), the
 * office's email and phone (the footer of every automatic email), its voivodeship (the school
 * year's winter break) and time zone (every time shown, "08:00 daily", recurrence). Lessons
 * are instants: a new zone shows the same lessons at the new zone's hours.
 */
export const updateSchoolProfileAction = action(schoolProfileSchema, { permission: 'settings.manage' }, async (input, ctx) => {
  const result = await saveSection(ctx, 'school', input);
  // The name is in the shell of every page.
  if (result.changed.length > 0) revalidatePath('/', 'layout');
  return result;
});

/**
 * Sets the school's logo from the image the form read (PNG or JPEG, at most 256 kB, checked by
 * its bytes). Audited with its type, size and checksum, not the picture.
 */
export const uploadSchoolLogoAction = action(schoolLogoSchema, { permission: 'settings.manage' }, async (input, ctx) => {
  const logo = readLogo(input.dataUrl);
  if ('problem' in logo) {
    const t = await getTranslations();
    throw new AppError('VALIDATION', t(logo.problem), { dataUrl: [t(logo.problem)] });
  }
  await ctx.mutate(async (tx, audit) => {
    const [before] = await tx
      .select({ contentType: schoolLogos.contentType, sha256: schoolLogos.sha256 })
      .from(schoolLogos)
      .where(eq(schoolLogos.schoolId, ctx.viewer.schoolId))
      .for('update');
    await tx
      .insert(schoolLogos)
      .values({ schoolId: ctx.viewer.schoolId, ...logo })
      .onConflictDoUpdate({ target: schoolLogos.schoolId, set: { ...logo, updatedAt: new Date() } });
    await audit({
      action: 'school.logo',
      entityType: 'school',
      entityId: ctx.viewer.schoolId,
      before: before ?? null,
      after: { contentType: logo.contentType, bytes: logo.data.length, sha256: logo.sha256 },
    });
  });
  revalidatePath('/admin/settings');
  return { sha256: logo.sha256 };
});

/** Takes the logo off: invoices and emails show the school's name alone again. */
export const removeSchoolLogoAction = action(z.object({}), { permission: 'settings.manage' }, async (_input, ctx) => {
  const removed = await ctx.mutate(async (tx, audit) => {
    const [gone] = await tx
      .delete(schoolLogos)
      .where(eq(schoolLogos.schoolId, ctx.viewer.schoolId))
      .returning({ contentType: schoolLogos.contentType, sha256: schoolLogos.sha256 });
    if (!gone) throw new Unchanged();
    await audit({ action: 'school.logo_remove', entityType: 'school', entityId: ctx.viewer.schoolId, before: gone, after: null });
    return true;
  }).catch((err: unknown) => {
    if (err instanceof Unchanged) return false;
    throw err;
  });
  revalidatePath('/admin/settings');
  return { removed };
});

/**
 * "Data retention": after how many days the daily `data-retention` job clears the IP address and
 * browser of audit entries, and the text of sent emails. The next run applies them.
 */
export const updateRetentionSettingsAction = action(retentionSettingsSchema, { permission: 'settings.manage' }, async (input, ctx) => saveSection(ctx, 'retention', input));
