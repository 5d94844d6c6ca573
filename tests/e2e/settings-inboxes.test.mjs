// SPEC §2 and §3 in the browser: Settings › Inboxes. Rename and create inboxes, connect a team
// email channel, inbox access (a user gains and loses an inbox), the channel Status switch
// (persistent across a restart), a refused duplicate From name that changes nothing, and the
// signature editor with tokens and the per-user preview. Elements are found by role and label.

import assert from 'node:assert/strict';
import { after, test } from 'node:test';

import {
  assertNoPageErrors,
  launchPersistent,
  makeProfileDir,
  newPage,
  openApp,
  removeProfileDir,
} from './support/browser.mjs';
import { switchUser, inboxOptions, useApp } from './support/app.mjs';

const app = useApp();

/** Opens Settings › Inboxes on `inbox` (client-side, so the tab keeps its user). */
async function openSettings(page, inbox) {
  await page.goto(`${app.server.url}/settings/inboxes?inbox=${inbox}`);
  await page.getByRole('heading', { level: 1, name: 'Inboxes' }).waitFor();
}

async function openAction(page, name) {
  await page.getByRole('button', { name: 'Actions' }).click();
  await page.getByRole('menuitem', { name }).click();
  return page.getByRole('dialog', { name });
}

async function openFallback(page) {
  await page.getByRole('button', { name: 'Edit fallback email' }).click();
  return page.getByRole('dialog', { name: 'Fallback email' });
}

test('rename an inbox: empty and duplicate names are refused next to the field', async () => {
  await app.withPage(async (page) => {
    await openApp(page, `${app.server.url}/settings/inboxes?inbox=inbox-support`);
    const dialog = await openAction(page, 'Rename inbox');
    const name = dialog.getByLabel('Inbox name');
    assert.equal(await name.inputValue(), 'Support');

    await name.fill('  ');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.getByText('This field is required.').waitFor();
    assert.equal(await name.getAttribute('aria-invalid'), 'true');

    await name.fill('billing');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.getByText(/already exists/).waitFor();

    await name.fill('Customer Care');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('heading', { level: 2, name: 'Customer Care' }).waitFor();

    await page.goto(`${app.server.url}/`);
    assert.deepEqual(await inboxOptions(page), ['Billing', 'Customer Care']);
    assertNoPageErrors(page);
  });
});

test('create an inbox with specific access and connect a team email channel', async () => {
  await app.withPage(async (page) => {
    await openApp(page, `${app.server.url}/settings/inboxes`);
    const dialog = await openAction(page, 'Create new inbox');
    await dialog.getByLabel('Team inbox name').fill('Returns');
    await dialog.getByRole('radio', { name: 'Specific users and teams' }).check();
    // Nobody chosen yet: refused next to the access choice, nothing created.
    await dialog.getByRole('button', { name: 'Next' }).click();
    await dialog.getByText(/choose at least one user or team/).waitFor();
    await dialog.getByRole('checkbox', { name: 'Lars Jansen' }).check();
    await dialog.getByRole('button', { name: 'Next' }).click();

    await dialog.getByText('Step 2 of 2').waitFor();
    await dialog.getByLabel('Email address').fill('returns@northwind');
    await dialog.getByLabel('Display name').fill('Northwind Returns');
    await dialog.getByRole('button', { name: 'Connect channel', exact: true }).click();
    await dialog.getByText('The domain after the @ is not valid.').waitFor();
    await dialog.getByLabel('Email address').fill('support@northwind.example');
    await dialog.getByRole('button', { name: 'Connect channel', exact: true }).click();
    await dialog.getByText(/already connected to the inbox “Support”/).waitFor();
    await dialog.getByLabel('Email address').fill('returns@northwind.example');
    await dialog.getByRole('button', { name: 'Connect channel', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });

    await page.getByRole('heading', { level: 2, name: 'Returns' }).waitFor();
    assert.equal(await page.getByLabel('Current view').inputValue(), new URL(page.url()).searchParams.get('inbox'));
    const channels = page.getByRole('table', { name: 'Channels' });
    await channels.getByRole('cell', { name: 'returns@northwind.inbox.example', exact: true }).waitFor();
    await channels.getByRole('cell', { name: 'returns@northwind.example', exact: true }).waitFor();
    assert.equal(
      await page.getByRole('switch', { name: 'Status of returns@northwind.example' }).getAttribute('aria-checked'),
      'true',
    );

    await page.getByRole('tab', { name: 'Access' }).click();
    assert.ok(await page.getByRole('radio', { name: 'Specific users and teams' }).isChecked());
    assert.ok(await page.getByRole('tabpanel', { name: 'Access' }).getByRole('checkbox', { name: 'Lars Jansen' }).isChecked());

    await page.goto(`${app.server.url}/`);
    await switchUser(page, 'Lars Jansen — User');
    assert.deepEqual(await inboxOptions(page), ['Returns', 'Support']);
    await switchUser(page, 'Piotr Nowak — User');
    assert.deepEqual(await inboxOptions(page), ['Billing', 'Support']);
    assertNoPageErrors(page);
  });
});

