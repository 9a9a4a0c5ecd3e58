import 'server-only';
import { eq } from 'drizzle-orm';
import { schoolLogos, schools } from '@/db/schema';
import { can } from '@/lib/auth/permissions';
import type { Viewer } from '@/lib/auth/viewer';
import { getDb } from '@/lib/db';
import { EMAIL_KINDS } from '@/lib/notifications/kinds';
import { logoPath } from '@/lib/schools/logo';

/**
 * The settings page's sections and the `schools` columns each one edits. A section's action
 * updates and audits exactly these columns, and its schema (./schema.ts) uses the same names.
 * A new section adds its entry here, its schema, its action and its form.
 */
export const settingsSections = {
  school: {
    name: schools.name,
    email: schools.email,
    phone: schools.phone,
    voivodeship: schools.voivodeship,
    timeZone: schools.timeZone,
  },
  cancellations: {
    cancellationNoticeHours: schools.cancellationNoticeHours,
    makeupCreditDays: schools.makeupCreditDays,
    makeupCapPerTerm: schools.makeupCapPerTerm,
    lateCancellationCharged: schools.lateCancellationCharged,
  },
  billing: {
    billingDay: schools.billingDay,
    paymentTermDays: schools.paymentTermDays,
    invoiceNumberFormat: schools.invoiceNumberFormat,
    correctionNumberFormat: schools.correctionNumberFormat,
    vatMode: schools.vatMode,
    vatRate: schools.vatRate,
    vatExemptionBasis: schools.vatExemptionBasis,
    siblingDiscountPercent: schools.siblingDiscountPercent,
  },
  seller: {
    legalName: schools.legalName,
    addressLine: schools.addressLine,
    postalCode: schools.postalCode,
    city: schools.city,
    nip: schools.nip,
    bankAccount: schools.bankAccount,
  },
  notifications: {
    paymentReminderDays: schools.paymentReminderDays,
    overdueCheckHour: schools.overdueCheckHour,
    makeupExpiryNoticeDays: schools.makeupExpiryNoticeDays,
    lessonReminderHours: schools.lessonReminderHours,
    emailKindsOff: schools.emailKindsOff,
  },
  retention: {
    auditIpRetentionDays: schools.auditIpRetentionDays,
    outboxBodyRetentionDays: schools.outboxBodyRetentionDays,
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
    .select({
      ...settingsSections.school,
      ...settingsSections.cancellations,
      ...settingsSections.billing,
      ...settingsSections.seller,
      ...settingsSections.notifications,
      ...settingsSections.retention,
      logo: schoolLogos.sha256,
      logoUpdatedAt: schoolLogos.updatedAt,
    })
    .from(schools)
    .leftJoin(schoolLogos, eq(schoolLogos.schoolId, schools.id))
    .where(eq(schools.id, viewer.schoolId));
  if (!row) return undefined;
  const pick = <S extends SettingsSection>(section: S) =>
    Object.fromEntries(Object.keys(settingsSections[section]).map((k) => [k, row[k as keyof typeof row]])) as { [K in keyof (typeof settingsSections)[S]]: (typeof row)[K & keyof typeof row] };
  return {
    school: pick('school'),
    /** The logo's public path, or null: the form previews it. */
    logo: row.logo ? logoPath(viewer.schoolId, row.logo) : null,
    cancellations: pick('cancellations'),
    billing: pick('billing'),
    seller: pick('seller'),
    // Kinds the school switched off, in the catalog's order; a kind no longer sent is dropped.
    notifications: { ...pick('notifications'), emailKindsOff: EMAIL_KINDS.filter((k) => row.emailKindsOff.includes(k)) },
    retention: pick('retention'),
    /** The school's everyday name: what an invoice shows when no legal name is set. */
    schoolName: row.name,
    timeZone: row.timeZone,
  };
}

export type SchoolSettings = NonNullable<Awaited<ReturnType<typeof getSchoolSettings>>>;
