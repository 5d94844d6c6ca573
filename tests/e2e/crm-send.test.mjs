// SPEC §4 "The CRM composer uses the user's personal CRM default From" and §5 "Send records the
// email on the recipient's contact timeline (attachments too) and in the Sent view", by role and
// label: Maria, whose CRM default is her personal address (no inbox, no channel), sends an email
// with a file from a contact's page. It is on the contact's Email timeline with its file
// (downloaded byte for byte), listed in Sent (its row opens the contact, as it belongs to no
// conversation), and waiting in the Outbox as the exact message. A customer's reply naming it
// (In-Reply-To) and copied to the team address starts a new conversation of that inbox.

import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';

import { assertNoPageErrors, openApp } from './support/browser.mjs';
import { switchUser, useApp } from './support/app.mjs';

const app = useApp();
const MARIA = 'Maria Popescu <maria.popescu@northwind.example>';

/** The text of a select's chosen option. */
async function selectedText(select) {
  return (await select.evaluate((s) => s.selectedOptions[0]?.textContent ?? '')).trim();
}

/** Clicks `button` and returns the downloaded file's name and bytes. */
async function downloaded(page, button) {
  const download = page.waitForEvent('download');
  await button.click();
  const file = await download;
  return { name: file.suggestedFilename(), bytes: await readFile(await file.path()) };
}

/** The contact page's timeline item that says `text`. */
function timelineItem(page, text) {
  return page.getByRole('list', { name: 'Email timeline' }).getByRole('listitem').filter({ hasText: text });
}

test('a CRM email from a personal address is on the contact\'s timeline with its file, in Sent and in the Outbox', async () => {
  await app.withPage(async (page) => {
    const tag = randomUUID().slice(0, 8);
    const subject = `Your 2027 catalogue ${tag}`;
    const fileName = `catalogue-${tag}.txt`;
    const fileBytes = Buffer.from(`NORTHWIND OUTFITTERS\nCatalogue 2027 (${tag})\nTents, stoves, jackets\n`);

    await openApp(page, `${app.server.url}/contacts/c-001`);
    await switchUser(page, 'Maria Popescu — Super admin');
    await page.getByRole('heading', { level: 1, name: 'Ioana Marin' }).waitFor();
    await page.getByRole('button', { name: 'Send email' }).click();
    const crm = page.getByRole('dialog', { name: 'Send email' });
    const from = crm.getByLabel('From', { exact: true });
    await from.waitFor();
    // Her personal CRM default, chosen for her (SPEC §4), and the contact as recipient.
    await crm.getByText('Your CRM default', { exact: true }).waitFor();
    assert.equal(await selectedText(from), MARIA);
    assert.equal(await crm.getByLabel('To', { exact: true }).inputValue(), 'ioana.marin@posta.example');
    await crm.getByLabel('Subject').fill(subject);
    await crm.getByRole('textbox', { name: 'Message' }).fill('Hello Ioana, the new catalogue is attached.');
    await crm.getByLabel('Attach files').setInputFiles([
      { name: fileName, mimeType: 'text/plain', buffer: fileBytes },
    ]);
    await crm.getByRole('list', { name: 'Attachments' }).getByText(fileName).waitFor();
    await crm.getByRole('button', { name: 'Send' }).click();
    await crm.waitFor({ state: 'hidden' });

    // On the contact's Email timeline, from her personal address, with the file to download.
    const item = timelineItem(page, `Sent email: ${subject}`);
    await item.waitFor();
    await item.getByText('from maria.popescu@northwind.example').waitFor();
    const file = await downloaded(page, item.getByRole('button', { name: `Download ${fileName}` }));
    assert.equal(file.name, fileName);
    assert.deepEqual(file.bytes, fileBytes);
    // It belongs to no conversation: none was made for it.
    assert.equal(await page.getByRole('link', { name: subject, exact: true }).count(), 0);

    // Listed in Sent; its row opens the contact it was written to.
    await openApp(page, `${app.server.url}/inbox/sent?inbox=inbox-support`);
    const sentRow = page.getByRole('list', { name: 'Sent messages' })
      .getByRole('link', { name: new RegExp(subject) });
    await sentRow.waitFor();
    const rowText = await sentRow.textContent();
    assert.match(rowText, /maria\.popescu@northwind\.example/);
    assert.match(rowText, new RegExp(fileName.replace('.', '\\.')));
    await sentRow.click();
    await page.getByRole('heading', { level: 1, name: 'Ioana Marin' }).waitFor();
    assert.match(new URL(page.url()).pathname, /^\/contacts\/c-001$/);

    // The Outbox holds the exact message, From her personal address, the file attached.
    await openApp(page, `${app.server.url}/inbox/outbox?inbox=inbox-support`);
    const outboxItem = page.getByRole('list', { name: 'Outbox messages' }).getByRole('listitem')
      .filter({ hasText: subject });
    await outboxItem.getByText('Raw message').click();
    const raw = await outboxItem.locator('pre').textContent();
    assert.match(raw, /^From: Maria Popescu <maria\.popescu@northwind\.example>\r?$/m);
    assert.match(raw, /^To: "?Ioana Marin"? <ioana\.marin@posta\.example>\r?$|^To: <?ioana\.marin@posta\.example>?\r?$/m);
    assert.match(raw, new RegExp(`^Subject: ${subject}\\r?$`, 'm'));
    assert.ok(raw.includes(fileName), 'the file is a part of the message');
    assert.ok(raw.replace(/\r?\n/g, '').includes(fileBytes.toString('base64')), `with its bytes:\n${raw}`);
    const eml = await downloaded(page, outboxItem.getByRole('button', { name: `Download .eml: ${subject}` }));
    assert.equal(eml.bytes.toString('utf8'), raw, 'the .eml is the exact message');
    const messageId = raw.match(/^Message-ID: <([^>]+)>\r?$/m)?.[1];
    assert.ok(messageId?.endsWith('@northwind.example'), raw);

    // Ioana answers Maria and copies the Support team: a new conversation of Support, never a
    // conversation that does not exist; the reply is on her timeline next to the CRM email.
    const reply = [
      'From: Ioana Marin <ioana.marin@posta.example>',
      'To: Maria Popescu <maria.popescu@northwind.example>',
      'Cc: Northwind Support <support@northwind.example>',
      `Subject: Re: ${subject}`,
      `Message-ID: <reply-${tag}@posta.example>`,
      `In-Reply-To: <${messageId}>`,
      `References: <${messageId}>`,
      'Date: Tue, 24 Nov 2026 10:00:00 +0000',
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Thank you, Maria! Could you send a printed copy too?',
      '',
    ].join('\r\n');
    const emlName = `crm-reply-${tag}.eml`;
    await openApp(page, `${app.server.url}/inbox/unassigned?inbox=inbox-support`);
    await page.getByLabel('Import email')
      .setInputFiles({ name: emlName, mimeType: 'message/rfc822', buffer: Buffer.from(reply) });
    await page.getByRole('region', { name: 'Import results' })
      .getByText(`${emlName}: added to Support, new conversation`).waitFor();
    await openApp(page, `${app.server.url}/contacts/c-001`);
    await timelineItem(page, `Received email: Re: ${subject}`).waitFor();
    await timelineItem(page, `Sent email: ${subject}`).waitFor();
    await page.getByRole('link', { name: `Re: ${subject}`, exact: true }).click();
    await page.getByRole('region', { name: 'Conversation' })
      .getByText('Could you send a printed copy too?').waitFor();
    assertNoPageErrors(page);
  });
});
