// Benchmark data: the demo workspace (public/demo/workspace.json) grown to N conversations in
// the Support inbox, plus one long thread (100 messages, the last quoting 50 KB). The app
// stores it through its own storage code: the bench serves this JSON in place of
// /demo/workspace.json, which the app seeds IndexedDB from on first start. The baseline page
// reads the same IndexedDB afterwards, so both render the very same records.

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

const MINUTE = 60_000;
const pad = (n, width) => String(n).padStart(width, '0');
export const LONG_THREAD = 'conv-bench-long';

export async function benchWorkspace(distDir, { conversations = 10_000, now = Date.now() } = {}) {
  const data = JSON.parse(await readFile(join(distDir, 'demo', 'workspace.json'), 'utf8'));
  const contacts = 1_000;
  for (let i = 0; i < contacts; i += 1) {
    data.contacts.push({
      id: `c-bench-${pad(i, 4)}`,
      email: `customer${pad(i, 4)}@bench.example`,
      name: `Bench Customer ${pad(i, 4)}`,
      owner: null,
      created_at: now - 90 * 24 * 60 * MINUTE,
    });
  }
  const assignees = [null, 'u-giulia', 'u-maria', 'u-daan', null];
  const channels = ['ch-support-fallback', 'ch-support-email'];
  const generated = Math.max(0, conversations - data.conversations.length - 1);
  for (let i = 0; i < generated; i += 1) {
    const id = `conv-bench-${pad(i, 5)}`;
    const at = now - (i + 2) * 5 * MINUTE;
    data.conversations.push({
      id,
      inbox: 'inbox-support',
      area: 'inbox',
      channel: channels[i % 2],
      contact: `c-bench-${pad(i % contacts, 4)}`,
      subject: `Order question ${pad(i, 5)}`,
      status: i % 7 === 6 ? 'closed' : 'open',
      assignee: assignees[i % assignees.length],
      ticket: null,
      created_at: at - MINUTE,
      last_activity: at,
      snippet: `Hello, a question about order ${pad(i, 5)}`,
      message_count: 1,
      trashed_at: null,
    });
    data.messages.push(message(`msg-bench-${pad(i, 5)}`, id, i % contacts, at, `Order question ${pad(i, 5)}`,
      `Hello, my order number is NW-${pad(i, 5)}. When does it ship?`, null));
  }
  // The long thread: newest conversation, 100 messages, the last one quoting 50 KB of history.
  const start = now - 100 * MINUTE;
  data.conversations.push({
    id: LONG_THREAD,
    inbox: 'inbox-support',
    area: 'inbox',
    channel: 'ch-support-email',
    contact: 'c-bench-0000',
    subject: 'Long running replacement case',
    status: 'open',
    assignee: 'u-maria',
    ticket: null,
    created_at: start,
    last_activity: now - MINUTE,
    snippet: 'Latest update on the replacement',
    message_count: 100,
    trashed_at: null,
  });
  const paragraph = 'We checked the warehouse again and the replacement is on its way; tracking follows. ';
  const quoted = `<blockquote>${`<p>${paragraph.repeat(8)}</p>`.repeat(Math.ceil(50_000 / (paragraph.length * 8 + 7)))}</blockquote>`;
  for (let i = 0; i < 100; i += 1) {
    const last = i === 99;
    const m = message(`msg-bench-long-${pad(i, 3)}`, LONG_THREAD, 0, start + i * 30_000,
      'Long running replacement case', `Update ${i + 1}: ${paragraph}`,
      last ? `<p>Latest update on the replacement.</p>${quoted}` : null);
    if (i % 2 === 1) {
      m.direction = 'outgoing';
      m.from = { name: 'Maria Popescu', address: 'support@northwind.inbox.example' };
      m.to = [{ name: 'Bench Customer 0000', address: 'customer0000@bench.example' }];
      m.author = 'u-maria';
    }
    data.messages.push(m);
  }
  return data;
}

function message(id, conversation, contact, date, subject, text, html) {
  return {
    id,
    conversation,
    direction: 'incoming',
    from: { name: `Bench Customer ${pad(contact, 4)}`, address: `customer${pad(contact, 4)}@bench.example` },
    to: [{ name: 'Northwind Support', address: 'support@northwind.inbox.example' }],
    cc: [],
    bcc: [],
    subject,
    date,
    text_body: text,
    html_body: html,
    attachments: [],
    message_id: `${id}@bench.example`,
    in_reply_to: null,
    references: [],
    size: (html ?? text).length + 400,
    author: null,
  };
}
