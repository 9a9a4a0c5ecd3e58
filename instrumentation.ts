/**
 * Start-up work for the Node.js server: apply migrations and, on an empty embedded
 * database, seed the demo school. Never during `next build`, and never fatal: if the
 * database is unreachable the server still starts and /api/health answers 503.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return;
  const { ensureDatabaseReady } = await import('@/lib/db/connection');
  await ensureDatabaseReady().catch(() => {
    /* logged in one line by ensureDatabaseReady; retried on the next request */
  });
}
