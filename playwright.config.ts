import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

/**
 * Two servers from one production build:
 * - "embedded": a fresh embedded database seeded at start, exactly what a newcomer gets;
 * - "postgres": a fresh database on the real server (E2E_DATABASE_URL), which the journeys
 *   that read the email outbox need, since the embedded database lives inside the app process.
 * Without E2E_DATABASE_URL only the embedded project runs.
 */
const chromium =
  process.env.PLAYWRIGHT_CHROMIUM_PATH ?? (fs.existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
const pgUrl = process.env.E2E_DATABASE_URL;
const secret = process.env.AUTH_SECRET ?? randomBytes(32).toString('base64url');
process.env.AUTH_SECRET = secret; // specs forge an idle session token with it
const EMBEDDED_PORT = 3210;
const PG_PORT = 3211;
const common = { NEXT_TELEMETRY_DISABLED: '1', AUTH_SECRET: secret, APP_URL: `http://localhost:${EMBEDDED_PORT}` };

export default defineConfig({
  testDir: './e2e',
  outputDir: 'test-results',
  fullyParallel: false,
  workers: 1,
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
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    },
  },
  projects: [
    { name: 'embedded', testMatch: /foundation\.spec\.ts/, use: { ...devices['Desktop Chrome'], baseURL: `http://localhost:${EMBEDDED_PORT}` } },
    ...(pgUrl
      ? [{ name: 'postgres', testIgnore: /foundation\.spec\.ts/, use: { ...devices['Desktop Chrome'], baseURL: `http://localhost:${PG_PORT}` } }]
      : []),
  ],
  webServer: [
    {
      command: `rm -rf .data/e2e && ${process.env.E2E_SKIP_BUILD ? '' : 'npm run build && '}npx next start -p ${EMBEDDED_PORT}`,
      url: `http://localhost:${EMBEDDED_PORT}/api/health`,
      timeout: 300_000,
      reuseExistingServer: false,
      env: { ...common, PGLITE_DIR: '.data/e2e/pglite', SEED_DEMO: 'auto' },
      stdout: 'ignore',
      stderr: 'pipe',
    },
    ...(pgUrl
      ? [
          {
            command: `npx tsx --conditions=react-server scripts/e2e-database.ts && npx next start -p ${PG_PORT}`,
            url: `http://localhost:${PG_PORT}/api/health`,
            timeout: 120_000,
            reuseExistingServer: false,
            env: { ...common, DATABASE_URL: e2eDatabaseUrl(pgUrl), APP_URL: `http://localhost:${PG_PORT}` },
            stdout: 'ignore' as const,
            stderr: 'pipe' as const,
          },
        ]
      : []),
  ],
});

function e2eDatabaseUrl(serverUrl: string) {
  const url = new URL(serverUrl);
  url.pathname = '/tutorhub_e2e';
  return url.toString();
}
