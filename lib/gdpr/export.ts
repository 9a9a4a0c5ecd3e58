import 'server-only';
import { and, asc, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import {
  auditLog,
  cancellationRequests,
  emailOutbox,
  invoices,
  lessonAttendance,
  lessonNotes,
  lessons,
  lessonStudents,
  makeupCredits,
  messages,
  messageThreads,
  parents,
  parentStudents,
  payments,
  personConsents,
  schools,
  students,
  subjects,
  tutors,
  users,
} from '@/db/schema';
import { can } from '@/lib/auth/permissions';
import type { Viewer } from '@/lib/auth/viewer';
import { getDb, type Queryable } from '@/lib/db';
import { isUuid } from '@/lib/students/queries';
import { todayIn } from '@/lib/time';
import { PERSON_KINDS, type PersonKind } from './kinds';

/**
 * Everything the school holds about one person (GDPR art. 15, right of access, and art. 20,
 * portability): their record, their account (never a password hash or a token), family links,
 * lessons with attendance and progress notes, cancellations and makeup credits, invoices and
 * payments when they pay, the messages they wrote or that are about their child, consents,
 * the emails sent to them and the audit entries about them. Each section is a list of flat
 * rows, so the same data becomes the JSON file and the tables of the printable document.
 */
export type ExportRow = Record<string, string | number | boolean | null>;
export type GdprExport = {
  format: 'tutorhub.gdpr-export/1';
  generatedAt: string;
  /** The school's calendar date of the export: part of the file name. */
  generatedOn: string;
  school: { name: string; legalName: string | null; email: string | null };
  person: { kind: PersonKind; id: string; name: string; anonymised: boolean };
  sections: Record<SectionKey, ExportRow[]>;
};

export const SECTION_KEYS = ['profile', 'account', 'family', 'lessons', 'cancellations', 'makeupCredits', 'invoices', 'payments', 'messages', 'consents', 'emails', 'audit'] as const;
export type SectionKey = (typeof SECTION_KEYS)[number];

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);
const json = (v: unknown) => (v == null ? null : JSON.stringify(v));

type Who = {
  kind: PersonKind;
  id: string;
  name: string;
  anonymised: boolean;
  userId: string | null;
  emails: string[];
  profile: ExportRow;
  /** The students whose lessons, cancellations and threads belong in the export. */
  studentIds: string[];
  /** Payer key for invoices and payments (a parent, or a self-paying student). */
  payerKey: string | null;
  tutorId: string | null;
};

async function loadPerson(db: Queryable, schoolId: string, kind: PersonKind, id: string): Promise<Who | null> {
  if (kind === 'student') {
    const [s] = await db.select().from(students).where(and(eq(students.schoolId, schoolId), eq(students.id, id)));
    if (!s) return null;
    const { searchText: _s, ...profile } = s;
    const account = s.userId ? (await db.select({ email: users.email }).from(users).where(eq(users.id, s.userId)))[0] : undefined;
    return {
      kind,
      id,
      name: `${s.firstName} ${s.lastName}`,
      anonymised: Boolean(s.anonymisedAt),
      userId: s.userId,
      emails: [s.email, account?.email].filter((e): e is string => Boolean(e)),
      profile: flat(profile),
      studentIds: [s.id],
      payerKey: s.id,
      tutorId: null,
    };
  }
  if (kind === 'parent') {
    const [p] = await db.select().from(parents).where(and(eq(parents.schoolId, schoolId), eq(parents.id, id)));
    if (!p) return null;
    const { searchText: _s, ...profile } = p;
    const children = await db.select({ id: parentStudents.studentId }).from(parentStudents).where(eq(parentStudents.parentId, p.id));
    const account = p.userId ? (await db.select({ email: users.email }).from(users).where(eq(users.id, p.userId)))[0] : undefined;
    return {
      kind,
      id,
      name: `${p.firstName} ${p.lastName}`,
      anonymised: Boolean(p.anonymisedAt),
      userId: p.userId,
      emails: [p.email, account?.email].filter((e): e is string => Boolean(e)),
      profile: flat(profile),
      studentIds: children.map((c) => c.id),
      payerKey: p.id,
      tutorId: null,
    };
  }
  const [t] = await db.select().from(tutors).where(and(eq(tutors.schoolId, schoolId), eq(tutors.id, id)));
  if (!t) return null;
  const { searchText: _s, ...profile } = t;
  const account = t.userId ? (await db.select({ email: users.email }).from(users).where(eq(users.id, t.userId)))[0] : undefined;
  return {
    kind,
    id,
    name: `${t.firstName} ${t.lastName}`,
    anonymised: Boolean(t.anonymisedAt),
    userId: t.userId,
    emails: [t.email, account?.email].filter((e): e is string => Boolean(e)),
    profile: flat(profile),
    studentIds: [],
    payerKey: null,
    tutorId: t.id,
  };
}

