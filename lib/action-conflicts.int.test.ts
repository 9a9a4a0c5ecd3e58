import { eq } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { rooms } from '@/db/schema';
import { createSchool, createUser } from '@/db/seed/factories';
import { action, type ConflictExplainer } from '@/lib/action';
import { conflictingKey } from '@/lib/db/conflicts';
import { AppError } from '@/lib/errors';
import { freshTestDatabase } from '@/test/database';
import { actAs } from '@/test/mocks/viewer';
import { viewerOf } from '@/test/viewers';

/**
 * Named conflicts: a database refusal reaches the person as a sentence built from the facts of
 * the row it collided with, chosen by the constraint's name — on a real database, where the
 * driver's error carries the name and PostgreSQL's detail.
 */
const t = freshTestDatabase();

let explainer: ConflictExplainer;
const createRoom = action(
  z.object({ name: z.string(), capacity: z.number().int() }),
  { permission: 'records.manage', conflicts: { rooms_school_name_key: (c, ctx) => explainer(c, ctx) } },
  async (input, ctx) =>
    ctx.mutate(async (tx, audit) => {
      const [row] = await tx.insert(rooms).values({ schoolId: ctx.viewer.schoolId, ...input }).returning({ id: rooms.id });
      await audit({ action: 'test.room.create', entityType: 'room', entityId: row.id });
      return row;
    }),
);

let schoolId: string;
beforeAll(async () => {
  const school = await createSchool(t.db);
  schoolId = school.id;
  actAs(viewerOf(await createUser(t.db, { schoolId, role: 'admin' })));
  await t.db.insert(rooms).values({ schoolId, name: 'Sala 2', capacity: 8 });
});

describe('named conflicts', () => {
  beforeEach(() => {
    explainer = async (conflict, ctx) => {
      const key = conflictingKey(conflict.detail);
      const [other] = await t.db.select().from(rooms).where(eq(rooms.name, key?.name ?? ''));
      return new AppError('CONFLICT', `${other.name} already exists (${other.capacity} seats; asked by ${ctx.viewer.role})`, { name: ['taken'] }, 'room_name_taken');
    };
  });

  it('answers the sentence the explainer builds from the existing row, by constraint name', async () => {
    const result = await createRoom({ name: 'Sala 2', capacity: 3 });
    expect(result).toEqual({ ok: false, code: 'CONFLICT', message: 'Sala 2 already exists (8 seats; asked by admin)', fieldErrors: { name: ['taken'] }, reason: 'room_name_taken' });
    expect(await t.db.select().from(rooms).where(eq(rooms.capacity, 3))).toHaveLength(0);
  });

  it('falls back to a plain CONFLICT when the explainer fails or has nothing to say, never INTERNAL', async () => {
    explainer = async () => {
      throw new Error('lookup failed');
    };
    expect(await createRoom({ name: 'Sala 2', capacity: 3 })).toEqual({ ok: false, code: 'CONFLICT', message: 'errors.CONFLICT' });
    explainer = async () => undefined;
    expect(await createRoom({ name: 'Sala 2', capacity: 3 })).toEqual({ ok: false, code: 'CONFLICT', message: 'errors.CONFLICT' });
  });

  it('treats a constraint the action did not name as a plain CONFLICT, and a failed check too', async () => {
    // rooms_capacity_range: a check the action did not name.
    const result = await createRoom({ name: 'Sala 9', capacity: -1 });
    expect(result).toMatchObject({ ok: false, code: 'CONFLICT' });
  });
});
