import { serve } from 'inngest/next';
import { inngest } from '@/inngest/client';
import { functions } from '@/inngest/functions';
import { env } from '@/lib/env';

/**
 * Where Inngest (the cloud, or a dev server pointed at http://<app>/api/inngest) finds and
 * calls the scheduled and event-driven functions. Requests are signed with
 * INNGEST_SIGNING_KEY in production; the SDK refuses unsigned ones unless INNGEST_DEV is set.
 */
const handlers = serve({ client: inngest, functions });

/** Without a signing key or a dev server there is no Inngest to answer: say so, instead of the SDK's 500. */
const configured = () => Boolean(env.INNGEST_SIGNING_KEY || env.INNGEST_DEV);
const notConfigured = () =>
  Response.json(
    { status: 'disabled', message: 'Inngest is not configured: set INNGEST_SIGNING_KEY (Inngest Cloud) or INNGEST_DEV=1 (dev server). Jobs still run with `npm run jobs`.' },
    { status: 503, headers: { 'Cache-Control': 'no-store' } },
  );

type Handler = typeof handlers.GET;
const guarded =
  (handler: Handler): Handler =>
  (...args) =>
    configured() ? handler(...args) : Promise.resolve(notConfigured());

export const GET = guarded(handlers.GET);
export const POST = guarded(handlers.POST);
export const PUT = guarded(handlers.PUT);
