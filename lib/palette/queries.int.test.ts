import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { invoices, parents } from '@/db/schema';
import { createLesson, createParent, createSchool, createStudent, createSubject, createTutor, createUser, enrol, linkParent } from '@/db/seed/factories';
import type { Viewer } from '@/lib/auth/viewer';
import { todayIn } from '@/lib/time';
import { freshTestDatabase } from '@/test/database';
import { viewerOf } from '@/test/viewers';
import { searchEverything, type PaletteResults } from './queries';

const t = freshTestDatabase();

/** An issued invoice as the billing run leaves it (the lines do not matter to the palette). */
async function invoice(schoolId: string, payer: { id: string; name: string }, number: string, issueDate: string, gross = 48_000) {
  const [, seq, month, year] = number.split('/');
  const [row] = await t.db
    .insert(invoices)
    .values({
      schoolId,
      number,
      year: Number(year),
      seq: Number(seq),
      payerParentId: payer.id,
      period: `${year}-${month}-01`,
      issueDate,
      saleDate: issueDate,
      dueDate: '2027-01-31',
      seller: { name: 'Szkoła' },
      buyer: { name: payer.name, address: null, nip: null, email: null },
      vatMode: 'exempt',
      vatBasis: 'art. 43 ust. 1 pkt 26 lit. a ustawy o VAT',
      net: gross,
      vat: 0,
      gross,
      transferTitle: number,
    })
    .returning();
  return row;
}

/**
 * "Na Piątkę": Anna Nowak teaches Łukasz Żołnierz (his usual tutor) and Jędrzej Łódzki (in a
 * lesson); Bogdan Wiśniewski teaches Łukasz's sister Zuzanna and Żaneta Żółć. Anna's only
 * lesson with Oskar Kadłubek was cancelled. Grażyna Żołnierz is the mother of Łukasz and
 * Zuzanna and pays; Halina Żołnierz is an archived parent of Łukasz. Two November invoices
 * (Grażyna's and Marek Kowalski's) and one October. "Sowa", another school, has its own Łukasz Żołnierz with a mother, a tutor
 * Bogdan, and an invoice with the same number FV/0003/11/2026.
 */