test('Access of Billing: Lars Jansen gains it with Everyone and loses it again', async () => {
  await app.withPage(async (page) => {
    await openApp(page, `${app.server.url}/`);
    await switchUser(page, 'Lars Jansen — User');
    assert.deepEqual(await inboxOptions(page), ['Support']);

    await switchUser(page, 'Maria Popescu — Super admin');
    await openSettings(page, 'inbox-billing');
    await page.getByRole('tab', { name: 'Access' }).click();
    const panel = page.getByRole('tabpanel', { name: 'Access' });
    await panel.getByRole('radio', { name: 'Everyone' }).check();
    await panel.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Inbox access saved.').first().waitFor();

    await page.goto(`${app.server.url}/`);
    await switchUser(page, 'Lars Jansen — User');
    assert.deepEqual(await inboxOptions(page), ['Billing', 'Support']);

    await switchUser(page, 'Maria Popescu — Super admin');
    await openSettings(page, 'inbox-billing');
    await page.getByRole('tab', { name: 'Access' }).click();
    await panel.getByRole('radio', { name: 'Specific users and teams' }).check();
    const billingTeam = panel.getByRole('checkbox', { name: 'Billing', exact: true });
    assert.ok(!(await billingTeam.isChecked()), 'Everyone access lists nobody');
    await billingTeam.check();
    await panel.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Inbox access saved.').first().waitFor();

    await page.goto(`${app.server.url}/`);
    await switchUser(page, 'Lars Jansen — User');
    assert.deepEqual(await inboxOptions(page), ['Support']);
    // Without admin rights the settings are read-only and say why.
    await openSettings(page, 'inbox-support');
    await page.locator('p.sb-banner', { hasText: 'Only admins and super admins can edit inbox settings.' }).waitFor();
    assert.ok(await page.getByRole('switch', { name: 'Status of support@northwind.example' }).isDisabled());
    assertNoPageErrors(page);
  });
});

test('a disabled channel stays off after a reload and a restart', async () => {
  const dir = await makeProfileDir();
  try {
    let context = await launchPersistent(dir);
    let page = await newPage(context);
    await openApp(page, `${app.server.url}/settings/inboxes?inbox=inbox-support`);
    const partners = page.getByRole('switch', { name: 'Status of partners@northwind.example' });
    assert.equal(await partners.getAttribute('aria-checked'), 'false');
    const support = page.getByRole('switch', { name: 'Status of support@northwind.example' });
    assert.equal(await support.getAttribute('aria-checked'), 'true');
    await support.click();
    await page.getByText(/can no longer be chosen as a From address/).first().waitFor();
    await page.waitForFunction(() =>
      document.querySelector('[aria-label="Status of support@northwind.example"]')?.getAttribute('aria-checked') === 'false');

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Inboxes' }).waitFor();
    assert.equal(await support.getAttribute('aria-checked'), 'false');
    assertNoPageErrors(page);
    await context.close();

    context = await launchPersistent(dir);
    page = await newPage(context);
    await openApp(page, `${app.server.url}/settings/inboxes?inbox=inbox-support`);
    const again = page.getByRole('switch', { name: 'Status of support@northwind.example' });
    assert.equal(await again.getAttribute('aria-checked'), 'false');
    await again.click();
    await page.waitForFunction(() =>
      document.querySelector('[aria-label="Status of support@northwind.example"]')?.getAttribute('aria-checked') === 'true');
    assertNoPageErrors(page);
    await context.close();
  } finally {
    await removeProfileDir(dir);
  }
});

