// SPEC §5 Insert and issue 5 item 7: Settings › Templates as real workspace content (admins
// manage, reps read), the composer's Insert menu rendering tokens into a reply draft that
// survives a reload, Quote and links; presence and typing between two tabs as two reps.
// Elements are found by role and label.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { distDir } from './support/paths.mjs';
import { startServer } from './support/server.mjs';
import { assertNoPageErrors, launchBrowser, newPage, openApp } from './support/browser.mjs';
import { switchUser } from './support/app.mjs';

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

// Maarten Smit's open, unassigned Support thread (everyone may reply).
const THREAD = '/inbox/conversations/conv-006?inbox=inbox-support';

async function openDialog(page, button, title) {
  await page.getByRole('button', { name: button, exact: true }).click();
  const dialog = page.getByRole('dialog', { name: title });
  await dialog.waitFor();
  return dialog;
}

async function insert(reply, item, title) {
  await reply.getByRole('button', { name: 'Insert', exact: true }).click();
  await reply.getByRole('menuitem', { name: item, exact: true }).click();
  const picker = reply.page().getByRole('dialog', { name: title });
  await picker.waitFor();
  return picker;
}

test('an admin manages templates; a refused save stores nothing; Insert renders it into a reply draft', async (t) => {
  const context = await browser.newContext();
  try {
    const page = await newPage(context);
    await openApp(page, `${server.url}/settings/templates`);
    await switchUser(page, 'Tomasz Kowalski — Admin');
    await page.getByRole('heading', { level: 1, name: 'Templates' }).waitFor();

    // Create a template with tokens.
    let dialog = await openDialog(page, 'New template', 'New template');
    await dialog.getByLabel('Name', { exact: true }).fill('Pole tips');
    await dialog.getByLabel('Subject', { exact: true }).fill('Tips for {{contact.first_name}}');
    await dialog.getByRole('textbox', { name: 'Body' })
      .fill('Hello {{contact.first_name}}, {{sender.full_name}} here about your poles.');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const templates = page.getByRole('region', { name: 'Templates', exact: true });
    await templates.getByRole('row', { name: /Pole tips/ }).waitFor();

    // A duplicate name and an unknown token are refused next to their fields.
    dialog = await openDialog(page, 'New template', 'New template');
    await dialog.getByLabel('Name', { exact: true }).fill('pole TIPS');
    await dialog.getByRole('textbox', { name: 'Body' }).fill('Hi {{agent.nickname}}');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.getByText('There is already a template called').waitFor();
    await dialog.getByText('Unknown token').waitFor();
    assert.equal(await dialog.getByLabel('Name', { exact: true }).getAttribute('aria-invalid'), 'true');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    assert.equal(await templates.getByRole('row', { name: /pole tips/i }).count(), 1);

    // An invalid address is refused and no document is stored.
    dialog = await openDialog(page, 'New document', 'New document');
    await dialog.getByLabel('Name', { exact: true }).fill('Pole sizes');
    await dialog.getByLabel('Web address').fill('javascript:alert(1)');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.getByText('is not a web address').waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    const documents = page.getByRole('region', { name: 'Documents' });
    await documents.getByRole('row', { name: /Partner price list/ }).waitFor();
    assert.equal(await documents.getByRole('row', { name: /Pole sizes/ }).count(), 0);

    // Edit opens the stored item and saves the change; Delete asks first.
    await templates.getByRole('row', { name: /Pole tips/ }).getByRole('button', { name: 'Edit' }).click();
    dialog = page.getByRole('dialog', { name: 'Edit Pole tips' });
    assert.equal(await dialog.getByLabel('Subject', { exact: true }).inputValue(), 'Tips for {{contact.first_name}}');
    await dialog.getByLabel('Name', { exact: true }).fill('Pole tips and caps');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await templates.getByRole('row', { name: /Pole tips and caps/ }).waitFor();
    const snippets = page.getByRole('region', { name: 'Snippets' });
    await snippets.getByRole('row', { name: /Sign-off/ }).getByRole('button', { name: 'Delete' }).click();
    await page.getByRole('dialog', { name: 'Delete snippet?' }).getByRole('button', { name: 'Delete' }).click();
    await snippets.getByRole('row', { name: /Sign-off/ }).waitFor({ state: 'detached' });
    await snippets.getByRole('row', { name: /Greeting/ }).waitFor();

    // Reply › Insert › Template renders the contact and the sender.
    await openApp(page, `${server.url}${THREAD}`);
    let reply = page.getByRole('region', { name: 'Reply' });
    // Each insertion is saved, and each save refetches the thread: the reply editor must stay
    // in the page all along (counted by an observer of removed nodes).
    await reply.getByRole('textbox', { name: 'Message' }).waitFor();
    await page.evaluate(() => {
      const editor = document.querySelector('[data-composer="reply"] [contenteditable="true"]');
      window.sbEditorRemovals = 0;
      new MutationObserver((records) => {
        for (const r of records) {
          for (const n of r.removedNodes) if (n === editor || n.contains?.(editor)) window.sbEditorRemovals += 1;
        }
      }).observe(document.body, { childList: true, subtree: true });
    });
    const picker = await insert(reply, 'Template', 'Insert template');
    await picker.getByLabel('Search').fill('pole');
    await picker.getByRole('button', { name: /Pole tips/ }).waitFor();
    assert.equal(await picker.getByRole('listitem').count(), 1, 'the search narrows the list');
    await picker.getByLabel('Search').press('Enter');
    await picker.waitFor({ state: 'hidden' });
    const body = reply.getByRole('textbox', { name: 'Message' });
    await body.getByText('Hello Maarten, Tomasz Kowalski here about your poles.').waitFor();

    // A link kind inserts its title as a link.
    await (await insert(reply, 'Video', 'Insert video'))
      .getByRole('button', { name: /Pitching the Alpine 2 tent/ }).click();
    const link = body.getByRole('link', { name: 'Pitching the Alpine 2 tent' });
    await link.waitFor();
    assert.equal(await link.getAttribute('href'), 'https://video.northwind.example/watch/alpine-2-pitch');

    // Quote inserts the previous message with its attribution. Right after the link above,
    // whose save is still being written: every save refetches the thread, which must not take
    // the composer out of the page while the quote goes in.
    await t.test('Quote inserts the previous message with its attribution', async () => {
      await (await insert(reply, 'Quote', 'Insert quote'))
        .getByRole('button', { name: /Maarten Smit/ }).click();
      await body.getByText(/^On .+, Maarten Smit wrote:$/).waitFor({ timeout: 10_000 });
      await body.locator('blockquote').getByText(/replacement carbide tips/).waitFor();
      await reply.getByRole('status').getByText('Saved', { exact: true }).waitFor();
      assert.equal(await page.evaluate(() => window.sbEditorRemovals), 0,
        'the reply editor never left the page while the inserts were saved');
    });

    // It is the draft: it survives a reload.
    await reply.getByRole('status').getByText('Saved', { exact: true }).waitFor();
    await page.reload();
    reply = page.getByRole('region', { name: 'Reply' });
    await reply.getByRole('textbox', { name: 'Message' })
      .getByText('Hello Maarten, Tomasz Kowalski here about your poles.').waitFor();
    assertNoPageErrors(page);
  } finally {
    await context.close();
  }
});

