import { describe, expect, it } from 'vitest';
import { connect } from '@/db/client';
import { installDatabase } from '@/lib/db/connection';
import { freshTestDatabase } from '@/test/database';
import { GET } from '@/app/api/health/route';

const t = freshTestDatabase();

describe('GET /api/health', () => {
  it('answers 200 with the database ok', async () => {
    const res = await GET();
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', db: 'ok' });
  });

  it('answers 503 without a stack trace when the database cannot be reached', async () => {
    // Nothing listens on port 1.
    const dead = connect({ kind: 'postgres', url: 'postgres://nobody@127.0.0.1:1/none', max: 1 });
    installDatabase(dead);
    try {
      const res = await GET();
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual({ status: 'error', db: 'unreachable' });
    } finally {
      installDatabase(t.handle);
      await dead.close();
    }
  });
});
