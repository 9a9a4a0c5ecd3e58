import fc from 'fast-check';
import { and, eq } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { auditLog, studentPrices, subjectPrices } from '@/db/schema';
import { createFamily, createLesson, createSchool, createStudent, createSubject, createTutor, createUser, enrol } from '@/db/seed/factories';
import { planMonth } from '@/lib/billing/plan';
import { clearStudentPriceAction, clearSubjectPriceAction, setStudentPriceAction, setSubjectPriceAction } from '@/lib/billing/price-actions';
import { getStudentPriceList, subjectPricesOf } from '@/lib/billing/prices';
import { freshTestDatabase } from '@/test/database';
import { hostileString } from '@/test/hostile';
import { actAs } from '@/test/mocks/viewer';
import { viewerOf } from '@/test/viewers';

const t = freshTestDatabase();

let w: Awaited<ReturnType<typeof build>>;

/** Na Piątkę: an admin, a tutor, Matematyka and Fizyka, the Nowak family (Ola takes Matematyka). Sowa: its admin and subject. */
async function build() {
  const school = await createSchool(t.db, { name: 'Na Piątkę' });
  const admin = await createUser(t.db, { schoolId: school.id, role: 'admin' });
  const tutor = await createTutor(t.db, { schoolId: school.id, withLogin: true });
  const math = await createSubject(t.db, { schoolId: school.id, name: 'Matematyka' });
  const physics = await createSubject(t.db, { schoolId: school.id, name: 'Fizyka' });
  const family = await createFamily(t.db, { schoolId: school.id, children: 1, lastName: 'Nowak' });
  const ola = family.children[0];
  await enrol(t.db, { schoolId: school.id, studentId: ola.id, subjectId: math.id, tutorId: tutor.id });
  const adult = await createStudent(t.db, { schoolId: school.id, firstName: 'Adam', lastName: 'Dorosły', withLogin: true, isSelfPayer: true });
  const sowa = await createSchool(t.db, { name: 'Sowa' });
  const sowaAdmin = await createUser(t.db, { schoolId: sowa.id, role: 'admin' });
  const sowaSubject = await createSubject(t.db, { schoolId: sowa.id, name: 'Angielski' });
  const sowaStudent = await createStudent(t.db, { schoolId: sowa.id });
  return { school, admin, tutor, math, physics, family, ola, adult, sowa, sowaAdmin, sowaSubject, sowaStudent };
}

beforeAll(async () => {
  w = await build();
});
beforeEach(() => actAs(null));

async function priceAudits(entityId: string) {
  return t.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityId, entityId), eq(auditLog.entityType, 'subject_price')))
    .orderBy(auditLog.createdAt);
}

async function studentPriceAudits(studentId: string) {
  return t.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityId, studentId), eq(auditLog.entityType, 'student_price')))
    .orderBy(auditLog.createdAt);
}

async function subjectPriceRow(subjectId: string) {
  const [row] = await t.db.select().from(subjectPrices).where(eq(subjectPrices.subjectId, subjectId));
  return row ? { individualPer60: row.individualPer60, groupPer60: row.groupPer60 } : null;
}

