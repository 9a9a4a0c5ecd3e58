import { and, eq } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { auditLog, cancellationRequests, emailOutbox, lessons, lessonStudents, makeupCredits, schools } from '@/db/schema';
import { createFamily, createLesson, createParent, createSchool, createStudent, createSubject, createTutor, createUser, linkParent } from '@/db/seed/factories';
import { bookMakeupAction, decideCancellationAction, requestCancellationAction, withdrawCancellationAction } from '@/lib/cancellations/actions';
import { expireMakeupCredits, useOldestCredit } from '@/lib/cancellations/credits';
import { creditExpiry } from '@/lib/cancellations/rules';
import { freshTestDatabase } from '@/test/database';
import { actAs } from '@/test/mocks/viewer';
import { viewerOf } from '@/test/viewers';

const t = freshTestDatabase();

// "Na Piątkę": an admin, Anna (teaches Ola's lessons) and Jan (another tutor), Ola with a
// login and her parent (full access), a second parent with view access, a stranger family;
// Kuba shares a group with Ola. "Sowa" has its own lesson.
let w: Awaited<ReturnType<typeof build>>;
async function build() {
  const school = await createSchool(t.db, { name: 'Na Piątkę' });
  const sowa = await createSchool(t.db, { name: 'Sowa' });
  const admin = await createUser(t.db, { schoolId: school.id, role: 'admin' });
  const anna = await createTutor(t.db, { schoolId: school.id, firstName: 'Anna', lastName: 'Kowalczyk' });
  const jan = await createTutor(t.db, { schoolId: school.id, firstName: 'Jan', lastName: 'Kot' });
  const math = await createSubject(t.db, { schoolId: school.id, name: 'Matematyka' });
  const ola = await createStudent(t.db, { schoolId: school.id, firstName: 'Ola', lastName: 'Nowak', withLogin: true });
  const kuba = await createStudent(t.db, { schoolId: school.id, firstName: 'Kuba', lastName: 'Lis' });
  const mum = await createParent(t.db, { schoolId: school.id, firstName: 'Ewa', lastName: 'Nowak' });
  await linkParent(t.db, { schoolId: school.id, parentId: mum.id, studentId: ola.id, access: 'full', isPayer: true });
  const grandpa = await createParent(t.db, { schoolId: school.id, firstName: 'Jerzy', lastName: 'Nowak' });
  await linkParent(t.db, { schoolId: school.id, parentId: grandpa.id, studentId: ola.id, access: 'view' });
  const stranger = await createFamily(t.db, { schoolId: school.id });
  const sowaTutor = await createTutor(t.db, { schoolId: sowa.id });
  const sowaSubject = await createSubject(t.db, { schoolId: sowa.id });
  const sowaStudent = await createStudent(t.db, { schoolId: sowa.id });
  return { school, sowa, admin, anna, jan, math, ola, kuba, mum, grandpa, stranger, sowaTutor, sowaSubject, sowaStudent };
}
beforeAll(async () => {
  w = await build();
});
beforeEach(() => actAs(null));

const asAdmin = () => actAs(viewerOf(w.admin));
const asMum = () => actAs(viewerOf(w.mum.user!));

// Every lesson gets an hour of its own, counted from a whole hour a little ahead of now.
const base = Math.ceil(Date.now() / 3_600_000) * 3_600_000;
let used = 0;
/** A fresh start `days` days ahead, never overlapping another test's lesson. */
const ahead = (days: number) => new Date(base + days * 86_400_000 + ++used * 2 * 3_600_000);

async function lessonFor(studentIds: string[], start: Date, kind: 'individual' | 'group' = 'individual') {
  return createLesson(t.db, { schoolId: w.school.id, tutorId: w.anna.id, subjectId: w.math.id, start, studentIds, kind, capacity: kind === 'group' ? 4 : 1 });
}

async function requestRow(id: string) {
  return (await t.db.select().from(cancellationRequests).where(eq(cancellationRequests.id, id)))[0];
}

