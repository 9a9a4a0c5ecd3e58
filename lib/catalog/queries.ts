import 'server-only';
import { and, asc, count, desc, eq, isNotNull, isNull, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { lessons, rooms, studentSubjects, subjects, tutorSubjects } from '@/db/schema';
import { can } from '@/lib/auth/permissions';
import type { Viewer } from '@/lib/auth/viewer';
import { getDb, type Queryable } from '@/lib/db';
import { polishOrder } from '@/lib/db/sql';
import { emptyPage, paginate } from '@/lib/list/paginate';
import { escapeLike, searchWords } from '@/lib/search';
import { isUuid } from '@/lib/students/queries';
import type { RoomListFilters, SubjectListFilters } from './schema';

export const CATALOG_PAGE_SIZE = 25;

/**
 * Every word of `q` appears in the name, ignoring case and Polish letters ("jezyk" finds
 * "Język polski"). Subjects and rooms are a few dozen rows a school, so no search column or
 * trigram index: the fold runs on the name itself.
 */
function foldedNameSearch(column: AnyColumn, q: string | undefined): SQL | undefined {
  const words = searchWords(q);
  if (words.length === 0) return undefined;
  return and(...words.map((w) => sql`tutorhub_fold(${column}) like '%' || tutorhub_fold(${escapeLike(w)}) || '%'`));
}

// How many students take a subject and how many tutors teach it: what the list shows and
// what stops a deletion. Archived students and tutors count too: their rows still refer to it.
const studentCount = sql<number>`(select count(*) from ${studentSubjects} where ${studentSubjects.subjectId} = ${subjects.id})`.mapWith(Number);
const tutorCount = sql<number>`(select count(*) from ${tutorSubjects} where ${tutorSubjects.subjectId} = ${subjects.id})`.mapWith(Number);

const subjectColumns = {
  id: subjects.id,
  name: subjects.name,
  levels: subjects.levels,
  defaultDurationMin: subjects.defaultDurationMin,
  color: subjects.color,
  archivedAt: subjects.archivedAt,
  createdAt: subjects.createdAt,
  studentCount,
  tutorCount,
};

const roomColumns = {
  id: rooms.id,
  name: rooms.name,
  capacity: rooms.capacity,
  isActive: rooms.isActive,
  createdAt: rooms.createdAt,
};

/**
 * The school's subjects for the admin list: search on the name, active or archived, sorted
 * by name (Polish order) or lesson length, 25 a page — or every matching row with `all`
 * (the CSV export). Each row carries how many students take it and how many tutors teach it.
 */
export async function listSubjects(viewer: Viewer, filters: SubjectListFilters, options: { all?: boolean } = {}) {
  if (!can(viewer.role, 'records.manage')) return emptyPage<SubjectRow>(CATALOG_PAGE_SIZE);
  const db = getDb();
  const where = and(
    eq(subjects.schoolId, viewer.schoolId),
    filters.status === 'archived' ? isNotNull(subjects.archivedAt) : isNull(subjects.archivedAt),
    foldedNameSearch(subjects.name, filters.q),
  );
  const direction = filters.dir === 'desc' ? desc : asc;
  const byName = polishOrder(subjects.name);
  const order: SQL[] =
    filters.sort === 'duration' ? [direction(subjects.defaultDurationMin), ...byName.map((c) => asc(c))] : byName.map((c) => direction(c));
  const query = db
    .select(subjectColumns)
    .from(subjects)
    .where(where)
    .orderBy(...order, asc(subjects.id));
  return paginate(query, () => db.$count(subjects, where), { page: filters.page, q: filters.q, pageSize: CATALOG_PAGE_SIZE, all: options.all });
}

export type SubjectRow = NonNullable<Awaited<ReturnType<typeof getSubject>>>;

/** One subject of the viewer's school, with its counts; undefined otherwise (the caller answers 404). */
export async function getSubject(viewer: Viewer, id: string) {
  if (!can(viewer.role, 'records.manage') || !isUuid(id)) return undefined;
  const [row] = await getDb()
    .select(subjectColumns)
    .from(subjects)
    .where(and(eq(subjects.id, id), eq(subjects.schoolId, viewer.schoolId)));
  return row;
}

/**
 * What refers to a subject and would stop its deletion, as `{ students: 3, tutors: 1, lessons: 12 }`
 * (only the kinds with rows; cancelled lessons count, they are the school's history). Pass
 * the transaction as `db` to re-check inside a deletion.
 */
export async function subjectDeletionBlockers(viewer: Viewer, id: string, db: Queryable = getDb()): Promise<Record<string, number>> {
  if (!can(viewer.role, 'records.manage') || !isUuid(id)) return {};
  const [[{ students }], [{ tutors }], [{ lessons: taught }]] = await Promise.all([
    db
      .select({ students: count() })
      .from(studentSubjects)
      .where(and(eq(studentSubjects.subjectId, id), eq(studentSubjects.schoolId, viewer.schoolId))),
    db
      .select({ tutors: count() })
      .from(tutorSubjects)
      .where(and(eq(tutorSubjects.subjectId, id), eq(tutorSubjects.schoolId, viewer.schoolId))),
    db
      .select({ lessons: count() })
      .from(lessons)
      .where(and(eq(lessons.subjectId, id), eq(lessons.schoolId, viewer.schoolId))),
  ]);
  return Object.fromEntries(Object.entries({ students, tutors, lessons: taught }).filter(([, n]) => n > 0));
}

/**
 * The school's subjects that are not archived, in Polish name order: the choices of the
 * subject pickers in other forms (enrolments, what a tutor teaches, lessons).
 */
export async function listActiveSubjects(viewer: Viewer) {
  if (!can(viewer.role, 'records.read')) return [];
  return getDb()
    .select({ id: subjects.id, name: subjects.name, levels: subjects.levels, color: subjects.color, defaultDurationMin: subjects.defaultDurationMin })
    .from(subjects)
    .where(and(eq(subjects.schoolId, viewer.schoolId), isNull(subjects.archivedAt)))
    .orderBy(...polishOrder(subjects.name));
}

/**
 * The school's rooms for the admin list: search on the name, active or archived, sorted by
 * name (Polish order) or capacity, 25 a page — or every matching row with `all`.
 */
export async function listRooms(viewer: Viewer, filters: RoomListFilters, options: { all?: boolean } = {}) {
  if (!can(viewer.role, 'records.manage')) return emptyPage<RoomRow>(CATALOG_PAGE_SIZE);
  const db = getDb();
  const where = and(eq(rooms.schoolId, viewer.schoolId), eq(rooms.isActive, filters.status !== 'archived'), foldedNameSearch(rooms.name, filters.q));
  const direction = filters.dir === 'desc' ? desc : asc;
  const byName = polishOrder(rooms.name);
  const order: SQL[] = filters.sort === 'capacity' ? [direction(rooms.capacity), ...byName.map((c) => asc(c))] : byName.map((c) => direction(c));
  const query = db
    .select(roomColumns)
    .from(rooms)
    .where(where)
    .orderBy(...order, asc(rooms.id));
  return paginate(query, () => db.$count(rooms, where), { page: filters.page, q: filters.q, pageSize: CATALOG_PAGE_SIZE, all: options.all });
}

export type RoomRow = NonNullable<Awaited<ReturnType<typeof getRoom>>>;

/** One room of the viewer's school; undefined otherwise (the caller answers 404). */
export async function getRoom(viewer: Viewer, id: string) {
  if (!can(viewer.role, 'records.manage') || !isUuid(id)) return undefined;
  const [row] = await getDb()
    .select(roomColumns)
    .from(rooms)
    .where(and(eq(rooms.id, id), eq(rooms.schoolId, viewer.schoolId)));
  return row;
}

/**
 * What refers to a room and would stop its deletion: its lessons (`{ lessons: n }`, cancelled
 * ones included), else `{}`. The delete action re-checks this inside its transaction.
 */
export async function roomDeletionBlockers(viewer: Viewer, id: string, db: Queryable = getDb()): Promise<Record<string, number>> {
  if (!can(viewer.role, 'records.manage') || !isUuid(id)) return {};
  const [{ lessons: held }] = await db
    .select({ lessons: count() })
    .from(lessons)
    .where(and(eq(lessons.roomId, id), eq(lessons.schoolId, viewer.schoolId)));
  return held > 0 ? { lessons: held } : {};
}

/** The school's rooms in use (not archived), in Polish name order: the choices of room pickers. */
export async function listActiveRooms(viewer: Viewer) {
  if (!can(viewer.role, 'records.read')) return [];
  return getDb()
    .select({ id: rooms.id, name: rooms.name, capacity: rooms.capacity })
    .from(rooms)
    .where(and(eq(rooms.schoolId, viewer.schoolId), eq(rooms.isActive, true)))
    .orderBy(...polishOrder(rooms.name));
}
