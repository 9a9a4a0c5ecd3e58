import 'server-only';
import { and, asc, desc, eq, gt, gte, inArray, lt, sql, type SQL } from 'drizzle-orm';
import { auditLog, invoices, lessons, lessonSeries, messageThreads, parents, rooms, schoolClosures, schools, students, subjects, tutors, users } from '@/db/schema';
import { can } from '@/lib/auth/permissions';
import type { Viewer } from '@/lib/auth/viewer';
import { getDb } from '@/lib/db';
import { addCalendarDays, formatDateTime, instantToZoned, zonedToInstant } from '@/lib/time';
import { actionsOf } from './catalog';
import { changesOf, collectUuids, isUuidText, type AuditChange, type RefName } from './format';
import type { AuditFilters } from './schema';

export const AUDIT_PAGE_SIZE = 50;
const BOUND_MARGIN_MS = 60 * 60_000;

export type AuditActorView =
  | { kind: 'person'; userId: string; name: string | null; role: string | null }
  | { kind: 'job'; job: string }
  | { kind: 'none' };

export type AuditEntryView = {
  id: number;
  at: Date;
  action: string;
  entityType: string;
  entityId: string | null;
  actor: AuditActorView;
  /** The record's name and page, when it is still in the school (a removed one has neither). */
  record: RefName | null;
  changes: AuditChange[];
};

export type AuditPage = {
  entries: AuditEntryView[];
  /** Cursor of the "older" link (`before`), when there are older entries. */
  older: number | null;
  /** Cursor of the "newer" link (`after`), when there are newer entries; 0 means the first page. */
  newer: number | null;
};

const EMPTY: AuditPage = { entries: [], older: null, newer: null };

/**
 * The filters as SQL, always inside the viewer's school; null when they can match nothing
 * (an action that is not one), so no query is run.
 */
function conditions(viewer: Viewer, f: AuditFilters): SQL[] | null {
  const where: SQL[] = [eq(auditLog.schoolId, viewer.schoolId)];
  if (f.actor) {
    if (f.actor.startsWith('job:')) where.push(eq(auditLog.actorSystem, f.actor.slice(4)));
    else where.push(eq(auditLog.actorUserId, f.actor));
  }
  if (f.entityType) where.push(eq(auditLog.entityType, f.entityType));
  if (f.entityId) where.push(eq(auditLog.entityId, f.entityId));
  if (f.action) {
    const actions = actionsOf(f.action);
    if (!actions) return null;
    where.push(actions.length === 1 ? eq(auditLog.action, actions[0]) : inArray(auditLog.action, actions));
  }
  // Whole days in the school's zone: from its midnight to the midnight after `to`.
  let { from, to } = f;
  if (from && to && from > to) [from, to] = [to, from];
  if (from) {
    const start = zonedToInstant(from, '00:00', viewer.timeZone);
    where.push(gte(auditLog.createdAt, start));
    // Pages are ordered by id, and a date range would otherwise make the planner walk the id
    // index back through every newer entry: bound the ids too. An entry's time is its
    // transaction's start and its id is taken at insert, so the two orders differ only by a
    // transaction's length (seconds: statement and idle timeouts); an hour's margin makes the
    // bound exact while the created_at condition stays the rule. Served by (school_id, created_at).
    const margin = new Date(start.getTime() - BOUND_MARGIN_MS);
    where.push(sql`${auditLog.id} >= coalesce((select b.id from audit_log b where b.school_id = ${viewer.schoolId} and b.created_at >= ${margin.toISOString()}::timestamptz order by b.created_at limit 1), ${Number.MAX_SAFE_INTEGER})`);
  }
  if (to) {
    const end = zonedToInstant(addCalendarDays(to, 1), '00:00', viewer.timeZone);
    where.push(lt(auditLog.createdAt, end));
    const margin = new Date(end.getTime() + BOUND_MARGIN_MS);
    where.push(sql`${auditLog.id} <= coalesce((select b.id from audit_log b where b.school_id = ${viewer.schoolId} and b.created_at < ${margin.toISOString()}::timestamptz order by b.created_at desc limit 1), 0)`);
  }
  return where;
}

const entryColumns = {
  id: auditLog.id,
  at: auditLog.createdAt,
  action: auditLog.action,
  entityType: auditLog.entityType,
  entityId: auditLog.entityId,
  actorUserId: auditLog.actorUserId,
  actorRole: auditLog.actorRole,
  actorSystem: auditLog.actorSystem,
  before: auditLog.before,
  after: auditLog.after,
};
type Row = { id: number; at: Date; action: string; entityType: string; entityId: string | null; actorUserId: string | null; actorRole: string | null; actorSystem: string | null; before: unknown; after: unknown };

