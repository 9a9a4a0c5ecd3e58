import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { expectHome, signInWithPassword } from './fixtures/auth';
import { e2eSql } from './fixtures/db';
import { demoStudents, expectNoSidewaysScroll, familyWith, lessonFor, lessonNow, openCredit, signInByLink, type DemoStudent } from './fixtures/homes';
import { shootEveryWidthAndTheme } from './fixtures/shots';

/**
 * Each role finds what they came for on their first screen: a tutor marks today's lesson and
 * opens the student's progress from the roster, with the payer's phone and e-mail a tap away;
 * a student sees their makeup lesson with the days left and asks to cancel a lesson; a parent
 * of two children switches between them (the URL and the content follow, the calendar too),
 * and finds no way to ask for anything for the child they may only view.
 */

// A tutor no other journey signs in as.
const TUTOR = 'tutor10@demo.tutorhub.pl';
const name = (s: DemoStudent) => `${s.firstName} ${s.lastName}`;

/**
 * Students with a login who are not TUTOR's: the student journey takes the first, the parent
 * journey the next three, so the journeys never meet.
 */
async function others(): Promise<DemoStudent[]> {
  const tutors = new Set((await demoStudents({ tutorEmail: TUTOR })).map((s) => s.id));
  return (await demoStudents({ login: true })).filter((s) => !tutors.has(s.id));
}

/** The parent who pays for the student, as the roster should show them. */
async function payerOf(studentId: string): Promise<{ name: string; email: string; phone: string | null }> {
  const sql = e2eSql();
  try {
    const [row] = await sql<{ name: string; email: string; phone: string | null }[]>`
      select p.first_name || ' ' || p.last_name as name, p.email, p.phone
        from parent_students ps join parents p on p.id = ps.parent_id
       where ps.student_id = ${studentId} and ps.is_payer order by ps.created_at limit 1`;
    if (!row) throw new Error(`student ${studentId} has no payer`);
    return row;
  } finally {
    await sql.end();
  }
}

