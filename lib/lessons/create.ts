import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import { getTranslations } from 'next-intl/server';
import { lessons, lessonStudents, rooms, students, subjects, tutors, type Lesson } from '@/db/schema';
import type { Audit } from '@/lib/action';
import { checkAvailability } from '@/lib/availability/check';
import { can } from '@/lib/auth/permissions';
import type { Viewer } from '@/lib/auth/viewer';
import type { Tx } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { placesOf } from './rules';
import type { CreateLesson } from './schema';

// The steps of planning a lesson, inside the caller's transaction, so that other domains
// (a makeup booking) plan lessons by the same rules. Not a 'use server' module: nothing here
// is an endpoint.

export async function lessonsT() {
  return getTranslations('lessons');
}

/** The tutor record of a signed-in tutor, or undefined for anyone else. */
export async function ownTutorId(tx: Tx, viewer: Viewer): Promise<string | undefined> {
  if (viewer.role !== 'tutor') return undefined;
  const [row] = await tx
    .select({ id: tutors.id })
    .from(tutors)
    .where(and(eq(tutors.userId, viewer.userId), eq(tutors.schoolId, viewer.schoolId)));
  return row?.id;
}

/**
 * Every id the client sent belongs to the viewer's school and may be chosen for a new
 * lesson: an active tutor, a subject and a room that are not archived, students who are not
 * archived. Anything else answers NOT_FOUND (another school's id is never confirmed to exist).
 */
export async function assertChoices(tx: Tx, viewer: Viewer, input: { tutorId: string; subjectId: string; roomId: string | null; studentIds: string[] }) {
  const t = await lessonsT();
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
  return { tutor, subject, room: room ?? null };
}

export const snapshot = (l: Pick<Lesson, 'tutorId' | 'subjectId' | 'roomId' | 'meetingUrl' | 'during' | 'kind' | 'capacity' | 'status'>) => ({
  tutorId: l.tutorId,
  subjectId: l.subjectId,
  roomId: l.roomId,
  meetingUrl: l.meetingUrl,
  start: l.during.start.toISOString(),
  end: l.during.end.toISOString(),
  kind: l.kind,
  capacity: l.capacity,
  status: l.status,
});

/**
 * Plans a lesson in `tx` as `viewer`: an admin for any tutor, a tutor only for themself; every
 * id checked against the school; the tutor's availability and the group's places respected;
 * audited. The database refuses a tutor, room or student who is busy at that time (named
 * conflicts, see lessonConflicts).
 */
export async function createLesson(tx: Tx, viewer: Viewer, input: CreateLesson, audit: Audit): Promise<Lesson> {
  if (!can(viewer.role, 'lessons.manageAll') && input.tutorId !== (await ownTutorId(tx, viewer))) {
    const message = (await lessonsT())('onlyOwnLessons');
    throw new AppError('FORBIDDEN', message, { tutorId: [message] });
  }
  const { room } = await assertChoices(tx, viewer, input);
  // Outside the tutor's hours or on their day off: refused, unless an admin overrides (audited).
  const availabilityOverride = await checkAvailability(tx, viewer, input.tutorId, input, input.overrideAvailability);
  // A group never holds more than its places or its room; the trigger guards races too.
  const places = placesOf(input.capacity, room?.capacity);
  if (input.studentIds.length > places) {
    const message = (await lessonsT())('tooManyStudents', { count: input.studentIds.length, places, roomLimited: room && room.capacity < input.capacity ? 'yes' : 'no' });
    throw new AppError('VALIDATION', message, { studentIds: [message] });
  }
  const [row] = await tx
    .insert(lessons)
    .values({
      schoolId: viewer.schoolId,
      tutorId: input.tutorId,
      subjectId: input.subjectId,
      roomId: input.roomId,
      meetingUrl: input.meetingUrl,
      during: { start: input.start, end: input.end },
      kind: input.kind,
      capacity: input.kind === 'individual' ? 1 : input.capacity,
    })
    .returning();
  if (input.studentIds.length) {
    await tx.insert(lessonStudents).values(input.studentIds.map((studentId) => ({ schoolId: viewer.schoolId, lessonId: row.id, studentId })));
  }
  await audit({ action: 'lesson.create', entityType: 'lesson', entityId: row.id, after: { ...snapshot(row), studentIds: input.studentIds, ...(availabilityOverride ? { availabilityOverride } : {}) } });
  return row;
}
