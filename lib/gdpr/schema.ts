import { z } from 'zod';
import { isRealDate, optionalMultiline } from '@/lib/records/fields';
import { CONSENT_KINDS, CONSENT_SOURCES, PERSON_KINDS } from './kinds';

/** The word the admin types to confirm an erasure (or the person's full name). */
export const CONFIRM_WORD = 'Anonimizuj';

export const anonymiseSchema = z.object({
  kind: z.enum(PERSON_KINDS),
  id: z.uuid(),
  /** For a parent: one decision per linked child. */
  children: z
    .array(z.object({ studentId: z.uuid(), action: z.enum(['anonymise', 'keep']) }))
    .max(50)
    .default([]),
  /** "Anonimizuj", or the person's name as shown; compared by the action. */
  confirmation: z.string().trim().max(200),
});
export type AnonymiseFormInput = z.input<typeof anonymiseSchema>;

export const recordConsentSchema = z.object({
  personKind: z.enum(['student', 'parent']),
  personId: z.uuid(),
  kind: z.enum(CONSENT_KINDS),
  granted: z.boolean(),
  givenOn: z.string().trim().refine((v) => isRealDate(v) && v >= '2000-01-01', { message: 'gdpr.consents.dateInvalid' }),
  source: z.enum(CONSENT_SOURCES, { message: 'gdpr.consents.sourceInvalid' }),
  note: optionalMultiline(500),
});
export type RecordConsentInput = z.input<typeof recordConsentSchema>;

/** Whether what the admin typed confirms the erasure of `name`: the word, or the name (case and spacing ignored). */
export function confirms(typed: string, name: string): boolean {
  const norm = (s: string) => s.trim().replace(/\s+/g, ' ').toLocaleLowerCase('pl');
  return norm(typed) === norm(CONFIRM_WORD) || (norm(name).length > 0 && norm(typed) === norm(name));
}
