// Helpers for the hostile-input tests (xss*.test.mjs, header-injection.test.mjs): received
// emails built on the fly and imported through **Import email**, opening their thread, and
// traps that record anything a payload could make happen (dialogs, requests leaving the app's
// origin, navigations, CSP violations, script execution in any frame).

import { randomUUID } from 'node:crypto';

export const SUPPORT_ADDRESS = 'support@northwind.example';

/** RFC 2047 encoded-word for any header text. */
export function encodeWord(text) {
  return `=?utf-8?B?${Buffer.from(text, 'utf8').toString('base64')}?=`;
}

/**
 * A received .eml (file payload for setInputFiles) to the Support team address, unique per call.
 * `html` becomes a text/html part (base64, so any bytes survive), `fromName` is encoded.
 */
export function receivedEmail({ subject, html, text = 'See the HTML part.', fromName = 'Henrik Dahl', fromAddress = 'henrik.dahl@fjordtrail.example' }) {
  const id = randomUUID();
  const boundary = `b-${id}`;
  const lines = [
    `From: ${encodeWord(fromName)} <${fromAddress}>`,
    `To: Northwind Support <${SUPPORT_ADDRESS}>`,
    `Subject: ${encodeWord(subject)}`,
    `Message-ID: <${id}@fjordtrail.example>`,
    'Date: Thu, 19 Nov 2026 09:15:00 +0100',
    'MIME-Version: 1.0',
    `Content-Type: multipart/alternative; boundary="${boundary}"`,
    '',
    `--${boundary}`,
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: base64',
    '',
    Buffer.from(text, 'utf8').toString('base64').replace(/.{76}/g, '$&\r\n'),
    `--${boundary}`,
    'Content-Type: text/html; charset=utf-8',
    'Content-Transfer-Encoding: base64',
    '',
    Buffer.from(html, 'utf8').toString('base64').replace(/.{76}/g, '$&\r\n'),
    `--${boundary}--`,
    '',
  ];
  return { name: `hostile-${id.slice(0, 8)}.eml`, mimeType: 'message/rfc822', buffer: Buffer.from(lines.join('\r\n')) };
}

/** Imports `email` in the Inbox workspace of Support and opens its thread. */
export async function importAndOpen(page, baseUrl, email, subject) {
  await page.goto(`${baseUrl}/inbox/all-open?inbox=inbox-support`);
  await page.getByRole('heading', { level: 1, name: 'Inbox' }).waitFor();
  await page.getByLabel('Import email').setInputFiles(email);
  await page.getByRole('region', { name: 'Import results' })
    .getByRole('listitem').filter({ hasText: email.name }).waitFor();
  await page.goto(`${baseUrl}/inbox/all-open?inbox=inbox-support`);
  await page.getByRole('list', { name: 'Conversations' })
    .getByRole('link', { name: new RegExp(escapeRegExp(subject.slice(0, 30))) }).first().click();
  const thread = page.getByRole('region', { name: 'Conversation' });
  await thread.getByRole('heading', { level: 2 }).waitFor();
  return thread;
}

export function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Installs traps on `context` (every page and frame of it): dialog functions and a marker
 * that any script in any frame would set, CSP violation listeners, and records of dialogs,
 * requests to other origins, popups and top-level navigations. Returns the record.
 */
export async function installTraps(context, appOrigin) {
  const fired = { dialogs: [], foreignRequests: [], navigations: [], popups: [], scripts: [], violations: [] };
  await context.exposeBinding('__sbTrap', ({ frame }, kind, detail) => {
    const where = frame?.url() ?? '?';
    if (kind === 'violation') fired.violations.push(`${detail} in ${where}`);
    else fired.scripts.push(`${kind}: ${detail} in ${where}`);
  });
  await context.addInitScript(() => {
    // Runs in every frame where scripts can run; a sandboxed mail frame without allow-scripts
    // never runs it, which is the point: any call below means script ran somewhere it must not.
    const report = (kind, detail) => { try { window.__sbTrap(kind, String(detail)); } catch { /* binding missing */ } };
    for (const name of ['alert', 'confirm', 'prompt', 'print']) {
      window[name] = (...args) => report(name, args.join(' '));
    }
    document.addEventListener('securitypolicyviolation', (event) => {
      report('violation', `${event.violatedDirective} blocked ${event.blockedURI}`);
    });
  });
  // Every request that would leave for another origin is recorded and aborted. A route handler
  // runs only for requests that really go to the network; page 'request' events also include
  // loads a frame's CSP blocked before sending (ERR_BLOCKED_BY_CSP), which are not leaks.
  await context.route((url) => !url.href.startsWith(appOrigin), (route) => {
    fired.foreignRequests.push(`${route.request().resourceType()} ${route.request().url()}`);
    return route.abort();
  });
  const watch = (page) => {
    page.on('dialog', (dialog) => { fired.dialogs.push(dialog.message()); dialog.dismiss().catch(() => {}); });
    page.on('framenavigated', (frame) => {
      // The mail frames load about:srcdoc; anything else (a javascript:/data:/remote
      // navigation of a frame or of the app) is a navigation a payload caused.
      const url = frame.url();
      if (!url.startsWith(appOrigin) && url !== 'about:srcdoc' && url !== 'about:blank') {
        fired.navigations.push(url);
      }
    });
  };
  context.on('page', (page) => {
    if (fired.watching) fired.popups.push(page.url());
    watch(page);
  });
  fired.start = () => { fired.watching = true; };
  return fired;
}

/** The trap record without the helpers, for assertions. */
export function firedSummary(fired) {
  const { dialogs, foreignRequests, navigations, popups, scripts, violations } = fired;
  return { dialogs, foreignRequests, navigations, popups, scripts, violations };
}
