import { and, eq } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { auditLog, emailOutbox, messageReads, messages, messageThreads, rateLimits, schools } from '@/db/schema';
import { createParent, createSchool, createStudent, createSubject, createTutor, createUser, enrol, linkParent } from '@/db/seed/factories';
import { markThreadReadAction, replyAction, startThreadAction } from '@/lib/messaging/actions';
import { sendMessageNotices } from '@/lib/messaging/notices';
import { composeOptions, countUnread, getThread, listThreads } from '@/lib/messaging/queries';
import { WRITE_LIMIT } from '@/lib/messaging/rules';
import { freshTestDatabase } from '@/test/database';
import { actAs } from '@/test/mocks/viewer';
import { viewerOf } from '@/test/viewers';

const t = freshTestDatabase();

// "Na Piątkę": an admin, Anna teaches Ola (Matematyka), Jan teaches Kuba; Ola has a login, her
// mother full access, her grandfather view access; Kuba's father. "Sowa" has its own family.
let w: Awaited<ReturnType<typeof build>>;
async function build() {
  const school = await createSchool(t.db, { name: 'Na Piątkę' });
  const sowa = await createSchool(t.db, { name: 'Sowa' });
  const admin = await createUser(t.db, { schoolId: school.id, role: 'admin', name: 'Biuro Admin' });
  const anna = await createTutor(t.db, { schoolId: school.id, firstName: 'Anna', lastName: 'Kowalczyk' });
  const jan = await createTutor(t.db, { schoolId: school.id, firstName: 'Jan', lastName: 'Kot' });
  const math = await createSubject(t.db, { schoolId: school.id, name: 'Matematyka' });
  const ola = await createStudent(t.db, { schoolId: school.id, firstName: 'Ola', lastName: 'Nowak', withLogin: true });
  const kuba = await createStudent(t.db, { schoolId: school.id, firstName: 'Kuba', lastName: 'Lis' });
  await enrol(t.db, { schoolId: school.id, studentId: ola.id, subjectId: math.id, tutorId: anna.id });
  await enrol(t.db, { schoolId: school.id, studentId: kuba.id, subjectId: math.id, tutorId: jan.id });
  const mum = await createParent(t.db, { schoolId: school.id, firstName: 'Ewa', lastName: 'Nowak' });
  await linkParent(t.db, { schoolId: school.id, parentId: mum.id, studentId: ola.id, access: 'full', isPayer: true });
  const grandpa = await createParent(t.db, { schoolId: school.id, firstName: 'Jerzy', lastName: 'Nowak' });
  await linkParent(t.db, { schoolId: school.id, parentId: grandpa.id, studentId: ola.id, access: 'view' });
  const dad = await createParent(t.db, { schoolId: school.id, firstName: 'Piotr', lastName: 'Lis' });
  await linkParent(t.db, { schoolId: school.id, parentId: dad.id, studentId: kuba.id, access: 'full', isPayer: true });
  const sowaAdmin = await createUser(t.db, { schoolId: sowa.id, role: 'admin' });
  const sowaTutor = await createTutor(t.db, { schoolId: sowa.id });
  const sowaSubject = await createSubject(t.db, { schoolId: sowa.id });
  const sowaStudent = await createStudent(t.db, { schoolId: sowa.id });
  await enrol(t.db, { schoolId: sowa.id, studentId: sowaStudent.id, subjectId: sowaSubject.id, tutorId: sowaTutor.id });
  const sowaParent = await createParent(t.db, { schoolId: sowa.id });
  await linkParent(t.db, { schoolId: sowa.id, parentId: sowaParent.id, studentId: sowaStudent.id });
  return { school, sowa, admin, anna, jan, math, ola, kuba, mum, grandpa, dad, sowaAdmin, sowaTutor, sowaStudent, sowaParent };
}
beforeAll(async () => {
  w = await build();
});
beforeEach(async () => {
  actAs(null);
  await t.db.delete(rateLimits);
});

const as = (user: Parameters<typeof viewerOf>[0]) => actAs(viewerOf(user));
const viewer = (user: Parameters<typeof viewerOf>[0]) => viewerOf(user);

/** Mum writes to Anna about Ola; returns the thread id. */
async function mumWritesToAnna(subject = 'Zadanie z geometrii', body = 'Dzień dobry, Ola nie rozumie zadania 3.') {
  as(w.mum.user!);
  const result = await startThreadAction({ studentId: w.ola.id, to: w.anna.id, subject, body });
  expect(result).toMatchObject({ ok: true });
  if (!result.ok) throw new Error(result.message);
  return result.data.id;
}

