import { Faker, pl, en, base } from '@faker-js/faker';
import { eq, sql } from 'drizzle-orm';
import { hashPassword } from '@/lib/auth/password';
import { completeNip } from '@/lib/nip';
import type { Database, Queryable } from '../client';
import { seedBilling } from './billing';
import { seedMessages } from './messages';
import { seedTerm } from './term';
import {
  parents,
  parentStudents,
  rooms,
  schools,
  students,
  subjects,
  tutors,
  users,
  type NewParent,
  type NewStudent,
  type NewUser,
  studentSubjects,
  tutorSubjects,
} from '../schema';

export const DEMO_PASSWORD = 'tutorhub-demo';
export const DEMO_SCHOOL_SLUG = 'na-piatke';
export const SOWA_SCHOOL_SLUG = 'sowa';

type Level = NewStudent['level'];

const SUBJECTS: { name: string; levels: Level[]; minutes: number; color: string }[] = [
  { name: 'Matematyka', levels: ['primary', 'secondary', 'matura', 'adult'], minutes: 60, color: '#2563eb' },
  { name: 'Język polski', levels: ['primary', 'secondary', 'matura'], minutes: 60, color: '#dc2626' },
  { name: 'Język angielski', levels: ['primary', 'secondary', 'matura', 'adult'], minutes: 60, color: '#16a34a' },
  { name: 'Język niemiecki', levels: ['primary', 'secondary', 'matura', 'adult'], minutes: 60, color: '#ca8a04' },
  { name: 'Fizyka', levels: ['primary', 'secondary', 'matura'], minutes: 90, color: '#7c3aed' },
  { name: 'Chemia', levels: ['primary', 'secondary', 'matura'], minutes: 90, color: '#db2777' },
  { name: 'Biologia', levels: ['primary', 'secondary', 'matura'], minutes: 60, color: '#059669' },
  { name: 'Historia', levels: ['primary', 'secondary', 'matura'], minutes: 60, color: '#b45309' },
  { name: 'Geografia', levels: ['primary', 'secondary'], minutes: 45, color: '#0891b2' },
  { name: 'Informatyka', levels: ['primary', 'secondary', 'matura', 'adult'], minutes: 90, color: '#4f46e5' },
];

const ROOMS = [
  { name: 'Sala Żółta', capacity: 4 },
  { name: 'Sala Zielona', capacity: 4 },
  { name: 'Sala Niebieska', capacity: 2 },
  { name: 'Sala Czerwona', capacity: 6 },
  { name: 'Sala Fioletowa', capacity: 2 },
  { name: 'Pokój cichy', capacity: 1 },
];

const TUTOR_COLORS = [
  '#2563eb', '#dc2626', '#16a34a', '#ca8a04', '#7c3aed', '#db2777',
  '#059669', '#ea580c', '#0891b2', '#4f46e5', '#65a30d', '#be123c',
];

/** Polish surnames agree with sex: Kowalski → Kowalska, Zawadzki → Zawadzka; Nowak stays. */
export function feminineSurname(male: string): string {
  return male.replace(/(ski|cki|dzki)$/, (m) => m.slice(0, -1) + 'a');
}

function nineDigits(f: Faker) {
  for (;;) {
    const nip = completeNip(f.string.numeric({ length: 9, allowLeadingZeros: false }));
    if (nip) return nip;
  }
}

/**
 * Seeds the demo: "Szkoła Korepetycji Na Piątkę" in Warszawa (12 tutors, 220 students,
 * their parents) and a small second school "Sowa" in Kraków, each with its autumn term of
 * lessons (db/seed/term.ts) around `now`. Deterministic: the same people on every machine, and
 * the same timetable for the same day. Skips a school that already exists. `scale` multiplies
 * Na Piątkę's students, tutors and rooms (the load test's larger school).
 */
export async function seedDemo(db: Database, { now = new Date(), scale = 1 }: { now?: Date; scale?: number } = {}) {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const created = await db.transaction(async (tx) => {
    const naPiatke = await seedNaPiatke(tx, passwordHash, scale);
    if (naPiatke) await seedTerm(tx, termFaker(2026), naPiatke, now);
    if (naPiatke) await seedMessages(tx, naPiatke, now);
    const sowa = await seedSowa(tx, passwordHash);
    if (sowa) await seedTerm(tx, termFaker(1364), sowa, now);
    return [naPiatke && ([naPiatke, 7] as const), sowa && ([sowa, 8] as const)].filter((s) => !!s);
  });
  // Fresh statistics for the planner, as autovacuum would have after a day of use.
  await db.execute(sql`analyze`);
  // Invoices are issued as the billing job issues them: one transaction per payer.
  for (const [schoolId, seed] of created) await seedBilling(db, termFaker(seed), schoolId, now);
}

