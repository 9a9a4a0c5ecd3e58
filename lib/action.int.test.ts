import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { auditLog, rooms } from '@/db/schema';
import { createSchool, createUser } from '@/db/seed/factories';
import { action, type Audit } from '@/lib/action';
import type { Tx } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { log } from '@/lib/log';
import { freshTestDatabase } from '@/test/database';
import { actAs } from '@/test/mocks/viewer';
import { viewerOf } from '@/test/viewers';

/**
 * lib/action.ts on its own: one test action that creates a room and then does whatever the
 * test asks (`step`), on a real database. Every failure case is checked against the
 * database afterwards, and the happy path proves the same checks would see a write.
 */
const t = freshTestDatabase();

const AUDIT_ACTION = 'test.room.create';
type Step = (tx: Tx, audit: Audit, roomId: string, run: number) => Promise<void>;

let step: Step;
/** How many times the mutation body ran, and the id each run inserted (rolled back or not). */
let runs: string[];

const createRoom = action(
  z.object({ name: z.string().trim().min(1), capacity: z.number().int().min(1).max(100) }),
  { permission: 'records.manage' },
  async (input, ctx) =>
    ctx.mutate(async (tx, audit) => {
      const [row] = await tx.insert(rooms).values({ schoolId: ctx.viewer.schoolId, name: input.name, capacity: input.capacity }).returning({ id: rooms.id });
      runs.push(row.id);
      await step(tx, audit, row.id, runs.length);
      return { id: row.id };
    }),
);

const audited: Step = (_tx, audit, roomId) => audit({ action: AUDIT_ACTION, entityType: 'room', entityId: roomId, after: { created: true } });

/** Makes the database itself raise `condition` (a real SQLSTATE through the driver and Drizzle). */
const raise = (tx: Tx, condition: 'serialization_failure' | 'deadlock_detected') =>
  tx.execute(sql.raw(`do $$ begin raise exception 'simulated ${condition}' using errcode = '${condition}'; end $$`));

let w: { school: { id: string }; admin: Awaited<ReturnType<typeof createUser>>; tutor: Awaited<ReturnType<typeof createUser>> };
beforeAll(async () => {
  const school = await createSchool(t.db);
  w = {
    school,
    admin: await createUser(t.db, { schoolId: school.id, role: 'admin' }),
    tutor: await createUser(t.db, { schoolId: school.id, role: 'tutor' }),
  };
});
beforeEach(() => {
  actAs(viewerOf(w.admin));
  step = audited;
  runs = [];
});
afterEach(() => vi.restoreAllMocks());

const roomName = () => `Sala ${randomUUID().slice(0, 8)}`;
const roomsNamed = (name: string) => t.db.select().from(rooms).where(and(eq(rooms.schoolId, w.school.id), eq(rooms.name, name)));
const roomsWithId = (id: string) => t.db.select().from(rooms).where(eq(rooms.id, id));
const auditOf = (entityId: string) =>
  t.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityId, entityId), eq(auditLog.action, AUDIT_ACTION)));

describe('action(): a mutation that succeeds', () => {
  it('commits the row and its audit row, with the actor and request', async () => {
    const name = roomName();
    const result = await createRoom({ name, capacity: 3 });
    expect(result).toEqual({ ok: true, data: { id: runs[0] } });
    expect(runs).toHaveLength(1);
    expect(await roomsWithId(runs[0])).toEqual([expect.objectContaining({ name, capacity: 3, schoolId: w.school.id })]);
    expect(await auditOf(runs[0])).toEqual([
      expect.objectContaining({ entityType: 'room', actorUserId: w.admin.id, actorRole: 'admin', schoolId: w.school.id, ip: '203.0.113.7', userAgent: 'vitest', after: { created: true } }),
    ]);
  });
});

