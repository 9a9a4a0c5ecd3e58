import { and, eq } from 'drizzle-orm';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { auditLog, invoices, jobRuns, makeupCredits, schools } from '@/db/schema';
import { createFamily, createLesson, createMakeupCredit, createSchool, createStudent, createSubject, createTutor, createUser, setSubjectPrice } from '@/db/seed/factories';
import { periodOf } from '@/lib/billing/plan';
import { JOBS } from '@/lib/jobs';
import { runJobNowAction } from '@/lib/jobs/actions';
import { listJobs } from '@/lib/jobs/queries';
import { instantToZoned } from '@/lib/time';
import { freshTestDatabase } from '@/test/database';
import { actAs } from '@/test/mocks/viewer';
import { viewerOf } from '@/test/viewers';

const t = freshTestDatabase();

const DAY = 86_400_000;

let w: Awaited<ReturnType<typeof build>>;

/**
 * Na Piątkę (its admin, a tutor, maths at 100 zł and a family with a lesson this month, so
 * billing has something to issue) and Sowa (its admin). Each school has a student with a
 * makeup credit that ran out yesterday.
 */
async function build() {
  const school = await createSchool(t.db, { name: 'Na Piątkę' });
  const sowa = await createSchool(t.db, { name: 'Sowa' });
  const admin = await createUser(t.db, { schoolId: school.id, role: 'admin', name: 'Ewa Dyrektor' });
  const sowaAdmin = await createUser(t.db, { schoolId: sowa.id, role: 'admin' });
  const tutor = await createTutor(t.db, { schoolId: school.id, withLogin: true });
  const math = await createSubject(t.db, { schoolId: school.id, name: 'Matematyka' });
  await setSubjectPrice(t.db, { schoolId: school.id, subjectId: math.id, individualPer60: 10_000 });
  const { children } = await createFamily(t.db, { schoolId: school.id, lastName: 'Nowak' });
  // A lesson on the 2nd of the current month in Warsaw, whatever today is.
  const period = periodOf(new Date(), school.timeZone);
  await createLesson(t.db, { schoolId: school.id, tutorId: tutor.id, subjectId: math.id, studentIds: [children[0].id], status: 'completed', start: `${period}-02T15:00:00Z` });

  const credit = async (schoolId: string) => {
    const teacher = schoolId === school.id ? tutor : await createTutor(t.db, { schoolId });
    const subject = schoolId === school.id ? math : await createSubject(t.db, { schoolId, name: 'Fizyka' });
    const student = await createStudent(t.db, { schoolId });
    const source = await createLesson(t.db, { schoolId, tutorId: teacher.id, subjectId: subject.id, studentIds: [student.id], status: 'cancelled', cancelledAt: new Date(Date.now() - 41 * DAY), start: new Date(Date.now() - 40 * DAY) });
    return createMakeupCredit(t.db, { schoolId, studentId: student.id, sourceLessonId: source.id, expiresAt: new Date(Date.now() - DAY) });
  };
  return { school, sowa, admin, sowaAdmin, tutor, period, credit, naCredit: await credit(school.id), sowaCredit: await credit(sowa.id) };
}
beforeAll(async () => {
  w = await build();
});
beforeEach(() => actAs(null));
afterEach(() => vi.restoreAllMocks());

const runsOf = (schoolId: string, job: string) => t.db.select().from(jobRuns).where(and(eq(jobRuns.schoolId, schoolId), eq(jobRuns.job, job)));
const jobAudits = (schoolId: string) => t.db.select().from(auditLog).where(and(eq(auditLog.schoolId, schoolId), eq(auditLog.action, 'job.run'))).orderBy(auditLog.id);
const creditStatus = async (id: string) => (await t.db.select({ status: makeupCredits.status }).from(makeupCredits).where(eq(makeupCredits.id, id)))[0].status;

