// SPEC §1 (workspace, people, Switch user) and the foundation: the app boots to the demo Inbox
// from the store, Switch user changes who acts and what they see, state survives a reload, and
// Reset demo workspace restores the demo. Elements are found by role and label.

import assert from 'node:assert/strict';
import { after, test } from 'node:test';

import {
  assertNoPageErrors,
  launchPersistent,
  makeProfileDir,
  newPage,
  openApp,
  removeProfileDir,
} from './support/browser.mjs';
import { switchUser, inboxOptions, useApp } from './support/app.mjs';

const app = useApp();

test('the app boots to the demo Inbox with views, counts and conversations', async () => {
  await app.withPage(async (page) => {
    await openApp(page, `${app.server.url}/`);
    await page.getByRole('heading', { level: 1, name: 'Inbox' }).waitFor();
    assert.deepEqual(await inboxOptions(page), ['Billing', 'Support']);
    const views = page.getByRole('navigation', { name: 'Views' });
    for (const name of ['Unassigned', 'Assigned to me', 'All open', 'Closed', 'Sent', 'Outbox', 'Trash']) {
      await views.getByRole('link', { name: new RegExp(`^${name}`) }).waitFor();
    }
    const unassigned = views.getByRole('link', { name: /^Unassigned/ });
    await page.waitForFunction(() => /\d/.test(document.querySelector('.sb-views__count')?.textContent ?? ''));
    const count = Number((await unassigned.textContent()).replace(/\D+/g, ''));
    assert.ok(count > 0, 'the demo has unassigned conversations');
    const rows = page.getByRole('list', { name: 'Conversations' }).getByRole('listitem');
    assert.equal(await rows.count(), Math.min(count, 50));
    assertNoPageErrors(page);
  });
});

