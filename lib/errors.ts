/**
 * The error codes an action may answer with. Each maps to a translated message
 * (`errors.<CODE>` in the catalogs); details never reach the client.
 */
export const errorCodes = [
  /** No session, or the session ended. */
  'UNAUTHENTICATED',
  /** Signed in, but the role may not do this. */
  'FORBIDDEN',
  /** The record does not exist or is not the caller's to see (never 403: ids cannot be probed). */
  'NOT_FOUND',
  /** The input failed validation; `fieldErrors` says where. */
  'VALIDATION',
  /** The change collides with existing data (duplicate email, overlapping lesson, …). */
  'CONFLICT',
  /** Too many attempts; the message says when to try again. */
  'RATE_LIMITED',
  /** Anything unexpected: logged with detail, answered in general words. */
  'INTERNAL',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    /** A message for the person, already translated, or undefined for the code's default. */
    readonly userMessage?: string,
    readonly fieldErrors?: Record<string, string[]>,
    /** For the interface, when it must tell refusals of one code apart ("tutor_busy", "room_busy"). */
    readonly reason?: string,
  ) {
    super(userMessage ?? code);
    this.name = 'AppError';
  }
}

export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; code: ErrorCode; message: string; fieldErrors?: Record<string, string[]>; reason?: string };