async function build() {
  const school = await createSchool(t.db, { name: 'Na Piątkę' });
  const sowa = await createSchool(t.db, { name: 'Sowa' });
  const admin = await createUser(t.db, { schoolId: school.id, role: 'admin' });
  const sowaAdmin = await createUser(t.db, { schoolId: sowa.id, role: 'admin' });
  const maths = await createSubject(t.db, { schoolId: school.id, name: 'Matematyka' });
  const anna = await createTutor(t.db, { schoolId: school.id, firstName: 'Anna', lastName: 'Nowak' });
  const bogdan = await createTutor(t.db, { schoolId: school.id, firstName: 'Bogdan', lastName: 'Wiśniewski' });
  const left = await createTutor(t.db, { schoolId: school.id, firstName: 'Bogdana', lastName: 'Adamska', status: 'left' });

  const lukasz = await createStudent(t.db, { schoolId: school.id, firstName: 'Łukasz', lastName: 'Żołnierz', level: 'secondary', schoolName: 'LO 5', className: '2b' });
  const zuzanna = await createStudent(t.db, { schoolId: school.id, firstName: 'Zuzanna', lastName: 'Żołnierz', level: 'primary' });
  const zaneta = await createStudent(t.db, { schoolId: school.id, firstName: 'Żaneta', lastName: 'Żółć' });
  const jedrzej = await createStudent(t.db, { schoolId: school.id, firstName: 'Jędrzej', lastName: 'Łódzki' });
  const oskar = await createStudent(t.db, { schoolId: school.id, firstName: 'Oskar', lastName: 'Kadłubek' });
  const ada = await createStudent(t.db, { schoolId: school.id, firstName: 'Ada', lastName: 'Żurek' });
  const archivedAda = await createStudent(t.db, { schoolId: school.id, firstName: 'Adam', lastName: 'Abacki', status: 'archived' });
  const kadar = await createStudent(t.db, { schoolId: school.id, firstName: 'Zofia', lastName: 'Kadarowska' });
  await enrol(t.db, { schoolId: school.id, studentId: lukasz.id, subjectId: maths.id, tutorId: anna.id });
  await enrol(t.db, { schoolId: school.id, studentId: zuzanna.id, subjectId: maths.id, tutorId: bogdan.id });
  await enrol(t.db, { schoolId: school.id, studentId: zaneta.id, subjectId: maths.id, tutorId: bogdan.id });
  await createLesson(t.db, { schoolId: school.id, tutorId: anna.id, subjectId: maths.id, start: '2026-12-01T15:00:00Z', studentIds: [jedrzej.id] });
  await createLesson(t.db, { schoolId: school.id, tutorId: anna.id, subjectId: maths.id, start: '2026-12-02T15:00:00Z', status: 'cancelled', cancelledAt: new Date('2026-11-30T10:00:00Z'), cancelReason: 'Choroba', studentIds: [oskar.id] });

  const grazyna = await createParent(t.db, { schoolId: school.id, firstName: 'Grażyna', lastName: 'Żołnierz', phone: '+48 600 700 800' });
  await linkParent(t.db, { schoolId: school.id, parentId: grazyna.id, studentId: lukasz.id, isPayer: true });
  await linkParent(t.db, { schoolId: school.id, parentId: grazyna.id, studentId: zuzanna.id, isPayer: true });
  const halina = await createParent(t.db, { schoolId: school.id, firstName: 'Halina', lastName: 'Żołnierz' });
  await linkParent(t.db, { schoolId: school.id, parentId: halina.id, studentId: lukasz.id });
  await t.db.update(parents).set({ archivedAt: new Date('2026-09-01T10:00:00Z') }).where(eq(parents.id, halina.id));

  const fv3 = await invoice(school.id, { id: grazyna.id, name: 'Grażyna Żołnierz' }, 'FV/0003/11/2026', '2026-11-25');
  const marek = await createParent(t.db, { schoolId: school.id, firstName: 'Marek', lastName: 'Kowalski' });
  const fv13 = await invoice(school.id, { id: marek.id, name: 'Marek Kowalski' }, 'FV/0013/11/2026', '2026-11-26');
  const october = await invoice(school.id, { id: grazyna.id, name: 'Grażyna Żołnierz' }, 'FV/0003/10/2025', '2025-10-25');

  const sowaTutor = await createTutor(t.db, { schoolId: sowa.id, firstName: 'Bogdan', lastName: 'Wiśniewski' });
  const sowaLukasz = await createStudent(t.db, { schoolId: sowa.id, firstName: 'Łukasz', lastName: 'Żołnierz' });
  const sowaMaths = await createSubject(t.db, { schoolId: sowa.id, name: 'Matematyka' });
  await enrol(t.db, { schoolId: sowa.id, studentId: sowaLukasz.id, subjectId: sowaMaths.id, tutorId: sowaTutor.id });
  const sowaParent = await createParent(t.db, { schoolId: sowa.id, firstName: 'Grażyna', lastName: 'Żołnierz', phone: '+48 600 700 800' });
  await linkParent(t.db, { schoolId: sowa.id, parentId: sowaParent.id, studentId: sowaLukasz.id, isPayer: true });
  const sowaInvoice = await invoice(sowa.id, { id: sowaParent.id, name: 'Grażyna Żołnierz' }, 'FV/0003/11/2026', '2026-11-27');

  const familyParent = grazyna.user!;
  const ownLogin = await createStudent(t.db, { schoolId: school.id, firstName: 'Iga', lastName: 'Żołnierz', withLogin: true });
  return {
    school,
    sowa,
    admin: viewerOf(admin),
    sowaAdmin: viewerOf(sowaAdmin),
    anna: viewerOf(anna.user!),
    bogdan: viewerOf(bogdan.user!),
    sowaTutorViewer: viewerOf(sowaTutor.user!),
    parentViewer: viewerOf(familyParent),
    studentViewer: viewerOf(ownLogin.user!),
    iga: ownLogin,
    annaTutor: anna,
    bogdanTutor: bogdan,
    left,
    lukasz,
    zuzanna,
    zaneta,
    jedrzej,
    oskar,
    ada,
    archivedAda,
    kadar,
    grazyna,
    halina,
    fv3,
    fv13,
    october,
    sowaTutor,
    sowaLukasz,
    sowaParent,
    sowaInvoice,
  };
}

let w: Awaited<ReturnType<typeof build>>;
beforeAll(async () => {
  w = await build();
});

const ids = (rows: { id: string }[]) => rows.map((r) => r.id);
const everyId = (r: PaletteResults) => [...ids(r.students), ...ids(r.parents), ...ids(r.tutors), ...ids(r.invoices)];

