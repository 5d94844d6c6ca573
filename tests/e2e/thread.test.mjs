// The open thread and the composer at scale: a long thread opens folded (its first message and
// the ten newest, the others behind "Show N earlier messages", which unfolds them and moves
// focus to the first one shown), and the recipients fields suggest contacts for the address
// being typed (read from the search index, not by loading every contact).

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

import { assertNoPageErrors, openApp } from './support/browser.mjs';
import { useApp } from './support/app.mjs';
import { repoRoot } from './support/paths.mjs';

const app = useApp();

const LONG = 'conv-long-thread';
const COUNT = 15;

/** The demo workspace plus one Support conversation of COUNT messages, "Update 1" … */
function workspaceWithLongThread() {
  const data = JSON.parse(readFileSync(join(repoRoot, 'public', 'demo', 'workspace.json'), 'utf8'));
  const contact = data.contacts.find((c) => c.id === 'c-002');
  const start = Date.parse('2026-11-19T08:00:00Z');
  data.conversations.push({
    id: LONG,
    inbox: 'inbox-support',
    area: 'inbox',
    channel: 'ch-support-fallback',
    contact: contact.id,
    subject: 'Tent pole replacement, step by step',
    status: 'open',
    assignee: null,
    ticket: null,
    created_at: start,
    last_activity: start + COUNT * 60_000,
    snippet: `Update ${COUNT}`,
    message_count: COUNT,
    trashed_at: null,
  });
  for (let i = 1; i <= COUNT; i += 1) {
    data.messages.push({
      id: `m-long-${i}`,
      conversation: LONG,
      direction: 'incoming',
      from: { name: contact.name, address: contact.email },
      to: [{ name: 'Northwind Support', address: 'support@northwind.inbox.example' }],
      cc: [],
      bcc: [],
      subject: 'Tent pole replacement, step by step',
      date: start + i * 60_000,
      text_body: `Update ${i} on the tent pole.`,
      html_body: null,
      attachments: [],
      message_id: `long-${i}@mail.example`,
      in_reply_to: i > 1 ? `long-${i - 1}@mail.example` : null,
      references: [],
      size: 600,
      author: null,
    });
  }
  return JSON.stringify(data);
}

test('a long thread opens folded, and Show earlier messages unfolds it', async () => {
  await app.withPage(async (page, context) => {
    const body = workspaceWithLongThread();
    await context.route('**/demo/workspace.json', (route) =>
      route.fulfill({ status: 200, contentType: 'application/json', body }));
    await openApp(page, `${app.server.url}/inbox/conversations/${LONG}?inbox=inbox-support&view=all-open`);
    const thread = page.getByRole('region', { name: 'Conversation' });
    const messages = thread.getByRole('article');
    const earlier = thread.getByRole('button', { name: 'Show 4 earlier messages' });
    await earlier.waitFor();
    // The first message, then the ten newest.
    const shown = await messages.allTextContents();
    assert.equal(shown.length, 11);
    assert.match(shown[0], /Update 1 on/);
    assert.match(shown[1], /Update 6 on/);
    assert.match(shown[10], /Update 15 on/);

    await earlier.click();
    await page.waitForFunction((n) => document.querySelectorAll('.sb-thread__messages > article').length === n, COUNT);
    assert.equal(await earlier.count(), 0);
    const all = await messages.allTextContents();
    all.forEach((text, i) => assert.match(text, new RegExp(`Update ${i + 1} on`)));
    // Focus moves to the first message that was hidden.
    await page.waitForFunction(() => document.activeElement?.textContent?.includes('Update 2 on'));
    assertNoPageErrors(page);
  });
});

test('a short thread shows every message, with no fold', async () => {
  await app.withPage(async (page) => {
    await openApp(page, `${app.server.url}/inbox/conversations/conv-001?inbox=inbox-support&view=closed`);
    const thread = page.getByRole('region', { name: 'Conversation' });
    await thread.getByRole('article').first().waitFor();
    assert.equal(await thread.getByRole('article').count(), 4);
    assert.equal(await thread.getByRole('button', { name: /earlier message/ }).count(), 0);
  });
});

test('To suggests the contacts matching the address being typed', async () => {
  await app.withPage(async (page) => {
    await openApp(page, `${app.server.url}/inbox/all-open`);
    await page.getByRole('button', { name: 'Compose' }).click();
    const dialog = page.getByRole('dialog', { name: 'New email' });
    const to = dialog.getByLabel('To', { exact: true });
    await to.waitFor();
    const suggestions = () => to.evaluate((el) => [...(el.list?.options ?? [])].map((o) => o.value));
    assert.deepEqual(await suggestions(), [], 'nothing is suggested before anything is typed');

    await to.fill('stef');
    await page.waitForFunction(
      () => document.activeElement?.list?.options.length > 0 || [...document.querySelectorAll('datalist option')].length > 0,
    );
    assert.deepEqual(await suggestions(), ['stefan.radulescu@outlook.example']);

    // The address after the last comma is the one suggested for; accents and case are ignored.
    await to.fill('stefan.radulescu@outlook.example, ELENA');
    await page.waitForFunction(
      () => [...document.querySelectorAll('datalist option')].some((o) => o.value.startsWith('elena')),
    );
    assert.deepEqual(await suggestions(), ['elena.stanescu@posta.example']);
    assertNoPageErrors(page);
  });
});
