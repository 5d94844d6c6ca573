// SPEC §6 tickets and conversations, driven by role and label: Create ticket moves the
// conversation to the help desk (and says where), owners follow one way only, Ticket status ›
// Closed closes every conversation, reopening reopens a lone conversation but not two, More ›
// Close conversation closes only that one, More › Move to trash takes the ticket with it and
// Restore brings both back; the sidebar card, Edit the properties shown, View more, the ticket
// record page and the help desk ticket list with its filters.

import assert from 'node:assert/strict';
import { after, test } from 'node:test';

import { assertNoPageErrors, openApp } from './support/browser.mjs';
import { useApp } from './support/app.mjs';

const app = useApp();

function thread(page) {
  return page.getByRole('region', { name: 'Conversation' });
}

function actions(page) {
  return thread(page).getByRole('toolbar', { name: 'Conversation actions' });
}

function card(page) {
  return page.getByRole('complementary', { name: 'Ticket and contact' }).getByRole('region', { name: 'Ticket' });
}

async function toast(page, text) {
  await page.getByRole('status').getByText(text).first().waitFor();
}

async function selectedLabel(select) {
  return select.evaluate((el) => el.options[el.selectedIndex]?.textContent ?? '');
}

/** Waits until the select shows `label` (the card re-renders after each change). */
async function waitForSelected(select, label) {
  for (let i = 0; i < 50; i += 1) {
    if ((await selectedLabel(select)) === label) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  assert.equal(await selectedLabel(select), label);
}

async function openConversation(page, id, subject, area = 'help-desk') {
  await openApp(page, `${app.server.url}/${area}/conversations/${id}?inbox=inbox-support`);
  await thread(page).getByRole('heading', { name: subject }).waitFor();
}

async function ticketNames(page) {
  await openApp(page, `${app.server.url}/help-desk/tickets`);
  await page.getByRole('table').waitFor();
  return page.getByRole('table').getByRole('link').allTextContents();
}

test('Create ticket moves to the help desk; owners follow one way; status closes and reopens', async () => {
  await app.withPage(async (page) => {
    await openConversation(page, 'conv-003', 'Exchange Tundra fleece for a larger size', 'inbox');
    await actions(page).getByRole('button', { name: 'Create ticket' }).click();
    const dialog = page.getByRole('dialog', { name: 'Create ticket' });
    assert.equal(await dialog.getByLabel('Ticket name').inputValue(), 'Exchange Tundra fleece for a larger size');
    assert.equal(await selectedLabel(dialog.getByLabel('Pipeline')), 'Support Pipeline');
    assert.equal(await selectedLabel(dialog.getByLabel('Ticket owner')), 'Conversation owner (Giulia Rossi)');
    await dialog.getByLabel('Priority').selectOption({ label: 'High' });
    await dialog.getByRole('button', { name: 'Create' }).click();
    await toast(page, 'Ticket created. The ticket and its conversation moved to the help desk.');
    await page.getByRole('status').getByRole('link', { name: 'Open in the help desk' }).click();
    await page.waitForURL(/\/help-desk\/conversations\/conv-003/);
    await page.getByRole('heading', { level: 1, name: 'Help desk' }).waitFor();
    await card(page).getByRole('link', { name: 'Exchange Tundra fleece for a larger size' }).waitFor();
    assert.equal(await selectedLabel(card(page).getByLabel('Ticket owner', { exact: true })), 'Giulia Rossi');
    assert.equal(await selectedLabel(card(page).getByLabel('Priority', { exact: true })), 'High');
    const viewMore = card(page).getByRole('link', { name: 'View more' });
    assert.match(await viewMore.getAttribute('href'), /^\/tickets\/tk-/);
    assert.equal(await viewMore.getAttribute('target'), '_blank');

    // Conversation owner → ticket owner follows.
    await actions(page).getByRole('button', { name: 'Reassign' }).click();
    const reassign = page.getByRole('dialog', { name: 'Reassign' });
    await reassign.getByLabel('Assign to').selectOption({ label: 'Tomasz Kowalski' });
    await reassign.getByRole('button', { name: 'Save' }).click();
    await toast(page, 'Conversation reassigned. The ticket owner changed with it.');
    await thread(page).getByText('Assigned to Tomasz Kowalski').waitFor();
    await waitForSelected(card(page).getByLabel('Ticket owner', { exact: true }), 'Tomasz Kowalski');

    // Ticket owner → the conversation owner stays.
    await card(page).getByLabel('Ticket owner', { exact: true }).selectOption({ label: 'Piotr Nowak' });
    await toast(page, 'Ticket owner changed. The conversation owner stays the same.');
    await thread(page).getByText('Assigned to Tomasz Kowalski').waitFor();
    await waitForSelected(card(page).getByLabel('Ticket owner', { exact: true }), 'Piotr Nowak');

    // Ticket status › Closed closes the conversation.
    await card(page).getByLabel('Ticket status', { exact: true }).selectOption({ label: 'Closed' });
    await toast(page, 'Ticket closed with 1 conversation.');
    await actions(page).getByRole('button', { name: 'Reopen conversation' }).waitFor();

    // Reopening the ticket (any other status) reopens its only conversation.
    await card(page).getByLabel('Ticket status', { exact: true }).selectOption({ label: 'Waiting on us' });
    await toast(page, 'Ticket reopened with its conversation.');
    await actions(page).getByRole('button', { name: 'Close conversation' }).waitFor();

    // More › Close conversation closes only the conversation.
    await actions(page).getByRole('button', { name: 'More' }).click();
    await actions(page).getByRole('menuitem', { name: 'Close conversation' }).click();
    await toast(page, 'Conversation closed. Its ticket stays open.');
    await actions(page).getByRole('button', { name: 'Reopen conversation' }).waitFor();
    assert.equal(await selectedLabel(card(page).getByLabel('Ticket status', { exact: true })), 'Waiting on us');
    assertNoPageErrors(page);
  });
});

test('a ticket with two conversations: Closed closes both, reopening reopens neither', async () => {
  await app.withPage(async (page) => {
    await openConversation(page, 'conv-037', 'Sole coming off my Trailhead boots');
    await card(page).getByLabel('Ticket status', { exact: true }).selectOption({ label: 'Closed' });
    await toast(page, 'Ticket closed with 2 conversations.');
    await actions(page).getByRole('button', { name: 'Reopen conversation' }).waitFor();
    await openConversation(page, 'conv-057', 'Photos for my boot warranty claim');
    await actions(page).getByRole('button', { name: 'Reopen conversation' }).waitFor();

    await card(page).getByLabel('Ticket status', { exact: true }).selectOption({ label: 'New' });
    await toast(page, 'Ticket reopened. Its 2 conversations stay closed; reopen the ones you need.');
    await actions(page).getByRole('button', { name: 'Reopen conversation' }).waitFor();
    assert.equal(await selectedLabel(card(page).getByLabel('Ticket status', { exact: true })), 'New');

    // Add another conversation to this ticket from the inbox: it joins the help desk.
    await openConversation(page, 'conv-003', 'Exchange Tundra fleece for a larger size', 'inbox');
    const add = page.getByRole('region', { name: 'Add to existing ticket' });
    await add.getByLabel('Existing ticket').selectOption({ label: 'Warranty: Trailhead boots sole separation' });
    await add.getByRole('button', { name: 'Add to existing ticket' }).click();
    await toast(page, 'Conversation added to the ticket and moved to the help desk.');
    await card(page).getByRole('link', { name: 'Warranty: Trailhead boots sole separation' }).waitFor();
    assertNoPageErrors(page);
  });
});

test('More › Move to trash takes the ticket with it; Restore brings both back', async () => {
  await app.withPage(async (page) => {
    assert.ok((await ticketNames(page)).includes('Missing parcel marked as delivered'));

    await openConversation(page, 'conv-010', 'Parcel marked delivered but not here');
    await actions(page).getByRole('button', { name: 'More' }).click();
    await actions(page).getByRole('menuitem', { name: 'Move to trash' }).click();
    await page.getByRole('dialog', { name: 'Move to trash?' }).getByRole('button', { name: 'Move to trash' }).click();
    await toast(page, 'Conversation and its ticket moved to trash.');
    await actions(page).getByRole('button', { name: 'Restore' }).waitFor();

    assert.ok(!(await ticketNames(page)).includes('Missing parcel marked as delivered'), 'the ticket is gone');
    await openApp(page, `${app.server.url}/help-desk/trash?inbox=inbox-support`);
    const row = page.getByRole('list', { name: 'Conversations' }).getByRole('link', { name: /Parcel marked delivered but not here/ });
    await row.click();
    await actions(page).getByRole('button', { name: 'Restore' }).click();
    await toast(page, 'Conversation restored with its ticket (1 conversation in all).');
    assert.ok((await ticketNames(page)).includes('Missing parcel marked as delivered'), 'the ticket is back');
    assertNoPageErrors(page);
  });
});

test('ticket list filters, the ticket record page and Edit the properties shown', async () => {
  await app.withPage(async (page) => {
    await openApp(page, `${app.server.url}/help-desk/tickets`);
    await page.getByRole('heading', { level: 1, name: 'Tickets' }).waitFor();
    await page.getByLabel('Status').selectOption({ label: 'Closed' });
    await page.waitForURL(/status=closed/);
    await page.getByRole('table').getByRole('link', { name: 'Basecamp stove recall check' }).waitFor();
    assert.deepEqual(await page.getByRole('table').getByRole('link').allTextContents(), ['Basecamp stove recall check']);
    await page.getByLabel('Status').selectOption({ label: 'Any status' });
    await page.getByLabel('Owner').selectOption({ label: 'Piotr Nowak' });
    await page.getByRole('table').getByRole('link', { name: 'Double charge on card payment' }).waitFor();
    assert.equal(await page.getByRole('table').getByRole('link').count(), 1);
    await page.getByLabel('Owner').selectOption({ label: 'Any owner' });
    await page.getByLabel('Priority').selectOption({ label: 'Urgent' });
    await page.waitForURL(/priority=urgent/);
    await page.getByRole('table').getByRole('link', { name: 'Double charge on card payment' }).waitFor();
    assert.equal(await page.getByRole('table').getByRole('link').count(), 1);

    // The record page edits the same properties.
    await openApp(page, `${app.server.url}/tickets/tk-parcel`);
    await page.getByRole('heading', { level: 1, name: 'Missing parcel marked as delivered' }).waitFor();
    await page.getByLabel('Priority').selectOption({ label: 'Urgent' });
    await toast(page, 'Ticket priority changed to Urgent.');
    await page.getByLabel('Ticket name').fill('Parcel lost by courier');
    await page.getByLabel('Ticket name').press('Enter');
    await page.getByLabel('Ticket name').blur();
    await page.getByRole('heading', { level: 1, name: 'Parcel lost by courier' }).waitFor();

    // A refused name (empty, too long) is said next to the field and changes nothing.
    await openConversation(page, 'conv-010', 'Parcel marked delivered but not here');
    const name = card(page).getByLabel('Ticket name');
    await name.fill('');
    await name.press('Enter');
    await card(page).getByText('Enter a ticket name.').waitFor();
    assert.equal(await name.getAttribute('aria-invalid'), 'true');
    await name.fill('x'.repeat(201));
    await name.press('Tab');
    await card(page).getByText('This value is too long (at most 200 characters).').waitFor();
    await page.reload();
    assert.equal(await card(page).getByLabel('Ticket name').inputValue(), 'Parcel lost by courier');
    assert.equal(await card(page).getByLabel('Ticket name').getAttribute('aria-invalid'), null);

    // Edit the properties shown: remembered per user.
    await openConversation(page, 'conv-010', 'Parcel marked delivered but not here');
    await card(page).getByLabel('Priority', { exact: true }).waitFor();
    await card(page).getByRole('button', { name: 'Edit the properties shown' }).click();
    await card(page).getByLabel('Show priority').uncheck();
    await card(page).getByLabel('Show pipeline').check();
    await card(page).getByText('Pipeline: Support Pipeline').waitFor();
    await card(page).getByLabel('Priority', { exact: true }).waitFor({ state: 'detached' });
    await page.reload();
    await card(page).getByText('Pipeline: Support Pipeline').waitFor();
    assert.equal(await card(page).getByLabel('Priority', { exact: true }).count(), 0);
    assertNoPageErrors(page);
  });
});

function trashViewLink(page) {
  return page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: /^Trash/ });
}

