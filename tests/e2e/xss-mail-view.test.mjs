// SPEC §8 in the thread view: a received HTML message renders in a sandboxed frame that makes no
// remote request until the rep chooses Show images (then only images load: no remote CSS, fonts
// or scripts), Always show images from <sender> is remembered; links open in a new tab without
// an opener, javascript:/data: links are neutralised; senders that imitate another address,
// mix alphabets or hide characters are flagged.

import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import { distDir } from './support/paths.mjs';
import { startServer } from './support/server.mjs';
import { launchBrowser, newPage, openApp, pageProblems } from './support/browser.mjs';
import { switchUser } from './support/app.mjs';
import { importAndOpen, receivedEmail } from './support/hostile.mjs';

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

const TRACKER = 'http://tracker.example';
const GIF = Buffer.from('R0lGODlhAQABAAAAACH5BAEAAAAALAAAAAABAAEAAAIBAAA=', 'base64');

const NEWSLETTER = `<html><head>
<link rel="stylesheet" href="${TRACKER}/link.css">
<style>@import url(${TRACKER}/import.css);
@font-face { font-family: Tracked; src: url(${TRACKER}/font.woff2); }
body { font-family: Tracked, sans-serif; }
.hero { background-image: url('${TRACKER}/hero.png'); }</style>
</head><body>
<p class="hero">Our autumn catalogue is here.</p>
<img src="${TRACKER}/pixel.gif?open=1" width="1" height="1" alt="">
<p><a href="https://shop.example/catalogue">Open the catalogue</a></p>
<p><a href="javascript:alert(1)">Claim your prize</a> <a href="data:text/html,<script>alert(1)</script>">Data link</a>
<a href="vbscript:msgbox(1)">VB link</a></p>
</body></html>`;

function problemsBesidesCsp(page) {
  // A blocked load inside a mail frame is the CSP doing its job; Chromium logs it as an error.
  return pageProblems(page).filter((p) => !p.includes('Content Security Policy'));
}

