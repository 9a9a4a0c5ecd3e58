/**
 * The kinds of email the school sends by itself. Each can be switched off per school
 * (`schools.email_kinds_off`); the reminders also stop for an address that unsubscribed.
 * Sign-in links, invitations and email-change confirmations are not here: they always go.
 */
export const EMAIL_KINDS = [
  'lesson-reminder',
  'lesson-changed',
  'cancellation-decided',
  'invoice-issued',
  'payment-reminder',
  'overdue-notice',
  'makeup-expiring',
  'new-messages',
] as const;

export type EmailKind = (typeof EMAIL_KINDS)[number];

/** Kinds a person may unsubscribe from with the link in the footer (the rest tell of a change or a debt the school must be able to tell). */
export const REMINDER_KINDS: ReadonlySet<EmailKind> = new Set(['lesson-reminder', 'payment-reminder', 'makeup-expiring']);

export function isEmailKind(value: string): value is EmailKind {
  return (EMAIL_KINDS as readonly string[]).includes(value);
}
