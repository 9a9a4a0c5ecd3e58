import 'server-only';
import { eq } from 'drizzle-orm';
import { schools } from '@/db/schema';
import { can } from '@/lib/auth/permissions';
import type { Viewer } from '@/lib/auth/viewer';
import { getDb } from '@/lib/db';

/**
 * The settings page's sections and the `schools` columns each one edits. A section's action
 * updates and audits exactly these columns, and its schema (./schema.ts) uses the same names.
 * A new section adds its entry here, its schema, its action and its form.
 */
export const settingsSections = {
  cancellations: {
    cancellationNoticeHours: schools.cancellationNoticeHours,
    makeupCreditDays: schools.makeupCreditDays,
    makeupCapPerTerm: schools.makeupCapPerTerm,
    lateCancellationCharged: schools.lateCancellationCharged,
  },
} as const;

export type SettingsSection = keyof typeof settingsSections;

/**
 * The viewer's own school's settings, by section, for the settings page; undefined for anyone
 * who may not manage them. The school is always the viewer's: there is no id to pass.
 */
export async function getSchoolSettings(viewer: Viewer) {
  if (!can(viewer.role, 'settings.manage')) return undefined;
  const [row] = await getDb()
    .select({ ...settingsSections.cancellations })
    .from(schools)
    .where(eq(schools.id, viewer.schoolId));
  if (!row) return undefined;
  const { cancellationNoticeHours, makeupCreditDays, makeupCapPerTerm, lateCancellationCharged } = row;
  return { cancellations: { cancellationNoticeHours, makeupCreditDays, makeupCapPerTerm, lateCancellationCharged } };
}

export type SchoolSettings = NonNullable<Awaited<ReturnType<typeof getSchoolSettings>>>;
