import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { auditLog } from '@/db/schema';
import { createLesson, createParent, createRoom, createSchool, createStudent, createSubject, createTutor, createUser } from '@/db/seed/factories';
import { systemActor, writeAudit, type AuditActor } from '@/lib/audit';
import { moveLessonAction } from '@/lib/lessons/actions';
import { actAs, testMeta } from '@/test/mocks/viewer';
import { freshTestDatabase } from '@/test/database';
import { viewerOf } from '@/test/viewers';
import { getAuditRecordName, listAuditEntries, listAuditPeople, listRecentAudit, listRecordHistory } from './queries';
import { auditFilters } from './schema';

const t = freshTestDatabase();

let w: Awaited<ReturnType<typeof build>>;
async function build() {
  const school = await createSchool(t.db, { name: 'Na Piątkę' });
  const sowa = await createSchool(t.db, { name: 'Sowa' });
  const admin = await createUser(t.db, { schoolId: school.id, role: 'admin', name: 'Ewa Dyrektor' });
  const anna = await createTutor(t.db, { schoolId: school.id, firstName: 'Anna', lastName: 'Kowalczyk', withLogin: true });
  const math = await createSubject(t.db, { schoolId: school.id, name: 'Matematyka' });
  const room = await createRoom(t.db, { schoolId: school.id, name: 'Sala 2' });
  const ola = await createStudent(t.db, { schoolId: school.id, firstName: 'Ola', lastName: 'Nowak' });
  const mama = await createParent(t.db, { schoolId: school.id, firstName: 'Beata', lastName: 'Nowak', withLogin: true });
  const lesson = await createLesson(t.db, { schoolId: school.id, tutorId: anna.id, subjectId: math.id, roomId: room.id, start: '2027-03-02T15:00:00Z', studentIds: [ola.id] });
  const sowaAdmin = await createUser(t.db, { schoolId: sowa.id, role: 'admin', name: 'Sowa Admin' });
  const sowaRoom = await createRoom(t.db, { schoolId: sowa.id, name: 'Sala Sowy' });
  const sowaStudent = await createStudent(t.db, { schoolId: sowa.id, firstName: 'Obcy', lastName: 'Uczeń' });
  return { school, sowa, admin, anna, math, room, ola, mama, lesson, sowaAdmin, sowaRoom, sowaStudent };
}

const person = (u: { id: string; role: AuditActor['role']; schoolId: string }): AuditActor => ({ userId: u.id, role: u.role, schoolId: u.schoolId, ...testMeta });
const filters = (q: Record<string, string> = {}) => auditFilters.parse(q);

beforeAll(async () => {
  w = await build();
  // The lesson is moved for real, through the action an admin's drag calls.
  actAs(viewerOf(w.admin));
  expect(await moveLessonAction({ lessonId: w.lesson.id, start: '2027-03-03T15:00:00.000Z', end: '2027-03-03T16:00:00.000Z', overrideAvailability: true })).toMatchObject({ ok: true });
  actAs(null);
  await writeAudit(t.db, person(w.anna.user!), { action: 'lesson.update', entityType: 'lesson', entityId: w.lesson.id, before: { roomId: w.room.id, capacity: 1 }, after: { roomId: null, capacity: 4 } });
  await writeAudit(t.db, person(w.admin), { action: 'student.update', entityType: 'student', entityId: w.ola.id, after: { phone: { old: '600100200', new: '600100300' } } });
  await writeAudit(t.db, person(w.mama.user!), { action: 'cancellation.request', entityType: 'cancellation_request', entityId: crypto.randomUUID(), after: { lessonId: w.lesson.id, studentId: w.ola.id, reason: 'Choroba', late: false } });
  await writeAudit(t.db, systemActor({ system: 'monthly-billing', schoolId: w.school.id }), { action: 'invoice.issue', entityType: 'invoice', entityId: crypto.randomUUID(), after: { gross: 14950 } });
  // Sowa's trail: the same kinds of entries, and one that names Na Piątkę's student by id.
  await writeAudit(t.db, person(w.sowaAdmin), { action: 'lesson.update', entityType: 'lesson', entityId: w.lesson.id, before: { roomId: w.sowaRoom.id }, after: { roomId: null } });
  await writeAudit(t.db, person(w.sowaAdmin), { action: 'student.update', entityType: 'student', entityId: w.sowaStudent.id, after: { phone: { old: '1', new: '2' } } });
  // And a Na Piątkę entry that carries another school's room id (it must stay an id, not a name).
  await writeAudit(t.db, person(w.admin), { action: 'room.update', entityType: 'room', entityId: w.room.id, after: { roomId: { old: w.sowaRoom.id, new: w.room.id } } });
});
beforeEach(() => actAs(null));

