import { NextRequest } from 'next/server';
import { describe, expect, it, vi } from 'vitest';
import { GET, POST, PUT } from './route';

describe('/api/inngest without Inngest configured', () => {
  it.each([
    ['GET', GET],
    ['POST', POST],
    ['PUT', PUT],
  ] as const)('answers %s with 503 and what to set, not a 500', async (method, handler) => {
    const res = await handler(new NextRequest('http://localhost/api/inngest', { method }), { params: Promise.resolve({}) } as never);
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ status: 'disabled', message: expect.stringContaining('INNGEST_SIGNING_KEY') });
  });
});

describe('/api/inngest with a dev server configured', () => {
  it('lists every function for Inngest to sync', async () => {
    vi.resetModules();
    vi.stubEnv('INNGEST_DEV', '1');
    try {
      const route = await import('./route');
      const res = await route.GET(new NextRequest('http://localhost/api/inngest'), { params: Promise.resolve({}) } as never);
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ function_count: 9, mode: 'dev' });
    } finally {
      vi.unstubAllEnvs();
      vi.resetModules();
    }
  });
});
