import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { queryRows } from '@/db/client';
import {
  auditLog,
  emailOutbox,
  invoiceLines,
  invoices,
  lessonNotes,
  messages,
  messageThreads,
  parents,
  parentStudents,
  personConsents,
  schools,
  students,
  userSessions,
  users,
  verificationTokens,
} from '@/db/schema';
import { createLesson, createParent, createPayment, createSchool, createStudent, createSubject, createTutor, createUser, linkParent, markAttendance, writeLessonNotes } from '@/db/seed/factories';
import { writeAudit } from '@/lib/audit';
import { hashPassword } from '@/lib/auth/password';
import { completeMagicLinkSignIn, findUserByEmail, verifyCredentials } from '@/lib/auth/sign-in';
import { runJobForSchool } from '@/lib/jobs';
import { freshTestDatabase } from '@/test/database';
import { actAs } from '@/test/mocks/viewer';
import { viewerOf } from '@/test/viewers';
import { anonymisePersonAction, recordConsentAction } from './actions';
import { exportPerson } from './export';
import { ANONYMOUS_NAME, REDACTED_TEXT } from './kinds';
import { invoiceBuyerRetainedUntil } from './retention';

const t = freshTestDatabase();
const meta = { ip: '198.51.100.4', userAgent: 'test-browser' };

const NAME = 'Eugenia Przykładowska-Gdpr';
const EMAIL = 'eugenia.gdpr@example.test';
const PHONE = '+48 601 234 567';

async function invoiceFor(schoolId: string, payer: { parentId?: string; studentId?: string }, issueDate: string, seq: number, buyer: Record<string, unknown>, studentId: string, lessonId: string) {
  const number = `FV/${String(seq).padStart(4, '0')}/${issueDate.slice(5, 7)}/${issueDate.slice(0, 4)}`;
  const [row] = await t.db
    .insert(invoices)
    .values({
      schoolId,
      number,
      year: Number(issueDate.slice(0, 4)),
      seq,
      payerParentId: payer.parentId ?? null,
      payerStudentId: payer.studentId ?? null,
      period: `${issueDate.slice(0, 7)}-01`,
      issueDate,
      saleDate: issueDate,
      dueDate: issueDate,
      seller: { name: 'Szkoła' },
      buyer,
      vatMode: 'exempt',
      vatBasis: 'art. 43 ust. 1 pkt 26 lit. a ustawy o VAT',
      net: 15000,
      vat: 0,
      gross: 15000,
      transferTitle: number,
    })
    .returning();
  await t.db.insert(invoiceLines).values({ schoolId, invoiceId: row.id, position: 1, kind: 'lesson', lessonId, studentId, description: 'Matematyka 60 min', unitNet: 15000, net: 15000, facts: { student: 'uczeń' } });
  return row;
}

