// SPEC §9 "Received mail is real RFC 5322/MIME (... encoded headers)", driven by role and label:
// mail in the charsets real customers still send, imported through Import email, reads as it
// was written — a Japanese customer's ISO-2022-JP message (encoded-word name and subject, HTML
// part) and a French customer's 8-bit windows-1252 message that declares no charset anywhere
// (the fixtures of the native tests, tests/fixtures/mail/).

import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { repoRoot } from './support/paths.mjs';

import { assertNoPageErrors, openApp } from './support/browser.mjs';
import { useApp } from './support/app.mjs';

const app = useApp();

const fixturesDir = join(repoRoot, 'tests', 'fixtures', 'mail');

function thread(page) {
  return page.getByRole('region', { name: 'Conversation', exact: true });
}

test('Import email shows ISO-2022-JP and undeclared windows-1252 mail as written', async () => {
  await app.withPage(async (page) => {
    await openApp(page, `${app.server.url}/inbox/unassigned?inbox=inbox-support`);
    await page.getByLabel('Import email').setInputFiles([
      join(fixturesDir, 'iso-2022-jp-customer.eml'),
      join(fixturesDir, 'windows-1252-undeclared-8bit.eml'),
    ]);
    const results = page.getByRole('region', { name: 'Import results' });
    await results.getByText('iso-2022-jp-customer.eml: added to Support, new conversation').waitFor();
    await results.getByText('windows-1252-undeclared-8bit.eml: added to Support, new conversation').waitFor();
    const list = page.getByRole('list', { name: 'Conversations' });

    const japanese = '【注文番号 NW-20931】テントがまだ届いていません';
    await list.getByRole('link', { name: new RegExp(japanese) }).click();
    await thread(page).getByRole('heading', { name: japanese }).waitFor();
    await thread(page).getByRole('article', { name: /田中 結衣/ }).waitFor();
    // The HTML part, in its sandboxed frame.
    await page.frameLocator('iframe.sb-msg__frame')
      .getByText('3月10日に注文したテント（注文番号 NW-20931）がまだ届いておりません。').waitFor();

    const french = 'Sac de couchage reçu déchiré – remboursement ?';
    await list.getByRole('link', { name: /Sac de couchage reçu déchiré – remboursement/ }).click();
    await thread(page).getByRole('heading', { name: french }).waitFor();
    await thread(page).getByRole('article', { name: /Mélanie Lefèvre/ })
      .getByText(/rembourser les 89,90 € ou m’envoyer un sac de remplacement/).waitFor();
    assert.doesNotMatch(await thread(page).innerText(), /\uFFFD/, 'no replacement characters');
    assertNoPageErrors(page);
  });
});
