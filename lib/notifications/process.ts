import 'server-only';
import type { Database } from '@/lib/db';

/**
 * Sends the emails a notification event asks for (a lesson moved or cancelled, a cancellation
 * decided) and marks it processed. Idempotent: every message carries a dedupe key, and a
 * processed event is skipped. Returns how many emails went out.
 */
export async function processNotificationEvent(_db: Database, _id: string): Promise<{ sent: number }> {
  throw new Error('processNotificationEvent is not built yet');
}

/** Processes every event still unprocessed (the hourly sweep that catches missed Inngest events). */
export async function sweepNotificationEvents(_db: Database, _at: Date): Promise<{ processed: number; sent: number }> {
  throw new Error('sweepNotificationEvents is not built yet');
}
