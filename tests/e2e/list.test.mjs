// SPEC §5 conversation list at scale: 10,000 conversations (the demo workspace plus generated
// ones, served in place of /demo/workspace.json so the app stores them through its own
// storage code on first start). The list is virtualised (at most 60 rows in the DOM while
// scrolling to the end, aria-setsize/aria-posinset give the total), the last conversation is
// reachable by scrolling and by keyboard, the Status/Assignee/Channel/Date filters change the
// rows and the URL, a bookmarked filtered URL reloads to the same rows, and search reads the
// token indexes. Prints the time to the first rows.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { distDir } from './support/paths.mjs';
import { startServer } from './support/server.mjs';
import { assertNoPageErrors, launchBrowser, newPage, openApp } from './support/browser.mjs';

const GENERATED = 9_933; // + the demo's 67 = 10,000 conversations
const CONTACTS = 1_000;
const MINUTE = 60_000;

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

const pad = (n, width) => String(n).padStart(width, '0');

/** The demo workspace plus GENERATED conversations in Support (Inbox workspace). */
async function bigWorkspace(now) {
  const data = JSON.parse(await readFile(join(distDir, 'demo', 'workspace.json'), 'utf8'));
  for (let i = 0; i < CONTACTS; i += 1) {
    data.contacts.push({
      id: `c-bulk-${pad(i, 4)}`,
      email: `bulk${pad(i, 4)}@customers.example`,
      name: `Bulk Customer ${pad(i, 4)}`,
      owner: null,
      created_at: now - 90 * 24 * 60 * MINUTE,
    });
  }
  const assignees = [null, 'u-giulia', 'u-maria', 'u-daan', null];
  const channels = ['ch-support-fallback', 'ch-support-email'];
  for (let i = 0; i < GENERATED; i += 1) {
    const id = `conv-bulk-${pad(i, 5)}`;
    const at = now - i * 5 * MINUTE - 7_000; // one every 5 minutes, about 34 days back
    data.conversations.push({
      id,
      inbox: 'inbox-support',
      area: 'inbox',
      channel: channels[i % 2],
      contact: `c-bulk-${pad(i % CONTACTS, 4)}`,
      subject: `Generated request ${pad(i, 5)}`,
      status: i % 7 === 6 ? 'closed' : 'open',
      assignee: assignees[i % assignees.length],
      ticket: null,
      created_at: at - MINUTE,
      last_activity: at,
      snippet: `Preview of generated request ${pad(i, 5)}`,
      message_count: i % 10 === 0 ? 1 : 0,
      trashed_at: null,
    });
    if (i % 10 === 0) {
      data.messages.push({
        id: `msg-bulk-${pad(i, 5)}`,
        conversation: id,
        direction: 'incoming',
        from: { name: `Bulk Customer ${pad(i % CONTACTS, 4)}`, address: `bulk${pad(i % CONTACTS, 4)}@customers.example` },
        to: [{ name: null, address: 'support@northwind.inbox.example' }],
        cc: [],
        bcc: [],
        subject: `Generated request ${pad(i, 5)}`,
        date: at,
        text_body: `Hello, my serial number is SN-${pad(i, 5)}. Thanks!`,
        html_body: null,
        attachments: [],
        message_id: `bulk-${i}@customers.example`,
        in_reply_to: null,
        references: [],
        size: 300,
        author: null,
      });
    }
  }
  return data;
}

/** What a list shows, newest first (ties: larger id first, as the index orders them). */
function expectedRows(data, keep) {
  return data.conversations
    .filter((c) => c.area === 'inbox' && c.inbox === 'inbox-support' && !c.trashed_at && keep(c))
    .sort((a, b) => b.last_activity - a.last_activity || (a.id < b.id ? 1 : -1));
}

/** The search rule, as a test oracle: every typed word starts a word of the subject, preview,
 * contact name or address, or a message's subject or text (case and accents ignored); open
 * conversations first, then closed, newest first within each. */
function expectedSearch(data, text) {
  const words = (s) => (s ?? '').normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
    .split(/[^\p{L}\p{N}]+/u).filter(Boolean).map((w) => w.slice(0, 24));
  const query = words(text);
  const contacts = new Map(data.contacts.map((c) => [c.id, c]));
  const texts = new Map();
  for (const m of data.messages) {
    texts.set(m.conversation, `${texts.get(m.conversation) ?? ''} ${m.subject} ${m.text_body}`);
  }
  const hit = (c) => {
    const contact = contacts.get(c.contact);
    const tokens = words(`${c.subject} ${c.snippet} ${contact?.name ?? ''} ${contact?.email ?? ''} ${texts.get(c.id) ?? ''}`);
    return query.every((q) => tokens.some((t) => t.startsWith(q)));
  };
  return [
    ...expectedRows(data, (c) => c.status === 'open' && hit(c)),
    ...expectedRows(data, (c) => c.status === 'closed' && hit(c)),
  ];
}

