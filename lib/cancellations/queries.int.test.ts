import { beforeAll, describe, expect, it } from 'vitest';
import { createCancellationRequest, createFamily, createLesson, createMakeupCredit, createParent, createSchool, createStudent, createSubject, createTutor, createUser, linkParent } from '@/db/seed/factories';
import { listCancellationRequests, listOpenCredits, listUpcomingLessons } from '@/lib/cancellations/queries';
import { freshTestDatabase } from '@/test/database';
import { viewerOf } from '@/test/viewers';

const t = freshTestDatabase();

// Ola (parent Ewa with full access, Jerzy with view access) has a lesson with Anna in three
// days, a pending request for it and an open credit; Kuba (another family) has a lesson with
// Jan and a request of his own. "Sowa" is another school.
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
  const soon = new Date(Date.now() + 3 * 86_400_000);
  const olaLesson = await createLesson(t.db, { schoolId: school.id, tutorId: anna.id, subjectId: math.id, start: soon, studentIds: [ola.id] });
  const olaNext = await createLesson(t.db, { schoolId: school.id, tutorId: anna.id, subjectId: math.id, start: new Date(soon.getTime() + 86_400_000), studentIds: [ola.id] });
  const kubaLesson = await createLesson(t.db, { schoolId: school.id, tutorId: jan.id, subjectId: math.id, start: soon, studentIds: [kuba.id] });
  const olaRequest = await createCancellationRequest(t.db, { schoolId: school.id, lessonId: olaLesson.id, studentId: ola.id, requestedBy: ewa.user!.id });
  const kubaRequest = await createCancellationRequest(t.db, { schoolId: school.id, lessonId: kubaLesson.id, studentId: kuba.id, requestedBy: kubas.parent.user!.id });
  const olaCredit = await createMakeupCredit(t.db, { schoolId: school.id, studentId: ola.id, sourceLessonId: olaLesson.id });
  const kubaCredit = await createMakeupCredit(t.db, { schoolId: school.id, studentId: kuba.id, sourceLessonId: kubaLesson.id });
  await createMakeupCredit(t.db, { schoolId: school.id, studentId: ola.id, sourceLessonId: olaLesson.id, expiresAt: new Date(Date.now() - 1000) }); // ran out
  return { school, admin, sowaAdmin, anna, jan, ola, ewa, jerzy, kubas, olaLesson, olaNext, kubaLesson, olaRequest, kubaRequest, olaCredit, kubaCredit };
}
beforeAll(async () => {
  w = await build();
});

const ids = (rows: { id: string }[]) => rows.map((r) => r.id).sort();

describe('cancellation reads are scoped to the viewer', () => {
  it('a full-access parent sees the child’s lessons (may ask), requests and usable credits only', async () => {
    const viewer = viewerOf(w.ewa.user!);
    const upcoming = await listUpcomingLessons(viewer);
    expect(upcoming.map((l) => [l.lessonId, l.canRequest, l.pendingRequestId])).toEqual([
      [w.olaLesson.id, true, w.olaRequest.id],
      [w.olaNext.id, true, null],
    ]);
    expect(ids(await listCancellationRequests(viewer))).toEqual([w.olaRequest.id]);
    expect(ids(await listOpenCredits(viewer))).toEqual([w.olaCredit.id]);
  });

  it('a view-only parent sees the same but may not ask; the student sees their own', async () => {
    const upcoming = await listUpcomingLessons(viewerOf(w.jerzy.user!));
    expect(upcoming.map((l) => l.canRequest)).toEqual([false, false]);
    expect(ids(await listCancellationRequests(viewerOf(w.jerzy.user!)))).toEqual([w.olaRequest.id]);
    const student = viewerOf(w.ola.user!);
    expect((await listUpcomingLessons(student)).map((l) => l.canRequest)).toEqual([true, true]);
    expect(ids(await listOpenCredits(student))).toEqual([w.olaCredit.id]);
  });

  it('another family, a tutor and another school see only what is theirs', async () => {
    const other = viewerOf(w.kubas.parent.user!);
    expect((await listUpcomingLessons(other)).map((l) => l.lessonId)).toEqual([w.kubaLesson.id]);
    expect(ids(await listCancellationRequests(other))).toEqual([w.kubaRequest.id]);
    expect(ids(await listOpenCredits(other))).toEqual([w.kubaCredit.id]);
    expect(ids(await listCancellationRequests(viewerOf(w.anna.user!)))).toEqual([w.olaRequest.id]);
    expect(ids(await listCancellationRequests(viewerOf(w.jan.user!)))).toEqual([w.kubaRequest.id]);
    expect(await listUpcomingLessons(viewerOf(w.anna.user!))).toEqual([]);
    expect(ids(await listCancellationRequests(viewerOf(w.admin)))).toEqual(ids([w.olaRequest, w.kubaRequest]));
    expect(ids(await listOpenCredits(viewerOf(w.anna.user!)))).toEqual([w.olaCredit.id]);
    expect(ids(await listOpenCredits(viewerOf(w.jan.user!)))).toEqual([w.kubaCredit.id]);
    expect(ids(await listOpenCredits(viewerOf(w.admin)))).toEqual(ids([w.olaCredit, w.kubaCredit]));
    expect(await listCancellationRequests(viewerOf(w.sowaAdmin))).toEqual([]);
    expect(await listOpenCredits(viewerOf(w.sowaAdmin))).toEqual([]);
  });
});
