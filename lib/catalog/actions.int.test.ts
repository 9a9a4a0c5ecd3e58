import { and, count, eq } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { auditLog, rooms, subjects } from '@/db/schema';
import { createParent, createRoom, createSchool, createStudent, createSubject, createTutor, createUser, enrol, teach } from '@/db/seed/factories';
import {
  archiveRoomAction,
  archiveSubjectAction,
  createRoomAction,
  createSubjectAction,
  deleteRoomAction,
  deleteSubjectAction,
  restoreRoomAction,
  restoreSubjectAction,
  updateRoomAction,
  updateSubjectAction,
} from '@/lib/catalog/actions';
import { getSubject, listActiveRooms, listActiveSubjects, listRooms, listSubjects, subjectDeletionBlockers } from '@/lib/catalog/queries';
import { roomListFilters, subjectListFilters } from '@/lib/catalog/schema';
import { GET as exportRooms } from '@/app/(app)/admin/rooms/export/route';
import { GET as exportSubjects } from '@/app/(app)/admin/subjects/export/route';
import { freshTestDatabase } from '@/test/database';
import { actAs } from '@/test/mocks/viewer';
import { viewerOf } from '@/test/viewers';

const t = freshTestDatabase();

// Two schools: "Na Piątkę" with an admin, a tutor (with a login), a parent and a student;
// "Sowa" with its own admin. Every test creates the subjects and rooms it changes, with
// names of its own, so the order of the tests does not matter.
let w: Awaited<ReturnType<typeof build>>;
async function build() {
  const school = await createSchool(t.db, { name: 'Na Piątkę' });
  const sowa = await createSchool(t.db, { name: 'Sowa' });
  const admin = await createUser(t.db, { schoolId: school.id, role: 'admin' });
  const sowaAdmin = await createUser(t.db, { schoolId: sowa.id, role: 'admin' });
  const tutor = await createTutor(t.db, { schoolId: school.id });
  const parent = await createParent(t.db, { schoolId: school.id });
  const student = await createStudent(t.db, { schoolId: school.id });
  return { school, sowa, admin, sowaAdmin, tutor, parent, student };
}

beforeAll(async () => {
  w = await build();
});
beforeEach(() => actAs(null));

const asAdmin = () => actAs(viewerOf(w.admin));
const admin = () => viewerOf(w.admin);

let seq = 0;
const unique = (prefix: string) => `${prefix} ${++seq}`;

const subjectInput = (overrides: Partial<Parameters<typeof createSubjectAction>[0]> = {}) => ({
  name: unique('Matematyka'),
  levels: ['secondary', 'primary'] as ('primary' | 'secondary' | 'matura' | 'adult')[],
  defaultDurationMin: 60,
  color: '#2563EB',
  ...overrides,
});

async function subjectById(id: string) {
  const [row] = await t.db.select().from(subjects).where(eq(subjects.id, id));
  return row;
}

async function roomById(id: string) {
  const [row] = await t.db.select().from(rooms).where(eq(rooms.id, id));
  return row;
}

async function auditOf(entityId: string, action?: string) {
  return t.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityId, entityId), action ? eq(auditLog.action, action) : undefined))
    .orderBy(auditLog.id);
}

async function totals() {
  const n = async (table: typeof subjects | typeof rooms | typeof auditLog) => (await t.db.select({ n: count() }).from(table))[0].n;
  return { subjects: await n(subjects), rooms: await n(rooms), auditLog: await n(auditLog) };
}

const subjectFilters = (raw: Record<string, unknown> = {}) => subjectListFilters.parse(raw);
const roomFilters = (raw: Record<string, unknown> = {}) => roomListFilters.parse(raw);

/** Creates a subject through the action (as the admin) and returns its id. */
async function newSubject(overrides: Partial<Parameters<typeof createSubjectAction>[0]> = {}) {
  asAdmin();
  const result = await createSubjectAction(subjectInput(overrides));
  if (!result.ok) throw new Error(`createSubjectAction failed: ${JSON.stringify(result)}`);
  return result.data.id;
}

async function newRoom(overrides: Partial<Parameters<typeof createRoomAction>[0]> = {}) {
  asAdmin();
  const result = await createRoomAction({ name: unique('Sala'), capacity: 4, ...overrides });
  if (!result.ok) throw new Error(`createRoomAction failed: ${JSON.stringify(result)}`);
  return result.data.id;
}

