import 'server-only';
import { render } from '@react-email/render';
import { eq } from 'drizzle-orm';
import type { ReactElement } from 'react';
import { Resend } from 'resend';
import { emailOutbox } from '@/db/schema';
import { getDb } from '@/lib/db';
import { env } from '@/lib/env';
import { log } from '@/lib/log';

export type OutgoingEmail = {
  schoolId: string | null;
  to: string;
  subject: string;
  /** Template name, shown on the outbox page (and used to hide sign-in links there). */
  template: string;
  body: ReactElement;
  meta?: Record<string, unknown>;
};

/** Templates whose body holds a credential: the outbox page shows that a message went, not its link. */
export const SENSITIVE_TEMPLATES = new Set(['magic-link', 'invite-password', 'invite-parent', 'password-reset']);

/**
 * The one door for email. Every message is written to `email_outbox` first, then delivered
 * by Resend when RESEND_API_KEY is set; otherwise it stays `logged` and the text is printed
 * to the server log (how sign-in links reach a developer). Call after your transaction commits.
 */
export async function sendEmail(message: OutgoingEmail): Promise<{ id: string; status: 'sent' | 'logged' | 'failed' }> {
  const [html, text] = await Promise.all([render(message.body), render(message.body, { plainText: true })]);
  const db = getDb();
  const [row] = await db
    .insert(emailOutbox)
    .values({ schoolId: message.schoolId, toAddress: message.to, subject: message.subject, template: message.template, html, text, meta: message.meta ?? null })
    .returning({ id: emailOutbox.id });

  if (!env.RESEND_API_KEY) {
    await db.update(emailOutbox).set({ status: 'logged' }).where(eq(emailOutbox.id, row.id));
    log.info('email stored (no RESEND_API_KEY, not delivered)', { to: message.to, subject: message.subject });
    if (env.NODE_ENV !== 'production') console.log(`\n----- email to ${message.to}: ${message.subject}\n${text}\n-----\n`);
    return { id: row.id, status: 'logged' };
  }

  try {
    const resend = new Resend(env.RESEND_API_KEY);
    const { data, error } = await resend.emails.send({ from: env.EMAIL_FROM, to: message.to, subject: message.subject, html, text });
    if (error) throw new Error(error.message);
    await db.update(emailOutbox).set({ status: 'sent', providerId: data?.id ?? null, sentAt: new Date() }).where(eq(emailOutbox.id, row.id));
    return { id: row.id, status: 'sent' };
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    await db.update(emailOutbox).set({ status: 'failed', error: reason.slice(0, 500) }).where(eq(emailOutbox.id, row.id));
    log.error('email delivery failed', { to: message.to, outboxId: row.id, reason });
    return { id: row.id, status: 'failed' };
  }
}
