import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { schools } from '@/db/schema';
import { createCancellationRequest, createFamily, createLesson, createMakeupCredit, createParent, createSchool, createStudent, createSubject, createTutor, createUser, linkParent } from '@/db/seed/factories';
import { listDecidedRequests, listOpenCredits, listPendingRequests, listUpcomingLessons } from '@/lib/cancellations/queries';
import { freshTestDatabase } from '@/test/database';
import { viewerOf } from '@/test/viewers';

const t = freshTestDatabase();

const DAY = 86_400_000;

// Ola (parent Ewa with full access, Jerzy with view access) has a lesson with Anna in three
// days, a pending request for it and an open credit; Kuba (another family) has a lesson with
// Jan and a request of his own. A term's worth of history: Ola's past lessons with Anna hold
// 23 decided requests (approved, rejected, withdrawn in turn, decided on different days), and Kuba
// 12 open credits expiring on different days. "Sowa" is another school with its own request
// and credit.
let w: Awaited<ReturnType<typeof build>>;
async function build() {
  const school = await createSchool(t.db);
  const sowa = await createSchool(t.db);
  const admin = await createUser(t.db, { schoolId: school.id, role: 'admin' });
  const sowaAdmin = await createUser(t.db, { schoolId: sowa.id, role: 'admin' });
  const anna = await createTutor(t.db, { schoolId: school.id });
  const jan = await createTutor(t.db, { schoolId: school.id });
  const math = await createSubject(t.db, { schoolId: school.id, name: 'Matematyka' });
  const ola = await createStudent(t.db, { schoolId: school.id, firstName: 'Ola', withLogin: true });
  const ewa = await createParent(t.db, { schoolId: school.id });
  await linkParent(t.db, { schoolId: school.id, parentId: ewa.id, studentId: ola.id, access: 'full' });
  const jerzy = await createParent(t.db, { schoolId: school.id });
  await linkParent(t.db, { schoolId: school.id, parentId: jerzy.id, studentId: ola.id, access: 'view' });
  const kubas = await createFamily(t.db, { schoolId: school.id });
  const kuba = kubas.children[0];
  const now = Date.now();
  const soon = new Date(now + 3 * DAY);
  const olaLesson = await createLesson(t.db, { schoolId: school.id, tutorId: anna.id, subjectId: math.id, start: soon, studentIds: [ola.id] });
  const olaNext = await createLesson(t.db, { schoolId: school.id, tutorId: anna.id, subjectId: math.id, start: new Date(soon.getTime() + DAY), studentIds: [ola.id] });
  // Kuba's lesson is a day later than Ola's: pending requests come soonest lesson first.
  const kubaLesson = await createLesson(t.db, { schoolId: school.id, tutorId: jan.id, subjectId: math.id, start: new Date(soon.getTime() + 2 * DAY), studentIds: [kuba.id] });
  const kubaRequest = await createCancellationRequest(t.db, { schoolId: school.id, lessonId: kubaLesson.id, studentId: kuba.id, requestedBy: kubas.parent.user!.id });
  const olaRequest = await createCancellationRequest(t.db, { schoolId: school.id, lessonId: olaLesson.id, studentId: ola.id, requestedBy: ewa.user!.id });
  const olaCredit = await createMakeupCredit(t.db, { schoolId: school.id, studentId: ola.id, sourceLessonId: olaLesson.id, days: 20 });
  const kubaCredits = [];
  for (let i = 0; i < 12; i++) {
    // Created in one order, expiring in another: the list follows the expiry.
    kubaCredits.push(await createMakeupCredit(t.db, { schoolId: school.id, studentId: kuba.id, sourceLessonId: kubaLesson.id, days: 30 - ((i * 5) % 12) }));
  }
  await createMakeupCredit(t.db, { schoolId: school.id, studentId: ola.id, sourceLessonId: olaLesson.id, expiresAt: new Date(now - 1000) }); // ran out
  await createMakeupCredit(t.db, { schoolId: school.id, studentId: ola.id, sourceLessonId: olaLesson.id, status: 'used', usedByLessonId: olaNext.id, usedAt: new Date() });

  const statuses = ['approved', 'rejected', 'withdrawn'] as const;
  const decided = [];
  for (let i = 0; i < 23; i++) {
    const past = await createLesson(t.db, { schoolId: school.id, tutorId: anna.id, subjectId: math.id, start: new Date(now - (40 + i) * DAY), studentIds: [ola.id] });
    decided.push(
      await createCancellationRequest(t.db, {
        schoolId: school.id,
        lessonId: past.id,
        studentId: ola.id,
        requestedBy: ewa.user!.id,
        status: statuses[i % 3],
        // Asked in one order, decided in another: the list follows the decision.
        createdAt: new Date(now - (60 + i) * DAY),
        decidedAt: new Date(now - (30 + ((i * 7) % 23)) * DAY),
      }),
    );
  }
  // Sowa: a pending request, a decided one and a credit of its own.
  const sowaTutor = await createTutor(t.db, { schoolId: sowa.id });
  const sowaSubject = await createSubject(t.db, { schoolId: sowa.id });
  const sowaFamily = await createFamily(t.db, { schoolId: sowa.id });
  const sowaLesson = await createLesson(t.db, { schoolId: sowa.id, tutorId: sowaTutor.id, subjectId: sowaSubject.id, start: soon, studentIds: [sowaFamily.children[0].id] });
  const sowaRequest = await createCancellationRequest(t.db, { schoolId: sowa.id, lessonId: sowaLesson.id, studentId: sowaFamily.children[0].id, requestedBy: sowaFamily.parent.user!.id });
  await createCancellationRequest(t.db, { schoolId: sowa.id, lessonId: sowaLesson.id, studentId: sowaFamily.children[0].id, requestedBy: sowaFamily.parent.user!.id, status: 'rejected' });
  const sowaCredit = await createMakeupCredit(t.db, { schoolId: sowa.id, studentId: sowaFamily.children[0].id, sourceLessonId: sowaLesson.id, days: 1 });
  return { school, admin, sowaAdmin, anna, jan, ola, ewa, jerzy, kubas, olaLesson, olaNext, kubaLesson, olaRequest, kubaRequest, olaCredit, kubaCredits, decided, sowaRequest, sowaCredit };
}
beforeAll(async () => {
  w = await build();
});