/** A school with the family: Eugenia (payer, account, magic link) with Ola (to erase) and Jaś (kept: his father stays). */
async function world() {
  const school = await createSchool(t.db, { name: 'Na Piątkę' });
  const admin = await createUser(t.db, { schoolId: school.id, role: 'admin', name: 'Admin Szkoły' });
  const tutor = await createTutor(t.db, { schoolId: school.id, firstName: 'Anna', lastName: 'Korepetytorka' });
  const math = await createSubject(t.db, { schoolId: school.id, name: 'Matematyka' });
  const [first, last] = NAME.split(' ');
  const mum = await createParent(t.db, { schoolId: school.id, firstName: first, lastName: last, email: EMAIL, phone: PHONE, billingAddress: 'ul. Gdprowa 7, 00-001 Warszawa' });
  await t.db.update(users).set({ passwordHash: await hashPassword('sekretne-haslo-1') }).where(eq(users.id, mum.user!.id));
  const dad = await createParent(t.db, { schoolId: school.id, firstName: 'Marek', lastName: 'Ojciec' });
  const ola = await createStudent(t.db, { schoolId: school.id, firstName: 'Ola', lastName: 'Zapomniana', birthDate: '2014-03-01', notes: 'alergia' });
  const jas = await createStudent(t.db, { schoolId: school.id, firstName: 'Jaś', lastName: 'Zostaje' });
  await linkParent(t.db, { schoolId: school.id, parentId: mum.id, studentId: ola.id, isPayer: true });
  await linkParent(t.db, { schoolId: school.id, parentId: mum.id, studentId: jas.id, isPayer: true });
  await linkParent(t.db, { schoolId: school.id, parentId: dad.id, studentId: jas.id, access: 'view' });

  const olaLesson = await createLesson(t.db, { schoolId: school.id, tutorId: tutor.id, subjectId: math.id, start: new Date('2019-05-06T14:00:00Z'), studentIds: [ola.id], status: 'completed' });
  const jasLesson = await createLesson(t.db, { schoolId: school.id, tutorId: tutor.id, subjectId: math.id, start: new Date('2026-01-12T14:00:00Z'), studentIds: [jas.id], status: 'completed' });
  await markAttendance(t.db, { schoolId: school.id, lessonId: olaLesson.id, studentId: ola.id, status: 'present' });
  await writeLessonNotes(t.db, { schoolId: school.id, lessonId: olaLesson.id, topic: 'Ułamki', homework: 'str. 12', note: 'Ola świetnie pracuje' });
  await writeLessonNotes(t.db, { schoolId: school.id, lessonId: jasLesson.id, topic: 'Równania', note: `Rozmowa z mamą (${NAME})` });

  // Messages: a thread about Ola, one about Jaś; Eugenia writes in both.
  const [aboutOla] = await t.db.insert(messageThreads).values({ schoolId: school.id, studentId: ola.id, tutorId: tutor.id, audience: 'family', subject: 'Ola i ułamki', createdBy: mum.user!.id }).returning();
  const [aboutJas] = await t.db.insert(messageThreads).values({ schoolId: school.id, studentId: jas.id, tutorId: null, audience: 'family', subject: 'Jaś w piątek', createdBy: dad.user!.id }).returning();
  await t.db.insert(messages).values([
    { schoolId: school.id, threadId: aboutOla.id, authorId: mum.user!.id, body: `Pozdrawiam, ${NAME}, tel. ${PHONE}` },
    { schoolId: school.id, threadId: aboutOla.id, authorId: tutor.user!.id, body: 'Ola robi postępy.' },
    { schoolId: school.id, threadId: aboutJas.id, authorId: dad.user!.id, body: 'Jaś będzie w piątek.' },
    { schoolId: school.id, threadId: aboutJas.id, authorId: mum.user!.id, body: 'Potwierdzam, Eugenia.' },
  ]);

  // Invoices: 2019 (its retention ended on 31.12.2025) and 2026 (kept until 31.12.2032).
  const buyer = { name: NAME, address: 'ul. Gdprowa 7, 00-001 Warszawa', nip: null, email: EMAIL };
  const oldInvoice = await invoiceFor(school.id, { parentId: mum.id }, '2019-05-31', 1, buyer, ola.id, olaLesson.id);
  const newInvoice = await invoiceFor(school.id, { parentId: mum.id }, '2026-01-31', 2, buyer, jas.id, jasLesson.id);
  await createPayment(t.db, { schoolId: school.id, amount: 15000, payerParentId: mum.id, invoiceId: newInvoice.id, paidOn: '2026-02-03' });

  // The outbox, the sign-in trail and the live credentials.
  await t.db.insert(emailOutbox).values([
    { schoolId: school.id, toAddress: EMAIL, subject: 'Faktura FV/0002/01/2026', template: 'invoice-issued', html: `<p>Dzień dobry ${NAME}</p>`, text: `Dzień dobry ${NAME}`, status: 'logged' },
    { schoolId: school.id, toAddress: tutor.email!, subject: 'Nowa wiadomość', template: 'new-messages', html: `<p>${NAME} napisała</p>`, text: `${NAME} napisała`, status: 'logged' },
  ]);
  await writeAudit(t.db, { userId: admin.id, role: 'admin', schoolId: school.id, ...meta }, { action: 'parent.create', entityType: 'parent', entityId: mum.id, after: { firstName: first, lastName: last, email: EMAIL, phone: PHONE } });
  await writeAudit(t.db, { userId: mum.user!.id, role: 'parent', schoolId: school.id, ...meta }, { action: 'auth.sign_in', entityType: 'user', entityId: mum.user!.id, after: { method: 'magic_link', email: EMAIL } });
  await writeAudit(t.db, { userId: admin.id, role: 'admin', schoolId: school.id, ...meta }, { action: 'family.link', entityType: 'student', entityId: jas.id, after: { parent: NAME, student: 'Jaś Zostaje' } });
  await t.db.insert(userSessions).values({ userId: mum.user!.id, expiresAt: new Date(Date.now() + 3_600_000), ip: meta.ip, userAgent: meta.userAgent });
  await t.db.insert(verificationTokens).values({ identifier: EMAIL, token: 'hashed-token', expires: new Date(Date.now() + 600_000) });

  return { school, admin, tutor, mum, dad, ola, jas, olaLesson, jasLesson, oldInvoice, newInvoice, aboutOla, aboutJas };
}

