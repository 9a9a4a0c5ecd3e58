import 'server-only';
import { and, eq, inArray, isNull, ne, or, sql } from 'drizzle-orm';
import {
  accountTokens,
  auditLog,
  cancellationRequests,
  emailOutbox,
  emailUnsubscribes,
  invoices,
  lessonNotes,
  lessons,
  lessonStudents,
  messages,
  messageThreads,
  notificationEvents,
  parents,
  parentStudents,
  payments,
  personConsents,
  rateLimits,
  students,
  tutors,
  userSessions,
  users,
  verificationTokens,
} from '@/db/schema';
import type { Audit } from '@/lib/audited';
import type { Tx } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { addCalendarDays, todayIn } from '@/lib/time';
import { ANONYMOUS_NAME, anonymousEmail, REDACTED_TEXT, shortId, type PersonKind } from './kinds';
import { allowAuditRedaction, containsPattern, invoiceBuyerRetainedUntil, needlesOf, needleStrings, scrubJson } from './retention';

/**
 * Erasure by anonymisation (GDPR art. 17). The rows stay — lessons, attendance, invoices and
 * threads are the school's history and its accounting — but nothing in them names the person
 * any more: their record's personal fields are replaced, their account can never sign in
 * again, what they wrote is replaced by a placeholder, emails to them are emptied, and the
 * audit trail is redacted through its one controlled exception (migration 0021). Issued
 * invoices keep the buyer's name, address and NIP as the tax law requires, with the day that
 * duty ends recorded on each; the `data-retention` job clears them after it.
 *
 * For a parent the admin decides for each child: anonymise the child too, or keep them. A kept
 * child needs someone left to look after them — another parent, or being an adult with their
 * own account — or the erasure is refused with the child's name.
 */
export type ChildDecision = { studentId: string; action: 'anonymise' | 'keep' };
export type AnonymiseInput = { kind: PersonKind; id: string; children?: ChildDecision[] };

export type AnonymiseCounts = {
  accounts: number;
  sessions: number;
  messages: number;
  threads: number;
  notes: number;
  cancellations: number;
  emails: number;
  auditRedacted: number;
  invoicesRetained: number;
  consents: number;
  links: number;
};

export type AnonymiseResult = { kind: PersonKind; id: string; name: string; children: ChildDecision[]; counts: AnonymiseCounts };

const zero = (): AnonymiseCounts => ({ accounts: 0, sessions: 0, messages: 0, threads: 0, notes: 0, cancellations: 0, emails: 0, auditRedacted: 0, invoicesRetained: 0, consents: 0, links: 0 });

/** Fields of the person's own record that audit entries about it may carry. */
const PERSONAL_KEYS = new Set([
  'firstName',
  'lastName',
  'name',
  'email',
  'phone',
  'birthDate',
  'notes',
  'schoolName',
  'className',
  'billingName',
  'billingAddress',
  'companyName',
  'companyNip',
  'companyAddress',
  'bio',
  'address',
]);

type Person = {
  kind: PersonKind;
  id: string;
  userId: string | null;
  /** Identifying strings to look for in free text and JSON. */
  identifiers: (string | null)[];
  emails: string[];
};

type Ctx = { tx: Tx; schoolId: string; now: Date; counts: AnonymiseCounts };

/** True when a kept child can stand alone: an adult (level, self-paying, or 18 by birth date) with their own account. */
function isIndependentAdult(s: { userId: string | null; level: string; isSelfPayer: boolean; birthDate: string | null }, today: string): boolean {
  if (!s.userId) return false;
  if (s.level === 'adult' || s.isSelfPayer) return true;
  if (!s.birthDate) return false;
  const eighteenth = `${Number(s.birthDate.slice(0, 4)) + 18}${s.birthDate.slice(4)}`;
  return eighteenth <= today;
}

