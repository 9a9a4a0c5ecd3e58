import { and, eq } from 'drizzle-orm';
import fc from 'fast-check';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { auditLog, schools } from '@/db/schema';
import { createLesson, createParent, createSchool, createStudent, createSubject, createTutor, createUser, linkParent } from '@/db/seed/factories';
import { requestCancellationAction } from '@/lib/cancellations/actions';
import { isLateCancellation } from '@/lib/cancellations/rules';
import { updateCancellationSettingsAction } from '@/lib/settings/actions';
import { getSchoolSettings } from '@/lib/settings/queries';
import { freshTestDatabase } from '@/test/database';
import { hostileString } from '@/test/hostile';
import { actAs } from '@/test/mocks/viewer';
import { viewerOf } from '@/test/viewers';

const t = freshTestDatabase();

// "Na Piątkę" with its admin, a tutor, a student with a login and a parent; "Sowa" with its own admin.
let w: Awaited<ReturnType<typeof build>>;
async function build() {
  const school = await createSchool(t.db, { name: 'Na Piątkę' });
  const sowa = await createSchool(t.db, { name: 'Sowa' });
  const admin = await createUser(t.db, { schoolId: school.id, role: 'admin' });
  const sowaAdmin = await createUser(t.db, { schoolId: sowa.id, role: 'admin' });
  const tutor = await createTutor(t.db, { schoolId: school.id, withLogin: true });
  const math = await createSubject(t.db, { schoolId: school.id, name: 'Matematyka' });
  const ola = await createStudent(t.db, { schoolId: school.id, firstName: 'Ola', lastName: 'Nowak', withLogin: true });
  const mum = await createParent(t.db, { schoolId: school.id });
  await linkParent(t.db, { schoolId: school.id, parentId: mum.id, studentId: ola.id, access: 'full', isPayer: true });
  return { school, sowa, admin, sowaAdmin, tutor, math, ola, mum };
}
beforeAll(async () => {
  w = await build();
});
beforeEach(() => actAs(null));

const DEFAULTS = { cancellationNoticeHours: 24, makeupCreditDays: 30, makeupCapPerTerm: null, lateCancellationCharged: true };

async function settingsOf(schoolId: string) {
  const [row] = await t.db
    .select({
      cancellationNoticeHours: schools.cancellationNoticeHours,
      makeupCreditDays: schools.makeupCreditDays,
      makeupCapPerTerm: schools.makeupCapPerTerm,
      lateCancellationCharged: schools.lateCancellationCharged,
    })
    .from(schools)
    .where(eq(schools.id, schoolId));
  return row;
}

async function settingsAudits(schoolId: string) {
  return t.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.schoolId, schoolId), eq(auditLog.action, 'school.settings')))
    .orderBy(auditLog.createdAt);
}

/** Puts a school back on the defaults, straight in the database, so each test starts from them. */
async function resetSettings(schoolId: string) {
  await t.db.update(schools).set(DEFAULTS).where(eq(schools.id, schoolId));
}

