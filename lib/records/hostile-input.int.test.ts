import { eq } from 'drizzle-orm';
import fc from 'fast-check';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parents, rooms, students, subjects, tutors, users } from '@/db/schema';
import { createParent, createSchool, createStudent, createSubject, createTutor, createUser } from '@/db/seed/factories';
import { inviteUserAction } from '@/lib/accounts/actions';
import { createRoomAction, createSubjectAction } from '@/lib/catalog/actions';
import type { ActionResult } from '@/lib/errors';
import { addFamilyAction } from '@/lib/families/actions';
import { updateParentAction } from '@/lib/parents/actions';
import { updateStudentAction } from '@/lib/students/actions';
import { updateTutorAction } from '@/lib/tutors/actions';
import { freshTestDatabase } from '@/test/database';
import { hostileString, uncleanReason } from '@/test/hostile';
import { actAs } from '@/test/mocks/viewer';
import { viewerOf } from '@/test/viewers';

/**
 * The real server actions, on a real database, fed hostile text through every name, note,
 * phone and address field: each answer is `ok` with clean stored rows, or a VALIDATION or
 * CONFLICT refusal. Never INTERNAL (a NUL byte reaching PostgreSQL is 22021), never a throw.
 */

const t = freshTestDatabase();

let w: Awaited<ReturnType<typeof build>>;
async function build() {
  const school = await createSchool(t.db, { name: 'Na Piątkę' });
  const admin = await createUser(t.db, { schoolId: school.id, role: 'admin' });
  const math = await createSubject(t.db, { schoolId: school.id, name: 'Matematyka' });
  const student = await createStudent(t.db, { schoolId: school.id, withLogin: false });
  const parent = await createParent(t.db, { schoolId: school.id });
  const tutor = await createTutor(t.db, { schoolId: school.id, withLogin: false });
  return { school, admin, math, student, parent, tutor };
}

beforeAll(async () => {
  w = await build();
});
beforeEach(() => actAs(viewerOf(w.admin)));

let seq = 0;
const uniqueEmail = () => `hostile-${++seq}-${Math.random().toString(36).slice(2, 7)}@example.test`;

const MULTILINE = new Set(['notes', 'bio', 'billingAddress', 'companyAddress']);
/** Columns holding typed text; generated (`searchText`) and system columns are left out. */
const SKIP = new Set(['searchText']);

function expectCleanRow(row: Record<string, unknown> | undefined, label: string) {
  expect(row, label).toBeDefined();
  for (const [column, value] of Object.entries(row!)) {
    if (typeof value !== 'string' || SKIP.has(column)) continue;
    expect(uncleanReason(value, { multiline: MULTILINE.has(column) }), `${label}.${column} = ${JSON.stringify(value.slice(0, 60))}`).toBeNull();
  }
  for (const name of ['firstName', 'lastName', 'name'] as const) {
    if (name in row!) expect(String(row![name]).length, `${label}.${name}`).toBeGreaterThan(0);
  }
}

/** Refusals are named and worded; success is checked by the caller against the stored rows. */
function expectCleanAnswer<T>(result: ActionResult<T>): result is { ok: true; data: T } {
  if (result.ok) return true;
  expect(['VALIDATION', 'CONFLICT'], `${result.code}: ${result.message}`).toContain(result.code);
  expect(typeof result.message).toBe('string');
  for (const messages of Object.values(result.fieldErrors ?? {})) for (const m of messages) expect(m.trim()).not.toBe('');
  return false;
}

const runs = { numRuns: 20 };

