// Tests of the test harness itself, without a browser: the static server's MIME types, SPA
// fallback and path containment, and the bundle budget script's verdict. A harness that served
// wasm as octet-stream or passed an oversized bundle would make every other result meaningless.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { repoRoot } from './support/paths.mjs';
import { startServer } from './support/server.mjs';
import {
  assertNoPageErrors,
  launchBrowser,
  newPage,
  openApp,
  pageProblems,
} from './support/browser.mjs';

const INDEX = `<!DOCTYPE html><html><head><title>Switchboard</title>
<link rel="modulepreload" href="/app-1.js">
<link rel="preload" href="/app-1_bg.wasm" as="fetch" type="application/wasm">
<link rel="stylesheet" href="/style-1.css">
<script type="module">import init from '/app-1.js'; init({ module_or_path: '/app-1_bg.wasm' });</script>
</head><body></body></html>`;

async function makeDist(files) {
  const dir = await mkdtemp(join(tmpdir(), 'switchboard-harness-'));
  for (const [name, content] of Object.entries(files)) {
    const path = join(dir, name);
    await mkdir(join(path, '..'), { recursive: true });
    await writeFile(path, content);
  }
  return dir;
}

describe('static server', () => {
  let dir;
  let server;
  before(async () => {
    dir = await makeDist({
      'index.html': INDEX,
      'app-1.js': 'export default function init() {}',
      'app-1_bg.wasm': Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]),
      'style-1.css': 'body { margin: 0 }',
      'demo/workspace.json': '{}',
    });
    server = await startServer({ root: dir });
  });
  after(async () => {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  });

  const cases = [
    { path: '/', status: 200, type: /^text\/html/, body: /<title>Switchboard/ },
    { path: '/app-1_bg.wasm', status: 200, type: /^application\/wasm$/ },
    { path: '/app-1.js', status: 200, type: /^text\/javascript/ },
    { path: '/style-1.css', status: 200, type: /^text\/css/ },
    { path: '/demo/workspace.json', status: 200, type: /^application\/json/ },
    { path: '/inbox/unassigned', status: 200, type: /^text\/html/, body: /<title>Switchboard/ },
    { path: '/settings/inboxes', status: 200, type: /^text\/html/, body: /<title>Switchboard/ },
    { path: '/missing-asset.js', status: 404 },
    { path: '/demo/missing.json', status: 404 },
    // An encoded slash survives URL normalisation and must not escape the served directory.
    { path: '/..%2F..%2F..%2F..%2Fetc%2Fpasswd', status: 403 },
  ];
  for (const { path, status, type, body } of cases) {
    test(`GET ${path} answers ${status}`, async () => {
      const response = await fetch(`${server.url}${path}`);
      const text = await response.text();
      assert.equal(response.status, status);
      if (type) assert.match(response.headers.get('content-type'), type);
      if (body) assert.match(text, body);
    });
  }

  test('it listens on 127.0.0.1 at an ephemeral port', () => {
    assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.notEqual(new URL(server.url).port, '8080');
  });
});

describe('bundle budget script', () => {
  const script = join(repoRoot, 'scripts', 'bundle-size.mjs');
  const run = (dir, ceilingKb) =>
    spawnSync(process.execPath, [script, dir], {
      encoding: 'utf8',
      env: { ...process.env, BUNDLE_CEILING_KB: String(ceilingKb ?? 250) },
    });
  const dirs = [];
  after(() => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));
  const dist = async (wasm, extra = {}) => {
    const dir = await makeDist({
      'index.html': INDEX,
      'app-1.js': "import './snippets/x/inline0.js';\nexport default function init() {}",
      'snippets/x/inline0.js': 'export const x = 1;',
      'app-1_bg.wasm': wasm,
      'style-1.css': 'body { margin: 0 }',
      ...extra,
    });
    dirs.push(dir);
    return dir;
  };

  test('a small initial load passes and every referenced file is listed', async () => {
    // A large copied file that the page does not load must not count.
    const result = run(await dist(Buffer.alloc(1000), { 'demo/big.json': randomBytes(400_000) }));
    assert.equal(result.status, 0, result.stderr);
    for (const name of ['app-1_bg.wasm', 'app-1.js', 'style-1.css', 'snippets/x/inline0.js']) {
      assert.match(result.stdout, new RegExp(`^${name.replace('.', '\\.')} `, 'm'));
    }
    assert.doesNotMatch(result.stdout, /big\.json/);
    assert.match(result.stdout, /within the budget of 250\.0 KB/);
  });

  test('an initial load over 250 KB brotli fails when the ceiling is the budget', async () => {
    // Random bytes do not compress, so brotli size is about the raw size.
    const result = run(await dist(randomBytes(260 * 1024)));
    assert.equal(result.status, 1, result.stdout);
    assert.match(result.stdout, /OVER the budget of 250\.0 KB by/);
    assert.match(result.stdout, /FAILED, over the regression ceiling of 250\.0 KB/);
  });

  test('over the budget but under the regression ceiling: reported, not failed', async () => {
    const result = run(await dist(randomBytes(260 * 1024)), 300);
    assert.equal(result.status, 0, result.stdout);
    assert.match(result.stdout, /OVER the budget of 250\.0 KB by/);
    assert.match(result.stdout, /product budget not met; within the regression ceiling of 300\.0 KB/);
  });

  test('a referenced file missing from dist fails', async () => {
    const dir = await dist(Buffer.alloc(10));
    await rm(join(dir, 'style-1.css'));
    const result = run(dir);
    assert.equal(result.status, 2);
    assert.match(result.stderr, /style-1\.css/);
  });
});

describe('page error recording', () => {
  let dir;
  let server;
  let browser;
  before(async () => {
    dir = await makeDist({
      'index.html': '<!DOCTYPE html><title>Switchboard</title><main>ready</main>',
      'throws.html':
        '<!DOCTYPE html><main>ready</main><script>setTimeout(() => { throw new Error("kaput") })</script>',
      'logs.html': '<!DOCTYPE html><main>ready</main><script>console.error("storage failed")</script>',
      'missing-script.html': '<!DOCTYPE html><main>ready</main><script src="/nope.js"></script>',
    });
    server = await startServer({ root: dir });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    await rm(dir, { recursive: true, force: true });
  });

  const cases = [
    { page: '/', problem: null },
    { page: '/throws.html', problem: /page error: .*kaput/ },
    { page: '/logs.html', problem: /console error: storage failed/ },
    { page: '/missing-script.html', problem: /console error: .*404.*nope\.js/ },
  ];
  for (const { page: path, problem } of cases) {
    test(`${path} ${problem ? 'fails' : 'passes'} assertNoPageErrors`, async () => {
      const context = await browser.newContext();
      try {
        const page = await newPage(context);
        await openApp(page, `${server.url}${path}`);
        // Let a deferred error surface before judging.
        await page.waitForTimeout(100);
        if (problem) {
          assert.throws(() => assertNoPageErrors(page), problem);
        } else {
          assertNoPageErrors(page);
          assert.deepEqual(pageProblems(page), []);
        }
      } finally {
        await context.close();
      }
    });
  }
});