describe('runJobNowAction', () => {
  it("runs a job for the admin's school only, records the run as manual and by whom, audits it and answers the counts", async () => {
    actAs(viewerOf(w.admin));
    const before = Date.now();
    const result = await runJobNowAction({ job: 'makeup-expiry' });
    expect(result).toMatchObject({ ok: true, data: { message: 'jobs.run.done' } });
    if (!result.ok) return;
    expect(result.data.counts).toMatchObject({ expired: 1 });

    // Only this school's credit expired; Sowa's waits for Sowa's own run.
    expect(await creditStatus(w.naCredit.id)).toBe('expired');
    expect(await creditStatus(w.sowaCredit.id)).toBe('open');
    expect(await runsOf(w.sowa.id, 'makeup-expiry')).toEqual([]);

    const [run] = await runsOf(w.school.id, 'makeup-expiry');
    expect(run).toMatchObject({ id: result.data.runId, trigger: 'manual', triggeredBy: w.admin.id, status: 'succeeded', counts: result.data.counts, error: null });
    expect(run.forTime.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(run.forTime.getTime()).toBeLessThanOrEqual(Date.now());

    const audits = await jobAudits(w.school.id);
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actorUserId: w.admin.id, actorRole: 'admin', entityType: 'job', entityId: 'makeup-expiry', after: { job: 'makeup-expiry' } });

    // The job page shows the run with who started it; Sowa's admin sees none of it.
    const page = await listJobs(viewerOf(w.admin));
    const expiry = page?.jobs.find((j) => j.name === 'makeup-expiry');
    expect(expiry?.runs[0]).toMatchObject({ id: run.id, trigger: 'manual', triggeredByName: 'Ewa Dyrektor', status: 'succeeded', counts: run.counts });
    const sowaPage = await listJobs(viewerOf(w.sowaAdmin));
    expect(sowaPage?.jobs.find((j) => j.name === 'makeup-expiry')?.runs).toEqual([]);

    // Run again: nothing left to expire, and the new run is listed first.
    const again = await runJobNowAction({ job: 'makeup-expiry' });
    expect(again).toMatchObject({ ok: true, data: { counts: { expired: 0 } } });
    const listed = (await listJobs(viewerOf(w.admin)))?.jobs.find((j) => j.name === 'makeup-expiry')?.runs ?? [];
    expect(listed.map((r) => r.id)).toEqual([again.ok ? again.data.runId : '', run.id]);
  });

  it("issues the month's invoices now, though it is not the billing day, and a second run issues nothing more", async () => {
    const today = Number(instantToZoned(new Date(), w.school.timeZone).date.slice(8, 10));
    await t.db.update(schools).set({ billingDay: today === 10 ? 11 : 10 }).where(eq(schools.id, w.school.id));
    actAs(viewerOf(w.admin));
    const first = await runJobNowAction({ job: 'monthly-billing' });
    expect(first).toMatchObject({ ok: true, data: { counts: { issued: 1 } } });
    const issued = await t.db.select().from(invoices).where(eq(invoices.schoolId, w.school.id));
    expect(issued).toHaveLength(1);
    expect(issued[0].period?.slice(0, 7)).toBe(w.period);
    const second = await runJobNowAction({ job: 'monthly-billing' });
    expect(second).toMatchObject({ ok: true, data: { counts: { issued: 0, alreadyIssued: 1 } } });
    expect(await t.db.select().from(invoices).where(eq(invoices.schoolId, w.school.id))).toHaveLength(1);
  });

  it('refuses while a run of the same job for the school is still going, but not one that died long ago', async () => {
    actAs(viewerOf(w.admin));
    const [going] = await t.db
      .insert(jobRuns)
      .values({ schoolId: w.school.id, job: 'overdue-check', forTime: new Date(), trigger: 'schedule', startedAt: new Date(Date.now() - 60_000) })
      .returning();
    const auditsBefore = (await jobAudits(w.school.id)).length;
    const runsBefore = (await runsOf(w.school.id, 'overdue-check')).length;
    expect(await runJobNowAction({ job: 'overdue-check' })).toEqual({ ok: false, code: 'CONFLICT', message: 'jobs.run.busy', reason: 'job_running' });
    expect(await runsOf(w.school.id, 'overdue-check')).toHaveLength(runsBefore);
    expect(await jobAudits(w.school.id)).toHaveLength(auditsBefore);

    // Another job, or the same job in another school, is not held up by it.
    vi.spyOn(JOBS['payment-reminders'], 'run').mockResolvedValueOnce({ emailed: 0 });
    expect(await runJobNowAction({ job: 'payment-reminders' })).toMatchObject({ ok: true });
    vi.spyOn(JOBS['overdue-check'], 'run').mockResolvedValueOnce({ markedOverdue: 0 });
    actAs(viewerOf(w.sowaAdmin));
    expect(await runJobNowAction({ job: 'overdue-check' })).toMatchObject({ ok: true });

    // A run that has said nothing for more than 15 minutes died: the page calls it interrupted, and it no longer blocks.
    await t.db.update(jobRuns).set({ startedAt: new Date(Date.now() - 20 * 60_000) }).where(eq(jobRuns.id, going.id));
    actAs(viewerOf(w.admin));
    const shown = (await listJobs(viewerOf(w.admin)))?.jobs.find((j) => j.name === 'overdue-check')?.runs.find((r) => r.id === going.id);
    expect(shown?.status).toBe('stalled');
    vi.spyOn(JOBS['overdue-check'], 'run').mockResolvedValueOnce({ markedOverdue: 2, emailed: 2 });
    expect(await runJobNowAction({ job: 'overdue-check' })).toMatchObject({ ok: true, data: { counts: { markedOverdue: 2, emailed: 2 } } });
  });

  it('lets only one of two clicks arriving together run the job', async () => {
    actAs(viewerOf(w.admin));
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    vi.spyOn(JOBS['lesson-reminders'], 'run').mockImplementation(async () => {
      await gate;
      return { lessons: 0 };
    });
    const first = runJobNowAction({ job: 'lesson-reminders' });
    // The first run is under way (its row written) before the second click arrives.
    await vi.waitFor(async () => expect((await runsOf(w.school.id, 'lesson-reminders')).some((r) => r.status === 'running')).toBe(true));
    const second = await runJobNowAction({ job: 'lesson-reminders' });
    expect(second).toMatchObject({ ok: false, code: 'CONFLICT', reason: 'job_running' });
    release();
    expect(await first).toMatchObject({ ok: true });
    expect(await runsOf(w.school.id, 'lesson-reminders')).toHaveLength(1);

    // Two at the very same moment: one runs, the other is refused.
    const both = await Promise.all([runJobNowAction({ job: 'lesson-reminders' }), runJobNowAction({ job: 'lesson-reminders' })]);
    expect(both.map((r) => (r.ok ? 'ran' : r.code)).sort()).toEqual(['CONFLICT', 'ran']);
    // Once it finished, the next click runs again.
    expect(await runJobNowAction({ job: 'lesson-reminders' })).toMatchObject({ ok: true });
  });

  it('answers a job that fails with its reason in words, records the failure, and never throws', async () => {
    actAs(viewerOf(w.admin));
    vi.spyOn(JOBS['payment-reminders'], 'run').mockRejectedValueOnce(new Error('mail server unreachable'));
    const result = await runJobNowAction({ job: 'payment-reminders' });
    expect(result).toEqual({ ok: false, code: 'INTERNAL', message: 'jobs.run.failed', reason: 'job_failed' });
    const failed = (await runsOf(w.school.id, 'payment-reminders')).find((r) => r.status === 'failed');
    expect(failed).toMatchObject({ trigger: 'manual', triggeredBy: w.admin.id, error: 'mail server unreachable' });
    const shown = (await listJobs(viewerOf(w.admin)))?.jobs.find((j) => j.name === 'payment-reminders')?.runs[0];
    expect(shown).toMatchObject({ status: 'failed', error: 'mail server unreachable' });
    // The failure released the job: the next click runs it.
    vi.spyOn(JOBS['payment-reminders'], 'run').mockResolvedValueOnce({ emailed: 1 });
    expect(await runJobNowAction({ job: 'payment-reminders' })).toMatchObject({ ok: true, data: { counts: { emailed: 1 } } });
  });

  it('refuses other roles, strangers and unknown jobs, running nothing', async () => {
    const runsBefore = (await t.db.select().from(jobRuns)).length;
    actAs(viewerOf(w.tutor.user!));
    expect(await runJobNowAction({ job: 'makeup-expiry' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await listJobs(viewerOf(w.tutor.user!))).toBeUndefined();
    actAs(null);
    expect(await runJobNowAction({ job: 'makeup-expiry' })).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    actAs(viewerOf(w.admin));
    for (const raw of [{ job: 'drop-tables' }, { job: '' }, { job: null }, {}, null, 'makeup-expiry', { job: ['makeup-expiry'] }]) {
      expect(await runJobNowAction(raw as never), JSON.stringify(raw)).toMatchObject({ ok: false, code: 'VALIDATION' });
    }
    expect(await t.db.select().from(jobRuns)).toHaveLength(runsBefore);
  });
});

describe('listJobs', () => {
  it("describes when each job runs from the school's own settings", async () => {
    await t.db.update(schools).set({ billingDay: 25, overdueCheckHour: 10 }).where(eq(schools.id, w.sowa.id));
    const page = await listJobs(viewerOf(w.sowaAdmin));
    const schedule = Object.fromEntries(page!.jobs.map((j) => [j.name, j.schedule]));
    expect(schedule).toEqual({
      'monthly-billing': { kind: 'monthly', days: [25], hours: [6] },
      'overdue-check': { kind: 'daily', hours: [10] },
      'payment-reminders': { kind: 'daily', hours: [expect.any(Number)] },
      'makeup-expiry': { kind: 'daily', hours: [7] },
      'lesson-reminders': { kind: 'hourly' },
      'message-notices': { kind: 'hourly' },
      'data-retention': { kind: 'daily', hours: [3] },
    });
    expect(page!.settings).toMatchObject({ billingDay: 25, overdueCheckHour: 10, timeZone: 'Europe/Warsaw' });
  });
});