describe('the audit trail of a school', () => {
  it('shows the school’s entries newest first, never another school’s', async () => {
    const page = await listAuditEntries(viewerOf(w.admin), filters());
    expect(page.entries.map((e) => e.action)).toEqual(['room.update', 'invoice.issue', 'cancellation.request', 'student.update', 'lesson.update', 'lesson.move']);
    expect(page.entries.every((e) => e.actor.kind !== 'person' || e.actor.name !== 'Sowa Admin')).toBe(true);
    expect(page).toMatchObject({ older: null, newer: null });

    const sowa = await listAuditEntries(viewerOf(w.sowaAdmin), filters());
    expect(sowa.entries.map((e) => e.action)).toEqual(['student.update', 'lesson.update']);
    // Sowa's entry names a lesson id of Na Piątkę: it is not resolved for Sowa.
    expect(sowa.entries[1].record).toBeNull();
    expect(sowa.entries[1].changes[0]).toMatchObject({ field: 'roomId', old: { kind: 'ref', label: 'Sala Sowy' } });
    expect(await listAuditEntries(viewerOf(w.sowaAdmin), filters({ entityType: 'lesson', entityId: w.lesson.id }))).toMatchObject({ entries: [{ action: 'lesson.update' }] });
  });

  it('resolves names: the actor’s, the record’s and the ids inside the change', async () => {
    const [room, invoice, cancellation, student, update, move] = (await listAuditEntries(viewerOf(w.admin), filters())).entries;
    expect(move.actor).toEqual({ kind: 'person', userId: w.admin.id, name: 'Ewa Dyrektor', role: 'admin' });
    expect(move.record).toEqual({ label: 'Matematyka, 03.03.2027 16:00', href: '/admin/calendar?date=2027-03-03' });
    expect(move.changes).toEqual([
      { field: 'start', old: { kind: 'instant', iso: '2027-03-02T15:00:00.000Z' }, new: { kind: 'instant', iso: '2027-03-03T15:00:00.000Z' } },
      { field: 'end', old: { kind: 'instant', iso: '2027-03-02T16:00:00.000Z' }, new: { kind: 'instant', iso: '2027-03-03T16:00:00.000Z' } },
    ]);
    // A tutor's account is called by the tutor's name.
    expect(update.actor).toMatchObject({ kind: 'person', name: 'Anna Kowalczyk', role: 'tutor' });
    expect(update.changes).toEqual([
      { field: 'roomId', old: { kind: 'ref', id: w.room.id, label: 'Sala 2', href: '/admin/rooms' }, new: { kind: 'empty' } },
      { field: 'capacity', old: { kind: 'number', value: 1 }, new: { kind: 'number', value: 4 } },
    ]);
    expect(student.record).toEqual({ label: 'Ola Nowak', href: `/admin/students/${w.ola.id}` });
    expect(student.changes).toEqual([{ field: 'phone', old: { kind: 'text', text: '600100200' }, new: { kind: 'text', text: '600100300' } }]);
    expect(cancellation.actor).toMatchObject({ name: 'Beata Nowak', role: 'parent' });
    expect(cancellation.changes.find((c) => c.field === 'studentId')?.new).toMatchObject({ kind: 'ref', label: 'Ola Nowak' });
    expect(cancellation.changes.find((c) => c.field === 'lessonId')?.new).toMatchObject({ kind: 'ref', label: 'Matematyka, 03.03.2027 16:00' });
    expect(invoice.actor).toEqual({ kind: 'job', job: 'monthly-billing' });
    expect(invoice.record).toBeNull(); // no such invoice in the school
    expect(invoice.changes).toEqual([{ field: 'gross', old: { kind: 'empty' }, new: { kind: 'money', grosze: 14950 } }]);
    // Another school's room id stays an id.
    expect(room.changes[0]).toEqual({ field: 'roomId', old: { kind: 'text', text: w.sowaRoom.id }, new: { kind: 'ref', id: w.room.id, label: 'Sala 2', href: '/admin/rooms' } });
  });

  it('filters by person, job, record, action or group, and dates in the school’s time zone', async () => {
    const v = viewerOf(w.admin);
    const actions = async (q: Record<string, string>) => (await listAuditEntries(v, filters(q))).entries.map((e) => e.action);
    expect(await actions({ actor: w.anna.user!.id })).toEqual(['lesson.update']);
    expect(await actions({ actor: w.sowaAdmin.id })).toEqual([]);
    expect(await actions({ actor: 'job:monthly-billing' })).toEqual(['invoice.issue']);
    expect(await actions({ entityType: 'lesson', entityId: w.lesson.id })).toEqual(['lesson.update', 'lesson.move']);
    expect(await actions({ action: 'lesson.move' })).toEqual(['lesson.move']);
    expect(await actions({ action: 'lesson.*' })).toEqual(['lesson.update', 'lesson.move']);
    expect(await actions({ action: 'student.*', actor: w.admin.id })).toEqual(['student.update']);
    // A filter that is not one is dropped, never an error.
    expect(filters({ action: 'drop table', actor: 'nobody', from: '2026-02-31', entityId: "x' or 1=1" })).toEqual(filters());

    // Dates are whole days in Warsaw: an entry at 23:30 UTC on 1 March is on 2 March there.
    const at = new Date('2027-03-01T23:30:00Z');
    await t.db.insert(auditLog).values({ schoolId: w.school.id, actorUserId: w.admin.id, actorRole: 'admin', action: 'room.archive', entityType: 'room', entityId: w.room.id, createdAt: at });
    expect(await actions({ action: 'room.archive', from: '2027-03-02', to: '2027-03-02' })).toEqual(['room.archive']);
    expect(await actions({ action: 'room.archive', from: '2027-03-01', to: '2027-03-01' })).toEqual([]);
    expect(await actions({ action: 'room.archive', from: '2027-03-03', to: '2027-03-01' })).toEqual(['room.archive']); // swapped
  });

  it('pages by id, 50 at a time, and a page stays put while new entries are written', async () => {
    const v = viewerOf(w.admin);
    for (let i = 0; i < 120; i++) {
      await writeAudit(t.db, person(w.admin), { action: 'subject.update', entityType: 'subject', entityId: w.math.id, after: { name: { old: `M${i}`, new: `M${i + 1}` } } });
    }
    const q = { entityType: 'subject', entityId: w.math.id };
    const first = await listAuditEntries(v, filters(q));
    expect(first.entries).toHaveLength(50);
    expect(first.newer).toBeNull();
    expect(first.entries[0].changes[0].new).toEqual({ kind: 'text', text: 'M120' });
    const second = await listAuditEntries(v, filters({ ...q, before: String(first.older) }));
    expect(second.entries[0].id).toBeLessThan(first.entries[49].id);
    expect(second.entries).toHaveLength(50);
    // New entries meanwhile do not shift the older pages.
    await writeAudit(t.db, person(w.admin), { action: 'subject.update', entityType: 'subject', entityId: w.math.id, after: { name: { old: 'M120', new: 'M121' } } });
    const third = await listAuditEntries(v, filters({ ...q, before: String(second.older) }));
    expect(third.entries).toHaveLength(20);
    expect(third.older).toBeNull();
    expect(third.newer).toBe(third.entries[0].id);
    const seen = [...first.entries, ...second.entries, ...third.entries].map((e) => e.id);
    expect(new Set(seen).size).toBe(120);
    // "Newer" from the third page gives back the second page, exactly.
    const back = await listAuditEntries(v, filters({ ...q, after: String(third.newer) }));
    expect(back.entries.map((e) => e.id)).toEqual(second.entries.map((e) => e.id));
    expect(back.older).toBe(second.older);
    // And from the second page, "newer" is the first page again; the entry written since is newer still.
    const top = await listAuditEntries(v, filters({ ...q, after: String(back.newer) }));
    expect(top.entries.map((e) => e.id)).toEqual(first.entries.map((e) => e.id));
    const newest = await listAuditEntries(v, filters({ ...q, after: String(top.newer) }));
    expect(newest.entries.map((e) => e.changes[0].new)).toEqual([{ kind: 'text', text: 'M121' }]);
    expect(newest.newer).toBeNull();
  });

  it('gives a record’s history, the recent activity and the people to pick, to admins only', async () => {
    const admin = viewerOf(w.admin);
    const history = await listRecordHistory(admin, 'lesson', w.lesson.id);
    expect(history.map((e) => e.action)).toEqual(['lesson.update', 'lesson.move']);
    expect((await listRecentAudit(admin, 3)).length).toBe(3);
    expect(await getAuditRecordName(admin, 'student', w.ola.id)).toEqual({ label: 'Ola Nowak', href: `/admin/students/${w.ola.id}` });
    expect(await getAuditRecordName(admin, 'student', w.sowaStudent.id)).toBeNull();
    const people = await listAuditPeople(admin, w.mama.user!.id);
    expect(people.map((p) => p.name)).toEqual(expect.arrayContaining(['Ewa Dyrektor', 'Beata Nowak']));
    expect(people.map((p) => p.name)).not.toContain('Sowa Admin');
    expect(await listAuditPeople(admin, w.sowaAdmin.id)).not.toContainEqual(expect.objectContaining({ id: w.sowaAdmin.id }));

    const tutor = viewerOf(w.anna.user!);
    expect(await listAuditEntries(tutor, filters())).toEqual({ entries: [], older: null, newer: null });
    expect(await listRecordHistory(tutor, 'lesson', w.lesson.id)).toEqual([]);
    expect(await listRecentAudit(tutor)).toEqual([]);
  });
});