describe('searchEverything for a tutor', () => {
  it('finds their own student but not another tutor’s, nor a student of another school', async () => {
    const found = await searchEverything(w.anna, 'zolnierz');
    expect(ids(found.students)).toEqual([w.lukasz.id]);
    expect(found.students[0]).toMatchObject({ name: 'Łukasz Żołnierz', href: `/tutor/students/${w.lukasz.id}`, level: 'secondary', school: 'LO 5, 2b', parents: ['Grażyna Żołnierz'] });

    expect((await searchEverything(w.anna, 'zolc')).students).toEqual([]);
    expect(ids((await searchEverything(w.bogdan, 'zolc')).students)).toEqual([w.zaneta.id]);
    // Taught in a lesson counts; a cancelled lesson does not.
    expect(ids((await searchEverything(w.anna, 'lodzki')).students)).toEqual([w.jedrzej.id]);
    expect((await searchEverything(w.anna, 'kadlubek')).students).toEqual([]);
    // The other school's tutor of the same name finds only their own Łukasz.
    const sowa = await searchEverything(w.sowaTutorViewer, 'lukasz zolnierz');
    expect(ids(sowa.students)).toEqual([w.sowaLukasz.id]);
  });

  it('finds the current parents of their students, opening the child they teach and naming only that child', async () => {
    const found = await searchEverything(w.anna, 'grazyna');
    expect(found.parents).toEqual([
      { id: w.grazyna.id, name: 'Grażyna Żołnierz', href: `/tutor/students/${w.lukasz.id}`, email: w.grazyna.email, archived: false, children: ['Łukasz Żołnierz'] },
    ]);
    // Halina is archived; Bogdan teaches Zuzanna, so he reaches Grażyna through her.
    expect(ids((await searchEverything(w.anna, 'halina')).parents)).toEqual([]);
    const bogdans = await searchEverything(w.bogdan, 'grazyna zolnierz');
    expect(bogdans.parents.map((p) => [p.href, p.children])).toEqual([[`/tutor/students/${w.zuzanna.id}`, ['Zuzanna Żołnierz']]]);
  });

  it('gets no tutors and no invoices', async () => {
    expect((await searchEverything(w.anna, 'bogdan')).tutors).toEqual([]);
    expect((await searchEverything(w.anna, 'wisniewski')).tutors).toEqual([]);
    expect((await searchEverything(w.anna, '0003')).invoices).toEqual([]);
    expect((await searchEverything(w.anna, 'FV/0003/11/2026')).invoices).toEqual([]);
  });
});

describe('searchEverything for an admin', () => {
  it('sees the school’s rows and never another school’s', async () => {
    const sowaIds = new Set([w.sowaLukasz.id, w.sowaParent.id, w.sowaTutor.id, w.sowaInvoice.id]);
    for (const q of ['zolnierz', 'grazyna', 'bogdan wisniewski', '0003', 'FV/2026/11', '600700800']) {
      const found = await searchEverything(w.admin, q);
      expect(everyId(found).filter((id) => sowaIds.has(id)), q).toEqual([]);
      const sowa = await searchEverything(w.sowaAdmin, q);
      expect(everyId(sowa).every((id) => sowaIds.has(id)), q).toBe(true);
    }
    const found = await searchEverything(w.admin, 'zolnierz');
    expect(ids(found.students).sort()).toEqual([w.lukasz.id, w.zuzanna.id, w.iga.id].sort());
    expect(found.students.find((s) => s.id === w.lukasz.id)?.href).toBe(`/admin/students/${w.lukasz.id}`);
    // Archived parents come last and say so; the admin sees every child.
    expect(found.parents.map((p) => [p.id, p.href, p.archived, p.children])).toEqual([
      [w.grazyna.id, `/admin/parents/${w.grazyna.id}`, false, ['Łukasz Żołnierz', 'Zuzanna Żołnierz']],
      [w.halina.id, `/admin/parents/${w.halina.id}`, true, ['Łukasz Żołnierz']],
    ]);
    expect(ids((await searchEverything(w.sowaAdmin, 'zolnierz')).students)).toEqual([w.sowaLukasz.id]);
  });

  it('finds tutors, those who left last', async () => {
    const found = await searchEverything(w.admin, 'bogd');
    expect(found.tutors.map((r) => [r.name, r.href, r.status])).toEqual([
      ['Bogdan Wiśniewski', `/admin/tutors/${w.bogdanTutor.id}`, 'active'],
      ['Bogdana Adamska', `/admin/tutors/${w.left.id}`, 'left'],
    ]);
  });

  it('finds invoices by any parts of their number, the exact number first, then the newest', async () => {
    const byParts = await searchEverything(w.admin, 'FV/2026/11');
    expect(byParts.invoices.map((r) => r.number)).toEqual(['FV/0013/11/2026', 'FV/0003/11/2026']);
    expect(byParts.invoices[1]).toMatchObject({ id: w.fv3.id, href: `/admin/invoices/${w.fv3.id}`, buyer: 'Grażyna Żołnierz', gross: 48_000, kind: 'invoice', issueDate: '2026-11-25' });
    expect(['issued', 'overdue']).toContain(byParts.invoices[1].status);
    expect((await searchEverything(w.admin, '0003')).invoices.map((r) => r.number)).toEqual(['FV/0003/11/2026', 'FV/0003/10/2025']);
    expect((await searchEverything(w.admin, 'fv/0003/10/2025')).invoices.map((r) => r.number)).toEqual(['FV/0003/10/2025']);
    // The exact number wins over a newer one that also has every part.
    expect((await searchEverything(w.admin, 'FV/0003/11/2026')).invoices.map((r) => r.number)).toEqual(['FV/0003/11/2026']);
    expect((await searchEverything(w.admin, '2026 fv 11 0003')).invoices.map((r) => r.number)).toEqual(['FV/0003/11/2026']);
    // Punctuation only separates parts (LIKE's % and _ never reach the query); a name is not a number.
    expect((await searchEverything(w.admin, '%13_')).invoices.map((r) => r.number)).toEqual(['FV/0013/11/2026']);
    expect((await searchEverything(w.admin, 'grazyna')).invoices).toEqual([]);
  });

  it('finds a parent by phone typed without spaces', async () => {
    expect(ids((await searchEverything(w.admin, '600700800')).parents)).toEqual([w.grazyna.id]);
  });
});