function termFaker(seed: number) {
  const f = new Faker({ locale: [pl, en, base] });
  f.seed(seed + 1);
  return f;
}

async function schoolExists(db: Queryable, slug: string) {
  const rows = await db.select({ id: schools.id }).from(schools).where(eq(schools.slug, slug));
  return rows.length > 0;
}

/** `scale` 10 is the load test's "ten times the demo": 2,200 students, 120 tutors, 60 rooms. */
function seedNaPiatke(db: Queryable, passwordHash: string, scale: number) {
  return seedFullSchool(db, passwordHash, {
    slug: DEMO_SCHOOL_SLUG,
    name: 'Szkoła Korepetycji Na Piątkę',
    domain: 'demo.tutorhub.pl',
    studentCount: 220 * scale,
    tutorCount: 12 * scale,
    roomSets: scale,
    seed: 2026,
  });
}

/**
 * A school the size of the demo's or larger (the benchmarks seed ten times as many students,
 * and the load test ten times as many tutors and rooms too): by default 12 tutors, 10 subjects,
 * 6 rooms, families and adult students with their subjects; no lessons. Returns the new
 * school's id, or null when it already existed.
 */
export async function seedFullSchool(
  db: Queryable,
  passwordHash: string,
  opts: { slug: string; name: string; domain: string; studentCount: number; seed: number; tutorCount?: number; roomSets?: number },
) {
  if (await schoolExists(db, opts.slug)) return null;
  const f = new Faker({ locale: [pl, en, base] });
  f.seed(opts.seed);

  const [school] = await db
    .insert(schools)
    .values({
      slug: opts.slug,
      name: opts.name,
      legalName: 'Na Piątkę Sp. z o.o.',
      addressLine: 'ul. Marszałkowska 84/92 lok. 3',
      postalCode: '00-514',
      city: 'Warszawa',
      voivodeship: 'mazowieckie',
      nip: nineDigits(f),
      bankAccount: 'PL61 1090 1014 0000 0712 1981 2874',
      email: 'biuro@napiatke.edu.pl',
      phone: '+48 22 555 01 23',
    })
    .returning();
  const schoolId = school.id;
  const domain = opts.domain;

  await db.insert(users).values({
    schoolId,
    role: 'admin',
    status: 'active',
    email: `admin@${domain}`,
    name: 'Małgorzata Wiśniewska',
    passwordHash,
    emailVerified: new Date('2026-09-01T08:00:00Z'),
  });

  await db.insert(subjects).values(SUBJECTS.map((s) => ({ schoolId, name: s.name, levels: s.levels, defaultDurationMin: s.minutes, color: s.color })));
  // A larger school has more of the same rooms: "Sala Żółta 2", "Sala Żółta 3", …
  const roomSets = opts.roomSets ?? 1;
  await db.insert(rooms).values(Array.from({ length: roomSets }, (_, set) => ROOMS.map((r) => ({ schoolId, ...r, name: set ? `${r.name} ${set + 1}` : r.name }))).flat());

  for (let i = 1; i <= (opts.tutorCount ?? 12); i++) {
    const sex = i % 3 === 0 ? 'male' : 'female';
    const firstName = f.person.firstName(sex);
    const male = f.person.lastName('male');
    const lastName = sex === 'female' ? feminineSurname(male) : male;
    const email = `tutor${i}@${domain}`;
    const [user] = await db
      .insert(users)
      .values({ schoolId, role: 'tutor', status: 'active', email, name: `${firstName} ${lastName}`, passwordHash, emailVerified: new Date('2026-09-01T08:00:00Z') })
      .returning({ id: users.id });
    await db.insert(tutors).values({
      schoolId,
      userId: user.id,
      firstName,
      lastName,
      email,
      phone: f.phone.number({ style: 'national' }),
      color: TUTOR_COLORS[(i - 1) % TUTOR_COLORS.length],
      bio: `${SUBJECTS[(i - 1) % SUBJECTS.length].name} — ${f.number.int({ min: 3, max: 20 })} lat doświadczenia.`,
    });
  }

  await seedFamilies(db, f, { schoolId, domain, passwordHash, studentCount: opts.studentCount, adultShare: 0.08 });
  await seedEnrollments(db, f, schoolId);
  return schoolId;
}

