/** The people whose data can be exported and erased. */
export const PERSON_KINDS = ['student', 'parent', 'tutor'] as const;
export type PersonKind = (typeof PERSON_KINDS)[number];

/** What replaces a person's name: "Osoba zanonimizowana" and the first 8 characters of their id, so rows stay tellable apart. */
export const ANONYMOUS_NAME = 'Osoba zanonimizowana';
/** What replaces a text the person wrote or that was about them (a message, a note, a reason). */
export const REDACTED_TEXT = '[treść usunięta (RODO)]';

export function shortId(id: string): string {
  return id.replace(/-/g, '').slice(0, 8);
}

/** An address that satisfies "not null" and uniqueness and can never receive mail (RFC 2606 `.invalid`). */
export function anonymousEmail(id: string): string {
  return `anonim-${id.replace(/-/g, '').slice(0, 12)}@anonymised.invalid`;
}

/** The consents a school collects, and how one was given or withdrawn (db/schema/consents.ts uses these). */
export const CONSENT_KINDS = ['image', 'marketing'] as const;
export const CONSENT_SOURCES = ['paper', 'portal', 'email', 'phone', 'other'] as const;
export type ConsentKind = (typeof CONSENT_KINDS)[number];
export type ConsentSource = (typeof CONSENT_SOURCES)[number];
