import { createEnv } from '@t3-oss/env-nextjs';
import { z } from 'zod';

/**
 * The environment, validated once. Nothing else in the project reads `process.env`
 * (Next's own NEXT_* and NODE_ENV aside). Every variable is documented in `.env.example`.
 */
export const env = createEnv({
  server: {
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    /** Real PostgreSQL. Unset: embedded PGlite under PGLITE_DIR. */
    DATABASE_URL: z.url().optional(),
    /**
     * "pgbouncer": DATABASE_URL is a PgBouncer in transaction mode (no prepared statements, the
     * timeouts stored on the role instead of sent at connect). Needs DATABASE_DIRECT_URL.
     */
    DATABASE_POOLER: z.enum(['none', 'pgbouncer']).default('none'),
    /** The same database without the pooler: migrations (a session advisory lock) run over it. */
    DATABASE_DIRECT_URL: z.url().optional(),
    PGLITE_DIR: z.string().default('.data/pglite'),
    /** Milliseconds before PostgreSQL cancels a statement, so no request hangs on the database. */
    DB_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).default(15_000),
    DB_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(2),
    /** Seed the demo schools into an empty embedded database at start. */
    SEED_DEMO: z.enum(['auto', 'never']).default(process.env.NODE_ENV === 'production' ? 'never' : 'auto'),
    /** Public origin of the app, used in links inside emails. */
    APP_URL: z.url().default('http://localhost:3000'),
    AUTH_SECRET: z.string().min(32).optional(),
    /** Minutes without a request after which a session ends. */
    SESSION_IDLE_MINUTES: z.coerce.number().int().min(5).max(24 * 60).default(120),
    /** Hours after sign-in at which a session ends however active it is. */
    SESSION_MAX_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(12),
    /** Trust X-Forwarded-For from this many proxies in front of the app (0: use the socket). */
    TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(5).default(0),
    RESEND_API_KEY: z.string().optional(),
    EMAIL_FROM: z.string().default('TutorHub <no-reply@tutorhub.local>'),
    /** Inngest Cloud's event key; with it (or INNGEST_DEV) changes are sent to Inngest as events. */
    INNGEST_EVENT_KEY: z.string().optional(),
    /** "1": talk to an Inngest dev server (INNGEST_BASE_URL, default http://localhost:8288) instead of the cloud. */
    INNGEST_DEV: z.string().optional(),
    INNGEST_SIGNING_KEY: z.string().optional(),
    LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  },
  client: {},
  experimental__runtimeEnv: {},
  emptyStringAsUndefined: true,
  // `next build` imports server modules while collecting page data without runtime secrets.
  skipValidation: process.env.SKIP_ENV_VALIDATION === '1',
});

export const isEmbeddedDatabase = () => !env.DATABASE_URL;