async function seedSowa(db: Queryable, passwordHash: string) {
  if (await schoolExists(db, SOWA_SCHOOL_SLUG)) return null;
  const f = new Faker({ locale: [pl, en, base] });
  f.seed(1364);
  const [school] = await db
    .insert(schools)
    .values({
      slug: SOWA_SCHOOL_SLUG,
      name: 'Centrum Nauki Sowa',
      addressLine: 'ul. Floriańska 15',
      postalCode: '31-019',
      city: 'Kraków',
      voivodeship: 'małopolskie',
      nip: nineDigits(f),
      bankAccount: 'PL27 1140 2004 0000 3002 0135 5387',
      email: 'kontakt@sowa.edu.pl',
    })
    .returning();
  const schoolId = school.id;
  const domain = 'sowa.tutorhub.pl';
  const verified = new Date('2026-09-01T08:00:00Z');
  await db.insert(users).values({ schoolId, role: 'admin', status: 'active', email: `admin@${domain}`, name: 'Piotr Sowiński', passwordHash, emailVerified: verified });
  const [tutorUser] = await db
    .insert(users)
    .values({ schoolId, role: 'tutor', status: 'active', email: `tutor1@${domain}`, name: 'Ewa Grabowska', passwordHash, emailVerified: verified })
    .returning({ id: users.id });
  await db.insert(tutors).values({ schoolId, userId: tutorUser.id, firstName: 'Ewa', lastName: 'Grabowska', email: `tutor1@${domain}`, color: '#0891b2' });
  await db.insert(subjects).values(SUBJECTS.slice(0, 3).map((s) => ({ schoolId, name: s.name, levels: s.levels, defaultDurationMin: s.minutes, color: s.color })));
  await db.insert(rooms).values(ROOMS.slice(0, 2).map((r) => ({ schoolId, ...r })));
  await seedFamilies(db, f, { schoolId, domain, passwordHash, studentCount: 12, adultShare: 0 });
  await seedEnrollments(db, f, schoolId);
  return schoolId;
}

/**
 * Each tutor teaches two or three subjects (every subject has at least one tutor); each
 * student takes one or two subjects offered at their level, with a tutor who teaches it.
 */
async function seedEnrollments(db: Queryable, f: Faker, schoolId: string) {
  const [subjectRows, tutorRows, studentRows] = await Promise.all([
    db.select().from(subjects).where(eq(subjects.schoolId, schoolId)).orderBy(subjects.name),
    db.select().from(tutors).where(eq(tutors.schoolId, schoolId)).orderBy(tutors.email),
    db.select().from(students).where(eq(students.schoolId, schoolId)).orderBy(students.email),
  ]);
  const teaching = new Map<string, string[]>(subjectRows.map((s) => [s.id, []]));
  const tutorRowsToInsert: (typeof tutorSubjects.$inferInsert)[] = [];
  tutorRows.forEach((tutor, i) => {
    const own = subjectRows[i % subjectRows.length];
    const extra = f.helpers.arrayElements(subjectRows.filter((s) => s.id !== own.id), { min: 1, max: 2 });
    for (const subject of [own, ...extra]) {
      teaching.get(subject.id)!.push(tutor.id);
      tutorRowsToInsert.push({ schoolId, tutorId: tutor.id, subjectId: subject.id, levels: subject.levels });
    }
  });
  if (tutorRowsToInsert.length) await db.insert(tutorSubjects).values(tutorRowsToInsert);

  const rows: (typeof studentSubjects.$inferInsert)[] = [];
  for (const student of studentRows) {
    const offered = subjectRows.filter((s) => s.levels.includes(student.level) && teaching.get(s.id)!.length > 0);
    for (const subject of f.helpers.arrayElements(offered, { min: 1, max: 2 })) {
      rows.push({ schoolId, studentId: student.id, subjectId: subject.id, tutorId: f.helpers.arrayElement(teaching.get(subject.id)!) });
    }
  }
  for (const chunk of chunks(rows, 200)) await db.insert(studentSubjects).values(chunk);
}

/**
 * Families for a school: children grouped into families of one to three siblings, about one
 * family in seven with a second, view-only parent, and a share of adults paying for themselves.
 * Students and parents are numbered in order: student1@…, parent1@….
 */
