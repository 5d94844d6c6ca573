// Reply-To on received mail (domain::reply_to), by role and label as a rep works: a web form's
// notification (From: the website, Reply-To: the customer; tests/fixtures/mail/
// web-form-reply-to.eml) imported through Import email is the customer's conversation — the
// thread names them, says "Reply to: …" next to the form's sender, and the reply composer
// addresses them, which the Outbox's exact message confirms; the form's address does not become
// a contact. With several Reply-To addresses the conversation stays on the From and the reply
// goes to all of them.

import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { test } from 'node:test';
import { repoRoot } from './support/paths.mjs';

import { assertNoPageErrors, openApp } from './support/browser.mjs';
import { useApp } from './support/app.mjs';

const app = useApp();

const webForm = join(repoRoot, 'tests', 'fixtures', 'mail', 'web-form-reply-to.eml');
const formSubject = '[Contact form] Damaged or faulty product - order NW-11204';

function thread(page) {
  return page.getByRole('region', { name: 'Conversation', exact: true });
}

/** Imports `files` (paths or file payloads) from Support and waits for `line`. */
async function importEmail(page, files, line) {
  await openApp(page, `${app.server.url}/inbox/unassigned?inbox=inbox-support`);
  await page.getByLabel('Import email').setInputFiles(files);
  await page.getByRole('region', { name: 'Import results' }).getByText(line).waitFor();
}

/** Opens the conversation `subject` from the list. */
async function openConversation(page, subject) {
  await page.getByRole('list', { name: 'Conversations' })
    .getByRole('link', { name: new RegExp(subject.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) })
    .click();
  await thread(page).getByRole('heading', { level: 2, name: subject }).waitFor();
}

/** The reply composer's To, once its recipients are shown. */
async function replyTo(page) {
  const reply = page.getByRole('region', { name: 'Reply' });
  await reply.getByRole('button', { name: 'Show recipients' }).click();
  const to = reply.getByLabel('To', { exact: true });
  await to.waitFor();
  return { reply, to };
}

/** Sends the reply and returns the Outbox's exact message of `subject` (its raw text). */
async function sendAndReadOutbox(page, reply, subject) {
  await reply.getByRole('textbox', { name: 'Message' }).fill('We are sending a new pole today.');
  await reply.getByRole('button', { name: 'Send', exact: true }).click();
  await page.getByText(/^Email sent from/).first().waitFor();
  await openApp(page, `${app.server.url}/inbox/outbox?inbox=inbox-support`);
  const item = page.getByRole('list', { name: 'Outbox messages' }).getByRole('listitem')
    .filter({ hasText: `Re: ${subject}` });
  await item.getByText('Raw message').click();
  return item.locator('pre').textContent();
}

/** The To header of a raw message, unfolded. */
function toHeader(raw) {
  const match = raw.match(/^To:(.*(?:\r?\n[ \t].*)*)/m);
  assert.ok(match, `no To header in\n${raw}`);
  return match[1].replace(/\r?\n[ \t]+/g, ' ').trim();
}

/** Whether `/contacts` lists a contact with `address`. */
async function isContact(page, address) {
  await openApp(page, `${app.server.url}/contacts`);
  await page.getByRole('heading', { level: 1, name: 'Contacts' }).waitFor();
  await page.getByRole('table', { name: 'Contacts' }).getByRole('row').nth(1).waitFor();
  return (await page.getByRole('row').filter({ hasText: address }).count()) > 0;
}

test('a web form\'s notification is the Reply-To customer\'s conversation, and the reply goes to them', async () => {
  await app.withPage(async (page) => {
    await importEmail(page, webForm, 'web-form-reply-to.eml: added to Support, new conversation');
    // The list names the customer, not the website, before the subject.
    await page.getByRole('list', { name: 'Conversations' })
      .getByRole('link', { name: /^Ștefan Rusu \[Contact form\] Damaged or faulty product/ }).waitFor();

    await openConversation(page, formSubject);
    // The conversation is Ștefan's: the head and the contact card say so.
    await thread(page).getByText(/^Ștefan Rusu · Open$/).waitFor();
    const card = page.getByRole('region', { name: 'Contact', exact: true });
    await card.getByRole('link', { name: 'Ștefan Rusu' }).waitFor();
    await card.getByText('stefan.rusu@example.ro', { exact: true }).waitFor();
    // The message still shows who sent it, and where they ask to be answered.
    const message = thread(page).getByRole('article', { name: /Northwind Outfitters Website/ });
    await message.getByText('Reply to: Ștefan Rusu <stefan.rusu@example.ro>', { exact: true }).waitFor();

    const { reply, to } = await replyTo(page);
    assert.equal(await to.inputValue(), 'stefan.rusu@example.ro');

    const raw = await sendAndReadOutbox(page, reply, formSubject);
    assert.match(toHeader(raw), /^<?stefan\.rusu@example\.ro>?$/, raw);
    assert.doesNotMatch(raw, /noreply@northwind-outfitters\.example/, 'the form\'s address is not written to');

    // The website's no-reply address did not become a contact; Ștefan did, with the email on
    // his timeline.
    assert.equal(await isContact(page, 'noreply@northwind-outfitters.example'), false);
    await page.getByLabel('Search contacts').fill('stefan.rusu@example.ro');
    await page.getByRole('row').filter({ hasText: 'stefan.rusu@example.ro' }).getByRole('link').click();
    await page.getByRole('heading', { level: 1, name: 'Ștefan Rusu' }).waitFor();
    const timeline = page.getByRole('list', { name: 'Email timeline' });
    await timeline.getByRole('listitem').filter({ hasText: `Received email: ${formSubject}` }).waitFor();
    await timeline.getByRole('listitem').filter({ hasText: `Sent email: Re: ${formSubject}` }).waitFor();
    assertNoPageErrors(page);
  });
});

test('several Reply-To addresses: the conversation stays on the From and the reply goes to all of them', async () => {
  await app.withPage(async (page) => {
    const id = randomUUID();
    const subject = `Group order for the scout camp ${id.slice(0, 8)}`;
    const eml = [
      'From: Northwind Shop <orders@shop.northwind-outfitters.example>',
      'Reply-To: "Ana Pop" <ana.pop@client.example>, Ion Pop <ion.pop@client.example>',
      'To: Northwind Support <support@northwind.example>',
      `Subject: ${subject}`,
      `Message-ID: <${id}@shop.northwind-outfitters.example>`,
      'Date: Tue, 24 Nov 2026 09:00:00 +0000',
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'A customer asked a question at checkout: can the 12 tents ship to the camp directly?',
      '',
    ].join('\r\n');
    const name = `shop-${id.slice(0, 8)}.eml`;
    await importEmail(page, { name, mimeType: 'message/rfc822', buffer: Buffer.from(eml) },
      `${name}: added to Support, new conversation`);

    await openConversation(page, subject);
    await thread(page).getByText(/^Northwind Shop · Open$/).waitFor();
    const message = thread(page).getByRole('article', { name: /Northwind Shop/ });
    await message.getByText('Reply to: Ana Pop <ana.pop@client.example>, Ion Pop <ion.pop@client.example>',
      { exact: true }).waitFor();

    const { reply, to } = await replyTo(page);
    assert.equal(await to.inputValue(), 'ana.pop@client.example, ion.pop@client.example');

    const raw = await sendAndReadOutbox(page, reply, subject);
    const header = toHeader(raw);
    assert.match(header, /ana\.pop@client\.example/, header);
    assert.match(header, /ion\.pop@client\.example/, header);
    assert.doesNotMatch(header, /orders@shop/, header);
    assertNoPageErrors(page);
  });
});
