// SPEC §3 team signature editor (link, image) and §8 "says what is wrong next to the field":
// Link and Image open the in-page **Insert link** / **Insert image** dialog over the Fallback
// email dialog; a refused address is explained next to its field and inserts nothing; a good
// one is inserted, a link can be edited and removed, an image gets its alternative text, and
// Escape closes only the small dialog, changing nothing.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { assertNoPageErrors, openApp } from './support/browser.mjs';
import { useApp } from './support/app.mjs';

const app = useApp();

/** Settings › Inboxes › Edit fallback email with the team signature on; its editor. */
async function openSignature(page) {
  await openApp(page, `${app.server.url}/settings/inboxes?inbox=inbox-support`);
  await page.getByRole('button', { name: 'Edit fallback email' }).click();
  const settings = page.getByRole('dialog', { name: 'Fallback email' });
  const enable = settings.getByLabel('Enable team signature');
  if (!(await enable.isChecked())) await enable.check();
  const editor = settings.getByRole('textbox', { name: 'Team signature' });
  return { settings, editor };
}

test('a refused signature link is explained next to its field; a good one links the selection, then is edited and removed', async () => {
  await app.withPage(async (page) => {
    page.on('dialog', () => assert.fail('no browser prompt may open'));
    const { settings, editor } = await openSignature(page);
    await editor.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Visit us');
    await page.keyboard.press('Shift+Home');

    await settings.getByRole('button', { name: 'Link', exact: true }).click();
    const insert = page.getByRole('dialog', { name: 'Insert link' });
    const address = insert.getByRole('textbox', { name: 'Link address' });
    assert.equal(await insert.getByRole('textbox', { name: 'Text to display' }).inputValue(), 'Visit us');
    await address.fill('javascript:alert(1)');
    await insert.getByRole('button', { name: 'Insert link' }).click();
    await insert.getByRole('alert').filter({ hasText: 'A link must start with https://, http:// or mailto:.' }).waitFor();
    assert.equal(await address.getAttribute('aria-invalid'), 'true');
    assert.equal(await editor.locator('a[href^="javascript"]').count(), 0, 'nothing was linked');

    await address.fill('https://northwind.example/help');
    await address.press('Enter');
    await insert.waitFor({ state: 'hidden' });
    const link = editor.locator('a[href="https://northwind.example/help"]', { hasText: 'Visit us' });
    await link.waitFor();
    assert.ok(await settings.isVisible(), 'the Fallback email dialog stays open');
    assert.ok(await editor.evaluate((el) => el.contains(document.activeElement)), 'the focus is back in the editor');

    // Edit: the caret in the link, Ctrl+K.
    await link.click();
    await page.keyboard.press('Control+k');
    const edit = page.getByRole('dialog', { name: 'Edit link' });
    assert.equal(await edit.getByRole('textbox', { name: 'Link address' }).inputValue(), 'https://northwind.example/help');
    await edit.getByRole('textbox', { name: 'Link address' }).fill('mailto:help@northwind.example');
    await edit.getByRole('button', { name: 'Save link' }).click();
    await editor.locator('a[href="mailto:help@northwind.example"]', { hasText: 'Visit us' }).waitFor();
    assert.equal(await editor.locator('a', { hasText: 'Visit us' }).count(), 1);

    // Remove: the text stays, unlinked.
    await editor.locator('a', { hasText: 'Visit us' }).click();
    await settings.getByRole('button', { name: 'Link', exact: true }).click();
    await edit.getByRole('button', { name: 'Remove link' }).click();
    await editor.locator('a', { hasText: 'Visit us' }).waitFor({ state: 'detached' });
    await editor.getByText('Visit us').waitFor();

    // What the editor holds is what the HTML mode shows (the signature's value).
    await settings.getByRole('button', { name: 'HTML', exact: true }).click();
    const source = await settings.getByRole('textbox', { name: /HTML/ }).inputValue();
    assert.ok(source.includes('<p>Visit us</p>') && !source.includes('mailto:'), source);
    assertNoPageErrors(page);
  });
});

test('Insert image takes an https image with alternative text; Escape cancels only the small dialog', async () => {
  await app.withPage(async (page) => {
    const { settings, editor } = await openSignature(page);
    await editor.click();
    await page.keyboard.press('Control+End');
    const before = await editor.innerHTML();

    await settings.getByRole('button', { name: 'Image', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Insert image' });
    const address = dialog.getByRole('textbox', { name: 'Image address' });
    await address.fill('https://cdn.example/logo.png');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    assert.ok(await settings.isVisible(), 'Escape closed only the image dialog');
    assert.equal(await editor.innerHTML(), before, 'nothing changed');

    await settings.getByRole('button', { name: 'Image', exact: true }).click();
    // A signature goes out with every email: never a cleartext image.
    await address.fill('http://cdn.example/logo.png');
    await address.press('Enter');
    await dialog.getByRole('alert').filter({ hasText: 'An image must start with https:// or data:image/.' }).waitFor();
    await address.fill('https://cdn.example/logo.png');
    await dialog.getByRole('textbox', { name: 'Alternative text' }).fill('Northwind logo');
    await dialog.getByRole('button', { name: 'Insert image' }).click();
    await dialog.waitFor({ state: 'hidden' });
    // In the editor the remote image is parked (no request while editing) with its alt text.
    await editor.locator('img[data-sb-src="https://cdn.example/logo.png"][alt="Northwind logo"]').waitFor();
    await settings.getByRole('button', { name: 'HTML', exact: true }).click();
    const source = await settings.getByRole('textbox', { name: /HTML/ }).inputValue();
    assert.ok(source.includes('<img src="https://cdn.example/logo.png" alt="Northwind logo">'), source);
    assertNoPageErrors(page);
  });
});
