#!/usr/bin/env node
// Figures, before and after each change, with the conditions they were taken in:
// bench/RESULTS.md.
// Switchboard benchmarks (issue 9). Builds the release app (unless --no-build), serves it on
// 127.0.0.1, drives headless Chromium with playwright-core and prints one table of median and
// p95 figures against the budgets, with a plain-JavaScript baseline (bench/baseline.html)
// measured in the same run on the same IndexedDB data. Not part of the test command: timings
// depend on the machine; only bundle bytes are enforced, by scripts/bundle-size.mjs.
//
//   node bench/run.mjs [--no-build] [--runs N] [--dist DIR] [--debug-dist DIR]
//   (bash scripts/bench.sh [same options] installs what is missing first, as the test command)
//
// P1 initial load bytes and navigation → first inbox row painted (demo workspace).
// P3 10,000 conversations: open the inbox and apply a filter → next paint, rows mounted,
//    longest task while scrolling 5 s; the same on the baseline page; ratio.
// P4 keystroke → next paint in the reply composer of a 100-message thread quoting 50 KB (the
//    browser's Event Timing; the paint probe's figure beside it); select a conversation →
//    thread painted (data already stored).
// P5 search over 10,000 conversations: the query put in **Search conversations** → the
//    results' count and first row painted (a contact's name and number, an order number,
//    a subject word and number; the product goal is 100 ms, FreeScout takes ~1.7 s).
// P6 JS heap + wasm memory after load, after browsing 10,000 conversations, and the growth
//    over 50 open/close cycles.
// P7 first 50 rows read from IndexedDB (the app's own measure `sb:list-page`), and draft
//    keystroke → committed to IndexedDB (p95; bench/draft-latency.mjs on a debug build, which
//    --no-build takes from --debug-dist, default target/bench-dist-debug).

import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve, extname } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import { cpus, totalmem } from 'node:os';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../tests/e2e/support/browser.mjs';
import { startServer } from '../tests/e2e/support/server.mjs';
import { repoRoot } from '../tests/e2e/support/paths.mjs';
import { benchWorkspace, LONG_THREAD } from './data.mjs';
import { APPLY_FILTER, OPEN_THREAD, PROBES, endSeeding, firstRowAt, median, quantile, settled } from './steps.mjs';

const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const RUNS = Number(option('--runs', 7));
const dist = resolve(repoRoot, option('--dist', 'target/bench-dist'));

// ---------------------------------------------------------------------------------------------
// Statistics and the table.

const rows = [];
function record(id, what, values, unit, budget, { lowerIsBetter = true } = {}) {
  const xs = Array.isArray(values) ? values : [values];
  const m = median(xs);
  const p95 = quantile(xs, 0.95);
  let verdict = '';
  if (budget !== undefined && Number.isFinite(m)) {
    const over = lowerIsBetter ? p95 > budget : p95 < budget;
    verdict = over ? `OVER (${fmt(budget, unit)} ${unit})` : `ok (${fmt(budget, unit)} ${unit})`;
  }
  rows.push([id, what, fmt(m, unit), fmt(p95, unit), unit, verdict, xs.length]);
  console.log(`  ${id} ${what}: median ${fmt(m, unit)} ${unit}, p95 ${fmt(p95, unit)} ${unit} ${verdict}`);
}
// Ratios with two decimals: their budget is 1.35, which one decimal would print as 1.4.
const fmt = (x, unit) => (!Number.isFinite(x) ? '–'
  : unit === '×' ? x.toFixed(2) : Math.abs(x) >= 100 ? x.toFixed(0) : x.toFixed(1));
function printTable() {
  const head = ['id', 'measure', 'median', 'p95', 'unit', 'budget', 'n'];
  const all = [head, ...rows.map((r) => r.map(String))];
  const width = head.map((_, c) => Math.max(...all.map((r) => r[c].length)));
  const line = (r) => r.map((cell, c) => cell.padEnd(width[c])).join('  ');
  console.log(`\nSwitchboard benchmarks — ${new Date().toISOString().slice(0, 10)}, ` +
    `${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, ` +
    `Chromium headless, unthrottled`);
  console.log(line(head));
  console.log(width.map((w) => '-'.repeat(w)).join('  '));
  for (const r of all.slice(1)) console.log(line(r));
}

// ---------------------------------------------------------------------------------------------
// Build and serve.

