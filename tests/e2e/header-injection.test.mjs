// SPEC §8 header safety through the UI: every settings field whose value reaches a mail header
// (inbox names, a team email channel's address and display name, the fallback email's Company
// name and custom From address) and the composer (To/Cc names and addresses, Subject) refuse
// line and paragraph separators, NUL and other C0/C1 controls with a message next to the field,
// and nothing is saved: after a reload the old value is still there and the Outbox is unchanged.
//
// Text inputs strip CR and LF by themselves (HTML's value sanitisation), so the payloads use
// the separators and controls an input keeps: U+2028, U+2029, NEL (U+0085), NUL, ESC, VT, BEL.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { distDir } from './support/paths.mjs';
import { startServer } from './support/server.mjs';
import { launchBrowser, newPage, openApp, pageProblems } from './support/browser.mjs';
import { inboxOptions } from './support/app.mjs';

let server;
let browser;

before(async () => {
  server = await startServer({ root: distDir });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const REFUSED = /contains a line break or control character/;
const PAYLOADS = ['\u2028Bcc: evil@attacker.example', '\u2029X-Evil: 1', '\u0085Bcc: evil@attacker.example', '\u0000', '\u001b[31m', '\u000bBcc: x', '\u0007'];

async function openSettings(page, inbox) {
  await page.goto(`${server.url}/settings/inboxes?inbox=${inbox}`);
  await page.getByRole('heading', { level: 1, name: 'Inboxes' }).waitFor();
}

async function openAction(page, name) {
  await page.getByRole('button', { name: 'Actions' }).click();
  await page.getByRole('menuitem', { name }).click();
  return page.getByRole('dialog', { name });
}

function noProblems(page) {
  assert.deepEqual(pageProblems(page), []);
}

test('settings fields that reach a header refuse control characters and save nothing', async () => {
  const context = await browser.newContext();
  try {
    const page = await newPage(context);
    await openApp(page, `${server.url}/`);

    // Rename inbox: every payload refused next to the field.
    await openSettings(page, 'inbox-support');
    let dialog = await openAction(page, 'Rename inbox');
    const name = dialog.getByLabel('Inbox name');
    for (const payload of PAYLOADS) {
      await name.fill(`Support${payload}`);
      await dialog.getByRole('button', { name: 'Save' }).click();
      await dialog.getByText(REFUSED).waitFor();
      assert.equal(await name.getAttribute('aria-invalid'), 'true', JSON.stringify(payload));
    }
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    // Create new inbox: the name is refused before step 2.
    dialog = await openAction(page, 'Create new inbox');
    await dialog.getByLabel('Team inbox name').fill('Returns\u2028Bcc: evil@attacker.example');
    await dialog.getByRole('button', { name: 'Next' }).click();
    await dialog.getByText(REFUSED).waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    // Connect channel on Support: address and display name.
    await page.getByRole('button', { name: 'Connect channel' }).click();
    dialog = page.getByRole('dialog', { name: 'Connect channel' });
    await dialog.getByLabel('Email address').fill('returns@northwind.example\u2028Bcc: evil@attacker.example');
    await dialog.getByLabel('Display name').fill('Northwind Returns');
    await dialog.getByRole('button', { name: 'Connect channel', exact: true }).click();
    await dialog.locator('#connect-address-error').getByText(REFUSED).waitFor();
    await dialog.getByLabel('Email address').fill('returns@northwind.example');
    for (const payload of ['\u0085Bcc: evil@attacker.example', '\u2029', '\u0000']) {
      await dialog.getByLabel('Display name').fill(`Northwind${payload}Returns`);
      await dialog.getByRole('button', { name: 'Connect channel', exact: true }).click();
      await dialog.locator('#connect-name-error').getByText(REFUSED).waitFor();
    }
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    // Fallback email: Company name and custom From address.
    await page.getByRole('button', { name: 'Edit fallback email' }).click();
    dialog = page.getByRole('dialog', { name: 'Fallback email' });
    const company = dialog.getByRole('textbox', { name: 'Company name' });
    const before = await company.inputValue();
    for (const payload of PAYLOADS.slice(0, 4)) {
      await company.fill(`Northwind${payload}`);
      await dialog.getByRole('button', { name: 'Save' }).click();
      await dialog.locator('#fb-company-error').getByText(REFUSED).waitFor();
    }
    await company.fill(before);
    await dialog.getByRole('radio', { name: 'Custom from address' }).check().catch(() => {});
    const custom = dialog.getByLabel('Custom from address');
    if (await custom.isVisible()) {
      await custom.fill('hello@northwind.example\u2028Bcc: evil@attacker.example');
      await dialog.getByRole('button', { name: 'Save' }).click();
      await dialog.getByText(REFUSED).first().waitFor();
    }
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });

    // Nothing was saved.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Inboxes' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Support' }).waitFor();
    const channels = page.getByRole('table', { name: 'Channels' });
    await channels.waitFor();
    assert.equal(await channels.getByText('returns@northwind.example').count(), 0);
    assert.equal(await channels.getByText(/Northwind.Returns/).count(), 0);
    await page.getByRole('button', { name: 'Edit fallback email' }).click();
    assert.equal(await dialog.getByRole('textbox', { name: 'Company name' }).inputValue(), before);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await page.goto(`${server.url}/`);
    assert.deepEqual(await inboxOptions(page), ['Billing', 'Support']);
    noProblems(page);
  } finally {
    await context.close();
  }
});

