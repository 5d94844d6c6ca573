// SPEC §9 "Received mail is real RFC 5322/MIME (multipart, HTML and plain parts, attachments,
// encoded headers)", driven by role and label: kinds of mail a support inbox really receives
// (the corpus of the native tests, tests/fixtures/mail/), imported through Import email, read
// in the thread as a rep reads them — the text, the files listed with Download <name>, images
// drawn in place, and nothing that is not the message (no calendar data, no signature, no
// winmail.dat).

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { repoRoot } from './support/paths.mjs';

import { assertNoPageErrors, openApp } from './support/browser.mjs';
import { useApp } from './support/app.mjs';

const app = useApp();

const fixturesDir = join(repoRoot, 'tests', 'fixtures', 'mail');

function fixture(name) {
  return join(fixturesDir, name);
}

function thread(page) {
  return page.getByRole('region', { name: 'Conversation', exact: true });
}

/** Imports `files` from the Inbox of `inbox` and waits until each says where it went. */
async function importFiles(page, inbox, files) {
  await openApp(page, `${app.server.url}/inbox/unassigned?inbox=${inbox}`);
  await page.getByLabel('Import email').setInputFiles(files.map(([name]) => fixture(name)));
  const results = page.getByRole('region', { name: 'Import results' });
  for (const [name, team] of files) {
    await results.getByText(`${name}: added to ${team}, new conversation`).waitFor();
  }
}

/** Opens the conversation `subject` (a RegExp) of the current list; returns its message. */
async function openMessage(page, subject, sender) {
  await page.getByRole('list', { name: 'Conversations' }).getByRole('link', { name: subject }).click();
  const message = thread(page).getByRole('article', { name: sender });
  await message.waitFor();
  return message;
}

/** Clicks `button` and returns the downloaded file's name and bytes. */
async function downloaded(page, button) {
  const download = page.waitForEvent('download');
  await button.click();
  const file = await download;
  return { name: file.suggestedFilename(), bytes: await readFile(await file.path()) };
}

/** The names of the files a message lists. */
async function listedFiles(message) {
  const items = message.getByRole('list', { name: 'Attachments' }).getByRole('listitem');
  await items.first().waitFor();
  return items.evaluateAll((nodes) => nodes.map((node) => node.querySelector('button').getAttribute('aria-label')));
}

test('support mail: a forward as attachment, a signed message, inline images and flowed text read as written', async () => {
  await app.withPage(async (page) => {
    await importFiles(page, 'inbox-support', [
      ['forwarded-as-attachment-outlook.eml', 'Support'],
      ['smime-signed-outlook.eml', 'Support'],
      ['nested-related-inline-images.eml', 'Support'],
      ['format-flowed-delsp.eml', 'Support'],
    ]);
    const frame = page.frameLocator('iframe.sb-msg__frame');

    // Forwarded as an attachment: the note, then the customer's own email under its header
    // lines, and the email itself as a file named after its subject.
    let message = await openMessage(page, /FW: Broken buckle on my Ridge 28 daypack/, /Priya Raman/);
    await frame.getByText('Could you take it from here?').waitFor();
    await frame.getByText(/The hip-belt buckle of the Ridge 28 daypack I bought from you/).waitFor();
    await frame.getByText('Tom Beckett <tom.beckett@example.co.uk>').waitFor();
    assert.deepEqual(await listedFiles(message), ['Download Broken buckle on my Ridge 28 daypack.eml']);
    const eml = await downloaded(page,
      message.getByRole('button', { name: 'Download Broken buckle on my Ridge 28 daypack.eml' }));
    assert.match(eml.bytes.toString('utf8'), /^Received: from smtp\.example\.co\.uk/);
    assert.match(eml.bytes.toString('utf8'), /Subject: Broken buckle on my Ridge 28 daypack\r\n/);

    // S/MIME: the signed text shows; the signature is a file, not text.
    message = await openMessage(page, /Warranty claim for the Trailblazer stove/, /Henrik Aalto/);
    await frame.getByText(/The burner ring of my Trailblazer stove \(serial NW-STV-220-0419\) cracked/).waitFor();
    assert.deepEqual(await listedFiles(message), ['Download smime.p7s']);
    assert.doesNotMatch(await frame.locator('body').innerText(), /MIAGCSqGSIb3/);

    // Four images drawn in place by cid: (in four spellings); the other files listed.
    message = await openMessage(page, /Summit 45 zip torn/, /Agnieszka Kowalczyk/);
    for (const alt of ['Kowalczyk Sport logo', 'Torn zip', 'Returns label']) {
      const image = frame.getByRole('img', { name: alt });
      await image.waitFor();
      assert.match(await image.getAttribute('src'), /^data:image\/png;base64,iVBORw0KGgo/, alt);
    }
    assert.deepEqual(await listedFiles(message), [
      'Download unused-signature-icon.png',
      'Download invoice-NW-INV-2025-0311.pdf',
      'Download IMG_0042.HEIC.jpg',
    ]);

    // format=flowed; delsp=yes: paragraphs as written, not lines cut at 72 characters.
    message = await openMessage(page, /Re: Sizing of the Aurora rain jacket/, /Hana Novak/);
    await message.getByText(
      'Thank you for the quick answer! I am 172 cm tall and usually wear a size S in jackets, '
      + 'but with a thick fleece underneath I would prefer the M.', { exact: false }).waitFor();
    assert.match(await message.innerText(),
      /usually wear a size S in jackets, but with a thick fleece underneath I would prefer the M\. Could you/);
    assertNoPageErrors(page);
  });
});