describe('a subject price', () => {
  beforeEach(async () => {
    await t.db.delete(subjectPrices);
  });

  it('is set from typed złoty, changed, left alone when the same, and cleared — each change audited with before and after', async () => {
    actAs(viewerOf(w.admin));
    expect(await setSubjectPriceAction({ subjectId: w.math.id, individualPer60: '120', groupPer60: '' })).toEqual({
      ok: true,
      data: { changed: true, price: { individualPer60: 12_000, groupPer60: null } },
    });
    expect(await subjectPriceRow(w.math.id)).toEqual({ individualPer60: 12_000, groupPer60: null });
    let audits = await priceAudits(w.math.id);
    expect(audits.at(-1)).toMatchObject({
      action: 'price.set',
      actorUserId: w.admin.id,
      actorRole: 'admin',
      schoolId: w.school.id,
      ip: '203.0.113.7',
      before: null,
      after: { individualPer60: 12_000, groupPer60: null },
    });

    // "1 234,50" with a group price of 90,5 zł.
    expect(await setSubjectPriceAction({ subjectId: w.math.id, individualPer60: '1 234,50 zł', groupPer60: '90,5' })).toMatchObject({ ok: true, data: { changed: true } });
    expect(await subjectPriceRow(w.math.id)).toEqual({ individualPer60: 123_450, groupPer60: 9_050 });
    audits = await priceAudits(w.math.id);
    expect(audits.at(-1)).toMatchObject({ action: 'price.set', before: { individualPer60: 12_000, groupPer60: null }, after: { individualPer60: 123_450, groupPer60: 9_050 } });

    // The same again: nothing written, nothing audited.
    const count = audits.length;
    expect(await setSubjectPriceAction({ subjectId: w.math.id, individualPer60: 1234.5, groupPer60: 90.5 })).toMatchObject({ ok: true, data: { changed: false } });
    expect(await priceAudits(w.math.id)).toHaveLength(count);

    // The price list shows it, formatted by the page.
    expect((await subjectPricesOf(viewerOf(w.admin), [w.math.id, w.physics.id])).get(w.math.id)).toEqual({ individualPer60: 123_450, groupPer60: 9_050 });

    expect(await clearSubjectPriceAction({ subjectId: w.math.id })).toEqual({ ok: true, data: { changed: true } });
    expect(await subjectPriceRow(w.math.id)).toBeNull();
    expect((await priceAudits(w.math.id)).at(-1)).toMatchObject({ action: 'price.clear', before: { individualPer60: 123_450, groupPer60: 9_050 }, after: null });
    // Clearing what is not there changes nothing.
    expect(await clearSubjectPriceAction({ subjectId: w.math.id })).toEqual({ ok: true, data: { changed: false } });
    expect(await priceAudits(w.math.id)).toHaveLength(count + 1);
  });

  it('is what billing charges: a 45-minute lesson at 120 zł an hour is 90 zł, in a group at the group price', async () => {
    actAs(viewerOf(w.admin));
    await setSubjectPriceAction({ subjectId: w.math.id, individualPer60: '120', groupPer60: '80' });
    const base = { schoolId: w.school.id, tutorId: w.tutor.id, subjectId: w.math.id };
    const single = await createLesson(t.db, { ...base, start: '2026-09-07T08:00:00Z', minutes: 45, studentIds: [w.ola.id] });
    const group = await createLesson(t.db, { ...base, start: '2026-09-08T08:00:00Z', minutes: 90, kind: 'group', capacity: 4, studentIds: [w.ola.id] });
    const plan = await planMonth(t.db, w.school.id, '2026-09');
    const lines = plan.payers.flatMap((p) => p.lines);
    expect(lines.find((l) => l.lessonId === single.id)?.net).toBe(9_000);
    expect(lines.find((l) => l.lessonId === group.id)?.net).toBe(12_000);
  });

  it('refuses bad amounts field by field and changes nothing', async () => {
    const auditsBefore = (await priceAudits(w.math.id)).length;
    actAs(viewerOf(w.admin));
    const bad: [Record<string, unknown>, string, string][] = [
      [{ individualPer60: '' }, 'individualPer60', 'validation.money'],
      [{ individualPer60: '-5' }, 'individualPer60', 'validation.money'],
      [{ individualPer60: '12,345' }, 'individualPer60', 'validation.money'],
      [{ individualPer60: 'sto' }, 'individualPer60', 'validation.money'],
      [{ individualPer60: '100 000,01' }, 'individualPer60', 'billing.prices.tooHigh'],
      [{ individualPer60: Number.NaN }, 'individualPer60', 'validation.money'],
      [{ individualPer60: Number.POSITIVE_INFINITY }, 'individualPer60', 'validation.money'],
      [{ individualPer60: null }, 'individualPer60', 'validation.money'],
      [{ individualPer60: ['120'] }, 'individualPer60', 'validation.money'],
      [{ individualPer60: '120', groupPer60: 'x' }, 'groupPer60', 'validation.money'],
      [{ individualPer60: '120', groupPer60: '200000' }, 'groupPer60', 'billing.prices.tooHigh'],
      [{ individualPer60: "120'; delete from subject_prices; --" }, 'individualPer60', 'validation.money'],
    ];
    for (const [fields, field, message] of bad) {
      const result = await setSubjectPriceAction({ subjectId: w.math.id, individualPer60: '120', groupPer60: null, ...fields } as never);
      expect(result, JSON.stringify(fields)).toMatchObject({ ok: false, code: 'VALIDATION', fieldErrors: { [field]: [message] } });
    }
    expect(await setSubjectPriceAction({ subjectId: 'not-a-uuid', individualPer60: '120' } as never)).toMatchObject({ ok: false, code: 'VALIDATION' });
    for (const raw of [null, undefined, 'price=1', 42, []]) expect(await setSubjectPriceAction(raw as never)).toMatchObject({ ok: false, code: 'VALIDATION' });
    expect(await subjectPriceRow(w.math.id)).toBeNull();
    expect(await priceAudits(w.math.id)).toHaveLength(auditsBefore);
  });

  it('never fails on hostile text: refused as VALIDATION, or stored as the amount it reads', async () => {
    actAs(viewerOf(w.admin));
    await fc.assert(
      fc.asyncProperty(hostileString, async (text) => {
        const result = await setSubjectPriceAction({ subjectId: w.math.id, individualPer60: text, groupPer60: text });
        if (result.ok) expect((await subjectPriceRow(w.math.id))?.individualPer60).toBeLessThanOrEqual(10_000_000);
        else expect(result.code).toBe('VALIDATION');
      }),
      { numRuns: 60 },
    );
  });

  it('is FORBIDDEN to a tutor, a student and a parent, and NOT_FOUND for another school’s subject', async () => {
    const auditsBefore = (await priceAudits(w.math.id)).length;
    for (const user of [w.tutor.user!, w.adult.user!, w.family.parent.user!].filter(Boolean)) {
      actAs(viewerOf(user));
      expect(await setSubjectPriceAction({ subjectId: w.math.id, individualPer60: '1', groupPer60: '' }), user.role).toMatchObject({ ok: false, code: 'FORBIDDEN' });
      expect(await clearSubjectPriceAction({ subjectId: w.math.id }), user.role).toMatchObject({ ok: false, code: 'FORBIDDEN' });
      expect((await subjectPricesOf(viewerOf(user), [w.math.id])).size).toBe(0);
    }
    actAs(null);
    expect(await setSubjectPriceAction({ subjectId: w.math.id, individualPer60: '1', groupPer60: '' })).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });

    actAs(viewerOf(w.sowaAdmin));
    expect(await setSubjectPriceAction({ subjectId: w.math.id, individualPer60: '1', groupPer60: '' })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await clearSubjectPriceAction({ subjectId: w.math.id })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await subjectPricesOf(viewerOf(w.sowaAdmin), [w.math.id])).toEqual(new Map());
    expect(await subjectPriceRow(w.math.id)).toBeNull();
    expect(await priceAudits(w.math.id)).toHaveLength(auditsBefore);
  });
});