test('a duplicate From name is refused, names the other inbox, and changes nothing', async () => {
  await app.withPage(async (page) => {
    await openApp(page, `${app.server.url}/settings/inboxes?inbox=inbox-billing`);
    let dialog = await openFallback(page);
    assert.ok(await dialog.getByRole('radio', { name: 'Company name', exact: true }).isChecked());
    await dialog.getByRole('radio', { name: 'Agent and company name' }).check();
    await dialog.getByRole('textbox', { name: 'Company name' }).fill('Northwind Support');
    await dialog.getByLabel('Use the fallback email to send messages').check();
    await dialog.getByRole('tab', { name: 'Automation' }).click();
    await dialog.getByLabel('Automatically create tickets').check();
    await dialog.getByRole('tab', { name: 'Configuration' }).click();
    await dialog.getByRole('button', { name: 'Save' }).click();

    const alert = dialog.getByRole('alert').filter({ hasText: 'Not saved' });
    await alert.waitFor();
    assert.match(await alert.textContent(), /already used by the fallback email of the inbox “Support”/);
    const fieldError = dialog.locator('#fb-company-error');
    assert.match(await fieldError.textContent(), /inbox “Support”/);
    assert.equal(
      await dialog.getByRole('textbox', { name: 'Company name' }).getAttribute('aria-describedby'),
      'fb-company-error',
    );
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    // Nothing changed, in this tab or in storage.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Inboxes' }).waitFor();
    dialog = await openFallback(page);
    assert.ok(await dialog.getByRole('radio', { name: 'Company name', exact: true }).isChecked());
    assert.equal(await dialog.getByRole('textbox', { name: 'Company name' }).inputValue(), 'Northwind Billing');
    assert.ok(!(await dialog.getByLabel('Use the fallback email to send messages').isChecked()));
    await dialog.getByRole('tab', { name: 'Automation' }).click();
    assert.ok(!(await dialog.getByLabel('Automatically create tickets').isChecked()));
    assertNoPageErrors(page);
  });
});

test('a custom from address another channel or fallback email has is refused and nothing is saved', async () => {
  await app.withPage(async (page) => {
    await openApp(page, `${app.server.url}/settings/inboxes?inbox=inbox-support`);
    // Support: the disabled team email partners@ (any case) and Billing's fallback address.
    let dialog = await openFallback(page);
    await dialog.getByRole('radio', { name: 'Customize from address' }).check();
    const custom = dialog.getByLabel('Custom from address');
    const fieldError = dialog.locator('#fb-address-error');
    for (const [typed, inbox] of [
      ['partners@northwind.example', 'Support'],
      ['Partners@Northwind.Example', 'Support'],
      ['billing@northwind.inbox.example', 'Billing'],
    ]) {
      await custom.fill(typed);
      await dialog.getByRole('button', { name: 'Save' }).click();
      await dialog.getByRole('alert').filter({ hasText: 'Not saved' }).waitFor();
      await page.waitForFunction(
        (inboxName) => document.querySelector('#fb-address-error')?.textContent.includes(`inbox “${inboxName}”`),
        inbox,
      );
      assert.match(await fieldError.textContent(), /is already connected to the inbox/);
      assert.equal(await custom.getAttribute('aria-invalid'), 'true');
      assert.equal(await custom.getAttribute('aria-describedby'), 'fb-address-error');
    }
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    // Billing: Support's team email.
    await openSettings(page, 'inbox-billing');
    dialog = await openFallback(page);
    await dialog.getByRole('radio', { name: 'Customize from address' }).check();
    await dialog.getByLabel('Custom from address').fill('support@northwind.example');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await page.waitForFunction(() =>
      document.querySelector('#fb-address-error')?.textContent.includes('inbox “Support”'));
    assert.ok(await dialog.getByRole('button', { name: 'Verify address' }).isDisabled(), 'nothing to verify');
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    // Nothing was saved: both still use their default address after a reload.
    for (const inbox of ['inbox-support', 'inbox-billing']) {
      await page.reload();
      await openSettings(page, inbox);
      dialog = await openFallback(page);
      assert.ok(await dialog.getByRole('radio', { name: 'Use default' }).isChecked(), inbox);
      await dialog.getByRole('button', { name: 'Cancel' }).click();
    }
    assert.doesNotMatch(await page.getByRole('row', { name: /Fallback email/ }).textContent(), /not verified/);
    assertNoPageErrors(page);
  });
});

