import fs from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { expectHome, signInWithMagicLink, signInWithPassword } from './fixtures/auth';

/**
 * axe-core on the login page and every role's home, in the light and the dark theme: no
 * serious or critical WCAG 2.1 A/AA violation. Each person signs in once (the sign-in rate
 * limits count per email) and the theme is switched under the same session.
 *
 * Set A11Y_SCREENSHOT_DIR to also keep a screenshot of every checked page at desktop and
 * 390 px phone width, for a person to look at.
 */
const themes = ['light', 'dark'] as const;
type Theme = (typeof themes)[number];
const screenshotDir = process.env.A11Y_SCREENSHOT_DIR;

async function switchTheme(page: Page, theme: Theme) {
  // next-themes reads localStorage before the first paint; set it, then load again.
  await page.evaluate((value) => localStorage.setItem('theme', value), theme);
  await page.reload();
  await expect(page.locator('html')).toHaveClass(new RegExp(`\\b${theme}\\b`));
}

/** axe over the page, or only over `within` (an open menu or drawer: the page under it was checked already). */
async function expectNoSeriousViolations(page: Page, name: string, within?: string) {
  if (!within) await page.waitForLoadState('networkidle');
  const axe = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);
  const { violations } = await (within ? axe.include(within) : axe).analyze();
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = serious.map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `  ${n.target.join(' ')} — ${n.failureSummary?.replace(/\s+/g, ' ')}`).join('\n')}`);
  expect(report, `${name}: axe found serious/critical violations`).toEqual([]);
}

/**
 * Opens an overlay and checks it while it is open. A menu that is not modal closes when focus
 * moves elsewhere (a late hydration can do that), so it is opened again until the check ran
 * over an open one; a real violation still fails, with its report, once the time is up.
 */
async function expectOverlayClean(page: Page, name: string, selector: string, open: () => Promise<void>) {
  await expect(async () => {
    if (!(await page.locator(selector).first().isVisible())) await open();
    await expect(page.locator(selector).first()).toBeVisible({ timeout: 2_000 });
    await expectNoSeriousViolations(page, name, selector);
  }).toPass({ timeout: 30_000 });
}

async function screenshot(page: Page, name: string) {
  if (!screenshotDir) return;
  fs.mkdirSync(screenshotDir, { recursive: true });
  const desktop = page.viewportSize();
  for (const [suffix, size] of [
    ['desktop', desktop ?? { width: 1280, height: 720 }],
    ['phone', { width: 390, height: 844 }],
  ] as const) {
    await page.setViewportSize(size);
    await page.screenshot({ path: path.join(screenshotDir, `${name}-${suffix}.png`), fullPage: true });
  }
  if (desktop) await page.setViewportSize(desktop);
}

/**
 * Every theme, every given path: axe, then (optionally) screenshots. The header's menus and
 * the phone drawer are the same components for every role: `overlays` checks them (in both
 * themes) for the one role that asks.
 */
async function checkPages(page: Page, role: string, paths: string[], { overlays = false } = {}) {
  for (const theme of themes) {
    for (const [i, p] of paths.entries()) {
      await page.goto(p);
      if (i === 0) await switchTheme(page, theme);
      await expect(page.locator('html')).toHaveClass(new RegExp(`\\b${theme}\\b`));
      await expectNoSeriousViolations(page, `${p} (${theme})`);
      await screenshot(page, `${role}${p.replaceAll('/', '-')}-${theme}`);
      if (i === 0 && overlays) await checkOverlays(page, `${p} (${theme})`);
    }
  }
}

/** The header's menus and the phone navigation drawer, each checked while open. */
async function checkOverlays(page: Page, name: string) {
  await expectOverlayClean(page, `${name}, user menu open`, '[role="menu"]', () => page.getByTestId('user-menu').click());
  if (screenshotDir) await page.screenshot({ path: path.join(screenshotDir, `${name.replace(/\W+/g, '-')}-user-menu.png`) });
  await page.keyboard.press('Escape');
  await expect(page.locator('[role="menu"]')).toBeHidden();
  await expectOverlayClean(page, `${name}, theme menu open`, '[role="menu"]', () => page.getByTestId('theme-toggle').click());
  await page.keyboard.press('Escape');
  await expect(page.locator('[role="menu"]')).toBeHidden();
  const desktop = page.viewportSize();
  await page.setViewportSize({ width: 390, height: 844 });
  await expectOverlayClean(page, `${name}, navigation drawer open`, '[role="dialog"]', () => page.getByRole('button', { name: /Otwórz nawigację|Open navigation/ }).click());
  if (screenshotDir) await page.screenshot({ path: path.join(screenshotDir, `${name.replace(/\W+/g, '-')}-drawer.png`) });
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toBeHidden();
  if (desktop) await page.setViewportSize(desktop);
}

/** The header's user menu is named by what it shows (WCAG 2.5.3 label in name). */
async function expectUserMenuLabelInName(page: Page) {
  const menu = page.getByTestId('user-menu');
  const initials = (await menu.locator('[data-slot="avatar"]').innerText()).trim();
  const shownName = menu.locator('span:not([data-slot])').first();
  await expect(shownName).toBeVisible(); // desktop width shows the person's name beside the initials
  await expect(menu).toHaveAccessibleName(new RegExp(escapeRegExp(initials)));
  await expect(menu).toHaveAccessibleName(new RegExp(escapeRegExp((await shownName.innerText()).trim())));
  // axe's own label-in-name rule is marked experimental, so it only runs when asked for.
  const { violations } = await new AxeBuilder({ page }).include('[data-testid="user-menu"]').withRules(['label-content-name-mismatch']).analyze();
  expect(violations.map((v) => v.id)).toEqual([]);
}

function escapeRegExp(s: string) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

test('the login page has no serious accessibility violations in either theme', async ({ page }) => {
  for (const theme of themes) {
    await page.addInitScript((value) => localStorage.setItem('theme', value), theme);
    await page.goto('/login');
    await expect(page.locator('html')).toHaveClass(new RegExp(`\\b${theme}\\b`));
    await expectNoSeriousViolations(page, `/login (${theme})`);
    await screenshot(page, `login-${theme}`);
    await page.getByRole('tab', { name: 'Link e-mailem' }).click();
    await expectNoSeriousViolations(page, `/login magic-link tab (${theme})`);
  }
});

for (const [email, home, extra] of [
  ['admin@demo.tutorhub.pl', '/admin', ['/admin/students', '/admin/users', '/admin/messages']],
  ['tutor1@demo.tutorhub.pl', '/tutor', ['/tutor/messages']],
  ['student1@demo.tutorhub.pl', '/student', ['/student/messages']],
] as const) {
  test(`${home} has no serious accessibility violations in either theme`, async ({ page }) => {
    test.setTimeout(180_000); // a dozen axe runs over long lists
    await signInWithPassword(page, email);
    await expectHome(page, home);
    await expectUserMenuLabelInName(page);
    await checkPages(page, home.slice(1), [home, ...extra], { overlays: home === '/admin' });
  });
}

test('/parent has no serious accessibility violations in either theme', async ({ page }) => {
  test.setTimeout(180_000); // the family home lists a full term: axe takes its time
  await signInWithMagicLink(page, 'parent3@demo.tutorhub.pl');
  await expectHome(page, '/parent');
  await expectUserMenuLabelInName(page);
  await checkPages(page, 'parent', ['/parent', '/parent/messages', '/parent/invoices']);
});

test('the back office (a report, the audit trail) has no serious accessibility violations in either theme', async ({ page }) => {
  test.setTimeout(180_000);
  await signInWithPassword(page, 'admin@demo.tutorhub.pl');
  await expectHome(page, '/admin');
  await checkPages(page, 'admin', ['/admin/reports/attendance', '/admin/audit']);
});
