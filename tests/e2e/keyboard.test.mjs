// The keyboard layer (issue 10): a whole reply done with the keyboard alone — move through
// the list, open, assign to me, reply, send with Ctrl+Enter, go to a view, close — plus the
// cheat sheet on `?`, no shortcut while typing, and the Settings › Profile switch.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { distDir } from './support/paths.mjs';
import { startServer } from './support/server.mjs';
import { assertNoPageErrors, launchBrowser, newPage, openApp } from './support/browser.mjs';

let server;
let browser;

before(async () => {
  server = await startServer({ root: distDir });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const outboxCount = async (page) => {
  await openApp(page, `${server.url}/inbox/outbox`);
  const list = page.getByRole('list', { name: 'Outbox messages' });
  await list.or(page.getByText(/nothing|no messages|empty/i).first()).first().waitFor();
  return list.getByRole('listitem').count();
};

test('a full reply with the keyboard alone', async (t) => {
  const context = await browser.newContext();
  try {
    const page = await newPage(context);
    const before = await outboxCount(page);

    await openApp(page, `${server.url}/inbox/all-open`);
    const rows = page.locator('.sb-row__link');
    await rows.first().waitFor();
    await page.keyboard.press('j');
    await expectFocused(page, rows.nth(0));
    await page.keyboard.press('j');
    await expectFocused(page, rows.nth(1));
    await page.keyboard.press('k');
    await expectFocused(page, rows.nth(0));
    const href = await rows.nth(0).getAttribute('href');
    await page.keyboard.press('o');
    await page.waitForURL((url) => url.pathname === href.split('?')[0]);

    await page.getByRole('toolbar', { name: 'Conversation actions' }).waitFor();
    await page.keyboard.press('a');
    await page.getByText('Assigned to Maria Popescu').waitFor();

    await page.keyboard.press('r');
    const body = page.getByRole('region', { name: 'Reply' }).getByRole('textbox', { name: 'Message' });
    await expectFocused(page, body);
    // Letters that are shortcuts elsewhere are plain typing in a field.
    await page.keyboard.type('Just checked: the jacket goes out today.');
    await body.getByText('Just checked: the jacket goes out today.').waitFor();
    assert.match(page.url(), /\/inbox\/conversations\//, 'typing j/k/g in the editor moved nowhere');
    await page.keyboard.press('Control+Enter');
    await body.getByText('Just checked').waitFor({ state: 'detached' });

    // The fresh reply composer keeps the focus in its body; Tab leaves the body for the next
    // control (Insert, a button, where single keys are shortcuts again), e closes the
    // conversation, g o goes to the Outbox with the reply.
    await t.test('Tab out of the editor, e closes, g o opens the Outbox with the reply', async () => {
      await expectFocused(page, body);
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => ({
        tag: document.activeElement?.tagName,
        name: document.activeElement?.textContent?.trim(),
      }));
      assert.deepEqual(focused, { tag: 'BUTTON', name: 'Insert' }, 'Tab after the body goes to Insert');
      await page.keyboard.press('e');
      await page.getByRole('button', { name: 'Reopen conversation' }).waitFor();

      await page.keyboard.press('g');
      await page.keyboard.press('o');
      await page.waitForURL(/\/inbox\/outbox/);
      const list = page.getByRole('list', { name: 'Outbox messages' });
      await list.getByRole('listitem').nth(before).waitFor();
      assert.equal(await list.getByRole('listitem').count(), before + 1);
    });
    assertNoPageErrors(page);
  } finally {
    await context.close();
  }
});

test('Skip to content moves the focus to the page\'s main content', async () => {
  const context = await browser.newContext();
  try {
    const page = await newPage(context);
    await openApp(page, `${server.url}/inbox/all-open`);
    await page.locator('.sb-row__link').first().waitFor();
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to content' });
    assert.equal(await skip.evaluate((el) => el === document.activeElement), true, 'the first Tab stop');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'main');
    // The next Tab goes on inside the main content, past the top bar and the navigation.
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => !!document.activeElement?.closest('#main')), true);
    assertNoPageErrors(page);
  } finally {
    await context.close();
  }
});

