import 'server-only';
import { aliasedTable, and, asc, count, desc, eq, exists, gt, ne, sql, type SQL } from 'drizzle-orm';
import { cancellationRequests, lessons, lessonStudents, makeupCredits, parents, parentStudents, schools, students, subjects, tutors, users } from '@/db/schema';
import { can } from '@/lib/auth/permissions';
import type { Viewer } from '@/lib/auth/viewer';
import { totalOf } from '@/lib/list/paginate';
import { getDb } from '@/lib/db';
import { polishOrder } from '@/lib/db/sql';
import { isUuid } from '@/lib/students/queries';

/**
 * Reads for cancellations and makeup credits, each scoped to the viewer: a student sees their
 * own, a parent their children's (view or full access — only `full` may ask, see
 * `canRequest`), a tutor the requests for lessons they teach, an admin the school's.
 */

/** The students whose lessons the viewer (a student or a parent) follows, as a condition on `column`. */
function familyStudents(viewer: Viewer, column: typeof students.id | typeof cancellationRequests.studentId | typeof makeupCredits.studentId): SQL {
  const db = getDb();
  if (viewer.role === 'student') {
    // An alias: `column` may itself be `students.id` of the outer query.
    const own = aliasedTable(students, 'own_student');
    return exists(db.select({ one: sql`1` }).from(own).where(and(eq(own.id, column), eq(own.userId, viewer.userId), eq(own.schoolId, viewer.schoolId))));
  }
  if (viewer.role === 'parent') {
    return exists(
      db
        .select({ one: sql`1` })
        .from(parentStudents)
        .innerJoin(parents, eq(parents.id, parentStudents.parentId))
        .where(and(eq(parentStudents.studentId, column), eq(parents.userId, viewer.userId), eq(parentStudents.schoolId, viewer.schoolId))),
    );
  }
  return sql`false`;
}

/** Whether the viewer may ask to cancel for the student in `column`: the student themself, or a parent with `full` access. */
function mayRequest(viewer: Viewer, column: typeof students.id): SQL<boolean> {
  if (viewer.role === 'student') return sql<boolean>`true`;
  if (viewer.role !== 'parent') return sql<boolean>`false`;
  return sql<boolean>`exists (select 1 from ${parentStudents} inner join ${parents} on ${parents.id} = ${parentStudents.parentId}
    where ${parentStudents.studentId} = ${column} and ${parents.userId} = ${viewer.userId} and ${parentStudents.access} = 'full')`;
}

/**
 * An optional narrowing to one student (a parent's chosen child), on top of the viewer's own
 * scope: it never widens what the viewer sees. `false` for an id that is not a uuid.
 */
function onlyStudent(column: typeof students.id | typeof cancellationRequests.studentId | typeof makeupCredits.studentId, studentId: string | undefined): SQL | undefined {
  if (studentId === undefined) return undefined;
  return isUuid(studentId) ? eq(column, studentId) : sql`false`;
}

export type CancellableLesson = {
  lessonId: string;
  studentId: string;
  studentName: string;
  subjectName: string;
  tutorName: string;
  start: Date;
  end: Date;
  canRequest: boolean;
  pendingRequestId: string | null;
  /** The school's rules the request dialog states, read with the lesson (no query of its own). */
  policy: { noticeHours: number; creditDays: number; lateCharged: boolean };
};

/**
 * The next `limit` scheduled lessons (within 60 days) of the viewer's own students — the
 * student themself or a parent's children — with whether the viewer may ask to cancel and
 * the pending request, if one is waiting. `studentId` narrows to one of them.
 */
