import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { expectHome, signInWithMagicLink, signInWithPassword } from './fixtures/auth';
import { e2eSql } from './fixtures/db';
import { keepScreenshot } from './fixtures/shots';

type Family = { parent_email: string; student_id: string; student: string; tutor_email: string; tutor: string; other_tutor_email: string };

/**
 * A parent with full access whose child learns with a tutor who has an account, and a tutor
 * who does not teach that child (from the demo school, read from the database).
 */
async function family(): Promise<Family> {
  const sql = e2eSql();
  try {
    const [row] = await sql<Family[]>`
      select pu.email as parent_email, s.id as student_id, s.first_name || ' ' || s.last_name as student,
             tu.email as tutor_email, t.first_name || ' ' || t.last_name as tutor,
             (select u2.email from tutors t2 join users u2 on u2.id = t2.user_id
               where t2.school_id = s.school_id and u2.status = 'active'
                 and not exists (select 1 from student_subjects x where x.student_id = s.id and x.tutor_id = t2.id)
                 and not exists (select 1 from lesson_students ls join lessons l on l.id = ls.lesson_id where ls.student_id = s.id and l.tutor_id = t2.id)
               order by u2.email limit 1) as other_tutor_email
      from parent_students ps
        join parents p on p.id = ps.parent_id join users pu on pu.id = p.user_id
        join students s on s.id = ps.student_id
        join student_subjects ss on ss.student_id = s.id
        join tutors t on t.id = ss.tutor_id join users tu on tu.id = t.user_id
        join schools sc on sc.id = s.school_id
      where sc.slug = 'na-piatke' and ps.access = 'full' and s.status = 'active' and tu.status = 'active' and t.status = 'active'
        and pu.email like 'parent%@demo.tutorhub.pl'
      order by length(pu.email), pu.email limit 1`;
    return row;
  } finally {
    await sql.end();
  }
}

/** A parent who only has view access to each of their children. */
async function viewOnlyParent(): Promise<string> {
  const sql = e2eSql();
  try {
    const [row] = await sql<{ email: string }[]>`
      select u.email from parents p join users u on u.id = p.user_id join schools sc on sc.id = p.school_id
      where sc.slug = 'na-piatke' and exists (select 1 from parent_students ps where ps.parent_id = p.id)
        and not exists (select 1 from parent_students ps where ps.parent_id = p.id and ps.access = 'full')
      order by u.email limit 1`;
    return row.email;
  } finally {
    await sql.end();
  }
}

