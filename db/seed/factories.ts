import { randomUUID } from 'node:crypto';
import type { Queryable } from '../client';
import { insertSeries, type SeriesRule } from '../../lib/series/plan';
import {
  lessonAttendance,
  lessonNotes,
  tutorAvailability,
  tutorTimeOff,
  lessons,
  lessonStudents,
  parents,
  parentStudents,
  rooms,
  schoolClosures,
  schools,
  students,
  subjects,
  tutors,
  users,
  type NewLesson,
  type NewParent,
  type NewSchool,
  type NewStudent,
  type NewTutor,
  type NewUser,
  type Role,
  studentSubjects,
  tutorSubjects,
} from '../schema';
import { cancellationRequests, makeupCredits, payments, studentPrices, subjectPrices } from '../schema';

/**
 * Factories for tests and the demo seed: each creates one record with sensible defaults and
 * returns the row. Overrides win; emails are unique unless given.
 */

const uniqueEmail = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}@example.test`;

export async function createSchool(db: Queryable, overrides: Partial<NewSchool> = {}) {
  const slug = overrides.slug ?? `school-${randomUUID().slice(0, 8)}`;
  const [row] = await db
    .insert(schools)
    .values({ name: `Test school ${slug}`, city: 'Warszawa', voivodeship: 'mazowieckie', ...overrides, slug })
    .returning();
  return row;
}

export type CreateUserInput = Omit<NewUser, 'email' | 'name'> & { email?: string; name?: string; schoolId: string; role: Role };

export async function createUser(db: Queryable, input: CreateUserInput) {
  const [row] = await db
    .insert(users)
    .values({
      status: 'active',
      emailVerified: new Date(),
      ...input,
      email: (input.email ?? uniqueEmail(input.role)).toLowerCase(),
      name: input.name ?? `Test ${input.role}`,
    })
    .returning();
  return row;
}

type LoginOptions = { withLogin?: boolean; passwordHash?: string | null; userEmail?: string };

export async function createTutor(db: Queryable, input: Partial<NewTutor> & { schoolId: string } & LoginOptions) {
  const { withLogin = true, passwordHash = null, userEmail, ...values } = input;
  const firstName = values.firstName ?? 'Tomasz';
  const lastName = values.lastName ?? `Nauczyciel-${randomUUID().slice(0, 4)}`;
  const email = userEmail ?? values.email ?? uniqueEmail('tutor');
  const user = withLogin
    ? await createUser(db, { schoolId: input.schoolId, role: 'tutor', email, name: `${firstName} ${lastName}`, passwordHash })
    : null;
  const [row] = await db
    .insert(tutors)
    .values({ ...values, firstName, lastName, email, userId: user?.id ?? null })
    .returning();
  return { ...row, user };
}

export async function createStudent(db: Queryable, input: Partial<NewStudent> & { schoolId: string } & LoginOptions) {
  const { withLogin = false, passwordHash = null, userEmail, ...values } = input;
  const firstName = values.firstName ?? 'Zosia';
  const lastName = values.lastName ?? `Uczennica-${randomUUID().slice(0, 4)}`;
  const email = userEmail ?? values.email ?? (withLogin ? uniqueEmail('student') : null);
  const user = withLogin
    ? await createUser(db, { schoolId: input.schoolId, role: 'student', email: email!, name: `${firstName} ${lastName}`, passwordHash })
    : null;
  const [row] = await db
    .insert(students)
    .values({ level: 'primary', ...values, firstName, lastName, email, userId: user?.id ?? null })
    .returning();
  return { ...row, user };
}

export async function createParent(db: Queryable, input: Partial<NewParent> & { schoolId: string } & Omit<LoginOptions, 'passwordHash'>) {
  const { withLogin = true, userEmail, ...values } = input;
  const firstName = values.firstName ?? 'Katarzyna';
  const lastName = values.lastName ?? `Rodzic-${randomUUID().slice(0, 4)}`;
  const email = (userEmail ?? values.email ?? uniqueEmail('parent')).toLowerCase();
  // Parents sign in by magic link only: no password.
  const user = withLogin
    ? await createUser(db, { schoolId: input.schoolId, role: 'parent', email, name: `${firstName} ${lastName}`, passwordHash: null })
    : null;
  const [row] = await db
    .insert(parents)
    .values({ ...values, firstName, lastName, email, userId: user?.id ?? null })
    .returning();
  return { ...row, user };
}

export async function linkParent(
  db: Queryable,
  input: { schoolId: string; parentId: string; studentId: string; access?: 'view' | 'full'; isPayer?: boolean },
) {
  const [row] = await db
    .insert(parentStudents)
    .values({ access: 'full', isPayer: false, ...input })
    .returning();
  return row;
}

/** A parent (the payer, full access) with `children` linked children. */
export async function createFamily(db: Queryable, input: { schoolId: string; children?: number; lastName?: string }) {
  const lastName = input.lastName ?? `Rodzina-${randomUUID().slice(0, 4)}`;
  const parent = await createParent(db, { schoolId: input.schoolId, lastName });
  const children = [];
  for (let i = 0; i < (input.children ?? 1); i++) {
    const child = await createStudent(db, { schoolId: input.schoolId, lastName, firstName: ['Ola', 'Kuba', 'Iga', 'Staś'][i % 4] });
    await linkParent(db, { schoolId: input.schoolId, parentId: parent.id, studentId: child.id, access: 'full', isPayer: true });
    children.push(child);
  }
  return { parent, children };
}

export async function createSubject(db: Queryable, input: Partial<typeof subjects.$inferInsert> & { schoolId: string }) {
  const [row] = await db
    .insert(subjects)
    .values({ name: `Przedmiot ${randomUUID().slice(0, 6)}`, levels: ['primary', 'secondary'], ...input })
    .returning();
  return row;
}

export async function createRoom(db: Queryable, input: Partial<typeof rooms.$inferInsert> & { schoolId: string }) {
  const [row] = await db
    .insert(rooms)
    .values({ name: `Sala ${randomUUID().slice(0, 6)}`, ...input })
    .returning();
  return row;
}

/** Enrols a student in a subject, optionally with their usual tutor. */
export async function enrol(db: Queryable, input: { schoolId: string; studentId: string; subjectId: string; tutorId?: string | null }) {
  const [row] = await db.insert(studentSubjects).values(input).returning();
  return row;
}

/** Records that a tutor teaches a subject (at the subject's levels unless given). */
export async function teach(db: Queryable, input: { schoolId: string; tutorId: string; subjectId: string; levels?: ('primary' | 'secondary' | 'matura' | 'adult')[] }) {
  const [row] = await db.insert(tutorSubjects).values({ levels: ['primary', 'secondary'], ...input }).returning();
  return row;
}

export type CreateLessonInput = Partial<Omit<NewLesson, 'during'>> & {
  schoolId: string;
  tutorId: string;
  subjectId: string;
  /** When it starts; defaults to 1 December 2026, 16:00 Warsaw time. */
  start?: Date | string;
  /** When it ends; defaults to `minutes` after the start. */
  end?: Date | string;
  minutes?: number;
  studentIds?: string[];
};

/**
 * A lesson with its students. Without a room it is online (a meeting link is made up).
 * The database's constraints apply: an overlapping lesson makes this throw.
 */
export async function createLesson(db: Queryable, input: CreateLessonInput) {
  const { start = '2026-12-01T15:00:00Z', end, minutes = 60, studentIds = [], ...values } = input;
  const startAt = new Date(start);
  const endAt = end ? new Date(end) : new Date(startAt.getTime() + minutes * 60_000);
  // One transaction: a refused student leaves no lesson behind.
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(lessons)
      .values({
        meetingUrl: values.roomId ? null : `https://meet.example.test/${randomUUID().slice(0, 8)}`,
        ...values,
        during: { start: startAt, end: endAt },
      })
      .returning();
    if (studentIds.length) {
      await tx.insert(lessonStudents).values(studentIds.map((studentId) => ({ schoolId: input.schoolId, lessonId: row.id, studentId })));
    }
    return row;
  });
}

