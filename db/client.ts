import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { type Logger, type SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import * as schema from './schema';

export type Schema = typeof schema;
/** The Drizzle database, whichever driver is underneath. */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
/** A transaction handle: what `ctx.mutate(tx => …)` and repositories receive. */
export type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];
/** Anything queries can run on: the database or an open transaction. */
export type Queryable = Database | Tx;

export type DatabaseHandle = {
  db: Database;
  kind: 'postgres' | 'pglite';
  /** Human description for logs, never containing a password. */
  label: string;
  close(): Promise<void>;
  /**
   * Calls `listener` with the SQL and parameters of every query Drizzle sends on this handle until the
   * returned function is called. For tests that count queries (a list must not cost one
   * query per row); nothing in the app registers one, so production only pays an empty loop.
   */
  onQuery(listener: QueryListener): () => void;
};

export type QueryListener = (query: string, params: unknown[]) => void;

/** A Drizzle logger that only forwards each query to the listeners registered through `onQuery`. */
function queryHook() {
  const listeners = new Set<QueryListener>();
  const logger: Logger = {
    logQuery(query, params) {
      for (const listener of listeners) listener(query, params);
    },
  };
  const onQuery = (listener: QueryListener) => {
    listeners.add(listener);
    return () => void listeners.delete(listener);
  };
  return { logger, onQuery };
}

/** A transaction left open this long (a crashed request) is ended by PostgreSQL, freeing its locks. */
export const IDLE_IN_TRANSACTION_TIMEOUT_MS = 60_000;

export type ConnectOptions =
  | {
      kind: 'postgres';
      url: string;
      poolSize?: number;
      statementTimeoutMs?: number;
      max?: number;
      /**
       * 'pgbouncer': the URL is a PgBouncer in transaction mode, which hands each transaction to
       * any server connection. It keeps no prepared statements and refuses the timeouts as
       * startup parameters, so neither is sent; the role's defaults carry the timeouts instead
       * (see `pinRoleTimeouts` in db/migrate.ts).
       */
      pooler?: 'pgbouncer';
    }
  | { kind: 'pglite'; dataDir?: string /* undefined: in memory */; loadDataDir?: Blob /* start from this dump (tests) */ };

type Client = ReturnType<typeof postgres>;

/**
 * The client Drizzle is given, with every statement prepared. Drizzle asks postgres.js for an
 * unnamed statement unless a query was built with `.prepare(name)`, and for one with parameters
 * postgres.js then makes two round trips (describe the parameters, then bind and execute) and
 * PostgreSQL parses and plans it each time. Prepared, each distinct statement is described once
 * per connection and then costs one round trip (under load: 6 % more pages served, the median
 * halved; bench/RESULTS.md). Transactions get the same client. Not behind
 * PgBouncer, which cannot route prepared statements in transaction mode.
 */
function preparing(client: Client): Client {
  return new Proxy(client, {
    get(target, property, receiver) {
      if (property === 'unsafe') {
        return (query: string, params?: unknown[], options?: object) => target.unsafe(query, params as never, { ...options, prepare: true });
      }
      if (property === 'begin') {
        return (...args: unknown[]) => {
          const fn = args.pop() as (tx: Client) => unknown;
          return (target.begin as (...a: unknown[]) => unknown)(...args, (tx: Client) => fn(preparing(tx)));
        };
      }
      if (property === 'savepoint') {
        return (...args: unknown[]) => {
          const fn = args.pop() as (sp: Client) => unknown;
          return (target as unknown as { savepoint: (...a: unknown[]) => unknown }).savepoint(...args, (sp: Client) => fn(preparing(sp)));
        };
      }
      return Reflect.get(target, property, receiver);
    },
  });
}

