import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { expectHome, signInWithPassword } from './fixtures/auth';
import { e2eSql } from './fixtures/db';

/**
 * "Search everywhere", the staff's command palette. The office presses Ctrl+K (⌘K on a Mac),
 * types part of a student's name without Polish letters and lands on the student's page with
 * Enter. A tutor opens it from the header on a phone, finds their own student, does not find
 * another tutor's, and jumps to tomorrow in their calendar. The open palette passes axe in
 * both themes. Names come from the demo school, picked in the database so that they are
 * unambiguous there.
 */

type Person = { id: string; first_name: string; last_name: string };

/** As the app folds for search: lower case, no Polish letters. */
const fold = (s: string) => s.toLowerCase().replace(/ł/g, 'l').normalize('NFD').replace(/\p{M}/gu, '');
const fullName = (p: Person) => `${p.first_name} ${p.last_name}`;

/** Students of the demo school whose folded full name no other student shares. */
const uniqueStudents = (sql: ReturnType<typeof e2eSql>, schoolOf: string) => sql<Person[]>`
  select s.id, s.first_name, s.last_name
    from students s
   where s.school_id = (select school_id from users where email = ${schoolOf})
     and s.status <> 'archived'
     and not exists (
       select 1 from students o
        where o.school_id = s.school_id and o.id <> s.id
          and tutorhub_fold(o.first_name || ' ' || o.last_name) = tutorhub_fold(s.first_name || ' ' || s.last_name))`;

async function pickForAdmin(): Promise<Person> {
  const sql = e2eSql();
  try {
    const rows = await uniqueStudents(sql, 'admin@demo.tutorhub.pl');
    // A surname with a Polish letter, so typing it without one proves the folding.
    const pick = rows.filter((r) => /[ąćęłńóśźż]/i.test(r.last_name)).sort((a, b) => a.id.localeCompare(b.id))[0];
    if (!pick) throw new Error('the demo school has no student with a Polish letter in the surname');
    return pick;
  } finally {
    await sql.end();
  }
}

async function pickForTutor(): Promise<{ own: Person; other: Person }> {
  const sql = e2eSql();
  try {
    const rows = await uniqueStudents(sql, 'tutor1@demo.tutorhub.pl');
    // What studentVisibility lets tutor1 see: students enrolled with them or in one of their lessons that was not cancelled.
    const visible = await sql<{ id: string }[]>`
      with me as (select t.id from tutors t join users u on u.id = t.user_id where u.email = 'tutor1@demo.tutorhub.pl')
      select ss.student_id as id from student_subjects ss where ss.tutor_id in (select id from me)
      union
      select ls.student_id from lesson_students ls join lessons l on l.id = ls.lesson_id
       where l.tutor_id in (select id from me) and l.status <> 'cancelled'`;
    const mine = new Set(visible.map((v) => v.id));
    const byId = (a: Person, b: Person) => a.id.localeCompare(b.id);
    const own = rows.filter((r) => mine.has(r.id)).sort(byId)[0];
    const other = rows.filter((r) => !mine.has(r.id)).sort(byId)[0];
    if (!own || !other) throw new Error('the demo school needs a student of tutor1 and one of another tutor');
    return { own, other };
  } finally {
    await sql.end();
  }
}

const palette = (page: Page) => page.getByRole('dialog', { name: 'Szukaj wszędzie' });

/** Types into the open palette and waits for the server's answer (not the "searching" state). */
async function search(page: Page, q: string) {
  await page.getByTestId('palette-input').fill(q);
  await expect(page.getByTestId('palette-status')).toHaveText(/wynik|Nic nie znaleziono/);
}

async function expectNoSeriousViolations(page: Page, name: string) {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).include('[role="dialog"]').analyze();
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = serious.map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `  ${n.target.join(' ')} — ${n.failureSummary?.replace(/\s+/g, ' ')}`).join('\n')}`);
  expect(report, `${name}: axe found serious/critical violations`).toEqual([]);
}

test('the office presses Ctrl+K, types a student’s name without Polish letters and opens the student with Enter', async ({ page }) => {
  const student = await pickForAdmin();
  await signInWithPassword(page, 'admin@demo.tutorhub.pl');
  await expectHome(page, '/admin');

  // The header shows the shortcut; the palette opens from the keyboard anywhere and Escape closes it.
  await expect(page.getByTestId('palette-open')).toContainText('Ctrl K');
  await page.keyboard.press('ControlOrMeta+k');
  await expect(palette(page)).toBeVisible();
  await expect(page.getByTestId('palette-input')).toBeFocused();
  // Before anything is typed it offers the menu's pages; "fakt" narrows them to Faktury.
  await expect(page.getByTestId('palette-group-pages').getByRole('option').first()).toHaveText('Pulpit');
  await page.getByTestId('palette-input').fill('fakt');
  await expect(page.getByTestId('palette-group-pages').getByRole('option')).toHaveText(['Faktury']);
  await page.keyboard.press('Escape');
  await expect(palette(page)).toBeHidden();

  for (const theme of ['light', 'dark'] as const) {
    await page.evaluate((value) => localStorage.setItem('theme', value), theme);
    await page.reload();
    await expect(page.locator('html')).toHaveClass(new RegExp(`\\b${theme}\\b`));
    await page.keyboard.press('ControlOrMeta+k');
    await search(page, fold(`${student.first_name} ${student.last_name.slice(0, 5)}`));
    await expect(page.getByTestId('palette-group-students').getByRole('option').first()).toContainText(fullName(student));
    await expectNoSeriousViolations(page, `palette with results (${theme})`);
    if (theme === 'light') await page.keyboard.press('Escape');
  }

  // The first result is selected: Enter opens it.
  await expect(page.getByRole('option', { selected: true })).toContainText(fullName(student));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/admin/students/${student.id}$`));
  await expect(page.getByTestId('student-name')).toHaveText(fullName(student));
  await expect(palette(page)).toBeHidden();
});

test('a tutor finds their own student but nothing of another tutor’s, and opens tomorrow in the calendar', async ({ page }) => {
  const { own, other } = await pickForTutor();
  await page.setViewportSize({ width: 390, height: 844 });
  await signInWithPassword(page, 'tutor1@demo.tutorhub.pl');
  await expectHome(page, '/tutor');

  // On a phone the header's search icon opens it.
  await page.getByRole('button', { name: 'Szukaj', exact: true }).click();
  await expect(palette(page)).toBeVisible();

  await search(page, fold(fullName(other)));
  await expect(page.getByTestId('palette-group-students')).toHaveCount(0);
  await expect(page.getByRole('option', { name: new RegExp(fullName(other)) })).toHaveCount(0);

  await search(page, fold(fullName(own)));
  await expect(page.getByTestId('palette-group-students').getByRole('option').first()).toContainText(fullName(own));
  await expect(page.getByTestId('palette-group-students').getByRole('option').first()).toHaveAttribute('href', `/tutor/students/${own.id}`);

  await search(page, 'jutro');
  const day = page.getByTestId('palette-group-day').getByRole('option');
  await expect(day).toContainText(/^Kalendarz: \p{L}+, \d{1,2} \p{L}+ \d{4}/u);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/tutor\/calendar\?date=\d{4}-\d{2}-\d{2}&view=day$/);
  await expect(page.getByTestId('calendar-title')).toBeVisible();
});
