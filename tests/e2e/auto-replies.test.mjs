// Automatic replies and bounces (SPEC §9 Import email, §3 automation), end to end by role and
// label, as a rep meets them: the Support inbox assigns and tickets new conversations; a
// customer's email arrives, the rep closes it, then the customer's out-of-office reply and a
// bounce of the team's answer arrive. The conversation stays closed, no conversation or ticket
// is made for them, and the thread says the answer was not delivered, to whom and why. An
// out-of-office that belongs to no conversation starts one without the automation; and in an
// inbox without tickets, where a customer's reply reopens a closed conversation, an automatic
// reply does not.

import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { test } from 'node:test';

import { assertNoPageErrors, openApp } from './support/browser.mjs';
import { switchUser, useApp } from './support/app.mjs';

const app = useApp();

function thread(page) {
  return page.getByRole('region', { name: 'Conversation' });
}

function actions(page) {
  return thread(page).getByRole('toolbar', { name: 'Conversation actions' });
}

function conversations(page) {
  return page.getByRole('list', { name: 'Conversations' });
}

/** An .eml file for the import picker. */
function eml(name, lines) {
  return { name, mimeType: 'message/rfc822', buffer: Buffer.from([...lines, ''].join('\r\n')) };
}

/** A customer's first email to `to`. */
function customerEmail({ id, to, subject }) {
  return eml(`customer-${id.slice(0, 8)}.eml`, [
    'From: Jonas Weber <jonas.weber@alpenhof.example>',
    `To: ${to}`,
    `Subject: ${subject}`,
    `Message-ID: <${id}@alpenhof.example>`,
    'Date: Thu, 19 Nov 2026 09:15:00 +0100',
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    '',
    'Hello, the frame of my Alpine 2 backpack cracked. Can you replace it?',
    '',
    'Jonas',
  ]);
}

/**
 * Jonas's out-of-office reply to the team's answer (sent from another mail client, so its
 * Message-ID is not stored): it threads by References, which names Jonas's own email.
 */
function outOfOffice({ id, to, subject, headers }) {
  return eml(`ooo-${id.slice(0, 8)}.eml`, [
    'From: Jonas Weber <jonas.weber@alpenhof.example>',
    `To: ${to}`,
    `Subject: Automatic reply: Re: ${subject}`,
    `Message-ID: <ooo-${id}@alpenhof.example>`,
    `In-Reply-To: <answer-${id}@northwind.example>`,
    `References: <${id}@alpenhof.example> <answer-${id}@northwind.example>`,
    'Date: Thu, 19 Nov 2026 11:02:00 +0100',
    ...headers,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    '',
    'I am out of the office until 30 November and read email only occasionally.',
  ]);
}

/** The mail system's report that the team's answer to Jonas could not be delivered. */
function bounce({ id, subject }) {
  return eml(`bounce-${id.slice(0, 8)}.eml`, [
    'From: Mail Delivery System <MAILER-DAEMON@mx.northwind.example>',
    'To: support@northwind.example',
    'Subject: Undelivered Mail Returned to Sender',
    `Message-ID: <bounce-${id}@mx.northwind.example>`,
    'Date: Thu, 19 Nov 2026 11:05:00 +0100',
    'Auto-Submitted: auto-replied',
    'MIME-Version: 1.0',
    'Content-Type: multipart/report; report-type=delivery-status; boundary="rpt"',
    '',
    '--rpt',
    'Content-Type: text/plain; charset=utf-8',
    '',
    'I\'m sorry to have to inform you that your message could not be delivered.',
    '--rpt',
    'Content-Type: message/delivery-status',
    '',
    'Reporting-MTA: dns; mx.northwind.example',
    '',
    'Final-Recipient: rfc822; jonas.weber@alpenhof.example',
    'Action: failed',
    'Status: 5.2.2',
    'Diagnostic-Code: smtp; 552 5.2.2 Mailbox full',
    '',
    '--rpt',
    'Content-Type: text/rfc822-headers',
    '',
    'From: Northwind Support <support@northwind.example>',
    'To: Jonas Weber <jonas.weber@alpenhof.example>',
    `Subject: Re: ${subject}`,
    `Message-ID: <answer-${id}@northwind.example>`,
    `In-Reply-To: <${id}@alpenhof.example>`,
    `References: <${id}@alpenhof.example>`,
    '',
    '--rpt--',
  ]);
}

