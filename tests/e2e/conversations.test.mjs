// SPEC §5 thread actions and §9 Import email, driven by role and label: the sample .eml files
// in public/samples/ are imported and routed, threaded and refused as the spec says; every
// thread action (Close conversation, Reassign, Comment, Move to trash, Restore, Undo) moves the
// conversation between the views and their counts follow; in an inbox where the user may only
// view (Maria in Billing) every action is disabled and says why.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { repoRoot } from './support/paths.mjs';

import { assertNoPageErrors, openApp } from './support/browser.mjs';
import { switchUser, useApp } from './support/app.mjs';

const app = useApp();

const samplesDir = join(repoRoot, 'public', 'samples');

async function sampleFiles() {
  const { samples } = JSON.parse(await readFile(join(samplesDir, 'index.json'), 'utf8'));
  return samples.map((name) => join(samplesDir, name));
}

function viewLink(page, name) {
  return page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: new RegExp(`^${name}`) });
}

async function count(page, name) {
  const text = await viewLink(page, name).locator('.sb-views__count').textContent();
  return Number(text);
}

/** Waits until the view's live count is `expected` (counts refetch after every write). */
async function waitForCount(page, name, expected) {
  const counter = viewLink(page, name).locator('.sb-views__count');
  try {
    await counter.filter({ hasText: new RegExp(`^${expected}$`) }).waitFor({ timeout: 10_000 });
  } catch {
    assert.equal(await count(page, name), expected, `${name} count`);
  }
}

async function waitForCounts(page) {
  await page.waitForFunction(() => {
    const counts = [...document.querySelectorAll('.sb-views__count')];
    return counts.length >= 7 && counts.every((el) => /^\d+$/.test(el.textContent));
  });
}

/** The Undo button of the toast that says `text`. */
function undo(page, text) {
  return page.locator('.sb-toast', { hasText: text }).getByRole('button', { name: 'Undo' });
}

function thread(page) {
  return page.getByRole('region', { name: 'Conversation' });
}

function actions(page) {
  return thread(page).getByRole('toolbar', { name: 'Conversation actions' });
}

async function toast(page, text) {
  await page.getByRole('status').getByText(text).first().waitFor();
}

