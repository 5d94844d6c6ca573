// Languages (issue 10): the interface starts in the browser's language, the Language picker in
// Settings › Profile switches it and remembers the choice on this device, and in each of the five
// languages the main pages show their own texts: no key, no placeholder, no English core label.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
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


// The walk of issue 10's check: for each of the five languages, the main pages (inbox list, a
// thread with its reply composer, the compose dialog with its Insert menu, every settings page,
// contacts, the tickets list and a ticket). On each page the texts of the listed catalogue keys
// must show in that language and their English must be gone (as text and as the name of a
// button, link, tab or dialog); no key name or {placeholder} may reach the page.
// A key whose translation is the English word itself (Inbox in Romanian, Status in Dutch) is
// only checked for presence.
const CODES = ['en', 'ro', 'pl', 'it', 'nl'];
const CATALOGUES = Object.fromEntries(CODES.map((code) => [
  code,
  JSON.parse(readFileSync(new URL(`../../public/locales/${code}.json`, import.meta.url), 'utf8')),
]));
const KEY_NAMES = Object.keys(CATALOGUES.en);

/** The text of `key` in `code` (the `other` form of a plural). */
function text(code, key) {
  const value = CATALOGUES[code][key];
  assert.ok(value !== undefined, `the test names an unknown key ${key}`);
  return typeof value === 'string' ? value : value.other;
}

const LANGUAGES = [
  { code: 'en', locale: 'en-US' },
  { code: 'ro', locale: 'ro-RO' },
  { code: 'pl', locale: 'pl-PL' },
  { code: 'it', locale: 'it-IT' },
  { code: 'nl', locale: 'nl-NL' },
];

const NAV = ['nav.inbox', 'nav.help_desk', 'nav.contacts', 'nav.settings'];
const VIEWS = ['views.unassigned', 'views.assigned_to_me', 'views.all_open', 'views.closed', 'views.sent',
  'views.outbox', 'views.trash', 'views.drafts'];
const SETTINGS_NAV = ['settings.nav.inboxes', 'settings.nav.help_desk', 'settings.nav.profile',
  'settings.nav.templates', 'settings.nav.mail_server'];
const EDITOR = ['composer.send', 'insert.menu', 'composer.bold', 'composer.italic', 'composer.underline',
  'composer.link', 'composer.image', 'composer.attach', 'composer.from', 'composer.discard'];

/**
 * The pages walked, in order. `open` brings the page up (and returns the scope to check, the
 * page by default); `keys` are the catalogue keys whose text the scope must show.
 */