export async function listUpcomingLessons(
  viewer: Viewer,
  { now = new Date(), limit = 20, studentId }: { now?: Date; limit?: number; studentId?: string } = {},
): Promise<CancellableLesson[]> {
  if (!can(viewer.role, 'cancellations.read') || (viewer.role !== 'student' && viewer.role !== 'parent')) return [];
  const until = new Date(now.getTime() + 60 * 86_400_000);
  const rows = await getDb()
    .select({
      lessonId: lessons.id,
      studentId: students.id,
      firstName: students.firstName,
      lastName: students.lastName,
      subjectName: subjects.name,
      tutorFirst: tutors.firstName,
      tutorLast: tutors.lastName,
      during: lessons.during,
      canRequest: mayRequest(viewer, students.id),
      pendingRequestId: sql<string | null>`(select ${cancellationRequests.id} from ${cancellationRequests}
        where ${cancellationRequests.lessonId} = ${lessons.id} and ${cancellationRequests.studentId} = ${students.id} and ${cancellationRequests.status} = 'pending')`,
      noticeHours: schools.cancellationNoticeHours,
      creditDays: schools.makeupCreditDays,
      lateCharged: schools.lateCancellationCharged,
    })
    .from(lessonStudents)
    .innerJoin(lessons, eq(lessons.id, lessonStudents.lessonId))
    .innerJoin(schools, eq(schools.id, lessons.schoolId))
    .innerJoin(students, eq(students.id, lessonStudents.studentId))
    .innerJoin(subjects, eq(subjects.id, lessons.subjectId))
    .innerJoin(tutors, eq(tutors.id, lessons.tutorId))
    .where(
      and(
        eq(lessons.schoolId, viewer.schoolId),
        eq(lessons.status, 'scheduled'),
        sql`lower(${lessons.during}) > ${now.toISOString()}::timestamptz and lower(${lessons.during}) < ${until.toISOString()}::timestamptz`,
        familyStudents(viewer, students.id),
        onlyStudent(students.id, studentId),
      ),
    )
    .orderBy(sql`lower(${lessons.during})`, asc(students.firstName), asc(lessons.id))
    .limit(limit);
  return rows.map((r) => ({
    lessonId: r.lessonId,
    studentId: r.studentId,
    studentName: `${r.firstName} ${r.lastName}`,
    subjectName: r.subjectName,
    tutorName: `${r.tutorFirst} ${r.tutorLast}`,
    start: r.during.start,
    end: r.during.end,
    canRequest: Boolean(r.canRequest),
    pendingRequestId: r.pendingRequestId,
    policy: { noticeHours: r.noticeHours, creditDays: r.creditDays, lateCharged: r.lateCharged },
  }));
}

export type RequestRow = {
  id: string;
  status: 'pending' | 'approved' | 'rejected' | 'withdrawn';
  late: boolean;
  reason: string;
  decisionNote: string | null;
  createdAt: Date;
  decidedAt: Date | null;
  lessonId: string;
  lessonKind: 'individual' | 'group';
  start: Date;
  end: Date;
  subjectName: string;
  tutorName: string;
  studentId: string;
  studentName: string;
  requestedByName: string | null;
  creditExpiresAt: Date | null;
};

/** Which requests the viewer may see, as one condition on `cancellation_requests` (joined to its lesson). */
function requestVisibility(viewer: Viewer): SQL {
  const school = eq(cancellationRequests.schoolId, viewer.schoolId);
  switch (viewer.role) {
    case 'admin':
      return school;
    case 'tutor':
      return and(school, exists(getDb().select({ one: sql`1` }).from(tutors).where(and(eq(tutors.id, lessons.tutorId), eq(tutors.userId, viewer.userId)))))!;
    default:
      return and(school, familyStudents(viewer, cancellationRequests.studentId))!;
  }
}

/** A page of a list: the rows, how many there are in all, and where the page is. */
export type ListPage<T> = { rows: T[]; total: number; page: number; pageSize: number };

/** Decided requests as a filter takes them: one outcome, or every decided one. */
export const decidedStatuses = ['approved', 'rejected', 'withdrawn'] as const;
export type DecidedStatus = (typeof decidedStatuses)[number];

const requestColumns = {
  id: cancellationRequests.id,
  status: cancellationRequests.status,
  late: cancellationRequests.late,
  reason: cancellationRequests.reason,
  decisionNote: cancellationRequests.decisionNote,
  createdAt: cancellationRequests.createdAt,
  decidedAt: cancellationRequests.decidedAt,
  lessonId: lessons.id,
  lessonKind: lessons.kind,
  during: lessons.during,
  subjectName: subjects.name,
  tutorFirst: tutors.firstName,
  tutorLast: tutors.lastName,
  studentId: students.id,
  firstName: students.firstName,
  lastName: students.lastName,
  requestedByName: users.name,
  creditExpiresAt: sql<string | null>`(select ${makeupCredits.expiresAt} from ${makeupCredits} where ${makeupCredits.requestId} = ${cancellationRequests.id})`,
};