// ---------------------------------------------------------------------------------------

describe('subjects: the life of a record', () => {
  it('an admin creates a subject: levels in the usual order, colour in lower case, one audit row', async () => {
    asAdmin();
    const name = unique('Fizyka');
    const result = await createSubjectAction(subjectInput({ name: `  ${name} `, levels: ['matura', 'primary', 'matura'], color: '#AABBCC', defaultDurationMin: 45 }));
    expect(result).toEqual({ ok: true, data: { id: expect.any(String) } });
    if (!result.ok) return;
    const row = await subjectById(result.data.id);
    expect(row).toMatchObject({ schoolId: w.school.id, name, levels: ['primary', 'matura'], defaultDurationMin: 45, color: '#aabbcc', archivedAt: null });
    const audit = await auditOf(row.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: 'subject.create',
      entityType: 'subject',
      actorUserId: w.admin.id,
      actorRole: 'admin',
      schoolId: w.school.id,
      ip: '203.0.113.7',
      after: { name, levels: ['primary', 'matura'], defaultDurationMin: 45, color: '#aabbcc' },
    });
  });

  it('an update changes the record and audits only what changed, old and new', async () => {
    const id = await newSubject({ defaultDurationMin: 60, color: '#111111' });
    const before = await subjectById(id);
    const renamed = unique('Matematyka rozszerzona');
    const result = await updateSubjectAction({ subjectId: id, name: renamed, levels: before.levels, defaultDurationMin: 90, color: '#111111' });
    expect(result.ok).toBe(true);
    expect(await subjectById(id)).toMatchObject({ name: renamed, defaultDurationMin: 90, color: '#111111' });
    const [audit] = await auditOf(id, 'subject.update');
    expect(audit.after).toEqual({ name: { old: before.name, new: renamed }, defaultDurationMin: { old: 60, new: 90 } });
  });

  it('keeping its own name is not a clash', async () => {
    const id = await newSubject();
    const before = await subjectById(id);
    const result = await updateSubjectAction({ subjectId: id, name: before.name, levels: ['adult'], defaultDurationMin: 60, color: '#2563eb' });
    expect(result.ok).toBe(true);
    expect((await subjectById(id)).levels).toEqual(['adult']);
  });

  it('archive hides it from the default list and the pickers, the archived filter shows it, restore brings it back', async () => {
    const name = unique('Chemia');
    const id = await newSubject({ name });
    const inList = async (status?: string) => (await listSubjects(admin(), subjectFilters({ q: name, status }))).rows.map((r) => r.id);
    const inPicker = async () => (await listActiveSubjects(admin())).map((s) => s.id);
    expect(await inList()).toEqual([id]);
    expect(await inPicker()).toContain(id);

    asAdmin();
    expect((await archiveSubjectAction({ subjectId: id })).ok).toBe(true);
    expect((await subjectById(id)).archivedAt).toBeInstanceOf(Date);
    expect(await inList()).toEqual([]);
    expect(await inList('archived')).toEqual([id]);
    expect(await inPicker()).not.toContain(id);
    const [archived] = await auditOf(id, 'subject.archive');
    expect(archived).toMatchObject({ before: { archivedAt: null }, after: { archivedAt: expect.any(String) } });

    const again = await archiveSubjectAction({ subjectId: id });
    expect(again).toMatchObject({ ok: false, code: 'CONFLICT', message: 'catalog.alreadyArchived' });

    expect((await restoreSubjectAction({ subjectId: id })).ok).toBe(true);
    expect((await subjectById(id)).archivedAt).toBeNull();
    expect(await inList()).toEqual([id]);
    expect(await inList('archived')).toEqual([]);
    expect(await inPicker()).toContain(id);
    const [restored] = await auditOf(id, 'subject.restore');
    expect(restored).toMatchObject({ before: { archivedAt: expect.any(String) }, after: { archivedAt: null } });
    expect(await restoreSubjectAction({ subjectId: id })).toMatchObject({ ok: false, code: 'CONFLICT', message: 'catalog.notArchived' });
  });

  it('a subject nothing refers to is deleted, and the audit row keeps what it was', async () => {
    const id = await newSubject({ name: 'Do usunięcia', levels: ['adult'] });
    expect(await subjectDeletionBlockers(admin(), id)).toEqual({});
    const result = await deleteSubjectAction({ subjectId: id });
    expect(result).toEqual({ ok: true, data: { id } });
    expect(await subjectById(id)).toBeUndefined();
    const [audit] = await auditOf(id, 'subject.delete');
    expect(audit).toMatchObject({ entityType: 'subject', before: { name: 'Do usunięcia', levels: ['adult'], defaultDurationMin: 60, color: '#2563eb' }, after: null });
  });
});

