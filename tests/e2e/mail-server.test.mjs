// SPEC §9 with a real mail server: Cyrus IMAP (JMAP) started by scripts/mailserver.sh on
// 127.0.0.1, reached same-origin through the test server's proxy, with an SMTP sink standing in
// for the outgoing relay. A customer email delivered by LMTP appears in Switchboard; replies
// leave through JMAP and the sink's captured message (read from disk, independently of the
// app) has exactly the expected From and In-Reply-To, for the default From and for a
// deliberately chosen one; Verify address works with the code read from the delivered email;
// with the relay stopped a send stays in the Outbox with the server's reason and is delivered
// by Retry once the relay is back. If the mail server cannot be started this FAILS (no skip).

import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readdir, readFile, writeFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { after, before, test } from 'node:test';
import { distDir } from './support/paths.mjs';
import { startServer } from './support/server.mjs';
import { launchBrowser, newPage, openApp, pageProblems } from './support/browser.mjs';
import { switchUser } from './support/app.mjs';

const run = promisify(execFile);
const SCRIPT = new URL('../../scripts/mailserver.sh', import.meta.url).pathname;
const TEAM = 'support@northwind.example';
// How long a step that waits for the app's background mail round may take: a round starts
// every 4 s and, on a loaded 2-core machine, one took well over 15 s (CI, 2026-11-23).
const POLL_WAIT_MS = 60_000;

let server;
let browser;
let env = {};
let startedHere = false;
let scratch;

async function mailserver(...args) {
  const { stdout } = await run('bash', [SCRIPT, ...args], { timeout: 240_000 });
  return stdout;
}

before(async () => {
  // test.sh may have started it already; otherwise this file starts (and later stops) it.
  startedHere = !(await mailserver('status').then(() => true, () => false));
  await mailserver('start');
  for (const line of (await mailserver('env')).split('\n')) {
    const at = line.indexOf('=');
    if (at > 0) env[line.slice(0, at)] = line.slice(at + 1);
  }
  assert.ok(env.MAILSERVER_HTTP_URL, 'mailserver.sh env names the JMAP server');
  const backend = `${env.MAILSERVER_HTTP_URL}/jmap`;
  server = await startServer({
    root: distDir,
    proxy: { '/jmap': backend, '/.well-known/jmap': backend },
  });
  browser = await launchBrowser();
  scratch = await mkdtemp(join(tmpdir(), 'sb-mail-'));
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (scratch) await rm(scratch, { recursive: true, force: true });
  // The relay is always left running for whoever comes next.
  await mailserver('relay-start').catch(() => {});
  if (startedHere) await mailserver('stop').catch(() => {});
});

/** Captured messages whose raw text matches `pattern`, oldest first. */
async function captured(pattern) {
  const dir = env.MAILSERVER_SINK_DIR;
  const names = (await readdir(dir)).filter((n) => n.endsWith('.json')).sort();
  const out = [];
  for (const name of names) {
    const raw = await readFile(join(dir, name.replace(/\.json$/, '.eml')), 'utf8');
    if (pattern.test(raw)) {
      out.push({ raw, envelope: JSON.parse(await readFile(join(dir, name), 'utf8')) });
    }
  }
  return out;
}

