import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { defineConfig, devices, type PlaywrightTestConfig, type Project } from '@playwright/test';

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
export const PUBLIC_ORIGIN = `http://tutorhub.test:${PUBLIC_PORT}`;
// Bound to every IPv4 address, as in the Docker image (where HOSTNAME would be the container's name).
const common = { NEXT_TELEMETRY_DISABLED: '1', AUTH_SECRET: secret, HOSTNAME: '0.0.0.0', APP_URL: `http://localhost:${EMBEDDED_PORT}` };
const server = 'node .next/standalone/server.js';
const chromiumArgs = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];
const desktop = devices['Desktop Chrome'];

/**
 * The journeys on PostgreSQL are split in two shards, each against its own server and database,
 * so that two Playwright runs can go side by side without one journey seeing another's changes
 * (`E2E_SHARD=1` and `E2E_SHARD=2`, as CI does; without it, one run takes everything, one file
 * at a time). These files are the second shard, with the public-name project; every other
 * journey is the first, with the embedded project. Balanced by their running times.
 */
const SECOND_SHARD = /(billing-settings|parent-invoices|jobs|cancellations|records|calendar|lesson-edit|layout|accounts|settings|gdpr)\.spec\.ts/;
const shard = process.env.E2E_SHARD;
const inShard = (n: '1' | '2') => !shard || shard === n;

/** A project and the server it runs against. */
type WebServer = Extract<NonNullable<PlaywrightTestConfig['webServer']>, unknown[]>[number];
type Target = { shard: '1' | '2'; project: Project; server: WebServer };

const pgServer = (port: number, database: string, appUrl = `http://localhost:${port}`) => ({
  command: `npx tsx --conditions=react-server scripts/e2e-database.ts && ${server}`,
  url: `http://127.0.0.1:${port}/api/health`,
  timeout: 600_000,
  reuseExistingServer: false,
  env: { ...common, PORT: String(port), DATABASE_URL: e2eDatabaseUrl(pgUrl!, database), APP_URL: appUrl },
  stdout: 'ignore' as const,
  stderr: 'pipe' as const,
});

const targets: Target[] = [
  {
    shard: '1' as const,
    project: { name: 'embedded', testMatch: /foundation\.spec\.ts/, use: { ...desktop, baseURL: `http://localhost:${EMBEDDED_PORT}` } },
    server: {
      command: `rm -rf .data/e2e && ${process.env.E2E_SKIP_BUILD ? '' : 'npm run build && '}${server}`,
      url: `http://127.0.0.1:${EMBEDDED_PORT}/api/health`,
      timeout: 600_000,
      reuseExistingServer: false,
      // The standalone server works in its own folder: the embedded database's path is absolute.
      env: { ...common, PORT: String(EMBEDDED_PORT), PGLITE_DIR: `${process.cwd()}/.data/e2e/pglite`, SEED_DEMO: 'auto' },
      stdout: 'ignore' as const,
      stderr: 'pipe' as const,
    },
  },
  ...(pgUrl
    ? ([
        {
          shard: '1' as const,
          project: {
            name: 'postgres',
            testIgnore: [/(foundation|standalone)\.spec\.ts/, SECOND_SHARD],
            metadata: { database: 'tutorhub_e2e' },
            use: { ...desktop, baseURL: `http://localhost:${PG_PORT}` },
          },
          server: pgServer(PG_PORT, 'tutorhub_e2e'),
        },
        {
          shard: '2' as const,
          project: { name: 'postgres-2', testMatch: SECOND_SHARD, metadata: { database: 'tutorhub_e2e_2' }, use: { ...desktop, baseURL: `http://localhost:${PG_PORT_2}` } },
          server: pgServer(PG_PORT_2, 'tutorhub_e2e_2'),
        },
        {
          shard: '2' as const,
          project: {
            name: 'standalone',
            testMatch: /standalone\.spec\.ts/,
            metadata: { database: 'tutorhub_e2e_public' },
            use: {
              ...desktop,
              baseURL: PUBLIC_ORIGIN,
              launchOptions: { executablePath: chromium, args: [...chromiumArgs, '--host-resolver-rules=MAP tutorhub.test 127.0.0.1'] },
            },
          },
          server: pgServer(PUBLIC_PORT, 'tutorhub_e2e_public', PUBLIC_ORIGIN),
        },
      ] satisfies Target[])
    : []),
].filter((t) => inShard(t.shard));

export default defineConfig({
  testDir: './e2e',
  outputDir: shard ? `test-results/shard-${shard}` : 'test-results',
  fullyParallel: false,
  // One file at a time: journeys in one project share its database.
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  // Two shards share two cores in CI: a journey through several long pages needs more than a minute there.
  timeout: 90_000,
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
  projects: targets.map((t) => t.project),
  webServer: targets.map((t) => t.server),
});

function e2eDatabaseUrl(serverUrl: string, database = 'tutorhub_e2e') {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}
