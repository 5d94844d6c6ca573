// Interleaved A/B of two release builds on the bench data, for judging a change on this noisy
// machine (two whole bench runs minutes apart differ more than most changes do):
//
//   node bench/ab.mjs DIST_A DIST_B [--rounds 2]   (an even number of rounds)
//
// Each round starts a fresh browser per build (A then B, then B then A), seeds the 10,000 conversations
// through the app, and measures in the same minutes: 10 reloads (first row painted and the
// app's `sb:list-page`), 10 opens each of the 100-message thread and a short one, and 16
// Assignee filters. Prints each build's median and p90 per measure, and the main thread's
// work (CPU time of the page's tasks, from the browser's own counters: steadier on this VM
// than wall-clock times, which also hold waits for storage, frames and other processes) per
// reload up to the first row and per filter up to its paint. Build with
// `trunk build --release --dist DIR` (the bench adds nothing to a dist for this).

import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../tests/e2e/support/browser.mjs';
import { startServer } from '../tests/e2e/support/server.mjs';
import { benchWorkspace, LONG_THREAD } from './data.mjs';
import { APPLY_FILTER, OPEN_THREAD, PROBES, endSeeding, firstRowAt, median, quantile, settled } from './steps.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const dists = args.filter((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
if (dists.length !== 2) {
  console.error('usage: node bench/ab.mjs DIST_A DIST_B [--rounds N]');
  process.exit(2);
}
const ROUNDS = Number(option('--rounds', 2));
const SHORT_THREAD = 'conv-bench-00000';

const results = new Map(dists.map((d) => [d, {}]));
const add = (dist, what, value) => (results.get(dist)[what] ??= []).push(value);

// The renderer's cumulative CPU time of its main-thread tasks and of script in them (ms; CDP
// Performance metrics in thread ticks). They restart with each document.
async function work(cdp) {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const value = (name) => (metrics.find((m) => m.name === name)?.value ?? NaN) * 1000;
  return { task: value('TaskDuration'), script: value('ScriptDuration') };
}

async function measure(dist) {
  const root = resolve(dist);
  const server = await startServer({ root });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await context.addInitScript(PROBES);
    const workspace = JSON.stringify(await benchWorkspace(root));
    await context.route('**/demo/workspace.json', (route) =>
      route.fulfill({ status: 200, contentType: 'application/json', body: workspace }));
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    await firstRowAt(page, () => page.goto(`${server.url}/inbox/all-open?inbox=inbox-support`));
    await endSeeding(page);
    for (let i = 0; i < 10; i += 1) {
      await settled(page);
      await page.evaluate(() => performance.clearMeasures());
      add(dist, 'open inbox → first row (ms)', await firstRowAt(page, () => page.reload()));
      const used = await work(cdp);
      add(dist, 'reload → first row: main-thread work (ms CPU)', used.task);
      add(dist, 'reload → first row: script (ms CPU)', used.script);
      const read = await page.evaluate(() => performance.getEntriesByName('sb:list-page')[0]?.duration);
      if (read !== undefined) add(dist, 'first 50 rows, sb:list-page (ms)', read);
    }
    await settled(page);
    for (let i = 0; i < 3; i += 1) {
      await page.evaluate(OPEN_THREAD, LONG_THREAD);
      await page.evaluate(OPEN_THREAD, SHORT_THREAD);
    }
    for (let i = 0; i < 10; i += 1) {
      add(dist, 'open the 100-message thread (ms)', await page.evaluate(OPEN_THREAD, LONG_THREAD));
      add(dist, 'open a short thread (ms)', await page.evaluate(OPEN_THREAD, SHORT_THREAD));
    }
    await firstRowAt(page, () => page.goto(`${server.url}/inbox/all-open?inbox=inbox-support`));
    await settled(page);
    for (let i = 0; i < 8; i += 1) {
      for (const value of ['u-giulia', '']) {
        const before = await work(cdp);
        add(dist, 'Assignee filter → paint (ms)', (await page.evaluate(APPLY_FILTER, { label: 'Assignee', value })).ms);
        const after = await work(cdp);
        add(dist, 'filter: main-thread work (ms CPU)', after.task - before.task);
        add(dist, 'filter: script (ms CPU)', after.script - before.script);
        await page.waitForTimeout(300);
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

// A, B in odd rounds and B, A in even ones: the build measured second in a round was slower by
// 5–15 ms on every step in session 12 whichever it was (run it with even rounds).
for (let round = 1; round <= ROUNDS; round += 1) {
  for (const dist of round % 2 === 1 ? dists : [...dists].reverse()) {
    console.log(`round ${round}: ${dist}`);
    await measure(dist);
  }
}

for (const what of Object.keys(results.get(dists[0]))) {
  console.log(`\n${what}`);
  for (const dist of dists) {
    const xs = results.get(dist)[what] ?? [];
    console.log(`  ${dist.padEnd(40)} median ${median(xs).toFixed(1).padStart(6)}  p90 ${quantile(xs, 0.9).toFixed(1).padStart(6)}  n ${xs.length}`);
  }
}