describe('searchEverything, folded and ranked', () => {
  it('finds names with Polish letters typed without them, in any case, and with them', async () => {
    for (const [q, id] of [
      ['zolc', () => w.zaneta.id],
      ['ZANETA ZOLC', () => w.zaneta.id],
      ['Żółć', () => w.zaneta.id],
      ['lodzki', () => w.jedrzej.id],
      ['łódź', () => w.jedrzej.id],
      ['jedrzej', () => w.jedrzej.id],
      ['lukasz', () => w.lukasz.id],
    ] as const) {
      expect(ids((await searchEverything(w.admin, q)).students), q).toEqual([id()]);
    }
  });

  it('puts names that begin with the query first and archived students last', async () => {
    const found = await searchEverything(w.admin, 'ada');
    expect(found.students.map((s) => s.name)).toEqual(['Ada Żurek', 'Zofia Kadarowska', 'Adam Abacki']);
    expect(found.students.at(-1)?.status).toBe('archived');
  });
});

describe('searchEverything, a calendar day', () => {
  it('answers a date with the role’s calendar on that day', async () => {
    const admins = await searchEverything(w.admin, '12.12.2026');
    expect(admins.day).toEqual({ date: '2026-12-12', href: '/admin/calendar?date=2026-12-12&view=day' });
    expect(admins.students).toEqual([]);
    expect((await searchEverything(w.anna, '2026-12-12')).day).toEqual({ date: '2026-12-12', href: '/tutor/calendar?date=2026-12-12&view=day' });
    expect((await searchEverything(w.admin, 'lukasz')).day).toBeNull();
  });

  it('reads "dziś" and "jutro" in the school’s time zone', async () => {
    const auckland: Viewer = { ...w.admin, timeZone: 'Pacific/Auckland' };
    expect((await searchEverything(w.admin, 'dziś')).day?.date).toBe(todayIn('Europe/Warsaw'));
    expect((await searchEverything(auckland, 'dzis')).day?.date).toBe(todayIn('Pacific/Auckland'));
    expect((await searchEverything(w.anna, 'today')).day?.href).toBe(`/tutor/calendar?date=${todayIn('Europe/Warsaw')}&view=day`);
  });
});

describe('searchEverything, limits', () => {
  it('gives nothing to a parent or a student, and does not touch the database for them', async () => {
    for (const viewer of [w.parentViewer, w.studentViewer]) {
      let queries = 0;
      const stop = t.handle.onQuery(() => queries++);
      try {
        const found = await searchEverything(viewer, 'zolnierz');
        expect(everyId(found)).toEqual([]);
        expect(found.day).toBeNull();
        expect((await searchEverything(viewer, 'dziś')).day).toBeNull();
      } finally {
        stop();
      }
      expect(queries).toBe(0);
    }
  });

  it('searches nothing under 2 or over 100 characters, and trims', async () => {
    let queries = 0;
    const stop = t.handle.onQuery(() => queries++);
    try {
      expect(everyId(await searchEverything(w.admin, ' ł '))).toEqual([]);
      expect(everyId(await searchEverything(w.admin, `zolnierz${' x'.repeat(50)}`))).toEqual([]);
    } finally {
      stop();
    }
    expect(queries).toBe(0);
    expect((await searchEverything(w.admin, '  zolc  ')).q).toBe('zolc');
  });

  it('returns at most five rows a group', async () => {
    for (let i = 0; i < 7; i++) await createStudent(t.db, { schoolId: w.school.id, firstName: `Uczeń${i}`, lastName: 'Pięciogrupowy' });
    expect((await searchEverything(w.admin, 'pieciogrupowy')).students).toHaveLength(5);
  });
});
