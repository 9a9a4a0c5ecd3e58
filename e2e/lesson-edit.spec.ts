import { expect, test, type Page } from '@playwright/test';
import { signInWithPassword } from './fixtures/auth';
import { e2eSql } from './fixtures/db';
import { keepScreenshot } from './fixtures/shots';

/**
 * Editing a planned lesson from the calendar. One individual lesson of tutor3 is written
 * straight into the database on a Thursday morning seven weeks ahead, 10:00–11:00 Warsaw
 * (the demo term keeps weekday mornings free), in Sala Czerwona with one student; tutor4
 * teaches in Sala Zielona at the same time, so that room is busy then.
 */
type Plan = {
  monday: string;
  lessonId: string;
  first: { id: string; name: string };
  second: { id: string; name: string };
  subjectId: string;
  roomId: string;
  busyRoom: { id: string; name: string };
};

const LINK = 'https://meet.example.test/edycja-lekcji';

async function plan(): Promise<Plan> {
  const sql = e2eSql();
  try {
    const tutor = async (email: string) => (await sql`select t.id, t.school_id from tutors t join users u on u.id = t.user_id where u.email = ${email}`)[0];
    const [own, other] = [await tutor('tutor3@demo.tutorhub.pl'), await tutor('tutor4@demo.tutorhub.pl')];
    const school = own.school_id as string;
    // Two active students whose names are unique in the school (the picker is searched by name):
    // one tutor3 teaches, and another.
    const unique = sql`
      select s.id, s.first_name || ' ' || s.last_name as name from students s
       where s.school_id = ${school} and s.status = 'active'
         and (select count(*) from students x where x.school_id = s.school_id and x.first_name = s.first_name and x.last_name = s.last_name) = 1`;
    const [first] = await sql`
      select u.id, u.name, ss.subject_id from (${unique}) u join student_subjects ss on ss.student_id = u.id
       where ss.tutor_id = ${own.id} order by u.id, ss.subject_id limit 1`;
    const [second] = await sql`select u.id, u.name from (${unique}) u where u.id <> ${first.id} order by u.id limit 1`;
    const room = async (name: string) => (await sql`select id, name from rooms where school_id = ${school} and name = ${name}`)[0];
    const [red, green] = [await room('Sala Czerwona'), await room('Sala Zielona')];
    const [{ monday }] = await sql`select to_char(date_trunc('week', (now() at time zone 'Europe/Warsaw') + interval '49 days'), 'YYYY-MM-DD') as monday`;
    const slot = sql`tstzrange((${monday}::date + 3 + time '10:00')::timestamp at time zone 'Europe/Warsaw', (${monday}::date + 3 + time '11:00')::timestamp at time zone 'Europe/Warsaw', '[)')`;

    const lessonId = await sql.begin(async (tx) => {
      // A rerun on the same database starts from the same two lessons: clear whatever holds
      // these tutors, rooms or students in that hour.
      await tx`
        delete from lessons l
         where l.during && ${slot}
           and (l.tutor_id in (${own.id}, ${other.id}) or l.room_id in (${red.id}, ${green.id})
                or exists (select 1 from lesson_students ls where ls.lesson_id = l.id and ls.student_id in (${first.id}, ${second.id})))`;
      const [l] = await tx`
        insert into lessons (school_id, tutor_id, subject_id, room_id, during, kind, capacity)
        values (${school}, ${own.id}, ${first.subject_id}, ${red.id}, ${slot}, 'individual', 1) returning id`;
      await tx`insert into lesson_students (school_id, lesson_id, student_id) values (${school}, ${l.id}, ${first.id})`;
      await tx`
        insert into lessons (school_id, tutor_id, subject_id, room_id, during, kind, capacity)
        values (${school}, ${other.id}, ${first.subject_id}, ${green.id}, ${slot}, 'individual', 1)`;
      return l.id as string;
    });
    return { monday, lessonId, first: { id: first.id, name: first.name }, second: { id: second.id, name: second.name }, subjectId: first.subject_id, roomId: red.id, busyRoom: { id: green.id, name: green.name } };
  } finally {
    await sql.end();
  }
}

/** The lesson as the database has it: place, kind, places and students (ids, sorted). */
async function stateOf(id: string) {
  const sql = e2eSql();
  try {
    const [row] = await sql`
      select l.room_id, l.meeting_url, l.kind, l.capacity, l.status,
             coalesce((select array_agg(ls.student_id::text order by ls.student_id) from lesson_students ls where ls.lesson_id = l.id), '{}') as students
        from lessons l where l.id = ${id}`;
    return { roomId: row.room_id, meetingUrl: row.meeting_url, kind: row.kind, capacity: row.capacity, status: row.status, students: row.students as string[] };
  } finally {
    await sql.end();
  }
}

/** Opens the lesson's dialog, then its edit form. `shot` saves the dialog before editing. */
async function openEdit(page: Page, lessonId: string, shot?: string) {
  await page.locator(`[data-lesson-id="${lessonId}"]`).click();
  const detail = page.getByTestId('lesson-detail');
  await expect(detail).toBeVisible();
  // Let the dialog finish fading in before it is photographed.
  if (shot) await page.waitForTimeout(300).then(() => keepScreenshot(page, { path: shot }));
  await detail.getByRole('button', { name: 'Edytuj' }).click();
  const form = page.getByTestId('edit-lesson-form');
  await expect(form).toBeVisible();
  return { detail, form };
}