test('Escape in the Insert token menu closes only the menu and keeps unsaved edits', async () => {
  await app.withPage(async (page) => {
    await openApp(page, `${app.server.url}/settings/inboxes?inbox=inbox-support`);
    const dialog = await openFallback(page);
    const company = dialog.getByRole('textbox', { name: 'Company name' });
    await company.fill('Northwind Help');
    const button = dialog.getByRole('button', { name: 'Insert token' });
    const menu = dialog.getByRole('menu', { name: 'Insert token' });
    const focused = () => page.evaluate(() =>
      `${document.activeElement?.getAttribute('role') ?? document.activeElement?.tagName}:${document.activeElement?.textContent.trim()}`);

    for (const open of [
      () => button.click(),
      async () => { await button.focus(); await page.keyboard.press('Enter'); },
    ]) {
      await open();
      await menu.waitFor();
      assert.equal(await button.getAttribute('aria-expanded'), 'true');
      // The focus is in the menu, on its first entry.
      await page.waitForFunction(() => document.activeElement?.getAttribute('role') === 'menuitem');
      assert.equal(await focused(), 'menuitem:Full name');

      await page.keyboard.press('Escape');
      await menu.waitFor({ state: 'hidden' });
      assert.equal(await button.getAttribute('aria-expanded'), 'false');
      assert.equal(await focused(), 'BUTTON:Insert token');
      // The dialog stays open with the edit.
      assert.ok(await dialog.isVisible());
      assert.equal(await company.inputValue(), 'Northwind Help');
    }

    // Escape with the menu closed still closes the dialog, as before.
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    assertNoPageErrors(page);
  });
});