export async function anonymisePerson(tx: Tx, audit: Audit, school: { id: string; timeZone: string }, input: AnonymiseInput, now = new Date()): Promise<AnonymiseResult> {
  const ctx: Ctx = { tx, schoolId: school.id, now, counts: zero() };
  await allowAuditRedaction(tx);
  const decisions: ChildDecision[] = [];
  let name: string;

  if (input.kind === 'parent') {
    const [parent] = await tx
      .select()
      .from(parents)
      .where(and(eq(parents.schoolId, school.id), eq(parents.id, input.id)))
      .for('update');
    if (!parent) throw new AppError('NOT_FOUND');
    if (parent.anonymisedAt) throw new AppError('CONFLICT', 'gdpr.anonymise.already');
    const links = await tx
      .select({ studentId: parentStudents.studentId, firstName: students.firstName, lastName: students.lastName, userId: students.userId, level: students.level, isSelfPayer: students.isSelfPayer, birthDate: students.birthDate })
      .from(parentStudents)
      .innerJoin(students, eq(students.id, parentStudents.studentId))
      .where(and(eq(parentStudents.schoolId, school.id), eq(parentStudents.parentId, parent.id)));
    const chosen = new Map((input.children ?? []).map((c) => [c.studentId, c.action]));
    for (const id of chosen.keys()) if (!links.some((l) => l.studentId === id)) throw new AppError('NOT_FOUND');
    const today = todayIn(school.timeZone, now);
    for (const child of links) {
      const action = chosen.get(child.studentId);
      if (!action) throw new AppError('VALIDATION', 'gdpr.anonymise.childDecisionMissing', { children: ['gdpr.anonymise.childDecisionMissing'] }, `child:${child.firstName} ${child.lastName}`);
      if (action === 'keep') {
        const others = await tx
          .select({ id: parents.id })
          .from(parentStudents)
          .innerJoin(parents, eq(parents.id, parentStudents.parentId))
          .where(and(eq(parentStudents.studentId, child.studentId), ne(parentStudents.parentId, parent.id), isNull(parents.anonymisedAt)));
        if (others.length === 0 && !isIndependentAdult(child, today)) {
          throw new AppError('VALIDATION', undefined, { children: ['gdpr.anonymise.childAlone'] }, `childAlone:${child.firstName} ${child.lastName}`);
        }
      }
      decisions.push({ studentId: child.studentId, action });
    }
    for (const d of decisions) if (d.action === 'anonymise') await anonymiseStudentRow(ctx, d.studentId);
    const person: Person = {
      kind: 'parent',
      id: parent.id,
      userId: parent.userId,
      identifiers: [`${parent.firstName} ${parent.lastName}`, `${parent.lastName} ${parent.firstName}`, parent.email, parent.phone, parent.billingName, parent.billingAddress, parent.companyAddress],
      emails: [parent.email],
    };
    const linksRemoved = await tx.delete(parentStudents).where(eq(parentStudents.parentId, parent.id)).returning({ s: parentStudents.studentId });
    ctx.counts.links += linksRemoved.length;
    await tx
      .update(parents)
      .set({
        firstName: ANONYMOUS_NAME,
        lastName: shortId(parent.id),
        email: anonymousEmail(parent.id),
        phone: null,
        billingName: null,
        billingAddress: null,
        companyName: null,
        companyNip: null,
        companyAddress: null,
        archivedAt: parent.archivedAt ?? now,
        anonymisedAt: now,
        updatedAt: now,
      })
      .where(eq(parents.id, parent.id));
    await scrubPerson(ctx, person, { payerParentId: parent.id });
    name = `${ANONYMOUS_NAME} ${shortId(parent.id)}`;
  } else if (input.kind === 'student') {
    await anonymiseStudentRow(ctx, input.id);
    name = `${ANONYMOUS_NAME} ${shortId(input.id)}`;
  } else {
    const [tutor] = await tx
      .select()
      .from(tutors)
      .where(and(eq(tutors.schoolId, school.id), eq(tutors.id, input.id)))
      .for('update');
    if (!tutor) throw new AppError('NOT_FOUND');
    if (tutor.anonymisedAt) throw new AppError('CONFLICT', 'gdpr.anonymise.already');
    const [future] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(lessons)
      .where(and(eq(lessons.tutorId, tutor.id), eq(lessons.status, 'scheduled'), sql`lower(${lessons.during}) > ${now.toISOString()}::timestamptz`));
    if (future.n > 0) throw new AppError('VALIDATION', undefined, { _form: ['gdpr.anonymise.tutorHasLessons'] }, `tutorLessons:${future.n}`);
    const person: Person = {
      kind: 'tutor',
      id: tutor.id,
      userId: tutor.userId,
      identifiers: [`${tutor.firstName} ${tutor.lastName}`, `${tutor.lastName} ${tutor.firstName}`, tutor.email, tutor.phone],
      emails: tutor.email ? [tutor.email] : [],
    };
    await tx
      .update(tutors)
      .set({ firstName: ANONYMOUS_NAME, lastName: shortId(tutor.id), email: null, phone: null, bio: null, status: 'left', anonymisedAt: now, updatedAt: now })
      .where(eq(tutors.id, tutor.id));
    await scrubPerson(ctx, person, {});
    name = `${ANONYMOUS_NAME} ${shortId(tutor.id)}`;
  }

  // Only ids, kinds and counts: the entry of an erasure must not hold what it erased.
  await audit({
    action: 'gdpr.anonymise',
    entityType: input.kind,
    entityId: input.id,
    before: { kind: input.kind, id: input.id },
    after: { kind: input.kind, id: input.id, children: decisions, counts: ctx.counts },
  });
  return { kind: input.kind, id: input.id, name, children: decisions, counts: ctx.counts };
}