describe('subjects: names are unique in a school', () => {
  it('a second subject of the same name, in any letter case, is a CONFLICT on the name field and writes nothing', async () => {
    const name = unique('Biologia');
    await newSubject({ name });
    const before = await totals();
    for (const clash of [name, name.toUpperCase(), ` ${name.toLowerCase()} `]) {
      const result = await createSubjectAction(subjectInput({ name: clash }));
      expect(result).toMatchObject({ ok: false, code: 'CONFLICT', message: 'catalog.subjectNameTaken', fieldErrors: { name: ['catalog.subjectNameTaken'] } });
    }
    expect(await totals()).toEqual(before);
  });

  it('renaming onto another subject’s name is refused the same way', async () => {
    const taken = unique('Geografia');
    await newSubject({ name: taken });
    const id = await newSubject();
    const result = await updateSubjectAction({ ...subjectInput({ name: taken }), subjectId: id });
    expect(result).toMatchObject({ ok: false, code: 'CONFLICT', fieldErrors: { name: ['catalog.subjectNameTaken'] } });
    expect((await subjectById(id)).name).not.toBe(taken);
  });

  it('two saves of one name at the same moment: one wins, the other gets the same answer from the unique key', async () => {
    asAdmin();
    const name = unique('Historia');
    const results = await Promise.all([createSubjectAction(subjectInput({ name })), createSubjectAction(subjectInput({ name }))]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ code: 'CONFLICT', fieldErrors: { name: ['catalog.subjectNameTaken'] } });
    expect(await t.db.select().from(subjects).where(eq(subjects.name, name))).toHaveLength(1);
  });

  it('another school may have a subject of the same name', async () => {
    const name = unique('Informatyka');
    await newSubject({ name });
    actAs(viewerOf(w.sowaAdmin));
    const result = await createSubjectAction(subjectInput({ name }));
    expect(result.ok).toBe(true);
  });
});

describe('subjects: invalid input', () => {
  it.each([
    ['a length that is not a multiple of 5', { defaultDurationMin: 7 }, 'defaultDurationMin', 'catalog.durationInvalid'],
    ['a length over 8 hours', { defaultDurationMin: 485 }, 'defaultDurationMin', 'catalog.durationInvalid'],
    ['no levels', { levels: [] }, 'levels', 'catalog.levelsRequired'],
    ['a colour that is not #rrggbb', { color: 'blue' }, 'color', 'records.invalidColor'],
    ['an empty name', { name: '   ' }, 'name', 'catalog.nameRequired'],
    ['a name over 60 characters', { name: 'x'.repeat(61) }, 'name', 'catalog.nameTooLong'],
  ])('%s → VALIDATION on that field, nothing written', async (_label, overrides, field, message) => {
    asAdmin();
    const before = await totals();
    const result = await createSubjectAction(subjectInput(overrides as Partial<Parameters<typeof createSubjectAction>[0]>));
    expect(result).toMatchObject({ ok: false, code: 'VALIDATION' });
    if (result.ok) return;
    expect(result.fieldErrors?.[field]).toEqual([message]);
    expect(await totals()).toEqual(before);
  });

  it('several bad fields at once are all reported, and an update with them changes nothing', async () => {
    const id = await newSubject();
    const before = await subjectById(id);
    const auditBefore = await totals();
    const result = await updateSubjectAction({ subjectId: id, name: before.name, levels: [], defaultDurationMin: 7, color: '#12345' });
    expect(result).toMatchObject({ ok: false, code: 'VALIDATION' });
    if (result.ok) return;
    expect(Object.keys(result.fieldErrors ?? {}).sort()).toEqual(['color', 'defaultDurationMin', 'levels']);
    expect(await subjectById(id)).toEqual(before);
    expect(await totals()).toEqual(auditBefore);
  });
});

