import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { emailOutbox, emailUnsubscribes, makeupCredits, schools, users, type NewSchool } from '@/db/schema';
import { createLesson, createMakeupCredit, createParent, createSchool, createStudent, createSubject, createTutor, linkParent } from '@/db/seed/factories';
import { runJobForSchool } from '@/lib/jobs';
import { addCalendarDays, zonedToInstant } from '@/lib/time';
import { freshTestDatabase } from '@/test/database';

const t = freshTestDatabase();
const WARSAW = 'Europe/Warsaw';
const local = (date: string, time: string) => zonedToInstant(date, time, WARSAW);

/**
 * A school of its own per test: Ola (a login, in English) with her mother (full access, an
 * account), her grandfather (view only, no account) and a former, archived parent; Zosia is
 * archived. Each credit was earned by a cancelled Matematyka lesson on 5 January 2027.
 */
async function world(settings: Partial<NewSchool> = {}) {
  const school = await createSchool(t.db, { name: 'Na Piątkę', email: 'biuro@napiatke.pl', ...settings });
  const tutor = await createTutor(t.db, { schoolId: school.id });
  const math = await createSubject(t.db, { schoolId: school.id, name: 'Matematyka' });
  const ola = await createStudent(t.db, { schoolId: school.id, firstName: 'Ola', lastName: 'Nowak', withLogin: true });
  await t.db.update(users).set({ locale: 'en' }).where(eq(users.id, ola.user!.id));
  const mum = await createParent(t.db, { schoolId: school.id, firstName: 'Ewa', lastName: 'Nowak' });
  const grandpa = await createParent(t.db, { schoolId: school.id, firstName: 'Jerzy', lastName: 'Nowak', withLogin: false });
  const former = await createParent(t.db, { schoolId: school.id, firstName: 'Adam', lastName: 'Nowak', archivedAt: new Date() });
  for (const [parent, access] of [[mum, 'full'], [grandpa, 'view'], [former, 'full']] as const) await linkParent(t.db, { schoolId: school.id, parentId: parent.id, studentId: ola.id, access });
  const zosia = await createStudent(t.db, { schoolId: school.id, firstName: 'Zosia', lastName: 'Wolna', email: `zosia-${school.slug}@example.test`, status: 'archived' });
  const source = await createLesson(t.db, {
    schoolId: school.id,
    tutorId: tutor.id,
    subjectId: math.id,
    start: local('2027-01-05', '16:00'),
    studentIds: [ola.id],
    status: 'cancelled',
    cancelledAt: local('2027-01-04', '10:00'),
  });
  /** An open credit of `studentId` usable through the local day `lastDay`. */
  const credit = (lastDay: string, studentId = ola.id, extra: Partial<typeof makeupCredits.$inferInsert> = {}) =>
    createMakeupCredit(t.db, { schoolId: school.id, studentId, sourceLessonId: source.id, expiresAt: local(addCalendarDays(lastDay, 1), '00:00'), ...extra });
  return { school, tutor, math, ola, mum, grandpa, former, zosia, source, credit, olasPeople: [ola.user!.email, mum.email, grandpa.email].sort() };
}

const run = async (school: Awaited<ReturnType<typeof world>>['school'], at: Date) => (await runJobForSchool(t.db, 'makeup-expiry', school, at, { trigger: 'cli' })).counts;
const warnings = async (creditId: string) => (await t.db.select().from(emailOutbox).where(eq(emailOutbox.template, 'makeup-expiring'))).filter((m) => (m.meta as { creditId: string }).creditId === creditId);
const to = (rows: { toAddress: string }[]) => rows.map((r) => r.toAddress).sort();