test('menus follow the menu button pattern: focus on open, arrows, Escape closes only the menu', async () => {
  const context = await browser.newContext();
  try {
    const page = await newPage(context);
    const focusedName = () => page.evaluate(() => document.activeElement?.textContent?.trim());
    // Compose › Insert, inside the New email dialog.
    await openApp(page, `${server.url}/help-desk`);
    await page.getByRole('button', { name: 'Compose' }).click();
    const dialog = page.getByRole('dialog', { name: 'New email' });
    const insert = dialog.getByRole('button', { name: 'Insert' });
    await insert.focus();
    await page.keyboard.press('Enter');
    const menu = dialog.getByRole('menu', { name: 'Insert' });
    await menu.waitFor();
    const items = await menu.getByRole('menuitem').allTextContents();
    await page.waitForFunction((first) => document.activeElement?.textContent?.trim() === first, items[0].trim());
    await page.keyboard.press('ArrowDown');
    assert.equal(await focusedName(), items[1].trim());
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    assert.equal(await focusedName(), items.at(-1).trim(), 'ArrowUp from the first wraps to the last');
    await page.keyboard.press('Home');
    assert.equal(await focusedName(), items[0].trim());
    await page.keyboard.press('Escape');
    await menu.waitFor({ state: 'hidden' });
    assert.equal(await dialog.isVisible(), true, 'Escape closed the menu, not the dialog');
    assert.equal(await insert.evaluate((el) => el === document.activeElement), true, 'the focus is back on Insert');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });

    // A conversation's More menu.
    await openApp(page, `${server.url}/inbox/conversations/conv-001`);
    const more = page.getByRole('toolbar', { name: 'Conversation actions' }).getByRole('button', { name: 'More' });
    await more.click();
    const moreMenu = page.getByRole('menu', { name: 'More' });
    await moreMenu.waitFor();
    const moreItems = await moreMenu.getByRole('menuitem').allTextContents();
    await page.waitForFunction((first) => document.activeElement?.textContent?.trim() === first, moreItems[0].trim());
    await page.keyboard.press('End');
    assert.equal(await focusedName(), moreItems.at(-1).trim());
    await page.keyboard.press('Escape');
    await moreMenu.waitFor({ state: 'hidden' });
    assert.equal(await more.evaluate((el) => el === document.activeElement), true);
    assertNoPageErrors(page);
  } finally {
    await context.close();
  }
});

test('tab lists follow the tabs pattern: arrows and Home/End choose and focus a tab', async () => {
  const context = await browser.newContext();
  try {
    const page = await newPage(context);
    await openApp(page, `${server.url}/settings/inboxes?inbox=inbox-support`);
    const channels = page.getByRole('tab', { name: 'Channels' });
    const access = page.getByRole('tab', { name: 'Access' });
    await channels.focus();
    await page.keyboard.press('ArrowRight');
    assert.equal(await access.getAttribute('aria-selected'), 'true');
    assert.equal(await access.evaluate((el) => el === document.activeElement), true);
    assert.equal(await page.getByRole('tabpanel', { name: 'Access' }).isVisible(), true);
    await page.keyboard.press('ArrowRight');
    assert.equal(await channels.getAttribute('aria-selected'), 'true', 'wraps to the first tab');
    await page.keyboard.press('End');
    assert.equal(await access.getAttribute('aria-selected'), 'true');
    await page.keyboard.press('Home');
    assert.equal(await channels.getAttribute('aria-selected'), 'true');
    // Only the selected tab is a Tab stop.
    assert.equal(await access.getAttribute('tabindex'), '-1');
    assertNoPageErrors(page);
  } finally {
    await context.close();
  }
});

test('? shows the cheat sheet; shortcuts can be turned off in Settings › Profile', async () => {
  const context = await browser.newContext();
  try {
    const page = await newPage(context);
    await openApp(page, `${server.url}/inbox/all-open`);
    await page.locator('.sb-row__link').first().waitFor();
    await page.keyboard.press('?');
    const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await sheet.waitFor();
    await sheet.getByText('Next conversation').waitFor();
    await sheet.getByText('Go to Unassigned').waitFor();
    await page.keyboard.press('Escape');
    await sheet.waitFor({ state: 'hidden' });

    await openApp(page, `${server.url}/settings/profile`);
    const toggle = page.getByRole('checkbox', { name: 'Keyboard shortcuts' });
    assert.equal(await toggle.isChecked(), true);
    await toggle.uncheck();
    await page.keyboard.press('Tab');
    await page.reload();
    await page.getByRole('checkbox', { name: 'Keyboard shortcuts' }).waitFor();
    assert.equal(await page.getByRole('checkbox', { name: 'Keyboard shortcuts' }).isChecked(), false);
    await page.locator('body').press('?');
    await page.keyboard.press('g');
    await page.keyboard.press('u');
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).isVisible(), false);
    assert.match(page.url(), /\/settings\/profile$/, 'g u did nothing while shortcuts are off');
    assertNoPageErrors(page);
  } finally {
    await context.close();
  }
});

async function expectFocused(page, locator) {
  await locator.waitFor();
  const handle = await locator.elementHandle();
  await page.waitForFunction((el) => document.activeElement === el, handle);
}