/** Requests with their lesson, student, subject, tutor and requester, narrowed by `where` (which must include `requestVisibility`). */
function selectRequests(where: SQL | undefined) {
  return getDb()
    .select(requestColumns)
    .from(cancellationRequests)
    .innerJoin(lessons, eq(lessons.id, cancellationRequests.lessonId))
    .innerJoin(students, eq(students.id, cancellationRequests.studentId))
    .innerJoin(subjects, eq(subjects.id, lessons.subjectId))
    .innerJoin(tutors, eq(tutors.id, lessons.tutorId))
    .leftJoin(users, eq(users.id, cancellationRequests.requestedBy))
    .where(where)
    .$dynamic();
}

function toRequestRow(r: Awaited<ReturnType<typeof selectRequests>>[number]): RequestRow {
  return {
    id: r.id,
    status: r.status,
    late: r.late,
    reason: r.reason,
    decisionNote: r.decisionNote,
    createdAt: r.createdAt,
    decidedAt: r.decidedAt,
    lessonId: r.lessonId,
    lessonKind: r.lessonKind,
    start: r.during.start,
    end: r.during.end,
    subjectName: r.subjectName,
    tutorName: `${r.tutorFirst} ${r.tutorLast}`,
    studentId: r.studentId,
    studentName: `${r.firstName} ${r.lastName}`,
    requestedByName: r.requestedByName,
    creditExpiresAt: r.creditExpiresAt ? new Date(r.creditExpiresAt) : null,
  };
}

/** Pending requests are few and each needs a decision: all are listed. The cap only guards the page. */
const PENDING_CAP = 500;

/**
 * Every request the viewer may see that waits for a decision, soonest lesson first (the one
 * to decide before it happens). `studentId` narrows to one student's.
 */
export async function listPendingRequests(viewer: Viewer, { studentId }: { studentId?: string } = {}): Promise<RequestRow[]> {
  if (!can(viewer.role, 'cancellations.read')) return [];
  const rows = await selectRequests(and(requestVisibility(viewer), eq(cancellationRequests.status, 'pending'), onlyStudent(cancellationRequests.studentId, studentId)))
    .orderBy(sql`lower(${lessons.during})`, asc(cancellationRequests.createdAt), asc(cancellationRequests.id))
    .limit(PENDING_CAP);
  return rows.map(toRequestRow);
}

/**
 * One page of the decided requests the viewer may see (approved, rejected, withdrawn, or
 * only `status`), the most recently decided first, with how many there are in all.
 * `studentId` narrows to one student's.
 */