describe('subjects in use', () => {
  it('a subject a student takes cannot be deleted (CONFLICT, row kept, nothing audited) but can be archived', async () => {
    const id = await newSubject();
    await enrol(t.db, { schoolId: w.school.id, studentId: w.student.id, subjectId: id, tutorId: w.tutor.id });
    expect(await subjectDeletionBlockers(admin(), id)).toEqual({ students: 1 });

    asAdmin();
    const result = await deleteSubjectAction({ subjectId: id });
    expect(result).toMatchObject({ ok: false, code: 'CONFLICT', message: 'records.cannotDelete' });
    expect(await subjectById(id)).toBeDefined();
    expect(await auditOf(id, 'subject.delete')).toHaveLength(0);

    expect((await archiveSubjectAction({ subjectId: id })).ok).toBe(true);
    expect((await subjectById(id)).archivedAt).not.toBeNull();
  });

  it('a subject a tutor teaches cannot be deleted either; the list shows both counts', async () => {
    const name = unique('Angielski');
    const id = await newSubject({ name });
    await teach(t.db, { schoolId: w.school.id, tutorId: w.tutor.id, subjectId: id });
    const other = await createStudent(t.db, { schoolId: w.school.id });
    await enrol(t.db, { schoolId: w.school.id, studentId: other.id, subjectId: id });
    await enrol(t.db, { schoolId: w.school.id, studentId: w.student.id, subjectId: id });
    expect(await subjectDeletionBlockers(admin(), id)).toEqual({ students: 2, tutors: 1 });
    const { rows } = await listSubjects(admin(), subjectFilters({ q: name }));
    expect(rows).toEqual([expect.objectContaining({ id, studentCount: 2, tutorCount: 1 })]);
    expect(await getSubject(admin(), id)).toMatchObject({ studentCount: 2, tutorCount: 1 });

    asAdmin();
    expect(await deleteSubjectAction({ subjectId: id })).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(await subjectById(id)).toBeDefined();
  });
});

describe('rooms', () => {
  it('create, update, archive, restore and delete, each with its audit row', async () => {
    asAdmin();
    const name = unique('Sala niebieska');
    const created = await createRoomAction({ name, capacity: 4 });
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    const id = created.data.id;
    expect(await roomById(id)).toMatchObject({ schoolId: w.school.id, name, capacity: 4, isActive: true });

    expect((await updateRoomAction({ roomId: id, name, capacity: 8 })).ok).toBe(true);
    expect((await roomById(id)).capacity).toBe(8);

    expect((await archiveRoomAction({ roomId: id })).ok).toBe(true);
    expect((await roomById(id)).isActive).toBe(false);
    expect((await listRooms(admin(), roomFilters({ q: name }))).rows).toEqual([]);
    expect((await listRooms(admin(), roomFilters({ q: name, status: 'archived' }))).rows.map((r) => r.id)).toEqual([id]);
    expect((await listActiveRooms(admin())).map((r) => r.id)).not.toContain(id);
    expect(await archiveRoomAction({ roomId: id })).toMatchObject({ ok: false, code: 'CONFLICT' });

    expect((await restoreRoomAction({ roomId: id })).ok).toBe(true);
    expect((await roomById(id)).isActive).toBe(true);
    expect((await listRooms(admin(), roomFilters({ q: name }))).rows.map((r) => r.id)).toEqual([id]);

    expect((await deleteRoomAction({ roomId: id })).ok).toBe(true);
    expect(await roomById(id)).toBeUndefined();

    const audit = await auditOf(id);
    expect(audit.map((a) => a.action)).toEqual(['room.create', 'room.update', 'room.archive', 'room.restore', 'room.delete']);
    expect(audit[0].after).toEqual({ name, capacity: 4 });
    expect(audit[1].after).toEqual({ capacity: { old: 4, new: 8 } });
    expect(audit[2]).toMatchObject({ before: { isActive: true }, after: { isActive: false } });
    expect(audit[3]).toMatchObject({ before: { isActive: false }, after: { isActive: true } });
    expect(audit[4]).toMatchObject({ before: { name, capacity: 8 }, after: null });
  });

  it('a duplicate room name is a CONFLICT on the name field', async () => {
    const name = unique('Sala zielona');
    await newRoom({ name });
    const result = await createRoomAction({ name: name.toLowerCase(), capacity: 2 });
    expect(result).toMatchObject({ ok: false, code: 'CONFLICT', fieldErrors: { name: ['catalog.roomNameTaken'] } });
  });

  it.each([0, 101, 2.5])('capacity %s → VALIDATION, nothing written', async (capacity) => {
    asAdmin();
    const before = await totals();
    const result = await createRoomAction({ name: unique('Sala'), capacity });
    expect(result).toMatchObject({ ok: false, code: 'VALIDATION', fieldErrors: { capacity: ['catalog.capacityInvalid'] } });
    expect(await totals()).toEqual(before);
  });

  it('lists sort by capacity and page by 25', async () => {
    const prefix = unique('Pokój');
    for (let i = 1; i <= 27; i++) await createRoom(t.db, { schoolId: w.school.id, name: `${prefix}-${String(i).padStart(2, '0')}`, capacity: (i % 10) + 1 });
    const first = await listRooms(admin(), roomFilters({ q: prefix, sort: 'capacity', dir: 'desc' }));
    expect(first.total).toBe(27);
    expect(first.rows).toHaveLength(25);
    expect(first.rows[0].capacity).toBe(10);
    const capacities = first.rows.map((r) => r.capacity);
    expect(capacities).toEqual([...capacities].sort((a, b) => b - a));
    const second = await listRooms(admin(), roomFilters({ q: prefix, sort: 'capacity', dir: 'desc', page: '2' }));
    expect(second.rows).toHaveLength(2);
    const all = await listRooms(admin(), roomFilters({ q: prefix, page: '2' }), { all: true });
    expect(all.rows).toHaveLength(27);
  });
});