// Steps that cost well under a second are repeated more: with 10 samples a p95 is the slowest
// one, and a single slow sample on this shared 2-core machine decided the verdict.
const SAMPLES = RUNS * 3;
const debugDist = resolve(repoRoot, option('--debug-dist', 'target/bench-dist-debug'));
if (!flag('--no-build')) {
  console.log(`bench: trunk build --release --dist ${dist}`);
  execFileSync('trunk', ['build', '--release', '--dist', dist], { cwd: repoRoot, stdio: 'inherit' });
  console.log(`bench: trunk build --dist ${debugDist} (debug, for the draft commit log)`);
  execFileSync('trunk', ['build', '--dist', debugDist], { cwd: repoRoot, stdio: 'inherit' });
}
if (!existsSync(join(dist, 'index.html'))) {
  console.error(`bench: ${dist}/index.html not found (build first or drop --no-build)`);
  process.exit(2);
}
// The baseline page uses the app's own stylesheets, so both render identical rows. Its script
// is served like the app's code: named after its content, so the browser may keep it (the
// test server's cacheControl); the page itself, like index.html, is fetched each time.
const appCss = readdirSync(dist).filter((f) => f.endsWith('.css'));
const baselineJs = readFileSync(join(repoRoot, 'bench', 'baseline.js'));
const baselineJsName = `bench-baseline-${createHash('sha256').update(baselineJs).digest('hex').slice(0, 16)}.js`;
const baselineHtml = readFileSync(join(repoRoot, 'bench', 'baseline.html'), 'utf8')
  .replace('<!-- app-css -->', appCss.map((f) => `<link rel="stylesheet" href="/${f}">`).join('\n'))
  .replace('/bench-baseline.js', `/${baselineJsName}`);
writeFileSync(join(dist, 'bench-baseline.html'), baselineHtml);
writeFileSync(join(dist, baselineJsName), baselineJs);

const server = await startServer({ root: dist });
const browser = await chromium.launch({
  executablePath: CHROMIUM_PATH,
  headless: true,
  args: [...CHROMIUM_ARGS, '--enable-precise-memory-info'],
});

async function newContext(workspace) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript(PROBES);
  if (workspace) {
    await context.route('**/demo/workspace.json', (route) =>
      route.fulfill({ status: 200, contentType: 'application/json', body: workspace }));
  }
  return context;
}

async function memory(page) {
  // Trunk's start event carries the wasm exports; it fires once the module has started.
  await page.waitForFunction(() => window.__bench?.wasm?.memory, null, { timeout: 10_000 })
    .catch(() => console.log('  (no wasm memory: TrunkApplicationStarted not seen)'));
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const wasm = await page.evaluate(() => window.__bench?.wasm?.memory?.buffer?.byteLength ?? NaN);
  await cdp.detach();
  return { heap: usedSize / 2 ** 20, wasm: wasm / 2 ** 20 };
}

// ---------------------------------------------------------------------------------------------
// P1: bytes and first row, demo workspace.

console.log('\nP1 initial load');
{
  const loadTimes = [];
  const warmTimes = [];
  let firstVisit = null;
  let returning = null;
  /**
   * Bytes of the wasm, js and css files whose request started before the first row was
   * painted. Both times come from the page's own clock (resource timing and the probe), so a
   * file requested just after the paint is not counted by a clock skew between processes.
   */
  const bytesBefore = async (page) => {
    const paths = await page.evaluate(() => performance.getEntriesByType('resource')
      .filter((e) => e.startTime <= window.__bench.firstRow)
      .map((e) => new URL(e.name).pathname));
    const bytes = { raw: 0, brotli: 0, files: 0 };
    for (const path of paths) {
      if (!['.wasm', '.bin', '.js', '.css'].includes(extname(path)) || path.startsWith('/bench-')) continue;
      const body = readFileSync(join(dist, decodeURIComponent(path)));
      bytes.raw += body.length;
      bytes.brotli += brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
      bytes.files += 1;
    }
    return bytes;
  };
  for (let run = 0; run < RUNS; run += 1) {
    const context = await newContext();
    const page = await context.newPage();
    loadTimes.push(await firstRowAt(page, () => page.goto(`${server.url}/inbox/all-open`)));
    if (firstVisit === null) firstVisit = await bytesBefore(page);
    await settled(page);
    warmTimes.push(await firstRowAt(page, () => page.reload()));
    if (returning === null) returning = await bytesBefore(page);
    await context.close();
  }
  record('P1', `initial load, raw (returning visit, ${returning.files} files: wasm+js+css)`, returning.raw / 1024, 'KB');
  record('P1', 'initial load, brotli (returning visit)', returning.brotli / 1024, 'KB', 250);
  record('P1', `initial load, brotli (first visit: + demo seeding, ${firstVisit.files} files)`, firstVisit.brotli / 1024, 'KB');
  record('P1', 'navigation → first row painted (first visit, seeds demo)', loadTimes, 'ms');
  record('P1', 'navigation → first row painted (reload)', warmTimes, 'ms');
}