test('signature tokens render for the previewed user, in a sandboxed frame', async () => {
  await app.withPage(async (page) => {
    await openApp(page, `${app.server.url}/settings/inboxes?inbox=inbox-support`);
    const dialog = await openFallback(page);
    assert.ok(await dialog.getByLabel('Enable team signature').isChecked());
    await dialog.getByRole('button', { name: 'HTML' }).click();
    await dialog.getByLabel('Signature HTML').fill('<p>Cheers from<img src=x onerror="document.title=\'pwned\'"></p>');
    await dialog.getByRole('button', { name: 'HTML' }).click();

    const editor = dialog.getByRole('textbox', { name: 'Team signature' });
    await editor.click();
    await page.keyboard.press('End');
    await page.keyboard.type(' ');
    await dialog.getByRole('button', { name: 'Insert token' }).click();
    await dialog.getByRole('menuitem', { name: 'First name' }).click();

    const frame = dialog.locator('iframe[title="Signature preview"]');
    assert.equal(await frame.getAttribute('sandbox'), '');
    await page.waitForFunction(() =>
      /Cheers from.*Maria/.test(document.querySelector('iframe[title="Signature preview"]')?.getAttribute('srcdoc') ?? ''));
    let srcdoc = await frame.getAttribute('srcdoc');
    assert.match(srcdoc, /default-src 'none'; img-src data:; style-src 'unsafe-inline'/);
    assert.doesNotMatch(srcdoc, /onerror/);
    assert.notEqual(await page.title(), 'pwned');
    assert.match(await dialog.locator('.sb-preview__from-name').textContent(), /^Maria Popescu from Northwind Support$/);

    await dialog.getByLabel('Preview as').selectOption({ label: 'Lars Jansen' });
    await page.waitForFunction(() =>
      /Cheers from.*Lars/.test(document.querySelector('iframe[title="Signature preview"]')?.getAttribute('srcdoc') ?? ''));
    srcdoc = await frame.getAttribute('srcdoc');
    assert.doesNotMatch(srcdoc, /Maria/);
    assert.equal(await dialog.locator('.sb-preview__from-name').textContent(), 'Lars Jansen from Northwind Support');

    await dialog.getByRole('button', { name: 'Mobile' }).click();
    assert.equal(await dialog.getByRole('button', { name: 'Mobile' }).getAttribute('aria-pressed'), 'true');
    await dialog.getByRole('button', { name: 'Dark' }).click();
    assert.equal(await dialog.getByRole('button', { name: 'Dark' }).getAttribute('aria-pressed'), 'true');
    assert.match(await frame.getAttribute('srcdoc'), /background:#1d232b/);

    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const reopened = await openFallback(page);
    await reopened.getByRole('button', { name: 'HTML' }).click();
    const saved = await reopened.getByLabel('Signature HTML').inputValue();
    assert.match(saved, /Cheers from.*\{\{sender\.first_name\}\}/);
    assert.doesNotMatch(saved, /onerror/);
    assert.notEqual(await page.title(), 'pwned');
    assertNoPageErrors(page);
  });
});

test('Verify address: the code goes out through the Outbox and only the right code verifies', async () => {
  await app.withPage(async (page) => {
    await openApp(page, `${app.server.url}/settings/inboxes?inbox=inbox-support`);
    let dialog = await openFallback(page);
    await dialog.getByRole('radio', { name: 'Customize from address' }).check();
    await dialog.getByLabel('Custom from address').fill('hello@northwind.example');
    assert.ok(await dialog.getByRole('button', { name: 'Verify address' }).isDisabled(), 'save first');
    await dialog.getByRole('button', { name: 'Save' }).click();
    // An unverified address is saved but never sends: the dialog stays open to verify it.
    await dialog.getByText('Not verified: nothing is sent from this address until it is.').waitFor();
    await dialog.getByRole('button', { name: 'Verify address' }).click();
    await dialog.getByText('We sent a code to hello@northwind.example (see the Outbox).').waitFor();
    await dialog.getByLabel('Verification code').fill('12');
    await dialog.getByRole('button', { name: 'Verify', exact: true }).click();
    await dialog.getByText('The code has 6 digits. Copy it from the email we sent.').waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    const fallbackRow = page.getByRole('row', { name: /Fallback email/ });
    assert.match(await fallbackRow.textContent(), /hello@northwind\.example \(not verified\)/);

    await page.goto(`${app.server.url}/inbox/outbox`);
    const item = page.getByRole('list', { name: 'Outbox messages' })
      .getByRole('listitem')
      .filter({ hasText: 'Your Switchboard verification code' });
    await item.getByText('Raw message').click();
    const raw = await item.locator('pre').textContent();
    assert.match(raw, /^From: "?Northwind Support"? <support@northwind\.inbox\.example>/m);
    assert.match(raw, /^To: <?hello@northwind\.example>?/m);
    assert.match(raw, /^Message-ID: <[0-9a-f]+@northwind\.inbox\.example>/m);
    const code = raw.match(/verification code is (\d{6})/)[1];
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');

    await openSettings(page, 'inbox-support');
    dialog = await openFallback(page);
    await dialog.getByLabel('Verification code').fill(wrong);
    await dialog.getByRole('button', { name: 'Verify', exact: true }).click();
    await dialog.getByText(/That code is not right/).waitFor();
    await dialog.getByLabel('Verification code').fill(code);
    await dialog.getByRole('button', { name: 'Verify', exact: true }).click();
    await dialog.getByText('Verified', { exact: true }).waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    assert.doesNotMatch(await fallbackRow.textContent(), /not verified/);
    assertNoPageErrors(page);
  });
});
