// SPEC §2 and §3 end to end, by role and label: a team email channel switched off in
// Settings › Inboxes is no longer offered as a From in the Inbox composer (and is again once
// switched back on); and the Support inbox's automation (Automatically assign conversations to
// specific users, Automatically create tickets) applies to a newly imported message: it is
// assigned to the chosen paid-seat user and ticketed, so on the Professional plan it moves to the
// help desk, where that user finds it under Assigned to me with its ticket.

import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';

import { assertNoPageErrors, openApp } from './support/browser.mjs';
import { switchUser, useApp } from './support/app.mjs';

const app = useApp();

const SUPPORT_ADDRESS = 'support@northwind.example';

/** Opens Settings › Inboxes on `inbox`. */
async function openSettings(page, inbox) {
  await page.goto(`${app.server.url}/settings/inboxes?inbox=${inbox}`);
  await page.getByRole('heading', { level: 1, name: 'Inboxes' }).waitFor();
}

/** Flips the Status switch of `address` and waits until it reads `on`. */
async function setChannelStatus(page, address, on) {
  const status = page.getByRole('switch', { name: `Status of ${address}` });
  assert.equal(await status.getAttribute('aria-checked'), String(!on));
  await status.click();
  await page.waitForFunction(
    ([name, value]) => document.querySelector(`[aria-label="${name}"]`)?.getAttribute('aria-checked') === value,
    [`Status of ${address}`, String(on)],
  );
}

/** The From options of a new email composed in the Inbox workspace of Support. */
async function composeFromOptions(page) {
  await page.goto(`${app.server.url}/inbox/unassigned?inbox=inbox-support`);
  await page.getByRole('heading', { level: 1, name: 'Inbox' }).waitFor();
  await page.getByRole('button', { name: 'Compose' }).click();
  const dialog = page.getByRole('dialog', { name: 'New email' });
  const from = dialog.getByLabel('From', { exact: true });
  await from.waitFor();
  await from.locator('option').first().waitFor({ state: 'attached' });
  return (await from.locator('option').allTextContents()).map((t) => t.trim());
}

function offers(options, address) {
  return options.some((o) => o.includes(`<${address}>`));
}

function thread(page) {
  return page.getByRole('region', { name: 'Conversation' });
}

function ticketCard(page) {
  return page.getByRole('complementary', { name: 'Ticket and contact' }).getByRole('region', { name: 'Ticket' });
}

/** A new customer email to the Support team address, unique per run so it starts a thread. */
function newSupportEmail(subject) {
  const id = randomUUID();
  const text = [
    'From: Henrik Dahl <henrik.dahl@fjordtrail.example>',
    `To: Northwind Support <${SUPPORT_ADDRESS}>`,
    `Subject: ${subject}`,
    `Message-ID: <${id}@fjordtrail.example>`,
    'Date: Thu, 19 Nov 2026 09:15:00 +0100',
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 7bit',
    '',
    'Hello Northwind,',
    '',
    'The zip of my Fjord rain jacket came off after two weeks. Can you repair or replace it?',
    '',
    'Henrik',
    '',
  ].join('\r\n');
  return { name: `automation-${id.slice(0, 8)}.eml`, mimeType: 'message/rfc822', buffer: Buffer.from(text) };
}

test('a disabled channel vanishes from the From choices', async () => {
  await app.withPage(async (page) => {
    await openApp(page, `${app.server.url}/`);
    await switchUser(page, 'Tomasz Kowalski — Admin');

    const before = await composeFromOptions(page);
    assert.ok(offers(before, SUPPORT_ADDRESS), `offered while enabled: ${before.join(' | ')}`);

    await openSettings(page, 'inbox-support');
    await setChannelStatus(page, SUPPORT_ADDRESS, false);
    const off = await composeFromOptions(page);
    assert.ok(!offers(off, SUPPORT_ADDRESS), `not offered while disabled: ${off.join(' | ')}`);
    // Only that channel went away: the Support fallback address is still a choice.
    assert.ok(offers(off, 'support@northwind.inbox.example'), off.join(' | '));

    await openSettings(page, 'inbox-support');
    await setChannelStatus(page, SUPPORT_ADDRESS, true);
    const on = await composeFromOptions(page);
    assert.ok(offers(on, SUPPORT_ADDRESS), `offered again once enabled: ${on.join(' | ')}`);
    assertNoPageErrors(page);
  });
});