test('billing mail: winmail.dat, an invitation and encoded file names show their files', async () => {
  await app.withPage(async (page) => {
    await importFiles(page, 'inbox-billing', [
      ['outlook-winmail-dat.eml', 'Billing'],
      ['calendar-invite-outlook.eml', 'Billing'],
      ['rfc2231-and-rfc2047-file-names.eml', 'Billing'],
    ]);
    const frame = page.frameLocator('iframe.sb-msg__frame');

    // Outlook's winmail.dat: the files inside it, byte for byte; winmail.dat itself is gone.
    let message = await openMessage(page, /Signed return form for RMA NW-RMA-5521/, /Carvalho, Ines/);
    await message.getByText(/Please find the signed return form and the list of items attached\./).waitFor();
    assert.deepEqual(await listedFiles(message), [
      'Download Return form NW-RMA-5521.pdf',
      'Download Items to return.csv',
    ]);
    const pdf = await downloaded(page, message.getByRole('button', { name: 'Download Return form NW-RMA-5521.pdf' }));
    assert.equal(pdf.name, 'Return form NW-RMA-5521.pdf');
    assert.ok(pdf.bytes.subarray(0, 8).toString('latin1').startsWith('%PDF-1.4'), 'a PDF');
    assert.equal(pdf.bytes.length, 622);

    // A calendar invitation: the invitation's text, never the calendar data; the event is a
    // file the rep can add to a calendar.
    message = await openMessage(page, /Invoice review Q1/, /Kees Mulder/);
    await frame.getByText('Quarterly invoice review for the Mulder Outdoor account.').waitFor();
    assert.doesNotMatch(await frame.locator('body').innerText(), /BEGIN:VCALENDAR|DTSTART|VTIMEZONE/);
    assert.doesNotMatch(await thread(page).innerText(), /BEGIN:VCALENDAR|DTSTART|VTIMEZONE/);
    assert.deepEqual(await listedFiles(message), ['Download invite.ics']);
    const ics = await downloaded(page, message.getByRole('button', { name: 'Download invite.ics' }));
    assert.match(ics.bytes.toString('utf8'), /^BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\n/);

    // File names in RFC 2231 and in Outlook's RFC 2047 encoded-words.
    message = await openMessage(page, /Facturi și rapoarte pentru martie/, /Andrei Munteanu/);
    assert.deepEqual(await listedFiles(message), [
      'Download Factură 2025-118 — Munteanu.pdf',
      'Download Raport lunar întreținere martie 2025.csv',
      'Download Rücksendungen.txt',
      'Download serial numbers of the returned stoves (March 2025).txt',
      'Download Confirmare de livrare – comanda NW-10744.pdf',
      'Download Mulțumim pentru comandă.txt',
    ]);
    const latin1 = await downloaded(page, message.getByRole('button', { name: 'Download Rücksendungen.txt' }));
    assert.deepEqual(latin1.bytes, Buffer.from('Liste der R\xfccksendungen\r\n', 'latin1'));
    assert.doesNotMatch(await thread(page).innerText(), /\uFFFD/, 'no replacement characters');
    assertNoPageErrors(page);
  });
});