describe('server actions given hostile text', () => {
  it('create a subject and a room', async () => {
    await fc.assert(
      fc.asyncProperty(hostileString, async (name) => {
        const subject = await createSubjectAction({ name, levels: ['primary'], defaultDurationMin: 60, color: '#2563eb' });
        if (expectCleanAnswer(subject)) expectCleanRow((await t.db.select().from(subjects).where(eq(subjects.id, subject.data.id)))[0], 'subject');
        const room = await createRoomAction({ name, capacity: 3 });
        if (expectCleanAnswer(room)) expectCleanRow((await t.db.select().from(rooms).where(eq(rooms.id, room.data.id)))[0], 'room');
      }),
      runs,
    );
  });

  it('invite a person', async () => {
    await fc.assert(
      fc.asyncProperty(hostileString, hostileString, fc.constantFrom('tutor' as const, 'parent' as const, 'student' as const), async (firstName, lastName, role) => {
        const result = await inviteUserAction({ role, firstName, lastName, email: uniqueEmail(), level: 'primary' });
        if (!expectCleanAnswer(result)) return;
        expectCleanRow((await t.db.select().from(users).where(eq(users.id, result.data.id)))[0], 'user');
        const profile = role === 'tutor' ? tutors : role === 'parent' ? parents : students;
        expectCleanRow((await t.db.select().from(profile).where(eq(profile.userId, result.data.id)))[0], role);
      }),
      runs,
    );
  });

  it('add a family', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(hostileString, { minLength: 10, maxLength: 10 }),
        fc.constantFrom('person' as const, 'company' as const),
        async ([first, phone, billingName, billingAddress, companyName, companyNip, companyAddress, childFirst, notes, schoolName], billingType) => {
          const result = await addFamilyAction({
            parent: { firstName: first, lastName: 'Kowalska', email: uniqueEmail(), phone, billingType, billingName, billingAddress, companyName, companyNip, companyAddress },
            children: [{ firstName: childFirst, lastName: 'Kowalski', level: 'primary', notes, schoolName, subjects: [{ subjectId: w.math.id }] }],
            invite: false,
          });
          if (!expectCleanAnswer(result)) return;
          expectCleanRow((await t.db.select().from(parents).where(eq(parents.id, result.data.parentId)))[0], 'parent');
          for (const id of result.data.studentIds) expectCleanRow((await t.db.select().from(students).where(eq(students.id, id)))[0], 'child');
        },
      ),
      runs,
    );
  });

  it('update a student, a parent and a tutor', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(hostileString, { minLength: 8, maxLength: 8 }), fc.constantFrom('person' as const, 'company' as const), async ([a, b, c, d, e, f, g, h], billingType) => {
        const student = await updateStudentAction({ studentId: w.student.id, firstName: a, lastName: b, level: 'secondary', notes: c, className: d, phone: e, schoolName: f, subjects: [] });
        if (expectCleanAnswer(student)) expectCleanRow((await t.db.select().from(students).where(eq(students.id, w.student.id)))[0], 'student');

        const parent = await updateParentAction({ parentId: w.parent.id, firstName: a, lastName: 'Nowak', email: w.parent.email!, phone: e, billingType, billingName: g, billingAddress: c, companyName: h, companyNip: d, companyAddress: c });
        if (expectCleanAnswer(parent)) expectCleanRow((await t.db.select().from(parents).where(eq(parents.id, w.parent.id)))[0], 'parent');

        const tutor = await updateTutorAction({ tutorId: w.tutor.id, firstName: g, lastName: h, email: null, phone: e, color: '#2563eb', bio: c, teaches: [] });
        if (expectCleanAnswer(tutor)) expectCleanRow((await t.db.select().from(tutors).where(eq(tutors.id, w.tutor.id)))[0], 'tutor');
      }),
      runs,
    );
  });

  it('the tester’s inputs: NUL, bell and line breaks are refused on the field, a zero-width name as empty', async () => {
    for (const name of ['Sala\u00001', 'Sala\u0007', 'Sala\r\n1', '\u200b']) {
      const result = await createRoomAction({ name, capacity: 3 });
      expect(result, JSON.stringify(name)).toMatchObject({ ok: false, code: 'VALIDATION', fieldErrors: { name: [expect.any(String)] } });
      const invite = await inviteUserAction({ role: 'tutor', firstName: name, lastName: 'X', email: uniqueEmail() });
      expect(invite, JSON.stringify(name)).toMatchObject({ ok: false, code: 'VALIDATION', fieldErrors: { firstName: [expect.any(String)] } });
    }
  });
});
