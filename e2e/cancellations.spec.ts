import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { expectHome, signInWithPassword } from './fixtures/auth';
import { clearSlot, e2eSql, latestLink } from './fixtures/db';
import { keepScreenshot } from './fixtures/shots';

// A parent no other journey signs in as.
const PARENT = 'parent6@demo.tutorhub.pl';

type Booked = { lessonId: string; subjectName: string; studentName: string };

/**
 * An online individual lesson three days ahead for a child of PARENT with full access, with the
 * child's usual tutor, the demo term's lessons of that tutor and child in that hour cancelled
 * first. Tried at a few hours in case another journey booked the tutor or the child then: the
 * database refuses overlaps.
 */
async function lessonInThreeDays(): Promise<Booked> {
  const sql = e2eSql();
  try {
    const rows = await sql`
      select s.id as student_id, s.first_name, s.last_name, s.school_id, ss.subject_id, ss.tutor_id, sub.name as subject_name
        from users u join parents p on p.user_id = u.id
        join parent_students ps on ps.parent_id = p.id and ps.access = 'full'
        join students s on s.id = ps.student_id and s.status = 'active'
        join student_subjects ss on ss.student_id = s.id and ss.tutor_id is not null
        join subjects sub on sub.id = ss.subject_id
       where lower(u.email) = ${PARENT}
       order by s.id, ss.subject_id`;
    if (rows.length === 0) throw new Error(`${PARENT} has no child with full access and a tutor`);
    const pick = rows[0];
    // A known start: the demo term's open credits and pending requests of these children go, so
    // the credit this journey earns is the only one (the oldest is used first).
    const children = [...new Set(rows.map((r) => r.student_id as string))];
    await sql`delete from makeup_credits where student_id = any(${children}::uuid[]) and status = 'open'`;
    await sql`delete from cancellation_requests where student_id = any(${children}::uuid[]) and status = 'pending'`;
    for (const hours of [72, 74, 76, 78, 80, 82]) {
      try {
        const [{ from, to }] = await sql`select date_trunc('hour', now()) + make_interval(hours => ${hours}) as from, date_trunc('hour', now()) + make_interval(hours => ${hours + 1}) as to`;
        await clearSlot(sql, { from, to, tutorIds: [pick.tutor_id], studentIds: [pick.student_id] });
        const [lesson] = await sql.begin(async (tx) => {
          const inserted = await tx`
            insert into lessons (school_id, tutor_id, subject_id, meeting_url, during, kind, capacity)
            values (${pick.school_id}, ${pick.tutor_id}, ${pick.subject_id}, 'https://meet.example.test/cancel-e2e',
                    tstzrange(date_trunc('hour', now()) + make_interval(hours => ${hours}), date_trunc('hour', now()) + make_interval(hours => ${hours + 1}), '[)'), 'individual', 1)
            returning id`;
          await tx`insert into lesson_students (school_id, lesson_id, student_id) values (${pick.school_id}, ${inserted[0].id}, ${pick.student_id})`;
          return inserted;
        });
        return { lessonId: lesson.id, subjectName: pick.subject_name, studentName: `${pick.first_name} ${pick.last_name}` };
      } catch (err) {
        if ((err as { code?: string }).code !== '23P01') throw err;
      }
    }
    throw new Error('no free slot three days ahead');
  } finally {
    await sql.end();
  }
}

async function signInParent(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const since = new Date(Date.now() - 1000);
  await page.goto('/login?tab=link');
  await page.locator('input#magic-email').fill(PARENT);
  await page.getByRole('button', { name: 'Wyślij mi link logowania' }).click();
  await expect(page.getByTestId('magic-link-message')).toContainText(PARENT);
  await page.goto(await latestLink(PARENT, 'magic-link', since));
  await page.getByRole('button', { name: 'Zaloguj się do TutorHub' }).click();
  await expectHome(page, '/parent');
  return { context, page };
}

