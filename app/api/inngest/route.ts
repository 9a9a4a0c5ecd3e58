import { serve } from 'inngest/next';
import { inngest } from '@/inngest/client';
import { functions } from '@/inngest/functions';

/**
 * Where Inngest (the cloud, or a dev server pointed at http://<app>/api/inngest) finds and
 * calls the scheduled and event-driven functions. Requests are signed with
 * INNGEST_SIGNING_KEY in production; the SDK refuses unsigned ones unless INNGEST_DEV is set.
 */
export const { GET, POST, PUT } = serve({ client: inngest, functions });
