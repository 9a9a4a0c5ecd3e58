import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

/**
 * Servers from one production build, each run as the Docker image runs it
 * (`node .next/standalone/server.js`, static files beside it):
 * - "embedded": a fresh embedded database seeded at start, exactly what a newcomer gets;
 * - "postgres" and "postgres-2": the journeys, in two shards run side by side, each on a fresh
 *   database of its own on the real server (E2E_DATABASE_URL); the journeys read the email
 *   outbox there, which the embedded database (inside the app process) would not allow;
 * - "standalone": bound to 0.0.0.0 like the image and reached on a public name that is not
 *   localhost (tutorhub.test, resolved by Chromium to this machine), so redirects that leak the
 *   bind address or fall back to localhost fail here.
 * Without E2E_DATABASE_URL only the embedded project runs.
 */
const chromium =
  process.env.PLAYWRIGHT_CHROMIUM_PATH ?? (fs.existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
const pgUrl = process.env.E2E_DATABASE_URL;
const secret = process.env.AUTH_SECRET ?? randomBytes(32).toString('base64url');
process.env.AUTH_SECRET = secret; // specs forge an idle session token with it
const EMBEDDED_PORT = 3210;
const PG_PORT = 3211;
const PUBLIC_PORT = 3212;
const PG_PORT_2 = 3213;
/**
 * The journeys on PostgreSQL run in two shards side by side, each against its own server and
 * database (so no journey sees another's changes): these files in the second, every other
 * journey in the first. Balanced by their running times; a new journey lands in the first.
 */
const SECOND_SHARD = /(billing-settings|parent-invoices|jobs|cancellations|records|calendar|lesson-edit|layout|accounts|settings)\.spec\.ts/;
export const PUBLIC_ORIGIN = `http://tutorhub.test:${PUBLIC_PORT}`;
// Bound to every IPv4 address, as in the Docker image (where HOSTNAME would be the container's name).
const common = { NEXT_TELEMETRY_DISABLED: '1', AUTH_SECRET: secret, HOSTNAME: '0.0.0.0', APP_URL: `http://localhost:${EMBEDDED_PORT}` };
const server = 'node .next/standalone/server.js';
const chromiumArgs = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

export default defineConfig({
  testDir: './e2e',
  outputDir: 'test-results',
  fullyParallel: false,
  // One file at a time per worker; two workers run the two shards (and the other projects) side by side.
  workers: Number(process.env.E2E_WORKERS) || 2,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    locale: 'pl-PL',
    timezoneId: 'Europe/Warsaw',
    launchOptions: {
      executablePath: chromium,
      args: chromiumArgs,
    },
  },
  projects: [
    { name: 'embedded', testMatch: /foundation\.spec\.ts/, use: { ...devices['Desktop Chrome'], baseURL: `http://localhost:${EMBEDDED_PORT}` } },
    ...(pgUrl
      ? [
          {
            name: 'postgres',
            testIgnore: [/(foundation|standalone)\.spec\.ts/, SECOND_SHARD],
            metadata: { database: 'tutorhub_e2e' },
            use: { ...devices['Desktop Chrome'], baseURL: `http://localhost:${PG_PORT}` },
          },
          {
            name: 'postgres-2',
            testMatch: SECOND_SHARD,
            metadata: { database: 'tutorhub_e2e_2' },
            use: { ...devices['Desktop Chrome'], baseURL: `http://localhost:${PG_PORT_2}` },
          },
          {
            name: 'standalone',
            testMatch: /standalone\.spec\.ts/,
            metadata: { database: 'tutorhub_e2e_public' },
            use: {
              ...devices['Desktop Chrome'],
              baseURL: PUBLIC_ORIGIN,
              launchOptions: { executablePath: chromium, args: [...chromiumArgs, '--host-resolver-rules=MAP tutorhub.test 127.0.0.1'] },
            },
          },
        ]
      : []),
  ],
  webServer: [
    {
      command: `rm -rf .data/e2e && ${process.env.E2E_SKIP_BUILD ? '' : 'npm run build && '}${server}`,
      url: `http://127.0.0.1:${EMBEDDED_PORT}/api/health`,
      timeout: 600_000,
      reuseExistingServer: false,
      // The standalone server works in its own folder: the embedded database's path is absolute.
      env: { ...common, PORT: String(EMBEDDED_PORT), PGLITE_DIR: `${process.cwd()}/.data/e2e/pglite`, SEED_DEMO: 'auto' },
      stdout: 'ignore',
      stderr: 'pipe',
    },
    ...(pgUrl
      ? [
          {
            command: `npx tsx --conditions=react-server scripts/e2e-database.ts && ${server}`,
            url: `http://127.0.0.1:${PG_PORT}/api/health`,
            timeout: 600_000,
            reuseExistingServer: false,
            env: { ...common, PORT: String(PG_PORT), DATABASE_URL: e2eDatabaseUrl(pgUrl), APP_URL: `http://localhost:${PG_PORT}` },
            stdout: 'ignore' as const,
            stderr: 'pipe' as const,
          },
          {
            command: `npx tsx --conditions=react-server scripts/e2e-database.ts && ${server}`,
            url: `http://127.0.0.1:${PG_PORT_2}/api/health`,
            timeout: 600_000,
            reuseExistingServer: false,
            env: { ...common, PORT: String(PG_PORT_2), DATABASE_URL: e2eDatabaseUrl(pgUrl, 'tutorhub_e2e_2'), APP_URL: `http://localhost:${PG_PORT_2}` },
            stdout: 'ignore' as const,
            stderr: 'pipe' as const,
          },
          {
            command: `npx tsx --conditions=react-server scripts/e2e-database.ts && ${server}`,
            url: `http://127.0.0.1:${PUBLIC_PORT}/api/health`,
            timeout: 600_000,
            reuseExistingServer: false,
            env: {
              ...common,
              PORT: String(PUBLIC_PORT),
              DATABASE_URL: e2eDatabaseUrl(pgUrl, 'tutorhub_e2e_public'),
              APP_URL: PUBLIC_ORIGIN,
            },
            stdout: 'ignore' as const,
            stderr: 'pipe' as const,
          },
        ]
      : []),
  ],
});

function e2eDatabaseUrl(serverUrl: string, database = 'tutorhub_e2e') {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}