/** Imports `file` from the Inbox of `inbox` and returns its line of the import results. */
async function importFile(page, inbox, file) {
  await page.goto(`${app.server.url}/inbox/unassigned?inbox=${inbox}`);
  await page.getByRole('heading', { level: 1, name: 'Inbox' }).waitFor();
  await page.getByLabel('Import email').setInputFiles(file);
  const line = page.getByRole('region', { name: 'Import results' })
    .getByRole('listitem')
    .filter({ hasText: file.name });
  await line.waitFor();
  return (await line.textContent()).trim();
}

/** Settings › Inboxes › Support › Automation: assign to Giulia Rossi, create tickets. */
async function turnOnAutomation(page) {
  await page.goto(`${app.server.url}/settings/inboxes?inbox=inbox-support`);
  await page.getByRole('heading', { level: 1, name: 'Inboxes' }).waitFor();
  await page.getByRole('button', { name: 'Edit fallback email' }).click();
  const dialog = page.getByRole('dialog', { name: 'Fallback email' });
  await dialog.getByRole('tab', { name: 'Automation' }).click();
  await dialog.getByLabel('Automatically assign conversations').check();
  await dialog.getByRole('radio', { name: 'Specific users and teams' }).check();
  await dialog.getByRole('checkbox', { name: 'Giulia Rossi', exact: true }).check();
  await dialog.getByLabel('Automatically create tickets').check();
  await dialog.getByRole('button', { name: 'Save' }).click();
  await dialog.waitFor({ state: 'hidden' });
}

/** Opens the conversation `subject` from the list at `path` and waits for its thread. */
async function openConversation(page, path, subject) {
  await page.goto(`${app.server.url}${path}`);
  await conversations(page).getByRole('link', { name: new RegExp(subject) }).click();
  await thread(page).getByRole('heading', { level: 2, name: subject }).waitFor();
}

/** How many links of the list at `path` name `subject` (after the list has rows). */
async function listed(page, path, subject) {
  await page.goto(`${app.server.url}${path}`);
  await conversations(page).getByRole('link').first().waitFor();
  return conversations(page).getByRole('link', { name: new RegExp(subject) }).count();
}

async function ticketRows(page, subject) {
  await page.goto(`${app.server.url}/help-desk/tickets`);
  await page.getByRole('heading', { level: 1, name: 'Tickets' }).waitFor();
  await page.getByRole('table').getByRole('link').first().waitFor();
  return page.getByRole('table').getByRole('link', { name: subject }).count();
}