const list = (page) => page.getByRole('list', { name: 'Conversations' });
const scroller = (page) => page.locator('.sb-vlist');

async function firstSubjects(page, n) {
  await list(page).getByRole('link').nth(n - 1).waitFor();
  return (await list(page).locator('.sb-row__subject').allTextContents()).slice(0, n);
}

async function statusCount(page, expected) {
  // Counts are written the English way (8,538), as the rep reads them.
  const text = expected === 1 ? '1 conversation' : `${expected.toLocaleString('en-US')} conversations`;
  await page.locator('.sb-list').getByRole('status').filter({ hasText: new RegExp(`^${text}$`) }).waitFor();
}

test('10,000 conversations: virtual list, scrolling to the end, filters in the URL, search', async () => {
  const now = Date.now();
  const data = await bigWorkspace(now);
  assert.equal(data.conversations.length, 10_000);
  const body = JSON.stringify(data);
  const context = await browser.newContext();
  await context.route('**/demo/workspace.json', (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body }));
  try {
    const page = await newPage(context);
    const url = `${server.url}/inbox/all-open?inbox=inbox-support`;
    await openApp(page, url, { timeout: 120_000 });
    await list(page).getByRole('link').first().waitFor({ timeout: 120_000 });

    // Time to the first rows with 10,000 stored (a reload: the data is already in IndexedDB).
    const timings = [];
    for (let run = 0; run < 3; run += 1) {
      const start = Date.now();
      await page.reload();
      await list(page).getByRole('link').first().waitFor({ timeout: 60_000 });
      timings.push(Date.now() - start);
    }
    console.log(`# first rows after reload with 10,000 conversations: ${timings.join(', ')} ms`);

    const allOpen = expectedRows(data, (c) => c.status === 'open');
    await statusCount(page, allOpen.length);
    assert.deepEqual(await firstSubjects(page, 5), allOpen.slice(0, 5).map((c) => c.subject));
    const firstRow = list(page).getByRole('listitem').first();
    assert.equal(await firstRow.getAttribute('aria-setsize'), String(allOpen.length));
    assert.equal(await firstRow.getAttribute('aria-posinset'), '1');

    // Scroll to the end in 40 steps: never more than 60 rows mounted.
    let most = 0;
    for (let step = 1; step <= 40; step += 1) {
      await scroller(page).evaluate((el, s) => { el.scrollTop = (el.scrollHeight * s) / 40; }, step);
      await page.waitForTimeout(30);
      const mounted = await list(page).getByRole('listitem').count();
      most = Math.max(most, mounted);
      assert.ok(mounted <= 60, `${mounted} rows mounted at step ${step}`);
    }
    const last = allOpen[allOpen.length - 1];
    const lastLink = list(page).getByRole('link', { name: new RegExp(last.subject) });
    await lastLink.waitFor();
    assert.equal(
      await list(page).locator(`li[aria-posinset="${allOpen.length}"]`).locator('.sb-row__subject').textContent(),
      last.subject,
    );
    console.log(`# most rows mounted while scrolling: ${most}`);

    // Keyboard: back to the top with Home, one row down, then End reaches the last row.
    await lastLink.focus();
    await page.keyboard.press('Home');
    await page.waitForFunction(() => document.activeElement?.closest('li')?.getAttribute('aria-posinset') === '1');
    await page.keyboard.press('ArrowDown');
    await page.waitForFunction(() => document.activeElement?.closest('li')?.getAttribute('aria-posinset') === '2');
    await page.keyboard.press('End');
    await page.waitForFunction(
      (n) => document.activeElement?.closest('li')?.getAttribute('aria-posinset') === String(n),
      allOpen.length,
    );
    assert.ok((await list(page).getByRole('listitem').count()) <= 60);

    // Filters: Assignee, then Channel; both in the URL; counts and rows follow. The list was
    // at its end: new filters show their rows from the top.
    await page.getByLabel('Assignee').selectOption({ label: 'Giulia Rossi' });
    await page.waitForURL(/assignee=u-giulia/);
    const giulia = expectedRows(data, (c) => c.status === 'open' && c.assignee === 'u-giulia');
    await statusCount(page, giulia.length);
    assert.deepEqual(await firstSubjects(page, 5), giulia.slice(0, 5).map((c) => c.subject));
    assert.equal(await scroller(page).evaluate((el) => el.scrollTop), 0, 'scrolled to the top');

    await page.getByLabel('Channel').selectOption({ label: 'Northwind Support <support@northwind.example>' });
    await page.waitForURL(/channel=ch-support-email/);
    const giuliaTeam = giulia.filter((c) => c.channel === 'ch-support-email');
    await statusCount(page, giuliaTeam.length);
    const filteredFirst = await firstSubjects(page, 5);
    assert.deepEqual(filteredFirst, giuliaTeam.slice(0, 5).map((c) => c.subject));
    assert.match(page.url(), /\/inbox\/all-open\?inbox=inbox-support&assignee=u-giulia&channel=ch-support-email$/);

    // Two filters chosen in quick succession, without waiting: both are in force (the second
    // edits what the first chose), one URL follows once the rows are shown, with one history
    // entry: Back returns to the list as it was before both, with its own filters.
    await page.getByLabel('Assignee').selectOption({ label: 'Anyone' });
    await page.getByLabel('Channel').selectOption({ label: 'Any channel' });
    await statusCount(page, allOpen.length);
    await page.waitForURL(/\/inbox\/all-open\?inbox=inbox-support$/);
    await page.goBack();
    await page.waitForURL(/assignee=u-giulia&channel=ch-support-email$/);
    await statusCount(page, giuliaTeam.length);
    assert.deepEqual(await firstSubjects(page, 5), filteredFirst);
    assert.equal(await page.getByLabel('Assignee').inputValue(), 'u-giulia');
    assert.equal(await page.getByLabel('Channel').inputValue(), 'ch-support-email');

    // Date: Last 7 days (local days: today and the 6 before).
    await page.getByLabel('Date').selectOption({ label: 'Last 7 days' });
    await page.waitForURL(/date=7d/);
    const midnight = new Date(now);
    midnight.setHours(0, 0, 0, 0);
    const since = new Date(midnight.getFullYear(), midnight.getMonth(), midnight.getDate() - 6).getTime();
    const recent = giuliaTeam.filter((c) => c.last_activity >= since);
    await statusCount(page, recent.length);
    const bookmarked = page.url();
    const recentFirst = await firstSubjects(page, Math.min(5, recent.length));

    // The bookmarked URL reloads to the same filters and rows, in a new page too.
    await page.reload();
    await statusCount(page, recent.length);
    assert.deepEqual(await firstSubjects(page, Math.min(5, recent.length)), recentFirst);
    assert.equal(await page.getByLabel('Assignee').inputValue(), 'u-giulia');
    const other = await newPage(context);
    await openApp(other, bookmarked, { timeout: 60_000 });
    await statusCount(other, recent.length);
    assert.deepEqual(await firstSubjects(other, Math.min(5, recent.length)), recentFirst);
    await other.close();

    // Status Closed contradicts All open: nothing to list. The Closed view with the same
    // filters lists the closed ones.
    await page.getByLabel('Status').selectOption({ label: 'Closed' });
    await page.locator('.sb-list').getByRole('status')
      .getByText('No conversations in this view match these filters.').waitFor();
    await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: /^Closed/ }).click();
    await page.waitForURL(/\/inbox\/closed\?.*status=closed/);
    const closedRecent = expectedRows(data, (c) => c.status === 'closed' && c.assignee === 'u-giulia'
      && c.channel === 'ch-support-email' && c.last_activity >= since);
    await statusCount(page, closedRecent.length);

    // Search over 10,000: by contact name, by message text; the token indexes, not a scan.
    await page.goto(url);
    const search = page.getByLabel('Search conversations');
    const results = page.getByRole('list', { name: 'Search results' });
    for (const text of ['bulk customer 0042', 'SN-04210', 'generated 0999']) {
      const want = expectedSearch(data, text);
      const start = Date.now();
      await search.fill(text);
      await page.locator('.sb-list').getByRole('status')
        .filter({ hasText: new RegExp(`^${want.length === 1 ? '1 result' : `${want.length.toLocaleString('en-US')} results`}$`) })
        .waitFor();
      console.log(`# search "${text}" over 10,000 conversations: ${want.length} results in ${Date.now() - start} ms`);
      await results.getByRole('link').nth(Math.min(want.length, 5) - 1).waitFor();
      const shown = (await results.locator('.sb-row__subject').allTextContents()).slice(0, 5);
      assert.deepEqual(shown, want.slice(0, 5).map((c) => c.subject), text);
    }
    assertNoPageErrors(page);
  } finally {
    await context.close();
  }
});

