import 'server-only';
import { cache } from 'react';
import { and, asc, count, desc, eq, exists, inArray, isNull, ne, or, sql, type SQL } from 'drizzle-orm';
import { auditLog, lessons, students, studentSubjects, subjects, tutors, tutorSubjects, users } from '@/db/schema';
import { can } from '@/lib/auth/permissions';
import type { Viewer } from '@/lib/auth/viewer';
import { getDb, type Queryable } from '@/lib/db';
import { polishOrder } from '@/lib/db/sql';
import { emptyPage, paginate } from '@/lib/list/paginate';
import { foldedSearch } from '@/lib/search';
import { isUuid } from '@/lib/students/queries';
import type { TutorListFilters } from './schema';

export const TUTORS_PAGE_SIZE = 25;

const inSchool = (viewer: Viewer) => eq(tutors.schoolId, viewer.schoolId);

/** Distinct students who have this tutor as the usual tutor of a subject. */
const studentCount = sql<number>`(select count(distinct ${studentSubjects.studentId})::int from ${studentSubjects} where ${studentSubjects.tutorId} = ${tutors.id})`;

/**
 * The tutors list for admins: search (name or email, ignoring case and Polish letters),
 * status ("current" = active and on leave; "left" is the archive) and subject filters,
 * sorting and 25 a page — or every matching row with `all` (the CSV export). Two queries
 * for the rows (page + total, side by side) and one for their subjects, however long the page.
 */
export async function listTutors(viewer: Viewer, filters: TutorListFilters, options: { all?: boolean } = {}) {
  if (!can(viewer.role, 'records.manage')) return emptyPage<never>(TUTORS_PAGE_SIZE);
  const db = getDb();
  const conditions: (SQL | undefined)[] = [inSchool(viewer), foldedSearch(tutors.searchText, filters.q)];
  if (filters.status === 'current') conditions.push(ne(tutors.status, 'left'));
  else if (filters.status !== 'all') conditions.push(eq(tutors.status, filters.status));
  if (filters.subjectId) {
    conditions.push(
      exists(
        db
          .select({ one: sql`1` })
          .from(tutorSubjects)
          .where(and(eq(tutorSubjects.tutorId, tutors.id), eq(tutorSubjects.subjectId, filters.subjectId))),
      ),
    );
  }
  const where = and(...conditions);
  const direction = filters.dir === 'desc' ? desc : asc;
  const byName = [...polishOrder(tutors.lastName), ...polishOrder(tutors.firstName)];
  const order: SQL[] = {
    name: byName.map((c) => direction(c)),
    // The enum's order: active, on leave, left.
    status: [direction(tutors.status), ...byName.map(asc)],
    created: [direction(tutors.createdAt)],
  }[filters.sort];

  const query = db
    .select({
      id: tutors.id,
      firstName: tutors.firstName,
      lastName: tutors.lastName,
      email: tutors.email,
      phone: tutors.phone,
      color: tutors.color,
      status: tutors.status,
      userId: tutors.userId,
      createdAt: tutors.createdAt,
      studentCount,
    })
    .from(tutors)
    .where(where)
    .orderBy(...order, asc(tutors.id));
  const list = await paginate(query, () => db.$count(tutors, where), { page: filters.page, q: filters.q, pageSize: TUTORS_PAGE_SIZE, all: options.all });

  const ids = list.rows.map((r) => r.id);
  const taught = ids.length
    ? await db
        .select({ tutorId: tutorSubjects.tutorId, subjectId: subjects.id, name: subjects.name, color: subjects.color, levels: tutorSubjects.levels })
        .from(tutorSubjects)
        .innerJoin(subjects, eq(subjects.id, tutorSubjects.subjectId))
        .where(and(inArray(tutorSubjects.tutorId, ids), eq(tutorSubjects.schoolId, viewer.schoolId)))
        .orderBy(...polishOrder(subjects.name))
    : [];
  return {
    ...list,
    rows: list.rows.map((r) => ({
      ...r,
      subjects: taught.filter((s) => s.tutorId === r.id).map(({ subjectId, name, color, levels }) => ({ subjectId, name, color, levels })),
    })),
  };
}

export type TutorListRow = Awaited<ReturnType<typeof listTutors>>['rows'][number];

/**
 * Everything about one tutor for the admin's detail and edit pages: the record, the
 * subjects and levels taught, the students who have them as their usual tutor, the login
 * account if any, and when the status last changed (from the audit trail). Undefined for
 * anyone but an admin of the tutor's school, or for an id that is not a uuid.
 */