test('Import email routes, threads, refuses a disabled channel and reports a malformed file', async () => {
  await app.withPage(async (page) => {
    await openApp(page, `${app.server.url}/inbox/unassigned?inbox=inbox-support`);
    await waitForCounts(page);
    const supportBefore = await count(page, 'Unassigned');

    await page.getByLabel('Import email').setInputFiles(await sampleFiles());
    const results = page.getByRole('region', { name: 'Import results' });
    await results.waitFor();
    const lines = await results.getByRole('listitem').allTextContents();
    const line = (file) => lines.find((l) => l.startsWith(`${file}:`)) ?? `${file}: (missing)`;
    assert.equal(lines.length, 11, lines.join('\n'));
    assert.equal(line('01-gmail-plain-html.eml'), '01-gmail-plain-html.eml: added to Support, new conversation');
    assert.match(line('02-outlook-reply.eml'), /added to Support, joined the conversation “Order #NW-10482 arrived with a torn tent bag”/);
    assert.match(line('03-apple-mail-pdf.eml'), /added to Billing, new conversation/);
    assert.match(line('04-thunderbird-iso-8859-2.eml'), /added to Billing, new conversation/);
    assert.match(line('05-thunderbird-romanian.eml'), /added to Support, new conversation/);
    assert.match(line('06-thunderbird-followup-photo.eml'), /added to Support, joined the conversation/);
    assert.match(line('07-newsletter-html.eml'), /added to Support, new conversation/);
    assert.match(line('08-forwarded-fwd.eml'), /added to Support, new conversation/);
    assert.match(line('09-partners-disabled-channel.eml'), /not imported: .*partners@northwind\.example, a disabled channel, so it is not shown in the inbox and not logged on the contact/);
    assert.match(line('10-outlook-inline-image.eml'), /added to Support, new conversation/);
    assert.match(line('malformed.eml'), /not imported: This file is not an email/);

    // 01, 05, 07, 08 and 10 are new Support conversations; 02 and 06 joined theirs.
    await waitForCount(page, 'Unassigned', supportBefore + 5);

    // Sample 02 joined 01: one conversation with both messages.
    await page.getByRole('list', { name: 'Conversations' })
      .getByRole('link', { name: /Order #NW-10482 arrived with a torn tent bag/ })
      .click();
    await thread(page).getByRole('heading', { name: 'Order #NW-10482 arrived with a torn tent bag' }).waitFor();
    await thread(page).getByRole('article').nth(1).waitFor();
    assert.equal(await thread(page).getByRole('article').count(), 2);

    // The forward is logged on the original sender (Jonas), not on the forwarder.
    assert.ok(
      (await page.getByRole('list', { name: 'Conversations' }).textContent()).includes('Jonas Berg'),
      'the forward is on Jonas Berg',
    );

    // Importing the same files again adds nothing.
    await page.getByLabel('Import email').setInputFiles(join(samplesDir, '01-gmail-plain-html.eml'));
    await results.getByText('01-gmail-plain-html.eml: not imported: this email was already imported.').waitFor();
    await waitForCount(page, 'Unassigned', supportBefore + 5);
    assertNoPageErrors(page);
  });
});

test('a short email with a big attachment is shown whole, and a subject with a TAB can be replied to', async () => {
  await app.withPage(async (page) => {
    await openApp(page, `${app.server.url}/inbox/unassigned?inbox=inbox-support`);
    await waitForCounts(page);
    const photo = Buffer.alloc(150 * 1024, 7).toString('base64').replace(/.{76}/g, '$&\r\n');
    const eml = [
      'From: Ana Lungu <ana.lungu@posta.example>',
      'To: support@northwind.example',
      'Subject: Photo of the torn\tbag',
      'Date: Tue, 24 Nov 2026 09:00:00 +0000',
      'Message-ID: <big-attachment-1@posta.example>',
      'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary="b1"',
      '',
      '--b1',
      'Content-Type: text/html; charset=utf-8',
      '',
      '<p>Here is the <b>photo</b> of the bag.</p>',
      '--b1',
      'Content-Type: image/jpeg; name="bag.jpg"',
      'Content-Disposition: attachment; filename="bag.jpg"',
      'Content-Transfer-Encoding: base64',
      '',
      photo,
      '--b1--',
      '',
    ].join('\r\n');
    await page.getByLabel('Import email').setInputFiles({ name: 'bag.eml', mimeType: 'message/rfc822', buffer: Buffer.from(eml) });
    await page.getByRole('region', { name: 'Import results' })
      .getByText('bag.eml: added to Support, new conversation').waitFor();
    await page.getByRole('list', { name: 'Conversations' })
      .getByRole('link', { name: /Photo of the torn bag/ }).click();
    await thread(page).getByRole('heading', { name: 'Photo of the torn bag' }).waitFor();
    await thread(page).getByRole('list', { name: 'Attachments' }).getByText(/bag\.jpg/).waitFor();
    assert.equal(await thread(page).getByText('has been cut').count(), 0, 'a short email is not cut');
    assert.equal(await thread(page).locator('iframe').count(), 1, 'its HTML is shown');

    const reply = page.getByRole('region', { name: 'Reply' });
    await reply.getByRole('textbox', { name: 'Message' }).click();
    await page.keyboard.type('Thank you, a new bag is on its way.');
    await reply.getByRole('button', { name: 'Send' }).click();
    await page.getByText(/^Email sent from/).first().waitFor();
    assertNoPageErrors(page);
  });
});

test('dropping .eml files on the conversation list imports them', async () => {
  await app.withPage(async (page) => {
    await openApp(page, `${app.server.url}/inbox/unassigned?inbox=inbox-billing`);
    await waitForCounts(page);
    const before = await count(page, 'Unassigned');
    const raw = await readFile(join(samplesDir, '03-apple-mail-pdf.eml'), 'utf8');
    const dataTransfer = await page.evaluateHandle((text) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], '03-apple-mail-pdf.eml', { type: 'message/rfc822' }));
      return dt;
    }, raw);
    await page.locator('.sb-dropzone').dispatchEvent('drop', { dataTransfer });
    await page.getByRole('region', { name: 'Import results' })
      .getByText('03-apple-mail-pdf.eml: added to Billing, new conversation').waitFor();
    await waitForCount(page, 'Unassigned', before + 1);
    // The PDF is listed on the imported message.
    await page.getByRole('list', { name: 'Conversations' })
      .getByRole('link', { name: /Invoice NW-2025-0381 is missing our VAT number/ }).click();
    await thread(page).getByRole('list', { name: 'Attachments' }).getByText(/\.pdf \(1 KB\)$/).waitFor();
    assertNoPageErrors(page);
  });
});

