import { isDatabaseHealthy } from '@/lib/health';

export const dynamic = 'force-dynamic';

/** Liveness and readiness for load balancers: 200 when the database answers, 503 otherwise. */
export async function GET() {
  const healthy = await isDatabaseHealthy();
  return Response.json(
    healthy ? { status: 'ok', db: 'ok' } : { status: 'error', db: 'unreachable' },
    { status: healthy ? 200 : 503, headers: { 'Cache-Control': 'no-store' } },
  );
}
