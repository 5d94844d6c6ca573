// SPEC §3 team signature editor (link, image) and §8 "says what is wrong next to the field": a
// refused link or image address is explained next to the editor and inserts nothing; a good
// one is inserted.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { assertNoPageErrors, openApp } from './support/browser.mjs';
import { useApp } from './support/app.mjs';

const app = useApp();

test('a refused signature link is explained next to the editor; a good one is inserted', async () => {
  await app.withPage(async (page) => {
    await openApp(page, `${app.server.url}/settings/inboxes?inbox=inbox-support`);
    await page.getByRole('button', { name: 'Edit fallback email' }).click();
    const dialog = page.getByRole('dialog', { name: 'Fallback email' });
    const enable = dialog.getByLabel('Enable team signature');
    if (!(await enable.isChecked())) await enable.check();
    const editor = dialog.getByRole('textbox', { name: 'Team signature' });
    await editor.click();
    await page.keyboard.type('Visit us');
    await page.keyboard.press('Shift+Home');

    page.once('dialog', (prompt) => prompt.accept('javascript:alert(1)'));
    await dialog.getByRole('button', { name: 'Link', exact: true }).click();
    await dialog.getByRole('alert').filter({ hasText: 'A link must start with https://, http:// or mailto:.' }).waitFor();
    assert.equal(await editor.locator('a[href^="javascript"]').count(), 0, 'nothing was linked');

    await editor.click();
    await page.keyboard.press('End');
    await page.keyboard.press('Shift+Home');
    page.once('dialog', (prompt) => prompt.accept('https://northwind.example/help'));
    await dialog.getByRole('button', { name: 'Link', exact: true }).click();
    await editor.locator('a[href="https://northwind.example/help"]').waitFor();
    assert.equal(await dialog.getByRole('alert').filter({ hasText: 'A link must start' }).count(), 0,
      'the message goes once a good address is given');
    assertNoPageErrors(page);
  });
});