/** Adds students to an existing lesson (the capacity trigger applies). */
export async function addLessonStudents(db: Queryable, input: { schoolId: string; lessonId: string; studentIds: string[] }) {
  return db
    .insert(lessonStudents)
    .values(input.studentIds.map((studentId) => ({ schoolId: input.schoolId, lessonId: input.lessonId, studentId })))
    .returning();
}

/** Weekly working hours for a tutor: `[{ weekday: 2, start: '14:00', end: '20:00' }]` (1 = Monday). */
export async function setWeeklyHours(db: Queryable, input: { schoolId: string; tutorId: string; intervals: { weekday: number; start: string; end: string }[] }) {
  if (!input.intervals.length) return [];
  return db
    .insert(tutorAvailability)
    .values(input.intervals.map((i) => ({ schoolId: input.schoolId, tutorId: input.tutorId, weekday: i.weekday, startTime: i.start, endTime: i.end })))
    .returning();
}

/** Whole days off for a tutor, `firstDay` to `lastDay` inclusive ("2026-12-24"). */
export async function createTimeOff(db: Queryable, input: { schoolId: string; tutorId: string; firstDay: string; lastDay?: string; reason?: string | null }) {
  const [row] = await db
    .insert(tutorTimeOff)
    .values({ schoolId: input.schoolId, tutorId: input.tutorId, firstDay: input.firstDay, lastDay: input.lastDay ?? input.firstDay, reason: input.reason ?? null })
    .returning();
  return row;
}