test('Compose: a template fills the empty subject, renders the recipient and inserts at the caret', async () => {
  const context = await browser.newContext();
  try {
    const page = await newPage(context);
    await openApp(page, `${server.url}/help-desk`);
    await switchUser(page, 'Giulia Rossi — User');
    await page.getByRole('button', { name: 'Compose' }).click();
    const compose = page.getByRole('dialog', { name: 'New email' });
    await compose.getByLabel('To', { exact: true }).fill('maarten.smit@kpn.example');
    const body = compose.getByRole('textbox', { name: 'Message' });
    await body.fill('Start End');
    // The caret between the two words.
    await body.evaluate((el) => {
      el.focus();
      const text = document.createTreeWalker(el, NodeFilter.SHOW_TEXT).nextNode();
      const range = document.createRange();
      range.setStart(text, 'Start '.length);
      range.collapse(true);
      getSelection().removeAllRanges();
      getSelection().addRange(range);
    });
    await (await insert(compose, 'Template', 'Insert template'))
      .getByRole('button', { name: /Refund issued/ }).click();
    await body.getByText('Hi Maarten,').waitFor();
    assert.equal(await compose.getByLabel('Subject').inputValue(), 'Your refund has been issued');
    const text = await body.textContent();
    assert.ok(text.indexOf('Start') < text.indexOf('Hi Maarten,'), text);
    assert.ok(text.indexOf('Hi Maarten,') < text.indexOf('End'), text);
    assert.match(text, /Kind regards,Giulia Rossi/);

    // Quote needs a thread; a new email has none, and the picker says so.
    const picker = await insert(compose, 'Quote', 'Insert quote');
    await picker.getByText('There is no earlier email to quote').waitFor();
    await picker.getByRole('button', { name: 'Cancel' }).click();
    assertNoPageErrors(page);
  } finally {
    await context.close();
  }
});

