import 'server-only';
import { cache } from 'react';
import { and, asc, desc, eq, inArray, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm';
import { parents, parentStudents, students, users } from '@/db/schema';
import { can } from '@/lib/auth/permissions';
import type { Viewer } from '@/lib/auth/viewer';
import { getDb, type Queryable } from '@/lib/db';
import { polishOrder } from '@/lib/db/sql';
import { emptyPage, paginate } from '@/lib/list/paginate';
import { escapeLike, foldedSearch } from '@/lib/search';
import { isUuid, studentVisibility } from '@/lib/students/queries';
import type { BillingType, ParentListFilters } from './schema';

export const PARENTS_PAGE_SIZE = 25;

const childCount = sql<number>`(select count(*) from ${parentStudents} where ${parentStudents.parentId} = ${parents.id})`.mapWith(Number);
const paysForAny = sql<boolean>`exists (select 1 from ${parentStudents} where ${parentStudents.parentId} = ${parents.id} and ${parentStudents.isPayer})`;

/** Company billing is recorded by the company's name being there (the form requires name, NIP and address together). */
const billingTypeOf = (row: { companyName: string | null }): BillingType => (row.companyName ? 'company' : 'person');

/**
 * A phone typed with other spacing than stored ("601234567" for "601 234 567"): compare digits
 * only. Used only when the search looks like a phone number, so names never pay for it.
 */
export function phoneDigitsSearch(q: string | undefined): SQL | undefined {
  const digits = (q ?? '').replace(/\D/g, '');
  if (!q || !/^[+0-9 ()-]+$/.test(q.trim()) || digits.length < 3) return undefined;
  return sql`regexp_replace(coalesce(${parents.phone}, ''), '[^0-9]', '', 'g') like '%' || ${escapeLike(digits)} || '%'`;
}

/**
 * The parents list for the office: search on name, email, phone and company (ignoring case
 * and Polish letters), active or archived, person or company billing, sorting and 25 a page —
 * or every matching row with `all` (the CSV export). Admins only; anyone else gets nothing.
 */
export async function listParents(viewer: Viewer, filters: ParentListFilters, options: { all?: boolean } = {}) {
  if (!can(viewer.role, 'records.manage')) return emptyPage<never>(PARENTS_PAGE_SIZE);
  const db = getDb();
  const text = foldedSearch(parents.searchText, filters.q);
  const phone = phoneDigitsSearch(filters.q);
  const where = and(
    eq(parents.schoolId, viewer.schoolId),
    filters.status === 'archived' ? isNotNull(parents.archivedAt) : isNull(parents.archivedAt),
    phone ? or(text, phone) : text,
    filters.billing === 'company' ? isNotNull(parents.companyName) : filters.billing === 'person' ? isNull(parents.companyName) : undefined,
  );
  const direction = filters.dir === 'desc' ? desc : asc;
  const byName = [...polishOrder(parents.lastName), ...polishOrder(parents.firstName)];
  const order: SQL[] = {
    name: byName.map((c) => direction(c)),
    children: [direction(childCount), ...byName.map(asc)],
    created: [direction(parents.createdAt)],
  }[filters.sort];

  const query = db
    .select({
      id: parents.id,
      firstName: parents.firstName,
      lastName: parents.lastName,
      email: parents.email,
      phone: parents.phone,
      preferredLanguage: parents.preferredLanguage,
      billingName: parents.billingName,
      billingAddress: parents.billingAddress,
      companyName: parents.companyName,
      companyNip: parents.companyNip,
      companyAddress: parents.companyAddress,
      archivedAt: parents.archivedAt,
      createdAt: parents.createdAt,
      childCount,
      isPayer: paysForAny,
    })
    .from(parents)
    .where(where)
    .orderBy(...order, asc(parents.id));
  const list = await paginate(query, () => db.$count(parents, where), { page: filters.page, q: filters.q, pageSize: PARENTS_PAGE_SIZE, all: options.all });

  // The children of the rows on this page in one query, not one per parent.
  const ids = list.rows.map((r) => r.id);
  const children = ids.length
    ? await db
        .select({ parentId: parentStudents.parentId, id: students.id, firstName: students.firstName, lastName: students.lastName })
        .from(parentStudents)
        .innerJoin(students, eq(students.id, parentStudents.studentId))
        .where(and(inArray(parentStudents.parentId, ids), eq(parentStudents.schoolId, viewer.schoolId)))
        .orderBy(...polishOrder(students.firstName), ...polishOrder(students.lastName))
    : [];
  return {
    ...list,
    rows: list.rows.map((r) => ({
      ...r,
      billingType: billingTypeOf(r),
      children: children.filter((c) => c.parentId === r.id).map((c) => ({ id: c.id, name: `${c.firstName} ${c.lastName}` })),
    })),
  };
}

export type ParentListRow = Awaited<ReturnType<typeof listParents>>['rows'][number];

/**
 * Everything about one parent for the detail and edit pages: contact, billing, their children
 * with access and payer, and their login account. Admins of the parent's school only;
 * undefined otherwise (the page answers 404).
 */
async function loadParent(viewer: Viewer, id: string) {
  if (!can(viewer.role, 'records.manage') || !isUuid(id)) return undefined;
  const db = getDb();
  const [parent] = await db
    .select({
      id: parents.id,
      userId: parents.userId,
      firstName: parents.firstName,
      lastName: parents.lastName,
      email: parents.email,
      phone: parents.phone,
      preferredLanguage: parents.preferredLanguage,
      billingName: parents.billingName,
      billingAddress: parents.billingAddress,
      companyName: parents.companyName,
      companyNip: parents.companyNip,
      companyAddress: parents.companyAddress,
      archivedAt: parents.archivedAt,
      anonymisedAt: parents.anonymisedAt,
      createdAt: parents.createdAt,
      updatedAt: parents.updatedAt,
    })
    .from(parents)
    .where(and(eq(parents.id, id), eq(parents.schoolId, viewer.schoolId)));
  if (!parent) return undefined;
  const [children, account] = await Promise.all([
    db
      .select({
        studentId: students.id,
        firstName: students.firstName,
        lastName: students.lastName,
        status: students.status,
        access: parentStudents.access,
        isPayer: parentStudents.isPayer,
      })
      .from(parentStudents)
      .innerJoin(students, eq(students.id, parentStudents.studentId))
      .where(and(eq(parentStudents.parentId, parent.id), eq(parentStudents.schoolId, viewer.schoolId)))
      .orderBy(...polishOrder(students.lastName), ...polishOrder(students.firstName)),
    parent.userId
      ? db
          .select({ id: users.id, status: users.status, lastLoginAt: users.lastLoginAt })
          .from(users)
          .where(and(eq(users.id, parent.userId), eq(users.schoolId, viewer.schoolId)))
      : Promise.resolve([]),
  ]);
  return {
    ...parent,
    billingType: billingTypeOf(parent),
    children: children.map((c) => ({ ...c, name: `${c.firstName} ${c.lastName}` })),
    account: account[0] ?? null,
  };
}

/** Cached per request: the page and its metadata share one read. */
export const getParent = cache(loadParent);

export type ParentDetail = NonNullable<Awaited<ReturnType<typeof getParent>>>;

/**
 * What stops a parent's deletion (archive instead), as counts by kind; {} when nothing does.
 * Today only a login account that has been used (its sign-ins are in the audit trail); invoices
 * and messages will refer to parents and join this list when they exist. The parent's links to
 * children are their own and go with them. Pass the transaction to re-check inside a delete.
 * Undefined when the parent is not the viewer's to see.
 */
export async function parentDeletionBlockers(viewer: Viewer, id: string, db: Queryable = getDb()): Promise<Record<string, number> | undefined> {
  if (!can(viewer.role, 'records.manage') || !isUuid(id)) return undefined;
  const [row] = await db
    .select({ usedAccounts: sql<number>`count(${users.id}) filter (where ${users.lastLoginAt} is not null)`.mapWith(Number) })
    .from(parents)
    .leftJoin(users, eq(users.id, parents.userId))
    .where(and(eq(parents.id, id), eq(parents.schoolId, viewer.schoolId)))
    .groupBy(parents.id);
  if (!row) return undefined;
  return Object.fromEntries(Object.entries(row).filter(([, n]) => n > 0));
}

/**
 * A student's parents as contacts (name, email, phone) for staff: a tutor only for a student
 * they teach, an admin for any student of the school. Archived parents are left out.
 * Undefined when the student is not the viewer's to see.
 */
export async function getParentContactsForTutor(viewer: Viewer, studentId: string) {
  if (!can(viewer.role, 'records.read') || !isUuid(studentId)) return undefined;
  const db = getDb();
  const [student] = await db
    .select({ id: students.id })
    .from(students)
    .where(and(eq(students.id, studentId), studentVisibility(viewer)));
  if (!student) return undefined;
  const rows = await db
    .select({ firstName: parents.firstName, lastName: parents.lastName, email: parents.email, phone: parents.phone, isPayer: parentStudents.isPayer })
    .from(parentStudents)
    .innerJoin(parents, eq(parents.id, parentStudents.parentId))
    .where(and(eq(parentStudents.studentId, student.id), eq(parentStudents.schoolId, viewer.schoolId), isNull(parents.archivedAt)))
    .orderBy(desc(parentStudents.isPayer), ...polishOrder(parents.lastName), ...polishOrder(parents.firstName));
  return rows.map((r) => ({ name: `${r.firstName} ${r.lastName}`, email: r.email, phone: r.phone, isPayer: r.isPayer }));
}
