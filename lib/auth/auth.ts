import 'server-only';
import { eq } from 'drizzle-orm';
import NextAuth, { CredentialsSignin, type NextAuthConfig } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import type { EmailConfig } from 'next-auth/providers/email';
import { headers } from 'next/headers';
import { createElement } from 'react';
import { z } from 'zod';
import { schools, type Role } from '@/db/schema';
import MagicLinkEmail, { magicLinkSubject } from '@/emails/magic-link';
import { authAdapter } from '@/lib/auth/adapter';
import { confirmLinkFor } from '@/lib/auth/magic-link';
import { requestMetaFrom, type RequestMeta } from '@/lib/auth/request-meta';
import { authSecret } from '@/lib/auth/secret';
import { refreshSessionToken, revokeSession, sessionUserOf } from '@/lib/auth/session';
import { completeMagicLinkSignIn, findUserByEmail, redeemAccountToken, verifyCredentials } from '@/lib/auth/sign-in';
import { getDb } from '@/lib/db';
import { sendEmail } from '@/lib/email';
import { env } from '@/lib/env';
import { isLocale } from '@/lib/i18n/config';
import { log } from '@/lib/log';

// Auth.js builds every redirect (the magic-link callback, its error pages, sign-out) on
// AUTH_URL when it is set, and otherwise on the URL the server was reached by, which under the
// standalone server is its bind address (http://0.0.0.0:3000). The public origin is APP_URL.
process.env.AUTH_URL ??= env.APP_URL;

export const MAGIC_LINK_MAX_AGE = 10 * 60;

/** Auth.js puts this code in the thrown CredentialsSignin so the login form can explain. */
class SignInRefused extends CredentialsSignin {
  constructor(code: string) {
    super();
    this.code = code;
  }
}

declare module 'next-auth' {
  interface Session {
    user: { id: string; role: Role; schoolId: string; schoolName: string; name: string; email: string; locale: string; timeZone: string };
  }
}

const credentialsInput = z.object({ email: z.email(), password: z.string().min(1).max(200) });
const inviteInput = z.object({ token: z.string().min(20).max(100), password: z.string().min(10).max(200).optional() });

const noMeta: RequestMeta = { ip: null, userAgent: null };

async function meta(request?: Request) {
  return requestMetaFrom(request?.headers ?? (await headers()), env.TRUSTED_PROXY_HOPS);
}

const magicLink = {
  id: 'email',
  type: 'email',
  name: 'Email',
  from: env.EMAIL_FROM,
  maxAge: MAGIC_LINK_MAX_AGE,
  options: {},
  // The emailed link opens our confirm page; only its button calls Auth.js's callback,
  // so a mail scanner that prefetches the link does not use it up.
  async sendVerificationRequest({ identifier, url }: { identifier: string; url: string }) {
    const confirm = confirmLinkFor(url, env.APP_URL, identifier);
    const user = await findUserByEmail(identifier);
    if (!user) return;
    const [school] = await getDb().select({ name: schools.name }).from(schools).where(eq(schools.id, user.schoolId));
    const locale = isLocale(user.locale) ? user.locale : 'pl';
    await sendEmail({
      deliverAfterResponse: true,
      schoolId: user.schoolId,
      to: user.email,
      subject: magicLinkSubject(locale),
      template: 'magic-link',
      body: createElement(MagicLinkEmail, { url: confirm, schoolName: school?.name ?? 'TutorHub', locale }),
    });
  },
} as unknown as EmailConfig;

export const authConfig = {
  trustHost: true,
  adapter: authAdapter,
  // Refused sign-ins are expected and audited; Auth.js would log each with a stack trace.
  logger: {
    error(error) {
      // `type` survives minification in the production build; the class name (`name`) does not.
      const type = (error as { type?: string }).type ?? error.name;
      if (['CredentialsSignin', 'Verification', 'AccessDenied'].includes(type)) return;
      log.error('auth error', { name: error.name, message: error.message });
    },
    warn(code) {
      log.warn('auth warning', { code });
    },
  },
  session: { strategy: 'jwt', maxAge: env.SESSION_IDLE_MINUTES * 60 },
  pages: { signIn: '/login', error: '/login', verifyRequest: '/login' },
  providers: [
    Credentials({
      id: 'credentials',
      credentials: { email: {}, password: {} },
      async authorize(raw, request) {
        const input = credentialsInput.safeParse(raw);
        if (!input.success) throw new SignInRefused('invalid');
        const result = await verifyCredentials(input.data, await meta(request));
        if (!result.ok) throw new SignInRefused(result.reason === 'rate_limited' ? `rate_limited:${result.retryAfterSeconds ?? 900}` : result.reason);
        return { id: result.user.id, email: result.user.email, name: result.user.name };
      },
    }),
    Credentials({
      id: 'account-link',
      credentials: { token: {}, password: {} },
      async authorize(raw, request) {
        const input = inviteInput.safeParse(raw);
        if (!input.success) throw new SignInRefused('link_invalid');
        const user = await redeemAccountToken(input.data, await meta(request));
        if (!user) throw new SignInRefused('link_invalid');
        return { id: user.id, email: user.email, name: user.name };
      },
    }),
    magicLink,
  ],
  callbacks: {
    async signIn({ user, account }) {
      if (account?.provider !== 'email') return true;
      // Magic links only for accounts the school created and has not deactivated.
      const row = user.email ? await findUserByEmail(user.email) : undefined;
      return Boolean(row && row.status !== 'deactivated');
    },
    /**
     * Runs at sign-in and on every request that reads the session; the decision (absolute
     * lifetime, sign-out, idle timeout, deactivated or demoted account) is refreshSessionToken's.
     */
    async jwt({ token, user, account }) {
      return refreshSessionToken({ token, user, provider: account?.provider, meta: user ? await meta().catch(() => noMeta) : noMeta });
    },
    async session({ session, token }) {
      session.user = { ...session.user, ...sessionUserOf(token) };
      return session;
    },
  },
  events: {
    async signIn({ user, account }) {
      // Password and account-link sign-ins are completed and audited where they are checked.
      if (account?.provider !== 'email' || !user.email) return;
      await completeMagicLinkSignIn(user.email, await meta());
    },
    // Signing out ends the session on the server too, so a copied cookie stops working.
    async signOut(message) {
      if ('token' in message) await revokeSession(message.token?.sid);
    },
  },
} satisfies NextAuthConfig;

// The secret is read lazily so `next build` does not need it.
export const { handlers, auth, signIn, signOut } = NextAuth(() => ({ ...authConfig, secret: authSecret() }));
