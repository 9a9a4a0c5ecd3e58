'use server';

import { and, eq, inArray } from 'drizzle-orm';
import { revalidatePath } from 'next/cache';
import { getLocale, getTranslations } from 'next-intl/server';
import { lessonSeries, rooms, seriesStudents, students, subjects, tutors, type LessonSeries } from '@/db/schema';
import { action } from '@/lib/action';
import type { Viewer } from '@/lib/auth/viewer';
import { getDb, type Tx } from '@/lib/db';
import { AppError, type ActionResult } from '@/lib/errors';
import { notifyAfterResponse, recordLessonChanges, type LessonChange } from '@/lib/notifications/events';
import { availabilitySentence } from '@/lib/availability/check';
import { lessonConflicts } from '@/lib/lessons/conflicts';
import { clashSentence, placesOf, type LessonTranslator } from '@/lib/lessons/rules';
import { formatCalendarDate, formatTimeRange, todayIn } from '@/lib/time';
import { availabilityClashes, cancelSeriesFrom, dayBefore, findClashes, insertSeries, SeriesClashError, seriesPlan, type PlannedSeries, type SeriesClash, type SeriesRule } from './plan';
import { pairReplacedLessons } from './rules';
import { endSeriesSchema, planSeriesSchema, updateSeriesFromSchema, type EndSeriesInput, type PlanSeriesInput, type UpdateSeriesFromInput } from './schema';

/**
 * Weekly series: plan one (all its lessons in one transaction, or nothing when a date
 * clashes, unless the admin chose to skip those dates), change it from a date ("this and the
 * following"), end it from a date. "Only this lesson" is the lesson's own move or cancel.
 * Audit: one row per series change carrying the counts, not one row per lesson.
 */

/** A clash as the form lists it: the date, the planned time, and what is already there in words. */
export type SeriesClashView = { date: string; dateLabel: string; time: string; what: string };

export type SeriesResult = { seriesId: string; created: number; skipped: { date: string; reason: 'holiday' | 'closure'; name: string }[]; skippedClashes: string[]; cancelled?: number };

type Refused = { clashes: SeriesClashView[] };

async function clashViews(clashes: SeriesClash[], timeZone: string): Promise<SeriesClashView[]> {
  const t = (await getTranslations('lessons')) as unknown as LessonTranslator;
  return Promise.all(
    clashes.map(async (c) => ({
      date: c.date,
      dateLabel: formatCalendarDate(c.date),
      time: formatTimeRange(c.start, c.end, timeZone),
      what: c.clash === 'unavailable' ? await availabilitySentence(c.tutor, c.problem) : clashSentence(t, c.clash, c.facts),
    })),
  );
}

/**
 * Every id the client sent belongs to the viewer's school and may take new lessons: an active
 * tutor, a subject and a room that are not archived, students who are not archived.
 * Another school's id answers NOT_FOUND, like a missing one.
 */
async function assertChoices(tx: Tx, viewer: Viewer, input: { tutorId: string; subjectId: string; roomId: string | null; studentIds: string[] }) {
  const t = await getTranslations('lessons');
  const [tutor] = await tx.select().from(tutors).where(and(eq(tutors.id, input.tutorId), eq(tutors.schoolId, viewer.schoolId)));
  const [subject] = await tx.select().from(subjects).where(and(eq(subjects.id, input.subjectId), eq(subjects.schoolId, viewer.schoolId)));
  const [room] = input.roomId ? await tx.select().from(rooms).where(and(eq(rooms.id, input.roomId), eq(rooms.schoolId, viewer.schoolId))) : [];
  const chosen = input.studentIds.length
    ? await tx
        .select({ id: students.id, firstName: students.firstName, lastName: students.lastName, status: students.status })
        .from(students)
        .where(and(inArray(students.id, input.studentIds), eq(students.schoolId, viewer.schoolId)))
    : [];
  if (!tutor || !subject || (input.roomId && !room) || chosen.length !== input.studentIds.length) throw new AppError('NOT_FOUND');
  const name = (s: { firstName: string; lastName: string }) => `${s.firstName} ${s.lastName}`;
  const refuse = (field: string, message: string) => new AppError('VALIDATION', message, { [field]: [message] });
  if (tutor.status !== 'active') throw refuse('tutorId', t('tutorNotActive', { name: name(tutor) }));
  if (subject.archivedAt) throw refuse('subjectId', t('archived', { name: subject.name }));
  if (room && !room.isActive) throw refuse('roomId', t('archived', { name: room.name }));
  const archived = chosen.find((s) => s.status === 'archived');
  if (archived) throw refuse('studentIds', t('studentArchived', { name: name(archived) }));
  return { room: room ?? null };
}

