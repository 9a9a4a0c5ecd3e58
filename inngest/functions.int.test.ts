import { InngestTestEngine } from '@inngest/test';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { emailOutbox, jobRuns, notificationEvents } from '@/db/schema';
import { createLesson, createSchool, createStudent, createSubject, createTutor } from '@/db/seed/factories';
import { recordLessonChanges } from '@/lib/notifications/events';
import { freshTestDatabase } from '@/test/database';
import { JOB_DUE } from './client';
import { HOURLY, functions, runSchoolJob, sendNotification, tickHour, ticks } from './functions';
import { NOTIFICATION_CREATED } from './client';

const t = freshTestDatabase();

let warsaw: { id: string };
let tokyo: { id: string };

beforeAll(async () => {
  warsaw = await createSchool(t.db, { name: 'Na Piątkę', billingDay: 25 });
  tokyo = await createSchool(t.db, { name: 'Tokyo Juku', billingDay: 25, timeZone: 'Asia/Tokyo' });
});

const tickOf = (job: string) => ticks.find((f) => f.id().endsWith(`tick-${job}`))!;

/** Inngest's own part, sending the events, is not ours to test (and needs a server): its step answers as Inngest would. */
const sent = () => [{ id: 'run for each school', handler: () => ({ ids: ['event-id'] }) }];

/** A cron tick at `iso` (Inngest's scheduled event carries the moment in `ts`). */
const cronEvent = (iso: string) => [{ name: 'inngest/scheduled.timer', data: { cron: HOURLY }, ts: Date.parse(iso) }] as [{ name: string; data: Record<string, unknown>; ts: number }];

describe('the hourly ticks', () => {
  it('serve one tick per job, the per-school runner and the notification sender', () => {
    expect(functions.map((f) => f.id()).map((id) => id.replace(/^tutorhub-/, ''))).toEqual([
      'tick-monthly-billing',
      'tick-overdue-check',
      'tick-payment-reminders',
      'tick-makeup-expiry',
      'tick-lesson-reminders',
      'tick-message-notices',
      'tick-data-retention',
      'run-school-job',
      'send-notification',
    ]);
  });

  it('cut a late tick to its hour, so a retry acts for the same moment', () => {
    expect(tickHour(Date.parse('2026-12-25T05:00:41.123Z'))).toBe('2026-12-25T05:00:00.000Z');
  });

  it("send monthly billing to the school whose billing day and 06:00 it is, and only to it", async () => {
    // 06:00 in Warsaw on the 25th (CET): 05:00 UTC. In Tokyo it is 14:00 then.
    const engine = new InngestTestEngine({ steps: sent(), function: tickOf('monthly-billing'), events: cronEvent('2026-12-25T05:00:07Z') });
    const { result, ctx } = await engine.execute();
    expect(result).toEqual({ job: 'monthly-billing', at: '2026-12-25T05:00:00.000Z', schools: 1 });
    expect(ctx.step.sendEvent).toHaveBeenCalledWith('run for each school', [
      { id: `monthly-billing:${warsaw.id}:2026-12-25T05:00:00.000Z`, name: JOB_DUE, data: { job: 'monthly-billing', schoolId: warsaw.id, at: '2026-12-25T05:00:00.000Z' } },
    ]);
  });

  it("reach Tokyo's 25th at 06:00 while it is still the 24th in UTC", async () => {
    const engine = new InngestTestEngine({ steps: sent(), function: tickOf('monthly-billing'), events: cronEvent('2026-12-24T21:00:00Z') });
    const { result, ctx } = await engine.execute();
    expect(result).toMatchObject({ schools: 1 });
    expect(ctx.step.sendEvent).toHaveBeenCalledWith('run for each school', [expect.objectContaining({ data: expect.objectContaining({ schoolId: tokyo.id }) })]);
  });

  it('send nothing in an hour no school is due', async () => {
    const engine = new InngestTestEngine({ steps: sent(), function: tickOf('monthly-billing'), events: cronEvent('2026-12-25T09:00:00Z') });
    const { result, ctx } = await engine.execute();
    expect(result).toMatchObject({ schools: 0 });
    expect(ctx.step.sendEvent).not.toHaveBeenCalled();
  });

  it('send lesson reminders to every school every hour', async () => {
    const engine = new InngestTestEngine({ steps: sent(), function: tickOf('lesson-reminders'), events: cronEvent('2026-12-02T13:00:00Z') });
    const { result } = await engine.execute();
    expect(result).toMatchObject({ schools: 2 });
  });
});

