// SPEC §5 "Send records the email on the recipient's contact timeline" and §9 "unknown senders
// become contacts", for emails with several people on them (domain::timeline), by role and
// label: an email composed To two people (one a contact, one not) is on both contact pages, and
// a reply with a Cc and a Bcc is on the Cc'd and the Bcc'd contact's timeline too (an unknown
// recipient becomes a contact); a received email with a Cc is on the Cc'd contact's timeline,
// while a Cc'd stranger does not become a contact (only the sender does).

import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { test } from 'node:test';

import { assertNoPageErrors, openApp } from './support/browser.mjs';
import { useApp } from './support/app.mjs';

const app = useApp();

/** Opens `/contacts`, finds the contact with `address` and opens their page. */
async function openContact(page, address, name) {
  await openApp(page, `${app.server.url}/contacts`);
  await page.getByRole('heading', { level: 1, name: 'Contacts' }).waitFor();
  await page.getByLabel('Search contacts').fill(address);
  const row = page.getByRole('row').filter({ hasText: address });
  await row.getByRole('link').click();
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

/** The contact page's timeline item that says `text`. */
function timelineItem(page, text) {
  return page.getByRole('list', { name: 'Email timeline' }).getByRole('listitem').filter({ hasText: text });
}

/** The contact page's link to the conversation `subject`. */
function conversationLink(page, subject) {
  return page.getByRole('link', { name: subject, exact: true });
}

/** Whether `/contacts` lists a contact with `address`. */
async function isContact(page, address) {
  await openApp(page, `${app.server.url}/contacts`);
  await page.getByRole('heading', { level: 1, name: 'Contacts' }).waitFor();
  await page.getByRole('table', { name: 'Contacts' }).getByRole('row').nth(1).waitFor();
  return (await page.getByRole('row').filter({ hasText: address }).count()) > 0;
}

test('an email to several people is on each recipient\'s timeline, and unknown recipients become contacts', async () => {
  await app.withPage(async (page) => {
    const subject = `Your rain cover order ${randomUUID().slice(0, 8)}`;
    await openApp(page, `${app.server.url}/inbox/unassigned?inbox=inbox-support`);
    await page.getByRole('button', { name: 'Compose' }).click();
    const compose = page.getByRole('dialog', { name: 'New email' });
    await compose.getByLabel('From', { exact: true }).waitFor();
    // Ioana Marin is a demo contact; Olaf Berg is not one yet.
    await compose.getByLabel('To', { exact: true })
      .fill('ioana.marin@posta.example, Olaf Berg <olaf.berg@fjordtrail.example>');
    await compose.getByLabel('Subject').fill(subject);
    await compose.getByRole('textbox', { name: 'Message' }).fill('Both rain covers ship today.');
    await compose.getByRole('button', { name: 'Send' }).click();
    await compose.waitFor({ state: 'hidden' });

    // The first To's page, as before ...
    await openApp(page, `${app.server.url}/contacts/c-001`);
    await page.getByRole('heading', { level: 1, name: 'Ioana Marin' }).waitFor();
    await timelineItem(page, `Sent email: ${subject}`).waitFor();
    // ... and the second To, now a contact with the name typed, has it too.
    await openContact(page, 'olaf.berg@fjordtrail.example', 'Olaf Berg');
    await timelineItem(page, `Sent email: ${subject}`).waitFor();
    await conversationLink(page, subject).waitFor();

    // A reply with a Cc (a demo contact) and a Bcc (not a contact yet).
    await conversationLink(page, subject).click();
    const reply = page.getByRole('region', { name: 'Reply' });
    await reply.getByRole('button', { name: 'Show recipients' }).click();
    await reply.getByLabel('Cc', { exact: true }).fill('Henrik Lindqvist <henrik.lindqvist@mail.example>');
    await reply.getByLabel('Bcc', { exact: true }).fill('sven.ek@mail.example');
    await reply.getByRole('textbox', { name: 'Message' }).fill('Copying our courier contact.');
    await reply.getByRole('button', { name: 'Send', exact: true }).click();
    await page.getByText(/^Email sent from/).first().waitFor();

    await openApp(page, `${app.server.url}/contacts/c-039`);
    await page.getByRole('heading', { level: 1, name: 'Henrik Lindqvist' }).waitFor();
    await timelineItem(page, `Sent email: Re: ${subject}`).waitFor();
    // A Cc'd contact's conversations include the one they took part in.
    await conversationLink(page, subject).waitFor();
    assert.equal(await timelineItem(page, `Sent email: ${subject}`).count(), 0,
      'the first email was not sent to Henrik');

    await openContact(page, 'sven.ek@mail.example', 'sven.ek@mail.example');
    await timelineItem(page, `Sent email: Re: ${subject}`).waitFor();
    assertNoPageErrors(page);
  });
});

test('a received email is on its Cc\'d contact\'s timeline; only its sender becomes a contact', async () => {
  await app.withPage(async (page) => {
    const id = randomUUID();
    const subject = `Tent pegs for the group trip ${id.slice(0, 8)}`;
    const eml = [
      'From: Kari Nordmann <kari.nordmann@fjordtrail.example>',
      'To: Northwind Support <support@northwind.example>',
      'Cc: Amélie Laurent <amelie.laurent@mail.example>, Per Olsen <per.olsen@fjordtrail.example>',
      `Subject: ${subject}`,
      `Message-ID: <${id}@fjordtrail.example>`,
      'Date: Tue, 24 Nov 2026 09:00:00 +0000',
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=utf-8',
      'Content-Transfer-Encoding: 8bit',
      '',
      'Hello, we need 40 extra tent pegs for the group trip. Amélie pays.',
      '',
    ].join('\r\n');
    const name = `cc-${id.slice(0, 8)}.eml`;
    await openApp(page, `${app.server.url}/inbox/unassigned?inbox=inbox-support`);
    await page.getByLabel('Import email')
      .setInputFiles({ name, mimeType: 'message/rfc822', buffer: Buffer.from(eml) });
    await page.getByRole('region', { name: 'Import results' })
      .getByText(`${name}: added to Support, new conversation`).waitFor();

    // Amélie (Cc, a demo contact) sees it on her timeline and among her conversations.
    await openApp(page, `${app.server.url}/contacts/c-040`);
    await page.getByRole('heading', { level: 1, name: 'Amélie Laurent' }).waitFor();
    await timelineItem(page, `Received email: ${subject}`).waitFor();
    await conversationLink(page, subject).waitFor();

    // The sender became a contact with it on their timeline; the Cc'd stranger did not.
    await openContact(page, 'kari.nordmann@fjordtrail.example', 'Kari Nordmann');
    await timelineItem(page, `Received email: ${subject}`).waitFor();
    assert.equal(await isContact(page, 'per.olsen@fjordtrail.example'), false,
      'a Cc\'d stranger of a received email is not made a contact');
    assert.equal(await isContact(page, 'kari.nordmann@fjordtrail.example'), true);
    assertNoPageErrors(page);
  });
});
