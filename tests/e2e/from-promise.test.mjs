// SPEC §4 (the From promise) and §7 (drafts), driven by role and label as an admin and a rep:
// the admin sets a team's Default reply email in Settings › Help Desk; a rep composing in the
// help desk gets it with its reason; a thread on another address shows the "differs" notice; a
// deliberate From choice survives a reload and the admin moving the team default in another
// tab; the sent message's raw From header is exactly the one shown; a draft survives a reload.
// Persistent context: drafts and settings live in IndexedDB.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { distDir } from './support/paths.mjs';
import { startServer } from './support/server.mjs';
import {
  assertNoPageErrors,
  launchPersistent,
  makeProfileDir,
  newPage,
  openApp,
  removeProfileDir,
} from './support/browser.mjs';
import { switchUser } from './support/app.mjs';

let server;

before(async () => {
  server = await startServer({ root: distDir });
});

after(async () => {
  await server?.close();
});

const SUPPORT = 'Northwind Support <support@northwind.example>';
const FALLBACK = 'Giulia Rossi from Northwind Support <support@northwind.inbox.example>';


async function selectedText(select) {
  return (await select.evaluate((s) => s.selectedOptions[0]?.textContent ?? '')).trim();
}

/** Settings › Help Desk: make `address` the default reply email of team Support. */
async function setSupportDefault(page, rowLabel, address, expectedMove) {
  await openApp(page, `${server.url}/settings/help-desk`);
  await page.getByRole('button', { name: `Edit ${rowLabel}` }).click();
  const dialog = page.getByRole('dialog', { name: `Edit ${address}` });
  await dialog.getByLabel('Default reply email').check();
  await dialog.getByLabel('Support', { exact: true }).check();
  await dialog.getByRole('status', { name: 'What changes' }).getByText(expectedMove).waitFor();
  await dialog.getByRole('button', { name: 'Save' }).click();
  await dialog.waitFor({ state: 'hidden' });
  const row = page.getByRole('row').filter({ hasText: rowLabel });
  await row.getByRole('cell', { name: 'Support', exact: true }).waitFor();
}

async function openCompose(page) {
  await openApp(page, `${server.url}/help-desk`);
  await page.getByRole('button', { name: 'Compose' }).click();
  const dialog = page.getByRole('dialog', { name: 'New email' });
  await dialog.getByLabel('From', { exact: true }).waitFor();
  return dialog;
}

test('the From promise: team default, thread notice, deliberate choice, sent header, drafts', async () => {
  const dir = await makeProfileDir();
  const context = await launchPersistent(dir);
  try {
    const page = await newPage(context);
    await openApp(page, `${server.url}/settings/help-desk`);

    // A rep sees the setting read-only, with the reason.
    await switchUser(page, 'Giulia Rossi — User');
    await page.getByRole('note').getByText(/Read-only/).waitFor();
    assert.ok(await page.getByRole('button', { name: `Edit ${SUPPORT}` }).isDisabled());

    // (a) The super admin makes support@ the Default reply email of team Support.
    await switchUser(page, 'Maria Popescu — Super admin');
    await setSupportDefault(page, SUPPORT, 'support@northwind.example',
      "Support's default becomes support@northwind.example");

    // (b) Giulia (primary team Support) composes in the help desk: the team default, with why.
    await switchUser(page, 'Giulia Rossi — User');
    let compose = await openCompose(page);
    let from = compose.getByLabel('From', { exact: true });
    assert.equal(await selectedText(from), SUPPORT);
    await compose.getByText('Team default — Support').waitFor();

    // (d) A deliberate choice is saved with the draft and survives a reload.
    await from.selectOption({ label: FALLBACK });
    await compose.getByText('Your choice').waitFor();
    await compose.getByLabel('Subject').fill('Your tent order');
    await compose.getByRole('status').getByText('Saved', { exact: true }).waitFor();
    await page.reload();
    compose = await openCompose(page);
    from = compose.getByLabel('From', { exact: true });
    await compose.getByText('Your choice').waitFor();
    assert.equal(await selectedText(from), FALLBACK);
    assert.equal(await compose.getByLabel('Subject').inputValue(), 'Your tent order');

    // ... and the admin moving Support's default in another tab does not revert it.
    const admin = await newPage(context);
    await openApp(admin, `${server.url}/settings/help-desk`);
    await switchUser(admin, 'Maria Popescu — Super admin');
    await setSupportDefault(admin, 'Northwind Billing <billing@northwind.example>',
      'billing@northwind.example',
      "Support's default moves from support@northwind.example to billing@northwind.example");
    await page.reload();
    compose = await openCompose(page);
    from = compose.getByLabel('From', { exact: true });
    await compose.getByText('Your choice').waitFor();
    assert.equal(await selectedText(from), FALLBACK);

    // (e) Send: the Outbox holds the real message whose From is exactly the one shown.
    await compose.getByLabel('To', { exact: true }).fill('not an address');
    await compose.getByRole('button', { name: 'Send' }).click();
    await compose.getByText(/is not a valid email address/).waitFor();
    await compose.getByLabel('To', { exact: true }).fill('erik.larsen@mail.example');
    // The message was about what To held then: changing the recipients takes it away.
    await compose.getByText(/is not a valid email address/).waitFor({ state: 'detached' });
    await compose.getByRole('textbox', { name: 'Message' }).fill('Hello Erik, your tent ships today.');
    await compose.getByRole('button', { name: 'Send' }).click();
    await compose.waitFor({ state: 'hidden' });
    await openApp(page, `${server.url}/help-desk/outbox?inbox=inbox-support`);
    const item = page.getByRole('list', { name: 'Outbox messages' }).getByRole('listitem')
      .filter({ hasText: 'Your tent order' });
    await item.getByText('Raw message').click();
    const raw = await item.locator('pre').textContent();
    assert.match(raw, /^From: Giulia Rossi from Northwind Support <support@northwind\.inbox\.example>\r?$/m);
    assert.match(raw, /^Message-ID: <[0-9a-f]+@northwind\.inbox\.example>\r?$/m);
    assert.match(raw, /^To: <erik\.larsen@mail\.example>\r?$/m);

    // The sent draft is gone: Compose starts again from the team default (now billing@).
    compose = await openCompose(page);
    await compose.getByText('Team default — Support').waitFor();
    assert.equal(await selectedText(compose.getByLabel('From', { exact: true })),
      'Northwind Billing <billing@northwind.example>');
    await compose.getByRole('button', { name: 'Close' }).click();

    // (c) A help desk thread on another address keeps it, with the "differs" notice.
    await openApp(page, `${server.url}/help-desk/conversations/conv-010?inbox=inbox-support`);
    const reply = page.getByRole('region', { name: 'Reply' });
    await reply.getByRole('status').filter({ hasText: 'differs from your default From address' }).waitFor();
    await reply.getByText('Address of this thread').waitFor();

    // (f) A draft's text survives a reload.
    await reply.getByRole('textbox', { name: 'Message' }).fill('Checking with the courier now.');
    await reply.getByRole('status').getByText('Saved', { exact: true }).waitFor();
    await page.reload();
    await page.getByRole('region', { name: 'Reply' }).getByRole('textbox', { name: 'Message' })
      .getByText('Checking with the courier now.').waitFor();

    // Show recipients reveals To, Cc, Bcc and From.
    await page.getByRole('region', { name: 'Reply' }).getByRole('button', { name: 'Show recipients' }).click();
    for (const label of ['To', 'Cc', 'Bcc', 'From']) {
      await page.getByRole('region', { name: 'Reply' }).getByLabel(label, { exact: true }).waitFor();
    }

    assertNoPageErrors(page);
    assertNoPageErrors(admin);
  } finally {
    await context.close();
    await removeProfileDir(dir);
  }
});

