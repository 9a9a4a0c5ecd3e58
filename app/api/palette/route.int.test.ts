import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createFamily, createSchool, createStudent, createSubject, createTutor, createUser, enrol } from '@/db/seed/factories';
import type { PaletteResults } from '@/lib/palette/queries';
import { freshTestDatabase } from '@/test/database';
import { actAs } from '@/test/mocks/viewer';
import { viewerOf } from '@/test/viewers';
import { GET } from './route';

const t = freshTestDatabase();

let w: Awaited<ReturnType<typeof build>>;
async function build() {
  const school = await createSchool(t.db);
  const admin = await createUser(t.db, { schoolId: school.id, role: 'admin' });
  const tutor = await createTutor(t.db, { schoolId: school.id });
  const other = await createTutor(t.db, { schoolId: school.id });
  const maths = await createSubject(t.db, { schoolId: school.id });
  const own = await createStudent(t.db, { schoolId: school.id, firstName: 'Łucja', lastName: 'Żmuda' });
  const theirs = await createStudent(t.db, { schoolId: school.id, firstName: 'Łucja', lastName: 'Żmijewska' });
  await enrol(t.db, { schoolId: school.id, studentId: own.id, subjectId: maths.id, tutorId: tutor.id });
  await enrol(t.db, { schoolId: school.id, studentId: theirs.id, subjectId: maths.id, tutorId: other.id });
  const { parent } = await createFamily(t.db, { schoolId: school.id, lastName: 'Żmuda' });
  const student = await createStudent(t.db, { schoolId: school.id, withLogin: true });
  return { admin, tutor, own, theirs, parent, student };
}
beforeAll(async () => {
  w = await build();
});
beforeEach(() => actAs(null));

async function search(q: string) {
  const response = await GET(new Request(`http://school.test/api/palette?q=${encodeURIComponent(q)}`));
  return { status: response.status, body: (await response.json()) as unknown, headers: response.headers };
}

describe('GET /api/palette', () => {
  it('answers 401 without a session, and is never cached', async () => {
    const { status, body, headers } = await search('zmuda');
    expect(status).toBe(401);
    expect(body).toEqual({ error: 'palette.errors.unauthenticated' });
    expect(headers.get('cache-control')).toContain('no-store');
  });

  it('answers 403 to a parent and a student', async () => {
    for (const user of [w.parent.user!, w.student.user!]) {
      actAs(viewerOf(user));
      const { status, body } = await search('zmuda');
      expect(status, user.role).toBe(403);
      expect(body).toEqual({ error: 'palette.errors.forbidden' });
    }
  });

  it('refuses a query over 100 characters and answers empty groups under 2', async () => {
    actAs(viewerOf(w.admin));
    expect((await search('x'.repeat(101))).status).toBe(400);
    const short = await search(' ł ');
    expect(short.status).toBe(200);
    expect(short.body).toEqual({ q: '', day: null, students: [], parents: [], tutors: [], invoices: [] });
  });

  it('answers a tutor with their own student only', async () => {
    actAs(viewerOf(w.tutor.user!));
    const { status, body, headers } = await search('lucja zm');
    expect(status).toBe(200);
    expect(headers.get('cache-control')).toContain('no-store');
    expect((body as PaletteResults).students.map((s) => s.id)).toEqual([w.own.id]);
    actAs(viewerOf(w.admin));
    expect(((await search('lucja zm')).body as PaletteResults).students.map((s) => s.id).sort()).toEqual([w.own.id, w.theirs.id].sort());
  });
});