/**
 * One page of the school's audit trail, newest first, 50 entries, with keyset paging by id:
 * `before` gives the entries older than that one, `after` those newer (still shown newest
 * first). A page stays the same page however many entries are written meanwhile. Admins only;
 * another school's entries never match (`school_id` is always the viewer's).
 */
export async function listAuditEntries(viewer: Viewer, f: AuditFilters, pageSize = AUDIT_PAGE_SIZE): Promise<AuditPage> {
  if (!can(viewer.role, 'audit.read')) return EMPTY;
  const where = conditions(viewer, f);
  if (!where) return EMPTY;
  const db = getDb();
  const newerFirst = f.after === undefined;
  const cursor = newerFirst ? (f.before !== undefined ? lt(auditLog.id, f.before) : undefined) : gt(auditLog.id, f.after!);
  const fetched: Row[] = await db
    .select(entryColumns)
    .from(auditLog)
    .where(and(...where, cursor))
    .orderBy(newerFirst ? desc(auditLog.id) : asc(auditLog.id))
    .limit(pageSize + 1);
  const more = fetched.length > pageSize;
  const rows = newerFirst ? fetched.slice(0, pageSize) : fetched.slice(0, pageSize).reverse();

  // The side the fetch did not look at: is there anything past this page's other end?
  let older: number | null = null;
  let newer: number | null = null;
  if (rows.length === 0) {
    newer = f.before !== undefined || f.after !== undefined ? 0 : null;
  } else {
    const top = rows[0].id;
    const bottom = rows[rows.length - 1].id;
    if (newerFirst) {
      older = more ? bottom : null;
      if (f.before !== undefined) newer = (await existsBeyond(where, gt(auditLog.id, top))) ? top : null;
    } else {
      newer = more ? top : null;
      older = (await existsBeyond(where, lt(auditLog.id, bottom))) ? bottom : null;
    }
  }
  return { entries: await describeEntries(viewer, rows), older, newer };
}

async function existsBeyond(where: SQL[], beyond: SQL): Promise<boolean> {
  const [row] = await getDb().select({ id: auditLog.id }).from(auditLog).where(and(...where, beyond)).limit(1);
  return Boolean(row);
}

/** The latest `limit` entries about one record (its History section), newest first. */
export async function listRecordHistory(viewer: Viewer, entityType: string, entityId: string, limit = 20): Promise<AuditEntryView[]> {
  if (!can(viewer.role, 'audit.read')) return [];
  const rows: Row[] = await getDb()
    .select(entryColumns)
    .from(auditLog)
    .where(and(eq(auditLog.schoolId, viewer.schoolId), eq(auditLog.entityType, entityType), eq(auditLog.entityId, entityId)))
    .orderBy(desc(auditLog.id))
    .limit(limit);
  return describeEntries(viewer, rows);
}

/** The school's latest entries, for the dashboard. */
export async function listRecentAudit(viewer: Viewer, limit = 8): Promise<AuditEntryView[]> {
  if (!can(viewer.role, 'audit.read')) return [];
  const rows: Row[] = await getDb().select(entryColumns).from(auditLog).where(eq(auditLog.schoolId, viewer.schoolId)).orderBy(desc(auditLog.id)).limit(limit);
  return describeEntries(viewer, rows);
}

/** People the person filter offers: the school's admins and tutors (anyone else is reached from an entry's name). */
export async function listAuditPeople(viewer: Viewer, selected?: string) {
  if (!can(viewer.role, 'audit.read')) return [];
  const db = getDb();
  const staff = await db
    .select({ id: users.id, name: users.name, role: users.role })
    .from(users)
    .where(and(eq(users.schoolId, viewer.schoolId), inArray(users.role, ['admin', 'tutor'])))
    .orderBy(sql`${users.role}, lower(tutorhub_fold(${users.name}))`);
  if (selected && isUuidText(selected) && !staff.some((s) => s.id === selected)) {
    const names = await resolveNames(viewer, { user: new Set([selected]) });
    const name = names.get(selected.toLowerCase());
    if (name) staff.push({ id: selected, name: name.label, role: 'parent' as const });
  }
  return staff;
}

/** The name of one record, for the viewer's "Record: …" line. */
export async function getAuditRecordName(viewer: Viewer, entityType: string, entityId: string): Promise<RefName | null> {
  if (!can(viewer.role, 'audit.read') || !isUuidText(entityId) || !(entityType in RECORD_LOOKUPS)) return null;
  const names = await resolveNames(viewer, { [entityType]: new Set([entityId.toLowerCase()]) });
  return names.get(entityId.toLowerCase()) ?? null;
}

/**
 * Actor names, record names and every id inside before/after, resolved in one query per
 * entity type for the whole page (never one per row), each inside the viewer's school.
 */
