import 'server-only';
import { sql } from 'drizzle-orm';
import { queryRows } from '@/db/client';
import { getDb } from '@/lib/db';

export type Limit = { max: number; windowSeconds: number };

/** Sign-in and magic-link limits: per email (guessing one account) and per IP (spraying many). */
export const limits = {
  loginEmail: { max: 5, windowSeconds: 15 * 60 },
  loginIp: { max: 30, windowSeconds: 15 * 60 },
  magicLinkEmail: { max: 3, windowSeconds: 15 * 60 },
  magicLinkIp: { max: 10, windowSeconds: 15 * 60 },
} satisfies Record<string, Limit>;

export type LimitState = { limited: boolean; retryAfterSeconds: number };

/**
 * Counts one hit on `key` in a fixed window and says whether the caller is over the limit.
 * One upsert, so concurrent requests on several replicas count correctly. (A library such as
 * rate-limiter-flexible needs node-postgres and cannot run on the embedded PGlite.)
 */
export async function hit(key: string, limit: Limit, now = new Date()): Promise<LimitState> {
  const [row] = await queryRows<{ count: number; window_start: Date | string }>(
    getDb(),
    sql`insert into rate_limits (key, window_start, count) values (${key}, ${now.toISOString()}, 1)
        on conflict (key) do update set
          count = case when rate_limits.window_start <= ${now.toISOString()}::timestamptz - make_interval(secs => ${limit.windowSeconds}) then 1 else rate_limits.count + 1 end,
          window_start = case when rate_limits.window_start <= ${now.toISOString()}::timestamptz - make_interval(secs => ${limit.windowSeconds}) then ${now.toISOString()}::timestamptz else rate_limits.window_start end
        returning count, window_start`,
  );
  return stateOf(row.count, new Date(row.window_start), limit, now, row.count > limit.max);
}

/** The current state without counting a hit. */
export async function peek(key: string, limit: Limit, now = new Date()): Promise<LimitState> {
  const [row] = await queryRows<{ count: number; window_start: Date | string }>(
    getDb(),
    sql`select count, window_start from rate_limits where key = ${key}`,
  );
  if (!row) return { limited: false, retryAfterSeconds: 0 };
  const start = new Date(row.window_start);
  const expired = start.getTime() + limit.windowSeconds * 1000 <= now.getTime();
  return stateOf(row.count, start, limit, now, !expired && row.count >= limit.max);
}

/**
 * Gives one hit back: sign-in attempts are counted before the password is checked (so parallel
 * guesses cannot all slip under the limit), and a successful attempt is not a failure.
 */
export async function release(key: string) {
  await getDb().execute(sql`update rate_limits set count = greatest(count - 1, 0) where key = ${key}`);
}

/** Forgets the counter, e.g. the per-email failures after a successful sign-in. */
export async function reset(key: string) {
  await getDb().execute(sql`delete from rate_limits where key = ${key}`);
}

function stateOf(_count: number, windowStart: Date, limit: Limit, now: Date, limited: boolean): LimitState {
  const retryAfterSeconds = Math.max(0, Math.ceil((windowStart.getTime() + limit.windowSeconds * 1000 - now.getTime()) / 1000));
  return { limited, retryAfterSeconds: limited ? retryAfterSeconds : 0 };
}
