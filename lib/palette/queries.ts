import 'server-only';
import { and, asc, desc, eq, exists, inArray, isNull, or, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { invoices, parents, parentStudents, students, tutors, type InvoiceStatus, type studentStatus } from '@/db/schema';
import { can } from '@/lib/auth/permissions';
import type { Viewer } from '@/lib/auth/viewer';
import { invoiceStatusAt, invoiceVisibility } from '@/lib/billing/queries';
import { getDb } from '@/lib/db';
import { polishOrder } from '@/lib/db/sql';
import { phoneDigitsSearch } from '@/lib/parents/queries';
import { escapeLike, foldedSearch } from '@/lib/search';
import type { StudentLevel } from '@/lib/students/levels';
import { studentVisibility } from '@/lib/students/queries';
import type { TutorStatus } from '@/lib/tutors/schema';
import { todayIn } from '@/lib/time';
import { calendarDayHref, PALETTE_GROUP_LIMIT, paletteQuery, parsePaletteDate } from './rules';

type StudentStatus = (typeof studentStatus.enumValues)[number];

export type PaletteStudent = {
  id: string;
  name: string;
  href: string;
  level: StudentLevel;
  status: StudentStatus;
  /** "SP 12, klasa 5" when the school or class is on file. */
  school: string | null;
  parents: string[];
};

export type PaletteParent = {
  id: string;
  name: string;
  href: string;
  email: string;
  archived: boolean;
  /** The children the viewer may see (a tutor: only those they teach). */
  children: string[];
};

export type PaletteTutor = { id: string; name: string; href: string; email: string | null; status: TutorStatus };

export type PaletteInvoice = {
  id: string;
  number: string;
  href: string;
  kind: 'invoice' | 'correction';
  buyer: string;
  gross: number;
  status: InvoiceStatus;
  issueDate: string;
};

export type PaletteDay = { date: string; href: string };

/** What the palette shows for a query: a plain object per group, at most five rows each. */
export type PaletteResults = {
  q: string;
  day: PaletteDay | null;
  students: PaletteStudent[];
  parents: PaletteParent[];
  tutors: PaletteTutor[];
  invoices: PaletteInvoice[];
};

export const emptyPaletteResults = (q = ''): PaletteResults => ({ q, day: null, students: [], parents: [], tutors: [], invoices: [] });

/** Staff only: the palette searches school records, which is what `records.read` lets a role read. */
export function canUsePalette(viewer: Viewer): viewer is Viewer & { role: 'admin' | 'tutor' } {
  return can(viewer.role, 'records.read') && (viewer.role === 'admin' || viewer.role === 'tutor');
}

/**
 * Everything the viewer may jump to for `q`, by kind: students, parents, tutors, invoices and a
 * calendar day. Staff only (nothing for a parent or a student); every group is filtered by the
 * viewer's school and the same ownership predicates the lists use, so a tutor finds only the
 * students they teach and those students' parents, never another tutor's or another school's.
 * Names, e-mails and phones are compared folded ("lodz" finds "Łódź") on the trigram-indexed
 * `search_text` columns. `q` is trimmed; under 2 or over 100 characters nothing is searched.
 */
export async function searchEverything(viewer: Viewer, raw: string): Promise<PaletteResults> {
  const q = paletteQuery(raw);
  if (!q || !canUsePalette(viewer)) return emptyPaletteResults(q ?? '');
  const date = parsePaletteDate(q, todayIn(viewer.timeZone));
  const [studentRows, parentRows, tutorRows, invoiceRows] = await Promise.all([
    searchStudents(viewer, q),
    searchParents(viewer, q),
    searchTutors(viewer, q),
    searchInvoices(viewer, q),
  ]);
  return {
    q,
    day: date ? { date, href: calendarDayHref(viewer.role, date) } : null,
    students: studentRows,
    parents: parentRows,
    tutors: tutorRows,
    invoices: invoiceRows,
  };
}

/**
 * Rows whose name begins with what was typed come first ("ada" puts Ada Żurek before Nowak
 * Adam): the folded text starts with it, or one of its words does.
 */
function startsWith(column: AnyColumn, q: string): SQL {
  const typed = sql`tutorhub_fold(${escapeLike(q)})`;
  return sql`(${column} like ${typed} || '%' or ${column} like '% ' || ${typed} || '%')`;
}

const staffRoute = (viewer: Viewer & { role: 'admin' | 'tutor' }) => `/${viewer.role}`;

async function searchStudents(viewer: Viewer & { role: 'admin' | 'tutor' }, q: string): Promise<PaletteStudent[]> {
  const db = getDb();
  const rows = await db
    .select({
      id: students.id,
      firstName: students.firstName,
      lastName: students.lastName,
      level: students.level,
      status: students.status,
      schoolName: students.schoolName,
      className: students.className,
    })
    .from(students)
    .where(and(studentVisibility(viewer), foldedSearch(students.searchText, q)))
    .orderBy(sql`${students.status} = 'archived'`, desc(startsWith(students.searchText, q)), ...polishOrder(students.lastName), ...polishOrder(students.firstName), asc(students.id))
    .limit(PALETTE_GROUP_LIMIT);
  const ids = rows.map((r) => r.id);
  // A tutor may read the parents of the students they teach (their contact is on the student's page).
  const family = ids.length
    ? await db
        .select({ studentId: parentStudents.studentId, firstName: parents.firstName, lastName: parents.lastName })
        .from(parentStudents)
        .innerJoin(parents, eq(parents.id, parentStudents.parentId))
        .where(and(inArray(parentStudents.studentId, ids), eq(parentStudents.schoolId, viewer.schoolId), eq(parents.schoolId, viewer.schoolId), isNull(parents.archivedAt)))
        .orderBy(desc(parentStudents.isPayer), ...polishOrder(parents.lastName), ...polishOrder(parents.firstName))
    : [];
  return rows.map((r) => ({
    id: r.id,
    name: `${r.firstName} ${r.lastName}`,
    href: `${staffRoute(viewer)}/students/${r.id}`,
    level: r.level,
    status: r.status,
    school: [r.schoolName, r.className].filter(Boolean).join(', ') || null,
    parents: family.filter((p) => p.studentId === r.id).map((p) => `${p.firstName} ${p.lastName}`),
  }));
}

/**
 * Parents: an admin the school's (archived ones last); a tutor only the current parents of a
 * student they teach. A tutor has no parent page, so their row opens the child's page, where
 * the parent's contact is; and it names only the children the tutor teaches.
 */
async function searchParents(viewer: Viewer & { role: 'admin' | 'tutor' }, q: string): Promise<PaletteParent[]> {
  const db = getDb();
  const text = foldedSearch(parents.searchText, q);
  const phone = phoneDigitsSearch(q);
  const visibleChild = exists(
    db
      .select({ one: sql`1` })
      .from(parentStudents)
      .innerJoin(students, eq(students.id, parentStudents.studentId))
      .where(and(eq(parentStudents.parentId, parents.id), studentVisibility(viewer))),
  );
  const rows = await db
    .select({ id: parents.id, firstName: parents.firstName, lastName: parents.lastName, email: parents.email, archivedAt: parents.archivedAt })
    .from(parents)
    .where(
      and(
        eq(parents.schoolId, viewer.schoolId),
        phone ? or(text, phone) : text,
        viewer.role === 'tutor' ? and(isNull(parents.archivedAt), visibleChild) : undefined,
      ),
    )
    .orderBy(sql`${parents.archivedAt} is not null`, desc(startsWith(parents.searchText, q)), ...polishOrder(parents.lastName), ...polishOrder(parents.firstName), asc(parents.id))
    .limit(PALETTE_GROUP_LIMIT);
  const ids = rows.map((r) => r.id);
  const children = ids.length
    ? await db
        .select({ parentId: parentStudents.parentId, id: students.id, firstName: students.firstName, lastName: students.lastName })
        .from(parentStudents)
        .innerJoin(students, eq(students.id, parentStudents.studentId))
        .where(and(inArray(parentStudents.parentId, ids), eq(parentStudents.schoolId, viewer.schoolId), studentVisibility(viewer)))
        .orderBy(...polishOrder(students.firstName), ...polishOrder(students.lastName))
    : [];
  return rows.flatMap((r) => {
    const own = children.filter((c) => c.parentId === r.id);
    const href = viewer.role === 'admin' ? `/admin/parents/${r.id}` : own[0] ? `/tutor/students/${own[0].id}` : undefined;
    if (!href) return [];
    return [{ id: r.id, name: `${r.firstName} ${r.lastName}`, href, email: r.email, archived: r.archivedAt !== null, children: own.map((c) => `${c.firstName} ${c.lastName}`) }];
  });
}

/**
 * Tutors: admins only. A tutor sees colleagues' names in the calendar's pickers but has no page
 * about another tutor to open, and their e-mail and status are the office's business.
 */
async function searchTutors(viewer: Viewer & { role: 'admin' | 'tutor' }, q: string): Promise<PaletteTutor[]> {
  if (!can(viewer.role, 'records.manage')) return [];
  const rows = await getDb()
    .select({ id: tutors.id, firstName: tutors.firstName, lastName: tutors.lastName, email: tutors.email, status: tutors.status })
    .from(tutors)
    .where(and(eq(tutors.schoolId, viewer.schoolId), foldedSearch(tutors.searchText, q)))
    .orderBy(sql`${tutors.status} = 'left'`, desc(startsWith(tutors.searchText, q)), ...polishOrder(tutors.lastName), ...polishOrder(tutors.firstName), asc(tutors.id))
    .limit(PALETTE_GROUP_LIMIT);
  return rows.map((r) => ({ id: r.id, name: `${r.firstName} ${r.lastName}`, href: `/admin/tutors/${r.id}`, email: r.email, status: r.status }));
}

/**
 * Invoices by number, for those who may read the school's invoices (admins). Every part typed
 * must be in the number, in any order, so "FV/2026/11" finds "FV/0003/11/2026" and "0003" finds
 * it too. A query without a digit is a name, not a number: no invoices for it (a parent's
 * invoices are one click away on the parent's page). Exact number first, then newest.
 */
async function searchInvoices(viewer: Viewer & { role: 'admin' | 'tutor' }, q: string): Promise<PaletteInvoice[]> {
  if (!can(viewer.role, 'invoices.read') || !/\d/.test(q)) return [];
  const parts = q
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .slice(0, 5);
  if (parts.length === 0) return [];
  const rows = await getDb()
    .select({
      id: invoices.id,
      number: invoices.number,
      kind: invoices.kind,
      buyer: sql<string>`coalesce(${invoices.buyer}->>'name', '')`,
      gross: invoices.gross,
      status: invoiceStatusAt(todayIn(viewer.timeZone)),
      issueDate: invoices.issueDate,
    })
    .from(invoices)
    .where(and(invoiceVisibility(viewer), ...parts.map((part) => sql`${invoices.number} ilike '%' || ${escapeLike(part)} || '%'`)))
    .orderBy(desc(sql`lower(${invoices.number}) = lower(${q})`), desc(invoices.issueDate), desc(invoices.year), desc(invoices.seq), asc(invoices.id))
    .limit(PALETTE_GROUP_LIMIT);
  return rows.map((r) => ({ ...r, href: `/admin/invoices/${r.id}` }));
}