describe('the per-school runner', () => {
  it('runs the job for the school and records the run as scheduled', async () => {
    const at = '2026-12-10T06:00:00.000Z';
    const engine = new InngestTestEngine({ function: runSchoolJob, events: [{ name: JOB_DUE, data: { job: 'makeup-expiry', schoolId: warsaw.id, at } }] });
    const { result } = await engine.execute();
    expect(result).toMatchObject({ job: 'makeup-expiry', runId: expect.any(String), counts: expect.any(Object) });
    const runs = await t.db.select().from(jobRuns).where(and(eq(jobRuns.schoolId, warsaw.id), eq(jobRuns.job, 'makeup-expiry')));
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ trigger: 'schedule', status: 'succeeded', forTime: new Date(at) });
    // The other school was not touched.
    expect(await t.db.select().from(jobRuns).where(eq(jobRuns.schoolId, tokyo.id))).toHaveLength(0);
  });

  it('fails (so Inngest retries) when the job fails, and the run says why', async () => {
    const engine = new InngestTestEngine({ function: runSchoolJob, events: [{ name: JOB_DUE, data: { job: 'no-such-job', schoolId: warsaw.id, at: '2026-12-10T06:00:00.000Z' } }] });
    const { error } = await engine.execute();
    expect(String((error as Error)?.message ?? error)).toMatch(/unknown job: no-such-job/);
  });

  it('skips a school that no longer exists', async () => {
    const engine = new InngestTestEngine({
      function: runSchoolJob,
      events: [{ name: JOB_DUE, data: { job: 'makeup-expiry', schoolId: '00000000-0000-4000-8000-000000000000', at: '2026-12-10T06:00:00.000Z' } }],
    });
    const { result } = await engine.execute();
    expect(result).toEqual({ job: 'makeup-expiry', skipped: 'no such school' });
  });
});

describe('the notification sender', () => {
  it("emails a moved lesson's people once, however often Inngest delivers the event", async () => {
    const tutor = await createTutor(t.db, { schoolId: warsaw.id, firstName: 'Anna', lastName: 'Kowalczyk' });
    const subject = await createSubject(t.db, { schoolId: warsaw.id, name: 'Fizyka' });
    const student = await createStudent(t.db, { schoolId: warsaw.id, firstName: 'Ola', lastName: 'Nowak', email: 'ola.inngest@example.test' });
    const start = new Date(Date.now() + 3 * 86_400_000);
    const lesson = await createLesson(t.db, { schoolId: warsaw.id, tutorId: tutor.id, subjectId: subject.id, start: start.toISOString(), studentIds: [student.id] });
    const later = { ...lesson, during: { start: new Date(start.getTime() + 3_600_000), end: new Date(start.getTime() + 7_200_000) } };
    const [id] = await recordLessonChanges(t.db, warsaw.id, [{ change: 'moved', before: lesson, after: later }], { actorUserId: null });

    // A fresh engine per delivery: one engine remembers its steps' results, as Inngest does within one run.
    const deliver = () => new InngestTestEngine({ function: sendNotification, events: [{ name: NOTIFICATION_CREATED, data: { id } }] }).execute();
    const first = await deliver();
    expect(first.result).toMatchObject({ sent: 2 }); // Ola and her tutor
    const again = await deliver();
    expect(again.result).toMatchObject({ sent: 0 });

    const mails = await t.db.select().from(emailOutbox).where(eq(emailOutbox.template, 'lesson-changed'));
    expect(mails.map((m) => m.toAddress).sort()).toEqual([tutor.email, 'ola.inngest@example.test'].sort());
    const [event] = await t.db.select().from(notificationEvents).where(eq(notificationEvents.id, id));
    expect(event.processedAt).not.toBeNull();
  });
});
