// SPEC §7 drafts, from the Drafts view: each of the rep's drafts is named by what it is (a
// reply or an internal comment by its conversation's subject, a new email by its own) and
// opens where it is edited: the conversation, or the workspace's Compose with the draft.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { assertNoPageErrors, openApp } from './support/browser.mjs';
import { useApp } from './support/app.mjs';

const app = useApp();
const SUBJECT = 'Exchange Tundra fleece for a larger size';

function saveState(region) {
  return region.getByRole('status').filter({ hasText: /Saved|Saving|Not saved/ });
}

test('the Drafts view names replies, comments and new emails and opens each where it is edited', async () => {
  await app.withPage(async (page) => {
    const base = app.server.url;
    // A reply and an internal comment in conv-003.
    await openApp(page, `${base}/inbox/conversations/conv-003?inbox=inbox-support&view=all-open`);
    const reply = page.getByRole('region', { name: 'Reply' });
    await reply.getByRole('textbox', { name: 'Message' }).click();
    await page.keyboard.type('Size L is on its way.');
    await saveState(reply).getByText('Saved', { exact: true }).waitFor();
    const thread = page.getByRole('region', { name: 'Conversation' });
    await thread.getByRole('toolbar', { name: 'Conversation actions' }).getByRole('button', { name: 'Comment' }).click();
    const comment = page.getByRole('dialog', { name: 'Comment' });
    await comment.getByLabel('Internal comment').fill('Check the stock of size L first');
    await comment.getByRole('button', { name: 'Cancel' }).click();

    // A new email from Support's Compose, left unsent.
    await openApp(page, `${base}/inbox/all-open?inbox=inbox-support`);
    await page.getByRole('button', { name: 'Compose' }).click();
    let compose = page.getByRole('dialog', { name: 'New email' });
    await compose.getByLabel('Subject').fill('Spare tent poles');
    await saveState(compose).getByText('Saved', { exact: true }).waitFor();
    await compose.getByRole('button', { name: 'Close' }).click();

    await openApp(page, `${base}/inbox/drafts?inbox=inbox-support`);
    const list = page.getByRole('list', { name: 'Drafts' });
    await list.getByRole('link', { name: `Reply: ${SUBJECT}` }).waitFor();
    await list.getByRole('link', { name: `Internal comment: ${SUBJECT}` }).waitFor();
    await list.getByRole('link', { name: 'Spare tent poles' }).waitFor();
    assert.equal(await list.getByText('(no subject)').count(), 0);

    // The new email opens in its Compose, with what was typed; the address forgets the ask.
    await list.getByRole('link', { name: 'Spare tent poles' }).click();
    compose = page.getByRole('dialog', { name: 'New email' });
    await compose.getByLabel('Subject').waitFor();
    assert.equal(await compose.getByLabel('Subject').inputValue(), 'Spare tent poles');
    await page.waitForFunction(() => !location.search.includes('compose='));
    await compose.getByRole('button', { name: 'Close' }).click();

    // The reply opens its conversation with the reply in its composer.
    await list.getByRole('link', { name: `Reply: ${SUBJECT}` }).click();
    await thread.getByRole('heading', { name: SUBJECT }).waitFor();
    await reply.getByRole('textbox', { name: 'Message' }).getByText('Size L is on its way.').waitFor();
    assertNoPageErrors(page);
  });
});