async function seedFamilies(
  db: Queryable,
  f: Faker,
  opts: { schoolId: string; domain: string; passwordHash: string; studentCount: number; adultShare: number },
) {
  const { schoolId, domain, passwordHash } = opts;
  const verified = new Date('2026-09-01T08:00:00Z');
  const studentUsers: NewUser[] = [];
  const studentRows: (NewStudent & { id: string })[] = [];
  const parentUsers: NewUser[] = [];
  const parentRows: (NewParent & { id: string })[] = [];
  const links: (typeof parentStudents.$inferInsert)[] = [];
  let studentNo = 0;
  let parentNo = 0;

  const addStudent = (s: Omit<NewStudent, 'schoolId' | 'userId' | 'email'>) => {
    studentNo++;
    const userId = f.string.uuid();
    const email = `student${studentNo}@${domain}`;
    studentUsers.push({ id: userId, schoolId, role: 'student', status: 'active', email, name: `${s.firstName} ${s.lastName}`, passwordHash, emailVerified: verified });
    const row = { ...s, id: f.string.uuid(), schoolId, userId, email };
    studentRows.push(row);
    return row;
  };
  const addParent = (p: Omit<NewParent, 'schoolId' | 'userId' | 'email'>) => {
    parentNo++;
    const userId = f.string.uuid();
    const email = `parent${parentNo}@${domain}`;
    parentUsers.push({ id: userId, schoolId, role: 'parent', status: 'active', email, name: `${p.firstName} ${p.lastName}`, passwordHash: null, emailVerified: verified, locale: p.preferredLanguage ?? 'pl' });
    const row = { ...p, id: f.string.uuid(), schoolId, userId, email };
    parentRows.push(row);
    return row;
  };

  const childLevel = (): { level: Level; age: number; schoolName: string; className: string } => {
    const age = f.number.int({ min: 8, max: 19 });
    if (age <= 14) return { level: 'primary', age, schoolName: `SP ${f.number.int({ min: 1, max: 400 })}`, className: `klasa ${Math.min(8, age - 6)}` };
    if (age <= 17) return { level: 'secondary', age, schoolName: `LO ${f.number.int({ min: 1, max: 120 })}`, className: `klasa ${age - 14}` };
    return { level: 'matura', age, schoolName: `LO ${f.number.int({ min: 1, max: 120 })}`, className: 'klasa 4' };
  };
  const birthDate = (age: number) => `${2026 - age}-${String(f.number.int({ min: 1, max: 12 })).padStart(2, '0')}-${String(f.number.int({ min: 1, max: 28 })).padStart(2, '0')}`;

  while (studentNo < opts.studentCount) {
    const remaining = opts.studentCount - studentNo;
    if (f.number.float() < opts.adultShare) {
      const sex = f.person.sexType();
      const male = f.person.lastName('male');
      const age = f.number.int({ min: 20, max: 55 });
      addStudent({
        firstName: f.person.firstName(sex),
        lastName: sex === 'female' ? feminineSurname(male) : male,
        level: 'adult',
        birthDate: birthDate(age),
        phone: f.phone.number({ style: 'international' }),
        isSelfPayer: true,
      });
      continue;
    }
    const roll = f.number.float();
    const size = Math.min(remaining, roll < 0.78 ? 1 : roll < 0.95 ? 2 : 3);
    const family = f.person.lastName('male');
    const motherFirst = f.person.firstName('female');
    const mother = addParent({
      firstName: motherFirst,
      lastName: feminineSurname(family),
      phone: f.phone.number({ style: 'international' }),
      preferredLanguage: f.number.float() < 0.1 ? 'en' : 'pl',
      billingName: `${motherFirst} ${feminineSurname(family)}`,
      billingAddress: `${f.location.street()} ${f.location.buildingNumber()}, ${f.location.zipCode()} Warszawa`,
    });
    const father =
      f.number.float() < 0.15
        ? addParent({ firstName: f.person.firstName('male'), lastName: family, phone: f.phone.number({ style: 'international' }) })
        : null;
    for (let c = 0; c < size; c++) {
      const sex = f.person.sexType();
      const info = childLevel();
      const child = addStudent({
        firstName: f.person.firstName(sex),
        lastName: sex === 'female' ? feminineSurname(family) : family,
        level: info.level,
        birthDate: birthDate(info.age),
        schoolName: info.schoolName,
        className: info.className,
        status: f.number.float() < 0.05 ? 'paused' : 'active',
      });
      links.push({ schoolId, parentId: mother.id, studentId: child.id, access: 'full', isPayer: true });
      if (father) links.push({ schoolId, parentId: father.id, studentId: child.id, access: 'view', isPayer: false });
    }
  }

  // A family whose names exercise diacritic-insensitive search ("lukasz zolnierz").
  if (opts.studentCount >= 100) {
    const last = studentRows[studentRows.length - 1];
    last.firstName = 'Łukasz';
    last.lastName = 'Żołnierz';
    studentUsers[studentUsers.length - 1].name = 'Łukasz Żołnierz';
  }

  for (const chunk of chunks(studentUsers, 200)) await db.insert(users).values(chunk);
  for (const chunk of chunks(parentUsers, 200)) await db.insert(users).values(chunk);
  for (const chunk of chunks(studentRows, 200)) await db.insert(students).values(chunk);
  for (const chunk of chunks(parentRows, 200)) await db.insert(parents).values(chunk);
  for (const chunk of chunks(links, 200)) await db.insert(parentStudents).values(chunk);
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