// ---------------------------------------------------------------------------------------------
// P3, P4, P6, P7 on 10,000 conversations.

console.log('\nseeding 10,000 conversations through the app (first start with the bench workspace)…');
const workspace = JSON.stringify(await benchWorkspace(dist));
const context = await newContext(workspace);
const page = await context.newPage();
const seedStart = Date.now();
await firstRowAt(page, () => page.goto(`${server.url}/inbox/all-open?inbox=inbox-support`));
console.log(`  seeded in ${((Date.now() - seedStart) / 1000).toFixed(1)} s`);
const memAfterLoad = await memory(page);
await endSeeding(page);

console.log('\nP3 10,000 conversations');
{
  // The app and the baseline (the same rows, markup and windowing from the same IndexedDB,
  // plain JS) are opened in turns, so that both see the same minutes of this shared machine
  // (measured one after the other, the baseline's median moved between 103 and 127 ms from
  // run to run while the app's stayed within 157–163). Each is opened from its own page, as a
  // reload: the app's from the app, the baseline's from the baseline (a navigation leaves the
  // page before; the app's is the bigger one to leave).
  const appUrl = `${server.url}/inbox/all-open?inbox=inbox-support`;
  const baselineUrl = `${server.url}/bench-baseline.html`;
  const open = [];
  const baseOpen = [];
  for (let run = 0; run < SAMPLES; run += 1) {
    await settled(page);
    open.push(await firstRowAt(page, () => page.reload()));
    await settled(page);
    await firstRowAt(page, () => page.goto(baselineUrl));
    await settled(page);
    baseOpen.push(await firstRowAt(page, () => page.goto(baselineUrl)));
    await firstRowAt(page, () => page.goto(appUrl));
  }
  await settled(page);
  record('P3', 'open inbox → first row painted (10k stored)', open, 'ms');
  const filter = [];
  let mounted = 0;
  for (let run = 0; run < SAMPLES; run += 1) {
    for (const value of ['u-giulia', '']) {
      const r = await page.evaluate(APPLY_FILTER, { label: 'Assignee', value });
      filter.push(r.ms);
      mounted = Math.max(mounted, r.mounted);
    }
  }
  record('P3', 'apply Assignee filter → next paint', filter, 'ms', 50);
  const scroll = await page.evaluate(SCROLL_5S);
  record('P3', 'rows mounted (max while filtering and scrolling)', Math.max(mounted, scroll.mounted), 'rows', 60);
  record('P3', 'longest task while scrolling 5 s', scroll.longest, 'ms');

  // The baseline's filters and scrolling, on its own page.
  const baseFilter = [];
  await firstRowAt(page, () => page.goto(baselineUrl));
  for (let run = 0; run < SAMPLES; run += 1) {
    for (const value of ['u-giulia', '']) {
      baseFilter.push((await page.evaluate(APPLY_FILTER, { label: 'Assignee', value })).ms);
    }
  }
  const baseScroll = await page.evaluate(SCROLL_5S);
  record('P3b', 'baseline: open → first row painted', baseOpen, 'ms');
  record('P3b', 'baseline: apply Assignee filter → next paint', baseFilter, 'ms');
  record('P3b', 'baseline: longest task while scrolling 5 s', baseScroll.longest, 'ms');
  record('P3b', 'ratio Switchboard / baseline, open', median(open) / median(baseOpen), '×', 1.35);
  record('P3b', 'ratio Switchboard / baseline, filter', median(filter) / median(baseFilter), '×', 1.35);
}

/**
 * Puts `text` in **Search conversations** (as a paste does) and measures input → the results'
 * count line and first row painted; then empties the box and waits for the list to be back.
 */
