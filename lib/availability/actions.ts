'use server';

import { and, eq, ne, sql } from 'drizzle-orm';
import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { lessons, tutorAvailability, tutors, tutorTimeOff } from '@/db/schema';
import { action } from '@/lib/action';
import { can } from '@/lib/auth/permissions';
import type { Viewer } from '@/lib/auth/viewer';
import type { Tx } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { isUuid } from '@/lib/students/queries';
import { addCalendarDays, zonedToInstant } from '@/lib/time';
import { weeklyHoursOf } from './queries';
import { addTimeOffSchema, removeTimeOffSchema, setWeeklyHoursSchema } from './schema';

// ---------------------------------------------------------------------------------------
// Shared steps

/**
 * The tutor whose availability the viewer changes, locked so two saves of one week follow
 * each other: any tutor of the school for an admin, only their own record for a tutor.
 * NOT_FOUND for anyone else's (ids cannot be probed).
 */
async function lockTutor(tx: Tx, viewer: Viewer, tutorId: string) {
  if (!isUuid(tutorId)) throw new AppError('NOT_FOUND');
  const own = can(viewer.role, 'availability.manageAll') ? undefined : eq(tutors.userId, viewer.userId);
  const [row] = await tx
    .select({ id: tutors.id, firstName: tutors.firstName, lastName: tutors.lastName })
    .from(tutors)
    .where(and(eq(tutors.id, tutorId), eq(tutors.schoolId, viewer.schoolId), own))
    .for('update');
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

function revalidateAvailability(tutorId: string) {
  revalidatePath(`/admin/tutors/${tutorId}`);
  revalidatePath('/tutor/availability');
}

// ---------------------------------------------------------------------------------------
// Actions

/**
 * Replaces a tutor's whole working week in one transaction (what the weekly editor saves).
 * An empty week means the tutor is not restricted by hours. Overlaps are refused by the
 * schema and, should two saves race, by the exclusion constraint too.
 */
export const setWeeklyHoursAction = action(
  setWeeklyHoursSchema,
  {
    permission: 'availability.manage',
    conflicts: {
      tutor_availability_no_overlap: async () => {
        const message = (await getTranslations('availability'))('overlap');
        return new AppError('CONFLICT', message);
      },
    },
  },
  async (input, ctx) => {
    const saved = await ctx.mutate(async (tx, audit) => {
      const tutor = await lockTutor(tx, ctx.viewer, input.tutorId);
      const before = await weeklyHoursOf(tx, ctx.viewer.schoolId, tutor.id);
      await tx.delete(tutorAvailability).where(and(eq(tutorAvailability.schoolId, ctx.viewer.schoolId), eq(tutorAvailability.tutorId, tutor.id)));
      if (input.intervals.length) {
        await tx
          .insert(tutorAvailability)
          .values(input.intervals.map((i) => ({ schoolId: ctx.viewer.schoolId, tutorId: tutor.id, weekday: i.weekday, startTime: i.start, endTime: i.end })));
      }
      const after = await weeklyHoursOf(tx, ctx.viewer.schoolId, tutor.id);
      await audit({ action: 'availability.setWeek', entityType: 'tutor', entityId: tutor.id, before: { weekly: before }, after: { weekly: after } });
      return after;
    });
    revalidateAvailability(input.tutorId);
    return { tutorId: input.tutorId, weekly: saved };
  },
);

/**
 * Adds whole days off. Lessons already planned on those days stay (cancelling them is a
 * decision with its own notices); the answer says how many there are so the person can act.
 */
export const addTimeOffAction = action(addTimeOffSchema, { permission: 'availability.manage' }, async (input, ctx) => {
  const result = await ctx.mutate(async (tx, audit) => {
    const tutor = await lockTutor(tx, ctx.viewer, input.tutorId);
    const [row] = await tx
      .insert(tutorTimeOff)
      .values({ schoolId: ctx.viewer.schoolId, tutorId: tutor.id, firstDay: input.firstDay, lastDay: input.lastDay, reason: input.reason })
      .returning();
    const from = zonedToInstant(input.firstDay, '00:00', ctx.viewer.timeZone);
    const to = zonedToInstant(addCalendarDays(input.lastDay, 1), '00:00', ctx.viewer.timeZone);
    const [{ n }] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(lessons)
      .where(
        and(
          eq(lessons.schoolId, ctx.viewer.schoolId),
          eq(lessons.tutorId, tutor.id),
          ne(lessons.status, 'cancelled'),
          sql`${lessons.during} && tstzrange(${from.toISOString()}::timestamptz, ${to.toISOString()}::timestamptz, '[)')`,
        ),
      );
    await audit({ action: 'availability.addTimeOff', entityType: 'tutor', entityId: tutor.id, after: { id: row.id, firstDay: row.firstDay, lastDay: row.lastDay, reason: row.reason } });
    return { id: row.id, firstDay: row.firstDay, lastDay: row.lastDay, lessonsPlanned: n };
  });
  revalidateAvailability(input.tutorId);
  return result;
});

/** Removes days off (a holiday called off); the tutor can be booked on those days again. */
export const removeTimeOffAction = action(removeTimeOffSchema, { permission: 'availability.manage' }, async (input, ctx) => {
  const tutorId = await ctx.mutate(async (tx, audit) => {
    const [row] = await tx
      .select()
      .from(tutorTimeOff)
      .where(and(eq(tutorTimeOff.id, input.timeOffId), eq(tutorTimeOff.schoolId, ctx.viewer.schoolId)))
      .for('update');
    if (!row) throw new AppError('NOT_FOUND');
    const tutor = await lockTutor(tx, ctx.viewer, row.tutorId);
    await tx.delete(tutorTimeOff).where(eq(tutorTimeOff.id, row.id));
    await audit({ action: 'availability.removeTimeOff', entityType: 'tutor', entityId: tutor.id, before: { id: row.id, firstDay: row.firstDay, lastDay: row.lastDay, reason: row.reason } });
    return tutor.id;
  });
  revalidateAvailability(tutorId);
  return { id: input.timeOffId };
});