describe('updateCancellationSettingsAction', () => {
  beforeEach(async () => {
    await resetSettings(w.school.id);
    await resetSettings(w.sowa.id);
  });

  it('saves the section and audits only the fields that changed, old and new', async () => {
    actAs(viewerOf(w.admin));
    const auditsBefore = (await settingsAudits(w.school.id)).length;
    const result = await updateCancellationSettingsAction({ cancellationNoticeHours: 48, makeupCreditDays: 60, makeupCapPerTerm: 3, lateCancellationCharged: false });
    expect(result).toEqual({ ok: true, data: { changed: ['cancellationNoticeHours', 'makeupCreditDays', 'makeupCapPerTerm', 'lateCancellationCharged'] } });
    expect(await settingsOf(w.school.id)).toEqual({ cancellationNoticeHours: 48, makeupCreditDays: 60, makeupCapPerTerm: 3, lateCancellationCharged: false });
    let audits = await settingsAudits(w.school.id);
    expect(audits).toHaveLength(auditsBefore + 1);
    expect(audits.at(-1)).toMatchObject({
      actorUserId: w.admin.id,
      actorRole: 'admin',
      entityType: 'school',
      entityId: w.school.id,
      ip: '203.0.113.7',
      before: DEFAULTS,
      after: { cancellationNoticeHours: 48, makeupCreditDays: 60, makeupCapPerTerm: 3, lateCancellationCharged: false },
    });

    // One field changed: the audit names that field alone.
    expect(await updateCancellationSettingsAction({ cancellationNoticeHours: 36, makeupCreditDays: 60, makeupCapPerTerm: 3, lateCancellationCharged: false })).toEqual({
      ok: true,
      data: { changed: ['cancellationNoticeHours'] },
    });
    audits = await settingsAudits(w.school.id);
    expect(audits.at(-1)).toMatchObject({ before: { cancellationNoticeHours: 48 }, after: { cancellationNoticeHours: 36 } });
    expect(Object.keys(audits.at(-1)!.after as object)).toEqual(['cancellationNoticeHours']);

    // Saving what is stored changes nothing and audits nothing.
    expect(await updateCancellationSettingsAction({ cancellationNoticeHours: 36, makeupCreditDays: 60, makeupCapPerTerm: 3, lateCancellationCharged: false })).toEqual({ ok: true, data: { changed: [] } });
    expect(await settingsAudits(w.school.id)).toHaveLength(auditsBefore + 2);
    // The other school is untouched.
    expect(await settingsOf(w.sowa.id)).toEqual(DEFAULTS);
  });

  it('reads the strings a form sends: trimmed numbers, an empty cap as no cap, checkbox words', async () => {
    actAs(viewerOf(w.admin));
    await t.db.update(schools).set({ makeupCapPerTerm: 5 }).where(eq(schools.id, w.school.id));
    const result = await updateCancellationSettingsAction({ cancellationNoticeHours: ' 72 ', makeupCreditDays: '014', makeupCapPerTerm: '', lateCancellationCharged: 'false' });
    expect(result).toMatchObject({ ok: true });
    expect(await settingsOf(w.school.id)).toEqual({ cancellationNoticeHours: 72, makeupCreditDays: 14, makeupCapPerTerm: null, lateCancellationCharged: false });
    expect((await settingsAudits(w.school.id)).at(-1)).toMatchObject({ before: { makeupCapPerTerm: 5 }, after: { makeupCapPerTerm: null } });
    // The edges of each range are allowed, and a cap of 0 (no makeups at all) is not "no cap".
    expect(await updateCancellationSettingsAction({ cancellationNoticeHours: '0', makeupCreditDays: '1', makeupCapPerTerm: '0', lateCancellationCharged: 'on' })).toMatchObject({ ok: true });
    expect(await settingsOf(w.school.id)).toEqual({ cancellationNoticeHours: 0, makeupCreditDays: 1, makeupCapPerTerm: 0, lateCancellationCharged: true });
    expect(await updateCancellationSettingsAction({ cancellationNoticeHours: 720, makeupCreditDays: 365, makeupCapPerTerm: 100, lateCancellationCharged: true })).toMatchObject({ ok: true });
    expect(await settingsOf(w.school.id)).toEqual({ cancellationNoticeHours: 720, makeupCreditDays: 365, makeupCapPerTerm: 100, lateCancellationCharged: true });
  });

  it('answers VALIDATION with the field and its message for out-of-range or hostile input, and changes nothing', async () => {
    actAs(viewerOf(w.admin));
    const good = { cancellationNoticeHours: 48, makeupCreditDays: 30, makeupCapPerTerm: null, lateCancellationCharged: true };
    const bad: [keyof typeof good, unknown, string][] = [
      ['cancellationNoticeHours', -1, 'settings.noticeHoursInvalid'],
      ['cancellationNoticeHours', 721, 'settings.noticeHoursInvalid'],
      ['cancellationNoticeHours', 24.5, 'settings.noticeHoursInvalid'],
      ['cancellationNoticeHours', '24,5', 'settings.noticeHoursInvalid'],
      ['cancellationNoticeHours', '1e2', 'settings.noticeHoursInvalid'],
      ['cancellationNoticeHours', '+48', 'settings.noticeHoursInvalid'],
      ['cancellationNoticeHours', '0x30', 'settings.noticeHoursInvalid'],
      ['cancellationNoticeHours', '', 'settings.noticeHoursInvalid'],
      ['cancellationNoticeHours', '   ', 'settings.noticeHoursInvalid'],
      ['cancellationNoticeHours', null, 'settings.noticeHoursInvalid'],
      ['cancellationNoticeHours', undefined, 'settings.noticeHoursInvalid'],
      ['cancellationNoticeHours', Number.NaN, 'settings.noticeHoursInvalid'],
      ['cancellationNoticeHours', Number.POSITIVE_INFINITY, 'settings.noticeHoursInvalid'],
      ['cancellationNoticeHours', '9'.repeat(5000), 'settings.noticeHoursInvalid'],
      ['cancellationNoticeHours', "24'; update schools set cancellation_notice_hours = 0; --", 'settings.noticeHoursInvalid'],
      ['cancellationNoticeHours', '48\u0000', 'settings.noticeHoursInvalid'],
      ['cancellationNoticeHours', [48], 'settings.noticeHoursInvalid'],
      ['cancellationNoticeHours', { valueOf: 48 }, 'settings.noticeHoursInvalid'],
      ['cancellationNoticeHours', true, 'settings.noticeHoursInvalid'],
      ['makeupCreditDays', 0, 'settings.creditDaysInvalid'],
      ['makeupCreditDays', 366, 'settings.creditDaysInvalid'],
      ['makeupCreditDays', '', 'settings.creditDaysInvalid'],
      ['makeupCapPerTerm', -1, 'settings.capInvalid'],
      ['makeupCapPerTerm', 101, 'settings.capInvalid'],
      ['makeupCapPerTerm', '2.5', 'settings.capInvalid'],
      ['makeupCapPerTerm', 'bez limitu', 'settings.capInvalid'],
      ['makeupCapPerTerm', false, 'settings.capInvalid'],
      ['lateCancellationCharged', 'yes', 'settings.lateChargedInvalid'],
      ['lateCancellationCharged', 1, 'settings.lateChargedInvalid'],
      ['lateCancellationCharged', null, 'settings.lateChargedInvalid'],
      ['lateCancellationCharged', undefined, 'settings.lateChargedInvalid'],
    ];
    const auditsBefore = (await settingsAudits(w.school.id)).length;
    for (const [field, value, message] of bad) {
      const result = await updateCancellationSettingsAction({ ...good, [field]: value } as never);
      expect(result, `${field} = ${JSON.stringify(value)?.slice(0, 40)}`).toMatchObject({ ok: false, code: 'VALIDATION', fieldErrors: { [field]: [message] } });
    }
    // Not an object at all.
    for (const raw of [null, undefined, 'cancellationNoticeHours=0', 48, [], [good]]) {
      expect(await updateCancellationSettingsAction(raw as never)).toMatchObject({ ok: false, code: 'VALIDATION' });
    }
    // Every field wrong at once: each says so.
    const all = await updateCancellationSettingsAction({ cancellationNoticeHours: 'x', makeupCreditDays: 'x', makeupCapPerTerm: 'x', lateCancellationCharged: 'x' } as never);
    expect(all.ok ? {} : Object.keys(all.fieldErrors ?? {}).sort()).toEqual(['cancellationNoticeHours', 'lateCancellationCharged', 'makeupCapPerTerm', 'makeupCreditDays']);
    expect(await settingsOf(w.school.id)).toEqual(DEFAULTS);
    expect(await settingsAudits(w.school.id)).toHaveLength(auditsBefore);
  });

  it('never fails on hostile text in a number field: refused as VALIDATION, or a whole number in range', async () => {
    actAs(viewerOf(w.admin));
    await fc.assert(
      fc.asyncProperty(hostileString, async (text) => {
        const result = await updateCancellationSettingsAction({ cancellationNoticeHours: text, makeupCreditDays: 30, makeupCapPerTerm: text, lateCancellationCharged: true });
        if (result.ok) {
          const stored = await settingsOf(w.school.id);
          expect(stored.cancellationNoticeHours).toBe(Number(text.trim()));
          expect(stored.cancellationNoticeHours).toBeLessThanOrEqual(720);
        } else {
          expect(result.code).toBe('VALIDATION');
        }
      }),
      { numRuns: 60 },
    );
  });

  it('refuses a tutor, a student and a parent with FORBIDDEN and changes nothing', async () => {
    const input = { cancellationNoticeHours: 0, makeupCreditDays: 365, makeupCapPerTerm: 0, lateCancellationCharged: false };
    for (const user of [w.tutor.user!, w.ola.user!, w.mum.user!]) {
      actAs(viewerOf(user));
      expect(await updateCancellationSettingsAction(input), user.role).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    }
    actAs(null);
    expect(await updateCancellationSettingsAction(input)).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    expect(await settingsOf(w.school.id)).toEqual(DEFAULTS);
    // Nor may they read the settings.
    expect(await getSchoolSettings(viewerOf(w.tutor.user!))).toBeUndefined();
  });

  it("changes only the session's school, whatever school the input names", async () => {
    const ownAudits = (await settingsAudits(w.school.id)).length;
    actAs(viewerOf(w.sowaAdmin));
    const result = await updateCancellationSettingsAction({ cancellationNoticeHours: 12, makeupCreditDays: 7, makeupCapPerTerm: 2, lateCancellationCharged: false, schoolId: w.school.id, id: w.school.id } as never);
    expect(result).toMatchObject({ ok: true });
    expect(await settingsOf(w.sowa.id)).toEqual({ cancellationNoticeHours: 12, makeupCreditDays: 7, makeupCapPerTerm: 2, lateCancellationCharged: false });
    expect(await settingsOf(w.school.id)).toEqual(DEFAULTS);
    expect((await settingsAudits(w.sowa.id)).at(-1)).toMatchObject({ entityId: w.sowa.id, actorUserId: w.sowaAdmin.id });
    expect(await settingsAudits(w.school.id)).toHaveLength(ownAudits);
    // Each admin reads their own school's settings.
    expect((await getSchoolSettings(viewerOf(w.sowaAdmin)))?.cancellations.cancellationNoticeHours).toBe(12);
    expect((await getSchoolSettings(viewerOf(w.admin)))?.cancellations.cancellationNoticeHours).toBe(24);
  });
});