describe('who may do it', () => {
  it('a tutor and a parent get FORBIDDEN for every change, and nothing is written', async () => {
    const subjectId = await newSubject();
    const roomId = await newRoom();
    const before = await totals();
    for (const user of [w.tutor.user!, w.parent.user!]) {
      actAs(viewerOf(user));
      const results = await Promise.all([
        createSubjectAction(subjectInput()),
        updateSubjectAction({ ...subjectInput(), subjectId }),
        archiveSubjectAction({ subjectId }),
        restoreSubjectAction({ subjectId }),
        deleteSubjectAction({ subjectId }),
        createRoomAction({ name: unique('Sala'), capacity: 3 }),
        updateRoomAction({ roomId, name: unique('Sala'), capacity: 3 }),
        archiveRoomAction({ roomId }),
        restoreRoomAction({ roomId }),
        deleteRoomAction({ roomId }),
      ]);
      for (const r of results) expect(r).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    }
    expect(await totals()).toEqual(before);
  });

  it('tutors read the subject picker but not the admin lists; parents read neither', async () => {
    const id = await newSubject();
    const tutor = viewerOf(w.tutor.user!);
    const parent = viewerOf(w.parent.user!);
    expect((await listActiveSubjects(tutor)).map((s) => s.id)).toContain(id);
    expect(await listActiveSubjects(parent)).toEqual([]);
    expect((await listSubjects(tutor, subjectFilters())).rows).toEqual([]);
    expect((await listRooms(tutor, roomFilters())).rows).toEqual([]);
    expect(await getSubject(tutor, id)).toBeUndefined();
  });

  it('an admin of another school gets NOT_FOUND for this school’s subject and room, which stay as they were', async () => {
    const subjectId = await newSubject();
    const roomId = await newRoom();
    const subjectBefore = await subjectById(subjectId);
    const roomBefore = await roomById(roomId);
    const before = await totals();
    actAs(viewerOf(w.sowaAdmin));
    const results = await Promise.all([
      updateSubjectAction({ ...subjectInput(), subjectId }),
      archiveSubjectAction({ subjectId }),
      deleteSubjectAction({ subjectId }),
      updateRoomAction({ roomId, name: unique('Sala'), capacity: 3 }),
      archiveRoomAction({ roomId }),
      deleteRoomAction({ roomId }),
    ]);
    for (const r of results) expect(r).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await subjectById(subjectId)).toEqual(subjectBefore);
    expect(await roomById(roomId)).toEqual(roomBefore);
    expect(await totals()).toEqual(before);
    // Nor does it see them.
    const sowa = viewerOf(w.sowaAdmin);
    expect(await getSubject(sowa, subjectId)).toBeUndefined();
    expect((await listSubjects(sowa, subjectFilters({ q: subjectBefore.name }))).rows).toEqual([]);
    expect((await listActiveSubjects(sowa)).map((s) => s.id)).not.toContain(subjectId);
  });

  it('no session → UNAUTHENTICATED', async () => {
    actAs(null);
    expect(await createSubjectAction(subjectInput())).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
  });
});

