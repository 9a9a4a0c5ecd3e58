import 'server-only';
import { and, count, eq, inArray } from 'drizzle-orm';
import {
  cancellationRequests,
  lessonAttendance,
  lessons,
  lessonStudents,
  makeupCredits,
  rooms,
  students,
  subjects,
  tutors,
  type Lesson,
} from '@/db/schema';
import type { Audit } from '@/lib/action';
import { checkAvailability } from '@/lib/availability/check';
import { can } from '@/lib/auth/permissions';
import type { Viewer } from '@/lib/auth/viewer';
import type { Tx } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { recordLessonChanges } from '@/lib/notifications/events';
import { studentVisibility } from '@/lib/students/queries';
import { lessonsT, ownTutorId } from './create';
import { placesOf } from './rules';
import type { UpdateLesson } from './schema';

// Editing a planned lesson: its subject, room or link, kind and places, its students and (an
// admin only) its tutor. Its time changes by moving it (moveLessonAction). Not a 'use server'
// module: nothing here is an endpoint.

/**
 * A lesson of the viewer's school that the viewer may change, locked for the rest of the
 * transaction: admins any, tutors their own. NOT_FOUND for anyone else's (ids cannot be probed).
 */
export async function lockLesson(tx: Tx, viewer: Viewer, lessonId: string): Promise<Lesson> {
  const [row] = await tx
    .select()
    .from(lessons)
    .where(and(eq(lessons.id, lessonId), eq(lessons.schoolId, viewer.schoolId)))
    .for('update');
  if (!row) throw new AppError('NOT_FOUND');
  if (!can(viewer.role, 'lessons.manageAll') && row.tutorId !== (await ownTutorId(tx, viewer))) throw new AppError('NOT_FOUND');
  return row;
}

const editable = ['tutorId', 'subjectId', 'roomId', 'meetingUrl', 'kind', 'capacity'] as const;
type Editable = Pick<Lesson, (typeof editable)[number]>;

const name = (s: { firstName: string; lastName: string }) => `${s.firstName} ${s.lastName}`;
const refuse = (code: 'VALIDATION' | 'CONFLICT' | 'FORBIDDEN', field: string, message: string) => new AppError(code, message, { [field]: [message] });

/**
 * Changes a scheduled lesson in `tx` as `viewer` and writes one `lesson.update` audit row with
 * the changed fields before and after (ids, not names).
 *
 * - Admins edit any lesson of the school and may hand it to another active tutor (whose hours
 *   are checked as on planning, with the same audited override); tutors edit only their own
 *   lessons and keep them.
 * - Only a scheduled lesson: a cancelled or completed one is refused with a sentence.
 * - What changes is checked against the school; what stays is not re-judged (a room closed
 *   since the lesson was planned does not block changing its students). A student who joins
 *   must be active and, for a tutor, one of the students they may see.
 * - A student leaves only when nothing depends on their seat: a pending cancellation request
 *   is decided first (approving it takes them out and may earn a makeup credit), and a student
 *   whose attendance is marked stays (the mark is the record of who came). A makeup credit
 *   the lesson used for a student who leaves is given back, open again until it expires.
 * - Who joins and who leaves is judged against the students the form started from, so a
 *   change someone else made meanwhile is kept, not undone.
 * - Places: never fewer than the students who stay, nor more students than the room holds.
 *   The database refuses a room or student busy at the lesson's time and a group that fills
 *   up meanwhile (named conflicts, see lessonConflicts).
 * - When the students left are all marked, the lesson completes, as marking the last one does.
 * - A new room or link is news for the people of a lesson still ahead: a `lesson-changed`
 *   event is written with the change (its ids returned, to be handed on after the commit).
 */
