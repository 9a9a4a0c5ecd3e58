import 'server-only';
import { getLocale, getTranslations } from 'next-intl/server';
import { type z } from 'zod';
import { sqlState } from '@/db/client';
import { dbConflictOf, type DbConflict } from '@/lib/db/conflicts';
import { runAudited, type AfterCommit, type Audit } from '@/lib/audited';
import { can, type Permission } from '@/lib/auth/permissions';
import { currentRequestMeta, getViewer, type Viewer } from '@/lib/auth/viewer';
import type { Tx } from '@/lib/db';
import { AppError, type ActionResult, type ErrorCode } from '@/lib/errors';
import { zodErrorMap } from '@/lib/i18n/zod';
import { isMessageKey } from '@/lib/records/fields';
import { log } from '@/lib/log';

export type { Audit, AfterCommit } from '@/lib/audited';

export type ActionContext = {
  viewer: Viewer;
  /**
   * Runs `fn` in one transaction with an `audit` writer bound to the viewer and request
   * (lib/audited.ts). The mutation must write at least one audit row; serialization failures
   * and deadlocks are retried; `afterCommit` tasks (emails) run once it has committed.
   */
  mutate<T>(fn: (tx: Tx, audit: Audit, afterCommit: AfterCommit) => Promise<T>): Promise<T>;
};

/**
 * Turns a database refusal into the sentence a person understands ("Anna Kowalczyk already
 * teaches Matematyka 16:00–17:00 in Sala 2"): given the constraint's name and PostgreSQL's
 * detail, it looks up the facts and answers an AppError, or undefined to fall back to CONFLICT.
 */
export type ConflictExplainer = (conflict: DbConflict, ctx: { viewer: Viewer }) => Promise<AppError | undefined>;

export type ActionOptions = {
  permission: Permission;
  /** Explanations for the constraints this action can run into, by constraint name. */
  conflicts?: Record<string, ConflictExplainer>;
};

/**
 * The one way to write a server action. A server action is a public POST endpoint, so this
 * wrapper — not the page that shows the form — checks the session, validates the input
 * and checks the role, then maps known failures to a result and logs unknown ones.
 */
export function action<S extends z.ZodType, T>(
  schema: S,
  options: ActionOptions,
  handler: (input: z.output<S>, ctx: ActionContext) => Promise<T>,
): (input: z.input<S>) => Promise<ActionResult<T>> {
  return async (raw) => {
    const t = await getTranslations('errors');
    const fail = (code: ErrorCode, message?: string, fieldErrors?: Record<string, string[]>, reason?: string): ActionResult<T> => ({
      ok: false,
      code,
      message: message ?? t(code),
      ...(fieldErrors ? { fieldErrors } : {}),
      ...(reason ? { reason } : {}),
    });
    let viewer: Viewer | null = null;
    try {
      viewer = await getViewer();
      if (!viewer) return fail('UNAUTHENTICATED');
      const parsed = schema.safeParse(raw, { error: zodErrorMap(await getLocale()) });
      if (!parsed.success) return fail('VALIDATION', undefined, await translatedFieldErrors(parsed.error));
      if (!can(viewer.role, options.permission)) return fail('FORBIDDEN');
      const meta = await currentRequestMeta();
      const actor = { userId: viewer.userId, role: viewer.role, schoolId: viewer.schoolId, ...meta };
      const ctx: ActionContext = { viewer, mutate: (fn) => runAudited(actor, fn) };
      return { ok: true, data: await handler(parsed.data, ctx) };
    } catch (err) {
      if (err instanceof AppError) return fail(err.code, err.userMessage, err.fieldErrors, err.reason);
      const conflict = dbConflictOf(err);
      if (conflict) {
        const explained = viewer ? await explain(options.conflicts?.[conflict.constraint], conflict, viewer) : undefined;
        return explained ? fail(explained.code, explained.userMessage, explained.fieldErrors, explained.reason) : fail('CONFLICT');
      }
      log.error('action failed', { error: err instanceof Error ? err.message : String(err), sqlState: sqlState(err) });
      return fail('INTERNAL');
    }
  };
}

/** An explainer that fails (say, the clashing row was deleted meanwhile) must not turn a clear refusal into a 500. */
async function explain(explainer: ConflictExplainer | undefined, conflict: DbConflict, viewer: Viewer): Promise<AppError | undefined> {
  if (!explainer) return undefined;
  try {
    return await explainer(conflict, { viewer });
  } catch (err) {
    log.warn('conflict could not be explained', { constraint: conflict.constraint, error: err instanceof Error ? err.message : String(err) });
    return undefined;
  }
}

/** Zod issues as `{ field: [messages] }` for the form (nested paths joined with dots). */
export function fieldErrorsOf(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.join('.') || '_form';
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

/** Field errors with catalog-key messages ("records.invalidNip") turned into sentences. */
export async function translatedFieldErrors(error: z.ZodError): Promise<Record<string, string[]>> {
  const t = await getTranslations();
  const out = fieldErrorsOf(error);
  for (const key of Object.keys(out)) out[key] = out[key].map((m) => (isMessageKey(m) ? t(m) : m));
  return out;
}