test('a short list is in the document whole: every open Support conversation without scrolling', async () => {
  const data = JSON.parse(await readFile(join(distDir, 'demo', 'workspace.json'), 'utf8'));
  const open = expectedRows(data, (c) => c.status === 'open');
  assert.ok(open.length > 10 && open.length <= 40, `the demo Support inbox has ${open.length} open conversations`);
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  try {
    const page = await newPage(context);
    await openApp(page, `${server.url}/inbox/all-open?inbox=inbox-support`);
    await statusCount(page, open.length);
    await list(page).getByRole('link').first().waitFor();
    // Far more rows than the viewport shows, all there: find-in-page and a screen reader's
    // browse mode see the whole list.
    assert.equal(await list(page).getByRole('listitem').count(), open.length);
    const last = open[open.length - 1];
    const lastRow = list(page).locator(`li[aria-posinset="${open.length}"]`);
    assert.equal(await lastRow.locator('.sb-row__subject').textContent(), last.subject);
    assert.equal(await scroller(page).evaluate((el) => el.scrollTop), 0);
    assertNoPageErrors(page);
  } finally {
    await context.close();
  }
});

test('a filter chosen just before a reload is kept: the page hands its URL over to the reloaded one', async () => {
  const data = JSON.parse(await readFile(join(distDir, 'demo', 'workspace.json'), 'utf8'));
  const maria = expectedRows(data, (c) => c.status === 'open' && c.assignee === 'u-maria');
  assert.ok(maria.length > 1, 'Maria has open Support conversations in the demo');
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  try {
    const page = await newPage(context);
    await openApp(page, `${server.url}/inbox/all-open?inbox=inbox-support`);
    await list(page).getByRole('link').first().waitFor();
    // The URL follows a chosen filter a moment after its rows are painted: reloading at once
    // leaves in that moment.
    await page.getByLabel('Assignee').selectOption({ label: 'Maria Popescu' });
    await page.reload({ waitUntil: 'load' });
    await statusCount(page, maria.length);
    assert.match(page.url(), /\/inbox\/all-open\?inbox=inbox-support&assignee=u-maria$/);
    assert.equal(await page.getByLabel('Assignee').inputValue(), 'u-maria');
    assert.deepEqual(await firstSubjects(page, 2), maria.slice(0, 2).map((c) => c.subject));
    assertNoPageErrors(page);
  } finally {
    await context.close();
  }
});