/** Opens a connection. Most code wants `getDb()`; tests and scripts open their own. */
export function connect(options: ConnectOptions): DatabaseHandle {
  if (options.kind === 'postgres') {
    const behindPooler = options.pooler === 'pgbouncer';
    const client = postgres(options.url, {
      max: options.max ?? options.poolSize ?? 10,
      connect_timeout: 5,
      idle_timeout: 30,
      onnotice: () => {},
      prepare: !behindPooler,
      connection: behindPooler
        ? { application_name: 'tutorhub' }
        : {
            statement_timeout: options.statementTimeoutMs ?? 15_000,
            idle_in_transaction_session_timeout: IDLE_IN_TRANSACTION_TIMEOUT_MS,
            application_name: 'tutorhub',
            // The planner overestimates the cost of a tutor's student visibility (two OR'ed EXISTS)
            // enough to JIT-compile it: 0.5 s of compiling for 5 ms of work (bench/RESULTS.md).
            // No page query runs long enough for compiled expressions to pay for themselves.
            // Behind a pooler the role's defaults say the same (db/migrate.ts#storeRoleTimeouts).
            jit: 'off',
          },
    });
    const hook = queryHook();
    const db = drizzlePostgres(behindPooler ? client : preparing(client), { schema, casing: 'snake_case', logger: hook.logger }) as unknown as Database;
    const url = new URL(options.url);
    return {
      db,
      onQuery: hook.onQuery,
      kind: 'postgres',
      label: `postgres://${url.hostname}:${url.port || 5432}${url.pathname}`,
      close: () => client.end({ timeout: 5 }),
    };
  }

  const dir = options.dataDir ? path.resolve(options.dataDir) : undefined;
  const releaseLock = dir ? lockDataDir(dir) : () => {};
  // Synchronous construction: Auth.js's adapter needs a `db` at import time; PGlite queues
  // queries until it is ready.
  // Pass the options object alone when in memory: `new PGlite(undefined, opts)` drops the extensions.
  const extensions = { btree_gist, pg_trgm, unaccent };
  const client = dir ? new PGlite(dir, { extensions }) : new PGlite({ extensions, loadDataDir: options.loadDataDir });
  const hook = queryHook();
  const db = drizzlePglite(client, { schema, casing: 'snake_case', logger: hook.logger }) as unknown as Database;
  return {
    db,
    onQuery: hook.onQuery,
    kind: 'pglite',
    label: dir ? `pglite:${path.relative(process.cwd(), dir) || dir}` : 'pglite:memory',
    close: async () => {
      // An unclean shutdown makes the next start replay the WAL (and serial ids jump).
      await client.close();
      releaseLock();
    },
  };
}

/**
 * PGlite has no lock of its own: two processes on one folder see different data and can
 * corrupt it. A pid file keeps a second process out with a message saying what to do.
 */
function lockDataDir(dir: string): () => void {
  const lockFile = `${dir}.lock`;
  fs.mkdirSync(path.dirname(lockFile), { recursive: true });
  try {
    const holder = Number(fs.readFileSync(lockFile, 'utf8'));
    if (holder && holder !== process.pid && isAlive(holder)) {
      throw new Error(
        `The embedded database at ${dir} is in use by process ${holder} (probably \`npm run dev\`). ` +
          'Stop that process first, or point both at a real PostgreSQL with DATABASE_URL.',
      );
    }
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  fs.writeFileSync(lockFile, String(process.pid));
  const release = () => {
    try {
      if (fs.readFileSync(lockFile, 'utf8') === String(process.pid)) fs.unlinkSync(lockFile);
    } catch {
      /* already gone */
    }
  };
  process.once('exit', release);
  return release;
}

function isAlive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** `db.execute` answers `{ rows }` on PGlite and an array on postgres.js; this gives rows on both. */
export async function queryRows<T extends Record<string, unknown>>(db: Queryable, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as T[] | { rows: T[] };
  return Array.isArray(result) ? result : result.rows;
}

/** The SQLSTATE of a database error; Drizzle wraps driver errors, so it may sit on `cause`. */
export function sqlState(err: unknown): string | undefined {
  for (let e: unknown = err, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    // A SQLSTATE's class is two digits or one of F0, HV, P0, XX; Node's own codes (EPIPE) are not.
    if (typeof code === 'string' && /^([0-9][0-9A-Z]|F0|HV|P0|XX)[0-9A-Z]{3}$/.test(code)) return code;
  }
  return undefined;
}
