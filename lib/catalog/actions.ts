'use server';

import { and, eq, ne, sql } from 'drizzle-orm';
import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { sqlState } from '@/db/client';
import { rooms, subjects, type Room, type Subject } from '@/db/schema';
import { action } from '@/lib/action';
import { diff } from '@/lib/audit';
import type { Viewer } from '@/lib/auth/viewer';
import type { Tx } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { roomDeletionBlockers, subjectDeletionBlockers } from './queries';
import { roomFields, roomIdSchema, subjectFields, subjectIdSchema, updateRoomSchema, updateSubjectSchema } from './schema';

// ---------------------------------------------------------------------------------------
// Shared steps

/** A subject of the viewer's school, locked for the change; NOT_FOUND for anyone else's. */
async function lockSubject(tx: Tx, viewer: Viewer, subjectId: string): Promise<Subject> {
  const [row] = await tx
    .select()
    .from(subjects)
    .where(and(eq(subjects.id, subjectId), eq(subjects.schoolId, viewer.schoolId)))
    .for('update');
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

async function lockRoom(tx: Tx, viewer: Viewer, roomId: string): Promise<Room> {
  const [row] = await tx
    .select()
    .from(rooms)
    .where(and(eq(rooms.id, roomId), eq(rooms.schoolId, viewer.schoolId)))
    .for('update');
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

async function nameTaken(kind: 'subject' | 'room') {
  const t = await getTranslations('catalog');
  const message = t(kind === 'subject' ? 'subjectNameTaken' : 'roomNameTaken');
  return new AppError('CONFLICT', message, { name: [message] });
}

/**
 * Names are unique per school. The database's unique key compares exactly; people do not
 * see "Matematyka" and "matematyka" as two subjects, so this check ignores case too. Two
 * saves racing past it still meet the unique key (23505), mapped to the same answer.
 */
async function assertNameFree(tx: Tx, viewer: Viewer, kind: 'subject' | 'room', name: string, exceptId?: string) {
  const table = kind === 'subject' ? subjects : rooms;
  const [clash] = await tx
    .select({ id: table.id })
    .from(table)
    .where(and(eq(table.schoolId, viewer.schoolId), sql`lower(${table.name}) = lower(${name})`, exceptId ? ne(table.id, exceptId) : undefined))
    .limit(1);
  if (clash) throw await nameTaken(kind);
}

function mapUniqueViolation(kind: 'subject' | 'room') {
  return async (err: unknown): Promise<never> => {
    throw sqlState(err) === '23505' ? await nameTaken(kind) : err;
  };
}

/** "3 students, 1 tutor" in the viewer's language, for the refusal to delete. */
async function describeBlockers(blockers: Record<string, number>) {
  const tb = await getTranslations('catalog.blockers');
  return Object.entries(blockers)
    .map(([kind, n]) => tb(kind, { count: n }))
    .join(', ');
}

const subjectSnapshot = (s: Subject) => ({ name: s.name, levels: s.levels, defaultDurationMin: s.defaultDurationMin, color: s.color });
const roomSnapshot = (r: Room) => ({ name: r.name, capacity: r.capacity });

function revalidateSubjects() {
  revalidatePath('/admin/subjects');
}

function revalidateRooms() {
  revalidatePath('/admin/rooms');
}

// ---------------------------------------------------------------------------------------
// Subjects

/** Adds a subject the school teaches. */
export const createSubjectAction = action(subjectFields, { permission: 'records.manage' }, async (input, ctx) => {
  const subject = await ctx
    .mutate(async (tx, audit) => {
      await assertNameFree(tx, ctx.viewer, 'subject', input.name);
      const [row] = await tx
        .insert(subjects)
        .values({ ...input, schoolId: ctx.viewer.schoolId })
        .returning();
      await audit({ action: 'subject.create', entityType: 'subject', entityId: row.id, after: subjectSnapshot(row) });
      return row;
    })
    .catch(mapUniqueViolation('subject'));
  revalidateSubjects();
  return { id: subject.id };
});

/** Renames a subject or changes its levels, usual length or colour. Enrolments keep pointing at it. */
export const updateSubjectAction = action(updateSubjectSchema, { permission: 'records.manage' }, async (input, ctx) => {
  const { subjectId, ...fields } = input;
  await ctx
    .mutate(async (tx, audit) => {
      const before = await lockSubject(tx, ctx.viewer, subjectId);
      await assertNameFree(tx, ctx.viewer, 'subject', fields.name, subjectId);
      await tx.update(subjects).set(fields).where(eq(subjects.id, subjectId));
      await audit({ action: 'subject.update', entityType: 'subject', entityId: subjectId, after: diff(subjectSnapshot(before), fields) });
    })
    .catch(mapUniqueViolation('subject'));
  revalidateSubjects();
  return { id: subjectId };
});

/**
 * Archives a subject: it leaves the list and the pickers of other forms, while the students
 * who take it and the tutors who teach it keep it.
 */
export const archiveSubjectAction = action(subjectIdSchema, { permission: 'records.manage' }, async ({ subjectId }, ctx) => {
  await ctx.mutate(async (tx, audit) => {
    const before = await lockSubject(tx, ctx.viewer, subjectId);
    if (before.archivedAt) throw new AppError('CONFLICT', (await getTranslations('catalog'))('alreadyArchived'));
    const archivedAt = new Date();
    await tx.update(subjects).set({ archivedAt }).where(eq(subjects.id, subjectId));
    await audit({ action: 'subject.archive', entityType: 'subject', entityId: subjectId, before: { archivedAt: null }, after: { archivedAt: archivedAt.toISOString() } });
  });
  revalidateSubjects();
  return { id: subjectId };
});

export const restoreSubjectAction = action(subjectIdSchema, { permission: 'records.manage' }, async ({ subjectId }, ctx) => {
  await ctx.mutate(async (tx, audit) => {
    const before = await lockSubject(tx, ctx.viewer, subjectId);
    if (!before.archivedAt) throw new AppError('CONFLICT', (await getTranslations('catalog'))('notArchived'));
    await tx.update(subjects).set({ archivedAt: null }).where(eq(subjects.id, subjectId));
    await audit({ action: 'subject.restore', entityType: 'subject', entityId: subjectId, before: { archivedAt: before.archivedAt.toISOString() }, after: { archivedAt: null } });
  });
  revalidateSubjects();
  return { id: subjectId };
});

/**
 * Deletes a subject nothing refers to. The check runs again inside the transaction with the
 * subject locked, so an enrolment saved meanwhile either waits for us or stops the delete.
 */
export const deleteSubjectAction = action(subjectIdSchema, { permission: 'records.manage' }, async ({ subjectId }, ctx) => {
  await ctx.mutate(async (tx, audit) => {
    const subject = await lockSubject(tx, ctx.viewer, subjectId);
    const blockers = await subjectDeletionBlockers(ctx.viewer, subject.id, tx);
    if (Object.keys(blockers).length) {
      throw new AppError('CONFLICT', (await getTranslations('records'))('cannotDelete', { items: await describeBlockers(blockers) }));
    }
    await tx.delete(subjects).where(eq(subjects.id, subject.id));
    await audit({ action: 'subject.delete', entityType: 'subject', entityId: subject.id, before: subjectSnapshot(subject) });
  });
  revalidateSubjects();
  return { id: subjectId };
});

// ---------------------------------------------------------------------------------------
// Rooms

/** Adds a room lessons can take place in. */
export const createRoomAction = action(roomFields, { permission: 'records.manage' }, async (input, ctx) => {
  const room = await ctx
    .mutate(async (tx, audit) => {
      await assertNameFree(tx, ctx.viewer, 'room', input.name);
      const [row] = await tx
        .insert(rooms)
        .values({ ...input, schoolId: ctx.viewer.schoolId })
        .returning();
      await audit({ action: 'room.create', entityType: 'room', entityId: row.id, after: roomSnapshot(row) });
      return row;
    })
    .catch(mapUniqueViolation('room'));
  revalidateRooms();
  return { id: room.id };
});

export const updateRoomAction = action(updateRoomSchema, { permission: 'records.manage' }, async (input, ctx) => {
  const { roomId, ...fields } = input;
  await ctx
    .mutate(async (tx, audit) => {
      const before = await lockRoom(tx, ctx.viewer, roomId);
      await assertNameFree(tx, ctx.viewer, 'room', fields.name, roomId);
      await tx.update(rooms).set(fields).where(eq(rooms.id, roomId));
      await audit({ action: 'room.update', entityType: 'room', entityId: roomId, after: diff(roomSnapshot(before), fields) });
    })
    .catch(mapUniqueViolation('room'));
  revalidateRooms();
  return { id: roomId };
});

/** Archives a room (no longer offered for new lessons); everything that happened in it stays. */
export const archiveRoomAction = action(roomIdSchema, { permission: 'records.manage' }, async ({ roomId }, ctx) => {
  await ctx.mutate(async (tx, audit) => {
    const before = await lockRoom(tx, ctx.viewer, roomId);
    if (!before.isActive) throw new AppError('CONFLICT', (await getTranslations('catalog'))('alreadyArchived'));
    await tx.update(rooms).set({ isActive: false }).where(eq(rooms.id, roomId));
    await audit({ action: 'room.archive', entityType: 'room', entityId: roomId, before: { isActive: true }, after: { isActive: false } });
  });
  revalidateRooms();
  return { id: roomId };
});

export const restoreRoomAction = action(roomIdSchema, { permission: 'records.manage' }, async ({ roomId }, ctx) => {
  await ctx.mutate(async (tx, audit) => {
    const before = await lockRoom(tx, ctx.viewer, roomId);
    if (before.isActive) throw new AppError('CONFLICT', (await getTranslations('catalog'))('notArchived'));
    await tx.update(rooms).set({ isActive: true }).where(eq(rooms.id, roomId));
    await audit({ action: 'room.restore', entityType: 'room', entityId: roomId, before: { isActive: false }, after: { isActive: true } });
  });
  revalidateRooms();
  return { id: roomId };
});

/** Deletes a room nothing refers to (re-checked inside the transaction, as for subjects). */
export const deleteRoomAction = action(roomIdSchema, { permission: 'records.manage' }, async ({ roomId }, ctx) => {
  await ctx.mutate(async (tx, audit) => {
    const room = await lockRoom(tx, ctx.viewer, roomId);
    const blockers = await roomDeletionBlockers(ctx.viewer, room.id, tx);
    if (Object.keys(blockers).length) {
      throw new AppError('CONFLICT', (await getTranslations('records'))('cannotDelete', { items: await describeBlockers(blockers) }));
    }
    await tx.delete(rooms).where(eq(rooms.id, room.id));
    await audit({ action: 'room.delete', entityType: 'room', entityId: room.id, before: roomSnapshot(room) });
  });
  revalidateRooms();
  return { id: roomId };
});