// The field's accessible description: the text of the elements its aria-describedby names.
function describedBy(field) {
  return field.evaluate((el) => (el.getAttribute('aria-describedby') || '')
    .split(/\s+/).filter(Boolean)
    .map((id) => document.getElementById(id)?.textContent ?? '').join(' ').trim());
}

// Waits until `field` is marked invalid and its description (next to it) matches `reason`.
async function refusedNextTo(field, reason) {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const text = await describedBy(field);
    if (reason.test(text) && (await field.getAttribute('aria-invalid')) === 'true') return;
    if (Date.now() > deadline) {
      assert.fail(`no refusal next to the field: description ${JSON.stringify(text)}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function outboxCount(page) {
  await page.goto(`${server.url}/help-desk/outbox?inbox=inbox-support`);
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  const list = page.getByRole('list', { name: 'Outbox messages' });
  await page.waitForTimeout(300);
  return (await list.count()) === 0 ? 0 : list.getByRole('listitem').count();
}

test('the composer refuses control characters in recipients and subject and sends nothing', async () => {
  const context = await browser.newContext();
  try {
    const page = await newPage(context);
    await openApp(page, `${server.url}/help-desk`);
    const before = await outboxCount(page);

    await openApp(page, `${server.url}/help-desk`);
    await page.getByRole('button', { name: 'Compose' }).click();
    const compose = page.getByRole('dialog', { name: 'New email' });
    const from = compose.getByLabel('From', { exact: true });
    await from.waitFor();
    // Choose a From deliberately, so Send is enabled whatever the team default is.
    const choice = await from.locator('option').evaluateAll((options) => options.find((o) => o.value && !o.disabled)?.value);
    await from.selectOption(choice);
    const to = compose.getByLabel('To', { exact: true });
    await compose.getByRole('textbox', { name: 'Message' }).fill('Hello');
    await compose.getByLabel('Subject').fill('Your order');

    for (const typed of [
      'erik.larsen@mail.example\u2028Bcc: evil@attacker.example',
      'Erik\u0085Bcc: evil@attacker.example <erik.larsen@mail.example>',
      'Erik\u0000 <erik.larsen@mail.example>',
    ]) {
      await to.fill(typed);
      await compose.getByRole('button', { name: 'Send' }).click();
      await refusedNextTo(to, REFUSED);
    }
    await to.fill('erik.larsen@mail.example');
    const subject = compose.getByLabel('Subject');
    for (const payload of ['\u2028Bcc: evil@attacker.example', '\u0085', '\u001b', '\u2029', '\u0000']) {
      await subject.fill(`Your order${payload}`);
      await compose.getByRole('button', { name: 'Send' }).click();
      await refusedNextTo(subject, /^The subject cannot be sent: it contains a line break or control character/);
      assert.equal(await compose.getByRole('alert').filter({ hasText: /Not sent/ }).count(), 0,
        'the reason is next to Subject, not in the footer');
    }
    // Typing in the field clears its message.
    await subject.fill('Your order');
    assert.equal(await subject.getAttribute('aria-invalid'), 'false');
    assert.equal(await describedBy(subject), '');
    assert.ok(await compose.isVisible(), 'the draft stays open');
    assert.equal(await outboxCount(page), before, 'nothing reached the Outbox');
    // Console errors from the refused sends are not expected; toasts are not errors.
    noProblems(page);
  } finally {
    await context.close();
  }
});

test('the reply composer refuses control characters in Cc and Bcc next to the field and sends nothing', async () => {
  const context = await browser.newContext();
  try {
    const page = await newPage(context);
    await openApp(page, `${server.url}/help-desk`);
    const before = await outboxCount(page);

    await openApp(page, `${server.url}/inbox/conversations/conv-006?inbox=inbox-support`);
    const reply = page.getByRole('region', { name: 'Reply' });
    await reply.getByRole('textbox', { name: 'Message' }).fill('Hello Maarten');
    await reply.getByRole('button', { name: 'Show recipients' }).click();
    for (const label of ['Cc', 'Bcc']) {
      const field = reply.getByLabel(label, { exact: true });
      for (const payload of ['\u2028Bcc: evil@attacker.example', '\u0085', '\u0000']) {
        await field.fill(`Erik${payload} <erik.larsen@mail.example>`);
        await reply.getByRole('button', { name: 'Send' }).click();
        await refusedNextTo(field, REFUSED);
      }
      await field.fill('');
    }
    assert.ok(await reply.getByRole('textbox', { name: 'Message' }).getByText('Hello Maarten').isVisible(),
      'the reply stays as typed');
    assert.equal(await outboxCount(page), before, 'nothing reached the Outbox');
    noProblems(page);
  } finally {
    await context.close();
  }
});