async function loadTutor(viewer: Viewer, id: string) {
  if (!can(viewer.role, 'records.manage') || !isUuid(id)) return undefined;
  const db = getDb();
  const [tutor] = await db
    .select({
      id: tutors.id,
      userId: tutors.userId,
      firstName: tutors.firstName,
      lastName: tutors.lastName,
      email: tutors.email,
      phone: tutors.phone,
      color: tutors.color,
      bio: tutors.bio,
      status: tutors.status,
      anonymisedAt: tutors.anonymisedAt,
      createdAt: tutors.createdAt,
      updatedAt: tutors.updatedAt,
    })
    .from(tutors)
    .where(and(eq(tutors.id, id), inSchool(viewer)));
  if (!tutor) return undefined;
  const [taught, taughtStudents, account, [lastStatusChange]] = await Promise.all([
    db
      .select({ subjectId: subjects.id, name: subjects.name, color: subjects.color, levels: tutorSubjects.levels, archivedAt: subjects.archivedAt })
      .from(tutorSubjects)
      .innerJoin(subjects, eq(subjects.id, tutorSubjects.subjectId))
      .where(and(eq(tutorSubjects.tutorId, id), eq(tutorSubjects.schoolId, viewer.schoolId)))
      .orderBy(...polishOrder(subjects.name)),
    db
      .select({
        id: students.id,
        firstName: students.firstName,
        lastName: students.lastName,
        level: students.level,
        status: students.status,
        subjectId: subjects.id,
        subject: subjects.name,
      })
      .from(studentSubjects)
      .innerJoin(students, eq(students.id, studentSubjects.studentId))
      .innerJoin(subjects, eq(subjects.id, studentSubjects.subjectId))
      .where(and(eq(studentSubjects.tutorId, id), eq(studentSubjects.schoolId, viewer.schoolId)))
      .orderBy(...polishOrder(students.lastName), ...polishOrder(students.firstName), ...polishOrder(subjects.name)),
    tutor.userId
      ? db
          .select({ id: users.id, email: users.email, status: users.status, lastLoginAt: users.lastLoginAt })
          .from(users)
          .where(and(eq(users.id, tutor.userId), eq(users.schoolId, viewer.schoolId)))
      : Promise.resolve([]),
    db
      .select({ at: auditLog.createdAt })
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'tutor'), eq(auditLog.entityId, id), eq(auditLog.schoolId, viewer.schoolId), eq(auditLog.action, 'tutor.status')))
      .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
      .limit(1),
  ]);

  // A student taking two subjects with this tutor is one student with two subjects.
  const byStudent = new Map<string, { id: string; firstName: string; lastName: string; level: string; status: string; subjects: string[] }>();
  for (const s of taughtStudents) {
    const entry = byStudent.get(s.id) ?? { id: s.id, firstName: s.firstName, lastName: s.lastName, level: s.level, status: s.status, subjects: [] };
    entry.subjects.push(s.subject);
    byStudent.set(s.id, entry);
  }
  return {
    ...tutor,
    subjects: taught,
    students: [...byStudent.values()],
    account: account[0] ?? null,
    statusChangedAt: lastStatusChange?.at ?? null,
  };
}

/** Cached per request: the page and its metadata share one read. */
export const getTutor = cache(loadTutor);

export type TutorDetail = NonNullable<Awaited<ReturnType<typeof getTutor>>>;

/**
 * What refers to a tutor and stops its deletion, as counts: the students who have them as
 * their usual tutor (student_subjects rows) and their lessons, cancelled ones included (the
 * school's history). Pay rates and availability will be counted here when they exist. The
 * subjects a tutor teaches are their own and go with them. Pass the action's transaction as
 * `db` to re-check under the row lock.
 */
export async function tutorDeletionBlockers(viewer: Viewer, id: string, db: Queryable = getDb()): Promise<{ students: number; lessons: number }> {
  if (!isUuid(id)) return { students: 0, lessons: 0 };
  const [[enrolled], [taught]] = await Promise.all([
    db
      .select({ students: count() })
      .from(studentSubjects)
      .where(and(eq(studentSubjects.tutorId, id), eq(studentSubjects.schoolId, viewer.schoolId))),
    db
      .select({ lessons: count() })
      .from(lessons)
      .where(and(eq(lessons.tutorId, id), eq(lessons.schoolId, viewer.schoolId))),
  ]);
  return { students: enrolled?.students ?? 0, lessons: taught?.lessons ?? 0 };
}

/**
 * Active tutors of the school for pickers (lessons, a student's usual tutor): name, colour
 * and the subjects they teach. Tutors on leave or who left are not offered. Staff may read it.
 */
export async function listActiveTutors(viewer: Viewer) {
  if (!can(viewer.role, 'records.read')) return [];
  const db = getDb();
  const rows = await db
    .select({ id: tutors.id, firstName: tutors.firstName, lastName: tutors.lastName, color: tutors.color })
    .from(tutors)
    .where(and(inSchool(viewer), eq(tutors.status, 'active')))
    .orderBy(...polishOrder(tutors.lastName), ...polishOrder(tutors.firstName));
  const ids = rows.map((r) => r.id);
  const taught = ids.length
    ? await db
        .select({ tutorId: tutorSubjects.tutorId, subjectId: tutorSubjects.subjectId })
        .from(tutorSubjects)
        .where(and(inArray(tutorSubjects.tutorId, ids), eq(tutorSubjects.schoolId, viewer.schoolId)))
    : [];
  return rows.map((r) => ({
    ...r,
    name: `${r.firstName} ${r.lastName}`,
    subjectIds: taught.filter((s) => s.tutorId === r.id).map((s) => s.subjectId),
  }));
}

/**
 * Subjects a tutor can be given in the form: the school's subjects that are not archived,
 * plus any in `keep` (archived ones the tutor already teaches, so editing does not drop them).
 */
export async function listTutorSubjectChoices(viewer: Viewer, keep: string[] = []) {
  if (!can(viewer.role, 'records.manage')) return [];
  const keepIds = keep.filter(isUuid);
  return getDb()
    .select({ id: subjects.id, name: subjects.name, levels: subjects.levels, color: subjects.color, archived: sql<boolean>`${subjects.archivedAt} is not null` })
    .from(subjects)
    .where(and(eq(subjects.schoolId, viewer.schoolId), keepIds.length ? or(isNull(subjects.archivedAt), inArray(subjects.id, keepIds)) : isNull(subjects.archivedAt)))
    .orderBy(...polishOrder(subjects.name));
}

/** Colours of the school's current tutors, to suggest an unused one for a new tutor. */
export async function usedTutorColors(viewer: Viewer) {
  if (!can(viewer.role, 'records.manage')) return [];
  const rows = await getDb()
    .selectDistinct({ color: tutors.color })
    .from(tutors)
    .where(and(inSchool(viewer), ne(tutors.status, 'left')));
  return rows.map((r) => r.color.toLowerCase());
}