async function describeEntries(viewer: Viewer, rows: Row[]): Promise<AuditEntryView[]> {
  if (rows.length === 0) return [];
  const wanted: Record<string, Set<string>> = {};
  const want = (type: string, id: string) => (wanted[type] ??= new Set()).add(id.toLowerCase());
  const inValues = new Set<string>();
  for (const r of rows) {
    if (r.actorUserId) want('user', r.actorUserId);
    if (r.entityId && isUuidText(r.entityId) && r.entityType in RECORD_LOOKUPS) want(r.entityType, r.entityId);
    collectUuids(r.before, inValues);
    collectUuids(r.after, inValues);
  }
  // An id inside the values could be any kind of record: ask each kind the values may hold.
  for (const id of inValues) for (const type of VALUE_TYPES) want(type, id);
  const byType = await resolveNamesByType(viewer, wanted);
  const names = idNames(byType);
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    action: r.action,
    entityType: r.entityType,
    entityId: r.entityId,
    actor: r.actorUserId
      ? { kind: 'person', userId: r.actorUserId, name: byType.get(`user:${r.actorUserId.toLowerCase()}`)?.label ?? null, role: r.actorRole }
      : r.actorSystem
        ? { kind: 'job', job: r.actorSystem }
        : { kind: 'none' },
    record: r.entityId ? (byType.get(`${r.entityType}:${r.entityId.toLowerCase()}`) ?? recordWithoutName(r.entityType, r.entityId)) : null,
    changes: changesOf(r.before, r.after, names),
  }));
}

/** Records with a page but no name lookup (a job, the school itself). */
function recordWithoutName(entityType: string, entityId: string): RefName | null {
  if (entityType === 'job') return { label: entityId, href: '/admin/jobs' };
  return null;
}

type Lookup = (viewer: Viewer, ids: string[]) => Promise<{ id: string; label: string; href: string | null }[]>;

const fullName = (first: string, last: string) => `${first} ${last}`;