test('Reassign, Comment, Close conversation, Undo, Move to trash and Restore change the counts', async () => {
  await app.withPage(async (page) => {
    await openApp(page, `${app.server.url}/inbox/unassigned?inbox=inbox-support`);
    await waitForCounts(page);
    const start = {
      unassigned: await count(page, 'Unassigned'),
      mine: await count(page, 'Assigned to me'),
      open: await count(page, 'All open'),
      closed: await count(page, 'Closed'),
      trash: await count(page, 'Trash'),
    };
    const first = page.getByRole('list', { name: 'Conversations' }).getByRole('link').first();
    const subject = (await first.locator('.sb-row__subject').textContent()).trim();
    await first.click();
    await thread(page).getByRole('heading', { name: subject }).waitFor();

    // Reassign to me (Maria): Unassigned −1, Assigned to me +1.
    await actions(page).getByRole('button', { name: 'Reassign' }).click();
    const reassign = page.getByRole('dialog', { name: 'Reassign' });
    await reassign.getByLabel('Assign to').selectOption({ label: 'Maria Popescu' });
    await reassign.getByRole('button', { name: 'Save' }).click();
    await toast(page, 'Conversation reassigned.');
    await waitForCount(page, 'Unassigned', start.unassigned - 1);
    await waitForCount(page, 'Assigned to me', start.mine + 1);
    await thread(page).getByText('Assigned to Maria Popescu').waitFor();

    // A free-seat user is offered by hand.
    await actions(page).getByRole('button', { name: 'Reassign' }).click();
    const options = await reassign.getByLabel('Assign to').locator('option').allTextContents();
    assert.ok(options.includes('Daan de Vries (free seat)'), options.join(', '));
    assert.equal(options[0], 'Unassigned');
    await reassign.getByRole('button', { name: 'Cancel' }).click();

    // Comment: shown as an internal comment.
    await actions(page).getByRole('button', { name: 'Comment' }).click();
    const commentDialog = page.getByRole('dialog', { name: 'Comment' });
    await commentDialog.getByLabel('Internal comment').fill('Checked the courier, parcel is in Poznań.');
    await commentDialog.getByRole('button', { name: 'Add comment' }).click();
    const note = thread(page).getByRole('article', { name: /^Internal comment from Maria Popescu/ });
    await note.getByText('Checked the courier, parcel is in Poznań.').waitFor();

    // Close conversation: All open −1, Closed +1; Undo puts it back.
    await actions(page).getByRole('button', { name: 'Close conversation' }).click();
    await toast(page, 'Conversation closed.');
    await waitForCount(page, 'All open', start.open - 1);
    await waitForCount(page, 'Closed', start.closed + 1);
    await undo(page, 'Conversation closed.').click();
    await toast(page, 'Conversation reopened.');
    await waitForCount(page, 'All open', start.open);
    await waitForCount(page, 'Closed', start.closed);

    // Move to trash (confirmed): Trash +1, Assigned to me back; Restore brings it back.
    await actions(page).getByRole('button', { name: 'Move to trash' }).click();
    await page.getByRole('dialog', { name: 'Move to trash?' }).getByRole('button', { name: 'Move to trash' }).click();
    await toast(page, 'Conversation moved to trash.');
    await waitForCount(page, 'Trash', start.trash + 1);
    await waitForCount(page, 'Assigned to me', start.mine);
    await waitForCount(page, 'All open', start.open - 1);
    await actions(page).getByRole('button', { name: 'Restore' }).click();
    await toast(page, 'Conversation restored.');
    await waitForCount(page, 'Trash', start.trash);
    await waitForCount(page, 'All open', start.open);

    // Reassign back to Unassigned, then Undo the reassign.
    await actions(page).getByRole('button', { name: 'Reassign' }).click();
    await reassign.getByLabel('Assign to').selectOption({ label: 'Unassigned' });
    await reassign.getByRole('button', { name: 'Save' }).click();
    await toast(page, 'Conversation unassigned.');
    await waitForCount(page, 'Unassigned', start.unassigned);
    await undo(page, 'Conversation unassigned.').click();
    await waitForCount(page, 'Assigned to me', start.mine + 1);
    assertNoPageErrors(page);
  });
});