const ids = (rows: { id: string }[]) => rows.map((r) => r.id).sort();
/** Every decided request of the school, as the admin's list orders them: the latest decision first. */
const newestDecidedFirst = () => [...w.decided].sort((a, b) => b.decidedAt!.getTime() - a.decidedAt!.getTime()).map((r) => r.id);

describe('cancellation reads are scoped to the viewer', () => {
  it('a full-access parent sees the child’s lessons (may ask), requests and usable credits only', async () => {
    const viewer = viewerOf(w.ewa.user!);
    const upcoming = await listUpcomingLessons(viewer);
    expect(upcoming.map((l) => [l.lessonId, l.canRequest, l.pendingRequestId])).toEqual([
      [w.olaLesson.id, true, w.olaRequest.id],
      [w.olaNext.id, true, null],
    ]);
    // The school's rules for the request dialog come with each lesson, read in the same query.
    const rules = { cancellationNoticeHours: schools.cancellationNoticeHours, makeupCreditDays: schools.makeupCreditDays, lateCancellationCharged: schools.lateCancellationCharged };
    const [original] = await t.db.select(rules).from(schools).where(eq(schools.id, w.school.id));
    await t.db.update(schools).set({ cancellationNoticeHours: 36, makeupCreditDays: 45, lateCancellationCharged: false }).where(eq(schools.id, w.school.id));
    try {
      const policy = { noticeHours: 36, creditDays: 45, lateCharged: false };
      expect((await listUpcomingLessons(viewer)).map((l) => l.policy)).toEqual([policy, policy]);
    } finally {
      await t.db.update(schools).set(original).where(eq(schools.id, w.school.id));
    }
    expect(ids(await listPendingRequests(viewer))).toEqual([w.olaRequest.id]);
    expect((await listDecidedRequests(viewer)).total).toBe(23);
    expect(ids((await listOpenCredits(viewer)).rows)).toEqual([w.olaCredit.id]);
  });

  it('a view-only parent sees the same but may not ask; the student sees their own', async () => {
    const upcoming = await listUpcomingLessons(viewerOf(w.jerzy.user!));
    expect(upcoming.map((l) => l.canRequest)).toEqual([false, false]);
    expect(ids(await listPendingRequests(viewerOf(w.jerzy.user!)))).toEqual([w.olaRequest.id]);
    const student = viewerOf(w.ola.user!);
    expect((await listUpcomingLessons(student)).map((l) => l.canRequest)).toEqual([true, true]);
    expect(ids((await listOpenCredits(student)).rows)).toEqual([w.olaCredit.id]);
    expect((await listDecidedRequests(student, { pageSize: 5 })).rows.map((r) => r.id)).toEqual(newestDecidedFirst().slice(0, 5));
  });

  it('another family, a tutor and another school see only what is theirs', async () => {
    const other = viewerOf(w.kubas.parent.user!);
    expect((await listUpcomingLessons(other)).map((l) => l.lessonId)).toEqual([w.kubaLesson.id]);
    expect(ids(await listPendingRequests(other))).toEqual([w.kubaRequest.id]);
    expect(await listDecidedRequests(other)).toMatchObject({ rows: [], total: 0 });
    expect((await listOpenCredits(other)).total).toBe(12);
    expect(ids(await listPendingRequests(viewerOf(w.anna.user!)))).toEqual([w.olaRequest.id]);
    expect(ids(await listPendingRequests(viewerOf(w.jan.user!)))).toEqual([w.kubaRequest.id]);
    expect((await listDecidedRequests(viewerOf(w.anna.user!))).total).toBe(23);
    expect((await listDecidedRequests(viewerOf(w.jan.user!))).total).toBe(0);
    expect(await listUpcomingLessons(viewerOf(w.anna.user!))).toEqual([]);
    expect(ids((await listOpenCredits(viewerOf(w.anna.user!))).rows)).toEqual([w.olaCredit.id]);
    expect((await listOpenCredits(viewerOf(w.jan.user!))).rows.map((c) => c.studentId)).toEqual(Array(12).fill(w.kubas.children[0].id));
    expect((await listOpenCredits(viewerOf(w.admin))).total).toBe(13);
    expect(ids(await listPendingRequests(viewerOf(w.sowaAdmin)))).toEqual([w.sowaRequest.id]);
    expect((await listDecidedRequests(viewerOf(w.sowaAdmin))).total).toBe(1);
    expect(ids((await listOpenCredits(viewerOf(w.sowaAdmin))).rows)).toEqual([w.sowaCredit.id]);
  });
});