export async function listDecidedRequests(
  viewer: Viewer,
  { status, page = 1, pageSize = 20, studentId }: { status?: DecidedStatus; page?: number; pageSize?: number; studentId?: string } = {},
): Promise<ListPage<RequestRow>> {
  if (!can(viewer.role, 'cancellations.read')) return { rows: [], total: 0, page: 1, pageSize };
  const where = and(
    requestVisibility(viewer),
    status ? eq(cancellationRequests.status, status) : ne(cancellationRequests.status, 'pending'),
    onlyStudent(cancellationRequests.studentId, studentId),
  );
  const rows = await selectRequests(where)
    .orderBy(desc(cancellationRequests.decidedAt), desc(cancellationRequests.createdAt), desc(cancellationRequests.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const total = await totalOf(rows.length, page, pageSize, async () => {
    // The visibility of a tutor reads the lesson: the count joins it too, nothing else.
    const [{ n }] = await getDb().select({ n: count() }).from(cancellationRequests).innerJoin(lessons, eq(lessons.id, cancellationRequests.lessonId)).where(where);
    return n;
  });
  return { rows: rows.map(toRequestRow), total, page, pageSize };
}

export type OpenCredit = { id: string; studentId: string; studentName: string; subjectName: string; sourceTutorId: string; sourceStart: Date; expiresAt: Date };

/**
 * Which makeup credits the viewer may see, as a condition on `makeup_credits` joined to the
 * lesson that earned it: a student's own, a parent's children's, a tutor's from their own
 * lessons, all of the school for an admin.
 */
function creditVisibility(viewer: Viewer): SQL {
  const school = eq(makeupCredits.schoolId, viewer.schoolId);
  switch (viewer.role) {
    case 'admin':
      return school;
    case 'tutor':
      return and(school, exists(getDb().select({ one: sql`1` }).from(tutors).where(and(eq(tutors.id, lessons.tutorId), eq(tutors.userId, viewer.userId)))))!;
    default:
      return and(school, familyStudents(viewer, makeupCredits.studentId))!;
  }
}

/**
 * One page of the open makeup credits still usable at `now`, soonest to expire first (the
 * ones to book before they are lost), with how many there are in all: a student's own, a
 * parent's children's, a tutor's from their own lessons, all of the school for an admin.
 * `studentId` narrows to one student's.
 */
export async function listOpenCredits(
  viewer: Viewer,
  { now = new Date(), page = 1, pageSize = 50, studentId }: { now?: Date; page?: number; pageSize?: number; studentId?: string } = {},
): Promise<ListPage<OpenCredit>> {
  if (!can(viewer.role, 'cancellations.read')) return { rows: [], total: 0, page: 1, pageSize };
  const where = and(creditVisibility(viewer), eq(makeupCredits.status, 'open'), gt(makeupCredits.expiresAt, now), onlyStudent(makeupCredits.studentId, studentId));
  const rows = await getDb()
    .select({
      id: makeupCredits.id,
      studentId: students.id,
      firstName: students.firstName,
      lastName: students.lastName,
      subjectName: subjects.name,
      sourceTutorId: lessons.tutorId,
      during: lessons.during,
      expiresAt: makeupCredits.expiresAt,
    })
    .from(makeupCredits)
    .innerJoin(students, eq(students.id, makeupCredits.studentId))
    .innerJoin(lessons, eq(lessons.id, makeupCredits.sourceLessonId))
    .innerJoin(subjects, eq(subjects.id, lessons.subjectId))
    .where(where)
    .orderBy(asc(makeupCredits.expiresAt), asc(makeupCredits.createdAt), asc(makeupCredits.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const total = await totalOf(rows.length, page, pageSize, async () => {
    const [{ n }] = await getDb().select({ n: count() }).from(makeupCredits).innerJoin(lessons, eq(lessons.id, makeupCredits.sourceLessonId)).where(where);
    return n;
  });
  return {
    rows: rows.map((r) => ({ id: r.id, studentId: r.studentId, studentName: `${r.firstName} ${r.lastName}`, subjectName: r.subjectName, sourceTutorId: r.sourceTutorId, sourceStart: r.during.start, expiresAt: r.expiresAt })),
    total,
    page,
    pageSize,
  };
}

export type MakeupToSchedule = {
  studentId: string;
  studentName: string;
  subjectId: string;
  subjectName: string;
  subjectColor: string;
  /** Open credits of this student earned in lessons of this subject. */
  credits: number;
  /** When the first of them stops being usable (the one to book first). */
  earliestExpiresAt: Date;
};

/** A tutor's or admin's list of makeups to book is short by nature; the cap only guards the page. */
const TO_SCHEDULE_CAP = 100;

/**
 * The makeup lessons still to book, per student and subject: how many open credits each has
 * (usable at `now`) and when the first of them runs out, soonest first. A tutor gets the
 * credits earned in their own lessons, an admin the school's; students of the archive are
 * left out (nobody books for them). Staff only: one aggregate query.
 */
export async function listMakeupsToSchedule(viewer: Viewer, { now = new Date() }: { now?: Date } = {}): Promise<MakeupToSchedule[]> {
  if (!can(viewer.role, 'makeups.book')) return [];
  const earliest = sql<Date | string>`min(${makeupCredits.expiresAt})`;
  const rows = await getDb()
    .select({
      studentId: students.id,
      firstName: students.firstName,
      lastName: students.lastName,
      subjectId: subjects.id,
      subjectName: subjects.name,
      subjectColor: subjects.color,
      credits: sql<number>`count(*)::int`,
      earliestExpiresAt: earliest,
    })
    .from(makeupCredits)
    .innerJoin(students, eq(students.id, makeupCredits.studentId))
    .innerJoin(lessons, eq(lessons.id, makeupCredits.sourceLessonId))
    .innerJoin(subjects, eq(subjects.id, lessons.subjectId))
    .where(and(creditVisibility(viewer), eq(makeupCredits.status, 'open'), gt(makeupCredits.expiresAt, now), ne(students.status, 'archived')))
    .groupBy(students.id, subjects.id)
    .orderBy(earliest, ...polishOrder(students.lastName), ...polishOrder(students.firstName), asc(students.id), asc(subjects.id))
    .limit(TO_SCHEDULE_CAP);
  return rows.map((r) => ({
    studentId: r.studentId,
    studentName: `${r.firstName} ${r.lastName}`,
    subjectId: r.subjectId,
    subjectName: r.subjectName,
    subjectColor: r.subjectColor,
    credits: Number(r.credits),
    earliestExpiresAt: new Date(r.earliestExpiresAt),
  }));
}
