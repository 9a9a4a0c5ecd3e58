import 'server-only';
import { render } from '@react-email/render';
import { eq } from 'drizzle-orm';
import type { ReactElement } from 'react';
import { after } from 'next/server';
import { Resend } from 'resend';
import { emailOutbox } from '@/db/schema';
import { getDb } from '@/lib/db';
import { env } from '@/lib/env';
import { log } from '@/lib/log';

export type OutgoingEmail = {
  /** Deliver after the response is sent (a sign-in link: the answer must not wait on the provider). */
  deliverAfterResponse?: boolean;
  schoolId: string | null;
  to: string;
  subject: string;
  /** Template name, shown on the outbox page (and used to hide sign-in links there). */
  template: string;
  body: ReactElement;
  meta?: Record<string, unknown>;
  /**
   * At most once: a message whose key was already stored (a job run twice, an Inngest retry)
   * is neither stored nor delivered again. Shape: "<kind>:<what>:<recipient>".
   */
  dedupeKey?: string;
  /** Files sent with the message (an invoice's PDF). The outbox keeps their names, not their bytes. */
  attachments?: { filename: string; content: Buffer }[];
  /** The signed unsubscribe-from-reminders link, sent as List-Unsubscribe (one click, RFC 8058). */
  unsubscribeUrl?: string;
};

export type SendResult = { id: string; status: 'queued' | 'sent' | 'logged' | 'failed' } | { id: null; status: 'duplicate' };

/** Templates whose body holds a credential: the outbox page shows that a message went, not its link. */
export const SENSITIVE_TEMPLATES = new Set(['magic-link', 'invite-password', 'invite-parent', 'password-reset']);

/**
 * The one door for email. Every message is written to `email_outbox` first, then delivered
 * by Resend when RESEND_API_KEY is set; otherwise it stays `logged` and the text is printed
 * to the server log in development (how sign-in links reach a developer). With a provider, the
 * stored copy of a message that holds a credential has its links removed: the outbox must not
 * be a second way into someone's account. Call after your transaction commits.
 */
export async function sendEmail(message: OutgoingEmail): Promise<SendResult> {
  const [html, text] = await Promise.all([render(message.body), render(message.body, { plainText: true })]);
  const db = getDb();
  const redact = Boolean(env.RESEND_API_KEY) && SENSITIVE_TEMPLATES.has(message.template);
  const [row] = await db
    .insert(emailOutbox)
    .values({
      schoolId: message.schoolId,
      toAddress: message.to,
      subject: message.subject,
      template: message.template,
      html: redact ? withoutLinks(html) : html,
      text: redact ? withoutLinks(text) : text,
      meta: message.attachments?.length ? { ...message.meta, attachments: message.attachments.map((a) => a.filename) } : (message.meta ?? null),
      dedupeKey: message.dedupeKey ?? null,
    })
    // The only unique key a new row can collide on is the dedupe key: sent before, nothing to do.
    .onConflictDoNothing()
    .returning({ id: emailOutbox.id });
  if (!row) return { id: null, status: 'duplicate' };

  if (!env.RESEND_API_KEY) {
    await db.update(emailOutbox).set({ status: 'logged' }).where(eq(emailOutbox.id, row.id));
    log.info('email stored (no RESEND_API_KEY, not delivered)', { to: message.to, subject: message.subject });
    if (env.NODE_ENV !== 'production') console.log(`\n----- email to ${message.to}: ${message.subject}\n${text}\n-----\n`);
    return { id: row.id, status: 'logged' };
  }

  const deliver = () => deliverByResend(row.id, { ...message, html, text });
  if (message.deliverAfterResponse) {
    after(deliver);
    return { id: row.id, status: 'queued' };
  }
  return { id: row.id, status: await deliver() };
}

async function deliverByResend(id: string, message: OutgoingEmail & { html: string; text: string }): Promise<'sent' | 'failed'> {
  const db = getDb();
  try {
    const resend = new Resend(env.RESEND_API_KEY);
    const { data, error } = await resend.emails.send({
      from: env.EMAIL_FROM,
      to: message.to,
      subject: message.subject,
      html: message.html,
      text: message.text,
      attachments: message.attachments,
      headers: message.unsubscribeUrl ? { 'List-Unsubscribe': `<${message.unsubscribeUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' } : undefined,
    });
    if (error) throw new Error(error.message);
    await db.update(emailOutbox).set({ status: 'sent', providerId: data?.id ?? null, sentAt: new Date() }).where(eq(emailOutbox.id, id));
    return 'sent';
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    await db.update(emailOutbox).set({ status: 'failed', error: reason.slice(0, 500) }).where(eq(emailOutbox.id, id));
    log.error('email delivery failed', { to: message.to, outboxId: id, reason });
    return 'failed';
  }
}

/** The message with every link taken out (kept: that a link was there). */
export function withoutLinks(body: string): string {
  return body.replace(/href="[^"]*"/g, 'href="#"').replace(/https?:\/\/[^\s"'<>\]]+/g, '[link removed]');
}