test('a tutor marks today’s lesson, sees the month and the makeups to book, and opens the student’s progress from the roster', async ({ browser, page }) => {
  test.setTimeout(180_000);
  const [student, other] = await demoStudents({ tutorEmail: TUTOR, limit: 2 });
  const lessonId = await lessonNow(student);
  const credit = await openCredit(other, 2);
  const payer = await payerOf(student.id);
  const topic = `Równania kwadratowe ${Date.now().toString(36)}`;
  const homework = 'Zbiór zadań, str. 88, zad. 3–7';

  await signInWithPassword(page, TUTOR);
  await expectHome(page, '/tutor');

  // Today first: mark the lesson happening now, then write the topic and the homework.
  const card = page.locator(`[data-testid="today-lesson"][data-lesson-id="${lessonId}"]`);
  await card.getByRole('group', { name: `Obecność: ${name(student)}` }).getByRole('button', { name: 'Obecny', exact: true }).click();
  await expect(page.getByText(`${name(student)}: Obecny. Lekcja zakończona.`)).toBeVisible();
  await card.getByRole('button', { name: 'Temat i zadanie domowe' }).click();
  await card.getByLabel('Temat lekcji').fill(topic);
  await card.getByLabel('Zadanie domowe').fill(homework);
  await card.getByRole('button', { name: 'Zapisz' }).click();
  await expect(page.getByText('Zapisano temat i zadanie domowe.')).toBeVisible();

  // The month so far counts the lesson just given; the makeup to book leads to where it is booked.
  await page.reload();
  const earnings = page.getByTestId('home-earnings');
  await expect(earnings).toContainText('Zarobki w tym miesiącu');
  expect(Number(await earnings.getByTestId('home-earnings-lessons').textContent())).toBeGreaterThanOrEqual(1);
  await expect(earnings.getByTestId('home-earnings-link')).toHaveAttribute('href', '/tutor/earnings');
  const makeup = page.locator(`[data-testid="home-makeup"][data-student-id="${other.id}"]`);
  await expect(makeup).toContainText(name(other));
  await expect(makeup).toContainText(`do ${credit.until}`);
  await makeup.getByRole('link').click();
  await expect(page).toHaveURL(/\/tutor\/cancellations#makeup$/);
  await expect(page.getByTestId('staff-credits').getByRole('listitem').filter({ hasText: name(other) }).first()).toBeVisible();

  // The roster: the payer's phone and e-mail as links, the attendance rate, then the student's progress.
  await page.getByRole('navigation').getByRole('link', { name: 'Moi uczniowie' }).first().click();
  await expect(page).toHaveURL(/\/tutor\/students$/);
  await page.getByLabel('Szukaj').fill(student.lastName);
  await page.getByRole('button', { name: 'Filtruj' }).click();
  const row = page.getByTestId('students-table').getByRole('row').filter({ has: page.locator(`a[href="/tutor/students/${student.id}"]`) });
  await expect(row.getByTestId('payer-contact')).toContainText(payer.name);
  await expect(row.getByTestId('payer-email')).toHaveAttribute('href', `mailto:${payer.email}`);
  if (payer.phone) await expect(row.getByTestId('payer-phone')).toHaveAttribute('href', `tel:${payer.phone.replace(/[^\d+]/g, '')}`);
  await expect(row.getByTestId('roster-rate')).toHaveText(/^\d{1,3} %$/);
  await row.getByRole('link', { name: new RegExp(student.lastName) }).click();
  await expect(page).toHaveURL(new RegExp(`/tutor/students/${student.id}$`));
  await expect(page.getByTestId('student-payer').getByTestId('payer-email')).toHaveAttribute('href', `mailto:${payer.email}`);
  const entry = page.getByTestId('progress-entry').filter({ hasText: topic });
  await expect(entry).toContainText('Obecny');
  await expect(entry).toContainText(homework);
  await expect(page.getByTestId('attendance-rate')).toContainText('Frekwencja');

  // On a phone the same rows are cards: no column headers, each card labels the attendance and
  // the payer, the same links, and nothing wider than the screen.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/tutor/students?q=${encodeURIComponent(student.lastName)}`);
  await expect(page.getByTestId('students-table').getByRole('columnheader').first()).toBeHidden();
  const phoneCard = page.getByTestId('students-table').locator(`[data-student-id="${student.id}"]`);
  await expect(phoneCard.getByTestId('payer-email')).toBeVisible();
  await expect(phoneCard).toContainText('Płatnik');
  await expect(phoneCard.getByTestId('roster-rate')).toHaveText(/^\d{1,3} %$/);
  const [cardBox, emailBox] = [await phoneCard.boundingBox(), await phoneCard.getByTestId('payer-email').boundingBox()];
  expect(emailBox!.height, 'the e-mail link is a tap target on a phone').toBeGreaterThanOrEqual(40);
  expect(cardBox!.width).toBeLessThanOrEqual(390);
  await expectNoSidewaysScroll(page, '/tutor/students at 390 px');
  await page.goto('/tutor');
  await expect(page.getByTestId('home-earnings')).toBeVisible();
  await expectNoSidewaysScroll(page, '/tutor at 390 px');

  await shootEveryWidthAndTheme(browser, page, '/tutor', 'homes-tutor');
  await shootEveryWidthAndTheme(browser, page, `/tutor/students/${student.id}`, 'homes-tutor-student');
});

test('a student sees their makeup lesson with the days left and asks to cancel a lesson', async ({ browser, page }) => {
  test.setTimeout(120_000);
  const [student] = await others();
  const lessonId = await lessonFor(student, 49);
  const credit = await openCredit(student, 10);
  const expired = await openCredit(student, -2); // ran out the day before yesterday: not shown

  await signInWithPassword(page, student.email!);
  await expectHome(page, '/student');

  // The makeup lesson, its last day and how many days are left; the expired one is not there.
  const item = page.locator(`[data-testid="makeup-credit"][data-credit-id="${credit.id}"]`);
  await expect(item).toContainText(`Do wykorzystania do ${credit.until}`);
  await expect(item.getByTestId('credit-days-left')).toHaveText('zostało 10 dni');
  await expect(page.locator(`[data-credit-id="${expired.id}"]`)).toHaveCount(0);
  await expect(page.getByTestId('homework')).toBeVisible();

  // Ask to cancel the lesson in two days: it waits for a decision.
  const lesson = page.locator(`[data-testid="upcoming-lesson"][data-lesson-id="${lessonId}"]`);
  await lesson.getByRole('button', { name: 'Poproś o odwołanie' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByTestId('cancellation-notice')).toContainText('Na czas');
  await dialog.getByLabel('Powód').fill('Zawody pływackie');
  await dialog.getByRole('button', { name: 'Wyślij prośbę' }).click();
  await expect(page.getByText('Prośba wysłana. Dostaniesz e-mail, gdy zapadnie decyzja.')).toBeVisible();
  await expect(lesson).toContainText('Prośba o odwołanie');
  const request = page.locator(`[data-testid="cancellation-request"][data-lesson-id="${lessonId}"]`);
  await expect(request.getByTestId('request-status')).toHaveText('Oczekuje');
  await expect(request).toContainText('Zawody pływackie');

  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  await expect(item).toBeVisible();
  await expectNoSidewaysScroll(page, '/student at 390 px');
  await shootEveryWidthAndTheme(browser, page, '/student', 'homes-student');
});

test('a parent of two switches between them; the child they may only view offers nothing to ask for', async ({ browser, page }) => {
  test.setTimeout(180_000);
  const [full, viewOnly, stranger] = (await others()).slice(1, 4);
  const fullLesson = await lessonFor(full, 49);
  const viewLesson = await lessonFor(viewOnly, 53);
  const family = await familyWith([
    { student: full, access: 'full' },
    { student: viewOnly, access: 'view' },
  ]);

  await page.setViewportSize({ width: 390, height: 844 });
  await signInByLink(page, family.email);

  // One row of two children at the top, 44 px tall; the first is chosen.
  const switcher = page.getByTestId('child-switcher');
  const links = switcher.getByRole('link');
  await expect(links).toHaveCount(2);
  for (const link of await links.all()) expect((await link.boundingBox())!.height).toBeGreaterThanOrEqual(44);
  await expect(links.first()).toHaveAttribute('aria-current', 'page');
  const firstId = await links.first().getAttribute('data-key');
  const panel = page.getByTestId('child-panel');
  await expect(panel).toHaveAttribute('data-child-id', firstId!);
  await expectNoSidewaysScroll(page, '/parent at 390 px');

  // Each child in turn: the URL and the whole panel follow the choice.
  for (const [child, access, lessonId] of [
    [full, 'full', fullLesson],
    [viewOnly, 'view', viewLesson],
  ] as const) {
    await switcher.getByRole('link', { name: child.firstName }).click();
    await expect(page).toHaveURL(new RegExp(`/parent\\?child=${child.id}$`));
    await expect(panel).toHaveAttribute('data-child-id', child.id);
    await expect(page.getByTestId('child-name')).toHaveText(name(child));
    await expect(switcher.getByRole('link', { name: child.firstName })).toHaveAttribute('aria-current', 'page');
    const lesson = panel.locator(`[data-testid="upcoming-lesson"][data-lesson-id="${lessonId}"]`);
    await expect(lesson).toBeVisible();
    const other = child === full ? viewLesson : fullLesson;
    await expect(page.locator(`[data-lesson-id="${other}"]`)).toHaveCount(0);
    await expect(panel.getByTestId('child-progress')).toContainText(`Postępy: ${name(child)}`);
    if (access === 'full') {
      await expect(lesson.getByRole('button', { name: 'Poproś o odwołanie' })).toBeVisible();
      await expect(page.getByTestId('view-only-notice')).toHaveCount(0);
    } else {
      // View-only: everything to read, nothing to ask for or change.
      await expect(page.getByTestId('view-only-notice')).toContainText('nie możesz ich odwołać');
      await expect(page.getByRole('button', { name: 'Poproś o odwołanie' })).toHaveCount(0);
      await expect(page.getByRole('button', { name: 'Wycofaj' })).toHaveCount(0);
      await expect(page.getByTestId('request-cancellation')).toHaveCount(0);
      await expect(panel.getByTestId('attendance-rate')).toBeVisible();
    }
  }

  // A child who is not theirs is no choice at all: the first child, and nothing of the stranger.
  const response = await page.goto(`/parent?child=${stranger.id}`);
  expect(response?.status()).toBe(200);
  await expect(panel).toHaveAttribute('data-child-id', firstId!);
  await expect(page.getByText(name(stranger))).toHaveCount(0);
  expect((await page.goto('/parent?child=not-a-uuid'))?.status()).toBe(200);
  await expect(panel).toHaveAttribute('data-child-id', firstId!);

  // The child's calendar follows the same choice, and its own switch keeps it in the URL.
  await page.goto(`/parent?child=${viewOnly.id}`);
  await panel.getByTestId('upcoming-calendar').click();
  await expect(page).toHaveURL(new RegExp(`/parent/calendar\\?(.+&)?child=${viewOnly.id}($|&)`));
  const calendarChild = page.getByTestId('calendar-child');
  await expect(calendarChild.getByRole('button', { name: viewOnly.firstName })).toHaveAttribute('aria-pressed', 'true');
  await calendarChild.getByRole('button', { name: full.firstName }).click();
  await expect(calendarChild.getByRole('button', { name: full.firstName })).toHaveAttribute('aria-pressed', 'true');
  await expect(page).toHaveURL(new RegExp(`/parent/calendar\\?(.+&)?child=${full.id}($|&)`));
  await expectNoSidewaysScroll(page, '/parent/calendar at 390 px');

  // No serious accessibility finding on the switcher page, light or dark.
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.goto(`/parent?child=${viewOnly.id}`);
    await page.waitForLoadState('networkidle');
    const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), colorScheme).toEqual([]);
  }

  await shootEveryWidthAndTheme(browser, page, `/parent?child=${viewOnly.id}`, 'homes-parent-view');
  await shootEveryWidthAndTheme(browser, page, `/parent?child=${full.id}`, 'homes-parent-full');
});