export async function updateLesson(tx: Tx, viewer: Viewer, input: UpdateLesson, audit: Audit): Promise<{ lesson: Lesson; studentIds: string[]; eventIds: string[] }> {
  const t = await lessonsT();
  const before = await lockLesson(tx, viewer, input.lessonId);
  if (before.status === 'cancelled') throw new AppError('CONFLICT', t('editCancelled'));
  if (before.status !== 'scheduled') throw new AppError('CONFLICT', t('editCompleted'));

  const next: Editable = {
    tutorId: input.tutorId ?? before.tutorId,
    subjectId: input.subjectId,
    roomId: input.roomId,
    meetingUrl: input.meetingUrl,
    kind: input.kind,
    capacity: input.kind === 'individual' ? 1 : input.capacity,
  };
  const changed = editable.filter((key) => next[key] !== before[key]);
  if (changed.includes('tutorId') && !can(viewer.role, 'lessons.manageAll')) throw refuse('FORBIDDEN', 'tutorId', t('onlyAdminChangesTutor'));

  const current = (await tx.select({ studentId: lessonStudents.studentId }).from(lessonStudents).where(eq(lessonStudents.lessonId, before.id))).map((r) => r.studentId);
  // Who joins and who leaves, from what the form started with; someone else's change made
  // meanwhile stays (see knownStudentIds).
  const known = input.knownStudentIds ?? current;
  const added = input.studentIds.filter((id) => !known.includes(id) && !current.includes(id));
  const removed = known.filter((id) => !input.studentIds.includes(id) && current.includes(id));
  const final = [...current.filter((id) => !removed.includes(id)), ...added];
  if (!changed.length && !added.length && !removed.length) throw new AppError('CONFLICT', t('nothingChanged'));
  // An individual lesson whose student was changed by someone else meanwhile.
  if (next.kind === 'individual' && final.length !== 1) throw refuse('CONFLICT', 'studentIds', t('changedMeanwhile'));

  // Every new choice belongs to the school and may be chosen; anything else is NOT_FOUND.
  if (changed.includes('tutorId')) {
    const [tutor] = await tx.select().from(tutors).where(and(eq(tutors.id, next.tutorId), eq(tutors.schoolId, viewer.schoolId)));
    if (!tutor) throw new AppError('NOT_FOUND');
    if (tutor.status !== 'active') throw refuse('VALIDATION', 'tutorId', t('tutorNotActive', { name: name(tutor) }));
  }
  if (changed.includes('subjectId')) {
    const [subject] = await tx.select().from(subjects).where(and(eq(subjects.id, next.subjectId), eq(subjects.schoolId, viewer.schoolId)));
    if (!subject) throw new AppError('NOT_FOUND');
    if (subject.archivedAt) throw refuse('VALIDATION', 'subjectId', t('archived', { name: subject.name }));
  }
  const [room] = next.roomId ? await tx.select().from(rooms).where(and(eq(rooms.id, next.roomId), eq(rooms.schoolId, viewer.schoolId))) : [];
  if (next.roomId && !room) throw new AppError('NOT_FOUND');
  if (changed.includes('roomId') && room && !room.isActive) throw refuse('VALIDATION', 'roomId', t('archived', { name: room.name }));
  if (added.length) {
    const joining = await tx
      .select({ id: students.id, firstName: students.firstName, lastName: students.lastName, status: students.status })
      .from(students)
      .where(and(inArray(students.id, added), studentVisibility(viewer)));
    if (joining.length !== added.length) throw new AppError('NOT_FOUND');
    const archived = joining.find((s) => s.status === 'archived');
    if (archived) throw refuse('VALIDATION', 'studentIds', t('studentArchived', { name: name(archived) }));
    const paused = joining.find((s) => s.status !== 'active');
    if (paused) throw refuse('VALIDATION', 'studentIds', t('studentNotActive', { name: name(paused) }));
  }

  // A student leaves only when no request or mark hangs on their seat.
  if (removed.length) {
    const leaving = await tx
      .select({
        id: students.id,
        firstName: students.firstName,
        lastName: students.lastName,
        pending: cancellationRequests.id,
        mark: lessonAttendance.status,
      })
      .from(students)
      .leftJoin(
        cancellationRequests,
        and(eq(cancellationRequests.lessonId, before.id), eq(cancellationRequests.studentId, students.id), eq(cancellationRequests.status, 'pending')),
      )
      .leftJoin(lessonAttendance, and(eq(lessonAttendance.lessonId, before.id), eq(lessonAttendance.studentId, students.id)))
      .where(inArray(students.id, removed));
    const asked = leaving.find((s) => s.pending);
    if (asked) throw refuse('CONFLICT', 'studentIds', t('removePendingRequest', { name: name(asked) }));
    const marked = leaving.find((s) => s.mark);
    if (marked) throw refuse('CONFLICT', 'studentIds', t('removeMarked', { name: name(marked) }));
  }

  // As on planning: a group never holds more than its places or its room (the trigger guards races too).
  const places = placesOf(next.capacity, room?.capacity);
  if (final.length > places) {
    const message = t('tooManyStudents', { count: final.length, places, roomLimited: room && room.capacity < next.capacity ? 'yes' : 'no' });
    throw refuse('VALIDATION', next.kind === 'group' && !(room && room.capacity < next.capacity) ? 'capacity' : 'studentIds', message);
  }

  // Another tutor takes the lesson at its time: their hours and days off count, as on planning.
  const availabilityOverride = changed.includes('tutorId') ? await checkAvailability(tx, viewer, next.tutorId, before.during, input.overrideAvailability) : undefined;

  // Leavers first, so the places they free count; then the lesson (the room and tutor
  // constraints judge it); then the newcomers (the student constraint and the capacity
  // trigger judge each one against the lesson as it now is).
  let returnedCredits: string[] = [];
  if (removed.length) {
    await tx.delete(lessonStudents).where(and(eq(lessonStudents.lessonId, before.id), inArray(lessonStudents.studentId, removed)));
    // A makeup this lesson used for a leaver is owed again (the expiry job still ends it on time).
    returnedCredits = (
      await tx
        .update(makeupCredits)
        .set({ status: 'open', usedByLessonId: null, usedAt: null })
        .where(and(eq(makeupCredits.schoolId, viewer.schoolId), eq(makeupCredits.usedByLessonId, before.id), inArray(makeupCredits.studentId, removed)))
        .returning({ id: makeupCredits.id })
    ).map((c) => c.id);
  }
  const now = new Date();
  let [row] = await tx
    .update(lessons)
    .set({ ...next, updatedAt: now })
    .where(eq(lessons.id, before.id))
    .returning();
  if (added.length) {
    await tx.insert(lessonStudents).values(added.map((studentId) => ({ schoolId: viewer.schoolId, lessonId: before.id, studentId })));
  }
  if (removed.length && final.length) {
    const [{ marked }] = await tx
      .select({ marked: count() })
      .from(lessonAttendance)
      .where(and(eq(lessonAttendance.lessonId, before.id), inArray(lessonAttendance.studentId, final)));
    if (marked === final.length) {
      [row] = await tx.update(lessons).set({ status: 'completed', updatedAt: now }).where(eq(lessons.id, before.id)).returning();
    }
  }

  const pick = (l: Editable) => Object.fromEntries(changed.map((key) => [key, l[key]]));
  const studentsChanged = added.length > 0 || removed.length > 0;
  await audit({
    action: 'lesson.update',
    entityType: 'lesson',
    entityId: before.id,
    before: { ...pick(before), ...(studentsChanged ? { studentIds: current } : {}), ...(row.status !== before.status ? { status: before.status } : {}) },
    after: {
      ...pick(row),
      ...(studentsChanged ? { studentIds: final, added, removed } : {}),
      ...(returnedCredits.length ? { returnedCreditIds: returnedCredits } : {}),
      ...(row.status !== before.status ? { status: row.status } : {}),
      ...(availabilityOverride ? { availabilityOverride } : {}),
    },
  });
  const eventIds = await recordLessonChanges(tx, viewer.schoolId, [{ change: 'moved', before, after: row }], { actorUserId: viewer.userId, now });
  return { lesson: row, studentIds: final, eventIds };
}