function flat(row: Record<string, unknown>): ExportRow {
  return Object.fromEntries(
    Object.entries(row).map(([k, v]) => [k, v instanceof Date ? v.toISOString() : v == null ? null : typeof v === 'object' ? JSON.stringify(v) : (v as string | number | boolean)]),
  );
}

/**
 * The export of one person of the viewer's school, or null when there is no such person in
 * it (another school's id, a malformed id) — the route answers 404 either way. Admins only.
 */
export async function exportPerson(viewer: Viewer, kind: string, id: string, db: Queryable = getDb()): Promise<GdprExport | null> {
  if (!can(viewer.role, 'gdpr.manage')) return null;
  if (!(PERSON_KINDS as readonly string[]).includes(kind) || !isUuid(id)) return null;
  const schoolId = viewer.schoolId;
  const who = await loadPerson(db, schoolId, kind as PersonKind, id);
  if (!who) return null;
  const [school] = await db.select({ name: schools.name, legalName: schools.legalName, email: schools.email, timeZone: schools.timeZone }).from(schools).where(eq(schools.id, schoolId));
  const now = new Date();

  const account: ExportRow[] = [];
  if (who.userId) {
    const [u] = await db
      .select({ email: users.email, role: users.role, status: users.status, locale: users.locale, emailVerified: users.emailVerified, lastLoginAt: users.lastLoginAt, createdAt: users.createdAt })
      .from(users)
      .where(and(eq(users.schoolId, schoolId), eq(users.id, who.userId)));
    if (u) account.push({ ...u, emailVerified: iso(u.emailVerified), lastLoginAt: iso(u.lastLoginAt), createdAt: iso(u.createdAt) });
  }

  // Family links, seen from the person's side.
  const family: ExportRow[] = [];
  if (who.kind === 'parent') {
    const rows = await db
      .select({ studentId: students.id, firstName: students.firstName, lastName: students.lastName, access: parentStudents.access, isPayer: parentStudents.isPayer, since: parentStudents.createdAt })
      .from(parentStudents)
      .innerJoin(students, eq(students.id, parentStudents.studentId))
      .where(and(eq(parentStudents.schoolId, schoolId), eq(parentStudents.parentId, who.id)));
    for (const r of rows) family.push({ child: `${r.firstName} ${r.lastName}`, studentId: r.studentId, access: r.access, isPayer: r.isPayer, since: iso(r.since) });
  } else if (who.kind === 'student') {
    const rows = await db
      .select({ parentId: parents.id, firstName: parents.firstName, lastName: parents.lastName, access: parentStudents.access, isPayer: parentStudents.isPayer, since: parentStudents.createdAt })
      .from(parentStudents)
      .innerJoin(parents, eq(parents.id, parentStudents.parentId))
      .where(and(eq(parentStudents.schoolId, schoolId), eq(parentStudents.studentId, who.id)));
    for (const r of rows) family.push({ parent: `${r.firstName} ${r.lastName}`, parentId: r.parentId, access: r.access, isPayer: r.isPayer, since: iso(r.since) });
  }

  // Lessons: a student's own, a parent's children's, a tutor's taught ones.
  const lessonRows: ExportRow[] = [];
  const lessonScope: SQL | undefined =
    who.kind === 'tutor' ? eq(lessons.tutorId, who.id) : who.studentIds.length ? inArray(lessonStudents.studentId, who.studentIds) : undefined;
  if (lessonScope) {
    const rows = await db
      .select({
        lessonId: lessons.id,
        during: lessons.during,
        status: lessons.status,
        subject: subjects.name,
        tutorFirst: tutors.firstName,
        tutorLast: tutors.lastName,
        studentId: lessonStudents.studentId,
        studentFirst: students.firstName,
        studentLast: students.lastName,
        attendance: lessonAttendance.status,
        topic: lessonNotes.topic,
        homework: lessonNotes.homework,
        note: lessonNotes.note,
      })
      .from(lessons)
      .innerJoin(subjects, eq(subjects.id, lessons.subjectId))
      .innerJoin(tutors, eq(tutors.id, lessons.tutorId))
      .leftJoin(lessonStudents, eq(lessonStudents.lessonId, lessons.id))
      .leftJoin(students, eq(students.id, lessonStudents.studentId))
      .leftJoin(lessonAttendance, and(eq(lessonAttendance.lessonId, lessons.id), eq(lessonAttendance.studentId, lessonStudents.studentId)))
      .leftJoin(lessonNotes, eq(lessonNotes.lessonId, lessons.id))
      .where(and(eq(lessons.schoolId, schoolId), lessonScope))
      .orderBy(asc(sql`lower(${lessons.during})`));
    for (const r of rows)
      lessonRows.push({
        start: r.during.start.toISOString(),
        end: r.during.end.toISOString(),
        subject: r.subject,
        tutor: `${r.tutorFirst} ${r.tutorLast}`,
        student: r.studentFirst ? `${r.studentFirst} ${r.studentLast}` : null,
        status: r.status,
        attendance: r.attendance ?? null,
        topic: r.topic ?? null,
        homework: r.homework ?? null,
        note: r.note ?? null,
      });
  }

  const cancellations: ExportRow[] = [];
  const credits: ExportRow[] = [];
  if (who.studentIds.length || who.userId) {
    const rows = await db
      .select({ createdAt: cancellationRequests.createdAt, studentId: cancellationRequests.studentId, reason: cancellationRequests.reason, status: cancellationRequests.status, late: cancellationRequests.late, decidedAt: cancellationRequests.decidedAt, decisionNote: cancellationRequests.decisionNote, during: lessons.during })
      .from(cancellationRequests)
      .innerJoin(lessons, eq(lessons.id, cancellationRequests.lessonId))
      .where(
        and(
          eq(cancellationRequests.schoolId, schoolId),
          or(who.studentIds.length ? inArray(cancellationRequests.studentId, who.studentIds) : sql`false`, who.userId ? eq(cancellationRequests.requestedBy, who.userId) : sql`false`),
        ),
      )
      .orderBy(asc(cancellationRequests.createdAt));
    for (const r of rows) cancellations.push({ requestedAt: iso(r.createdAt), lessonStart: r.during.start.toISOString(), studentId: r.studentId, reason: r.reason, status: r.status, late: r.late, decidedAt: iso(r.decidedAt), decisionNote: r.decisionNote });
  }
  if (who.studentIds.length) {
    const rows = await db.select().from(makeupCredits).where(and(eq(makeupCredits.schoolId, schoolId), inArray(makeupCredits.studentId, who.studentIds))).orderBy(asc(makeupCredits.createdAt));
    for (const r of rows) credits.push({ studentId: r.studentId, status: r.status, createdAt: iso(r.createdAt), expiresAt: iso(r.expiresAt), usedAt: iso(r.usedAt), expiredAt: iso(r.expiredAt) });
  }

  const invoiceRows: ExportRow[] = [];
  const paymentRows: ExportRow[] = [];
  if (who.payerKey) {
    const rows = await db.select().from(invoices).where(and(eq(invoices.schoolId, schoolId), eq(invoices.payerKey, who.payerKey))).orderBy(asc(invoices.issueDate));
    for (const r of rows)
      invoiceRows.push({
        number: r.number,
        kind: r.kind,
        issueDate: r.issueDate,
        saleDate: r.saleDate,
        dueDate: r.dueDate,
        buyer: json(r.buyer),
        gross: r.gross,
        paid: r.paid,
        status: r.status,
        buyerRetainedUntil: r.buyerRetainedUntil,
      });
    const pays = await db.select().from(payments).where(and(eq(payments.schoolId, schoolId), eq(payments.payerKey, who.payerKey))).orderBy(asc(payments.paidOn));
    for (const p of pays) paymentRows.push({ paidOn: p.paidOn, amount: p.amount, method: p.method, reference: p.reference });
  }

  // Messages they wrote, and every message in a thread about their child (or themself).
  const messageRows: ExportRow[] = [];
  const threadScope = or(who.userId ? eq(messages.authorId, who.userId) : sql`false`, who.studentIds.length ? inArray(messageThreads.studentId, who.studentIds) : sql`false`);
  {
    const rows = await db
      .select({ createdAt: messages.createdAt, subject: messageThreads.subject, studentId: messageThreads.studentId, body: messages.body, authorName: users.name, authorId: messages.authorId })
      .from(messages)
      .innerJoin(messageThreads, eq(messageThreads.id, messages.threadId))
      .innerJoin(users, eq(users.id, messages.authorId))
      .where(and(eq(messages.schoolId, schoolId), threadScope))
      .orderBy(asc(messages.createdAt));
    for (const r of rows) messageRows.push({ sentAt: iso(r.createdAt), thread: r.subject, author: r.authorName, byThisPerson: r.authorId === who.userId, body: r.body });
  }

  const consents: ExportRow[] = [];
  if (who.kind !== 'tutor') {
    const rows = await db
      .select({ kind: personConsents.kind, granted: personConsents.granted, givenOn: personConsents.givenOn, source: personConsents.source, note: personConsents.note, recordedAt: personConsents.createdAt, recordedBy: users.name })
      .from(personConsents)
      .leftJoin(users, eq(users.id, personConsents.recordedBy))
      .where(and(eq(personConsents.schoolId, schoolId), who.kind === 'student' ? eq(personConsents.studentId, who.id) : eq(personConsents.parentId, who.id)))
      .orderBy(asc(personConsents.createdAt));
    for (const r of rows) consents.push({ kind: r.kind, granted: r.granted, givenOn: r.givenOn, source: r.source, note: r.note, recordedAt: iso(r.recordedAt), recordedBy: r.recordedBy });
  }

  const emails: ExportRow[] = [];
  if (who.emails.length) {
    const lowered = [...new Set(who.emails.map((e) => e.toLowerCase()))];
    const rows = await db
      .select()
      .from(emailOutbox)
      .where(and(eq(emailOutbox.schoolId, schoolId), inArray(sql`lower(${emailOutbox.toAddress})`, lowered)))
      .orderBy(asc(emailOutbox.createdAt));
    for (const r of rows) emails.push({ createdAt: iso(r.createdAt), to: r.toAddress, subject: r.subject, status: r.status, sentAt: iso(r.sentAt), text: r.text });
  }

  // Audit entries about the person (their record, their account) or made by them.
  const entityIds = [who.id, ...(who.userId ? [who.userId] : [])];
  const auditRows = await db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.schoolId, schoolId), or(inArray(auditLog.entityId, entityIds), who.userId ? eq(auditLog.actorUserId, who.userId) : sql`false`)))
    .orderBy(desc(auditLog.createdAt))
    .limit(5000);
  const audit = auditRows.map((a) => ({ at: iso(a.createdAt), action: a.action, entityType: a.entityType, entityId: a.entityId, byThisPerson: a.actorUserId === who.userId && who.userId !== null, ip: a.ip, before: json(a.before), after: json(a.after) }));

  return {
    format: 'tutorhub.gdpr-export/1',
    generatedAt: now.toISOString(),
    generatedOn: todayIn(school.timeZone, now),
    school: { name: school.name, legalName: school.legalName, email: school.email },
    person: { kind: who.kind, id: who.id, name: who.name, anonymised: who.anonymised },
    sections: {
      profile: [who.profile],
      account,
      family,
      lessons: lessonRows,
      cancellations,
      makeupCredits: credits,
      invoices: invoiceRows,
      payments: paymentRows,
      messages: messageRows,
      consents,
      emails,
      audit,
    },
  };
}

/** "eksport-danych-anna-kowalska-2026-11-26": the person and the school's date, ASCII only. */
export function exportFileName(data: GdprExport): string {
  const slug = data.person.name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[łŁ]/g, 'l')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
  return `eksport-danych-${slug || data.person.id.slice(0, 8)}-${data.generatedOn}`;
}
