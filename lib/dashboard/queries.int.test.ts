import { describe, expect, it } from 'vitest';
import { emailOutbox } from '@/db/schema';
import { createFamily, createSchool, createStudent, createSubject, createTutor, createUser, enrol } from '@/db/seed/factories';
import { getSchoolOverview } from '@/lib/dashboard/queries';
import { freshTestDatabase } from '@/test/database';
import { viewerOf } from '@/test/viewers';

const t = freshTestDatabase();

describe('school overview', () => {
  it('counts people and what needs attention, for the viewer’s school only', async () => {
    const school = await createSchool(t.db);
    const other = await createSchool(t.db);
    const admin = await createUser(t.db, { schoolId: school.id, role: 'admin' });
    const subject = await createSubject(t.db, { schoolId: school.id });
    const tutor = await createTutor(t.db, { schoolId: school.id });
    await createTutor(t.db, { schoolId: school.id, status: 'on_leave' });
    const family = await createFamily(t.db, { schoolId: school.id, children: 2 });
    await enrol(t.db, { schoolId: school.id, studentId: family.children[0].id, subjectId: subject.id, tutorId: tutor.id });
    await enrol(t.db, { schoolId: school.id, studentId: family.children[1].id, subjectId: subject.id, tutorId: null });
    await createStudent(t.db, { schoolId: school.id }); // a child nobody pays for
    await createStudent(t.db, { schoolId: school.id, level: 'adult', isSelfPayer: true });
    await createStudent(t.db, { schoolId: school.id, status: 'paused' });
    await createStudent(t.db, { schoolId: school.id, status: 'archived' });
    await createUser(t.db, { schoolId: school.id, role: 'tutor', status: 'invited' });
    await t.db.insert(emailOutbox).values({ schoolId: school.id, toAddress: 'x@example.test', subject: 's', template: 'magic-link', html: '', text: '', status: 'failed' });
    await createStudent(t.db, { schoolId: other.id });
    await createUser(t.db, { schoolId: other.id, role: 'parent', status: 'invited' });

    const overview = await getSchoolOverview(viewerOf(admin));
    expect(overview).toEqual({
      students: { active: 4, paused: 1, archived: 1 },
      tutors: { active: 1, onLeave: 1 },
      parents: 1,
      attention: { childrenWithoutPayer: 2, studentsWithoutTutor: 1, pendingInvitations: 1, failedEmails: 1 },
    });
    expect(await getSchoolOverview(viewerOf(tutor.user!))).toBeUndefined();
  });
});