/** Opens the help desk's Trash of the Support inbox; answers its count once loaded. */
async function helpDeskTrashCount(page) {
  await openApp(page, `${app.server.url}/help-desk/trash?inbox=inbox-support`);
  await page.getByRole('heading', { level: 1, name: 'Help desk' }).waitFor();
  const counter = trashViewLink(page).locator('.sb-views__count');
  await counter.filter({ hasText: /^\d+$/ }).waitFor();
  return Number(await counter.textContent());
}

function trashRow(page, subject) {
  return page.getByRole('list', { name: 'Conversations' }).getByRole('link', { name: new RegExp(subject) });
}

test('Move ticket to trash takes its two conversations to Trash; Restore brings all back', async () => {
  const boots = ['Sole coming off my Trailhead boots', 'Photos for my boot warranty claim'];
  await app.withPage(async (page) => {
    const start = await helpDeskTrashCount(page);
    for (const subject of boots) assert.equal(await trashRow(page, subject).count(), 0);
    assert.ok((await ticketNames(page)).includes('Warranty: Trailhead boots sole separation'));

    await openApp(page, `${app.server.url}/tickets/tk-boots`);
    await page.getByRole('heading', { level: 1, name: 'Warranty: Trailhead boots sole separation' }).waitFor();
    await page.getByRole('button', { name: 'Move ticket to trash' }).click();
    const dialog = page.getByRole('dialog', { name: 'Move ticket to trash?' });
    await dialog.getByText('The ticket and its 2 conversations go to Trash.').waitFor();
    await dialog.getByRole('button', { name: 'Move ticket to trash' }).click();
    await toast(page, 'Ticket moved to trash with 2 conversations.');
    await page.getByText('This ticket is in Trash, with its conversations.').waitFor();
    await page.getByRole('button', { name: 'Restore' }).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Move ticket to trash' }).count(), 0);

    assert.equal(await helpDeskTrashCount(page), start + 2, 'both conversations are counted in Trash');
    for (const subject of boots) await trashRow(page, subject).waitFor();
    assert.ok(!(await ticketNames(page)).includes('Warranty: Trailhead boots sole separation'), 'the ticket is gone');

    await openApp(page, `${app.server.url}/tickets/tk-boots`);
    await page.getByRole('button', { name: 'Restore' }).click();
    await toast(page, 'Ticket restored with 2 conversations.');
    await page.getByRole('button', { name: 'Move ticket to trash' }).waitFor();
    assert.equal(await helpDeskTrashCount(page), start);
    for (const subject of boots) await trashRow(page, subject).waitFor({ state: 'detached' });
    assert.ok((await ticketNames(page)).includes('Warranty: Trailhead boots sole separation'), 'the ticket is back');

    // Undo in the toast restores as well.
    await openApp(page, `${app.server.url}/tickets/tk-boots`);
    await page.getByRole('button', { name: 'Move ticket to trash' }).click();
    await dialog.getByRole('button', { name: 'Move ticket to trash' }).click();
    await page.locator('.sb-toast', { hasText: 'Ticket moved to trash with 2 conversations.' }).getByRole('button', { name: 'Undo' }).click();
    await toast(page, 'Ticket restored with 2 conversations.');
    await page.getByRole('button', { name: 'Move ticket to trash' }).waitFor();

    // A free seat may not trash conversations assigned to someone else: disabled, with why.
    await page.getByRole('button', { name: /Account menu/ }).click();
    await page.getByLabel('Switch user').selectOption({ label: 'Daan de Vries — User' });
    await page.getByRole('button', { name: /Account menu/ }).click();
    const button = page.getByRole('button', { name: 'Move ticket to trash' });
    await page.getByText('This conversation is assigned to someone else.', { exact: false }).waitFor();
    assert.ok(await button.isDisabled());
    assert.match(await button.getAttribute('title'), /free seat/);
    assertNoPageErrors(page);
  });
});