test('auto-assignment and ticket creation apply to an imported message', async () => {
  await app.withPage(async (page) => {
    await openApp(page, `${app.server.url}/`);
    await switchUser(page, 'Tomasz Kowalski — Admin');
    await openSettings(page, 'inbox-support');

    await page.getByRole('button', { name: 'Edit fallback email' }).click();
    const dialog = page.getByRole('dialog', { name: 'Fallback email' });
    await dialog.getByRole('tab', { name: 'Automation' }).click();
    const assign = dialog.getByLabel('Automatically assign conversations');
    assert.ok(!(await assign.isChecked()), 'the demo starts with automation off');
    await assign.check();
    await dialog.getByRole('radio', { name: 'Specific users and teams' }).check();
    await dialog.getByRole('checkbox', { name: 'Giulia Rossi', exact: true }).check();
    await dialog.getByLabel('Automatically create tickets').check();
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'hidden' });

    // Saved: the dialog reopens with the same automation.
    await page.getByRole('button', { name: 'Edit fallback email' }).click();
    await dialog.getByRole('tab', { name: 'Automation' }).click();
    assert.ok(await dialog.getByLabel('Automatically assign conversations').isChecked());
    assert.ok(await dialog.getByRole('checkbox', { name: 'Giulia Rossi', exact: true }).isChecked());
    assert.ok(await dialog.getByLabel('Automatically create tickets').isChecked());
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });

    const subject = `Zip came off my Fjord rain jacket ${randomUUID().slice(0, 6)}`;
    const email = newSupportEmail(subject);
    await page.goto(`${app.server.url}/inbox/unassigned?inbox=inbox-support`);
    await page.getByRole('heading', { level: 1, name: 'Inbox' }).waitFor();
    await page.getByLabel('Import email').setInputFiles(email);
    const line = page.getByRole('region', { name: 'Import results' })
      .getByRole('listitem')
      .filter({ hasText: email.name });
    await line.waitFor();
    assert.equal(
      (await line.textContent()).trim(),
      `${email.name}: added to Support, new conversation, assigned to Giulia Rossi, ticket created and moved to the help desk`,
    );

    // Giulia finds it in the help desk under Assigned to me, with its ticket.
    await switchUser(page, 'Giulia Rossi — User');
    await page.goto(`${app.server.url}/help-desk/assigned-to-me?inbox=inbox-support`);
    await page.getByRole('heading', { level: 1, name: 'Help desk' }).waitFor();
    await page.getByRole('list', { name: 'Conversations' }).getByRole('link', { name: new RegExp(subject) }).click();
    await thread(page).getByRole('heading', { level: 2, name: subject }).waitFor();
    await thread(page).getByText('Assigned to Giulia Rossi').waitFor();
    await ticketCard(page).getByRole('link', { name: subject }).waitFor();
    const owner = ticketCard(page).getByLabel('Ticket owner', { exact: true });
    assert.equal(await owner.evaluate((s) => s.options[s.selectedIndex]?.textContent ?? ''), 'Giulia Rossi');

    // The ticket list has it, and the Inbox workspace no longer lists the conversation.
    await page.goto(`${app.server.url}/help-desk/tickets`);
    await page.getByRole('heading', { level: 1, name: 'Tickets' }).waitFor();
    await page.getByRole('table').getByRole('link', { name: subject }).waitFor();
    await page.goto(`${app.server.url}/inbox/all-open?inbox=inbox-support`);
    await page.getByRole('heading', { level: 1, name: 'Inbox' }).waitFor();
    await page.getByRole('list', { name: 'Conversations' }).getByRole('link').first().waitFor();
    assert.equal(
      await page.getByRole('list', { name: 'Conversations' }).getByRole('link', { name: new RegExp(subject) }).count(),
      0,
    );
    assertNoPageErrors(page);
  });
});
