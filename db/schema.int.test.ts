import { count, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { queryRows, sqlState } from '@/db/client';
import { auditLog, parentStudents, schools, students, tutors, users } from '@/db/schema';
import { createFamily, createSchool, createStudent, createParent, linkParent } from '@/db/seed/factories';
import { DEMO_SCHOOL_SLUG, seedDemo, SOWA_SCHOOL_SLUG } from '@/db/seed/demo';
import { freshTestDatabase } from '@/test/database';

const t = freshTestDatabase();

describe('schema and migrations', () => {
  it('has btree_gist, pg_trgm and unaccent after migration alone, on both engines', async () => {
    // Nothing here creates them: the migrations must have.
    const installed = await queryRows<{ extname: string }>(t.db, sql`select extname from pg_extension where extname in ('btree_gist', 'pg_trgm', 'unaccent') order by extname`);
    expect(installed.map((e) => e.extname)).toEqual(['btree_gist', 'pg_trgm', 'unaccent']);
    const [row] = await queryRows<{ plain: string; similar: boolean; gistEquals: boolean }>(
      t.db,
      sql`select unaccent('Łukasz Żołnierz') as plain,
                 similarity('zolnierz', 'zolnierska') > 0 as similar,
                 exists (select 1 from pg_opclass where opcname = 'gist_uuid_ops') as "gistEquals"`,
    );
    expect(row).toEqual({ plain: 'Lukasz Zolnierz', similar: true, gistEquals: true });
  });

  it('keeps the audit log append-only: UPDATE and DELETE are rejected', async () => {
    await t.db.insert(auditLog).values({ action: 'test.write', entityType: 'test' });
    const attempt = async (fn: () => Promise<unknown>) => {
      try {
        await fn();
        return 'allowed';
      } catch (err) {
        return sqlState(err);
      }
    };
    expect(await attempt(() => t.db.update(auditLog).set({ action: 'rewritten' }))).toBe('42501');
    expect(await attempt(() => t.db.delete(auditLog))).toBe('42501');
    const [{ n }] = await t.db.select({ n: count() }).from(auditLog).where(eq(auditLog.action, 'test.write'));
    expect(n).toBe(1);
  });

  it('refuses a parent–child link across two schools', async () => {
    const a = await createSchool(t.db);
    const b = await createSchool(t.db);
    const parent = await createParent(t.db, { schoolId: a.id });
    const child = await createStudent(t.db, { schoolId: b.id });
    let code: string | undefined;
    try {
      await linkParent(t.db, { schoolId: a.id, parentId: parent.id, studentId: child.id });
    } catch (err) {
      code = sqlState(err);
    }
    expect(code).toBe('23503');
    expect(await t.db.select().from(parentStudents).where(eq(parentStudents.studentId, child.id))).toHaveLength(0);
  });

  it('treats emails as unique regardless of case', async () => {
    const school = await createSchool(t.db);
    await createStudent(t.db, { schoolId: school.id, withLogin: true, userEmail: 'ola@example.test' });
    let code: string | undefined;
    try {
      await createStudent(t.db, { schoolId: school.id, withLogin: true, userEmail: 'OLA@example.test' });
    } catch (err) {
      code = sqlState(err);
    }
    expect(code).toBe('23505');
  });

  it('builds a family with the factory', async () => {
    const school = await createSchool(t.db);
    const { parent, children } = await createFamily(t.db, { schoolId: school.id, children: 2 });
    const links = await t.db.select().from(parentStudents).where(eq(parentStudents.parentId, parent.id));
    expect(links.map((l) => l.studentId).sort()).toEqual(children.map((c) => c.id).sort());
    expect(links.every((l) => l.isPayer && l.access === 'full')).toBe(true);
  });
});

describe('demo seed', () => {
  it('creates both schools with the documented logins, and running it again changes nothing', async () => {
    await seedDemo(t.db);
    const countStudents = async (slug: string) => {
      const [row] = await t.db
        .select({ n: count() })
        .from(students)
        .innerJoin(schools, eq(schools.id, students.schoolId))
        .where(eq(schools.slug, slug));
      return row.n;
    };
    expect(await countStudents(DEMO_SCHOOL_SLUG)).toBe(220);
    expect(await countStudents(SOWA_SCHOOL_SLUG)).toBeGreaterThan(0);

    const logins = ['admin@demo.tutorhub.pl', 'tutor1@demo.tutorhub.pl', 'tutor12@demo.tutorhub.pl', 'student1@demo.tutorhub.pl', 'parent1@demo.tutorhub.pl', 'admin@sowa.tutorhub.pl', 'tutor1@sowa.tutorhub.pl', 'parent1@sowa.tutorhub.pl'];
    const found = await t.db.select({ email: users.email, role: users.role, hasPassword: sql<boolean>`${users.passwordHash} is not null` }).from(users).where(sql`${users.email} in ${logins}`);
    expect(found.map((u) => u.email).sort()).toEqual([...logins].sort());
    // Parents sign in by magic link only.
    expect(found.filter((u) => u.role === 'parent').every((u) => !u.hasPassword)).toBe(true);
    expect(found.filter((u) => u.role !== 'parent').every((u) => u.hasPassword)).toBe(true);

    const [{ n: tutorCount }] = await t.db.select({ n: count() }).from(tutors).innerJoin(schools, eq(schools.id, tutors.schoolId)).where(eq(schools.slug, DEMO_SCHOOL_SLUG));
    expect(tutorCount).toBe(12);
    const [lukasz] = await t.db.select().from(students).where(eq(students.lastName, 'Żołnierz'));
    expect(lukasz.firstName).toBe('Łukasz');

    await seedDemo(t.db);
    expect(await countStudents(DEMO_SCHOOL_SLUG)).toBe(220);
  }, 180_000); // seeds both demo schools twice: a full term of lessons
});