async function assertPlaces(kind: 'individual' | 'group', capacity: number, studentCount: number, room: { capacity: number } | null) {
  const places = placesOf(kind === 'individual' ? 1 : capacity, room?.capacity);
  if (studentCount > places) {
    const message = (await getTranslations('lessons'))('tooManyStudents', { count: studentCount, places, roomLimited: room && room.capacity < capacity ? 'yes' : 'no' });
    throw new AppError('VALIDATION', message, { studentIds: [message] });
  }
}

/** A series of the viewer's school, locked; NOT_FOUND otherwise. */
async function lockSeries(tx: Tx, viewer: Viewer, seriesId: string): Promise<LessonSeries> {
  const [row] = await tx
    .select()
    .from(lessonSeries)
    .where(and(eq(lessonSeries.id, seriesId), eq(lessonSeries.schoolId, viewer.schoolId)))
    .for('update');
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

async function language(): Promise<'pl' | 'en'> {
  return (await getLocale()) === 'en' ? 'en' : 'pl';
}

function resultOf(planned: PlannedSeries, cancelled?: number): SeriesResult {
  return { seriesId: planned.series.id, created: planned.created, skipped: planned.skipped, skippedClashes: planned.skippedClashes, ...(cancelled === undefined ? {} : { cancelled }) };
}

/** Clashes found before anything was written come back as data, not as an error. */
async function refusedOr<T>(viewer: Viewer, run: () => Promise<T>): Promise<T | Refused> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof SeriesClashError) return { clashes: await clashViews(err.clashes, viewer.timeZone) };
    throw err;
  }
}

async function answer<T extends object>(result: ActionResult<T | Refused>): Promise<ActionResult<T> | { ok: false; code: 'CONFLICT'; message: string; clashes: SeriesClashView[] }> {
  if (result.ok && 'clashes' in result.data) {
    const t = await getTranslations('series');
    return { ok: false, code: 'CONFLICT', message: t('clashesFound', { count: result.data.clashes.length }), clashes: result.data.clashes };
  }
  return result as ActionResult<T>;
}

function revalidateSeries() {
  revalidatePath('/admin/series');
  revalidatePath('/admin/calendar');
  revalidatePath('/tutor/calendar');
}

const plan = action(planSeriesSchema, { permission: 'series.manage', conflicts: lessonConflicts }, async (input, ctx) => {
  const lang = await language();
  const out = await refusedOr(ctx.viewer, () =>
    ctx.mutate(async (tx, audit) => {
      const { room } = await assertChoices(tx, ctx.viewer, input);
      await assertPlaces(input.kind, input.capacity, input.studentIds.length, room);
      const rule: SeriesRule = { ...input };
      const planned = await insertSeries(tx, { schoolId: ctx.viewer.schoolId, timeZone: ctx.viewer.timeZone, createdBy: ctx.viewer.userId }, rule, { skipClashes: input.skipClashes, language: lang });
      await audit({
        action: 'series.create',
        entityType: 'lesson_series',
        entityId: planned.series.id,
        after: { ...rule, lessonsCreated: planned.created, skippedDates: planned.skipped.map((s) => s.date), skippedClashes: planned.skippedClashes },
      });
      return resultOf(planned);
    }),
  );
  if (!('clashes' in out)) revalidateSeries();
  return out;
});