describe('starting a thread and answering', () => {
  it('lets a parent with full access write to their child’s tutor, who reads and answers it; audited without the text', async () => {
    const id = await mumWritesToAnna();
    const [thread] = await t.db.select().from(messageThreads).where(eq(messageThreads.id, id));
    expect(thread).toMatchObject({ schoolId: w.school.id, studentId: w.ola.id, tutorId: w.anna.id, audience: 'family', createdBy: w.mum.user!.id });

    // Anna sees one unread message, reads the thread, answers.
    expect(await countUnread(viewer(w.anna.user!))).toBe(1);
    const list = await listThreads(viewer(w.anna.user!));
    expect(list.rows).toMatchObject([{ id, subject: 'Zadanie z geometrii', studentName: 'Ola Nowak', unread: 1, lastAuthor: 'Ewa Nowak' }]);
    as(w.anna.user!);
    expect(await markThreadReadAction({ threadId: id })).toEqual({ ok: true, data: null });
    expect(await countUnread(viewer(w.anna.user!))).toBe(0);
    expect(await replyAction({ threadId: id, body: 'Wyjaśnię na lekcji.\nPozdrawiam' })).toMatchObject({ ok: true });

    // The family side: mum and grandpa (view access) both read the answer; Ola does not (a family thread).
    expect(await countUnread(viewer(w.mum.user!))).toBe(1);
    expect(await countUnread(viewer(w.grandpa.user!))).toBe(2);
    const seen = await getThread(viewer(w.grandpa.user!), id);
    expect(seen?.messages.map((m) => m.body)).toEqual(['Dzień dobry, Ola nie rozumie zadania 3.', 'Wyjaśnię na lekcji.\nPozdrawiam']);
    expect(seen?.canWrite).toBe(false);
    expect(await getThread(viewer(w.ola.user!), id)).toBeNull();

    const audit = await t.db.select().from(auditLog).where(eq(auditLog.entityId, id));
    expect(audit).toMatchObject([{ action: 'message.thread_start', actorUserId: w.mum.user!.id }]);
    expect(JSON.stringify(audit[0].after)).not.toContain('zadania 3');
  });

  it('keeps plain text as it was typed: markup is stored and returned as text, never changed', async () => {
    const body = '<script>alert(1)</script> <b>pogrubione</b> & "cudzysłów"';
    const id = await mumWritesToAnna('<img src=x onerror=alert(1)>', body);
    const thread = await getThread(viewer(w.admin), id);
    expect(thread?.subject).toBe('<img src=x onerror=alert(1)>');
    expect(thread?.messages[0].body).toBe(body);
  });

  it('refuses a parent with view access: no thread, no answer, and nothing is written', async () => {
    const id = await mumWritesToAnna();
    const before = await t.db.$count(messages);
    as(w.grandpa.user!);
    expect(await startThreadAction({ studentId: w.ola.id, to: 'office', subject: 'Pytanie', body: 'Czy mogę?' })).toMatchObject({ ok: false, code: 'FORBIDDEN', message: 'messaging.viewOnly' });
    expect(await replyAction({ threadId: id, body: 'Też chcę napisać' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await t.db.$count(messages)).toBe(before);
    expect(await composeOptions(viewer(w.grandpa.user!))).toEqual([]);
  });

  it('refuses a tutor who does not teach the child, as the addressee a parent names', async () => {
    as(w.mum.user!);
    expect(await startThreadAction({ studentId: w.ola.id, to: w.jan.id, subject: 'Pytanie', body: 'Treść' })).toMatchObject({ ok: false, code: 'VALIDATION', fieldErrors: { to: ['messaging.notTheirTutor'] } });
    // Another family's child: not found, whoever is named.
    expect(await startThreadAction({ studentId: w.kuba.id, to: 'office', subject: 'Pytanie', body: 'Treść' })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });

  it('rejects bad input with field messages and writes nothing', async () => {
    const before = await t.db.$count(messageThreads);
    as(w.mum.user!);
    const result = await startThreadAction({ studentId: 'not-a-uuid', to: 'office', subject: '   ', body: 'x'.repeat(4001) });
    expect(result).toMatchObject({ ok: false, code: 'VALIDATION' });
    if (result.ok) return;
    expect(Object.keys(result.fieldErrors ?? {}).sort()).toEqual(['body', 'studentId', 'subject']);
    expect(await t.db.$count(messageThreads)).toBe(before);
  });

  it('limits how fast one person writes', async () => {
    const id = await mumWritesToAnna(); // one hit
    as(w.mum.user!);
    for (let i = 1; i < WRITE_LIMIT.max; i++) expect(await replyAction({ threadId: id, body: `Wiadomość ${i}` })).toMatchObject({ ok: true });
    const refused = await replyAction({ threadId: id, body: 'Jeszcze jedna' });
    expect(refused).toMatchObject({ ok: false, code: 'RATE_LIMITED', message: 'messaging.rateLimited' });
    expect(await t.db.$count(messages, and(eq(messages.threadId, id), eq(messages.body, 'Jeszcze jedna')))).toBe(0);
  });
});

describe('who reads what', () => {
  it('hides a thread about another tutor’s student from a tutor, as if it did not exist', async () => {
    as(w.dad.user!);
    const result = await startThreadAction({ studentId: w.kuba.id, to: w.jan.id, subject: 'Kuba', body: 'Pytanie o Kubę' });
    if (!result.ok) throw new Error(result.message);
    const kubaThread = result.data.id;
    expect(await getThread(viewer(w.anna.user!), kubaThread)).toBeNull();
    expect((await listThreads(viewer(w.anna.user!))).rows.map((r) => r.id)).not.toContain(kubaThread);
    as(w.anna.user!);
    expect(await replyAction({ threadId: kubaThread, body: 'Wtrącam się' })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await markThreadReadAction({ threadId: kubaThread })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    // Jan reads it; the admin reads every thread of the school.
    expect(await getThread(viewer(w.jan.user!), kubaThread)).not.toBeNull();
    expect(await getThread(viewer(w.admin), kubaThread)).not.toBeNull();
  });

  it('keeps the office’s threads from tutors, and a student’s own threads from the parents', async () => {
    as(w.ola.user!);
    const mine = await startThreadAction({ studentId: w.ola.id, to: 'office', subject: 'Zmiana grupy', body: 'Czy mogę zmienić grupę?' });
    if (!mine.ok) throw new Error(mine.message);
    expect(await getThread(viewer(w.ola.user!), mine.data.id)).toMatchObject({ audience: 'student', tutorName: null, canWrite: true });
    expect(await getThread(viewer(w.mum.user!), mine.data.id)).toBeNull();
    expect(await getThread(viewer(w.anna.user!), mine.data.id)).toBeNull();
    expect(await countUnread(viewer(w.admin))).toBeGreaterThan(0);
  });

  it('counts as unread for the admin only what the office must answer, though the admin reads every thread', async () => {
    const before = await countUnread(viewer(w.admin));
    const id = await mumWritesToAnna('Do korepetytorki', 'Pytanie do Anny');
    expect(await countUnread(viewer(w.admin))).toBe(before);
    expect(await getThread(viewer(w.admin), id)).not.toBeNull();
    as(w.mum.user!);
    await startThreadAction({ studentId: w.ola.id, to: 'office', subject: 'Do biura', body: 'Pytanie do biura' });
    expect(await countUnread(viewer(w.admin))).toBe(before + 1);
  });

  it('shows another school nothing, and refuses its ids', async () => {
    const id = await mumWritesToAnna();
    expect(await getThread(viewer(w.sowaAdmin), id)).toBeNull();
    expect((await listThreads(viewer(w.sowaAdmin))).total).toBe(0);
    expect(await countUnread(viewer(w.sowaAdmin))).toBe(0);
    as(w.sowaAdmin);
    expect(await replyAction({ threadId: id, body: 'Obca szkoła' })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    // A Sowa parent naming a Na Piątkę child, or a Sowa tutor: not found.
    as(w.sowaParent.user!);
    expect(await startThreadAction({ studentId: w.ola.id, to: 'office', subject: 'x', body: 'y' })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await startThreadAction({ studentId: w.sowaStudent.id, to: w.anna.id, subject: 'x', body: 'y' })).toMatchObject({ ok: false, code: 'VALIDATION' });
  });

  it('lets staff start threads: a tutor in their own name about their student, the admin as the office', async () => {
    as(w.anna.user!);
    const byTutor = await startThreadAction({ studentId: w.ola.id, to: 'office', audience: 'student', subject: 'Praca domowa', body: 'Pamiętaj o zadaniu.' });
    if (!byTutor.ok) throw new Error(byTutor.message);
    // The tutor is the school's side whatever `to` said.
    expect((await t.db.select().from(messageThreads).where(eq(messageThreads.id, byTutor.data.id)))[0]).toMatchObject({ tutorId: w.anna.id, audience: 'student' });
    expect(await startThreadAction({ studentId: w.kuba.id, to: 'office', subject: 'x', body: 'y' })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    // Kuba has no account: a student thread would reach nobody.
    as(w.admin);
    expect(await startThreadAction({ studentId: w.kuba.id, to: 'office', audience: 'student', subject: 'x', body: 'y' })).toMatchObject({ ok: false, code: 'VALIDATION' });
    const byOffice = await startThreadAction({ studentId: w.kuba.id, to: w.anna.id, audience: 'family', subject: 'Faktura', body: 'Proszę o kontakt.' });
    if (!byOffice.ok) throw new Error(byOffice.message);
    expect((await t.db.select().from(messageThreads).where(eq(messageThreads.id, byOffice.data.id)))[0]).toMatchObject({ tutorId: null, audience: 'family' });
    expect(await getThread(viewer(w.dad.user!), byOffice.data.id)).toMatchObject({ canWrite: true, tutorName: null });
  });
});

describe('the message-notices job', () => {
  it('sends each person one email for all that is new, after the delay, once; skips what was read in the app', async () => {
    const [school] = await t.db.select().from(schools).where(eq(schools.id, w.school.id));
    await t.db.delete(messageThreads).where(eq(messageThreads.schoolId, w.school.id));
    await t.db.delete(emailOutbox);
    const first = await mumWritesToAnna('Pierwszy temat', 'Jeden');
    as(w.mum.user!);
    await replyAction({ threadId: first, body: 'Dwa' });
    const second = await startThreadAction({ studentId: w.ola.id, to: 'office', subject: 'Drugi temat', body: 'Trzy' });
    if (!second.ok) throw new Error(second.message);

    // Within the delay nothing goes.
    expect(await sendMessageNotices(t.db, school, new Date())).toMatchObject({ people: 0 });

    const later = new Date(Date.now() + 15 * 60_000);
    const counts = await sendMessageNotices(t.db, school, later);
    // Anna: one email about her thread (two messages); the admin: one about the office thread;
    // grandpa (view access reads the family's threads): one email about both. Mum wrote them all.
    expect(counts).toMatchObject({ people: 3, threads: 4, emailed: 3 });
    const mail = await t.db.select().from(emailOutbox).where(eq(emailOutbox.template, 'new-messages'));
    expect(mail.map((m) => m.toAddress).sort()).toEqual([w.admin.email, w.anna.user!.email, w.grandpa.email].sort());
    expect(mail.find((m) => m.toAddress === w.grandpa.email)!.text).toContain('Drugi temat');
    const annaMail = mail.find((m) => m.toAddress === w.anna.user!.email)!;
    expect(annaMail.subject).toBe('Nowe wiadomości w TutorHub (2)');
    // The text of a message about a child is not in the email.
    expect(annaMail.text).not.toContain('Jeden');
    expect(annaMail.text).toContain('Pierwszy temat');

    // A second run, or a retry, tells of nothing again.
    expect(await sendMessageNotices(t.db, school, later)).toMatchObject({ people: 0 });

    // Anna answers; mum reads it in the app before the job: only grandpa (view access) is told.
    as(w.anna.user!);
    await replyAction({ threadId: first, body: 'Odpowiedź' });
    as(w.mum.user!);
    await markThreadReadAction({ threadId: first });
    const after = await sendMessageNotices(t.db, school, new Date(Date.now() + 30 * 60_000));
    expect(after).toMatchObject({ people: 1, emailed: 1 });
    const latest = await t.db.select().from(emailOutbox).where(eq(emailOutbox.template, 'new-messages'));
    expect(latest.filter((m) => m.toAddress === w.grandpa.email)).toHaveLength(2);
    expect(latest.map((m) => m.toAddress)).not.toContain(w.mum.email);
    const reads = await t.db.select().from(messageReads).where(and(eq(messageReads.threadId, first), eq(messageReads.userId, w.grandpa.user!.id)));
    expect(reads[0].notifiedAt).not.toBeNull();
  });
});