test('opening a conversation shows its thread, and a message over 100 KB is cut', async () => {
  await app.withPage(async (page) => {
    await openApp(page, `${app.server.url}/inbox/all-open?inbox=inbox-support`);
    const first = page.getByRole('list', { name: 'Conversations' }).getByRole('link').first();
    const subject = (await first.locator('.sb-row__subject').textContent()).trim();
    await first.click();
    await page.getByRole('region', { name: 'Conversation' }).getByRole('heading', { name: subject }).waitFor();
    assert.match(new URL(page.url()).pathname, /^\/inbox\/conversations\//);

    await switchUser(page, 'Tomasz Kowalski — Admin');
    await page.goto(`${app.server.url}/inbox/conversations/conv-042?inbox=inbox-billing`);
    await page.getByRole('button', { name: 'View entire message' }).waitFor();
    assertNoPageErrors(page);
  });
});

test('Switch user changes the current user and the inboxes they can see', async () => {
  await app.withPage(async (page) => {
    await openApp(page, `${app.server.url}/`);
    await switchUser(page, 'Lars Jansen — User');
    await page.getByRole('button', { name: 'Account menu: Lars Jansen' }).waitFor();
    assert.deepEqual(await inboxOptions(page), ['Support'], 'Lars is in no team: no Billing inbox');

    await switchUser(page, 'Piotr Nowak — User');
    await page.getByRole('button', { name: 'Account menu: Piotr Nowak' }).waitFor();
    assert.deepEqual(await inboxOptions(page), ['Billing', 'Support'], 'Piotr is in Billing');
    assertNoPageErrors(page);
  });
});

test('a tab keeps its user when another tab switches user', async () => {
  await app.withPage(async (first, context) => {
    await openApp(first, `${app.server.url}/`);
    await first.getByRole('button', { name: 'Account menu: Maria Popescu' }).waitFor();
    const second = await context.newPage();
    await openApp(second, `${app.server.url}/`);
    await switchUser(second, 'Lars Jansen — User');
    await second.getByRole('button', { name: 'Account menu: Lars Jansen' }).waitFor();
    // The first tab, reloaded, is still Maria's; a new tab starts as the user last chosen.
    await first.reload();
    await first.getByRole('button', { name: 'Account menu: Maria Popescu' }).waitFor();
    const third = await context.newPage();
    await openApp(third, `${app.server.url}/`);
    await third.getByRole('button', { name: 'Account menu: Lars Jansen' }).waitFor();
    assertNoPageErrors(first);
  });
});

test('state lives in IndexedDB and survives a reload; Reset demo workspace restores it', async () => {
  const dir = await makeProfileDir();
  const context = await launchPersistent(dir);
  try {
    const page = await newPage(context);
    const demoLoads = [];
    page.on('request', (r) => {
      if (new URL(r.url()).pathname === '/demo/workspace.json') demoLoads.push(r.url());
    });
    await openApp(page, `${app.server.url}/`);
    await page.getByRole('heading', { level: 1, name: 'Inbox' }).waitFor();
    assert.equal(demoLoads.length, 1, 'the demo is fetched once, on first start');

    await switchUser(page, 'Giulia Rossi — User');
    await page.reload();
    await page.getByRole('button', { name: 'Account menu: Giulia Rossi' }).waitFor();
    await page.getByRole('list', { name: 'Conversations' }).waitFor();
    assert.equal(demoLoads.length, 1, 'after a reload the data comes from IndexedDB, not the file');

    await page.getByRole('button', { name: /Account menu/ }).click();
    await page.getByRole('button', { name: 'Reset demo workspace' }).click();
    const dialog = page.getByRole('dialog', { name: 'Reset demo workspace?' });
    await dialog.getByRole('button', { name: 'Reset' }).click();
    await page.getByRole('status').getByText('The demo workspace was reset.').waitFor();
    assert.equal(demoLoads.length, 2, 'reset loads the demo file again');
    assertNoPageErrors(page);
  } finally {
    await context.close();
    await removeProfileDir(dir);
  }
});

test('every SPEC §10 path loads its page directly', async () => {
  await app.withPage(async (page) => {
    const pages = [
      ['/', 'Inbox'],
      ['/inbox/closed', 'Inbox'],
      ['/help-desk', 'Help desk'],
      ['/contacts', 'Contacts'],
      ['/settings/inboxes', 'Inboxes'],
      ['/settings/help-desk', 'Help Desk'],
      ['/settings/profile', 'Profile'],
      ['/settings/mail-server', 'Mail server'],
      ['/settings/templates', 'Templates'],
    ];
    for (const [path, heading] of pages) {
      await openApp(page, `${app.server.url}${path}`);
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
    }
    // A path that names no page says so, a view name as much as any other.
    for (const path of ['/inbox/no-such-view', '/help-desk/no-such-view', '/settings/no-such-page']) {
      await page.goto(`${app.server.url}${path}`);
      await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
    }
    assertNoPageErrors(page);
  });
});

test('Search conversations finds by subject, by contact (accents ignored) and by body text', async () => {
  await app.withPage(async (page) => {
    await openApp(page, `${app.server.url}/inbox/all-open?inbox=inbox-support`);
    const search = page.getByLabel('Search conversations');
    const results = page.getByRole('list', { name: 'Search results' });

    await search.fill('trekking poles');
    await results.getByText('Replacement tips for trekking poles').first().waitFor();
    for (const subject of await results.locator('.sb-row__subject').allTextContents()) {
      assert.match(subject.toLowerCase(), /trekking poles/);
    }

    await search.fill('stefan radulescu');
    await results.getByText('Ștefan Rădulescu').first().waitFor();

    await search.fill('no such words anywhere xyzzy');
    await page.getByRole('status').getByText('No conversations match your search.').waitFor();

    await search.fill('');
    await page.getByRole('list', { name: 'Conversations' }).waitFor();

    // A word that only appears deep inside the 100 KB ledger pasted into a Billing email.
    await switchUser(page, 'Tomasz Kowalski — Admin');
    await page.goto(`${app.server.url}/inbox/all-open?inbox=inbox-billing`);
    await search.fill('DN-70023');
    await results.getByText('Q3 invoice reconciliation: line items').waitFor();
    assert.equal(await results.getByRole('listitem').count(), 1);
    assertNoPageErrors(page);
  });
});