/**
 * Plans a weekly series. Every date is checked against the school's lessons in one query;
 * with clashes it answers CONFLICT listing each clashing date and creates nothing, unless
 * `skipClashes` is set: then the other dates are created and the clashing ones listed.
 */
export async function planSeriesAction(input: PlanSeriesInput) {
  return answer(await plan(input));
}

const updateFrom = action(updateSeriesFromSchema, { permission: 'series.manage', conflicts: lessonConflicts }, async (input, ctx) => {
  const lang = await language();
  const t = await getTranslations('series');
  if (input.fromDate < todayIn(ctx.viewer.timeZone)) {
    throw new AppError('VALIDATION', t('fromDateInPast'), { fromDate: [t('fromDateInPast')] });
  }
  const out = await refusedOr(ctx.viewer, () =>
    ctx.mutate(async (tx, audit, afterCommit) => {
      const before = await lockSeries(tx, ctx.viewer, input.seriesId);
      if (input.fromDate > before.lastDate) throw new AppError('VALIDATION', t('fromDateAfterEnd'), { fromDate: [t('fromDateAfterEnd')] });
      const studentIds = (await tx.select({ id: seriesStudents.studentId }).from(seriesStudents).where(eq(seriesStudents.seriesId, before.id))).map((s) => s.id);
      const { room } = await assertChoices(tx, ctx.viewer, { tutorId: input.tutorId, subjectId: before.subjectId, roomId: input.roomId, studentIds });
      await assertPlaces(before.kind, before.capacity, studentIds.length, room);
      // The old lessons from that date go first, so the new ones may take their slots.
      const cancelled = await cancelSeriesFrom(tx, before, input.fromDate, ctx.viewer.timeZone, t('changedReason'));
      const firstDate = input.fromDate < before.firstDate ? before.firstDate : input.fromDate;
      await tx
        .update(lessonSeries)
        .set({ lastDate: firstDate > before.firstDate ? dayBefore(firstDate) : before.firstDate, updatedAt: new Date() })
        .where(eq(lessonSeries.id, before.id));
      const rule: SeriesRule = {
        tutorId: input.tutorId,
        subjectId: before.subjectId,
        roomId: input.roomId,
        meetingUrl: input.meetingUrl,
        kind: before.kind,
        capacity: before.capacity,
        weekdays: input.weekdays,
        startTime: input.startTime,
        durationMinutes: input.durationMinutes,
        firstDate,
        lastDate: input.lastDate,
        studentIds,
      };
      const planned = await insertSeries(tx, { schoolId: ctx.viewer.schoolId, timeZone: ctx.viewer.timeZone, createdBy: ctx.viewer.userId }, rule, { skipClashes: input.skipClashes, language: lang });
      await audit({
        action: 'series.change_from',
        entityType: 'lesson_series',
        entityId: before.id,
        before: { tutorId: before.tutorId, roomId: before.roomId, meetingUrl: before.meetingUrl, weekdays: before.weekdays, startTime: before.startTime, durationMinutes: before.durationMinutes, lastDate: before.lastDate },
        after: { fromDate: input.fromDate, lessonsCancelled: cancelled.length, newSeriesId: planned.series.id, ...rule, lessonsCreated: planned.created, skippedClashes: planned.skippedClashes },
      });
      // People hear of each lesson as moved (to its replacement that week) or cancelled, in one message.
      const { moved, cancelled: dropped } = pairReplacedLessons(cancelled, planned.lessons, ctx.viewer.timeZone);
      const changes: LessonChange[] = [
        ...moved.map(([before, after]): LessonChange => ({ change: 'moved', before, after })),
        ...dropped.map((lesson): LessonChange => ({ change: 'cancelled', lesson, reason: t('changedReason') })),
      ];
      const events = await recordLessonChanges(tx, ctx.viewer.schoolId, changes, { actorUserId: ctx.viewer.userId });
      afterCommit(() => notifyAfterResponse(events));
      return resultOf(planned, cancelled.length);
    }),
  );
  if (!('clashes' in out)) revalidateSeries();
  return out;
});