test('an out-of-office reply and a bounce leave a closed conversation closed and run no automation', async () => {
  await app.withPage(async (page) => {
    await openApp(page, `${app.server.url}/`);
    await switchUser(page, 'Tomasz Kowalski — Admin');
    await turnOnAutomation(page);

    const id = randomUUID();
    const subject = `Cracked frame on my Alpine 2 backpack ${id.slice(0, 6)}`;
    const first = customerEmail({ id, to: 'Northwind Support <support@northwind.example>', subject });
    assert.equal(
      await importFile(page, 'inbox-support', first),
      `${first.name}: added to Support, new conversation, assigned to Giulia Rossi, ticket created and moved to the help desk`,
    );

    // The rep closes the conversation.
    await openConversation(page, '/help-desk/all-open?inbox=inbox-support', subject);
    await actions(page).getByRole('button', { name: 'Close conversation' }).click();
    await actions(page).getByRole('button', { name: 'Reopen conversation' }).waitFor();

    const ooo = outOfOffice({
      id,
      to: 'support@northwind.example',
      subject,
      headers: ['Auto-Submitted: auto-replied', 'X-Auto-Response-Suppress: All'],
    });
    assert.equal(
      await importFile(page, 'inbox-support', ooo),
      `${ooo.name}: added to Support, joined the conversation “${subject}”, automatic reply: not reopened`,
    );
    const failed = bounce({ id, subject });
    assert.equal(
      await importFile(page, 'inbox-support', failed),
      `${failed.name}: added to Support, joined the conversation “${subject}”, ` +
        'delivery failure report for jonas.weber@alpenhof.example: not reopened',
    );

    // Still closed, still one conversation and one ticket.
    assert.equal(await listed(page, '/help-desk/closed?inbox=inbox-support', subject), 1);
    assert.equal(await listed(page, '/help-desk/all-open?inbox=inbox-support', subject), 0);
    assert.equal(await listed(page, '/inbox/all-open?inbox=inbox-support', subject), 0);
    assert.equal(await ticketRows(page, subject), 1);

    // The thread shows both for what they are.
    await openConversation(page, '/help-desk/closed?inbox=inbox-support', subject);
    await actions(page).getByRole('button', { name: 'Reopen conversation' }).waitFor();
    const reply = thread(page).getByRole('article', { name: /^Email from Jonas Weber/ })
      .filter({ hasText: 'Automatic reply' });
    await reply.getByText('I am out of the office until 30 November').waitFor();
    const report = thread(page).getByRole('article', { name: /MAILER-DAEMON@mx\.northwind\.example/ });
    const note = report.getByRole('note', { name: 'Not delivered' });
    await note.getByText('Not delivered to jonas.weber@alpenhof.example').waitFor();
    await note.getByText('The receiving server said: 552 5.2.2 Mailbox full').waitFor();
    // The customer's own email carries no such mark.
    const customer = thread(page).getByRole('article', { name: /^Email from Jonas Weber/ })
      .filter({ hasText: 'frame of my Alpine 2 backpack cracked' });
    assert.equal(await customer.getByText('Automatic reply').count(), 0);

    // An out-of-office that belongs to no conversation starts one, unassigned and without a
    // ticket, although the inbox assigns and tickets every new conversation.
    const otherId = randomUUID();
    const stray = outOfOffice({
      id: otherId,
      to: 'support@northwind.example',
      subject: `Spare buckles ${otherId.slice(0, 6)}`,
      headers: ['Precedence: bulk', 'X-Autoreply: yes'],
    });
    assert.equal(
      await importFile(page, 'inbox-support', stray),
      `${stray.name}: added to Support, new conversation, automatic reply: no automatic assignment or ticket`,
    );
    const straySubject = `Automatic reply: Re: Spare buckles ${otherId.slice(0, 6)}`;
    assert.equal(await listed(page, '/inbox/unassigned?inbox=inbox-support', straySubject), 1);
    assert.equal(await ticketRows(page, straySubject), 0);
    assertNoPageErrors(page);
  });
});

test('in an inbox without tickets a customer reply reopens a closed conversation, an automatic reply does not', async () => {
  await app.withPage(async (page) => {
    await openApp(page, `${app.server.url}/`);
    await switchUser(page, 'Tomasz Kowalski — Admin');
    const id = randomUUID();
    const subject = `Invoice address for order NW-${id.slice(0, 6)}`;
    const first = customerEmail({ id, to: 'billing@northwind.example', subject });
    assert.equal(
      await importFile(page, 'inbox-billing', first),
      `${first.name}: added to Billing, new conversation`,
    );
    await openConversation(page, '/inbox/unassigned?inbox=inbox-billing', subject);
    await actions(page).getByRole('button', { name: 'Close conversation' }).click();
    await actions(page).getByRole('button', { name: 'Reopen conversation' }).waitFor();

    const ooo = outOfOffice({ id, to: 'billing@northwind.example', subject, headers: ['Precedence: auto_reply'] });
    assert.equal(
      await importFile(page, 'inbox-billing', ooo),
      `${ooo.name}: added to Billing, joined the conversation “${subject}”, automatic reply: not reopened`,
    );
    await openConversation(page, '/inbox/closed?inbox=inbox-billing', subject);
    await actions(page).getByRole('button', { name: 'Reopen conversation' }).waitFor();

    // Jonas himself writes again: that reopens it.
    const reply = eml(`reply-${id.slice(0, 8)}.eml`, [
      'From: Jonas Weber <jonas.weber@alpenhof.example>',
      'To: billing@northwind.example',
      `Subject: Re: ${subject}`,
      `Message-ID: <reply-${id}@alpenhof.example>`,
      `In-Reply-To: <${id}@alpenhof.example>`,
      'Date: Mon, 30 Nov 2026 08:00:00 +0100',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Back at my desk: the address is Hauptstraße 4.',
    ]);
    assert.equal(
      await importFile(page, 'inbox-billing', reply),
      `${reply.name}: added to Billing, joined the conversation “${subject}”, which was reopened`,
    );
    assertNoPageErrors(page);
  });
});
