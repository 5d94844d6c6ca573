// The composer's formatting (SPEC §5 "style, link, image"): Underline, and Link / Image through
// the in-page **Insert link** / **Insert image** dialog — a link from the selection, edited and
// removed again, a web image with its alternative text; a refused address is said next to the
// field and inserts nothing (§8); Escape cancels and leaves the draft as it was; what the
// dialog inserts is kept in the draft like typing.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { assertNoPageErrors, newPage, openApp } from './support/browser.mjs';
import { useApp } from './support/app.mjs';

const app = useApp();
const THREAD = '/inbox/conversations/conv-006?inbox=inbox-support';

/** The reply composer of the open conversation and its message body. */
async function openReply(page) {
  await openApp(page, `${app.server.url}${THREAD}`);
  const reply = page.getByRole('region', { name: 'Reply' });
  const body = reply.getByRole('textbox', { name: 'Message' });
  return { reply, body };
}

/** Whether the focus is in the message body (inside it counts). */
function focusInBody(body) {
  return body.evaluate((el) => el.contains(document.activeElement));
}

/** The body's visible text, the editor's non-breaking spaces as spaces. */
async function text(body) {
  return (await body.innerText()).replace(/\u00a0/g, ' ');
}

function saved(reply) {
  return reply.getByRole('status').getByText('Saved', { exact: true }).waitFor();
}