const SEARCH = async (text) => {
  const input = [...document.querySelectorAll('label')]
    .find((l) => l.textContent.trim().startsWith('Search conversations'))?.control;
  if (!input) throw new Error('no Search conversations box');
  const status = () => document.querySelector('.sb-list [role=status]')?.textContent ?? '';
  const t0 = performance.now();
  input.value = text;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  const found = await new Promise((done, fail) => {
    const ready = () => {
      const first = document.querySelector('[aria-label="Search results"] .sb-row__link');
      return /\bresults?$/.test(status()) && first && status();
    };
    window.__bench.whenPainted(ready, done, fail, { t0, limit: 20_000, what: `search ${text}: results` });
  });
  const ms = performance.now() - t0;
  input.value = '';
  input.dispatchEvent(new Event('input', { bubbles: true }));
  await new Promise((done) => {
    const back = () => (document.querySelector('[aria-label="Search results"]') ? requestAnimationFrame(back) : done());
    back();
  });
  return { ms, found };
};

console.log('\nP5 search over 10,000 conversations');
{
  await firstRowAt(page, () => page.goto(`${server.url}/inbox/all-open?inbox=inbox-support`));
  await settled(page);
  for (const text of ['bench customer 0042', 'NW-04210', 'order 0999']) {
    const times = [];
    let found = '';
    // The first search also loads the results' code (a lazy chunk): a warm-up, not counted.
    await page.evaluate(SEARCH, text);
    for (let run = 0; run < SAMPLES; run += 1) {
      const result = await page.evaluate(SEARCH, text);
      times.push(result.ms);
      found = result.found;
      await page.waitForTimeout(100);
    }
    record('P5', `search "${text}" → results painted (${found})`, times, 'ms', 100);
  }
}

console.log('\nP4 thread and composer');
{
  // The first open as soon as the list is painted also waits for the thread's code (preloaded
  // after the first paint, so it may still be on its way): its own row, one figure per run.
  const coldOpens = [];
  for (let run = 0; run < RUNS; run += 1) {
    await settled(page);
    await firstRowAt(page, () => page.goto(`${server.url}/inbox/all-open?inbox=inbox-support`));
    coldOpens.push(await page.evaluate(OPEN_THREAD, LONG_THREAD));
  }
  await firstRowAt(page, () => page.goto(`${server.url}/inbox/all-open?inbox=inbox-support`));
  await settled(page);
  const opens = [];
  for (let run = 0; run < SAMPLES * 2; run += 1) {
    const target = run % 2 === 0 ? LONG_THREAD : 'conv-bench-00000';
    opens.push(await page.evaluate(OPEN_THREAD, target));
  }
  record('P4', 'select conversation → thread painted (stored)', opens, 'ms', 100);
  record('P4', 'the same, first open the moment the list is painted', coldOpens, 'ms');
  await page.goto(`${server.url}/inbox/conversations/${LONG_THREAD}?inbox=inbox-support`);
  const body = page.locator('[data-composer="reply"] [contenteditable="true"]');
  await body.waitFor({ timeout: 60_000 });
  await settled(page);
  await body.click();
  // Two measures of the same keystrokes. The budgeted one is the browser's own (Event Timing,
  // what INP is built on): a keydown's time stamp → the next frame presented after its
  // handlers ran, in steps of 8 ms; a keydown under 16 ms gets no entry and counts as 16. The
  // probe's (a frame callback, then a posted message) also waits for Chromium to run a posted
  // task, which it holds back while keys keep arriving: kept as a second row, unbudgeted.
  await page.evaluate(() => {
    const probe = window.__bench;
    probe.keys = [];
    probe.keyPaints = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (e.name === 'keydown') probe.keyPaints.push(e.duration);
    }).observe({ type: 'event', durationThreshold: 16 });
  });
  const TYPED = 100;
  for (let i = 0; i < TYPED; i += 1) {
    await page.keyboard.press(i % 10 === 9 ? 'Space' : 'a');
  }
  await page.waitForTimeout(1000);
  const { keys, keyPaints } = await page.evaluate(() => window.__bench);
  const painted = [...keyPaints, ...Array(Math.max(0, TYPED - keyPaints.length)).fill(16)];
  record('P4', 'keystroke → next paint (100-message thread, 50 KB quote; Event Timing)', painted, 'ms', 50);
  record('P4', 'the same by frame callback + posted message (includes held-back tasks)', keys, 'ms');
}

console.log('\nP6 memory');
{
  record('P6', 'JS heap after load (10k stored)', memAfterLoad.heap, 'MB');
  record('P6', 'wasm memory after load', memAfterLoad.wasm, 'MB');
  await firstRowAt(page, () => page.goto(`${server.url}/inbox/all-open?inbox=inbox-support`));
  await page.evaluate(SCROLL_TO_END);
  const browsed = await memory(page);
  record('P6', 'JS heap + wasm after browsing 10k', browsed.heap + browsed.wasm, 'MB', 60);
  const before = browsed;
  for (let i = 0; i < 50; i += 1) {
    await page.evaluate(OPEN_THREAD, i % 2 === 0 ? LONG_THREAD : `conv-bench-${String(i).padStart(5, '0')}`);
    await page.goBack();
    await page.locator('.sb-row__link').first().waitFor();
  }
  const afterCycles = await memory(page);
  record('P6', 'growth over 50 open/close cycles', afterCycles.heap + afterCycles.wasm - before.heap - before.wasm, 'MB');
}

