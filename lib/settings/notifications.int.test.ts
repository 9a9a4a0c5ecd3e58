import { and, eq } from 'drizzle-orm';
import fc from 'fast-check';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { auditLog, schools } from '@/db/schema';
import { createSchool, createStudent, createTutor, createUser } from '@/db/seed/factories';
import { updateNotificationSettingsAction } from '@/lib/settings/actions';
import { getSchoolSettings } from '@/lib/settings/queries';
import { freshTestDatabase } from '@/test/database';
import { hostileString } from '@/test/hostile';
import { actAs } from '@/test/mocks/viewer';
import { viewerOf } from '@/test/viewers';

const t = freshTestDatabase();

let w: Awaited<ReturnType<typeof build>>;
async function build() {
  const school = await createSchool(t.db, { name: 'Na Piątkę' });
  const sowa = await createSchool(t.db, { name: 'Sowa' });
  const admin = await createUser(t.db, { schoolId: school.id, role: 'admin' });
  const sowaAdmin = await createUser(t.db, { schoolId: sowa.id, role: 'admin' });
  const tutor = await createTutor(t.db, { schoolId: school.id, withLogin: true });
  const ola = await createStudent(t.db, { schoolId: school.id, withLogin: true });
  return { school, sowa, admin, sowaAdmin, tutor, ola };
}
beforeAll(async () => {
  w = await build();
});
beforeEach(() => actAs(null));

const DEFAULTS = { paymentReminderDays: 7, overdueCheckHour: 8, makeupExpiryNoticeDays: 5, lessonReminderHours: 24, emailKindsOff: [] as string[] };

async function settingsOf(schoolId: string) {
  const [row] = await t.db
    .select({
      paymentReminderDays: schools.paymentReminderDays,
      overdueCheckHour: schools.overdueCheckHour,
      makeupExpiryNoticeDays: schools.makeupExpiryNoticeDays,
      lessonReminderHours: schools.lessonReminderHours,
      emailKindsOff: schools.emailKindsOff,
    })
    .from(schools)
    .where(eq(schools.id, schoolId));
  return row;
}

const settingsAudits = (schoolId: string) =>
  t.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.schoolId, schoolId), eq(auditLog.action, 'school.settings')))
    .orderBy(auditLog.id);

