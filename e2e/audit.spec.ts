import { expect, test, type Page } from '@playwright/test';
import { signInWithPassword } from './fixtures/auth';
import { e2eSql } from './fixtures/db';
import { keepScreenshot } from './fixtures/shots';

/**
 * The audit trail from the office's side: the admin changes a lesson in the calendar (online,
 * with a link, instead of Sala Czerwona), opens Dziennik zmian filtered to that lesson and reads
 * their own name and the change, field by field. A student's record page ends with its history.
 * The lesson is written straight into the database on a Tuesday morning eight weeks ahead
 * (10:00–11:00 Warsaw, a time the demo term keeps free), for tutor5 with one of their students.
 */
const SHOTS = process.env.E2E_SHOTS_DIR ?? 'e2e/.screens/audit';
const LINK = 'https://meet.example.test/dziennik-zmian';

async function plan() {
  const sql = e2eSql();
  try {
    const [tutor] = await sql`select t.id, t.school_id from tutors t join users u on u.id = t.user_id where u.email = 'tutor5@demo.tutorhub.pl'`;
    const school = tutor.school_id as string;
    const [admin] = await sql`select id, name from users where email = 'admin@demo.tutorhub.pl'`;
    const [student] = await sql`
      select s.id, s.first_name || ' ' || s.last_name as name, ss.subject_id from students s join student_subjects ss on ss.student_id = s.id
       where ss.tutor_id = ${tutor.id} and s.status = 'active' order by s.id limit 1`;
    const [room] = await sql`select id, name from rooms where school_id = ${school} and name = 'Sala Czerwona'`;
    const [{ monday }] = await sql`select to_char(date_trunc('week', (now() at time zone 'Europe/Warsaw') + interval '56 days'), 'YYYY-MM-DD') as monday`;
    const slot = sql`tstzrange((${monday}::date + 1 + time '10:00')::timestamp at time zone 'Europe/Warsaw', (${monday}::date + 1 + time '11:00')::timestamp at time zone 'Europe/Warsaw', '[)')`;
    const lessonId = await sql.begin(async (tx) => {
      await tx`
        delete from lessons l where l.during && ${slot}
           and (l.tutor_id = ${tutor.id} or l.room_id = ${room.id} or exists (select 1 from lesson_students ls where ls.lesson_id = l.id and ls.student_id = ${student.id}))`;
      const [l] = await tx`
        insert into lessons (school_id, tutor_id, subject_id, room_id, during, kind, capacity)
        values (${school}, ${tutor.id}, ${student.subject_id}, ${room.id}, ${slot}, 'individual', 1) returning id`;
      await tx`insert into lesson_students (school_id, lesson_id, student_id) values (${school}, ${l.id}, ${student.id})`;
      // A change to the student's phone, as the records page would have written it.
      await tx`
        insert into audit_log (school_id, actor_user_id, actor_role, action, entity_type, entity_id, after)
        values (${school}, ${admin.id}, 'admin', 'student.update', 'student', ${student.id}, ${sql.json({ phone: { old: '600100200', new: '600100300' } })})`;
      return l.id as string;
    });
    return { monday, lessonId, adminName: admin.name as string, student: { id: student.id as string, name: student.name as string }, room: room.name as string };
  } finally {
    await sql.end();
  }
}

async function noSidewaysScroll(page: Page, width: number) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
}

