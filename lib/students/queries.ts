import 'server-only';
import { cache } from 'react';
import { and, asc, desc, eq, exists, inArray, ne, or, sql, type SQL } from 'drizzle-orm';
import { auditLog, lessons, lessonStudents, parents, parentStudents, students, studentSubjects, subjects, tutors, users } from '@/db/schema';
import { can } from '@/lib/auth/permissions';
import type { Viewer } from '@/lib/auth/viewer';
import { getDb, type Queryable } from '@/lib/db';
import { polishOrder } from '@/lib/db/sql';
import { emptyPage, paginate } from '@/lib/list/paginate';
import { foldedSearch } from '@/lib/search';
import type { StudentListFilters } from './schema';

export const STUDENTS_PAGE_SIZE = 25;

/**
 * Which students the viewer may see, as one SQL condition: an admin every student of the
 * school; a tutor the students they teach (enrolled with them as their usual tutor, or in
 * one of their lessons that was not cancelled); a parent their linked children; a student
 * themself. Always within the viewer's school.
 */
export function studentVisibility(viewer: Viewer): SQL {
  const school = eq(students.schoolId, viewer.schoolId);
  switch (viewer.role) {
    case 'admin':
      return school;
    case 'tutor':
      return and(
        school,
        or(
          exists(
            getDb()
              .select({ one: sql`1` })
              .from(studentSubjects)
              .innerJoin(tutors, eq(tutors.id, studentSubjects.tutorId))
              .where(and(eq(studentSubjects.studentId, students.id), eq(tutors.userId, viewer.userId))),
          ),
          exists(
            getDb()
              .select({ one: sql`1` })
              .from(lessonStudents)
              .innerJoin(lessons, eq(lessons.id, lessonStudents.lessonId))
              .innerJoin(tutors, eq(tutors.id, lessons.tutorId))
              .where(and(eq(lessonStudents.studentId, students.id), ne(lessons.status, 'cancelled'), eq(tutors.userId, viewer.userId))),
          ),
        ),
      )!;
    case 'parent':
      return and(
        school,
        exists(
          getDb()
            .select({ one: sql`1` })
            .from(parentStudents)
            .innerJoin(parents, eq(parents.id, parentStudents.parentId))
            .where(and(eq(parentStudents.studentId, students.id), eq(parents.userId, viewer.userId))),
        ),
      )!;
    case 'student':
      return and(school, eq(students.userId, viewer.userId))!;
  }
}

const studentSummary = {
  id: students.id,
  firstName: students.firstName,
  lastName: students.lastName,
  level: students.level,
  status: students.status,
  schoolName: students.schoolName,
  className: students.className,
};

/** One student if the viewer may see them, else undefined (the page answers 404). */
export async function getStudent(viewer: Viewer, id: string) {
  if (!isUuid(id)) return undefined;
  const [row] = await getDb()
    .select({ ...studentSummary, email: students.email, phone: students.phone, birthDate: students.birthDate })
    .from(students)
    .where(and(eq(students.id, id), studentVisibility(viewer)));
  return row;
}

/** The students the viewer may see (not archived), sorted by surname in Polish order. */
export async function listVisibleStudents(viewer: Viewer, options: { limit?: number } = {}) {
  return getDb()
    .select(studentSummary)
    .from(students)
    .where(and(studentVisibility(viewer), ne(students.status, 'archived')))
    .orderBy(...polishOrder(students.lastName), ...polishOrder(students.firstName))
    .limit(options.limit ?? 50);
}

/**
 * The students list for staff: search (name or email, ignoring case and Polish letters),
 * status, level, subject and tutor filters, sorting and 25 a page — or every matching row
 * with `all` (the CSV export). Admins see the school; tutors only their own students.
 */
