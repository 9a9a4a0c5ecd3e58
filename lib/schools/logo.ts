import 'server-only';
import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { schoolLogos, type SchoolLogo } from '@/db/schema';
import type { Queryable } from '@/lib/db';
import { env } from '@/lib/env';

/** The largest logo a school may upload (also a check on the table). */
export const LOGO_MAX_BYTES = 256 * 1024;

export type LogoImage = { contentType: SchoolLogo['contentType']; data: Buffer; sha256: string };

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const JPEG = Buffer.from([0xff, 0xd8, 0xff]);

/**
 * The image a data URL carries, when it is a PNG or JPEG of at most 256 kB whose bytes say so
 * (the declared type alone is the client's word); a catalog key saying what is wrong otherwise.
 * SVG is refused on purpose: it is a document that can carry script.
 */
export function readLogo(dataUrl: string): LogoImage | { problem: string } {
  const match = /^data:(image\/(?:png|jpeg));base64,([A-Za-z0-9+/]+={0,2})$/.exec(dataUrl);
  if (!match) return { problem: 'settings.school.logoInvalid' };
  const data = Buffer.from(match[2]!, 'base64');
  if (data.length > LOGO_MAX_BYTES) return { problem: 'settings.school.logoTooLarge' };
  const contentType = data.subarray(0, PNG.length).equals(PNG) ? 'image/png' : data.subarray(0, JPEG.length).equals(JPEG) ? 'image/jpeg' : null;
  if (!contentType || contentType !== match[1]) return { problem: 'settings.school.logoInvalid' };
  return { contentType, data, sha256: createHash('sha256').update(data).digest('hex') };
}

/** A school's logo, or undefined when it has none. */
export async function loadSchoolLogo(db: Queryable, schoolId: string): Promise<SchoolLogo | undefined> {
  const [row] = await db.select().from(schoolLogos).where(eq(schoolLogos.schoolId, schoolId));
  return row;
}

/** The logo's version, without its bytes: what a page or an email needs to link to it. */
export async function logoVersion(db: Queryable, schoolId: string): Promise<string | null> {
  const [row] = await db.select({ sha256: schoolLogos.sha256 }).from(schoolLogos).where(eq(schoolLogos.schoolId, schoolId));
  return row?.sha256 ?? null;
}

/**
 * The public address of a school's logo (emails are read without a session). The version in
 * the query makes a changed logo a new address, so it can be cached for good.
 */
export function logoPath(schoolId: string, sha256: string): string {
  return `/api/schools/${schoolId}/logo?v=${sha256.slice(0, 16)}`;
}

export function logoUrl(schoolId: string, sha256: string): string {
  return new URL(logoPath(schoolId, sha256), env.APP_URL).toString();
}