const WALK = [
  {
    name: 'inbox list',
    open: async (page, url) => { await openApp(page, `${url}/inbox/all-open?inbox=inbox-support`); },
    ready: 'list.search',
    keys: [...NAV, ...VIEWS, 'list.search', 'list.current_inbox', 'list.compose', 'common.status',
      'filters.assignee', 'channels.channel', 'filters.date', 'filters.any_channel', 'filters.anyone',
      'tickets.any_status', 'filters.any_time', 'filters.last_7_days'],
  },
  {
    name: 'thread and reply composer',
    open: async (page, url, code) => {
      await openApp(page, `${url}/inbox/conversations/conv-001?inbox=inbox-support`);
      // The reply's recipients (To, Cc, Bcc) are behind Show recipients.
      await page.getByRole('button', { name: text(code, 'composer.show_recipients'), exact: true }).click();
    },
    ready: 'composer.hide_recipients',
    keys: [...EDITOR, 'thread.assign_to_me', 'thread.reassign', 'thread.comment', 'thread.move', 'thread.more',
      'composer.hide_recipients', 'composer.to', 'composer.cc', 'composer.bcc'],
  },
  {
    name: 'compose dialog',
    open: async (page, url, code) => {
      await openApp(page, `${url}/inbox/all-open?inbox=inbox-support`);
      await page.getByRole('button', { name: text(code, 'list.compose'), exact: true }).click();
      const dialog = page.getByRole('dialog', { name: text(code, 'list.new_email') });
      await dialog.getByLabel(text(code, 'composer.subject'), { exact: true }).waitFor();
      return dialog;
    },
    keys: [...EDITOR, 'list.new_email', 'composer.to', 'composer.subject', 'common.close'],
  },
  {
    name: 'Insert menu',
    open: async (page, url, code) => {
      const dialog = page.getByRole('dialog', { name: text(code, 'list.new_email') });
      await dialog.getByRole('button', { name: text(code, 'insert.menu'), exact: true }).click();
      const menu = dialog.getByRole('menu', { name: text(code, 'insert.menu') });
      await menu.waitFor();
      return menu;
    },
    keys: ['kinds.template', 'kinds.snippet', 'kinds.quote', 'kinds.document', 'kinds.meeting_link',
      'kinds.knowledge_base', 'kinds.video'],
  },
  {
    name: 'Settings › Inboxes',
    open: async (page, url) => { await openApp(page, `${url}/settings/inboxes?inbox=inbox-support`); },
    ready: 'inboxes.title',
    keys: [...SETTINGS_NAV, 'inboxes.title', 'inboxes.current_view', 'common.actions', 'inboxes.tab_channels',
      'inboxes.tab_access', 'channels.connect', 'channels.edit_fallback'],
  },
  {
    name: 'Settings › Help Desk',
    open: async (page, url) => { await openApp(page, `${url}/settings/help-desk`); },
    ready: 'helpdesk.connected',
    keys: ['helpdesk.connected', 'helpdesk.default_for', 'common.address', 'common.status'],
  },
  {
    name: 'Settings › Profile',
    open: async (page, url) => { await openApp(page, `${url}/settings/profile`); },
    ready: 'profile.language',
    keys: ['profile.title', 'profile.language', 'profile.availability', 'profile.signature', 'profile.role'],
  },
  {
    name: 'Settings › Templates',
    open: async (page, url) => { await openApp(page, `${url}/settings/templates`); },
    ready: 'kinds.template_new',
    keys: ['kinds.template_plural', 'kinds.template_new', 'kinds.snippet_plural', 'kinds.snippet_new',
      'kinds.knowledge_base_plural', 'kinds.video_new', 'templates.subject', 'templates.shortcut', 'common.edit',
      'templates.delete'],
  },
  {
    name: 'Settings › Mail server',
    open: async (page, url) => { await openApp(page, `${url}/settings/mail-server`); },
    ready: 'mailserver.test',
    keys: ['mailserver.title', 'mailserver.url', 'mailserver.account', 'mailserver.password',
      'mailserver.remember', 'mailserver.test', 'mailserver.checking', 'mailserver.check_now', 'common.save'],
  },
  {
    name: 'Contacts',
    open: async (page, url) => {
      await openApp(page, `${url}/contacts`);
      await page.getByRole('table').waitFor();
    },
    ready: 'contacts.search',
    keys: ['contacts.title', 'contacts.search', 'common.name', 'contacts.owner'],
  },
  {
    name: 'Tickets',
    open: async (page, url) => { await openApp(page, `${url}/help-desk/tickets`); },
    ready: 'tickets.title',
    keys: ['tickets.title', 'tickets.any_owner', 'tickets.any_priority', 'tickets.any_status'],
  },
  {
    name: 'a ticket',
    open: async (page, url) => {
      await openApp(page, `${url}/tickets/tk-parcel`);
      await page.getByRole('heading', { level: 1, name: 'Missing parcel marked as delivered' }).waitFor();
    },
    ready: 'common.ticket_status',
    keys: ['common.ticket_status', 'common.priority', 'common.ticket_owner', 'ticket.trash', 'common.conversations'],
  },
];

/** Every text and accessible-name attribute of the page, for the key and placeholder scan. */
async function pageStrings(page) {
  return page.evaluate(() => {
    const out = [document.body.innerText];
    for (const el of document.querySelectorAll('[aria-label],[title],[placeholder],[alt]')) {
      for (const name of ['aria-label', 'title', 'placeholder', 'alt']) {
        const value = el.getAttribute(name);
        if (value) out.push(value);
      }
    }
    for (const dialog of document.querySelectorAll('dialog[open]')) out.push(dialog.innerText);
    return out.join('\n');
  });
}