export async function listStudents(viewer: Viewer, filters: StudentListFilters, options: { all?: boolean } = {}) {
  if (!can(viewer.role, 'records.read')) return emptyPage<never>(STUDENTS_PAGE_SIZE);
  const db = getDb();
  const conditions: (SQL | undefined)[] = [studentVisibility(viewer), foldedSearch(students.searchText, filters.q)];
  if (filters.status === 'current') conditions.push(ne(students.status, 'archived'));
  else if (filters.status !== 'all') conditions.push(eq(students.status, filters.status));
  if (filters.level) conditions.push(eq(students.level, filters.level));
  if (filters.subjectId || filters.tutorId) {
    conditions.push(
      exists(
        db
          .select({ one: sql`1` })
          .from(studentSubjects)
          .where(
            and(
              eq(studentSubjects.studentId, students.id),
              filters.subjectId ? eq(studentSubjects.subjectId, filters.subjectId) : undefined,
              filters.tutorId ? eq(studentSubjects.tutorId, filters.tutorId) : undefined,
            ),
          ),
      ),
    );
  }
  const where = and(...conditions);
  const direction = filters.dir === 'desc' ? desc : asc;
  const order: SQL[] = {
    name: [...polishOrder(students.lastName), ...polishOrder(students.firstName)].map((c) => direction(c)),
    level: [direction(students.level), ...polishOrder(students.lastName).map((c) => asc(c))],
    status: [direction(students.status), direction(students.statusChangedAt)],
    created: [direction(students.createdAt)],
  }[filters.sort];

  const query = db
    .select({ ...studentSummary, email: students.email, phone: students.phone, statusChangedAt: students.statusChangedAt, isSelfPayer: students.isSelfPayer })
    .from(students)
    .where(where)
    .orderBy(...order, asc(students.id));
  const list = await paginate(query, () => db.$count(students, where), { page: filters.page, q: filters.q, pageSize: STUDENTS_PAGE_SIZE, all: options.all });

  // Subjects and parents of the rows on this page: two queries, not one per student.
  const ids = list.rows.map((r) => r.id);
  const [enrolments, family] = ids.length
    ? await Promise.all([
        db
          .select({ studentId: studentSubjects.studentId, subject: subjects.name, color: subjects.color, tutorFirst: tutors.firstName, tutorLast: tutors.lastName })
          .from(studentSubjects)
          .innerJoin(subjects, eq(subjects.id, studentSubjects.subjectId))
          .leftJoin(tutors, eq(tutors.id, studentSubjects.tutorId))
          .where(inArray(studentSubjects.studentId, ids))
          .orderBy(...polishOrder(subjects.name)),
        viewer.role === 'admin'
          ? db
              .select({ studentId: parentStudents.studentId, firstName: parents.firstName, lastName: parents.lastName, isPayer: parentStudents.isPayer })
              .from(parentStudents)
              .innerJoin(parents, eq(parents.id, parentStudents.parentId))
              .where(inArray(parentStudents.studentId, ids))
          : Promise.resolve([]),
      ])
    : [[], []];
  const subjectsOf = groupBy(enrolments, (e) => e.studentId);
  const parentsOf = groupBy(family, (p) => p.studentId);
  return {
    ...list,
    rows: list.rows.map((r) => ({
      ...r,
      subjects: (subjectsOf.get(r.id) ?? []).map((e) => ({ name: e.subject, color: e.color, tutor: e.tutorFirst ? `${e.tutorFirst} ${e.tutorLast}` : null })),
      parents: (parentsOf.get(r.id) ?? []).map((p) => ({ name: `${p.firstName} ${p.lastName}`, isPayer: p.isPayer })),
    })),
  };
}

/**
 * Everything about one student for the detail page. Staff only (admins, and tutors for
 * their own students); notes are staff-only by construction. Undefined when not visible.
 */
async function loadStudentDetail(viewer: Viewer, id: string) {
  if (!can(viewer.role, 'records.read') || !isUuid(id)) return undefined;
  const db = getDb();
  const [student] = await db
    .select()
    .from(students)
    .where(and(eq(students.id, id), studentVisibility(viewer)));
  if (!student) return undefined;
  const [enrolments, family, account, history] = await Promise.all([
    db
      .select({ subjectId: subjects.id, subject: subjects.name, color: subjects.color, tutorId: tutors.id, tutorFirst: tutors.firstName, tutorLast: tutors.lastName })
      .from(studentSubjects)
      .innerJoin(subjects, eq(subjects.id, studentSubjects.subjectId))
      .leftJoin(tutors, eq(tutors.id, studentSubjects.tutorId))
      .where(eq(studentSubjects.studentId, id))
      .orderBy(...polishOrder(subjects.name)),
    db
      .select({
        parentId: parents.id,
        userId: parents.userId,
        firstName: parents.firstName,
        lastName: parents.lastName,
        email: parents.email,
        phone: parents.phone,
        access: parentStudents.access,
        isPayer: parentStudents.isPayer,
      })
      .from(parentStudents)
      .innerJoin(parents, eq(parents.id, parentStudents.parentId))
      .where(eq(parentStudents.studentId, id))
      .orderBy(desc(parentStudents.isPayer), ...polishOrder(parents.lastName)),
    student.userId
      ? db.select({ id: users.id, status: users.status, lastLoginAt: users.lastLoginAt }).from(users).where(eq(users.id, student.userId))
      : Promise.resolve([]),
    db
      .select({ at: auditLog.createdAt, before: auditLog.before, after: auditLog.after, action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'student'), eq(auditLog.entityId, id), eq(auditLog.schoolId, viewer.schoolId), inArray(auditLog.action, ['student.create', 'student.status'])))
      .orderBy(desc(auditLog.createdAt))
      .limit(50),
  ]);
  return {
    ...student,
    subjects: enrolments.map((e) => ({ subjectId: e.subjectId, name: e.subject, color: e.color, tutorId: e.tutorId, tutor: e.tutorFirst ? `${e.tutorFirst} ${e.tutorLast}` : null })),
    parents: family,
    account: account[0] ?? null,
    statusHistory: history.map((h) => ({
      at: h.at,
      action: h.action,
      from: (h.before as { status?: string } | null)?.status ?? null,
      to: (h.after as { status?: string } | null)?.status ?? null,
    })),
  };
}

