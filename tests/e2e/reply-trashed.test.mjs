// SPEC §6/§7: a reply is never sent into a conversation another tab just moved to Trash; the
// rep is told why next to Send, and the draft survives for when the conversation is restored.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { assertNoPageErrors, newPage, openApp } from './support/browser.mjs';
import { useApp } from './support/app.mjs';

const app = useApp();

test('Send into a conversation trashed in another tab is refused and keeps the draft', async () => {
  await app.withPage(async (page, context) => {
    const url = `${app.server.url}/inbox/conversations/conv-003?inbox=inbox-support&view=all-open`;
    await openApp(page, url);
    const reply = page.getByRole('region', { name: 'Reply' });
    await reply.getByRole('textbox', { name: 'Message' }).click();
    await page.keyboard.type('Your size L is reserved.');

    const other = await newPage(context);
    await openApp(other, url);
    const thread = other.getByRole('region', { name: 'Conversation' });
    await thread.getByRole('toolbar', { name: 'Conversation actions' }).getByRole('button', { name: 'Move to trash' }).click();
    await other.getByRole('dialog', { name: 'Move to trash?' }).getByRole('button', { name: 'Move to trash' }).click();
    await other.getByRole('status').getByText(/moved to trash/).first().waitFor();

    await reply.getByRole('button', { name: 'Send' }).click();
    await reply.getByText(/This conversation is in the trash\. Restore it first\./).first().waitFor();
    assert.equal(await reply.getByRole('textbox', { name: 'Message' }).textContent(), 'Your size L is reserved.');
    // Nothing reached the Outbox.
    await openApp(other, `${app.server.url}/inbox/outbox?inbox=inbox-support`);
    assert.equal(await other.getByText('Your size L is reserved.').count(), 0);
    assertNoPageErrors(page);
  });
});
