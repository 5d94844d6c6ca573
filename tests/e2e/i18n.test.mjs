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

// The translated pages of issue 10, walked in Polish and Romanian: each core English label is
// gone (as text and as an accessible name) and its translation is there.
const PAGES = {
  pl: {
    locale: 'pl-PL',
    inboxes: {
      heading: 'Skrzynki odbiorcze',
      present: ['Bieżący widok', 'Akcje', 'Kanały', 'Dostęp', 'Podłącz kanał'],
      absent: ['Inboxes', 'Current view', 'Actions', 'Channels', 'Access', 'Connect channel', 'Edit'],
      editFallback: 'Edytuj awaryjny adres e-mail',
    },
    fallback: {
      dialog: 'Awaryjny adres e-mail',
      present: ['Konfiguracja', 'Automatyzacja', 'Adres przekazywania', 'Podgląd', 'Zapisz', 'Anuluj'],
      absent: ['Configuration', 'Automation', 'Use the fallback email to send messages', 'Forwarding address',
        'Enable team signature', 'Preview', 'From name', 'Save', 'Cancel'],
    },
    helpDesk: {
      present: ['Podłączone adresy e-mail', 'Domyślny adres e-mail odpowiedzi dla'],
      absent: ['Connected email addresses', 'Default reply email for', 'Address', 'Status', 'Edit'],
    },
    contacts: {
      heading: 'Kontakty',
      present: ['Szukaj kontaktów', 'Właściciel'],
      absent: ['Contacts', 'Search contacts', 'Name', 'Owner', 'No owner'],
    },
    ticket: {
      present: ['Status biletu', 'Priorytet', 'Właściciel biletu', 'Przenieś bilet do kosza', 'Rozmowy'],
      absent: ['Ticket name', 'Ticket status', 'Priority', 'Ticket owner', 'Move ticket to trash', 'Conversations'],
    },
  },
  ro: {
    locale: 'ro-RO',
    inboxes: {
      heading: 'Inboxuri',
      present: ['Vizualizarea curentă', 'Acțiuni', 'Canale', 'Acces', 'Conectează un canal'],
      absent: ['Inboxes', 'Current view', 'Actions', 'Channels', 'Access', 'Connect channel', 'Edit'],
      editFallback: 'Editează emailul de rezervă',
    },
    fallback: {
      dialog: 'Email de rezervă',
      present: ['Configurare', 'Automatizare', 'Adresă de redirecționare', 'Previzualizare', 'Salvează', 'Anulează'],
      absent: ['Configuration', 'Automation', 'Use the fallback email to send messages', 'Forwarding address',
        'Enable team signature', 'Preview', 'From name', 'Save', 'Cancel'],
    },
    helpDesk: {
      present: ['Adrese de email conectate', 'Email implicit pentru'],
      absent: ['Connected email addresses', 'Default reply email for', 'Address', 'Status', 'Edit'],
    },
    contacts: {
      heading: 'Contacte',
      present: ['Caută contacte', 'Proprietar'],
      absent: ['Contacts', 'Search contacts', 'Name', 'Owner', 'No owner'],
    },
    ticket: {
      present: ['Starea tichetului', 'Prioritate', 'Proprietarul tichetului', 'Mută tichetul în coșul de gunoi', 'Conversații'],
      absent: ['Ticket name', 'Ticket status', 'Priority', 'Ticket owner', 'Move ticket to trash', 'Conversations'],
    },
  },
};

/** Asserts that no element of `scope` shows or is named `english`, and each translation shows. */
async function assertTranslated(scope, code, { present = [], absent = [] }) {
  for (const english of absent) {
    assert.equal(await scope.getByText(english, { exact: true }).count(), 0, `${code}: "${english}" left in English`);
    for (const role of ['button', 'link', 'tab', 'dialog']) {
      assert.equal(await scope.getByRole(role, { name: english, exact: true }).count(), 0,
        `${code}: a ${role} is still named "${english}"`);
    }
  }
  for (const text of present) {
    assert.ok(await scope.getByText(text, { exact: true }).count() > 0, `${code}: "${text}" is missing`);
  }
}

for (const [code, expected] of Object.entries(PAGES)) {
  test(`${code}: Settings › Inboxes (with the fallback email dialog), Help Desk, Contacts and a ticket are translated`, async () => {
    const context = await browser.newContext({ locale: expected.locale });
    try {
      const page = await newPage(context);
      await openApp(page, `${server.url}/settings/inboxes?inbox=inbox-support`);
      await page.getByRole('heading', { level: 1, name: expected.inboxes.heading }).waitFor();
      assert.equal(await page.locator('html').getAttribute('lang'), code);
      await assertTranslated(page, code, expected.inboxes);

      await page.getByRole('button', { name: expected.inboxes.editFallback }).click();
      const dialog = page.getByRole('dialog', { name: expected.fallback.dialog });
      await dialog.waitFor();
      await assertTranslated(dialog, code, expected.fallback);
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden' });

      await page.getByRole('navigation').getByRole('link', { name: 'Help Desk', exact: true }).click();
      await page.getByText(expected.helpDesk.present[0], { exact: true }).waitFor();
      await assertTranslated(page, code, expected.helpDesk);

      await page.goto(`${server.url}/contacts`);
      await page.getByRole('heading', { level: 1, name: expected.contacts.heading }).waitFor();
      await page.getByRole('table').waitFor();
      await assertTranslated(page, code, expected.contacts);

      await page.goto(`${server.url}/tickets/tk-parcel`);
      await page.getByRole('heading', { level: 1, name: 'Missing parcel marked as delivered' }).waitFor();
      await assertTranslated(page, code, expected.ticket);
      assertNoPageErrors(page);
    } finally {
      await context.close();
    }
  });
}