describe('requestCancellationAction', () => {
  it('lets a parent with full access ask in time, once', async () => {
    const lesson = await lessonFor([w.ola.id], ahead(3));
    asMum();
    const result = await requestCancellationAction({ lessonId: lesson.id, studentId: w.ola.id, reason: ' Choroba ' });
    expect(result).toEqual({ ok: true, data: { id: expect.any(String), late: false } });
    if (!result.ok) return;
    expect(await requestRow(result.data.id)).toMatchObject({ status: 'pending', late: false, reason: 'Choroba', requestedBy: w.mum.user!.id, studentId: w.ola.id });
    const [entry] = await t.db.select().from(auditLog).where(eq(auditLog.entityId, result.data.id));
    expect(entry).toMatchObject({ action: 'cancellation.request', actorUserId: w.mum.user!.id });
    // A second pending request for the same lesson is refused with a sentence (the partial unique index).
    expect(await requestCancellationAction({ lessonId: lesson.id, studentId: w.ola.id, reason: 'Again' })).toMatchObject({ ok: false, code: 'CONFLICT', message: 'cancellations.alreadyRequested' });
  });

  it('marks a request with less than the notice as late (the student asking themself)', async () => {
    // 3 hours ahead, with the default 24 hours of notice.
    const lesson = await lessonFor([w.ola.id], new Date(Date.now() + 3 * 3_600_000));
    actAs(viewerOf(w.ola.user!));
    const result = await requestCancellationAction({ lessonId: lesson.id, studentId: w.ola.id, reason: 'Wyjazd' });
    expect(result).toMatchObject({ ok: true, data: { late: true } });
  });

  it('refuses view-only parents, strangers, other schools, other students and past lessons', async () => {
    const lesson = await lessonFor([w.ola.id], ahead(4));
    const kubasLesson = await lessonFor([w.kuba.id], ahead(4));
    const sowaLesson = await createLesson(t.db, { schoolId: w.sowa.id, tutorId: w.sowaTutor.id, subjectId: w.sowaSubject.id, start: ahead(4), studentIds: [w.sowaStudent.id] });
    const past = await lessonFor([w.ola.id], new Date(base - 10 * 86_400_000 - ++used * 3_600_000));
    actAs(viewerOf(w.grandpa.user!));
    expect(await requestCancellationAction({ lessonId: lesson.id, studentId: w.ola.id, reason: 'x' })).toMatchObject({ ok: false, code: 'FORBIDDEN', message: 'cancellations.viewOnly' });
    actAs(viewerOf(w.stranger.parent.user!));
    expect(await requestCancellationAction({ lessonId: lesson.id, studentId: w.ola.id, reason: 'x' })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    asMum();
    expect(await requestCancellationAction({ lessonId: kubasLesson.id, studentId: w.ola.id, reason: 'x' })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await requestCancellationAction({ lessonId: kubasLesson.id, studentId: w.kuba.id, reason: 'x' })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await requestCancellationAction({ lessonId: sowaLesson.id, studentId: w.sowaStudent.id, reason: 'x' })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await requestCancellationAction({ lessonId: past.id, studentId: w.ola.id, reason: 'x' })).toMatchObject({ ok: false, code: 'CONFLICT', message: 'cancellations.alreadyStarted' });
    expect(await requestCancellationAction({ lessonId: lesson.id, studentId: w.ola.id, reason: '' })).toMatchObject({ ok: false, code: 'VALIDATION' });
    asAdmin();
    expect(await requestCancellationAction({ lessonId: lesson.id, studentId: w.ola.id, reason: 'x' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await t.db.select().from(cancellationRequests).where(eq(cancellationRequests.lessonId, lesson.id))).toEqual([]);
  });
});

describe('decideCancellationAction', () => {
  async function pending(studentId: string, lessonStart: Date, kind: 'individual' | 'group' = 'individual', others: string[] = []) {
    const lesson = await lessonFor([studentId, ...others], lessonStart, kind);
    asMum();
    const result = await requestCancellationAction({ lessonId: lesson.id, studentId, reason: 'Choroba' });
    if (!result.ok) throw new Error(result.message);
    return { lesson, requestId: result.data.id };
  }

  it('approves in time: the individual lesson is cancelled, a credit is given and the parent is told', async () => {
    const { lesson, requestId } = await pending(w.ola.id, ahead(5));
    asAdmin();
    const before = Date.now();
    const result = await decideCancellationAction({ requestId, decision: 'approve', note: 'Zdrowia!' });
    expect(result).toMatchObject({ ok: true, data: { status: 'approved', outcome: 'credit' } });
    const [row] = await t.db.select().from(lessons).where(eq(lessons.id, lesson.id));
    expect(row).toMatchObject({ status: 'cancelled', cancelReason: 'Choroba' });
    const [credit] = await t.db.select().from(makeupCredits).where(eq(makeupCredits.requestId, requestId));
    expect(credit).toMatchObject({ status: 'open', studentId: w.ola.id, sourceLessonId: lesson.id });
    expect([creditExpiry(new Date(before), 30, 'Europe/Warsaw').getTime(), creditExpiry(new Date(), 30, 'Europe/Warsaw').getTime()]).toContain(credit.expiresAt.getTime());
    expect(await requestRow(requestId)).toMatchObject({ status: 'approved', decidedBy: w.admin.id, decisionNote: 'Zdrowia!' });
    const mail = await t.db.select().from(emailOutbox).where(and(eq(emailOutbox.toAddress, w.mum.user!.email), eq(emailOutbox.template, 'cancellation-decided')));
    expect(mail.at(-1)?.text).toContain('Zdrowia!');
    // Deciding twice is refused.
    expect(await decideCancellationAction({ requestId, decision: 'reject' })).toMatchObject({ ok: false, code: 'CONFLICT', message: 'cancellations.alreadyDecided' });
  });

  it('lets only the lesson’s own tutor decide; a rejection changes nothing but the request', async () => {
    const { lesson, requestId } = await pending(w.ola.id, ahead(6));
    actAs(viewerOf(w.jan.user!));
    expect(await decideCancellationAction({ requestId, decision: 'approve' })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    asMum();
    expect(await decideCancellationAction({ requestId, decision: 'approve' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    actAs(viewerOf(w.anna.user!));
    expect(await decideCancellationAction({ requestId, decision: 'reject', note: 'Sprawdzian' })).toMatchObject({ ok: true, data: { status: 'rejected', outcome: null } });
    expect((await t.db.select().from(lessons).where(eq(lessons.id, lesson.id)))[0].status).toBe('scheduled');
    expect(await t.db.select().from(makeupCredits).where(eq(makeupCredits.requestId, requestId))).toEqual([]);
    const mail = await t.db.select().from(emailOutbox).where(eq(emailOutbox.template, 'cancellation-decided'));
    expect(mail.some((m) => m.text.includes('Sprawdzian'))).toBe(true);
  });

  it('approves a late request from a group: the place is freed, no credit, marked late', async () => {
    const { lesson, requestId } = await pending(w.ola.id, new Date(Date.now() + 6 * 3_600_000), 'group', [w.kuba.id]);
    asAdmin();
    expect(await decideCancellationAction({ requestId, decision: 'approve' })).toMatchObject({ ok: true, data: { outcome: 'late', creditExpiresAt: null } });
    expect((await t.db.select().from(lessons).where(eq(lessons.id, lesson.id)))[0].status).toBe('scheduled');
    expect((await t.db.select({ id: lessonStudents.studentId }).from(lessonStudents).where(eq(lessonStudents.lessonId, lesson.id))).map((r) => r.id)).toEqual([w.kuba.id]);
    expect(await requestRow(requestId)).toMatchObject({ status: 'approved', late: true });
    expect(await t.db.select().from(makeupCredits).where(eq(makeupCredits.requestId, requestId))).toEqual([]);
  });

  it('respects the cap of credits per term', async () => {
    const family = await createFamily(t.db, { schoolId: w.school.id });
    const child = family.children[0];
    await t.db.update(schools).set({ makeupCapPerTerm: 1 }).where(eq(schools.id, w.school.id));
    try {
      const outcomes = [];
      for (const days of [8, 9]) {
        const lesson = await lessonFor([child.id], ahead(days));
        actAs(viewerOf(family.parent.user!));
        const asked = await requestCancellationAction({ lessonId: lesson.id, studentId: child.id, reason: 'Wyjazd' });
        if (!asked.ok) throw new Error(asked.message);
        asAdmin();
        const decided = await decideCancellationAction({ requestId: asked.data.id, decision: 'approve' });
        outcomes.push(decided.ok && decided.data.outcome);
      }
      expect(outcomes).toEqual(['credit', 'cap']);
    } finally {
      await t.db.update(schools).set({ makeupCapPerTerm: null }).where(eq(schools.id, w.school.id));
    }
  });

  it('answers NOT_FOUND for another school’s request', async () => {
    const sowaAdmin = await createUser(t.db, { schoolId: w.sowa.id, role: 'admin' });
    const { requestId } = await pending(w.ola.id, ahead(10));
    actAs(viewerOf(sowaAdmin));
    expect(await decideCancellationAction({ requestId, decision: 'approve' })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });
});

describe('withdrawCancellationAction', () => {
  it('takes back a pending request, after which a new one may be made', async () => {
    const lesson = await lessonFor([w.ola.id], ahead(11));
    asMum();
    const asked = await requestCancellationAction({ lessonId: lesson.id, studentId: w.ola.id, reason: 'Może' });
    if (!asked.ok) throw new Error(asked.message);
    actAs(viewerOf(w.stranger.parent.user!));
    expect(await withdrawCancellationAction({ requestId: asked.data.id })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    actAs(viewerOf(w.grandpa.user!));
    expect(await withdrawCancellationAction({ requestId: asked.data.id })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    asMum();
    expect(await withdrawCancellationAction({ requestId: asked.data.id })).toMatchObject({ ok: true });
    expect(await requestRow(asked.data.id)).toMatchObject({ status: 'withdrawn' });
    expect(await withdrawCancellationAction({ requestId: asked.data.id })).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(await requestCancellationAction({ lessonId: lesson.id, studentId: w.ola.id, reason: 'Jednak tak' })).toMatchObject({ ok: true });
  });
});

describe('makeup credits', () => {
  async function credit(studentId: string, createdAt: Date, expiresAt: Date) {
    const source = await lessonFor([], ahead(20));
    const [row] = await t.db.insert(makeupCredits).values({ schoolId: w.school.id, studentId, sourceLessonId: source.id, createdAt, expiresAt }).returning();
    return row;
  }

  it('expires what ran out, once: a second run changes nothing', async () => {
    const student = await createStudent(t.db, { schoolId: w.school.id });
    const at = new Date('2030-06-01T10:00:00Z');
    const old = await credit(student.id, new Date('2030-04-01T10:00:00Z'), new Date('2030-05-01T22:00:00Z'));
    const edge = await credit(student.id, new Date('2030-05-01T10:00:00Z'), at);
    const fresh = await credit(student.id, new Date('2030-05-20T10:00:00Z'), new Date('2030-06-20T22:00:00Z'));
    const first = await expireMakeupCredits(t.db, at);
    expect(first.expired).toBeGreaterThanOrEqual(2);
    const rows = await t.db.select().from(makeupCredits).where(eq(makeupCredits.studentId, student.id));
    const statusOf = (id: string) => rows.find((r) => r.id === id)?.status;
    expect([statusOf(old.id), statusOf(edge.id), statusOf(fresh.id)]).toEqual(['expired', 'expired', 'open']);
    expect(rows.find((r) => r.id === old.id)?.expiredAt).toEqual(at);
    const audits = await t.db.select().from(auditLog).where(eq(auditLog.action, 'makeup.expire'));
    expect(audits.at(-1)).toMatchObject({ actorUserId: null, actorRole: null, schoolId: w.school.id });
    expect(await expireMakeupCredits(t.db, at)).toEqual({ expired: 0, schools: 0 });
    expect((await t.db.select().from(auditLog).where(eq(auditLog.action, 'makeup.expire'))).length).toBe(audits.length);
  });

  it('uses the oldest open credit that is still valid', async () => {
    const student = await createStudent(t.db, { schoolId: w.school.id });
    const now = new Date();
    const later = new Date(now.getTime() + 30 * 86_400_000);
    await credit(student.id, new Date(now.getTime() - 40 * 86_400_000), new Date(now.getTime() - 86_400_000)); // ran out, not yet swept
    const older = await credit(student.id, new Date(now.getTime() - 10 * 86_400_000), later);
    await credit(student.id, new Date(now.getTime() - 5 * 86_400_000), later);
    const makeup = await lessonFor([student.id], ahead(21));
    const used = await t.db.transaction((tx) => useOldestCredit(tx, { schoolId: w.school.id, studentId: student.id, lessonId: makeup.id, at: now }));
    expect(used).toMatchObject({ id: older.id, status: 'used', usedByLessonId: makeup.id });
  });
});

describe('bookMakeupAction', () => {
  async function openCredit(studentId: string, ageDays: number) {
    const source = await lessonFor([], ahead(30));
    const now = Date.now();
    const [row] = await t.db
      .insert(makeupCredits)
      .values({ schoolId: w.school.id, studentId, sourceLessonId: source.id, createdAt: new Date(now - ageDays * 86_400_000), expiresAt: new Date(now + 20 * 86_400_000) })
      .returning();
    return row;
  }
  const online = { meetingUrl: 'https://meet.example.test/makeup' };

  it('plans the lesson and uses the oldest open credit, in one go', async () => {
    const student = await createStudent(t.db, { schoolId: w.school.id });
    const newer = await openCredit(student.id, 2);
    const older = await openCredit(student.id, 9);
    asAdmin();
    const start = ahead(31);
    const result = await bookMakeupAction({ studentId: student.id, tutorId: w.anna.id, subjectId: w.math.id, ...online, start: start.toISOString(), end: new Date(start.getTime() + 3_600_000).toISOString() });
    expect(result).toMatchObject({ ok: true, data: { creditId: older.id } });
    if (!result.ok) return;
    expect((await t.db.select({ id: lessonStudents.studentId }).from(lessonStudents).where(eq(lessonStudents.lessonId, result.data.lessonId))).map((r) => r.id)).toEqual([student.id]);
    const credits = await t.db.select().from(makeupCredits).where(eq(makeupCredits.studentId, student.id));
    expect(credits.find((c) => c.id === older.id)).toMatchObject({ status: 'used', usedByLessonId: result.data.lessonId });
    expect(credits.find((c) => c.id === newer.id)).toMatchObject({ status: 'open' });
  });

  it('books nothing without an open credit, and tutors only for themselves', async () => {
    const student = await createStudent(t.db, { schoolId: w.school.id });
    const start = ahead(32);
    const input = { studentId: student.id, tutorId: w.anna.id, subjectId: w.math.id, ...online, start: start.toISOString(), end: new Date(start.getTime() + 3_600_000).toISOString() };
    asAdmin();
    expect(await bookMakeupAction(input)).toMatchObject({ ok: false, code: 'CONFLICT', message: 'cancellations.noOpenCredit' });
    expect(await t.db.select().from(lessons).where(eq(lessons.tutorId, w.anna.id)).then((rows) => rows.filter((l) => l.during.start.getTime() === start.getTime()))).toEqual([]);
    await openCredit(student.id, 1);
    actAs(viewerOf(w.jan.user!));
    expect(await bookMakeupAction(input)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    asMum();
    expect(await bookMakeupAction(input)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    actAs(viewerOf(w.anna.user!));
    expect(await bookMakeupAction({ ...input, studentIds: [w.kuba.id] })).toMatchObject({ ok: false, code: 'VALIDATION' });
    expect(await bookMakeupAction({ ...input, studentId: w.sowaStudent.id })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await bookMakeupAction(input)).toMatchObject({ ok: true });
  });
});
