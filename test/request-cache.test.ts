import { describe, expect, it } from 'vitest';
import { inRequest, requestCache } from './request-cache';

describe('requestCache', () => {
  it('calls once per request and arguments (objects by identity), and every time outside a request', async () => {
    const calls: unknown[][] = [];
    const load = requestCache((viewer: object, id: string) => calls.push([viewer, id]));
    const viewer = { userId: 'u1' };
    await inRequest(async () => {
      load(viewer, 'a');
      load(viewer, 'a');
      load(viewer, 'b');
      load({ userId: 'u1' }, 'a');
    });
    expect(calls).toHaveLength(3);
    await inRequest(async () => void load(viewer, 'a'));
    expect(calls).toHaveLength(4);
    load(viewer, 'a');
    load(viewer, 'a');
    expect(calls).toHaveLength(6);
  });

  it('remembers a thrown error for the request', async () => {
    let calls = 0;
    const fail = requestCache(() => {
      calls++;
      throw new Error('no');
    });
    await inRequest(async () => {
      expect(() => fail()).toThrow('no');
      expect(() => fail()).toThrow('no');
    });
    expect(calls).toBe(1);
  });
});
