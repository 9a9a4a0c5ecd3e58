import 'server-only';
import { sql } from 'drizzle-orm';
import { ensureDatabaseReady, getDb } from '@/lib/db';
import { log } from '@/lib/log';

const TIMEOUT_MS = 3_000;

/** True when the database answers a trivial query within three seconds. Logs one line when not. */
export async function isDatabaseHealthy(): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  try {
    const probe = (async () => {
      await ensureDatabaseReady();
      await getDb().execute(sql`select 1`);
    })();
    probe.catch(() => {}); // a late rejection after the timeout must not become unhandled
    await Promise.race([
      probe,
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${TIMEOUT_MS} ms`)), TIMEOUT_MS);
      }),
    ]);
    return true;
  } catch (err) {
    const cause = (err as { cause?: { message?: string } })?.cause?.message;
    log.error('health check: database unreachable', { error: cause ?? (err instanceof Error ? err.message : String(err)) });
    return false;
  } finally {
    clearTimeout(timer);
  }
}