describe('the staff lists, a page at a time', () => {
  it('lists every pending request, the soonest lesson first, and nothing decided among them', async () => {
    const pending = await listPendingRequests(viewerOf(w.admin));
    expect(pending.map((r) => r.id)).toEqual([w.olaRequest.id, w.kubaRequest.id]);
    expect(pending.every((r) => r.status === 'pending')).toBe(true);
  });

  it('pages the decided requests, the latest decision first, counted in all', async () => {
    const admin = viewerOf(w.admin);
    const order = newestDecidedFirst();
    const first = await listDecidedRequests(admin, { page: 1, pageSize: 10 });
    const second = await listDecidedRequests(admin, { page: 2, pageSize: 10 });
    const third = await listDecidedRequests(admin, { page: 3, pageSize: 10 });
    expect([first.total, second.total, third.total]).toEqual([23, 23, 23]);
    expect(first.rows.map((r) => r.id)).toEqual(order.slice(0, 10));
    expect(second.rows.map((r) => r.id)).toEqual(order.slice(10, 20));
    expect(third.rows.map((r) => r.id)).toEqual(order.slice(20));
    expect(first.rows.concat(second.rows, third.rows).some((r) => r.status === 'pending')).toBe(false);
    expect((await listDecidedRequests(admin, { page: 4, pageSize: 10 })).rows).toEqual([]);
  });

  it('filters the decided requests by outcome, the count following the filter', async () => {
    const admin = viewerOf(w.admin);
    const approved = await listDecidedRequests(admin, { status: 'approved', pageSize: 5 });
    expect(approved.total).toBe(8);
    expect(approved.rows.map((r) => r.id)).toEqual(newestDecidedFirst().filter((id) => w.decided.find((r) => r.id === id)!.status === 'approved').slice(0, 5));
    expect((await listDecidedRequests(admin, { status: 'withdrawn' })).total).toBe(7);
    expect((await listDecidedRequests(admin, { status: 'rejected' })).rows.every((r) => r.status === 'rejected')).toBe(true);
  });

  it('pages the open credits, the soonest to expire first, leaving out used and expired ones', async () => {
    const admin = viewerOf(w.admin);
    const all = [w.olaCredit, ...w.kubaCredits].sort((a, b) => a.expiresAt.getTime() - b.expiresAt.getTime() || a.createdAt.getTime() - b.createdAt.getTime());
    const first = await listOpenCredits(admin, { page: 1, pageSize: 5 });
    const rest = [await listOpenCredits(admin, { page: 2, pageSize: 5 }), await listOpenCredits(admin, { page: 3, pageSize: 5 })];
    expect(first.total).toBe(13);
    expect([...first.rows, ...rest[0].rows, ...rest[1].rows].map((c) => c.id)).toEqual(all.map((c) => c.id));
    expect(rest[1].rows).toHaveLength(3);
  });

  it('gives the next lessons only as many as asked for', async () => {
    expect((await listUpcomingLessons(viewerOf(w.ewa.user!), { limit: 1 })).map((l) => l.lessonId)).toEqual([w.olaLesson.id]);
  });

  it('gives nothing to a role that may not read cancellations', async () => {
    const stranger = { ...viewerOf(w.admin), role: 'nobody' as never };
    expect(await listPendingRequests(stranger)).toEqual([]);
    expect(await listDecidedRequests(stranger)).toMatchObject({ rows: [], total: 0 });
    expect(await listOpenCredits(stranger)).toMatchObject({ rows: [], total: 0 });
  });
});
