// SPEC §5 "attachments too" and §9 received attachments, by role and label: a received
// email's files download with their bytes, an image its HTML shows by `cid:` appears in the
// message (and is not listed again as a file), a sent email's files download from its thread,
// and a file that was never stored here says so next to it.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { repoRoot } from './support/paths.mjs';

import { assertNoPageErrors, openApp } from './support/browser.mjs';
import { importAndOpen } from './support/hostile.mjs';
import { useApp } from './support/app.mjs';

const app = useApp();
const samplesDir = join(repoRoot, 'public', 'samples');

async function sample(name) {
  return { name, mimeType: 'message/rfc822', buffer: await readFile(join(samplesDir, name)) };
}

/** Clicks `button` and returns the downloaded file's name and bytes. */
async function downloaded(page, button) {
  const download = page.waitForEvent('download');
  await button.click();
  const file = await download;
  return { name: file.suggestedFilename(), bytes: await readFile(await file.path()) };
}

test('a received email: its file downloads, its inline image shows in the message', async () => {
  await app.withPage(async (page) => {
    await openApp(page, `${app.server.url}/inbox/all-open?inbox=inbox-support`);
    const subject = 'Stove valve leaks at the fuel line (photo inline)';
    const thread = await importAndOpen(page, app.server.url, await sample('10-outlook-inline-image.eml'), subject);
    const message = thread.getByRole('article', { name: /Sanne de Vries/ });

    // The packing slip is listed and downloads with its bytes; the inline photo is not listed.
    const files = message.getByRole('list', { name: 'Attachments' });
    await files.getByRole('listitem').filter({ hasText: 'packing-slip-NW-10977.txt' }).waitFor();
    assert.equal(await files.getByRole('listitem').count(), 1);
    const slip = await downloaded(page, files.getByRole('button', { name: 'Download packing-slip-NW-10977.txt' }));
    assert.equal(slip.name, 'packing-slip-NW-10977.txt');
    assert.equal(slip.bytes.toString('utf8'),
      'Packing slip NW-10977\r\n1 x Trailblazer 2-burner stove\r\n1 x Fuel line kit\r\n');

    // The photo is drawn inside the message frame (a data: image the frame's CSP allows).
    const frame = page.frameLocator('iframe.sb-msg__frame');
    const photo = frame.getByRole('img', { name: 'Photo of the leaking valve' });
    await photo.waitFor();
    assert.match(await photo.getAttribute('src'), /^data:image\/png;base64,iVBORw0KGgo/);
    // Decoded: the frame's CSP let it load.
    await photo.evaluate((img) => img.decode());
    assert.equal(await photo.evaluate((img) => img.naturalWidth), 12);

    // The same file downloads from the sender's contact timeline.
    await openApp(page, `${app.server.url}/contacts`);
    await page.getByLabel('Search contacts').fill('sanne.devries@fjell-tours.example');
    await page.getByRole('row').filter({ hasText: 'sanne.devries@fjell-tours.example' }).getByRole('link').click();
    await page.getByRole('heading', { level: 1, name: 'Sanne de Vries' }).waitFor();
    const item = page.getByRole('list', { name: 'Email timeline' }).getByRole('listitem').filter({ hasText: subject });
    const fromTimeline = await downloaded(page, item.getByRole('button', { name: 'Download packing-slip-NW-10977.txt' }));
    assert.equal(fromTimeline.bytes.toString('utf8'), slip.bytes.toString('utf8'));

    // A PDF from another sample (routed to Billing) downloads byte for byte.
    await openApp(page, `${app.server.url}/inbox/all-open?inbox=inbox-support`);
    await page.getByLabel('Import email').setInputFiles(await sample('03-apple-mail-pdf.eml'));
    await page.getByRole('region', { name: 'Import results' })
      .getByText('03-apple-mail-pdf.eml: added to Billing, new conversation').waitFor();
    await openApp(page, `${app.server.url}/inbox/all-open?inbox=inbox-billing`);
    await page.getByRole('list', { name: 'Conversations' })
      .getByRole('link', { name: /Invoice NW-2025-0381 is missing our VAT number/ }).click();
    const pdf = await downloaded(page, page.getByRole('region', { name: 'Conversation' })
      .getByRole('button', { name: 'Download Invoice-NW-2025-0381.pdf' }));
    assert.equal(pdf.name, 'Invoice-NW-2025-0381.pdf');
    assert.ok(pdf.bytes.subarray(0, 8).toString('latin1').startsWith('%PDF-1.4'), 'a PDF');
    assert.equal(pdf.bytes.length, 398);
    assertNoPageErrors(page);
  });
});

test('a sent email: its files download from the thread after the draft is gone', async () => {
  await app.withPage(async (page) => {
    await openApp(page, `${app.server.url}/inbox/all-open?inbox=inbox-support`);
    await page.getByRole('button', { name: 'Compose' }).click();
    const compose = page.getByRole('dialog', { name: 'New email' });
    await compose.getByLabel('From', { exact: true }).waitFor();
    await compose.getByLabel('To', { exact: true }).fill('erik.larsen@mail.example');
    await compose.getByLabel('Subject').fill('Your return label');
    await compose.getByRole('textbox', { name: 'Message' }).fill('The return label is attached.');
    const label = Buffer.from('RETURN LABEL\nNorthwind Outfitters\nParcel 1 of 1\n');
    await compose.getByLabel('Attach files').setInputFiles([
      { name: 'return-label.txt', mimeType: 'text/plain', buffer: label },
    ]);
    await compose.getByRole('list', { name: 'Attachments' }).getByText('return-label.txt').waitFor();
    await compose.getByRole('button', { name: 'Send' }).click();
    await compose.waitFor({ state: 'hidden' });

    await openApp(page, `${app.server.url}/inbox/sent?inbox=inbox-support`);
    await page.getByRole('list', { name: 'Sent messages' }).getByRole('link', { name: /Your return label/ }).click();
    const thread = page.getByRole('region', { name: 'Conversation' });
    const file = await downloaded(page, thread.getByRole('button', { name: 'Download return-label.txt' }));
    assert.equal(file.name, 'return-label.txt');
    assert.deepEqual(file.bytes, label);
    assertNoPageErrors(page);
  });
});

test('a file that was never stored here says so next to its name', async () => {
  await app.withPage(async (page) => {
    // The demo's sample messages carry only their attachments' names and sizes.
    await openApp(page, `${app.server.url}/inbox/conversations/conv-045?inbox=inbox-support&view=all-open`);
    const thread = page.getByRole('region', { name: 'Conversation' });
    const item = thread.getByRole('listitem').filter({ hasText: 'dented-stove.jpg' });
    await item.getByRole('button', { name: 'Download dented-stove.jpg' }).click();
    await item.getByRole('alert')
      .filter({ hasText: 'The file “dented-stove.jpg” is not stored in this browser: only its name and size were kept.' })
      .waitFor();
    assertNoPageErrors(page);
  });
});