test('Move to inbox and Forward move the conversation to another inbox, unassigned', async () => {
  await app.withPage(async (page) => {
    await openApp(page, `${app.server.url}/`);
    await switchUser(page, 'Giulia Rossi — User');
    await page.goto(`${app.server.url}/inbox/all-open?inbox=inbox-billing`);
    await waitForCounts(page);
    const billingOpen = await count(page, 'All open');
    await page.goto(`${app.server.url}/inbox/conversations/conv-003?inbox=inbox-support&view=all-open`);
    await thread(page).getByRole('heading', { name: 'Exchange Tundra fleece for a larger size' }).waitFor();
    await actions(page).getByRole('button', { name: 'Forward' }).click();
    const forward = page.getByRole('dialog', { name: 'Forward' });
    await forward.getByLabel('Team').selectOption({ label: 'Billing → Billing' });
    await forward.getByRole('button', { name: 'Forward' }).click();
    await toast(page, 'Conversation forwarded to Billing. It waits in their Unassigned view.');
    await page.goto(`${app.server.url}/inbox/all-open?inbox=inbox-billing`);
    await waitForCount(page, 'All open', billingOpen + 1);

    await page.goto(`${app.server.url}/inbox/conversations/conv-003?inbox=inbox-billing&view=all-open`);
    await thread(page).getByText('Unassigned').first().waitFor();
    await actions(page).getByRole('button', { name: 'Move to inbox' }).click();
    const move = page.getByRole('dialog', { name: 'Move to inbox' });
    await move.getByLabel('Inbox').selectOption({ label: 'Support' });
    await move.getByRole('button', { name: 'Move' }).click();
    await toast(page, 'Conversation moved to Support.');
    await page.goto(`${app.server.url}/inbox/all-open?inbox=inbox-billing`);
    await waitForCount(page, 'All open', billingOpen);
    assertNoPageErrors(page);
  });
});

test('Maria (super admin) may only view Billing: every action is disabled with the reason', async () => {
  await app.withPage(async (page) => {
    await openApp(page, `${app.server.url}/inbox/conversations/conv-042?inbox=inbox-billing`);
    await page.getByRole('button', { name: 'Account menu: Maria Popescu' }).waitFor();
    await thread(page).getByRole('heading', { name: 'Q3 invoice reconciliation: line items' }).waitFor();
    const reason = 'You can view this inbox but not act in it: only its selected members can reply, assign, close, comment or move.';
    await actions(page).getByText(reason).waitFor();
    for (const name of ['Close conversation', 'Reassign', 'Comment', 'Move to inbox', 'Forward', 'Move to trash', 'Create ticket']) {
      const button = actions(page).getByRole('button', { name, exact: true });
      assert.equal(await button.isDisabled(), true, `${name} is disabled`);
      assert.equal(await button.getAttribute('title'), reason, `${name} says why`);
      const describedBy = await button.getAttribute('aria-describedby');
      assert.equal(await page.locator(`[id="${describedBy}"]`).textContent(), reason);
    }
    await actions(page).getByRole('button', { name: 'More' }).click();
    assert.equal(await actions(page).getByRole('menuitem', { name: 'Close conversation' }).isDisabled(), true);
    assert.equal(await actions(page).getByRole('menuitem', { name: 'Move to trash' }).isDisabled(), true);

    // Switching to a Billing member enables them.
    await switchUser(page, 'Tomasz Kowalski — Admin');
    await page.getByRole('button', { name: 'Account menu: Tomasz Kowalski' }).waitFor();
    assert.equal(await actions(page).getByRole('button', { name: 'Reassign' }).isDisabled(), false);
    assertNoPageErrors(page);
  });
});