/** How each kind of record is named and where its page is; every lookup stays inside the viewer's school. */
const RECORD_LOOKUPS: Record<string, Lookup> = {
  student: async (v, ids) =>
    (await getDb().select({ id: students.id, first: students.firstName, last: students.lastName }).from(students).where(and(eq(students.schoolId, v.schoolId), inArray(students.id, ids)))).map((r) => ({
      id: r.id,
      label: fullName(r.first, r.last),
      href: `/admin/students/${r.id}`,
    })),
  tutor: async (v, ids) =>
    (await getDb().select({ id: tutors.id, first: tutors.firstName, last: tutors.lastName }).from(tutors).where(and(eq(tutors.schoolId, v.schoolId), inArray(tutors.id, ids)))).map((r) => ({
      id: r.id,
      label: fullName(r.first, r.last),
      href: `/admin/tutors/${r.id}`,
    })),
  parent: async (v, ids) =>
    (await getDb().select({ id: parents.id, first: parents.firstName, last: parents.lastName }).from(parents).where(and(eq(parents.schoolId, v.schoolId), inArray(parents.id, ids)))).map((r) => ({
      id: r.id,
      label: fullName(r.first, r.last),
      href: `/admin/parents/${r.id}`,
    })),
  room: async (v, ids) =>
    (await getDb().select({ id: rooms.id, name: rooms.name }).from(rooms).where(and(eq(rooms.schoolId, v.schoolId), inArray(rooms.id, ids)))).map((r) => ({ id: r.id, label: r.name, href: '/admin/rooms' })),
  subject: async (v, ids) =>
    (await getDb().select({ id: subjects.id, name: subjects.name }).from(subjects).where(and(eq(subjects.schoolId, v.schoolId), inArray(subjects.id, ids)))).map((r) => ({ id: r.id, label: r.name, href: '/admin/subjects' })),
  // A person's account is called by their record's name (a tutor's, parent's or student's), else the account's.
  user: async (v, ids) =>
    (
      await getDb()
        .select({
          id: users.id,
          name: sql<string>`coalesce(${tutors.firstName} || ' ' || ${tutors.lastName}, ${parents.firstName} || ' ' || ${parents.lastName}, ${students.firstName} || ' ' || ${students.lastName}, ${users.name})`,
        })
        .from(users)
        .leftJoin(tutors, and(eq(tutors.userId, users.id), eq(tutors.schoolId, users.schoolId)))
        .leftJoin(parents, and(eq(parents.userId, users.id), eq(parents.schoolId, users.schoolId)))
        .leftJoin(students, and(eq(students.userId, users.id), eq(students.schoolId, users.schoolId)))
        .where(and(eq(users.schoolId, v.schoolId), inArray(users.id, ids)))
    ).map((r) => ({ id: r.id, label: r.name, href: `/admin/users/${r.id}` })),
  // A lesson is its subject and start in the school's time; its page is the calendar on that day.
  lesson: async (v, ids) =>
    (
      await getDb()
        .select({ id: lessons.id, during: lessons.during, subject: subjects.name })
        .from(lessons)
        .innerJoin(subjects, eq(subjects.id, lessons.subjectId))
        .where(and(eq(lessons.schoolId, v.schoolId), inArray(lessons.id, ids)))
    ).map((r) => ({ id: r.id, label: `${r.subject}, ${formatDateTime(r.during.start, v.timeZone)}`, href: `/admin/calendar?date=${instantToZoned(r.during.start, v.timeZone).date}` })),
  invoice: async (v, ids) =>
    (await getDb().select({ id: invoices.id, number: invoices.number }).from(invoices).where(and(eq(invoices.schoolId, v.schoolId), inArray(invoices.id, ids)))).map((r) => ({
      id: r.id,
      label: r.number,
      href: `/admin/invoices/${r.id}`,
    })),
  lesson_series: async (v, ids) =>
    (
      await getDb()
        .select({ id: lessonSeries.id, subject: subjects.name, first: tutors.firstName, last: tutors.lastName })
        .from(lessonSeries)
        .innerJoin(subjects, eq(subjects.id, lessonSeries.subjectId))
        .innerJoin(tutors, eq(tutors.id, lessonSeries.tutorId))
        .where(and(eq(lessonSeries.schoolId, v.schoolId), inArray(lessonSeries.id, ids)))
    ).map((r) => ({ id: r.id, label: `${r.subject}, ${fullName(r.first, r.last)}`, href: `/admin/series/${r.id}` })),
  message_thread: async (v, ids) =>
    (await getDb().select({ id: messageThreads.id, subject: messageThreads.subject }).from(messageThreads).where(and(eq(messageThreads.schoolId, v.schoolId), inArray(messageThreads.id, ids)))).map((r) => ({
      id: r.id,
      label: r.subject,
      href: `/admin/messages/${r.id}`,
    })),
  school_closure: async (v, ids) =>
    (await getDb().select({ id: schoolClosures.id, name: schoolClosures.name }).from(schoolClosures).where(and(eq(schoolClosures.schoolId, v.schoolId), inArray(schoolClosures.id, ids)))).map((r) => ({
      id: r.id,
      label: r.name,
      href: '/admin/closures',
    })),
  school: async (v, ids) =>
    ids.includes(v.schoolId.toLowerCase()) ? (await getDb().select({ id: schools.id, name: schools.name }).from(schools).where(eq(schools.id, v.schoolId))).map((r) => ({ id: r.id, label: r.name, href: '/admin/settings' })) : [],
};
// Prices and rates are stored under the subject, student or tutor they belong to.
RECORD_LOOKUPS.subject_price = RECORD_LOOKUPS.subject;
RECORD_LOOKUPS.student_price = RECORD_LOOKUPS.student;
RECORD_LOOKUPS.tutor_rate = RECORD_LOOKUPS.tutor;

/** The kinds an id inside before/after may name. */
const VALUE_TYPES = ['student', 'tutor', 'parent', 'room', 'subject', 'user', 'lesson', 'invoice'] as const;

/** Names of the wanted ids, keyed by id alone (ids are unique across tables). */
async function resolveNames(viewer: Viewer, wanted: Record<string, Set<string>>): Promise<Map<string, RefName>> {
  return idNames(await resolveNamesByType(viewer, wanted));
}

function idNames(byType: Map<string, RefName>): Map<string, RefName> {
  const names = new Map<string, RefName>();
  for (const [key, name] of byType) names.set(key.slice(key.indexOf(':') + 1), name);
  return names;
}

/** Names keyed `type:id`: one query per kind of record for the whole page, never one per row. */
async function resolveNamesByType(viewer: Viewer, wanted: Record<string, Set<string>>): Promise<Map<string, RefName>> {
  const out = new Map<string, RefName>();
  // Kinds sharing a lookup (a subject and its price) are asked once.
  const byLookup = new Map<Lookup, { types: string[]; ids: Set<string> }>();
  for (const [type, ids] of Object.entries(wanted)) {
    const lookup = RECORD_LOOKUPS[type];
    if (!lookup || ids.size === 0) continue;
    const group = byLookup.get(lookup) ?? { types: [], ids: new Set<string>() };
    group.types.push(type);
    for (const id of ids) group.ids.add(id);
    byLookup.set(lookup, group);
  }
  const results = await Promise.all([...byLookup].map(async ([lookup, g]) => ({ g, rows: await lookup(viewer, [...g.ids]) })));
  for (const { g, rows } of results) {
    for (const r of rows) for (const type of g.types) out.set(`${type}:${r.id.toLowerCase()}`, { label: r.label, href: r.href });
  }
  return out;
}