test('a From on a channel turned off in another tab: named in words, and a CRM default on it blocks', async () => {
  const dir = await makeProfileDir();
  const context = await launchPersistent(dir);
  try {
    const page = await newPage(context);
    await openApp(page, `${server.url}/settings/profile`);
    await switchUser(page, 'Maria Popescu — Super admin');

    // Maria's personal CRM default becomes the Support team email.
    const crmDefault = page.getByLabel('Default From address for the CRM');
    await crmDefault.selectOption({ label: 'support@northwind.example' });
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Profile saved.').first().waitFor();

    // A reply From chosen deliberately: the Support team email.
    await openApp(page, `${server.url}/inbox/conversations/conv-006?inbox=inbox-support`);
    let reply = page.getByRole('region', { name: 'Reply' });
    await reply.getByRole('button', { name: 'Show recipients' }).click();
    let from = reply.getByLabel('From', { exact: true });
    await from.selectOption({ label: SUPPORT });
    await reply.getByText('Your choice').waitFor();
    await reply.getByRole('status').getByText('Saved', { exact: true }).waitFor();

    // Another tab turns support@ off.
    const admin = await newPage(context);
    await openApp(admin, `${server.url}/settings/inboxes?inbox=inbox-support`);
    await switchUser(admin, 'Maria Popescu — Super admin');
    const status = admin.getByRole('switch', { name: 'Status of support@northwind.example' });
    await status.click();
    await admin.waitForFunction(() =>
      document.querySelector('[aria-label="Status of support@northwind.example"]')?.getAttribute('aria-checked') === 'false');

    // The reply keeps the choice, named as the dropdown named it, and says why it is blocked.
    await reply.getByRole('alert').filter({ hasText: /You chose to send from support@northwind\.example/ }).waitFor();
    assert.equal(await selectedText(from), `${SUPPORT} (can't be used now)`);
    assert.doesNotMatch(await from.evaluate((s) => s.textContent), /ch-support-email/);

    // The CRM composer does not preselect the disabled default: it asks, and says why.
    await openApp(page, `${server.url}/contacts/c-004`);
    await page.getByRole('button', { name: 'Send email' }).click();
    const crm = page.getByRole('dialog', { name: 'Send email' });
    from = crm.getByLabel('From', { exact: true });
    await crm.getByRole('alert')
      .filter({ hasText: "Your CRM default From address, support@northwind.example, can't be used now." })
      .waitFor();
    assert.match(await crm.getByRole('alert')
      .filter({ hasText: 'Your CRM default From address' }).textContent(), /turned off/);
    assert.equal(await selectedText(from), 'Choose a From address');
    const offered = await from.locator('option:not([disabled])').allTextContents();
    assert.ok(!offered.some((o) => o.includes('support@northwind.example')), offered.join(' | '));
    assert.ok(offered.includes('Maria Popescu <maria.popescu@northwind.example>'), offered.join(' | '));
    assert.equal(await crm.getByText('Your CRM default', { exact: true }).count(), 0);
    assert.ok(await crm.getByRole('button', { name: 'Send' }).isDisabled());
    await crm.getByRole('button', { name: 'Close' }).click();

    // Profile says the stored default is unusable instead of showing an empty select.
    await openApp(page, `${server.url}/settings/profile`);
    await page.getByText("Your saved default, support@northwind.example, can't be used now.", { exact: false }).waitFor();
    assert.equal(
      await selectedText(page.getByLabel('Default From address for the CRM')),
      "support@northwind.example (can't be used now)",
    );

    assertNoPageErrors(page);
    assertNoPageErrors(admin);
  } finally {
    await context.close();
    await removeProfileDir(dir);
  }
});