console.log('\nP7 storage');
{
  // Each sample is a new list's first page, read by the app's storage code when a filter
  // changes (at start-up the first page comes from index.html's early reads: storage/db/
  // early.rs), RUNS × 3 of them, like the other sub-second steps.
  const pages = [];
  await firstRowAt(page, () => page.reload());
  await settled(page);
  for (let run = 0; run < SAMPLES; run += 1) {
    for (const value of ['u-giulia', '']) {
      await page.evaluate(() => performance.clearMeasures());
      await page.evaluate(APPLY_FILTER, { label: 'Assignee', value });
      const m = await page.evaluate(() => performance.getEntriesByName('sb:list-page').map((e) => e.duration));
      if (m.length > 0) pages.push(m[0]);
    }
  }
  record('P7', 'first 50 rows from IndexedDB (app measure sb:list-page)', pages, 'ms', 20);
  // The same read in plain JavaScript (bench/baseline.js measures its first page alike).
  const basePages = [];
  for (let run = 0; run < SAMPLES; run += 1) {
    await settled(page);
    await firstRowAt(page, () => page.goto(`${server.url}/bench-baseline.html`));
    const m = await page.evaluate(() => performance.getEntriesByName('sb:list-page').map((e) => e.duration));
    if (m.length > 0) basePages.push(m[0]);
  }
  record('P7b', 'baseline: first 50 rows from IndexedDB', basePages, 'ms');
}

// Draft keystroke → committed: bench/draft-latency.mjs, on a DEBUG build (it reads the commit
// log that only debug builds keep; a debug build is slower, so the figure errs high). Its
// browser runs after this one has closed, so the two never compete.
async function draftLatency() {
  if (!existsSync(join(debugDist, 'index.html'))) {
    console.log(`  (no debug build in ${debugDist}: draft keystroke → committed not measured)`);
    return;
  }
  console.log('\nP7 draft keystroke → committed (debug build, 1,000 keystrokes)');
  const out = execFileSync('node', [join(repoRoot, 'bench', 'draft-latency.mjs')], {
    cwd: repoRoot,
    env: { ...process.env, DIST_DIR: debugDist },
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  process.stdout.write(out.replace(/^/gm, '  '));
  const m = out.match(/^keystroke → committed: p50 (\d+) ms, p95 (\d+) ms, max (\d+) ms/m);
  if (!m) throw new Error('bench/draft-latency.mjs printed no keystroke → committed line');
  const [p50, p95, max] = m.slice(1).map(Number);
  rows.push(['P7', 'draft keystroke → committed, every keystroke (debug build)', fmt(p50), fmt(p95),
    'ms', p95 > 300 ? 'OVER (300 ms)' : 'ok (300 ms)', `1000 (max ${max})`]);
}

await context.close();
await browser.close();
await server.close();
await draftLatency();
printTable();

// ---------------------------------------------------------------------------------------------
// In-page helpers (serialised into the page by page.evaluate).

async function SCROLL_5S() {
  const el = document.querySelector('.sb-vlist') ?? document.scrollingElement;
  window.__bench.longTasks = [];
  let mounted = 0;
  const start = performance.now();
  await new Promise((done) => {
    const step = () => {
      const t = performance.now() - start;
      el.scrollTop = (el.scrollHeight - el.clientHeight) * Math.min(1, t / 5000);
      mounted = Math.max(mounted, document.querySelectorAll('.sb-row').length);
      if (t < 5000) requestAnimationFrame(step); else done();
    };
    requestAnimationFrame(step);
  });
  await new Promise((r) => setTimeout(r, 100));
  return { longest: Math.max(0, ...window.__bench.longTasks), mounted };
}

async function SCROLL_TO_END() {
  const el = document.querySelector('.sb-vlist') ?? document.scrollingElement;
  for (let i = 1; i <= 50; i += 1) {
    el.scrollTop = ((el.scrollHeight - el.clientHeight) * i) / 50;
    await new Promise((r) => setTimeout(r, 40));
  }
}

