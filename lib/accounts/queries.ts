import 'server-only';
import { cache } from 'react';
import { and, eq, ne, sql, type SQL } from 'drizzle-orm';
import { parents, parentStudents, students, tutors, users } from '@/db/schema';
import { can } from '@/lib/auth/permissions';
import type { Viewer } from '@/lib/auth/viewer';
import { getDb } from '@/lib/db';
import { polishOrder } from '@/lib/db/sql';
import { emptyPage, paginate } from '@/lib/list/paginate';
import { escapeLike } from '@/lib/search';
import { isUuid } from '@/lib/students/queries';
import type { UserListFilters } from './schema';

export const USERS_PAGE_SIZE = 25;

/**
 * The school's accounts for the admin list: search on name and email ignoring case and
 * Polish letters, filters by role and status, Polish name order, 25 a page.
 */
export async function listUsers(viewer: Viewer, filters: UserListFilters) {
  if (!can(viewer.role, 'users.list')) return emptyPage<never>(USERS_PAGE_SIZE);
  const conditions: SQL[] = [eq(users.schoolId, viewer.schoolId)];
  if (filters.role) conditions.push(eq(users.role, filters.role));
  if (filters.status) conditions.push(eq(users.status, filters.status));
  if (filters.q) {
    const pattern = `%${escapeLike(filters.q)}%`;
    conditions.push(sql`(unaccent(lower(${users.name})) like unaccent(lower(${pattern})) or lower(${users.email}) like lower(${pattern}))`);
  }
  const where = and(...conditions);
  const db = getDb();
  const query = db
    .select({ id: users.id, name: users.name, email: users.email, role: users.role, status: users.status, lastLoginAt: users.lastLoginAt })
    .from(users)
    .where(where)
    // id breaks ties (two people of one name) so no one appears on two pages or none.
    .orderBy(...polishOrder(users.name), users.id);
  return paginate(query, () => db.$count(users, where), { page: filters.page, q: filters.q, pageSize: USERS_PAGE_SIZE });
}

export type FamilyLink = { parentId: string; studentId: string; name: string; userId: string | null; access: 'view' | 'full'; isPayer: boolean };

/** One account with its profile and family links, for the admin's detail page; undefined if not in the school. */
async function loadUserDetail(viewer: Viewer, id: string) {
  if (!can(viewer.role, 'users.list') || !isUuid(id)) return undefined;
  const db = getDb();
  const [user] = await db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      status: users.status,
      locale: users.locale,
      emailVerified: users.emailVerified,
      lastLoginAt: users.lastLoginAt,
      createdAt: users.createdAt,
      hasPassword: sql<boolean>`${users.passwordHash} is not null`,
    })
    .from(users)
    .where(and(eq(users.id, id), eq(users.schoolId, viewer.schoolId)));
  if (!user) return undefined;

  let profileId: string | null = null;
  let links: FamilyLink[] = [];
  if (user.role === 'parent') {
    const [parent] = await db.select({ id: parents.id }).from(parents).where(eq(parents.userId, user.id));
    profileId = parent?.id ?? null;
    if (profileId) {
      links = await db
        .select({ parentId: parentStudents.parentId, studentId: parentStudents.studentId, name: sql<string>`${students.firstName} || ' ' || ${students.lastName}`, userId: students.userId, access: parentStudents.access, isPayer: parentStudents.isPayer })
        .from(parentStudents)
        .innerJoin(students, eq(students.id, parentStudents.studentId))
        .where(and(eq(parentStudents.parentId, profileId), eq(parentStudents.schoolId, viewer.schoolId)))
        .orderBy(...polishOrder(students.lastName), ...polishOrder(students.firstName));
    }
  } else if (user.role === 'student') {
    const [student] = await db.select({ id: students.id }).from(students).where(eq(students.userId, user.id));
    profileId = student?.id ?? null;
    if (profileId) {
      links = await db
        .select({ parentId: parentStudents.parentId, studentId: parentStudents.studentId, name: sql<string>`${parents.firstName} || ' ' || ${parents.lastName}`, userId: parents.userId, access: parentStudents.access, isPayer: parentStudents.isPayer })
        .from(parentStudents)
        .innerJoin(parents, eq(parents.id, parentStudents.parentId))
        .where(and(eq(parentStudents.studentId, profileId), eq(parentStudents.schoolId, viewer.schoolId)))
        .orderBy(...polishOrder(parents.lastName), ...polishOrder(parents.firstName));
    }
  } else if (user.role === 'tutor') {
    const [tutor] = await db.select({ id: tutors.id }).from(tutors).where(eq(tutors.userId, user.id));
    profileId = tutor?.id ?? null;
  }
  return { ...user, profileId, links };
}

/** Cached per request: the page and its metadata share one read. */
export const getUserDetail = cache(loadUserDetail);

/** Who can be linked to a parent (students) or to a student (parents), excluding archived records. */
export async function listLinkCandidates(viewer: Viewer, kind: 'students' | 'parents') {
  if (!can(viewer.role, 'families.manage')) return [];
  const db = getDb();
  if (kind === 'students') {
    return db
      .select({ id: students.id, name: sql<string>`${students.lastName} || ' ' || ${students.firstName}` })
      .from(students)
      .where(and(eq(students.schoolId, viewer.schoolId), ne(students.status, 'archived')))
      .orderBy(...polishOrder(students.lastName), ...polishOrder(students.firstName));
  }
  return db
    .select({ id: parents.id, name: sql<string>`${parents.lastName} || ' ' || ${parents.firstName}` })
    .from(parents)
    .where(and(eq(parents.schoolId, viewer.schoolId), sql`${parents.archivedAt} is null`))
    .orderBy(...polishOrder(parents.lastName), ...polishOrder(parents.firstName));
}

/** A tutor, student or parent profile of the viewer's school by profile id, or undefined. */
export async function findProfileInSchool(viewer: Viewer, kind: 'students' | 'parents', id: string) {
  const table = kind === 'students' ? students : parents;
  const [row] = await getDb()
    .select({ id: table.id, firstName: table.firstName, lastName: table.lastName })
    .from(table)
    .where(and(eq(table.id, id), eq(table.schoolId, viewer.schoolId)));
  return row;
}
