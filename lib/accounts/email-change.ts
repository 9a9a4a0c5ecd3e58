import 'server-only';
import { and, eq, isNull, ne, sql } from 'drizzle-orm';
import { createElement } from 'react';
import { accountTokens, parents, schools, students, tutors, users, type User } from '@/db/schema';
import EmailChangedEmail, { emailChangedSubject } from '@/emails/email-changed';
import { revokeUserSessions } from '@/lib/auth/session';
import { getDb, type Tx } from '@/lib/db';
import { sendEmail } from '@/lib/email';
import { isLocale } from '@/lib/i18n/config';

/** "natalia@example.com" → "n***@example.com": enough to recognise, not enough to harvest. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 1) return '***';
  return `${email[0]}***${email.slice(at)}`;
}

/** Is this address already the sign-in of another account (anywhere: emails are unique across schools)? */
export async function signInEmailTaken(tx: Tx, email: string, exceptUserId?: string | null): Promise<boolean> {
  const [taken] = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(sql`lower(${users.email}) = lower(${email})`, exceptUserId ? ne(users.id, exceptUserId) : undefined));
  return Boolean(taken);
}

export type EmailChange = { userId: string; schoolId: string; name: string; locale: string; oldEmail: string; newEmail: string };

/**
 * Moves an account to a new sign-in email, inside the caller's transaction (the account row
 * locked by the caller). Whoever held the old address must lose every way in it gave them: its
 * unused invitation and reset links die, every session ends (session_version and the session
 * rows), and the person's profile (tutor, student or parent record) carries the same address.
 * Answers the change for `notifyOldAddress`, or null when the address is the same.
 */
export async function changeSignInEmail(tx: Tx, user: User, newEmail: string): Promise<EmailChange | null> {
  const email = newEmail.trim().toLowerCase();
  if (email === user.email.toLowerCase()) return null;
  const now = new Date();
  await tx
    .update(users)
    .set({ email, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: now })
    .where(and(eq(users.id, user.id), eq(users.schoolId, user.schoolId)));
  await tx.update(accountTokens).set({ usedAt: now }).where(and(eq(accountTokens.userId, user.id), isNull(accountTokens.usedAt)));
  await revokeUserSessions(tx, user.id, now);
  for (const table of [tutors, students, parents]) {
    await tx
      .update(table)
      .set({ email, updatedAt: now })
      .where(and(eq(table.userId, user.id), eq(table.schoolId, user.schoolId)));
  }
  return { userId: user.id, schoolId: user.schoolId, name: user.name, locale: user.locale, oldEmail: user.email, newEmail: email };
}

/** Tells the old address that the sign-in email changed. Call after the transaction commits. */
export async function notifyOldAddress(change: EmailChange) {
  const [school] = await getDb().select({ name: schools.name }).from(schools).where(eq(schools.id, change.schoolId));
  const locale = isLocale(change.locale) ? change.locale : 'pl';
  const schoolName = school?.name ?? 'TutorHub';
  await sendEmail({
    schoolId: change.schoolId,
    to: change.oldEmail,
    subject: emailChangedSubject({ locale, schoolName }),
    template: 'email-changed',
    body: createElement(EmailChangedEmail, { schoolName, locale, name: change.name, maskedNewEmail: maskEmail(change.newEmail) }),
    meta: { userId: change.userId },
  });
}