describe("a student's own price", () => {
  beforeEach(async () => {
    await t.db.delete(studentPrices);
    await t.db.delete(subjectPrices);
  });

  it('is listed with the school price, set, changed and cleared, each audited on the student', async () => {
    actAs(viewerOf(w.admin));
    await setSubjectPriceAction({ subjectId: w.math.id, individualPer60: '120', groupPer60: '90' });
    expect(await getStudentPriceList(viewerOf(w.admin), w.ola.id)).toEqual([
      { subjectId: w.math.id, name: 'Matematyka', color: w.math.color, school: { individualPer60: 12_000, groupPer60: 9_000 }, own: null, enrolled: true },
    ]);

    expect(await setStudentPriceAction({ studentId: w.ola.id, subjectId: w.math.id, per60: '100' })).toEqual({ ok: true, data: { changed: true, per60: 10_000 } });
    expect((await studentPriceAudits(w.ola.id)).at(-1)).toMatchObject({ action: 'price.set', actorUserId: w.admin.id, before: null, after: { subjectId: w.math.id, per60: 10_000 } });
    expect(await setStudentPriceAction({ studentId: w.ola.id, subjectId: w.math.id, per60: '95,50' })).toMatchObject({ ok: true, data: { changed: true, per60: 9_550 } });
    expect((await studentPriceAudits(w.ola.id)).at(-1)).toMatchObject({ before: { subjectId: w.math.id, per60: 10_000 }, after: { subjectId: w.math.id, per60: 9_550 } });
    expect(await setStudentPriceAction({ studentId: w.ola.id, subjectId: w.math.id, per60: 95.5 })).toMatchObject({ ok: true, data: { changed: false } });

    // A subject she does not take may carry a price too; it is listed as such.
    expect(await setStudentPriceAction({ studentId: w.ola.id, subjectId: w.physics.id, per60: '0' })).toMatchObject({ ok: true, data: { changed: true, per60: 0 } });
    const list = await getStudentPriceList(viewerOf(w.admin), w.ola.id);
    expect(list?.map((r) => [r.name, r.own, r.enrolled, r.school])).toEqual([
      ['Fizyka', 0, false, null],
      ['Matematyka', 9_550, true, { individualPer60: 12_000, groupPer60: 9_000 }],
    ]);

    // Billing uses it over the school's price, for a group lesson too.
    const lesson = await createLesson(t.db, { schoolId: w.school.id, tutorId: w.tutor.id, subjectId: w.math.id, start: '2026-10-05T08:00:00Z', minutes: 60, kind: 'group', capacity: 3, studentIds: [w.ola.id] });
    const plan = await planMonth(t.db, w.school.id, '2026-10');
    expect(plan.payers.flatMap((p) => p.lines).find((l) => l.lessonId === lesson.id)?.net).toBe(9_550);

    expect(await clearStudentPriceAction({ studentId: w.ola.id, subjectId: w.math.id })).toEqual({ ok: true, data: { changed: true } });
    expect((await studentPriceAudits(w.ola.id)).at(-1)).toMatchObject({ action: 'price.clear', before: { subjectId: w.math.id, per60: 9_550 }, after: null });
    expect(await clearStudentPriceAction({ studentId: w.ola.id, subjectId: w.math.id })).toEqual({ ok: true, data: { changed: false } });
    expect((await getStudentPriceList(viewerOf(w.admin), w.ola.id))?.find((r) => r.subjectId === w.math.id)?.own).toBeNull();
  });

  it('refuses bad amounts and ids, FORBIDDEN to everyone but the office, NOT_FOUND across schools', async () => {
    const auditsBefore = (await studentPriceAudits(w.ola.id)).length;
    actAs(viewerOf(w.admin));
    for (const per60 of ['', 'abc', '-1', '1,234', '100000,01', null]) {
      expect(await setStudentPriceAction({ studentId: w.ola.id, subjectId: w.math.id, per60 } as never), String(per60)).toMatchObject({ ok: false, code: 'VALIDATION', fieldErrors: { per60: [expect.any(String)] } });
    }
    expect(await setStudentPriceAction({ studentId: 'x', subjectId: w.math.id, per60: '1' })).toMatchObject({ ok: false, code: 'VALIDATION' });
    // Another school's subject for our student, our subject for another school's student.
    expect(await setStudentPriceAction({ studentId: w.ola.id, subjectId: w.sowaSubject.id, per60: '1' })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await setStudentPriceAction({ studentId: w.sowaStudent.id, subjectId: w.math.id, per60: '1' })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await clearStudentPriceAction({ studentId: w.sowaStudent.id, subjectId: w.sowaSubject.id })).toMatchObject({ ok: false, code: 'NOT_FOUND' });

    actAs(viewerOf(w.sowaAdmin));
    expect(await setStudentPriceAction({ studentId: w.ola.id, subjectId: w.math.id, per60: '1' })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await getStudentPriceList(viewerOf(w.sowaAdmin), w.ola.id)).toBeUndefined();

    for (const user of [w.tutor.user!, w.adult.user!, w.family.parent.user!].filter(Boolean)) {
      actAs(viewerOf(user));
      expect(await setStudentPriceAction({ studentId: w.ola.id, subjectId: w.math.id, per60: '1' }), user.role).toMatchObject({ ok: false, code: 'FORBIDDEN' });
      expect(await clearStudentPriceAction({ studentId: w.ola.id, subjectId: w.math.id }), user.role).toMatchObject({ ok: false, code: 'FORBIDDEN' });
      expect(await getStudentPriceList(viewerOf(user), w.ola.id)).toBeUndefined();
    }
    expect(await t.db.select().from(studentPrices)).toEqual([]);
    expect(await studentPriceAudits(w.ola.id)).toHaveLength(auditsBefore);
  });
});
