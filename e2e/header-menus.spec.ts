import { expect, test, type Page } from '@playwright/test';
import { signInWithMagicLink } from './fixtures/auth';

/**
 * The header's menus and the phone drawer fetch their code on first use. With that code held
 * back (each script answered half a second late), the first press lands on the stand-in button,
 * and still opens the menu or the drawer as Radix opens it: after a key the first item has
 * focus, Escape closes it and gives focus back to the button; a click whose press began before
 * the code arrived and ended after it still opens the drawer.
 */

// A parent no other journey signs in as.
const PARENT = 'parent8@demo.tutorhub.pl';

async function holdBackScripts(page: Page) {
  await page.route(/\/_next\/static\/chunks\/.+\.js$/, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 500));
    await route.continue();
  });
}

test('the header menus and the phone drawer open on the first press, by keyboard and by pointer', async ({ page }) => {
  await signInWithMagicLink(page, PARENT);
  await expect(page).toHaveURL(/\/parent$/);
  await page.waitForLoadState('networkidle');
  await holdBackScripts(page);

  const user = page.getByTestId('user-menu');
  await expect(user).toHaveAttribute('aria-haspopup', 'menu');
  await expect(user).toHaveAttribute('aria-expanded', 'false');
  await user.focus();
  await page.keyboard.press('Enter');
  const menu = page.getByRole('menu');
  await expect(menu).toBeVisible();
  await expect(user).toHaveAttribute('aria-expanded', 'true');
  await expect(menu.getByRole('menuitemradio').first()).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(user).toBeFocused();
  // Its code is here now: Radix's own trigger answers the next key.
  await page.keyboard.press('ArrowDown');
  await expect(menu.getByRole('menuitemradio').first()).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(user).toBeFocused();

  const theme = page.getByTestId('theme-toggle');
  await theme.click();
  await expect(page.getByRole('menu').getByRole('menuitemradio')).toHaveCount(3);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('menu')).toBeHidden();
  await expect(theme).toBeFocused();

  await page.setViewportSize({ width: 390, height: 844 });
  const openNav = page.getByRole('button', { name: /^(Otwórz nawigację|Open navigation)$/ });
  await expect(openNav).toHaveAttribute('aria-haspopup', 'dialog');
  // The drawer's code arrives while the button is held down (the pointer over it asked for it):
  // the click that ends the press must still open the drawer.
  const box = (await openNav.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.waitForTimeout(1500);
  await page.mouse.up();
  const drawer = page.getByRole('dialog');
  await expect(drawer.getByRole('link', { name: /^(Pulpit|Dashboard)$/ })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();
  await expect(openNav).toBeFocused();
  // A link in the drawer navigates and closes it.
  await openNav.click();
  await drawer.getByRole('link', { name: /^(Kalendarz|Calendar)$/ }).click();
  await expect(page).toHaveURL(/\/parent\/calendar(\?|$)/);
  await expect(drawer).toBeHidden();
});