/** Anonymises one student: their record, account, links, future places, threads about them and notes of their own lessons. */
async function anonymiseStudentRow(ctx: Ctx, studentId: string) {
  const { tx, schoolId, now } = ctx;
  const [student] = await tx
    .select()
    .from(students)
    .where(and(eq(students.schoolId, schoolId), eq(students.id, studentId)))
    .for('update');
  if (!student) throw new AppError('NOT_FOUND');
  if (student.anonymisedAt) return;
  const person: Person = {
    kind: 'student',
    id: student.id,
    userId: student.userId,
    identifiers: [`${student.firstName} ${student.lastName}`, `${student.lastName} ${student.firstName}`, student.email, student.phone],
    emails: student.email ? [student.email] : [],
  };
  const removed = await tx.delete(parentStudents).where(eq(parentStudents.studentId, student.id)).returning({ p: parentStudents.parentId });
  ctx.counts.links += removed.length;
  // Out of lessons still to come (their attendance goes with the place); past lessons stay as history.
  const upcoming = tx
    .select({ id: lessons.id })
    .from(lessons)
    .where(and(eq(lessons.schoolId, schoolId), eq(lessons.status, 'scheduled'), sql`lower(${lessons.during}) > ${now.toISOString()}::timestamptz`));
  await tx.delete(lessonStudents).where(and(eq(lessonStudents.studentId, student.id), inArray(lessonStudents.lessonId, upcoming)));

  // Notes of lessons the student had alone are about them: replaced. In a group, their name is taken out.
  const own = await tx
    .select({ lessonId: lessonStudents.lessonId, n: sql<number>`(select count(*)::int from lesson_students x where x.lesson_id = lesson_students.lesson_id)` })
    .from(lessonStudents)
    .where(eq(lessonStudents.studentId, student.id));
  const alone = own.filter((l) => l.n === 1).map((l) => l.lessonId);
  const grouped = own.filter((l) => l.n > 1).map((l) => l.lessonId);
  if (alone.length) {
    const n = await tx.update(lessonNotes).set({ topic: null, homework: null, note: REDACTED_TEXT, updatedAt: now }).where(inArray(lessonNotes.lessonId, alone)).returning({ id: lessonNotes.lessonId });
    ctx.counts.notes += n.length;
  }
  if (grouped.length) {
    const needles = needlesOf([`${student.firstName} ${student.lastName}`, student.firstName]);
    for (const note of await tx.select().from(lessonNotes).where(inArray(lessonNotes.lessonId, grouped))) {
      const fix = (v: string | null) => (v == null ? v : (scrubJson(v, needles, ANONYMOUS_NAME) as string));
      const next = { topic: fix(note.topic), homework: fix(note.homework), note: fix(note.note) };
      if (next.topic !== note.topic || next.homework !== note.homework || next.note !== note.note) {
        await tx.update(lessonNotes).set({ ...next, updatedAt: now }).where(eq(lessonNotes.lessonId, note.lessonId));
        ctx.counts.notes++;
      }
    }
  }

  // Threads about the student: every message in them, and the subject.
  const threads = await tx.select({ id: messageThreads.id }).from(messageThreads).where(and(eq(messageThreads.schoolId, schoolId), eq(messageThreads.studentId, student.id)));
  if (threads.length) {
    const ids = threads.map((t) => t.id);
    await tx.update(messageThreads).set({ subject: REDACTED_TEXT }).where(inArray(messageThreads.id, ids));
    const m = await tx.update(messages).set({ body: REDACTED_TEXT }).where(inArray(messages.threadId, ids)).returning({ id: messages.id });
    ctx.counts.threads += ids.length;
    ctx.counts.messages += m.length;
  }
  const c = await tx
    .update(cancellationRequests)
    .set({ reason: REDACTED_TEXT, decisionNote: null })
    .where(eq(cancellationRequests.studentId, student.id))
    .returning({ id: cancellationRequests.id });
  ctx.counts.cancellations += c.length;

  await tx
    .update(students)
    .set({
      firstName: ANONYMOUS_NAME,
      lastName: shortId(student.id),
      birthDate: null,
      schoolName: null,
      className: null,
      email: null,
      phone: null,
      notes: null,
      status: 'archived',
      statusChangedAt: now,
      anonymisedAt: now,
      updatedAt: now,
    })
    .where(eq(students.id, student.id));
  await scrubPerson(ctx, person, { payerStudentId: student.id });
}