test('an admin makes a lesson an online group with a second student, then reads why a busy room is refused', async ({ browser }) => {
  const p = await plan();
  const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  await signInWithPassword(page, 'admin@demo.tutorhub.pl');
  await page.waitForURL(/\/admin$/);
  await page.goto(`/admin/calendar?date=${p.monday}&view=week`);
  await expect(page.locator(`[data-lesson-id="${p.lessonId}"]`)).toBeVisible();

  // The form opens with the lesson as it is.
  let { detail, form } = await openEdit(page, p.lessonId, 'e2e/.screens/lesson-edit/detail-1280-light.png');
  await expect(form.locator('#edit-subject')).toHaveValue(p.subjectId);
  await expect(form.locator('#edit-place')).toHaveValue(p.roomId);
  await expect(form.locator('#edit-kind')).toHaveValue('individual');
  await expect(form.getByRole('button', { name: `${p.first.name} ×` })).toBeVisible();
  await keepScreenshot(page, { path: 'e2e/.screens/lesson-edit/edit-1280-light.png' });

  // Online with a link, a group of four, and a second student.
  await form.locator('#edit-place').selectOption('online');
  await form.locator('#edit-url').fill(LINK);
  await form.locator('#edit-kind').selectOption('group');
  await form.locator('#edit-capacity').fill('4');
  await form.locator('#edit-students').fill(p.second.name);
  await form.getByLabel(p.second.name, { exact: true }).check();
  await form.getByRole('button', { name: 'Zapisz zmiany' }).click();
  await expect(page.getByText('Lekcja zmieniona.')).toBeVisible();

  // Back on the lesson, as the refreshed feed has it.
  await expect(detail).toContainText(p.second.name);
  await expect(detail).toContainText('2 z 4 miejsc');
  await expect(detail.getByRole('link', { name: 'Dołącz do spotkania' })).toHaveAttribute('href', LINK);
  expect(await stateOf(p.lessonId)).toEqual({ roomId: null, meetingUrl: LINK, kind: 'group', capacity: 4, status: 'scheduled', students: [p.first.id, p.second.id].sort() });

  // Still so after a reload.
  await page.reload();
  await page.locator(`[data-lesson-id="${p.lessonId}"]`).click();
  detail = page.getByTestId('lesson-detail');
  await expect(detail).toContainText(p.first.name);
  await expect(detail).toContainText(p.second.name);
  await expect(detail).toContainText('Grupowa');
  await expect(detail).toContainText('2 z 4 miejsc');

  // Into a room that is busy then: refused with the reason, nothing changes.
  await detail.getByRole('button', { name: 'Edytuj' }).click();
  form = page.getByTestId('edit-lesson-form');
  await form.locator('#edit-place').selectOption(p.busyRoom.id);
  await form.getByRole('button', { name: 'Zapisz zmiany' }).click();
  await expect(form.getByText(`${p.busyRoom.name} jest zajęta w godz. 10:00–11:00`)).toBeVisible();
  await keepScreenshot(page, { path: 'e2e/.screens/lesson-edit/clash-1280-light.png' });
  expect(await stateOf(p.lessonId)).toMatchObject({ roomId: null, meetingUrl: LINK, kind: 'group' });

  // Back, and the lesson is as it was.
  await form.getByRole('button', { name: 'Wróć' }).click();
  await expect(page.getByTestId('lesson-detail').getByRole('link', { name: 'Dołącz do spotkania' })).toBeVisible();
  await page.close();
});

test('the edit form fits a phone', async ({ browser }) => {
  const p = await plan();
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await signInWithPassword(page, 'admin@demo.tutorhub.pl');
  await page.waitForURL(/\/admin$/);
  await page.goto(`/admin/calendar?date=${p.monday}`);
  await expect(page.locator(`[data-lesson-id="${p.lessonId}"]`)).toBeVisible();
  const { form } = await openEdit(page, p.lessonId, 'e2e/.screens/lesson-edit/detail-390-light.png');
  // The buttons are full width and tall enough to tap.
  const save = form.getByRole('button', { name: 'Zapisz zmiany' });
  expect((await save.boundingBox())!.height).toBeGreaterThanOrEqual(44);
  await form.locator('#edit-place').selectOption('online');
  await expect(form.locator('#edit-url')).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await keepScreenshot(page, { path: 'e2e/.screens/lesson-edit/edit-390-light.png' });
  // The saved lesson, back in its dialog, at phone width.
  await form.locator('#edit-url').fill(LINK);
  await save.click();
  await expect(page.getByText('Lekcja zmieniona.')).toBeVisible();
  await expect(page.getByTestId('lesson-detail').getByRole('link', { name: 'Dołącz do spotkania' })).toBeVisible();
  await keepScreenshot(page, { path: 'e2e/.screens/lesson-edit/saved-390-light.png' });
  await context.close();
});