test('Image inserts a web image with its alternative text and refuses anything else; Underline formats', async () => {
  const context = await app.browser.newContext();
  // The image host does not exist here: answer it locally (a 1×1 PNG) so nothing leaves.
  const pixel = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
    'base64',
  );
  await context.route('https://cdn.example/**', (route) =>
    route.fulfill({ status: 200, contentType: 'image/png', body: pixel }));
  try {
    const page = await newPage(context);
    page.on('dialog', () => assert.fail('no browser prompt may open'));
    const { reply, body } = await openReply(page);
    await body.click();
    await page.keyboard.type('Here is the map: ');

    await reply.getByRole('button', { name: 'Image', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Insert image' });
    const address = dialog.getByRole('textbox', { name: 'Image address' });
    await address.waitFor();
    assert.ok(await address.evaluate((el) => el === document.activeElement), 'the address field has the focus');

    // A refused address: said next to the field, the dialog stays open, nothing is inserted.
    await address.fill('javascript:alert(1)');
    await dialog.getByRole('button', { name: 'Insert image' }).click();
    const refusal = dialog.getByRole('alert');
    await refusal.getByText('That is not an image address').waitFor();
    assert.equal(await address.getAttribute('aria-invalid'), 'true');
    const describedBy = await address.getAttribute('aria-describedby');
    assert.equal(await refusal.getAttribute('id'), describedBy, 'the message describes the field');
    // An inline image would travel in every reply: the message body takes web images only.
    await address.fill('data:image/png;base64,iVBORw0KGgo=');
    await address.press('Enter');
    await refusal.getByText('That is not an image address').waitFor();
    assert.ok(await dialog.isVisible(), 'still open');
    assert.equal(await body.locator('img').count(), 0);

    await address.fill('https://cdn.example/store-map.png');
    await dialog.getByRole('textbox', { name: 'Alternative text' }).fill('Map of the Northwind store');
    await address.press('Enter');
    await dialog.waitFor({ state: 'hidden' });
    await body.locator('img[src="https://cdn.example/store-map.png"][alt="Map of the Northwind store"]').waitFor();
    assert.ok(await focusInBody(body), 'the focus is back in the message');

    // The caret is back where it was: typing goes on after the image.
    await page.keyboard.type(' and ');
    await reply.getByRole('button', { name: 'Underline', exact: true }).click();
    await page.keyboard.type('see you there');
    await body.locator('u', { hasText: 'see you there' }).waitFor();
    assert.match(await text(body), /Here is the map: +and see you there/);

    // The image is part of the saved draft.
    await saved(reply);
    await page.reload();
    await page.getByRole('region', { name: 'Reply' }).getByRole('textbox', { name: 'Message' })
      .locator('img[src="https://cdn.example/store-map.png"][alt="Map of the Northwind store"]').waitFor();
    assertNoPageErrors(page);
  } finally {
    await context.close();
  }
});

test('Link links the selected text, edits it and removes it, all kept in the draft', async () => {
  await app.withPage(async (page) => {
    page.on('dialog', () => assert.fail('no browser prompt may open'));
    const { reply, body } = await openReply(page);
    await body.click();
    await page.keyboard.type('Read our help centre');
    for (let i = 0; i < 'help centre'.length; i += 1) await page.keyboard.press('Shift+ArrowLeft');

    await reply.getByRole('button', { name: 'Link', exact: true }).click();
    const insert = page.getByRole('dialog', { name: 'Insert link' });
    await insert.waitFor();
    assert.equal(await insert.getByRole('textbox', { name: 'Text to display' }).inputValue(), 'help centre',
      'the selected text is offered');
    assert.equal(await insert.getByRole('button', { name: 'Remove link' }).count(), 0, 'nothing to remove yet');

    // Required, and only web or mail addresses.
    await insert.getByRole('button', { name: 'Insert link' }).click();
    await insert.getByRole('alert').getByText('Enter an address.').waitFor();
    const address = insert.getByRole('textbox', { name: 'Link address' });
    await address.fill('javascript:alert(1)');
    await address.press('Enter');
    await insert.getByRole('alert').getByText('A link must start with https://, http:// or mailto:.').waitFor();
    assert.equal(await body.locator('a').count(), 0, 'nothing was linked');

    await address.fill('https://northwind.example/help');
    await address.press('Enter');
    await insert.waitFor({ state: 'hidden' });
    const link = body.getByRole('link', { name: 'help centre' });
    await link.waitFor();
    assert.equal(await link.getAttribute('href'), 'https://northwind.example/help');
    assert.ok(await focusInBody(body), 'the focus is back in the message');
    await saved(reply);

    // The caret inside the link: Ctrl+K edits it.
    await link.click();
    await page.keyboard.press('Control+k');
    const edit = page.getByRole('dialog', { name: 'Edit link' });
    await edit.waitFor();
    assert.equal(await edit.getByRole('textbox', { name: 'Link address' }).inputValue(), 'https://northwind.example/help');
    assert.equal(await edit.getByRole('textbox', { name: 'Text to display' }).inputValue(), 'help centre');
    await edit.getByRole('textbox', { name: 'Link address' }).fill('https://northwind.example/support');
    await edit.getByRole('textbox', { name: 'Text to display' }).fill('support pages');
    await edit.getByRole('button', { name: 'Save link' }).click();
    await body.getByRole('link', { name: 'support pages' }).waitFor();
    assert.equal(await body.locator('a').count(), 1, 'changed in place, not added');
    assert.equal(await body.locator('a').getAttribute('href'), 'https://northwind.example/support');
    await saved(reply);
    await page.reload();
    const reloaded = page.getByRole('region', { name: 'Reply' }).getByRole('textbox', { name: 'Message' });
    await reloaded.locator('a[href="https://northwind.example/support"]', { hasText: 'support pages' }).waitFor();

    // Remove link keeps the text.
    await reloaded.getByRole('link', { name: 'support pages' }).click();
    await page.getByRole('region', { name: 'Reply' }).getByRole('button', { name: 'Link', exact: true }).click();
    await page.getByRole('dialog', { name: 'Edit link' }).getByRole('button', { name: 'Remove link' }).click();
    await page.getByRole('dialog', { name: 'Edit link' }).waitFor({ state: 'hidden' });
    await reloaded.locator('a').waitFor({ state: 'detached' });
    assert.match(await text(reloaded), /Read our support pages/);
    assertNoPageErrors(page);
  });
});

test('a link without a selection is inserted with its text, or its address as the text', async () => {
  await app.withPage(async (page) => {
    const { reply, body } = await openReply(page);
    await body.click();
    await page.keyboard.type('See ');
    await reply.getByRole('button', { name: 'Link', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Insert link' });
    await dialog.getByRole('textbox', { name: 'Link address' }).fill('https://northwind.example/status');
    await dialog.getByRole('textbox', { name: 'Text to display' }).fill('our status page');
    await dialog.getByRole('textbox', { name: 'Text to display' }).press('Enter');
    await body.getByRole('link', { name: 'our status page' }).waitFor();
    await page.keyboard.press('End');
    await page.keyboard.type(' or write to ');
    await page.keyboard.press('Control+k');
    await dialog.getByRole('textbox', { name: 'Link address' }).fill('mailto:help@northwind.example');
    // Ctrl+Enter in the dialog submits the dialog, never the message (Send's shortcut).
    await dialog.getByRole('textbox', { name: 'Link address' }).press('Control+Enter');
    await body.getByRole('link', { name: 'mailto:help@northwind.example' }).waitFor();
    await saved(reply);
    assert.ok(await reply.getByRole('button', { name: 'Send', exact: true }).isVisible(), 'the reply was not sent');
    assert.match(await text(body), /See our status page or write to mailto:help@northwind\.example/);
    assertNoPageErrors(page);
  });
});

test('Escape or Cancel closes the dialog and changes nothing, the draft included', async () => {
  await app.withPage(async (page) => {
    const { reply, body } = await openReply(page);
    await body.click();
    await page.keyboard.type('Nothing to link here');
    await saved(reply);
    const before = await body.innerHTML();
    await page.keyboard.press('Shift+Home');

    await reply.getByRole('button', { name: 'Link', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Insert link' });
    await dialog.getByRole('textbox', { name: 'Link address' }).fill('https://northwind.example');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    assert.equal(await body.innerHTML(), before);
    assert.ok(await focusInBody(body), 'the focus is back in the message');

    await reply.getByRole('button', { name: 'Image', exact: true }).click();
    const image = page.getByRole('dialog', { name: 'Insert image' });
    await image.getByRole('textbox', { name: 'Image address' }).fill('https://cdn.example/x.png');
    await image.getByRole('button', { name: 'Cancel' }).click();
    await image.waitFor({ state: 'hidden' });
    assert.equal(await body.innerHTML(), before);

    // Reopened, the dialog starts empty.
    await reply.getByRole('button', { name: 'Image', exact: true }).click();
    assert.equal(await image.getByRole('textbox', { name: 'Image address' }).inputValue(), '');
    await page.keyboard.press('Escape');

    await page.reload();
    const again = page.getByRole('region', { name: 'Reply' }).getByRole('textbox', { name: 'Message' });
    await again.getByText('Nothing to link here').waitFor();
    assert.equal(await again.innerHTML(), before, 'the draft is as it was');
    assertNoPageErrors(page);
  });
});