/**
 * What every kind of person shares: the account closed for good, what they wrote replaced,
 * emails to them emptied, consents kept without the note, invoices they pay marked with the
 * end of their retention, and the audit trail and other free text cleared of their data.
 */
async function scrubPerson(ctx: Ctx, person: Person, payer: { payerParentId?: string; payerStudentId?: string }) {
  const { tx, schoolId, now } = ctx;
  const placeholderName = `${ANONYMOUS_NAME} ${shortId(person.id)}`;
  const emails = new Set(person.emails.map((e) => e.toLowerCase()));

  if (person.userId) {
    const [user] = await tx.select().from(users).where(and(eq(users.schoolId, schoolId), eq(users.id, person.userId))).for('update');
    if (user) {
      emails.add(user.email.toLowerCase());
      person.identifiers.push(user.name, user.email);
      const s = await tx.delete(userSessions).where(eq(userSessions.userId, user.id)).returning({ id: userSessions.id });
      ctx.counts.sessions += s.length;
      await tx.delete(accountTokens).where(eq(accountTokens.userId, user.id));
      // Deactivated, the version bumped (a live session token is refused at its next request),
      // no password, and an address no one can receive a sign-in link at.
      await tx
        .update(users)
        .set({ email: anonymousEmail(user.id), name: placeholderName, passwordHash: null, emailVerified: null, status: 'deactivated', sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: now })
        .where(eq(users.id, user.id));
      ctx.counts.accounts++;
      const written = await tx.update(messages).set({ body: REDACTED_TEXT }).where(eq(messages.authorId, user.id)).returning({ id: messages.id });
      ctx.counts.messages += written.length;
      await tx.update(messageThreads).set({ subject: REDACTED_TEXT }).where(eq(messageThreads.createdBy, user.id));
      const reasons = await tx.update(cancellationRequests).set({ reason: REDACTED_TEXT }).where(eq(cancellationRequests.requestedBy, user.id)).returning({ id: cancellationRequests.id });
      ctx.counts.cancellations += reasons.length;
    }
  }
  const addresses = [...emails];
  if (addresses.length) {
    await tx.delete(verificationTokens).where(inArray(sql`lower(${verificationTokens.identifier})`, addresses));
    await tx.delete(emailUnsubscribes).where(and(eq(emailUnsubscribes.schoolId, schoolId), inArray(sql`lower(${emailUnsubscribes.email})`, addresses)));
    for (const a of addresses) await tx.delete(rateLimits).where(sql`position(${a} in lower(${rateLimits.key})) > 0`);
  }

  const needles = needlesOf(person.identifiers);
  const raw = needleStrings(person.identifiers);
  const anyNeedle = (col: unknown) => or(...raw.map((v) => sql`${col}::text ilike ${containsPattern(v)}`));

  // Emails to them (address, subject and text), and any other email of the school naming them.
  if (needles.length || addresses.length) {
    const mail = await tx
      .update(emailOutbox)
      .set({ toAddress: sql`case when lower(${emailOutbox.toAddress}) in (${sql.join(addresses.length ? addresses.map((a) => sql`${a}`) : [sql`''`], sql`, `)}) then ${anonymousEmail(person.id)} else ${emailOutbox.toAddress} end`, subject: REDACTED_TEXT, html: '', text: '', error: null })
      .where(
        and(
          eq(emailOutbox.schoolId, schoolId),
          or(
            addresses.length ? inArray(sql`lower(${emailOutbox.toAddress})`, addresses) : sql`false`,
            needles.length ? or(anyNeedle(emailOutbox.subject), anyNeedle(emailOutbox.text), anyNeedle(emailOutbox.html)) : sql`false`,
          ),
        ),
      )
      .returning({ id: emailOutbox.id });
    ctx.counts.emails += mail.length;
  }

  // Consents stay as proof the school asked; the note is the only free text.
  const consentWhere = person.kind === 'parent' ? eq(personConsents.parentId, person.id) : person.kind === 'student' ? eq(personConsents.studentId, person.id) : undefined;
  if (consentWhere) {
    const c = await tx.update(personConsents).set({ note: null }).where(consentWhere).returning({ id: personConsents.id });
    ctx.counts.consents += c.length;
  }

  // Invoices: the buyer's name, address and NIP stay until the tax law lets them go; the email was never required.
  const payerWhere = payer.payerParentId ? eq(invoices.payerParentId, payer.payerParentId) : payer.payerStudentId ? eq(invoices.payerStudentId, payer.payerStudentId) : undefined;
  if (payerWhere) {
    const rows = await tx.select({ id: invoices.id, issueDate: invoices.issueDate, buyer: invoices.buyer }).from(invoices).where(and(eq(invoices.schoolId, schoolId), payerWhere));
    for (const inv of rows) {
      const { email: _email, ...buyer } = (inv.buyer ?? {}) as Record<string, unknown>;
      await tx
        .update(invoices)
        .set({ buyer: { ...buyer, email: null }, buyerRetainedUntil: invoiceBuyerRetainedUntil(inv.issueDate) })
        .where(eq(invoices.id, inv.id));
    }
    ctx.counts.invoicesRetained += rows.length;
    const payWhere = payer.payerParentId ? eq(payments.payerParentId, payer.payerParentId) : eq(payments.payerStudentId, payer.payerStudentId!);
    if (needles.length) await tx.update(payments).set({ reference: REDACTED_TEXT }).where(and(payWhere, anyNeedle(payments.reference)));
  }

  // Pending notifications may carry names in their facts.
  if (needles.length) {
    for (const ev of await tx.select().from(notificationEvents).where(and(eq(notificationEvents.schoolId, schoolId), anyNeedle(notificationEvents.payload)))) {
      await tx.update(notificationEvents).set({ payload: scrubJson(ev.payload, needles, placeholderName) as Record<string, unknown> }).where(eq(notificationEvents.id, ev.id));
    }
    // Free text others wrote that names them (a note, a decision).
    for (const n of await tx.select().from(lessonNotes).where(and(eq(lessonNotes.schoolId, schoolId), or(anyNeedle(lessonNotes.topic), anyNeedle(lessonNotes.homework), anyNeedle(lessonNotes.note))))) {
      const fix = (v: string | null) => (v == null ? v : (scrubJson(v, needles, placeholderName) as string));
      await tx.update(lessonNotes).set({ topic: fix(n.topic), homework: fix(n.homework), note: fix(n.note) }).where(eq(lessonNotes.lessonId, n.lessonId));
      ctx.counts.notes++;
    }
    await tx.update(messages).set({ body: REDACTED_TEXT }).where(and(eq(messages.schoolId, schoolId), anyNeedle(messages.body)));
    await tx.update(cancellationRequests).set({ decisionNote: null }).where(and(eq(cancellationRequests.schoolId, schoolId), anyNeedle(cancellationRequests.decisionNote)));
  }

  // The audit trail: entries about them or their account lose the record's personal fields;
  // any entry naming them loses the name; entries they made lose the IP address and browser.
  const ids = [person.id, ...(person.userId ? [person.userId] : [])];
  const candidates = await tx
    .select()
    .from(auditLog)
    .where(
      and(
        or(eq(auditLog.schoolId, schoolId), isNull(auditLog.schoolId)),
        or(
          inArray(auditLog.entityId, ids),
          person.userId ? eq(auditLog.actorUserId, person.userId) : sql`false`,
          ...(needles.length ? [anyNeedle(auditLog.before), anyNeedle(auditLog.after)] : []),
        ),
      ),
    );
  for (const row of candidates) {
    const own = row.entityId !== null && ids.includes(row.entityId);
    const keys = own ? PERSONAL_KEYS : new Set<string>();
    const before = row.before == null ? null : scrubJson(row.before, needles, placeholderName, keys);
    const after = row.after == null ? null : scrubJson(row.after, needles, placeholderName, keys);
    const byThem = person.userId !== null && row.actorUserId === person.userId;
    const changed = JSON.stringify(before) !== JSON.stringify(row.before) || JSON.stringify(after) !== JSON.stringify(row.after) || (byThem && (row.ip !== null || row.userAgent !== null));
    if (!changed) continue;
    await tx
      .update(auditLog)
      .set({ before, after, ...(byThem ? { ip: null, userAgent: null } : {}) })
      .where(eq(auditLog.id, row.id));
    ctx.counts.auditRedacted++;
  }
}

/** The day after which an anonymised payer's invoices lose their buyer (for the page). */
export function buyerPurgeDay(retainedUntil: string): string {
  return addCalendarDays(retainedUntil, 1);
}
