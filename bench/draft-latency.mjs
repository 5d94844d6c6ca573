// Keystroke → committed latency of drafts (SPEC §7: durable within 300 ms of the last
// keystroke). Types KEYSTROKES characters (default 1,000) into a Reply composer in bursts of 20
// keys 40 ms apart with a 400 ms pause between bursts, and for every keystroke measures the
// time until a committed IndexedDB draft write contains it (every keystroke, and the last one
// before each pause, which is what SPEC §7 bounds; the debounce's 200 ms max wait bounds the
// others). Commits are observed through the
// debug build's `window.__sbDraftCommits` log (written by services::drafts after the write
// transaction completed), so this needs a DEBUG `trunk build`. Prints p50 / p95 / max.
//
//   DIST_DIR=dist node bench/draft-latency.mjs        (not part of the test command)

import { readFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { distDir } from '../tests/e2e/support/paths.mjs';
import { startServer } from '../tests/e2e/support/server.mjs';
import {
  launchPersistent,
  makeProfileDir,
  newPage,
  openApp,
  removeProfileDir,
} from '../tests/e2e/support/browser.mjs';

const KEYSTROKES = Number(process.env.KEYSTROKES ?? 1000);
const BURST = 20;
const KEY_GAP_MS = 40;
const PAUSE_MS = 400;

function percentile(sorted, p) {
  const i = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, i)];
}

const server = await startServer({ root: distDir });
const dir = await makeProfileDir();
const context = await launchPersistent(dir);
try {
  const page = await newPage(context);
  // A Support conversation without the sanitiser's samples (a <script> or a remote image in a
  // message), as the drafts e2e test picks them (on conv-001 the editor lost the focus after the
  // first keystroke in this run, before and after the drafts change; not investigated here).
  const demo = JSON.parse(await readFile(join(distDir, 'demo', 'workspace.json'), 'utf8'));
  const scripted = new Set(demo.messages
    .filter((m) => /<script|src=["']?https?:/i.test(m.html_body ?? ''))
    .map((m) => m.conversation));
  const conv = demo.conversations
    .find((c) => c.inbox === 'inbox-support' && !c.trashed_at && !scripted.has(c.id));
  const area = conv.area === 'help_desk' ? 'help-desk' : 'inbox';
  await openApp(page, `${server.url}/${area}/conversations/${conv.id}?inbox=inbox-support`);
  const box = page.getByRole('region', { name: 'Reply' }).getByRole('textbox', { name: 'Message' });
  await box.waitFor();
  if (!(await page.evaluate(() => Array.isArray(window.__sbDraftCommits)))) {
    throw new Error('window.__sbDraftCommits is missing: build with a DEBUG `trunk build`.');
  }
  await page.evaluate(() => {
    window.__benchKeys = [];
    document.addEventListener('input', (event) => {
      if (event.target.getAttribute?.('aria-label') === 'Message') {
        window.__benchKeys.push({ at: Date.now(), len: event.target.textContent.length });
      }
    }, true);
  });
  await box.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.evaluate(() => { window.__benchKeys.length = 0; window.__sbDraftCommits.length = 0; });
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  for (let typed = 0; typed < KEYSTROKES; typed += BURST) {
    const n = Math.min(BURST, KEYSTROKES - typed);
    let burst = '';
    for (let i = 0; i < n; i += 1) burst += letters[(typed + i) % letters.length];
    // The caret goes back to the end of the body before each burst: the page may take focus
    // while it settles after the first load (lazy chunks, list), and keys typed outside the
    // editor would be shortcuts, not draft edits.
    await box.focus();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(burst, { delay: KEY_GAP_MS });
    await page.waitForTimeout(PAUSE_MS);
  }
  await page.waitForTimeout(1000);
  const result = await page.evaluate(() => {
    const parser = new DOMParser();
    const commits = window.__sbDraftCommits
      .filter((c) => c.key.includes('|reply'))
      .map((c) => ({ at: c.at, len: parser.parseFromString(c.body, 'text/html').body.textContent.length }));
    const latencies = [];
    const lastOfBurst = [];
    let missing = 0;
    const keys = window.__benchKeys;
    keys.forEach((key, i) => {
      const commit = commits.find((c) => c.at >= key.at && c.len >= key.len);
      if (!commit) {
        missing += 1;
        return;
      }
      latencies.push(commit.at - key.at);
      // The last keystroke before a pause: SPEC §7's "within 300 ms of the last keystroke".
      if (i === keys.length - 1 || keys[i + 1].at - key.at >= 300) lastOfBurst.push(commit.at - key.at);
    });
    return { latencies, lastOfBurst, missing, commits: commits.length, keys: keys.length };
  });
  const sorted = result.latencies.sort((a, b) => a - b);
  console.log(`keystrokes: ${result.keys}, committed writes: ${result.commits}, never committed: ${result.missing}`);
  console.log(`keystroke → committed: p50 ${percentile(sorted, 50)} ms, p95 ${percentile(sorted, 95)} ms, max ${sorted[sorted.length - 1]} ms`);
  const last = result.lastOfBurst.sort((a, b) => a - b);
  console.log(`last keystroke of a burst → committed: p50 ${percentile(last, 50)} ms, p95 ${percentile(last, 95)} ms, max ${last[last.length - 1]} ms`);
  console.log(`(typing: bursts of ${BURST} keys ${KEY_GAP_MS} ms apart, ${PAUSE_MS} ms pauses)`);
  // The numbers depend on how busy the machine is: say so next to them.
  console.log(`(machine: ${cpus().length} cores, load average ${loadavg().map((l) => l.toFixed(1)).join(' / ')} over 1 / 5 / 15 min)`);
} finally {
  await context.close();
  await removeProfileDir(dir);
  await server.close();
}