/**
 * The first weekday (tutors work Monday to Friday in the demo) at least `days` after today in
 * Warsaw, as a date input takes it ("2026-12-07").
 */
function weekdayInDaysInWarsaw(days: number) {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Warsaw' }).format(new Date());
  const d = new Date(`${today}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  while (d.getUTCDay() === 0 || d.getUTCDay() === 6) d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** The calendar date 30 days after today in Warsaw, as the page prints it ("26.11.2026"). */
function thirtyDaysFromTodayInWarsaw() {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Warsaw' }).format(new Date());
  const d = new Date(`${today}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 30);
  return `${String(d.getUTCDate()).padStart(2, '0')}.${String(d.getUTCMonth() + 1).padStart(2, '0')}.${d.getUTCFullYear()}`;
}

test('a parent asks to cancel a lesson, the admin approves, the parent gets a makeup credit and an email, the office books the makeup', async ({ browser }) => {
  test.setTimeout(120_000);
  const booked = await lessonInThreeDays();
  const reason = `Wyjazd rodzinny ${Date.now().toString(36)}`;
  const since = new Date(Date.now() - 1000);

  // The parent, on the portal: the lesson with "Request cancellation", in time.
  const { context: parentContext, page: parent } = await signInParent(browser);
  const row = parent.locator(`[data-testid="upcoming-lesson"][data-lesson-id="${booked.lessonId}"]`);
  await expect(row).toContainText(booked.subjectName);
  await row.getByRole('button', { name: 'Poproś o odwołanie' }).click();
  const dialog = parent.getByRole('dialog');
  await expect(dialog.getByTestId('cancellation-notice')).toContainText('Na czas');
  await dialog.getByRole('button', { name: 'Wyślij prośbę' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Napisz, dlaczego');
  await dialog.getByLabel('Powód').fill(reason);
  if (process.env.E2E_SHOTS_DIR) await keepScreenshot(parent, { path: `${process.env.E2E_SHOTS_DIR}/parent-dialog.png` });
  await dialog.getByRole('button', { name: 'Wyślij prośbę' }).click();
  await expect(parent.getByText('Prośba wysłana. Dostaniesz e-mail, gdy zapadnie decyzja.')).toBeVisible();
  await expect(row).toContainText('Prośba o odwołanie');
  const request = parent.locator(`[data-testid="cancellation-request"][data-lesson-id="${booked.lessonId}"]`);
  await expect(request.getByTestId('request-status')).toHaveText('Oczekuje');

  // The admin, in a browser of their own: pending first, approve with confirmation.
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signInWithPassword(admin, 'admin@demo.tutorhub.pl');
  await expectHome(admin, '/admin');
  await admin.getByRole('navigation').getByRole('link', { name: 'Odwołania' }).first().click();
  await expect(admin).toHaveURL(/\/admin\/cancellations$/);
  const pending = admin.locator(`[data-testid="staff-request"][data-lesson-id="${booked.lessonId}"]`);
  await expect(pending).toContainText(reason);
  await expect(pending).toContainText(booked.studentName);
  if (process.env.E2E_SHOTS_DIR) await keepScreenshot(admin, { path: `${process.env.E2E_SHOTS_DIR}/admin-pending.png` });
  await pending.getByRole('button', { name: 'Zatwierdź' }).click();
  if (process.env.E2E_SHOTS_DIR) await keepScreenshot(admin, { path: `${process.env.E2E_SHOTS_DIR}/admin-confirm.png` });
  const confirm = admin.getByRole('alertdialog');
  await expect(confirm).toContainText('lekcja zostanie odwołana');
  await confirm.getByLabel('Uwaga dla zgłaszającego (opcjonalnie)').fill('Zdrowia i udanego wyjazdu');
  await confirm.getByRole('button', { name: 'Zatwierdź' }).click();
  await expect(admin.getByText('Zatwierdzono. Zgłaszający dostał e-mail.')).toBeVisible();
  await expect(pending.getByTestId('request-status')).toHaveText('Zatwierdzona');
  await expect(pending.getByRole('button', { name: 'Zatwierdź' })).toHaveCount(0);

  // The parent reloads: the lesson is gone from upcoming, a makeup credit waits with its expiry.
  await parent.reload();
  await expect(row).toHaveCount(0);
  await expect(request.getByTestId('request-status')).toHaveText('Zatwierdzona');
  const until = thirtyDaysFromTodayInWarsaw();
  await expect(request).toContainText(`Do odrobienia do ${until}`);
  await expect(parent.getByTestId('makeup-credits')).toContainText(`Do wykorzystania do ${until}`);

  // The decision email is in the outbox, to the parent.
  const sql = e2eSql();
  try {
    const mail = await sql`select subject, text from email_outbox where lower(to_address) = ${PARENT} and template = 'cancellation-decided' and created_at >= ${since}`;
    expect(mail).toHaveLength(1);
    expect(mail[0].subject).toBe('Odwołanie lekcji zatwierdzone');
    expect(mail[0].text).toContain(`do wykorzystania do ${until}`);
    expect(mail[0].text).toContain('Zdrowia i udanego wyjazdu');
  } finally {
    await sql.end();
  }

  // The office books the makeup: the lesson is planned and the credit is used.
  await admin.reload();
  const credit = admin.getByTestId('staff-credits').getByRole('listitem').filter({ hasText: booked.studentName });
  await expect(credit).toContainText(`Do wykorzystania do ${until}`);
  await credit.getByRole('button', { name: 'Zaplanuj odrabianie' }).click();
  const book = admin.getByRole('dialog');
  await book.getByLabel('Dzień').fill(weekdayInDaysInWarsaw(5));
  await book.getByLabel('Początek').fill('10:00');
  await book.getByLabel('Link do spotkania').fill('https://meet.example.test/makeup-e2e');
  if (process.env.E2E_SHOTS_DIR) await keepScreenshot(admin, { path: `${process.env.E2E_SHOTS_DIR}/admin-book.png` });
  await book.getByRole('button', { name: 'Zaplanuj lekcję' }).click();
  await expect(admin.getByText(`Zaplanowano lekcję odrabianą: ${booked.studentName}.`)).toBeVisible();
  await expect(credit).toHaveCount(0);
  await parent.reload();
  await expect(parent.getByTestId('makeup-credits')).toHaveCount(0);
  await expect(parent.getByText('Brak lekcji do odrobienia.')).toBeVisible();

  // Screens to look at (light and dark, desktop and phone), when asked for.
  const dir = process.env.E2E_SHOTS_DIR;
  if (dir) {
    await lessonInThreeDays(); // something upcoming to show, with its button and dialog
    const states = [
      { name: 'parent', path: '/parent', state: await parentContext.storageState() },
      { name: 'admin', path: '/admin/cancellations', state: await adminContext.storageState() },
    ];
    for (const { name, path, state } of states) {
      for (const colorScheme of ['light', 'dark'] as const) {
        for (const width of [1280, 390]) {
          const ctx = await browser.newContext({ storageState: state, viewport: { width, height: 900 }, colorScheme });
          const page = await ctx.newPage();
          await page.goto(path);
          await page.waitForLoadState('networkidle');
          await keepScreenshot(page, { path: `${dir}/${name}-${width}-${colorScheme}.png`, fullPage: true });
          if (name === 'parent' && width === 390 && colorScheme === 'light') {
            const next = page.getByTestId('request-cancellation').first();
            if (await next.count()) {
              await next.click();
              await keepScreenshot(page, { path: `${dir}/parent-dialog-390.png` });
            }
          }
          await ctx.close();
        }
      }
    }
  }
  await parentContext.close();
  await adminContext.close();
});
