import 'server-only';
import { eq } from 'drizzle-orm';
import { createElement } from 'react';
import { schools, type User } from '@/db/schema';
import AccountLinkEmail, { accountLinkSubject } from '@/emails/account-link';
import { INVITE_VALID_DAYS, RESET_VALID_DAYS } from '@/lib/auth/sign-in';
import type { Viewer } from '@/lib/auth/viewer';
import { getDb } from '@/lib/db';
import { sendEmail } from '@/lib/email';
import { env } from '@/lib/env';
import { isLocale } from '@/lib/i18n/config';

/** Emails an invitation or password-reset link in the person's language. Call after the transaction commits. */
export async function sendAccountLinkEmail(viewer: Viewer, user: Pick<User, 'email' | 'name' | 'role' | 'locale'>, token: string, purpose: 'invite' | 'password_reset') {
  const [school] = await getDb().select({ name: schools.name }).from(schools).where(eq(schools.id, viewer.schoolId));
  const locale = isLocale(user.locale) ? user.locale : 'pl';
  const kind = purpose === 'password_reset' ? 'password-reset' : user.role === 'parent' ? 'invite-parent' : 'invite-password';
  await sendEmail({
    schoolId: viewer.schoolId,
    to: user.email,
    subject: accountLinkSubject({ locale, kind, schoolName: school.name }),
    template: kind,
    body: createElement(AccountLinkEmail, {
      url: new URL(`/invite/${token}`, env.APP_URL).toString(),
      schoolName: school.name,
      locale,
      kind,
      name: user.name,
      validDays: purpose === 'invite' ? INVITE_VALID_DAYS : RESET_VALID_DAYS,
    }),
  });
}