test('a rep reads Settings › Templates but cannot change it, and sees why', async () => {
  const context = await browser.newContext();
  try {
    const page = await newPage(context);
    await openApp(page, `${server.url}/settings/templates`);
    await switchUser(page, 'Giulia Rossi — User');
    await page.getByText('Read only: Only admins and super admins can manage templates').waitFor();
    for (const name of ['New template', 'New snippet', 'New knowledge base article']) {
      assert.equal(await page.getByRole('button', { name }).isDisabled(), true, name);
    }
    const row = page.getByRole('region', { name: 'Snippets' }).getByRole('row', { name: /Greeting/ });
    assert.equal(await row.getByRole('button', { name: 'Edit' }).isDisabled(), true);
    assert.equal(await row.getByRole('button', { name: 'Delete' }).isDisabled(), true);
    assertNoPageErrors(page);
  } finally {
    await context.close();
  }
});

test('two tabs as two reps see each other viewing and typing, and a closed tab disappears', async () => {
  const context = await browser.newContext();
  try {
    const tomasz = await newPage(context);
    await openApp(tomasz, `${server.url}${THREAD}`);
    await switchUser(tomasz, 'Tomasz Kowalski — Admin');
    const giulia = await newPage(context);
    await openApp(giulia, `${server.url}${THREAD}`);
    await switchUser(giulia, 'Giulia Rossi — User');

    await tomasz.getByRole('img', { name: 'Giulia Rossi is viewing' }).waitFor();
    await giulia.getByRole('img', { name: 'Tomasz Kowalski is viewing' }).waitFor();
    assert.equal(await tomasz.getByRole('img', { name: /^Tomasz Kowalski is/ }).count(), 0, 'not myself');

    await giulia.getByRole('region', { name: 'Reply' }).getByRole('textbox', { name: 'Message' })
      .pressSequentially('Hi Maarten');
    await tomasz.getByRole('img', { name: 'Giulia Rossi is typing a reply' }).waitFor();
    // The indicator fades a few seconds after the last keystroke.
    await tomasz.getByRole('img', { name: 'Giulia Rossi is viewing' }).waitFor({ timeout: 10_000 });

    await giulia.close();
    await tomasz.getByRole('img', { name: /^Giulia Rossi is/ }).waitFor({ state: 'detached', timeout: 15_000 });
    assertNoPageErrors(tomasz);
  } finally {
    await context.close();
  }
});