/** Every text, varchar, jsonb and array column of every table in which `needle` occurs: "table.column". */
async function occurrences(needle: string): Promise<string[]> {
  const columns = await queryRows<{ table_name: string; column_name: string }>(
    t.db,
    sql`select c.table_name, c.column_name from information_schema.columns c join information_schema.tables tb on tb.table_name = c.table_name and tb.table_schema = c.table_schema
        where c.table_schema = 'public' and tb.table_type = 'BASE TABLE' and c.data_type in ('text', 'character varying', 'jsonb', 'json', 'ARRAY') order by 1, 2`,
  );
  expect(columns.length).toBeGreaterThan(40);
  const hits: string[] = [];
  for (const { table_name, column_name } of columns) {
    const [row] = await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from ${sql.identifier(table_name)} where ${sql.identifier(column_name)}::text ilike ${'%' + needle + '%'}`);
    if (row.n > 0) hits.push(`${table_name}.${column_name}`);
  }
  return hits;
}

describe('GDPR: export, erasure and retention of a family', () => {
  it('exports everything, erases the parent with one child erased and one kept, and leaves no trace but the retained invoices', async () => {
    const w = await world();
    const other = await createSchool(t.db, { name: 'Sowa' });
    const otherParent = await createParent(t.db, { schoolId: other.id, firstName: 'Eugenia', lastName: 'Sowińska', phone: '+48 700 000 001' });
    await writeAudit(t.db, { userId: null, role: null, schoolId: other.id, ...meta }, { action: 'parent.create', entityType: 'parent', entityId: otherParent.id, after: { firstName: 'Eugenia', email: otherParent.email } });
    const otherBefore = { parent: await t.db.select().from(parents).where(eq(parents.schoolId, other.id)), audit: await t.db.select().from(auditLog).where(eq(auditLog.schoolId, other.id)) };

    const admin = viewerOf(w.admin);
    actAs(admin);
    expect((await recordConsentAction({ personKind: 'parent', personId: w.mum.id, kind: 'marketing', granted: true, givenOn: '2025-09-01', source: 'paper', note: `Podpisała ${NAME}` })).ok).toBe(true);
    expect((await recordConsentAction({ personKind: 'parent', personId: w.mum.id, kind: 'marketing', granted: false, givenOn: '2026-02-01', source: 'email' })).ok).toBe(true);
    // Another school's admin cannot see or touch the family.
    const stranger = await createUser(t.db, { schoolId: other.id, role: 'admin' });
    expect(await exportPerson(viewerOf(stranger), 'parent', w.mum.id)).toBeNull();
    actAs(viewerOf(stranger));
    expect((await recordConsentAction({ personKind: 'parent', personId: w.mum.id, kind: 'image', granted: true, givenOn: '2026-01-01', source: 'other' })).ok).toBe(false);
    expect(await anonymisePersonAction({ kind: 'parent', id: w.mum.id, confirmation: 'Anonimizuj', children: [] })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    const tutorViewer = viewerOf(w.tutor.user!);
    expect(await exportPerson(tutorViewer, 'parent', w.mum.id)).toBeNull();
    actAs(admin);

    // The export taken before holds all of it.
    const before = (await exportPerson(admin, 'parent', w.mum.id))!;
    expect(before.person).toMatchObject({ kind: 'parent', name: NAME, anonymised: false });
    const text = JSON.stringify(before);
    expect(text).not.toContain('passwordHash');
    expect(text).not.toContain('hashed-token');
    expect(before.sections.profile[0]).toMatchObject({ email: EMAIL, phone: PHONE });
    expect(before.sections.account[0]).toMatchObject({ email: EMAIL, role: 'parent' });
    expect(before.sections.family.map((f) => f.child).sort()).toEqual(['Jaś Zostaje', 'Ola Zapomniana']);
    expect(before.sections.lessons.map((l) => l.topic).sort()).toEqual(['Równania', 'Ułamki']);
    expect(before.sections.lessons.find((l) => l.topic === 'Ułamki')!.attendance).toBe('present');
    expect(before.sections.invoices.map((i) => i.number)).toEqual(['FV/0001/05/2019', 'FV/0002/01/2026']);
    expect(before.sections.payments).toHaveLength(1);
    expect(before.sections.messages.map((m) => m.body)).toEqual(expect.arrayContaining([`Pozdrawiam, ${NAME}, tel. ${PHONE}`, 'Ola robi postępy.', 'Jaś będzie w piątek.']));
    expect(before.sections.consents.map((c) => [c.kind, c.granted, c.source])).toEqual([
      ['marketing', true, 'paper'],
      ['marketing', false, 'email'],
    ]);
    expect(before.sections.emails).toHaveLength(1);
    expect(before.sections.audit.map((a) => a.action)).toEqual(expect.arrayContaining(['parent.create', 'auth.sign_in', 'consent.grant', 'consent.withdraw']));

    // Keeping Ola with no one else to look after her is refused, naming her.
    const refused = await anonymisePersonAction({ kind: 'parent', id: w.mum.id, confirmation: 'Anonimizuj', children: [{ studentId: w.ola.id, action: 'keep' }, { studentId: w.jas.id, action: 'keep' }] });
    expect(refused).toMatchObject({ ok: false, code: 'VALIDATION', reason: 'child_alone' });
    const missing = await anonymisePersonAction({ kind: 'parent', id: w.mum.id, confirmation: 'Anonimizuj', children: [{ studentId: w.jas.id, action: 'keep' }] });
    expect(missing).toMatchObject({ ok: false, reason: 'child_decision_missing' });
    expect(await anonymisePersonAction({ kind: 'parent', id: w.mum.id, confirmation: 'tak', children: [] })).toMatchObject({ ok: false, code: 'VALIDATION' });
    expect((await t.db.select().from(parents).where(eq(parents.id, w.mum.id)))[0].anonymisedAt).toBeNull();

    const done = await anonymisePersonAction({ kind: 'parent', id: w.mum.id, confirmation: NAME.toUpperCase(), children: [{ studentId: w.ola.id, action: 'anonymise' }, { studentId: w.jas.id, action: 'keep' }] });
    expect(done.ok, JSON.stringify(done)).toBe(true);

    // Nowhere but the retained invoices.
    expect(await occurrences(NAME)).toEqual(['invoices.buyer']);
    expect(await occurrences(EMAIL)).toEqual([]);
    expect(await occurrences(PHONE)).toEqual([]);
    expect(await occurrences('Gdprowa')).toEqual(['invoices.buyer']);
    expect(await occurrences('Zapomniana')).toEqual([]);

    // The parent's record and account.
    const [mum] = await t.db.select().from(parents).where(eq(parents.id, w.mum.id));
    expect(mum.firstName).toBe(ANONYMOUS_NAME);
    expect(mum.anonymisedAt).not.toBeNull();
    const [account] = await t.db.select().from(users).where(eq(users.id, w.mum.user!.id));
    expect(account).toMatchObject({ status: 'deactivated', passwordHash: null });
    expect(await t.db.select().from(userSessions).where(eq(userSessions.userId, w.mum.user!.id))).toEqual([]);
    expect(await t.db.select().from(verificationTokens)).toEqual([]);
    expect(await findUserByEmail(EMAIL)).toBeUndefined();
    expect(await completeMagicLinkSignIn(EMAIL, meta)).toBeNull();
    expect(await verifyCredentials({ email: EMAIL, password: 'sekretne-haslo-1' }, meta)).toMatchObject({ ok: false, reason: 'invalid' });

    // The children as chosen: Ola erased, Jaś kept with his father.
    const [ola] = await t.db.select().from(students).where(eq(students.id, w.ola.id));
    expect(ola).toMatchObject({ firstName: ANONYMOUS_NAME, birthDate: null, notes: null, status: 'archived' });
    const [jas] = await t.db.select().from(students).where(eq(students.id, w.jas.id));
    expect(jas).toMatchObject({ firstName: 'Jaś', lastName: 'Zostaje', anonymisedAt: null, status: 'active' });
    expect(await t.db.select({ p: parentStudents.parentId }).from(parentStudents).where(eq(parentStudents.studentId, w.jas.id))).toEqual([{ p: w.dad.id }]);
    expect((await t.db.select().from(lessonNotes).where(eq(lessonNotes.lessonId, w.olaLesson.id)))[0]).toMatchObject({ topic: null, note: REDACTED_TEXT });
    expect((await t.db.select().from(lessonNotes).where(eq(lessonNotes.lessonId, w.jasLesson.id)))[0].topic).toBe('Równania');
    const threadOla = await t.db.select().from(messages).where(eq(messages.threadId, w.aboutOla.id));
    expect(threadOla.every((m) => m.body === REDACTED_TEXT)).toBe(true);
    const threadJas = await t.db.select().from(messages).where(eq(messages.threadId, w.aboutJas.id));
    expect(threadJas.map((m) => m.body).sort()).toEqual([REDACTED_TEXT, 'Jaś będzie w piątek.'].sort());

    // Consents kept, without the note; invoices keep the buyer until the law lets go.
    const consents = await t.db.select().from(personConsents).where(eq(personConsents.parentId, w.mum.id));
    expect(consents.map((c) => c.note)).toEqual([null, null]);
    const [oldInvoice] = await t.db.select().from(invoices).where(eq(invoices.id, w.oldInvoice.id));
    expect(oldInvoice.buyerRetainedUntil).toBe('2025-12-31');
    expect(oldInvoice.buyer).toMatchObject({ name: NAME, email: null });
    expect((await t.db.select().from(invoices).where(eq(invoices.id, w.newInvoice.id)))[0].buyerRetainedUntil).toBe('2032-12-31');

    // The erasure's own audit entry holds ids, kinds and counts only.
    const [entry] = await t.db.select().from(auditLog).where(eq(auditLog.action, 'gdpr.anonymise'));
    expect(entry).toMatchObject({ entityType: 'parent', entityId: w.mum.id, actorUserId: w.admin.id });
    const entryText = JSON.stringify([entry.before, entry.after]);
    for (const personal of [NAME, EMAIL, PHONE, 'Eugenia', 'Ola', 'Jaś', 'Gdprowa']) expect(entryText).not.toContain(personal);
    expect(entry.after).toMatchObject({ children: [{ studentId: w.ola.id, action: 'anonymise' }, { studentId: w.jas.id, action: 'keep' }] });
    // The person's own entries lost their IP address.
    const signIn = (await t.db.select().from(auditLog).where(eq(auditLog.action, 'auth.sign_in')))[0];
    expect(signIn).toMatchObject({ ip: null, userAgent: null, entityId: w.mum.user!.id });

    // The other school is untouched.
    expect(await t.db.select().from(parents).where(eq(parents.schoolId, other.id))).toEqual(otherBefore.parent);
    expect(await t.db.select().from(auditLog).where(eq(auditLog.schoolId, other.id))).toEqual(otherBefore.audit);

    // The page shows the anonymised record; a second erasure is refused.
    const after = (await exportPerson(admin, 'parent', w.mum.id))!;
    expect(after.person).toMatchObject({ anonymised: true });
    expect(after.person.name.startsWith(ANONYMOUS_NAME)).toBe(true);
    expect(await anonymisePersonAction({ kind: 'parent', id: w.mum.id, confirmation: 'Anonimizuj', children: [] })).toMatchObject({ ok: false, code: 'CONFLICT' });

    // The retention job: purges the 2019 invoice (its retention ended), not the 2026 one, nulls old
    // IPs, clears old email bodies; a second run changes nothing.
    const [oldMail] = await t.db
      .insert(emailOutbox)
      .values({ schoolId: w.school.id, toAddress: 'someone@example.test', subject: 'Stara', template: 'lesson-reminder', html: '<p>stara</p>', text: 'stara', status: 'logged', createdAt: new Date('2025-01-01T10:00:00Z') })
      .returning();
    const [freshMail] = await t.db
      .insert(emailOutbox)
      .values({ schoolId: w.school.id, toAddress: 'someone@example.test', subject: 'Nowa', template: 'lesson-reminder', html: '<p>nowa</p>', text: 'nowa', status: 'logged', createdAt: new Date('2026-03-10T10:00:00Z') })
      .returning();
    await t.db.insert(auditLog).values([
      { schoolId: w.school.id, actorUserId: w.admin.id, actorRole: 'admin', ip: '192.0.2.1', userAgent: 'old', action: 'x.old', entityType: 'x', createdAt: new Date('2024-06-01T10:00:00Z') },
      { schoolId: w.school.id, actorUserId: w.admin.id, actorRole: 'admin', ip: '192.0.2.2', userAgent: 'new', action: 'x.new', entityType: 'x', createdAt: new Date('2026-03-01T10:00:00Z') },
      { schoolId: other.id, actorUserId: null, actorRole: null, ip: '192.0.2.3', userAgent: 'other', action: 'x.other', entityType: 'x', createdAt: new Date('2024-06-01T10:00:00Z') },
    ]);
    const at = new Date('2026-03-20T02:00:00Z');
    const run = await runJobForSchool(t.db, 'data-retention', (await t.db.select().from(schools).where(eq(schools.id, w.school.id)))[0], at, { trigger: 'cli' });
    expect(run.status).toBe('succeeded');
    expect(run.counts).toMatchObject({ invoiceBuyers: 1 });
    expect(run.counts!.auditIps).toBeGreaterThanOrEqual(1);
    expect(run.counts!.outboxBodies).toBeGreaterThanOrEqual(1);
    const [purged] = await t.db.select().from(invoices).where(eq(invoices.id, w.oldInvoice.id));
    expect(purged.buyer).toMatchObject({ name: expect.stringContaining(ANONYMOUS_NAME), address: null });
    expect(purged.buyerPurgedAt).not.toBeNull();
    expect((await t.db.select().from(invoiceLines).where(eq(invoiceLines.invoiceId, w.oldInvoice.id)))[0]).toMatchObject({ description: 'Lekcja', facts: null });
    expect((await t.db.select().from(invoices).where(eq(invoices.id, w.newInvoice.id)))[0]).toMatchObject({ buyerPurgedAt: null, buyer: expect.objectContaining({ name: NAME }) });
    expect((await t.db.select().from(emailOutbox).where(eq(emailOutbox.id, oldMail.id)))[0]).toMatchObject({ html: '', text: '', subject: 'Stara' });
    expect((await t.db.select().from(emailOutbox).where(eq(emailOutbox.id, freshMail.id)))[0]).toMatchObject({ text: 'nowa' });
    expect((await t.db.select().from(auditLog).where(eq(auditLog.action, 'x.old')))[0]).toMatchObject({ ip: null, userAgent: null });
    expect((await t.db.select().from(auditLog).where(eq(auditLog.action, 'x.new')))[0]).toMatchObject({ ip: '192.0.2.2' });
    expect((await t.db.select().from(auditLog).where(eq(auditLog.action, 'x.other')))[0]).toMatchObject({ ip: '192.0.2.3' });
    expect(await occurrences(NAME)).toEqual(['invoices.buyer']);

    const auditCount = (await t.db.select().from(auditLog)).length;
    const again = await runJobForSchool(t.db, 'data-retention', (await t.db.select().from(schools).where(eq(schools.id, w.school.id)))[0], at, { trigger: 'cli' });
    expect(again.counts).toEqual({ auditIps: 0, outboxBodies: 0, invoiceBuyers: 0 });
    expect((await t.db.select().from(auditLog)).length).toBe(auditCount);
  });

  it('erases an adult student with their own account and a tutor, whose lessons stay as history', async () => {
    const school = await createSchool(t.db);
    const admin = viewerOf(await createUser(t.db, { schoolId: school.id, role: 'admin' }));
    const tutor = await createTutor(t.db, { schoolId: school.id, firstName: 'Bartłomiej', lastName: 'Uczący' });
    const math = await createSubject(t.db, { schoolId: school.id });
    const adult = await createStudent(t.db, { schoolId: school.id, firstName: 'Dorota', lastName: 'Dorosła', level: 'adult', isSelfPayer: true, withLogin: true });
    const past = await createLesson(t.db, { schoolId: school.id, tutorId: tutor.id, subjectId: math.id, start: new Date('2025-01-10T10:00:00Z'), studentIds: [adult.id], status: 'completed' });
    const future = await createLesson(t.db, { schoolId: school.id, tutorId: tutor.id, subjectId: math.id, start: new Date(Date.now() + 7 * 86_400_000), studentIds: [adult.id] });
    actAs(admin);

    expect((await anonymisePersonAction({ kind: 'tutor', id: tutor.id, confirmation: 'Anonimizuj' })).ok).toBe(false); // a lesson still to come
    expect((await anonymisePersonAction({ kind: 'student', id: adult.id, confirmation: 'Dorota Dorosła' })).ok).toBe(true);
    const [student] = await t.db.select().from(students).where(eq(students.id, adult.id));
    expect(student).toMatchObject({ firstName: ANONYMOUS_NAME, email: null, status: 'archived' });
    expect((await t.db.select().from(users).where(eq(users.id, adult.user!.id)))[0].status).toBe('deactivated');
    expect(await occurrences('Dorosła')).toEqual([]);

    await t.db.execute(sql`update lessons set status = 'cancelled', cancelled_at = now() where id = ${future.id}`);
    expect((await anonymisePersonAction({ kind: 'tutor', id: tutor.id, confirmation: 'anonimizuj' })).ok).toBe(true);
    const exported = (await exportPerson(admin, 'tutor', tutor.id))!;
    expect(exported.person.name.startsWith(ANONYMOUS_NAME)).toBe(true);
    expect(exported.sections.lessons.map((l) => l.start)).toContain(past.during.start.toISOString());
    expect(await occurrences('Bartłomiej')).toEqual([]);
  });

  it('keeps the audit trail append-only outside a redaction', async () => {
    const school = await createSchool(t.db);
    await writeAudit(t.db, { userId: null, role: null, schoolId: school.id, ip: '192.0.2.9', userAgent: 'x' }, { action: 'x.keep', entityType: 'x' });
    await expect(t.db.execute(sql`update audit_log set ip = null where action = 'x.keep'`)).rejects.toThrow();
    await expect(t.db.execute(sql`delete from audit_log where action = 'x.keep'`)).rejects.toThrow();
    // Even with the exception open, who/what/when cannot change, and nothing can be deleted.
    await expect(
      t.db.transaction(async (tx) => {
        await tx.execute(sql`select set_config('tutorhub.audit_redact', 'on', true)`);
        await tx.execute(sql`update audit_log set action = 'x.changed' where action = 'x.keep'`);
      }),
    ).rejects.toThrow();
    await expect(
      t.db.transaction(async (tx) => {
        await tx.execute(sql`select set_config('tutorhub.audit_redact', 'on', true)`);
        await tx.execute(sql`delete from audit_log where action = 'x.keep'`);
      }),
    ).rejects.toThrow();
    await expect(t.db.execute(sql`truncate audit_log`)).rejects.toThrow();
    // The setting is transaction-local: it does not outlive the redaction.
    await t.db.transaction(async (tx) => {
      await tx.execute(sql`select set_config('tutorhub.audit_redact', 'on', true)`);
      await tx.execute(sql`update audit_log set ip = null where action = 'x.keep'`);
    });
    await expect(t.db.execute(sql`update audit_log set user_agent = null where action = 'x.keep'`)).rejects.toThrow();
    expect((await t.db.select().from(auditLog).where(eq(auditLog.action, 'x.keep')))[0]).toMatchObject({ ip: null, userAgent: 'x' });
  });

  it('counts the retention of an invoice from the end of the year after its issue', () => {
    expect(invoiceBuyerRetainedUntil('2019-05-31')).toBe('2025-12-31');
    expect(invoiceBuyerRetainedUntil('2026-12-31')).toBe('2032-12-31');
  });
});
