'use server';

import { isRedirectError } from 'next/dist/client/components/redirect-error';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { CredentialsSignin } from 'next-auth';
import { getLocale, getTranslations } from 'next-intl/server';
import { type z } from 'zod';
import { writeAudit } from '@/lib/audit';
import { signIn, signOut } from '@/lib/auth/auth';
import { SESSION_COOKIE_HINT } from '@/lib/auth/proxy-session';
import { homeOf } from '@/lib/auth/permissions';
import { safePath } from '@/lib/auth/safe-path';
import { allowMagicLinkRequest, findUserByEmail, peekAccountToken } from '@/lib/auth/sign-in';
import { currentRequestMeta, getViewer } from '@/lib/auth/viewer';
import { getDb } from '@/lib/db';
import type { ActionResult } from '@/lib/errors';
import { zodErrorMap } from '@/lib/i18n/zod';
import { log } from '@/lib/log';
import { fieldErrorsOf } from '@/lib/action';
import { accountLinkSchema, loginSchema, magicLinkSchema } from './schema';

const MAGIC_LINK_MIN_ANSWER_MS = 800;



async function validationFailure(error: z.ZodError): Promise<ActionResult<never>> {
  const t = await getTranslations('errors');
  return { ok: false, code: 'VALIDATION', message: t('VALIDATION'), fieldErrors: fieldErrorsOf(error) };
}

/** Password sign-in for admins, tutors and students. Rate limits and audit live in verifyCredentials. */
export async function loginAction(raw: z.input<typeof loginSchema>): Promise<ActionResult<never>> {
  const parsed = loginSchema.safeParse(raw, { error: zodErrorMap(await getLocale()) });
  if (!parsed.success) return validationFailure(parsed.error);
  const t = await getTranslations('login');
  try {
    await signIn('credentials', { email: parsed.data.email, password: parsed.data.password, redirect: false });
  } catch (err) {
    if (err instanceof CredentialsSignin) {
      const [code, seconds] = (err.code ?? 'invalid').split(':');
      if (code === 'rate_limited') {
        return { ok: false, code: 'RATE_LIMITED', message: t('rateLimited', { minutes: Math.max(1, Math.ceil(Number(seconds) / 60)) }) };
      }
      if (code === 'unverified') return { ok: false, code: 'FORBIDDEN', message: t('unverified') };
      return { ok: false, code: 'UNAUTHENTICATED', message: t('invalidCredentials') };
    }
    log.error('sign-in failed unexpectedly', { error: err instanceof Error ? err.message : String(err) });
    return { ok: false, code: 'INTERNAL', message: t('genericError') };
  }
  const user = await findUserByEmail(parsed.data.email);
  redirect(safePath(parsed.data.callbackUrl) ?? (user ? homeOf[user.role] : '/'));
}

/**
 * Emails a sign-in link. The answer is the same whether or not the email has an account,
 * so the form cannot be used to find out who is a customer of the school.
 */
export async function requestMagicLinkAction(raw: z.input<typeof magicLinkSchema>): Promise<ActionResult<{ email: string }>> {
  const parsed = magicLinkSchema.safeParse(raw, { error: zodErrorMap(await getLocale()) });
  if (!parsed.success) return validationFailure(parsed.error);
  const t = await getTranslations('login');
  const started = Date.now();
  const meta = await currentRequestMeta();
  const limit = await allowMagicLinkRequest(parsed.data.email, meta);
  if (limit.limited) {
    return { ok: false, code: 'RATE_LIMITED', message: t('rateLimited', { minutes: Math.max(1, Math.ceil(limit.retryAfterSeconds / 60)) }) };
  }
  const user = await findUserByEmail(parsed.data.email);
  if (user && user.status !== 'deactivated') {
    try {
      await signIn('email', { email: user.email, redirect: false, redirectTo: safePath(parsed.data.callbackUrl) ?? homeOf[user.role] });
    } catch (err) {
      if (isRedirectError(err)) throw err;
      log.error('magic link could not be sent', { error: err instanceof Error ? err.message : String(err) });
    }
    await writeAudit(getDb(), { userId: user.id, role: user.role, schoolId: user.schoolId, ...meta }, { action: 'auth.magic_link_requested', entityType: 'user', entityId: user.id });
  }
  // Sending takes time only for real accounts; answering no sooner than this keeps the
  // response time from telling who has an account.
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, MAGIC_LINK_MIN_ANSWER_MS - (Date.now() - started))));
  return { ok: true, data: { email: parsed.data.email } };
}

/** Accepts an invitation or a password reset: sets the password (not for parents) and signs in. */
export async function completeAccountLinkAction(raw: z.input<typeof accountLinkSchema>): Promise<ActionResult<never>> {
  const parsed = accountLinkSchema.safeParse(raw, { error: zodErrorMap(await getLocale()) });
  if (!parsed.success) return validationFailure(parsed.error);
  const t = await getTranslations('login');
  const found = await peekAccountToken(parsed.data.token);
  if (!found) return { ok: false, code: 'NOT_FOUND', message: t('linkInvalid') };
  if (found.user.role !== 'parent' && !parsed.data.password) {
    const te = await getTranslations('accounts');
    return { ok: false, code: 'VALIDATION', message: te('passwordRequired'), fieldErrors: { password: [te('passwordRequired')] } };
  }
  try {
    await signIn('account-link', { token: parsed.data.token, password: parsed.data.password ?? '', redirect: false });
  } catch (err) {
    if (err instanceof CredentialsSignin) return { ok: false, code: 'NOT_FOUND', message: t('linkInvalid') };
    throw err;
  }
  redirect(homeOf[found.user.role]);
}

export async function signOutAction(): Promise<void> {
  const viewer = await getViewer();
  if (viewer) {
    const meta = await currentRequestMeta();
    await writeAudit(getDb(), { userId: viewer.userId, role: viewer.role, schoolId: viewer.schoolId, ...meta }, { action: 'auth.sign_out', entityType: 'user', entityId: viewer.userId });
  }
  (await cookies()).delete(SESSION_COOKIE_HINT);
  await signOut({ redirectTo: '/login?signedOut=1' });
}