/** No sideways scroll at 1280 and 390 px (screenshots when asked for), and no serious axe finding on the phone. */
async function fitsAndPasses(page: Page, name: string) {
  await page.waitForLoadState('networkidle');
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${name} scrolls sideways by ${overflow}px at ${width}`).toBeLessThanOrEqual(0);
    await keepScreenshot(page, { path: `e2e/.screens/${name}-${width}.png`, fullPage: true });
  }
  // The "sent" toast is fading in or out while axe reads it (its colours mid-animation are not what a person reads).
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).exclude('[data-sonner-toaster]').analyze();
  expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), name).toEqual([]);
  await page.setViewportSize({ width: 1280, height: 900 });
}

test('a parent writes to their child’s tutor, who reads and answers; another tutor cannot open it', async ({ browser, page }) => {
  test.setTimeout(150_000);
  const f = await family();
  const subject = `Zadanie domowe ${Date.now() % 100000}`;
  // Markup typed into a message is shown as the characters typed, never run or rendered.
  const body = 'Dzień dobry, czy Ola ma zrobić zadanie 5?\n<b>Dziękuję</b> <img src=x onerror="document.body.dataset.hacked=1">';

  await signInWithMagicLink(page, f.parent_email);
  await expectHome(page, '/parent');
  await page.getByRole('navigation').getByRole('link', { name: 'Wiadomości' }).first().click();
  await expect(page.getByTestId('messages-title')).toHaveText('Wiadomości');
  await page.getByRole('link', { name: 'Nowa wiadomość' }).first().click();
  await expect(page.getByTestId('new-thread-title')).toBeVisible();
  await page.locator('select#thread-student').selectOption(f.student_id);
  await page.locator('select#thread-to').selectOption({ label: `${f.tutor} (korepetytor)` });
  // Nothing typed: the form says what is missing and sends nothing.
  await page.getByRole('button', { name: 'Wyślij' }).click();
  await expect(page.getByText('Wpisz temat.')).toBeVisible();
  await expect(page.getByText('Wpisz treść wiadomości.')).toBeVisible();
  await page.locator('input#thread-subject').fill(subject);
  await page.locator('textarea#thread-body').fill(body);
  await page.getByRole('button', { name: 'Wyślij' }).click();
  await expect(page.getByTestId('thread-title')).toHaveText(subject);
  await expect(page).toHaveURL(/\/parent\/messages\/[0-9a-f-]{36}$/);
  const threadUrl = new URL(page.url()).pathname.replace('/parent/', '/tutor/');
  await expect(page.getByTestId('message-body')).toHaveText(body);
  expect(await page.evaluate(() => document.body.dataset.hacked)).toBeUndefined();
  await expect(page.getByTestId('message-body').locator('b, img')).toHaveCount(0);
  await fitsAndPasses(page, 'parent-thread');

  // The tutor sees one unread message beside "Wiadomości", reads it and answers.
  const tutorContext = await browser.newContext({ locale: 'pl-PL', timezoneId: 'Europe/Warsaw' });
  const tutor = await tutorContext.newPage();
  await signInWithPassword(tutor, f.tutor_email);
  await expectHome(tutor, '/tutor');
  const navLink = tutor.getByRole('navigation').getByRole('link', { name: /Wiadomości/ }).first();
  await expect(navLink.getByTestId('nav-unread')).toContainText('1');
  await navLink.click();
  const row = tutor.getByTestId('thread-row').filter({ hasText: subject });
  await expect(row.getByTestId('thread-unread')).toHaveText('1 nowa');
  await row.click();
  await expect(tutor.getByTestId('message-body')).toHaveText(body);
  await expect(tutor.getByRole('navigation').getByTestId('nav-unread')).toHaveCount(0);
  await tutor.locator('textarea#reply-body').fill('Tak, zadanie 5 i 6.\nPozdrawiam');
  await tutor.getByRole('button', { name: 'Wyślij' }).click();
  await expect(tutor.getByTestId('message')).toHaveCount(2);
  await expect(tutor.getByTestId('message-body').last()).toHaveText('Tak, zadanie 5 i 6.\nPozdrawiam');
  await tutorContext.close();

  // The parent finds the answer.
  await page.goto('/parent/messages');
  await expect(page.getByRole('navigation').getByTestId('nav-unread').first()).toContainText('1');
  await page.getByTestId('thread-row').filter({ hasText: subject }).click();
  await expect(page.getByTestId('message-body').last()).toHaveText('Tak, zadanie 5 i 6.\nPozdrawiam');
  await fitsAndPasses(page, 'parent-messages-answered');

  // A tutor who does not teach the child gets the not-found page, not the thread.
  const otherContext = await browser.newContext({ locale: 'pl-PL', timezoneId: 'Europe/Warsaw' });
  const other = await otherContext.newPage();
  await signInWithPassword(other, f.other_tutor_email);
  await expectHome(other, '/tutor');
  const response = await other.goto(threadUrl);
  expect(response?.status()).toBe(404);
  await expect(other.getByText(subject)).toHaveCount(0);
  await otherContext.close();
});

test('a parent with view-only access reads messages but finds no way to write', async ({ page }) => {
  await signInWithMagicLink(page, await viewOnlyParent());
  await expectHome(page, '/parent');
  await page.goto('/parent/messages');
  await expect(page.getByTestId('view-only-notice')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Nowa wiadomość' })).toHaveCount(0);
  await page.goto('/parent/messages/new');
  await expect(page.getByTestId('view-only-notice')).toBeVisible();
  await expect(page.getByTestId('new-thread-form')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Wyślij' })).toHaveCount(0);
});