describe('updateNotificationSettingsAction', () => {
  beforeEach(async () => {
    await t.db.update(schools).set(DEFAULTS).where(eq(schools.id, w.school.id));
    await t.db.update(schools).set(DEFAULTS).where(eq(schools.id, w.sowa.id));
  });

  it('saves the section as the form sends it and audits only the fields that changed, old and new', async () => {
    actAs(viewerOf(w.admin));
    const auditsBefore = (await settingsAudits(w.school.id)).length;
    const result = await updateNotificationSettingsAction({
      paymentReminderDays: '3',
      overdueCheckHour: '9',
      makeupExpiryNoticeDays: '5',
      lessonReminderHours: ' 48 ',
      // Out of order and repeated: stored once each, in the catalog's order.
      emailKindsOff: ['overdue-notice', 'lesson-reminder', 'overdue-notice'],
    });
    expect(result).toEqual({ ok: true, data: { changed: ['paymentReminderDays', 'overdueCheckHour', 'lessonReminderHours', 'emailKindsOff'] } });
    expect(await settingsOf(w.school.id)).toEqual({ paymentReminderDays: 3, overdueCheckHour: 9, makeupExpiryNoticeDays: 5, lessonReminderHours: 48, emailKindsOff: ['lesson-reminder', 'overdue-notice'] });
    const audits = await settingsAudits(w.school.id);
    expect(audits).toHaveLength(auditsBefore + 1);
    expect(audits.at(-1)).toMatchObject({
      actorUserId: w.admin.id,
      actorRole: 'admin',
      entityType: 'school',
      entityId: w.school.id,
      before: { paymentReminderDays: 7, overdueCheckHour: 8, lessonReminderHours: 24, emailKindsOff: [] },
      after: { paymentReminderDays: 3, overdueCheckHour: 9, lessonReminderHours: 48, emailKindsOff: ['lesson-reminder', 'overdue-notice'] },
    });

    // The settings page reads them back, kinds in the catalog's order.
    expect((await getSchoolSettings(viewerOf(w.admin)))?.notifications).toEqual({
      paymentReminderDays: 3,
      overdueCheckHour: 9,
      makeupExpiryNoticeDays: 5,
      lessonReminderHours: 48,
      emailKindsOff: ['lesson-reminder', 'overdue-notice'],
    });

    // The same choice again, in another order: nothing changes, nothing is audited.
    expect(await updateNotificationSettingsAction({ paymentReminderDays: 3, overdueCheckHour: 9, makeupExpiryNoticeDays: 5, lessonReminderHours: 48, emailKindsOff: ['overdue-notice', 'lesson-reminder'] })).toEqual({
      ok: true,
      data: { changed: [] },
    });
    expect(await settingsAudits(w.school.id)).toHaveLength(auditsBefore + 1);

    // Every kind back on, and the edges of each range: 0 switches a reminder off.
    expect(await updateNotificationSettingsAction({ paymentReminderDays: 0, overdueCheckHour: 0, makeupExpiryNoticeDays: 0, lessonReminderHours: 0, emailKindsOff: [] })).toMatchObject({ ok: true });
    expect(await settingsOf(w.school.id)).toEqual({ paymentReminderDays: 0, overdueCheckHour: 0, makeupExpiryNoticeDays: 0, lessonReminderHours: 0, emailKindsOff: [] });
    expect(await updateNotificationSettingsAction({ paymentReminderDays: 60, overdueCheckHour: 23, makeupExpiryNoticeDays: 30, lessonReminderHours: 168, emailKindsOff: [] })).toMatchObject({ ok: true });
    expect(await settingsOf(w.school.id)).toEqual({ paymentReminderDays: 60, overdueCheckHour: 23, makeupExpiryNoticeDays: 30, lessonReminderHours: 168, emailKindsOff: [] });
  });

  it('answers VALIDATION with the field and its message for out-of-range or hostile input, and changes nothing', async () => {
    actAs(viewerOf(w.admin));
    const good = { paymentReminderDays: 7, overdueCheckHour: 8, makeupExpiryNoticeDays: 5, lessonReminderHours: 24, emailKindsOff: [] as unknown[] };
    const bad: [keyof typeof good, unknown, string][] = [
      ['lessonReminderHours', 500, 'settings.lessonReminderHoursInvalid'],
      ['lessonReminderHours', 169, 'settings.lessonReminderHoursInvalid'],
      ['lessonReminderHours', -1, 'settings.lessonReminderHoursInvalid'],
      ['lessonReminderHours', '24,5', 'settings.lessonReminderHoursInvalid'],
      ['lessonReminderHours', '', 'settings.lessonReminderHoursInvalid'],
      ['lessonReminderHours', null, 'settings.lessonReminderHoursInvalid'],
      ['lessonReminderHours', "24; update schools set lesson_reminder_hours = 0", 'settings.lessonReminderHoursInvalid'],
      ['paymentReminderDays', 61, 'settings.paymentReminderDaysInvalid'],
      ['paymentReminderDays', 1.5, 'settings.paymentReminderDaysInvalid'],
      ['paymentReminderDays', undefined, 'settings.paymentReminderDaysInvalid'],
      ['overdueCheckHour', 24, 'settings.overdueCheckHourInvalid'],
      ['overdueCheckHour', '8:00', 'settings.overdueCheckHourInvalid'],
      ['overdueCheckHour', -1, 'settings.overdueCheckHourInvalid'],
      ['makeupExpiryNoticeDays', 31, 'settings.makeupNoticeDaysInvalid'],
      ['makeupExpiryNoticeDays', 'pięć', 'settings.makeupNoticeDaysInvalid'],
      ['emailKindsOff', ['newsletter'], 'settings.emailKindsInvalid'],
      ['emailKindsOff', ['lesson-reminder', 'Lesson-Reminder'], 'settings.emailKindsInvalid'],
      ['emailKindsOff', [null], 'settings.emailKindsInvalid'],
      ['emailKindsOff', [{ kind: 'lesson-reminder' }], 'settings.emailKindsInvalid'],
      ['emailKindsOff', 'lesson-reminder', 'settings.emailKindsInvalid'],
      ['emailKindsOff', null, 'settings.emailKindsInvalid'],
      ['emailKindsOff', undefined, 'settings.emailKindsInvalid'],
      ['emailKindsOff', Array.from({ length: 100 }, () => 'lesson-reminder'), 'settings.emailKindsInvalid'],
    ];
    const auditsBefore = (await settingsAudits(w.school.id)).length;
    for (const [field, value, message] of bad) {
      const result = await updateNotificationSettingsAction({ ...good, [field]: value } as never);
      expect(result, `${field} = ${JSON.stringify(value)?.slice(0, 40)}`).toMatchObject({ ok: false, code: 'VALIDATION', fieldErrors: { [field]: [message] } });
    }
    for (const raw of [null, undefined, 'lessonReminderHours=0', 24, [], [good]]) {
      expect(await updateNotificationSettingsAction(raw as never)).toMatchObject({ ok: false, code: 'VALIDATION' });
    }
    expect(await settingsOf(w.school.id)).toEqual(DEFAULTS);
    expect(await settingsAudits(w.school.id)).toHaveLength(auditsBefore);
  });

  it('never fails on hostile text: refused as VALIDATION, or a whole number in range', async () => {
    actAs(viewerOf(w.admin));
    await fc.assert(
      fc.asyncProperty(hostileString, async (text) => {
        const result = await updateNotificationSettingsAction({ paymentReminderDays: 7, overdueCheckHour: text, makeupExpiryNoticeDays: 5, lessonReminderHours: text, emailKindsOff: [text] });
        // No hostile text is an email kind, so the whole save is refused.
        expect(result).toMatchObject({ ok: false, code: 'VALIDATION' });
      }),
      { numRuns: 40 },
    );
    expect(await settingsOf(w.school.id)).toEqual(DEFAULTS);
  });

  it('refuses a tutor, a student and a stranger, and changes only the session’s school', async () => {
    const input = { paymentReminderDays: 1, overdueCheckHour: 1, makeupExpiryNoticeDays: 1, lessonReminderHours: 1, emailKindsOff: ['invoice-issued'] };
    for (const user of [w.tutor.user!, w.ola.user!]) {
      actAs(viewerOf(user));
      expect(await updateNotificationSettingsAction(input), user.role).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    }
    actAs(null);
    expect(await updateNotificationSettingsAction(input)).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    expect(await settingsOf(w.school.id)).toEqual(DEFAULTS);

    // Sowa's admin, even naming the other school, changes Sowa only.
    actAs(viewerOf(w.sowaAdmin));
    expect(await updateNotificationSettingsAction({ ...input, schoolId: w.school.id } as never)).toMatchObject({ ok: true });
    expect(await settingsOf(w.sowa.id)).toEqual({ paymentReminderDays: 1, overdueCheckHour: 1, makeupExpiryNoticeDays: 1, lessonReminderHours: 1, emailKindsOff: ['invoice-issued'] });
    expect(await settingsOf(w.school.id)).toEqual(DEFAULTS);
  });
});
