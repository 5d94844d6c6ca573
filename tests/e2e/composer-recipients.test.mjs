// SPEC §8 "says what is wrong next to the field", for the composer's recipients: every wrong
// field (To, Cc, Bcc) is marked and explained at once, each next to itself, and nothing is sent;
// a new email has Cc and Bcc like a reply.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { assertNoPageErrors, openApp } from './support/browser.mjs';
import { useApp } from './support/app.mjs';

const app = useApp();

test('a wrong To and a wrong Bcc are both explained next to their fields', async () => {
  await app.withPage(async (page) => {
    await openApp(page, `${app.server.url}/inbox/all-open?inbox=inbox-support`);
    await page.getByRole('button', { name: 'Compose' }).click();
    const compose = page.getByRole('dialog', { name: 'New email' });
    await compose.getByLabel('From', { exact: true }).waitFor();
    await compose.getByLabel('Subject').fill('Two wrong fields');
    await compose.getByRole('textbox', { name: 'Message' }).fill('Hello');
    await compose.getByLabel('To', { exact: true }).fill('erik.larsen@mail');
    await compose.getByLabel('Cc', { exact: true }).fill('ana@mail.example');
    await compose.getByLabel('Bcc', { exact: true }).fill('boss at northwind');
    await compose.getByRole('button', { name: 'Send' }).click();

    const to = compose.getByLabel('To', { exact: true });
    const cc = compose.getByLabel('Cc', { exact: true });
    const bcc = compose.getByLabel('Bcc', { exact: true });
    await page.waitForFunction(() => document.querySelectorAll('[aria-invalid="true"]').length === 2);
    assert.equal(await to.getAttribute('aria-invalid'), 'true');
    assert.equal(await cc.getAttribute('aria-invalid'), 'false');
    assert.equal(await bcc.getAttribute('aria-invalid'), 'true');
    const described = async (field) => page.locator(`#${await field.getAttribute('aria-describedby')}`).textContent();
    assert.match(await described(to), /“erik\.larsen@mail” is not a valid email address/);
    assert.match(await described(bcc), /“boss at northwind” is not a valid email address/);
    assert.equal(await described(cc), '');
    // Nothing was sent: the composer is still open with what was typed.
    assert.equal(await compose.getByLabel('Subject').inputValue(), 'Two wrong fields');

    // Mended, it goes with its Cc in the header and its Bcc in the envelope only.
    await to.fill('erik.larsen@mail.example');
    await bcc.fill('boss@northwind.example');
    await compose.getByRole('button', { name: 'Send' }).click();
    await compose.waitFor({ state: 'hidden' });
    await openApp(page, `${app.server.url}/inbox/outbox?inbox=inbox-support`);
    const item = page.getByRole('list', { name: 'Outbox messages' }).getByRole('listitem')
      .filter({ hasText: 'Two wrong fields' });
    await item.getByText('Raw message').click();
    const raw = await item.locator('pre').textContent();
    assert.match(raw, /^To: <?erik\.larsen@mail\.example>?\r?$/m);
    assert.match(raw, /^Cc: <?ana@mail\.example>?\r?$/m);
    assert.doesNotMatch(raw, /boss@northwind/);
    assert.match(await item.textContent(), /boss@northwind\.example/, 'the Bcc is an envelope recipient');
    assertNoPageErrors(page);
  });
});