describe('action(): the transaction and its audit row', () => {
  it('rolls back a mutation that wrote but recorded no audit row, and answers INTERNAL', async () => {
    const error = vi.spyOn(log, 'error').mockImplementation(() => {});
    step = async () => {};
    const name = roomName();
    const result = await createRoom({ name, capacity: 2 });
    expect(result).toMatchObject({ ok: false, code: 'INTERNAL' });
    expect(JSON.stringify(error.mock.calls)).toContain('without an audit entry');
    expect(runs).toHaveLength(1);
    expect(await roomsWithId(runs[0])).toEqual([]);
    expect(await roomsNamed(name)).toEqual([]);
  });

  it('a mutation that fails after its audit row was written leaves neither the row nor the audit entry', async () => {
    const error = vi.spyOn(log, 'error').mockImplementation(() => {});
    let seenInside: unknown[] = [];
    step = async (tx, audit, roomId) => {
      await audited(tx, audit, roomId, 1);
      seenInside = await tx.select({ id: auditLog.id }).from(auditLog).where(and(eq(auditLog.entityId, roomId), eq(auditLog.action, AUDIT_ACTION)));
      throw new Error('failed after the audit row');
    };
    const name = roomName();
    const result = await createRoom({ name, capacity: 2 });
    expect(result).toMatchObject({ ok: false, code: 'INTERNAL' });
    expect(JSON.stringify(error.mock.calls)).toContain('failed after the audit row');
    // The audit row was written inside the transaction…
    expect(seenInside).toHaveLength(1);
    // …and is gone with the room after the rollback.
    expect(await roomsWithId(runs[0])).toEqual([]);
    expect(await auditOf(runs[0])).toEqual([]);
  });

  it.each(['serialization_failure', 'deadlock_detected'] as const)('retries a %s raised inside mutate: the body runs again and the action succeeds', async (condition) => {
    step = async (tx, audit, roomId, run) => {
      await audited(tx, audit, roomId, run);
      if (run === 1) await raise(tx, condition);
    };
    const name = roomName();
    const result = await createRoom({ name, capacity: 2 });
    expect(runs).toHaveLength(2);
    expect(result).toEqual({ ok: true, data: { id: runs[1] } });
    // The first attempt's row and audit entry were rolled back; the second's committed.
    expect(await roomsWithId(runs[0])).toEqual([]);
    expect(await auditOf(runs[0])).toEqual([]);
    expect((await roomsNamed(name)).map((r) => r.id)).toEqual([runs[1]]);
    expect(await auditOf(runs[1])).toHaveLength(1);
  });

  it('gives up after three serialization failures, answers INTERNAL and keeps nothing', async () => {
    vi.spyOn(log, 'error').mockImplementation(() => {});
    step = async (tx, audit, roomId, run) => {
      await audited(tx, audit, roomId, run);
      await raise(tx, 'serialization_failure');
    };
    const name = roomName();
    expect(await createRoom({ name, capacity: 2 })).toMatchObject({ ok: false, code: 'INTERNAL' });
    expect(runs).toHaveLength(3);
    expect(await roomsNamed(name)).toEqual([]);
    for (const id of runs) expect(await auditOf(id)).toEqual([]);
  });
});

describe('action(): errors become results', () => {
  it('maps an unknown error to INTERNAL in general words, logging the detail on the server only', async () => {
    const error = vi.spyOn(log, 'error').mockImplementation(() => {});
    const secret = 'connection to 10.0.0.5 refused for user tutorhub_owner';
    step = async () => {
      throw new Error(secret);
    };
    const result = await createRoom({ name: roomName(), capacity: 2 });
    expect(result).toEqual({ ok: false, code: 'INTERNAL', message: 'errors.INTERNAL' });
    expect(JSON.stringify(result)).not.toContain('10.0.0.5');
    expect(JSON.stringify(error.mock.calls)).toContain(secret);
    expect(await roomsWithId(runs[0])).toEqual([]);
  });

  it('maps an AppError to its code, with its message and field errors, and rolls back', async () => {
    step = async () => {
      throw new AppError('NOT_FOUND');
    };
    expect(await createRoom({ name: roomName(), capacity: 2 })).toEqual({ ok: false, code: 'NOT_FOUND', message: 'errors.NOT_FOUND' });
    expect(await roomsWithId(runs[0])).toEqual([]);

    step = async () => {
      throw new AppError('CONFLICT', 'Sala 2 is taken', { name: ['Sala 2 is taken'] });
    };
    expect(await createRoom({ name: roomName(), capacity: 2 })).toEqual({ ok: false, code: 'CONFLICT', message: 'Sala 2 is taken', fieldErrors: { name: ['Sala 2 is taken'] } });
    expect(await roomsWithId(runs[1])).toEqual([]);
  });

  it('maps a unique violation from the database to CONFLICT', async () => {
    const name = roomName();
    expect(await createRoom({ name, capacity: 2 })).toMatchObject({ ok: true });
    expect(await createRoom({ name, capacity: 5 })).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect((await roomsNamed(name)).map((r) => r.capacity)).toEqual([2]);
  });
});

describe('action(): who may call it and with what', () => {
  it('answers VALIDATION with field errors for bad input, and never runs the body', async () => {
    const name = `  ${roomName()}`;
    const result = await createRoom({ name, capacity: 0 });
    expect(result).toMatchObject({ ok: false, code: 'VALIDATION', fieldErrors: { capacity: [expect.any(String)] } });
    if (!result.ok) expect(Object.keys(result.fieldErrors ?? {})).toEqual(['capacity']);
    const missing = await createRoom({ name: '   ', capacity: 2 });
    expect(missing).toMatchObject({ ok: false, code: 'VALIDATION', fieldErrors: { name: [expect.any(String)] } });
    expect(runs).toEqual([]);
    expect(await roomsNamed(name.trim())).toEqual([]);
  });

  it('answers FORBIDDEN to a viewer without the permission, and writes nothing', async () => {
    actAs(viewerOf(w.tutor));
    const name = roomName();
    expect(await createRoom({ name, capacity: 2 })).toEqual({ ok: false, code: 'FORBIDDEN', message: 'errors.FORBIDDEN' });
    expect(runs).toEqual([]);
    expect(await roomsNamed(name)).toEqual([]);
  });

  it('answers UNAUTHENTICATED without a session, and writes nothing', async () => {
    actAs(null);
    const name = roomName();
    expect(await createRoom({ name, capacity: 2 })).toEqual({ ok: false, code: 'UNAUTHENTICATED', message: 'errors.UNAUTHENTICATED' });
    expect(runs).toEqual([]);
    expect(await roomsNamed(name)).toEqual([]);
  });
});