for (const { code, locale } of LANGUAGES) {
  test(`${code}: the main pages show no untranslated key and no English core label`, async () => {
    const context = await browser.newContext({ locale });
    try {
      const page = await newPage(context);
      const problems = [];
      for (const step of WALK) {
        const scope = (await step.open(page, server.url, code)) ?? page;
        if (step.ready) await page.getByText(text(code, step.ready), { exact: true }).first().waitFor();
        assert.equal(await page.locator('html').getAttribute('lang'), code, `${step.name}: lang`);
        for (const key of step.keys) {
          const shown = text(code, key);
          const named = scope.getByText(shown, { exact: true })
            .or(scope.getByRole('button', { name: shown, exact: true }))
            .or(scope.getByLabel(shown, { exact: true }));
          if (await named.count() === 0) problems.push(`${step.name}: "${shown}" (${key}) is missing`);
          const english = text('en', key);
          if (code === 'en' || english === shown) continue;
          if (await scope.getByText(english, { exact: true }).count() > 0) {
            problems.push(`${step.name}: "${english}" (${key}) left in English`);
          }
          for (const role of ['button', 'link', 'tab', 'dialog', 'combobox', 'textbox', 'menuitem']) {
            if (await scope.getByRole(role, { name: english, exact: true }).count() > 0) {
              problems.push(`${step.name}: a ${role} is still named "${english}" (${key})`);
            }
          }
        }
        const strings = await pageStrings(page);
        for (const key of KEY_NAMES) {
          if (new RegExp(`(^|[^\\w.])${key.replace(/\./g, '\\.')}($|[^\\w.])`).test(strings)) {
            problems.push(`${step.name}: the key ${key} is shown instead of its text`);
          }
        }
        for (const placeholder of strings.match(/\{[a-z_]+\}/g) ?? []) {
          problems.push(`${step.name}: an unfilled ${placeholder} is shown`);
        }
      }
      assert.deepEqual(problems, []);
      assertNoPageErrors(page);
    } finally {
      await context.close();
    }
  });
}

// Refusals are typed and worded by the catalogue (issue 10): a field refused by a Settings form
// and a refused action's toast read in the rep's language, with none of the English sentence.
// The expected texts come from the catalogues, so a wording change there cannot break the test;
// what it checks is that the English one is gone.

/** `key`'s text in `code` with its `{placeholders}` filled from `args`. */
function filled(code, key, args = {}) {
  return text(code, key).replace(/\{(\w+)\}/g, (whole, name) => args[name] ?? whole);
}

for (const { code, locale } of LANGUAGES.filter((l) => ['pl', 'ro'].includes(l.code))) {
  test(`${code}: a refused Settings field and a refused action's toast are not in English`, async () => {
    const context = await browser.newContext({ locale });
    try {
      const page = await newPage(context);
      // Settings › Inboxes › Connect channel: an address without a valid domain, then one that
      // another inbox already uses. Each message sits next to Email address (aria-describedby).
      await openApp(page, `${server.url}/settings/inboxes?inbox=inbox-support`);
      const connect = text(code, 'channels.connect');
      await page.getByRole('button', { name: connect, exact: true }).first().click();
      const dialog = page.getByRole('dialog', { name: connect });
      const address = dialog.getByLabel(text(code, 'common.email_address'), { exact: true });
      await dialog.getByLabel(text(code, 'common.display_name'), { exact: true }).fill('Northwind Returns');
      const cases = [
        ['returns@northwind', 'valid.domain', {}],
        ['support@northwind.example', 'setup.address_in_use', { address: 'support@northwind.example', inbox: 'Support' }],
      ];
      for (const [typed, key, args] of cases) {
        await address.fill(typed);
        await dialog.getByRole('button', { name: connect, exact: true }).click();
        const describedBy = await address.getAttribute('aria-describedby');
        const message = page.locator(`[id="${describedBy}"]`);
        await message.getByText(filled(code, key, args), { exact: true }).waitFor();
        assert.equal(await address.getAttribute('aria-invalid'), 'true', `${key}: aria-invalid`);
        const english = filled('en', key, args);
        assert.ok(!(await dialog.innerText()).includes(english), `${code}: "${english}" shown in English`);
      }
      await dialog.getByRole('button', { name: text(code, 'common.cancel'), exact: true }).click();

      // Reassign to the conversation's own assignee (Save without a change): the lifecycle
      // refuses it, and the error toast says so in this language.
      await openApp(page, `${server.url}/inbox/conversations/conv-001?inbox=inbox-support`);
      const actions = page.getByRole('region', { name: text(code, 'thread.label') })
        .getByRole('toolbar', { name: text(code, 'thread.actions') });
      await actions.getByRole('button', { name: text(code, 'thread.reassign'), exact: true }).click();
      const reassign = page.getByRole('dialog', { name: text(code, 'thread.reassign') });
      await reassign.getByRole('button', { name: text(code, 'common.save'), exact: true }).click();
      const refused = text(code, 'lifecycle.already_assigned');
      await page.getByRole('alert').getByText(refused, { exact: true }).waitFor();
      const toasts = await page.locator('.sb-toasts').innerText();
      assert.ok(!toasts.includes(text('en', 'lifecycle.already_assigned')), `${code}: the toast is in English`);
      assert.ok(!/\{[a-z_]+\}/.test(toasts), `${code}: an unfilled placeholder in "${toasts}"`);
      assertNoPageErrors(page);
    } finally {
      await context.close();
    }
  });
}
