import { expect, test } from '@playwright/test';
import { expectHome, signInWithPassword } from './fixtures/auth';
import { clearSlot, e2eSql, startedToday } from './fixtures/db';

type Pick = { tutorId: string; schoolId: string; subjectId: string; subjectName: string; students: { id: string; firstName: string; lastName: string; email: string }[] };

/**
 * A lesson of tutor1's happening now (started 30 minutes ago or at midnight, ending in 30), in a room, with
 * two of tutor1's students who have logins. The demo term's lessons in that hour for them are
 * cancelled first (clearSlot); the database refuses overlaps, so a few rooms and earlier slots
 * are still tried in case another journey booked one of them meanwhile.
 */
async function lessonNow(): Promise<Pick & { lessonId: string }> {
  const sql = e2eSql();
  try {
    const [tutor] = await sql`select t.id, t.school_id from tutors t join users u on u.id = t.user_id where u.email = 'tutor1@demo.tutorhub.pl'`;
    const pairs = await sql`
      select ss.subject_id, sub.name as subject_name, s.id, s.first_name, s.last_name, u.email
        from student_subjects ss join students s on s.id = ss.student_id join users u on u.id = s.user_id join subjects sub on sub.id = ss.subject_id
       where ss.tutor_id = ${tutor.id} and s.status = 'active' and u.status = 'active'
       order by ss.subject_id, s.id`;
    const bySubject = new Map<string, (typeof pairs)[number][]>();
    for (const p of pairs) bySubject.set(p.subject_id, [...(bySubject.get(p.subject_id) ?? []), p]);
    const rooms = await sql`select id from rooms where school_id = ${tutor.school_id} and is_active and capacity >= 2 order by name`;
    for (const [subjectId, list] of bySubject) {
      for (let i = 0; i + 1 < list.length; i += 2) {
        for (const room of rooms) {
          for (const back of [30, 40, 50]) {
            try {
              const from = await startedToday(sql, back);
              await clearSlot(sql, {
                from: new Date(from.getTime() - 60_000),
                to: new Date(Date.now() + 31 * 60_000),
                tutorIds: [tutor.id],
                roomIds: [room.id],
                studentIds: [list[i].id, list[i + 1].id],
              });
              const lessonId = await sql.begin(async (tx) => {
                const [l] = await tx`
                  insert into lessons (school_id, tutor_id, subject_id, room_id, during, kind, capacity)
                  values (${tutor.school_id}, ${tutor.id}, ${subjectId}, ${room.id},
                          tstzrange(${from}::timestamptz, now() + interval '30 minutes', '[)'), 'group', 2)
                  returning id`;
                await tx`insert into lesson_students (school_id, lesson_id, student_id) values (${tutor.school_id}, ${l.id}, ${list[i].id}), (${tutor.school_id}, ${l.id}, ${list[i + 1].id})`;
                return l.id as string;
              });
              const students = [list[i], list[i + 1]].map((s) => ({ id: s.id, firstName: s.first_name, lastName: s.last_name, email: s.email }));
              return { lessonId, tutorId: tutor.id, schoolId: tutor.school_id, subjectId, subjectName: list[0].subject_name, students };
            } catch (err) {
              if ((err as { code?: string }).code !== '23P01') throw err; // someone is busy then: try another slot
            }
          }
        }
      }
    }
    throw new Error('no free slot for tutor1 and two of their students');
  } finally {
    await sql.end();
  }
}