test('a reload takes its first rows from the start-up reads: as stored now, and only for its own address', async () => {
  const data = JSON.parse(await readFile(join(distDir, 'demo', 'workspace.json'), 'utf8'));
  const open = expectedRows(data, (c) => c.status === 'open');
  const giulia = expectedRows(data, (c) => c.status === 'open' && c.assignee === 'u-giulia');
  assert.ok(giulia.length > 0 && giulia.length < open.length);
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  try {
    const page = await newPage(context);
    const url = `${server.url}/inbox/all-open?inbox=inbox-support`;
    await openApp(page, url);
    await statusCount(page, open.length);
    // The next start's plan is stored once the first screen is done.
    await page.waitForFunction(() => localStorage.getItem('switchboard.start-plan') !== null);
    // The newest conversation's subject changes in storage (as another tab would write it).
    await page.evaluate((id) => new Promise((resolve, reject) => {
      const request = indexedDB.open('switchboard');
      request.onsuccess = () => {
        const db = request.result;
        const store = db.transaction('conversations', 'readwrite').objectStore('conversations');
        const read = store.get(id);
        read.onsuccess = () => {
          const write = store.put({ ...read.result, subject: 'Changed while the tab was away' });
          write.onsuccess = () => { db.close(); resolve(); };
          write.onerror = () => reject(write.error);
        };
      };
      request.onerror = () => reject(request.error);
    }), open[0].id);

    await page.reload();
    await statusCount(page, open.length);
    const newest = list(page).locator('li[aria-posinset="1"] .sb-row__subject');
    assert.equal(await newest.textContent(), 'Changed while the tab was away');
    assert.deepEqual(await firstSubjects(page, 3), ['Changed while the tab was away', open[1].subject, open[2].subject]);
    assert.equal(await page.evaluate(() => performance.getEntriesByName('sb:list-page').length), 0,
      'the first page came from the start-up reads, not from a read of the app');

    // Another address: the plan's page is not for it; the app reads its own rows.
    await openApp(page, `${url}&assignee=u-giulia`);
    await statusCount(page, giulia.length);
    assert.deepEqual(await firstSubjects(page, 1), [giulia[0].subject]);
    assert.ok(await page.evaluate(() => performance.getEntriesByName('sb:list-page').length) > 0);
    assertNoPageErrors(page);
  } finally {
    await context.close();
  }
});