/** Marks a student of a lesson (they must be in it); the lesson's status is left as it is. */
export async function markAttendance(
  db: Queryable,
  input: { schoolId: string; lessonId: string; studentId: string; status: 'present' | 'late' | 'absent' | 'excused'; markedBy?: string | null },
) {
  const [row] = await db.insert(lessonAttendance).values(input).returning();
  return row;
}

/** Writes what a lesson covered (topic, homework, note). */
export async function writeLessonNotes(
  db: Queryable,
  input: { schoolId: string; lessonId: string; topic?: string | null; homework?: string | null; note?: string | null },
) {
  const [row] = await db.insert(lessonNotes).values(input).returning();
  return row;
}

/**
 * A weekly series with all its lessons, through the same domain function the action uses
 * (holidays and the school's closures skipped, clashes refused unless `skipClashes`).
 * Defaults: online, Tuesdays 16:00 for 60 minutes in Warsaw, December 2026.
 */
export async function createSeries(
  db: Queryable,
  input: Partial<Omit<SeriesRule, 'tutorId' | 'subjectId'>> & { schoolId: string; tutorId: string; subjectId: string; timeZone?: string; createdBy?: string | null; skipClashes?: boolean },
) {
  const { schoolId, timeZone = 'Europe/Warsaw', createdBy = null, skipClashes, ...rule } = input;
  return db.transaction((tx) =>
    insertSeries(
      tx,
      { schoolId, timeZone, createdBy },
      {
        roomId: null,
        meetingUrl: rule.roomId ? null : `https://meet.example.test/${randomUUID().slice(0, 8)}`,
        kind: 'individual',
        capacity: 1,
        weekdays: [2],
        startTime: '16:00',
        durationMinutes: 60,
        firstDate: '2026-12-01',
        lastDate: '2026-12-29',
        studentIds: [],
        ...rule,
      },
      { skipClashes },
    ),
  );
}

/** A closure row only: booked lessons are cancelled by the action, not by this factory. */
export async function createClosure(db: Queryable, input: Partial<typeof schoolClosures.$inferInsert> & { schoolId: string; firstDay: string }) {
  const [row] = await db
    .insert(schoolClosures)
    .values({ name: 'Dzień wolny', kind: 'day_off', lastDay: input.firstDay, ...input })
    .returning();
  return row;
}

/**
 * A cancellation request for a student's lesson (pending unless given). `requestedBy` is the
 * user who asked: the student's or a parent's login.
 */
export async function createCancellationRequest(
  db: Queryable,
  input: { schoolId: string; lessonId: string; studentId: string; requestedBy: string } & Partial<typeof cancellationRequests.$inferInsert>,
) {
  const decided = input.status && input.status !== 'pending';
  const [row] = await db
    .insert(cancellationRequests)
    .values({ reason: 'Choroba', late: false, ...(decided ? { decidedAt: new Date() } : {}), ...input })
    .returning();
  return row;
}

/** An open makeup credit for a student, earned by `sourceLessonId`, usable for `days` days from now unless `expiresAt` is given. */
export async function createMakeupCredit(
  db: Queryable,
  input: { schoolId: string; studentId: string; sourceLessonId: string; days?: number } & Partial<typeof makeupCredits.$inferInsert>,
) {
  const { days = 30, ...values } = input;
  const [row] = await db
    .insert(makeupCredits)
    .values({ expiresAt: new Date(Date.now() + days * 86_400_000), ...values })
    .returning();
  return row;
}

/** A subject's prices per 60 minutes in grosze: one-to-one, and per student in a group (null: the same). */
export async function setSubjectPrice(db: Queryable, input: { schoolId: string; subjectId: string; individualPer60: number; groupPer60?: number | null }) {
  const [row] = await db
    .insert(subjectPrices)
    .values({ groupPer60: null, ...input })
    .onConflictDoUpdate({ target: subjectPrices.subjectId, set: { individualPer60: input.individualPer60, groupPer60: input.groupPer60 ?? null } })
    .returning();
  return row;
}

/** A student's own price per 60 minutes for a subject, in grosze. */
export async function setStudentPrice(db: Queryable, input: { schoolId: string; studentId: string; subjectId: string; per60: number }) {
  const [row] = await db.insert(studentPrices).values(input).returning();
  return row;
}

/** A payment from a payer (a parent, or a self-paying student), in grosze; allocation is the caller's (lib/billing reallocate). */
export async function createPayment(
  db: Queryable,
  input: { schoolId: string; amount: number; payerParentId?: string; payerStudentId?: string; invoiceId?: string; paidOn?: string; method?: 'transfer' | 'cash' | 'card' },
) {
  const [row] = await db
    .insert(payments)
    .values({ method: 'transfer', paidOn: '2026-12-01', ...input })
    .returning();
  return row;
}