async function waitForCaptured(pattern, timeout = POLL_WAIT_MS) {
  const until = Date.now() + timeout;
  for (;;) {
    const found = await captured(pattern);
    if (found.length > 0) return found[found.length - 1];
    if (Date.now() > until) throw new Error(`the relay never received a message matching ${pattern}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

function header(raw, name) {
  const m = raw.match(new RegExp(`^${name}: (.*)\\r?$`, 'mi'));
  return m ? m[1].trim() : null;
}

async function deliverCustomerEmail(tag, subject) {
  const file = join(scratch, `${tag}.eml`);
  await writeFile(file, [
    'From: Alex Customer <alex@customer.example>',
    `To: Northwind Support <${TEAM}>`,
    `Subject: ${subject}`,
    `Message-ID: <order-${tag}@customer.example>`,
    `Date: ${new Date().toUTCString().replace('GMT', '+0000')}`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    '',
    'Hello, my order has not arrived yet. Can you check?',
    '',
  ].join('\r\n'));
  await mailserver('deliver', TEAM, file);
}

/** Opens the reply box of the conversation `subject` (it arrives through polling). */
async function openConversation(page, subject) {
  await openApp(page, `${server.url}/inbox/all-open?inbox=inbox-support`);
  const link = page.getByRole('list', { name: 'Conversations' }).getByRole('link', { name: new RegExp(subject) });
  await link.waitFor({ timeout: POLL_WAIT_MS });
  await link.click();
  return page.getByRole('region', { name: 'Reply' });
}

async function sendReply(reply, text, fromLabel) {
  if (fromLabel) {
    await reply.getByRole('button', { name: 'Show recipients' }).click();
    await reply.getByLabel('From', { exact: true }).selectOption({ label: fromLabel });
  }
  await reply.getByRole('textbox', { name: 'Message' }).fill(text);
  await reply.getByRole('button', { name: 'Send', exact: true }).click();
}

/** The Outbox item whose message (its raw text included) contains `text`. */
function outboxItem(page, text) {
  return page.getByRole('list', { name: 'Outbox messages' }).getByRole('listitem')
    .filter({ hasText: text });
}

/**
 * Opens the Outbox view inside the app: a page load now could cut a submission in flight
 * (its answer would never arrive), so this navigates without one.
 */
async function showOutbox(page) {
  await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: /Outbox/ }).click();
  await page.getByRole('list', { name: 'Outbox messages' }).waitFor();
}

/** The Outbox marks the item delivered once the server accepted it. */
async function waitDelivered(page, text) {
  await showOutbox(page);
  await outboxItem(page, text).getByText('Delivered', { exact: true }).waitFor({ timeout: POLL_WAIT_MS });
}

test('a real mail server: receive, reply with the right From, verify an address, survive a relay outage', async () => {
  const tag = `${Date.now()}`;
  const subject = `Order ${tag} has not arrived`;
  const context = await browser.newContext();
  try {
    const page = await newPage(context);

    // Settings › Mail server (as the super admin): the team mailbox serves the Support team
    // email channel and the Support fallback email.
    await openApp(page, `${server.url}/settings/mail-server`);
    // A refused URL is said next to the field, which is marked invalid.
    await page.getByLabel('JMAP session URL').fill('ftp://mail.example');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.locator('#mail-url-error').filter({ hasText: /\S/ }).waitFor();
    assert.equal(await page.getByLabel('JMAP session URL').getAttribute('aria-invalid'), 'true');
    await page.getByLabel('JMAP session URL').fill('/.well-known/jmap');
    const team = page.getByRole('group', { name: /Team email: Northwind Support <support@northwind\.example>/ });
    await team.getByLabel('Account').fill(TEAM);
    // A wrong password is reported in plain words (and never raises the browser's prompt).
    await team.getByLabel('Password').fill('not-the-password');
    const results = page.getByRole('list', { name: 'Connection test' });
    await page.getByRole('button', { name: 'Test connection' }).click();
    await results.getByText('support@northwind.example: The mail server did not accept this account and password.').waitFor();
    await team.getByLabel('Password').fill(env.MAILSERVER_PASSWORD);
    const fallback = page.getByRole('group', { name: /Fallback email: .*<support@northwind\.inbox\.example>/ });
    await fallback.getByLabel('Account').fill(TEAM);
    await page.getByRole('button', { name: 'Test connection' }).click();
    await results.getByText(/support@northwind\.example: connected\..*submission/).waitFor();
    await page.getByLabel('Remember on this device').check();
    await page.getByText(/Warning: the passwords will be stored unencrypted/).waitFor();
    await page.getByLabel('Remember on this device').uncheck();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Mail server settings saved.').waitFor();

    // Inbound: a customer email delivered into the team mailbox shows up as a conversation.
    await deliverCustomerEmail(tag, subject);
    let reply = await openConversation(page, subject);
    await page.getByText('Hello, my order has not arrived yet.').first().waitFor();

    // Reply with the default From: the relay gets exactly that From and the right In-Reply-To.
    await reply.getByRole('button', { name: 'Show recipients' }).click();
    const shown = await reply.getByLabel('From', { exact: true })
      .evaluate((s) => s.selectedOptions[0]?.textContent.trim());
    assert.equal(shown, 'Northwind Support <support@northwind.example>');
    await reply.getByRole('button', { name: 'Hide recipients' }).click();
    await sendReply(reply, `Hello Alex, order ${tag} ships today.`);
    let got = await waitForCaptured(new RegExp(`order ${tag} ships today`));
    assert.equal(header(got.raw, 'From'), 'Northwind Support <support@northwind.example>');
    assert.equal(header(got.raw, 'In-Reply-To'), `<order-${tag}@customer.example>`);
    assert.equal(header(got.raw, 'Subject'), `Re: ${subject}`);
    assert.deepEqual(got.envelope.rcpt_to, ['alex@customer.example']);
    assert.equal(got.envelope.mail_from, TEAM);
    await waitDelivered(page, `order ${tag} ships today`);

    // A deliberately chosen From leaves exactly as chosen.
    reply = await openConversation(page, subject);
    const chosen = 'Maria Popescu from Northwind Support <support@northwind.inbox.example>';
    await sendReply(reply, `A colleague will follow up on ${tag}.`, chosen);
    got = await waitForCaptured(new RegExp(`follow up on ${tag}`));
    assert.equal(header(got.raw, 'From'), chosen);
    assert.equal(header(got.raw, 'In-Reply-To') !== null, true);
    assert.equal(got.envelope.mail_from, 'support@northwind.inbox.example');
    await waitDelivered(page, `follow up on ${tag}`);

    // Verify address: the one-time code travels through the server; read it from the relay.
    const custom = `help-${tag}@northwind.example`;
    await openApp(page, `${server.url}/settings/inboxes?inbox=inbox-support`);
    await page.getByRole('button', { name: 'Edit fallback email' }).click();
    let dialog = page.getByRole('dialog', { name: 'Fallback email' });
    await dialog.getByRole('radio', { name: 'Customize from address' }).check();
    await dialog.getByLabel('Custom from address').fill(custom);
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.getByRole('button', { name: 'Verify address' }).click();
    await dialog.getByText(`We sent a code to ${custom}`).waitFor();
    got = await waitForCaptured(new RegExp(`To: <?${custom.replace(/\./g, '\\.')}`));
    assert.equal(header(got.raw, 'From'), 'Northwind Support <support@northwind.inbox.example>');
    const code = got.raw.match(/verification code is (\d{6})/)[1];
    await dialog.getByLabel('Verification code').fill(code);
    await dialog.getByRole('button', { name: 'Verify', exact: true }).click();
    await dialog.getByText('Verified', { exact: true }).waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    // Relay down: the send stays in the Outbox with the server's reason; Retry delivers it.
    await mailserver('relay-stop');
    reply = await openConversation(page, subject);
    await sendReply(reply, `Sent while the relay was down (${tag}).`);
    await showOutbox(page);
    const item = outboxItem(page, `relay was down (${tag})`);
    const downText = new RegExp(`relay was down \\(${tag}\\)`);
    await item.getByText(/Not delivered: The mail server did not send the message: .*serverFail/)
      .waitFor({ timeout: POLL_WAIT_MS }).catch(async (e) => {
        // Say what the Outbox showed instead, and whether the relay got it after all.
        const shown = (await item.allInnerTexts()).join(' || ') || '(no item)';
        const status = await page.getByRole('status').allInnerTexts().catch(() => []);
        const got = (await captured(downText)).length;
        throw new Error(`${e.message}\nthe Outbox item showed: ${shown}\nstatus: ${status.join(' | ')}\ncaptured by the relay: ${got}`);
      });
    assert.equal((await captured(downText)).length, 0);
    await mailserver('relay-start');
    await item.getByRole('button', { name: /Retry/ }).click();
    got = await waitForCaptured(downText);
    assert.equal(header(got.raw, 'From'), 'Northwind Support <support@northwind.example>');
    assert.equal(header(got.raw, 'In-Reply-To') !== null, true);
    await item.getByText('Delivered', { exact: true }).waitFor({ timeout: POLL_WAIT_MS });

    // Only admins edit the settings; a rep sees them read-only, with the reason.
    await openApp(page, `${server.url}/settings/mail-server`);
    await switchUser(page, 'Giulia Rossi — User');
    assert.ok(await page.getByRole('button', { name: 'Save' }).isDisabled());
    assert.ok(await page.getByLabel('JMAP session URL').isDisabled());
    assert.equal(await page.getByRole('group', { name: /Team email: Northwind Support/ }).getByLabel('Account')
      .inputValue(), TEAM);

    // The browser logs the deliberate wrong-password 401 itself; nothing else may appear.
    const problems = pageProblems(page).filter((p) => !/status of 401 .*\/\.well-known\/jmap/.test(p));
    assert.deepEqual(problems, [], `the page reported errors:\n${problems.join('\n')}`);
  } finally {
    await context.close();
  }
});
