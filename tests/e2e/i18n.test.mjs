// Languages (issue 10): the interface starts in the browser's language, the Language picker in
// Settings › Profile switches it and remembers the choice on this device, and the core labels
// of the translated pages are no longer English.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { distDir } from './support/paths.mjs';
import { startServer } from './support/server.mjs';
import { assertNoPageErrors, launchBrowser, newPage, openApp } from './support/browser.mjs';

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

const mainNav = (page) => page.getByRole('navigation', { name: /^(Main|Główna|Principale|Principal|Hoofdmenu)$/ });

test('a browser set to Italian gets the Italian interface, English stays the default', async () => {
  const italian = await browser.newContext({ locale: 'it-IT' });
  const english = await browser.newContext({ locale: 'en-US' });
  try {
    const page = await newPage(italian);
    await openApp(page, `${server.url}/`);
    await mainNav(page).getByRole('link', { name: 'Posta in arrivo' }).waitFor();
    assert.equal(await page.locator('html').getAttribute('lang'), 'it');
    assertNoPageErrors(page);

    const en = await newPage(english);
    await openApp(en, `${server.url}/`);
    await mainNav(en).getByRole('link', { name: 'Inbox' }).waitFor();
    assertNoPageErrors(en);
  } finally {
    await italian.close();
    await english.close();
  }
});

test('the Language picker switches every language, is remembered, and leaves no English nav', async () => {
  const context = await browser.newContext({ locale: 'en-US' });
  try {
    const page = await newPage(context);
    await openApp(page, `${server.url}/settings/profile`);
    const expected = {
      Polski: ['pl', 'Skrzynka odbiorcza', 'Ustawienia', 'Język'],
      Română: ['ro', 'Inbox', 'Setări', 'Limba'],
      Italiano: ['it', 'Posta in arrivo', 'Impostazioni', 'Lingua'],
      Nederlands: ['nl', 'Inbox', 'Instellingen', 'Taal'],
      English: ['en', 'Inbox', 'Settings', 'Language'],
    };
    let picker = 'Language';
    for (const [name, [code, inbox, settings, label]] of Object.entries(expected)) {
      await page.getByLabel(picker, { exact: true }).selectOption({ label: name });
      await page.getByLabel(label, { exact: true }).waitFor();
      picker = label;
      assert.equal(await page.locator('html').getAttribute('lang'), code);
      const nav = mainNav(page);
      await nav.getByRole('link', { name: inbox, exact: true }).waitFor();
      await nav.getByRole('link', { name: settings, exact: true }).waitFor();
      if (code !== 'en') {
        for (const english of ['Contacts', 'Settings', 'Skip to content', 'Switch user']) {
          assert.equal(await page.getByText(english, { exact: true }).count(), 0, `${code}: "${english}" left in English`);
        }
      }
    }
    await page.getByLabel('Language', { exact: true }).selectOption({ label: 'Polski' });
    await page.getByLabel('Język', { exact: true }).waitFor();
    await page.reload();
    await mainNav(page).getByRole('link', { name: 'Skrzynka odbiorcza' }).waitFor();
    assert.equal(await page.getByLabel('Język', { exact: true }).inputValue(), 'pl');
    assertNoPageErrors(page);
  } finally {
    await context.close();
  }
});