/** Cached per request: the page and its metadata share one read. */
export const getStudentDetail = cache(loadStudentDetail);

/**
 * What refers to a student and stops its deletion (archive instead): a login account that
 * has been used (its sign-ins are in the audit trail) and lessons, cancelled ones included
 * (they are the school's history). Invoices and messages join this list when they exist.
 * Parent links and subjects are the student's own and go with it.
 */
export async function studentDeletionBlockers(db: Queryable, studentId: string): Promise<Record<string, number>> {
  const [row] = await db
    .select({
      usedAccounts: sql<number>`count(${users.id}) filter (where ${users.lastLoginAt} is not null)`.mapWith(Number),
      lessons: sql<number>`(select count(*) from ${lessonStudents} where ${lessonStudents.studentId} = ${students.id})`.mapWith(Number),
    })
    .from(students)
    .leftJoin(users, eq(users.id, students.userId))
    .where(eq(students.id, studentId))
    .groupBy(students.id);
  return Object.fromEntries(Object.entries(row ?? {}).filter(([, n]) => n > 0));
}

/** A student's own subjects with their usual tutors, for the student's home. */
export async function listOwnSubjects(viewer: Viewer) {
  if (viewer.role !== 'student') return [];
  return getDb()
    .select({ subjectId: subjects.id, name: subjects.name, color: subjects.color, tutorFirst: tutors.firstName, tutorLast: tutors.lastName })
    .from(studentSubjects)
    .innerJoin(students, eq(students.id, studentSubjects.studentId))
    .innerJoin(subjects, eq(subjects.id, studentSubjects.subjectId))
    .leftJoin(tutors, eq(tutors.id, studentSubjects.tutorId))
    .where(studentVisibility(viewer))
    .orderBy(...polishOrder(subjects.name));
}

export type PayerContact = {
  /** A parent who pays, or the (adult) student paying for themself. */
  kind: 'parent' | 'self';
  name: string;
  email: string | null;
  phone: string | null;
};

/**
 * Who pays for each of these students, with how to reach them: the parent marked as payer
 * (the first linked, as billing picks it), else the student themself when they pay for
 * themself, else null. Only students the viewer may see and only for staff who read records
 * (a tutor: their own students; an id of another tutor's student is simply not in the map).
 * Two queries, whatever the number of students.
 */
export async function listPayerContacts(viewer: Viewer, studentIds: readonly string[]): Promise<Map<string, PayerContact | null>> {
  const ids = [...new Set(studentIds)].filter(isUuid);
  const out = new Map<string, PayerContact | null>();
  if (!can(viewer.role, 'records.read') || ids.length === 0) return out;
  const db = getDb();
  const visible = and(inArray(students.id, ids), studentVisibility(viewer));
  const [own, payers] = await Promise.all([
    db
      .select({ id: students.id, firstName: students.firstName, lastName: students.lastName, email: students.email, phone: students.phone, isSelfPayer: students.isSelfPayer })
      .from(students)
      .where(visible),
    db
      .select({ studentId: parentStudents.studentId, firstName: parents.firstName, lastName: parents.lastName, email: parents.email, phone: parents.phone })
      .from(parentStudents)
      .innerJoin(students, eq(students.id, parentStudents.studentId))
      .innerJoin(parents, eq(parents.id, parentStudents.parentId))
      .where(and(visible, eq(parentStudents.isPayer, true), eq(parentStudents.schoolId, viewer.schoolId)))
      .orderBy(asc(parentStudents.createdAt), asc(parents.id)),
  ]);
  for (const s of own) out.set(s.id, s.isSelfPayer ? { kind: 'self', name: `${s.firstName} ${s.lastName}`, email: s.email, phone: s.phone } : null);
  const seen = new Set<string>();
  for (const p of payers) {
    if (seen.has(p.studentId)) continue;
    seen.add(p.studentId);
    out.set(p.studentId, { kind: 'parent', name: `${p.firstName} ${p.lastName}`, email: p.email, phone: p.phone });
  }
  return out;
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

export function isUuid(value: string) {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}
