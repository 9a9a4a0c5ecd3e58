import 'server-only';
import type { ReactElement } from 'react';
import type { School } from '@/db/schema';
import type { Queryable } from '@/lib/db';
import { sendEmail, type SendResult } from '@/lib/email';
import { logoUrl, logoVersion } from '@/lib/schools/logo';
import { REMINDER_KINDS, type EmailKind } from './kinds';
import { isUnsubscribed, unsubscribeUrl } from './unsubscribe';

/** Who an automatic email goes to: an address, a name for the greeting and their language. */
export type Recipient = { email: string; name: string; locale: 'pl' | 'en' };

/** What every automatic email's template receives besides its own facts: the footer's parts. */
export type NoticeFrame = {
  schoolName: string;
  locale: 'pl' | 'en';
  contact: { email: string | null; phone: string | null; logoUrl: string | null };
  /** Only on reminders (the kinds a person may unsubscribe from). */
  unsubscribeUrl?: string;
};

export type Notice = {
  school: Pick<School, 'id' | 'name' | 'email' | 'phone' | 'emailKindsOff'>;
  kind: EmailKind;
  to: Recipient;
  /** What the message is about, for the dedupe key: an invoice id, "<lesson id>", "<credit id>:<date>". */
  about: string;
  subject: string;
  /** Builds the message with the footer's parts (language, contact, unsubscribe link). */
  body: (frame: NoticeFrame) => ReactElement;
  meta?: Record<string, unknown>;
  attachments?: { filename: string; content: Buffer }[];
};

export type NoticeResult = SendResult | { id: null; status: 'off' | 'unsubscribed' };

/**
 * The one way a job or an event sends an automatic email. It is skipped when the school
 * switched the kind off, or (for reminders) when the address unsubscribed; otherwise it goes
 * through `sendEmail` with the dedupe key `<kind>:<about>:<address>`, so the same message to
 * the same person is stored and delivered at most once however often a job or a retry runs.
 */
export async function sendNotice(db: Queryable, notice: Notice): Promise<NoticeResult> {
  const { school, kind, to } = notice;
  if (school.emailKindsOff.includes(kind)) return { id: null, status: 'off' };
  const reminder = REMINDER_KINDS.has(kind);
  if (reminder && (await isUnsubscribed(db, school.id, to.email))) return { id: null, status: 'unsubscribed' };
  const frame: NoticeFrame = {
    schoolName: school.name,
    locale: to.locale,
    contact: { email: school.email, phone: school.phone, logoUrl: await schoolLogoUrl(db, school.id) },
    unsubscribeUrl: reminder ? unsubscribeUrl(school.id, to.email) : undefined,
  };
  return sendEmail({
    schoolId: school.id,
    to: to.email,
    subject: notice.subject,
    template: kind,
    body: notice.body(frame),
    meta: notice.meta,
    dedupeKey: `${kind}:${notice.about}:${to.email.toLowerCase()}`,
    attachments: notice.attachments,
    unsubscribeUrl: frame.unsubscribeUrl,
  });
}

/** A stored language, narrowed to the two the emails are written in. */
export function emailLocale(value: string | null | undefined): 'pl' | 'en' {
  return value === 'en' ? 'en' : 'pl';
}

/** Counts results by status, for a job's counts ({ sent: 3, duplicate: 1, off: 0 }). */
export function tally(results: readonly NoticeResult[]): { emailed: number; alreadySent: number; skipped: number } {
  let emailed = 0;
  let alreadySent = 0;
  let skipped = 0;
  for (const r of results) {
    if (r.status === 'duplicate') alreadySent += 1;
    else if (r.status === 'off' || r.status === 'unsubscribed') skipped += 1;
    else emailed += 1;
  }
  return { emailed, alreadySent, skipped };
}

async function schoolLogoUrl(db: Queryable, schoolId: string): Promise<string | null> {
  const version = await logoVersion(db, schoolId);
  return version ? logoUrl(schoolId, version) : null;
}