test('remote content stays blocked until Show images, then only images load', async () => {
  const context = await browser.newContext();
  const requests = [];
  // A route handler runs only for a request that really goes to the network: Playwright also
  // emits 'request' for loads the frame's CSP blocks before they leave (ERR_BLOCKED_BY_CSP).
  await context.route(`${TRACKER}/**`, (route) => {
    requests.push(route.request().url());
    return route.fulfill({ status: 200, contentType: 'image/gif', body: GIF });
  });
  await context.route('https://shop.example/**', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<title>Shop</title><p>Shop</p>' }));
  try {
    const page = await newPage(context);
    // Stronger than the CSP: a blocked message holds no remote URL, so the browser does not
    // even start a request (Playwright reports CSP-blocked attempts as requests too).
    const attempts = [];
    page.on('request', (r) => { if (r.url().startsWith(TRACKER)) attempts.push(r.url()); });
    await openApp(page, `${server.url}/`);
    await switchUser(page, 'Tomasz Kowalski — Admin');
    const subject = `Autumn catalogue ${randomUUID().slice(0, 6)}`;
    const thread = await importAndOpen(page, server.url, receivedEmail({ subject, html: NEWSLETTER, fromName: 'Fjord News', fromAddress: 'news@fjordtrail.example' }), subject);

    const notice = thread.getByRole('note').filter({ hasText: 'Remote images are blocked' });
    await notice.waitFor();
    const frameEl = thread.locator('iframe.sb-msg__frame');
    assert.equal(await frameEl.getAttribute('sandbox'), 'allow-popups allow-popups-to-escape-sandbox');
    const frame = page.frameLocator('iframe.sb-msg__frame');
    await frame.getByText('Our autumn catalogue is here.').waitFor();
    await page.waitForTimeout(500);
    assert.deepEqual(requests, [], 'no request may leave before the rep allows it');
    assert.deepEqual(attempts, [], 'no request is even attempted before the rep allows it');

    // Links: new tab, no opener, no referrer; dangerous schemes lose their target.
    const shop = frame.getByRole('link', { name: 'Open the catalogue' });
    assert.equal(await shop.getAttribute('target'), '_blank');
    assert.equal(await shop.getAttribute('rel'), 'noopener noreferrer');
    for (const name of ['Claim your prize', 'Data link', 'VB link']) {
      assert.equal(await frame.getByText(name).getAttribute('href'), null, `${name} is neutralised`);
    }
    const [popup] = await Promise.all([context.waitForEvent('page'), shop.click()]);
    await popup.waitForLoadState();
    assert.equal(popup.url(), 'https://shop.example/catalogue');
    assert.equal(await popup.evaluate(() => window.opener), null, 'the new tab has no opener');
    await popup.close();
    assert.ok(page.url().startsWith(server.url), 'the app did not navigate');
    requests.length = 0;

    await notice.getByRole('button', { name: 'Show images', exact: true }).click();
    await notice.waitFor({ state: 'hidden' });
    await frame.getByText('Our autumn catalogue is here.').waitFor();
    await page.waitForTimeout(800);
    const paths = requests.map((u) => new URL(u).pathname);
    assert.ok(paths.includes('/pixel.gif'), `images load once allowed: ${paths}`);
    for (const blocked of ['/link.css', '/import.css', '/font.woff2']) {
      assert.ok(!paths.includes(blocked), `${blocked} must stay blocked: ${paths}`);
    }
    assert.deepEqual(problemsBesidesCsp(page), []);
  } finally {
    await context.close();
  }
});

test('Always show images from <sender> is remembered for that sender only', async () => {
  const context = await browser.newContext();
  const requests = [];
  await context.route(`${TRACKER}/**`, (route) => {
    requests.push(route.request().url());
    return route.fulfill({ status: 200, contentType: 'image/gif', body: GIF });
  });
  try {
    const page = await newPage(context);
    await openApp(page, `${server.url}/`);
    await switchUser(page, 'Tomasz Kowalski — Admin');
    const html = `<p>Hello</p><img src="${TRACKER}/pixel.gif" alt="">`;
    const first = `Trusted sender ${randomUUID().slice(0, 6)}`;
    let thread = await importAndOpen(page, server.url, receivedEmail({ subject: first, html, fromAddress: 'trusted@fjordtrail.example' }), first);
    const notice = thread.getByRole('note').filter({ hasText: 'Remote images are blocked' });
    await notice.getByRole('button', { name: 'Always show images from trusted@fjordtrail.example' }).click();
    await notice.waitFor({ state: 'hidden' });
    await page.waitForTimeout(500);
    assert.ok(requests.length > 0, 'images load after Always show');

    // Another message from the same sender: images load at once, no notice.
    requests.length = 0;
    const second = `Trusted again ${randomUUID().slice(0, 6)}`;
    thread = await importAndOpen(page, server.url, receivedEmail({ subject: second, html, fromAddress: 'trusted@fjordtrail.example' }), second);
    await page.frameLocator('iframe.sb-msg__frame').getByText('Hello').waitFor();
    await page.waitForTimeout(500);
    assert.equal(await thread.getByText('Remote images are blocked').count(), 0);
    assert.ok(requests.length > 0, 'remembered for the sender');

    // A different sender is still blocked.
    requests.length = 0;
    const third = `Stranger ${randomUUID().slice(0, 6)}`;
    thread = await importAndOpen(page, server.url, receivedEmail({ subject: third, html, fromAddress: 'stranger@elsewhere.example' }), third);
    await thread.getByText('Remote images are blocked').waitFor();
    await page.waitForTimeout(500);
    assert.deepEqual(requests, []);
    assert.deepEqual(problemsBesidesCsp(page), []);
  } finally {
    await context.close();
  }
});

test('senders imitating an address, mixing alphabets or hiding characters are flagged', async () => {
  const context = await browser.newContext();
  try {
    const page = await newPage(context);
    await openApp(page, `${server.url}/`);
    await switchUser(page, 'Tomasz Kowalski — Admin');
    const cases = [
      { fromName: 'paypal@paypal.com', fromAddress: 'evil@phish.example', warning: "Warning: the sender's name imitates another address" },
      { fromName: 'P\u0430yPal Support', fromAddress: 'billing@phish.example', warning: "Warning: the sender's name mixes alphabets" },
      { fromName: 'Bank\u200B Team', fromAddress: 'team@phish.example', warning: "Warning: the sender's name contains invisible characters" },
      { fromName: 'Invoice \u202Efdp.exe', fromAddress: 'inv@phish.example', warning: 'text-direction controls', shown: 'Invoice [U+202E]fdp.exe' },
      { fromName: 'PayPal', fromAddress: 'service@xn--pypal-4ve.com', warning: "Warning: the sender's address mixes alphabets" },
    ];
    for (const c of cases) {
      const subject = `Account notice ${randomUUID().slice(0, 6)}`;
      const thread = await importAndOpen(page, server.url, receivedEmail({ subject, html: '<p>Verify your account.</p>', ...c }), subject);
      await thread.getByRole('note').filter({ hasText: c.warning }).waitFor();
      if (c.shown) await thread.getByText(c.shown).first().waitFor();
    }
    // A plain sender gets no warning.
    const subject = `Plain ${randomUUID().slice(0, 6)}`;
    const thread = await importAndOpen(page, server.url, receivedEmail({ subject, html: '<p>Hi</p>' }), subject);
    await page.frameLocator('iframe.sb-msg__frame').getByText('Hi').waitFor();
    assert.equal(await thread.getByRole('note').filter({ hasText: 'Warning' }).count(), 0);
    assert.deepEqual(problemsBesidesCsp(page), []);
  } finally {
    await context.close();
  }
});