describe('makeup-expiry', () => {
  it('expires what ran out and warns the student and parents of each credit ending within 5 local days, once', async () => {
    const w = await world();
    const today = '2027-01-10';
    const endsToday = await w.credit(today);
    const endsIn5 = await w.credit('2027-01-15');
    const endsIn6 = await w.credit('2027-01-16');
    const endedYesterday = await w.credit('2027-01-09');
    const used = await w.credit('2027-01-12', w.ola.id, { status: 'used', usedByLessonId: w.source.id, usedAt: local('2027-01-08', '12:00') });
    const archived = await w.credit('2027-01-12', w.zosia.id);
    const elsewhere = await world();
    const otherSchools = await elsewhere.credit('2027-01-12');
    const at = local(today, '07:00');

    expect(await run(w.school, at)).toEqual({ expired: 1, warned: 2, emailed: 6, alreadySent: 0, skipped: 0 });
    expect(to(await warnings(endsToday.id))).toEqual(w.olasPeople);
    expect(to(await warnings(endsIn5.id))).toEqual(w.olasPeople);
    for (const none of [endsIn6, endedYesterday, used, archived, otherSchools]) expect(await warnings(none.id)).toEqual([]);
    expect((await t.db.select().from(makeupCredits).where(eq(makeupCredits.id, endedYesterday.id)))[0].status).toBe('expired');

    const mail = await warnings(endsIn5.id);
    const mums = mail.find((m) => m.toAddress === w.mum.email)!;
    expect(mums.subject).toBe('Lekcja odrabiana do wykorzystania do 15.01.2027');
    expect(mums.dedupeKey).toBe(`makeup-expiring:${endsIn5.id}:${w.mum.email}`);
    expect(mums.text).toContain('Przysługuje lekcja odrabiana za odwołaną lekcję: Matematyka, 05.01.2027 (Ola Nowak).');
    expect(mums.text).toContain('Można ją wykorzystać do 15.01.2027.');
    expect(mums.html).toContain('/parent"');
    expect(mums.html).toContain('unsubscribe');
    expect(mail.find((m) => m.toAddress === w.ola.user!.email)!.subject).toBe('Makeup lesson: use it by 15.01.2027');
    expect(mail.find((m) => m.toAddress === w.ola.user!.email)!.html).toContain('/student"');
    // No account, no portal button.
    expect(mail.find((m) => m.toAddress === w.grandpa.email)!.html).not.toContain('/parent"');

    // Again the same morning: nothing new.
    expect(await run(w.school, at)).toEqual({ expired: 0, warned: 2, emailed: 0, alreadySent: 6, skipped: 0 });
    // The next morning: today's credit expired overnight; the one ending on the 16th is now 5 days away.
    expect(await run(w.school, local('2027-01-11', '07:00'))).toEqual({ expired: 1, warned: 2, emailed: 3, alreadySent: 3, skipped: 0 });
    expect(to(await warnings(endsIn6.id))).toEqual(w.olasPeople);
    expect(await warnings(endsToday.id)).toHaveLength(3);
  });

  it('warns nobody when the school warns 0 days ahead, still expiring credits', async () => {
    const w = await world({ makeupExpiryNoticeDays: 0 });
    const tomorrow = await w.credit('2027-02-02');
    await w.credit('2027-01-31');
    expect(await run(w.school, local('2027-02-01', '07:00'))).toEqual({ expired: 1, warned: 0, emailed: 0, alreadySent: 0, skipped: 0 });
    expect(await warnings(tomorrow.id)).toEqual([]);
  });

  it('skips an address that unsubscribed from reminders, and everyone when the school switched the kind off', async () => {
    const w = await world();
    await t.db.insert(emailUnsubscribes).values({ schoolId: w.school.id, email: w.mum.email });
    const credit = await w.credit('2027-03-03');
    expect(await run(w.school, local('2027-03-01', '07:00'))).toMatchObject({ warned: 1, emailed: 2, skipped: 1 });
    expect(to(await warnings(credit.id))).toEqual([w.ola.user!.email, w.grandpa.email].sort());

    const off = await world();
    await t.db.update(schools).set({ emailKindsOff: ['makeup-expiring'] }).where(eq(schools.id, off.school.id));
    const [school] = await t.db.select().from(schools).where(eq(schools.id, off.school.id));
    const quiet = await off.credit('2027-03-03');
    expect(await run(school, local('2027-03-01', '07:00'))).toMatchObject({ warned: 1, emailed: 0, skipped: 3 });
    expect(await warnings(quiet.id)).toEqual([]);
  });
});