/**
 * "This and the following": the series' lessons from `fromDate` on are cancelled (they have
 * no attendance, so nothing is charged) and planned again with the new time, place or tutor as
 * a new series continuing the old one; the old series ends the day before. Same clash rules as
 * planning: nothing changes while a new date clashes, unless the admin skips those dates.
 */
export async function updateSeriesFromAction(input: UpdateSeriesFromInput) {
  return answer(await updateFrom(input));
}

/**
 * Ends a series from a date: its scheduled lessons from then on are cancelled, never charged.
 * Their people get one message listing them.
 */
export const endSeriesAction = action(endSeriesSchema, { permission: 'series.manage' }, async (input: EndSeriesInput, ctx) => {
  const t = await getTranslations('series');
  if (input.fromDate < todayIn(ctx.viewer.timeZone)) throw new AppError('VALIDATION', t('fromDateInPast'), { fromDate: [t('fromDateInPast')] });
  const cancelled = await ctx.mutate(async (tx, audit, afterCommit) => {
    const before = await lockSeries(tx, ctx.viewer, input.seriesId);
    if (input.fromDate > before.lastDate) throw new AppError('VALIDATION', t('fromDateAfterEnd'), { fromDate: [t('fromDateAfterEnd')] });
    const reason = t('endedReason');
    const ended = await cancelSeriesFrom(tx, before, input.fromDate, ctx.viewer.timeZone, reason);
    const lastDate = input.fromDate > before.firstDate ? dayBefore(input.fromDate) : before.firstDate;
    await tx.update(lessonSeries).set({ lastDate, updatedAt: new Date() }).where(eq(lessonSeries.id, before.id));
    await audit({ action: 'series.end', entityType: 'lesson_series', entityId: before.id, before: { lastDate: before.lastDate }, after: { fromDate: input.fromDate, lastDate, lessonsCancelled: ended.length } });
    const events = await recordLessonChanges(
      tx,
      ctx.viewer.schoolId,
      ended.map((lesson): LessonChange => ({ change: 'cancelled', lesson, reason })),
      { actorUserId: ctx.viewer.userId },
    );
    afterCommit(() => notifyAfterResponse(events));
    return ended.length;
  });
  revalidateSeries();
  return { seriesId: input.seriesId, cancelled };
});

/**
 * What a series would create, before anything is written: its dates, the dates it skips
 * (holiday or closure, by name) and the dates that clash with lessons already booked.
 */
export const previewSeriesAction = action(planSeriesSchema, { permission: 'series.manage' }, async (input, ctx) => {
  const db = getDb();
  const { skipped, occurrences } = await seriesPlan(db, ctx.viewer.schoolId, ctx.viewer.timeZone, input, await language());
  const clashes = [...(await findClashes(db, ctx.viewer.schoolId, ctx.viewer.timeZone, occurrences, input)), ...(await availabilityClashes(db, ctx.viewer.schoolId, ctx.viewer.timeZone, input.tutorId, occurrences))].sort((a, b) => a.date.localeCompare(b.date));
  return {
    dates: occurrences.map((o) => ({ date: o.date, dateLabel: formatCalendarDate(o.date), time: formatTimeRange(o.start, o.end, ctx.viewer.timeZone) })),
    skipped: skipped.map((s) => ({ ...s, dateLabel: formatCalendarDate(s.date) })),
    clashes: await clashViews(clashes, ctx.viewer.timeZone),
  };
});