test('a tutor marks attendance from "Today"; the lesson completes; the student reads the topic in their progress', async ({ browser }) => {
  const lesson = await lessonNow();
  const [first, second] = lesson.students;
  const name = (s: { firstName: string; lastName: string }) => `${s.firstName} ${s.lastName}`;
  const topic = `Ułamki dziesiętne ${Date.now().toString(36)}`;

  const tutor = await browser.newPage();
  await signInWithPassword(tutor, 'tutor1@demo.tutorhub.pl');
  await expectHome(tutor, '/tutor');
  await expect(tutor.getByRole('heading', { name: 'Dziś' })).toBeVisible();
  const card = tutor.locator(`[data-lesson-id="${lesson.lessonId}"]`);
  await expect(card).toBeVisible();
  await expect(card.getByRole('heading')).toContainText(lesson.subjectName);
  await expect(card.getByTestId('lesson-status')).toHaveText('Zaplanowana');

  const firstRow = card.getByRole('group', { name: `Obecność: ${name(first)}` });
  const secondRow = card.getByRole('group', { name: `Obecność: ${name(second)}` });
  await firstRow.getByRole('button', { name: 'Obecny', exact: true }).click();
  await expect(firstRow.getByRole('button', { name: 'Obecny', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await expect(tutor.getByText(`${name(first)}: Obecny.`)).toBeVisible();
  await expect(card.getByTestId('lesson-status')).toHaveText('Zaplanowana');

  await secondRow.getByRole('button', { name: 'Nieobecny', exact: true }).click();
  await expect(tutor.getByText(`${name(second)}: Nieobecny. Lekcja zakończona.`)).toBeVisible();
  await expect(card.getByTestId('lesson-status')).toHaveText('Zakończona');

  // The topic and homework, folded under the students.
  await card.getByRole('button', { name: 'Temat i zadanie domowe' }).click();
  await card.getByLabel('Temat lekcji').fill(topic);
  await card.getByLabel('Zadanie domowe').fill('Zbiór zadań, str. 42, zad. 1–5');
  await card.getByRole('button', { name: 'Zapisz' }).click();
  await expect(tutor.getByText('Zapisano temat i zadanie domowe.')).toBeVisible();

  // A reload keeps everything: marks, the completed lesson, the topic.
  await tutor.reload();
  const again = tutor.locator(`[data-lesson-id="${lesson.lessonId}"]`);
  await expect(again.getByTestId('lesson-status')).toHaveText('Zakończona');
  await expect(again.getByRole('group', { name: `Obecność: ${name(first)}` }).getByRole('button', { name: 'Obecny', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await expect(again.getByRole('group', { name: `Obecność: ${name(second)}` }).getByRole('button', { name: 'Nieobecny', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await expect(again.getByRole('group', { name: `Obecność: ${name(second)}` }).getByRole('button', { name: 'Obecny', exact: true })).toHaveAttribute('aria-pressed', 'false');
  await expect(again.getByRole('button', { name: `Temat: ${topic}` })).toBeVisible();

  // A later change is allowed (and audited).
  await again.getByRole('group', { name: `Obecność: ${name(second)}` }).getByRole('button', { name: 'Usprawiedliwiony', exact: true }).click();
  await expect(tutor.getByText(`${name(second)}: Usprawiedliwiony.`)).toBeVisible();
  const sql = e2eSql();
  try {
    const audit = await sql`select action, before, after from audit_log where entity_id = ${lesson.lessonId} order by id`;
    expect(audit.map((a) => a.action)).toEqual(['attendance.mark', 'attendance.mark', 'lesson.complete', 'lesson_notes.create', 'attendance.change']);
    expect(audit[4].before).toMatchObject({ status: 'absent' });
  } finally {
    await sql.end();
  }
  await tutor.close();

  // The student reads it in their progress history.
  const student = await browser.newPage();
  await signInWithPassword(student, first.email);
  await expectHome(student, '/student');
  const entry = student.getByTestId('progress-entry').filter({ hasText: topic });
  await expect(entry).toBeVisible();
  await expect(entry).toContainText('Obecny');
  await expect(entry).toContainText('str. 42, zad. 1–5');
  await expect(student.getByTestId('attendance-rate')).toContainText('Frekwencja');
  await student.close();

  // The office sees the month.
  const admin = await browser.newPage();
  await signInWithPassword(admin, 'admin@demo.tutorhub.pl');
  await expectHome(admin, '/admin');
  await admin.getByRole('link', { name: 'Obecność' }).first().click();
  await expect(admin.getByTestId('attendance-title')).toHaveText('Obecność');
  await expect(admin.getByTestId('attendance-students').getByRole('row', { name: new RegExp(name(first)) })).toBeVisible();
  await admin.close();
});