describe('the notice setting takes effect', () => {
  beforeEach(() => resetSettings(w.school.id));

  it('after setting 48 h, a cancellation asked 30 h ahead is late; with 24 h it was in time', async () => {
    const in30h = () => new Date(Math.ceil(Date.now() / 3_600_000) * 3_600_000 + 30 * 3_600_000);
    const first = await createLesson(t.db, { schoolId: w.school.id, tutorId: w.tutor.id, subjectId: w.math.id, start: in30h(), studentIds: [w.ola.id] });

    // The rule as the request action applies it, with the school's stored notice.
    expect(isLateCancellation(first.during.start, new Date(), (await settingsOf(w.school.id)).cancellationNoticeHours)).toBe(false);
    actAs(viewerOf(w.ola.user!));
    expect(await requestCancellationAction({ lessonId: first.id, studentId: w.ola.id, reason: 'Wyjazd' })).toMatchObject({ ok: true, data: { late: false } });

    actAs(viewerOf(w.admin));
    expect(await updateCancellationSettingsAction({ cancellationNoticeHours: '48', makeupCreditDays: '30', makeupCapPerTerm: '', lateCancellationCharged: true })).toMatchObject({ ok: true });

    const second = await createLesson(t.db, { schoolId: w.school.id, tutorId: w.tutor.id, subjectId: w.math.id, start: new Date(in30h().getTime() + 3_600_000), studentIds: [w.ola.id] });
    const notice = (await settingsOf(w.school.id)).cancellationNoticeHours;
    expect(notice).toBe(48);
    expect(isLateCancellation(new Date(Date.now() + 30 * 3_600_000), new Date(), notice)).toBe(true);
    actAs(viewerOf(w.ola.user!));
    expect(await requestCancellationAction({ lessonId: second.id, studentId: w.ola.id, reason: 'Wyjazd' })).toMatchObject({ ok: true, data: { late: true } });
  });
});