test('the admin changes a lesson and reads the change, with their name, in Dziennik zmian', async ({ browser }) => {
  const p = await plan();
  const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  await signInWithPassword(page, 'admin@demo.tutorhub.pl');
  await page.waitForURL(/\/admin$/);

  // The change, through the calendar's edit form.
  await page.goto(`/admin/calendar?date=${p.monday}&view=week`);
  await page.locator(`[data-lesson-id="${p.lessonId}"]`).click();
  const detail = page.getByTestId('lesson-detail');
  await detail.getByRole('button', { name: 'Edytuj' }).click();
  const form = page.getByTestId('edit-lesson-form');
  await form.locator('#edit-place').selectOption('online');
  await form.locator('#edit-url').fill(LINK);
  await form.getByRole('button', { name: 'Zapisz zmiany' }).click();
  await expect(page.getByText('Lekcja zmieniona.')).toBeVisible();

  // The menu leads to the trail; the dashboard's recent activity already shows the change.
  await page.goto('/admin');
  await expect(page.getByTestId('recent-activity')).toContainText('Zmiana lekcji');
  await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Dziennik zmian' }).click();
  await expect(page.getByTestId('audit-title')).toHaveText('Dziennik zmian');

  // Filtered to the lesson: the admin's own name, the phrase, and the diff in words.
  await page.goto(`/admin/audit?entityType=lesson&entityId=${p.lessonId}`);
  await expect(page.getByTestId('audit-record-filter')).toContainText('Lekcja');
  const entries = page.getByTestId('audit-entry');
  await expect(entries).toHaveCount(1);
  const entry = entries.first();
  await expect(entry).toContainText(p.adminName);
  await expect(entry.getByTestId('audit-action')).toHaveText('Zmiana lekcji');
  await entry.getByText(/^Szczegóły/).click();
  const diff = entry.getByTestId('audit-diff').getByRole('table');
  await expect(diff.getByRole('row', { name: /Sala/ })).toContainText(p.room);
  await expect(diff.getByRole('row', { name: /Link do spotkania/ })).toContainText(LINK);
  await expect(diff).not.toContainText(p.lessonId);
  await noSidewaysScroll(page, 1280);
  await keepScreenshot(page, { path: `${SHOTS}/audit-lesson-1280.png`, fullPage: true });

  // The action filter, from the form: only lesson changes by this admin.
  await page.goto('/admin/audit');
  await page.locator('#action').selectOption('lesson.*');
  await page.getByRole('button', { name: 'Filtruj' }).click();
  await expect(page).toHaveURL(/action=lesson\.\*/);
  await expect(entries.first().getByTestId('audit-action')).toHaveText(/lekcji/);
  await keepScreenshot(page, { path: `${SHOTS}/audit-list-1280.png` });

  // A student's page ends with its history, which leads to the full trail.
  await page.goto(`/admin/students/${p.student.id}`);
  const history = page.getByTestId('record-history');
  await expect(history).toContainText('Zmiana danych ucznia');
  await history.getByText(/^Szczegóły/).first().click();
  await expect(history).toContainText('600100300');
  await history.scrollIntoViewIfNeeded();
  await keepScreenshot(page, { path: `${SHOTS}/record-history-1280.png`, fullPage: true });
  await history.getByRole('link', { name: 'Pełna historia' }).click();
  await expect(page).toHaveURL(new RegExp(`entityType=student&entityId=${p.student.id}`));
  await expect(page.getByTestId('audit-record-filter')).toContainText(p.student.name);
  await page.close();
});

test('the audit trail and a record history fit a phone', async ({ browser }) => {
  const p = await plan();
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await signInWithPassword(page, 'admin@demo.tutorhub.pl');
  await page.waitForURL(/\/admin$/);
  await page.goto('/admin/audit');
  await expect(page.getByTestId('audit-entries')).toBeVisible();
  const first = page.getByTestId('audit-entry').first();
  if (await first.getByTestId('audit-diff').count()) await first.getByText(/^Szczegóły/).click();
  await noSidewaysScroll(page, 390);
  await keepScreenshot(page, { path: `${SHOTS}/audit-list-390.png`, fullPage: true });
  await page.goto(`/admin/students/${p.student.id}`);
  const history = page.getByTestId('record-history');
  await history.getByText(/^Szczegóły/).first().click();
  await noSidewaysScroll(page, 390);
  await history.scrollIntoViewIfNeeded();
  await keepScreenshot(page, { path: `${SHOTS}/record-history-390.png`, fullPage: true });
  await context.close();
});
