import 'server-only';
import { NOTIFICATION_CREATED, inngest } from '@/inngest/client';
import { getDb } from '@/lib/db';
import { env } from '@/lib/env';
import { log } from '@/lib/log';
import { processNotificationEvent } from './process';

/** How long the app waits on the Inngest server before leaving the work to the sweep. */
const SEND_TIMEOUT_MS = 2_000;

/** Whether an Inngest server is configured (cloud key, or a dev server). */
export function inngestConfigured(): boolean {
  return Boolean(env.INNGEST_EVENT_KEY || env.INNGEST_DEV);
}

/**
 * Tells people about committed changes (ids of `notification_events` rows). With Inngest
 * configured the ids go out as events, and Inngest's function sends the emails with retries;
 * without it (a laptop, the tests) the emails are sent here and now. Either way this never
 * throws and never waits long: an unreachable Inngest server leaves the events unprocessed,
 * and the hourly sweep sends them. Call after the transaction commits, inside a request
 * preferably through `after(() => emitNotifications(ids))` so the person does not wait.
 */
export async function emitNotifications(ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  try {
    if (inngestConfigured()) {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer in ${SEND_TIMEOUT_MS} ms`)), SEND_TIMEOUT_MS);
      });
      try {
        await Promise.race([inngest.send(ids.map((id) => ({ name: NOTIFICATION_CREATED, data: { id } }))), timeout]);
      } finally {
        clearTimeout(timer);
      }
      return;
    }
    for (const id of ids) await processNotificationEvent(getDb(), id);
  } catch (err) {
    log.warn('notification not sent now; the hourly sweep will send it', { ids, reason: err instanceof Error ? err.message : String(err) });
  }
}