describe('search and sort', () => {
  it('search ignores case and Polish letters, and every word must match', async () => {
    const polish = await newSubject({ name: 'Język polski' });
    const german = await newSubject({ name: 'Język niemiecki' });
    const find = async (q: string) => (await listSubjects(admin(), subjectFilters({ q }))).rows.map((r) => r.id);
    expect(await find('jezyk')).toEqual(expect.arrayContaining([polish, german]));
    expect(await find('jezyk')).toHaveLength(2);
    expect(await find('JĘZYK POL')).toEqual([polish]);
    expect(await find('polski jezyk')).toEqual([polish]);
    expect(await find('%')).toEqual([]);
  });

  it('sorts by name in Polish order, or by lesson length', async () => {
    const tag = unique('Sortowanie');
    const names = [`${tag} Łacina`, `${tag} Logika`, `${tag} Zoologia`, `${tag} Lingwistyka`];
    for (const [i, name] of names.entries()) await createSubject(t.db, { schoolId: w.school.id, name, defaultDurationMin: [90, 30, 45, 120][i] });
    const byName = await listSubjects(admin(), subjectFilters({ q: tag }));
    // Polish alphabetical order: Ł is a letter of its own, after L.
    expect(byName.rows.map((r) => r.name)).toEqual([`${tag} Lingwistyka`, `${tag} Logika`, `${tag} Łacina`, `${tag} Zoologia`]);
    const byLength = await listSubjects(admin(), subjectFilters({ q: tag, sort: 'duration', dir: 'desc' }));
    expect(byLength.rows.map((r) => r.defaultDurationMin)).toEqual([120, 90, 45, 30]);
  });

  it('a malformed URL falls back to the defaults instead of failing', () => {
    expect(subjectListFilters.parse({ status: 'gone', sort: 'colour', dir: 'sideways', page: '-3', q: ['a', 'b'] })).toEqual({
      q: undefined,
      status: 'active',
      sort: 'name',
      dir: 'asc',
      page: 1,
    });
  });
});

describe('CSV export', () => {
  it('downloads the list with the page’s filters, as UTF-8 with a BOM, formulas defused; 404 for anyone but an admin', async () => {
    const tag = unique('Eksport');
    const id = await newSubject({ name: `=${tag} Język`, levels: ['primary', 'adult'], defaultDurationMin: 45 });
    await newSubject({ name: `${tag} archiwalny` }).then((archivedId) => archiveSubjectAction({ subjectId: archivedId }));
    await enrol(t.db, { schoolId: w.school.id, studentId: w.student.id, subjectId: id });

    asAdmin();
    const response = await exportSubjects(new Request(`http://localhost/admin/subjects/export?q=${encodeURIComponent(tag)}`));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes).replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe('catalog.subjects.csv.name,catalog.subjects.csv.levels,catalog.subjects.csv.length,catalog.subjects.csv.color,catalog.subjects.csv.students,catalog.subjects.csv.tutors,catalog.subjects.csv.status');
    expect(lines[1]).toBe(`'=${tag} Język,"catalog.levels.primary, catalog.levels.adult",45,#2563eb,1,0,catalog.subjects.statusActive`);

    const archived = await exportSubjects(new Request(`http://localhost/admin/subjects/export?status=archived&q=${encodeURIComponent(tag)}`));
    expect((await archived.text()).trim().split('\r\n')).toHaveLength(2);

    const roomName = unique('Sala eksportowa');
    await newRoom({ name: roomName, capacity: 6 });
    const rooms = await exportRooms(new Request(`http://localhost/admin/rooms/export?q=${encodeURIComponent(roomName)}`));
    expect((await rooms.text()).trim().split('\r\n')[1]).toBe(`${roomName},6,catalog.rooms.statusActive`);

    for (const user of [w.tutor.user!, w.parent.user!]) {
      actAs(viewerOf(user));
      expect((await exportSubjects(new Request('http://localhost/admin/subjects/export'))).status).toBe(404);
      expect((await exportRooms(new Request('http://localhost/admin/rooms/export'))).status).toBe(404);
    }
    actAs(null);
    expect((await exportSubjects(new Request('http://localhost/admin/subjects/export'))).status).toBe(404);
  });
});
