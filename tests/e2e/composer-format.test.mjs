// The composer's formatting (SPEC §5 "style, link, image"): Underline, and Image by address —
// a web image is inserted into the body and kept in the draft; anything else is refused with a
// message next to the toolbar and inserts nothing.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { assertNoPageErrors, newPage, openApp } from './support/browser.mjs';
import { useApp } from './support/app.mjs';

const app = useApp();

test('Image inserts a web image by address and refuses anything else; Underline formats', async () => {
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
    await openApp(page, `${app.server.url}/inbox/conversations/conv-006?inbox=inbox-support`);
    const reply = page.getByRole('region', { name: 'Reply' });
    const body = reply.getByRole('textbox', { name: 'Message' });
    await body.click();
    await page.keyboard.type('Here is the map: ');

    let answer = 'javascript:alert(1)';
    page.on('dialog', (dialog) => dialog.accept(answer));
    await reply.getByRole('button', { name: 'Image', exact: true }).click();
    await reply.getByText('That is not an image address').waitFor();
    assert.equal(await body.locator('img').count(), 0);

    answer = 'https://cdn.example/store-map.png';
    await body.click();
    await reply.getByRole('button', { name: 'Image', exact: true }).click();
    await body.locator('img[src="https://cdn.example/store-map.png"]').waitFor();
    assert.equal(await reply.getByText('That is not an image address').count(), 0);

    await body.click();
    await page.keyboard.press('End');
    await reply.getByRole('button', { name: 'Underline', exact: true }).click();
    await page.keyboard.type('see you there');
    await body.locator('u', { hasText: 'see you there' }).waitFor();

    // The image is part of the saved draft.
    await reply.getByRole('status').getByText('Saved', { exact: true }).waitFor();
    await page.reload();
    await page.getByRole('region', { name: 'Reply' }).getByRole('textbox', { name: 'Message' })
      .locator('img[src="https://cdn.example/store-map.png"]').waitFor();
    assertNoPageErrors(page);
  } finally {
    await context.close();
  }
});
