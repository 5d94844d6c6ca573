// Tests of the test harness itself, without a browser: the static server's MIME types, SPA
// fallback, path containment and cache headers, the bundle budget script's verdict, and the
// post-build steps that shorten the main module's import names and name the code after its
// content. A harness that served wasm as octet-stream, passed an oversized bundle or let a
// browser keep a file whose name outlives its bytes would make every other result meaningless.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { get as httpGet } from 'node:http';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { brotliDecompressSync } from 'node:zlib';
import {
  contentAddressed,
  joinStylesheets,
  LOADER_IMPL,
  loaderStub,
  minifyCss,
  minifyInlineScripts,
  shortenExports,
  shortenImports,
  withLoaderPreload,
} from '../../scripts/post-build.mjs';
import { repoRoot } from './support/paths.mjs';
import { cacheControl, startServer } from './support/server.mjs';
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

  test('text and code go brotli-compressed to a client that accepts it, raw to others', async () => {
    const big = `${'body { margin: 0 } '.repeat(200)}`;
    await writeFile(join(dir, 'big-1.css'), big);
    const get = (encoding) => new Promise((done, fail) => {
      const url = new URL(`${server.url}/big-1.css`);
      httpGet({ host: url.hostname, port: url.port, path: url.pathname, headers: { 'Accept-Encoding': encoding } }, (res) => {
        const parts = [];
        res.on('data', (b) => parts.push(b));
        res.on('end', () => done({ headers: res.headers, body: Buffer.concat(parts) }));
      }).on('error', fail);
    });
    const br = await get('gzip, deflate, br');
    assert.equal(br.headers['content-encoding'], 'br');
    assert.equal(Number(br.headers['content-length']), br.body.length);
    assert.ok(br.body.length < big.length / 10, 'compressed');
    assert.equal(brotliDecompressSync(br.body).toString(), big);
    assert.match(br.headers.vary, /Accept-Encoding/);
    for (const encoding of ['gzip', 'br;q=0', '']) {
      const raw = await get(encoding);
      assert.equal(raw.headers['content-encoding'], undefined, encoding);
      assert.equal(raw.body.toString(), big, encoding);
    }
    // A rebuilt file is compressed again, not served from the cache.
    await writeFile(join(dir, 'big-1.css'), `${big}/* v2 */`);
    assert.equal(brotliDecompressSync((await get('br')).body).toString(), `${big}/* v2 */`);
  });

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

// A module importing two functions from the glue, one from the split loader and one from
// elsewhere, exporting `run` (keep(load(inc(double(x))))) and `_ZN…E`, which returns 7;
// hand-assembled so the test needs no wasm toolchain.
function tinyModule(glueModule) {
  const str = (s) => [s.length, ...Buffer.from(s)];
  const leb = (n) => (n < 128 ? [n] : [(n & 0x7f) | 0x80, n >> 7]);
  const section = (id, bytes) => [id, ...leb(bytes.length), ...bytes];
  const imports = [
    [glueModule, '__wbg_double_0123456789abcdef'],
    [glueModule, '__wbg_inc_fedcba9876543210'],
    ['./__wasm_split.js', '__wasm_split_load_thread_view_10289774452700272391'],
    ['env', 'keep'],
  ];
  const mangled = '_ZN4demo5seven17h0123456789abcdefE';
  return Buffer.from([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, [2, 0x60, 1, 0x7f, 1, 0x7f, 0x60, 0, 1, 0x7f]),
    ...section(2, [imports.length, ...imports.flatMap(([m, f]) => [...str(m), ...str(f), 0, 0])]),
    ...section(3, [2, 0, 1]),
    ...section(7, [2, ...str('run'), 0, 4, ...str(mangled), 0, 5]),
    ...section(10, [
      2,
      12, 0, 0x20, 0, 0x10, 0, 0x10, 1, 0x10, 2, 0x10, 3, 0x0b,
      4, 0, 0x41, 7, 0x0b,
    ]),
  ]);
}

const GLUE = `const import0 = {
    __proto__: null,
    __wbg_double_0123456789abcdef: function(x) { return x * 2; },
    __wbg_inc_fedcba9876543210: function(x) { return x + 1; },
};
const wasm = {};
function _ZN4demo5seven17h0123456789abcdefE() { return wasm._ZN4demo5seven17h0123456789abcdefE(); }
return { imports: { "./app_bg.js": import0, "./__wasm_split.js": loader, env: { keep: (x) => x } }, wasm, seven: _ZN4demo5seven17h0123456789abcdefE };`;
const LOADER = `const loader = {};
loader.__wasm_split_load_thread_view_10289774452700272391 = (x) => x + 100;`;

// Evaluates the glue (with the loader's text in front) and instantiates `wasm` with it.
async function instantiate(wasm, glue, loader) {
  const env = new Function(`${loader}\n${glue}`)();
  const { instance } = await WebAssembly.instantiate(wasm, env.imports);
  Object.assign(env.wasm, instance.exports);
  return env;
}

describe('post-build: short import and export names', () => {
  const sources = () => ({ './app_bg.js': GLUE, './__wasm_split.js': LOADER });

  test('the module and its JS still agree after renaming, and both shrink', async () => {
    const wasm = tinyModule('./app_bg.js');
    const before = await instantiate(wasm, GLUE, LOADER);
    assert.equal(before.wasm.run(5), 111);
    assert.equal(before.seven(), 7);

    const short = shortenImports(wasm, sources());
    assert.equal(short.renamed, 3);
    const done = shortenExports(short.wasm, short.sources['./app_bg.js'], /^_ZN/);
    assert.equal(done.renamed, 1);
    assert.ok(done.wasm.length < wasm.length - 100, 'the long names left the module');
    assert.doesNotMatch(done.js, /__wbg_|_ZN/);
    assert.doesNotMatch(short.sources['./__wasm_split.js'], /__wasm_split_load/);
    const module = new WebAssembly.Module(done.wasm);
    assert.deepEqual(
      WebAssembly.Module.imports(module).map(({ module, name }) => `${module} ${name}`),
      ['./app_bg.js a', './app_bg.js b', './__wasm_split.js c', 'env keep'],
    );
    assert.deepEqual(WebAssembly.Module.exports(module).map(({ name }) => name), ['run', '$a']);
    const after = await instantiate(done.wasm, done.js, short.sources['./__wasm_split.js']);
    assert.equal(after.wasm.run(5), 111);
    assert.equal(after.seven(), 7);
  });

  test('a JS module that does not define an import exactly once is refused, not guessed at', () => {
    const wasm = tinyModule('./app_bg.js');
    const missing = { ...sources(), './app_bg.js': GLUE.replace('__wbg_inc_fedcba9876543210', 'other') };
    assert.throws(() => shortenImports(wasm, missing), /__wbg_inc_\w+ is named 0 times, expected 1/);
    const twice = { ...sources(), './app_bg.js': GLUE.replace('const wasm', '__wbg_inc_fedcba9876543210; const wasm') };
    assert.throws(() => shortenImports(wasm, twice), /__wbg_inc_\w+ is named 2 times, expected 1/);
  });

  test('an export whose short name the glue already uses is refused', () => {
    assert.throws(
      () => shortenExports(tinyModule('./app_bg.js'), `${GLUE}\nconst $a = 1;`, /^_ZN/),
      /short name \$a is already used/,
    );
  });

  test('imports from another module keep their names', () => {
    const short = shortenImports(tinyModule('./other_bg.js'), { './app_bg.js': GLUE });
    assert.equal(short.renamed, 0);
    assert.equal(short.sources['./app_bg.js'], GLUE);
  });
});

describe('post-build: one stylesheet', () => {
  const page = '<head><link rel="stylesheet" href="/tokens-0123456789abcdef.css" integrity="sha384-a"/>\n'
    + '<link rel="modulepreload" href="/app.js">\n'
    + '<link rel="stylesheet" href="/base-0123456789abcdef.css" integrity="sha384-b"/>\n'
    + '<link rel="stylesheet" href="/app-0123456789abcdef.css" integrity="sha384-c"/>\n</head>';
  const texts = { 'tokens-0123456789abcdef.css': ':root{--x:1}', 'base-0123456789abcdef.css': 'body{margin:0}', 'app-0123456789abcdef.css': '.a{color:red}' };

  test('the stylesheets are joined in the page order, in place of the first link', () => {
    const joined = joinStylesheets(page, (name) => texts[name]);
    assert.equal(joined.css, ':root{--x:1}body{margin:0}.a{color:red}');
    assert.equal(joined.name, 'style-0000000000000000.css');
    assert.deepEqual(joined.replaced, Object.keys(texts));
    assert.equal(joined.html,
      '<head><link rel="stylesheet" href="/style-0000000000000000.css" integrity="sha384-a"/>\n'
      + '<link rel="modulepreload" href="/app.js">\n</head>');
  });

  test('one stylesheet stays as it is; a remote one is refused', () => {
    const one = '<link rel="stylesheet" href="/app-0123456789abcdef.css"/>';
    assert.deepEqual(joinStylesheets(one, () => ''), { html: one, css: null, name: null, replaced: [] });
    assert.throws(() => joinStylesheets(`${one}<link rel="stylesheet" href="https://cdn.example/x.css">`, () => ''),
      /without a local href/);
  });
});

describe('post-build: the chunk loader is fetched with the glue', () => {
  const html = '<html><head><link rel="modulepreload" href="/app-1.js"></head><body></body></html>';
  test('a modulepreload for /__wasm_split.js goes in the head, once', () => {
    const once = withLoaderPreload(html);
    assert.match(once, /<link rel="modulepreload" href="\/__wasm_split.js" crossorigin="anonymous"><\/head>/);
    assert.equal(withLoaderPreload(once), once);
  });
  test('a page without a head is refused', () => {
    assert.throws(() => withLoaderPreload('<body></body>'), /no <\/head>/);
  });
});

describe('static server: what a browser may keep', () => {
  const forever = 'public, max-age=31536000, immutable';
  const cases = [
    ['/switchboard-0123456789abcdef_bg.wasm', forever],
    ['/switchboard-0123456789abcdef.js', forever],
    ['/__wasm_split-0123456789abcdef.js', forever],
    ['/split_thread_view-0123456789abcdef.wasm', forever],
    ['/chunks_0123456789abcdef.bin', forever],
    ['/app-0123456789abcdef.css', forever],
    // named by the split point, not the bytes (wasm-split-cli's own name)
    ['/split_thread_view_2494175390857068034.wasm', 'no-store'],
    ['/index.html', 'no-store'],
    ['/__wasm_split.js', 'no-store'],
    ['/demo/workspace.json', 'no-store'],
    ['/locales/it.json', 'no-store'],
    ['/bench-baseline.js', 'no-store'],
  ];
  for (const [path, expected] of cases) {
    test(`${path}: ${expected}`, () => assert.equal(cacheControl(path), expected));
  }
});

describe('post-build: the loader is a stub until the first lazy call', () => {
  const LOADER = 'import { initSync } from "./app-1.js";\n'
    + 'export const A = wrap(makeLoad(() => fetch("./split_a_1.wasm")));\n'
    + 'export const B = wrap(makeLoad(() => fetch("./split_b_2.wasm")));\n';
  // Export names as short as the debug build's (`shortName`), some of them one letter as a
  // stub's own names might be: the stub runs unminified in debug builds.
  const SHORT = 'import { initSync } from "./app-1.js";\n'
    + ['A', 'B', 'i', 'm', 'w', 'n', 'e', 's', 'x', 'r'].map((n) => `export const ${n} = 0;\n`).join('');
  test('the stub exports the same names and imports the implementation only dynamically', () => {
    const stub = loaderStub(LOADER, './app-1.js');
    assert.match(stub, /^import\{initSync as \$i\}from"\.\/app-1\.js";/);
    assert.match(stub, /export const A=\$w\("A"\),B=\$w\("B"\);/);
    assert.ok(stub.includes(`import("./${LOADER_IMPL}")`));
    assert.doesNotMatch(stub, /split_a_1|makeLoad/, 'none of the loader itself is in the stub');
  });
  test('a loader with another form of export, or none, is refused', () => {
    assert.throws(() => loaderStub(`${LOADER}export function C() {}\n`, './app-1.js'), /3 exports, 2 of them/);
    assert.throws(() => loaderStub('import { initSync } from "./app-1.js";\n', './app-1.js'), /0 exports/);
    // Unminified (debug builds), the stub's names and the exports' share one scope.
    const own = LOADER.replace('export const B', 'export const $w');
    assert.throws(() => loaderStub(own, './app-1.js'), /exports \$w, a name the stub keeps/);
  });

  // The stub, run for real: its implementation missing (a failed fetch), then present.
  test('a failed import reports a failed load to the waiting call, and the next call asks again', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sb-stub-'));
    try {
      await writeFile(join(dir, 'app-1.js'),
        'export const calls = [];\n'
        + 'export function initSync() { return { __indirect_function_table: { get: (i) => (data, ok) => calls.push([i, data, ok]) } }; }\n');
      await writeFile(join(dir, '__wasm_split.js'), loaderStub(SHORT, './app-1.js'));
      const glue = await import(join(dir, 'app-1.js'));
      const stub = await import(join(dir, '__wasm_split.js'));
      const errors = [];
      const logged = console.error;
      console.error = (e) => errors.push(e);
      try {
        stub.A(7, 70);
        for (let i = 0; i < 50 && glue.calls.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
      } finally {
        console.error = logged;
      }
      assert.deepEqual(glue.calls, [[7, 70, false]], 'the callback was told the load failed');
      assert.equal(errors.length, 1);
      await writeFile(join(dir, LOADER_IMPL), 'import { calls } from "./app-1.js";\n'
        + 'export const A = async (i, data) => calls.push(["impl A", i, data]);\n'
        + 'export const B = async (i, data) => calls.push(["impl B", i, data]);\n');
      stub.B(8, 80);
      for (let i = 0; i < 50 && glue.calls.length === 1; i++) await new Promise((r) => setTimeout(r, 10));
      assert.deepEqual(glue.calls[1], ['impl B', 8, 80], 'asked again, and the implementation ran');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('post-build: the code is named after its content', () => {
  const build = (overrides = {}) => new Map(Object.entries({
    'app-1.js': 'import*as t from"./__wasm_split.js";const i={"./__wasm_split.js":t};'
      + 'n=new URL("app-1_bg.wasm",import.meta.url);',
    '__wasm_split.js': 'import{initSync as t}from"./app-1.js";'
      + 'const a=fetch(new URL("./split_thread_view_123.wasm",import.meta.url));',
    'app-1_bg.wasm': Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]),
    'split_thread_view_123.wasm': Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0, 1]),
    'style-0123456789abcdef.css': 'body{margin:0}',
    ...overrides,
  }).map(([name, body]) => [name, Buffer.from(body)]));
  const html = `${INDEX.replace('/style-1.css', '/style-0123456789abcdef.css')}`
    .replace('</head>', '<link rel="modulepreload" href="/__wasm_split.js"></head>');
  const named = (files = build()) => {
    const result = contentAddressed(files, html, 'app-1');
    const byOld = new Map([...result.from].map(([newName, oldName]) => [oldName, newName]));
    return { ...result, byOld, text: (old) => result.files.get(byOld.get(old)).toString('utf8') };
  };

  test('every file gets a name with a hash, and each reference follows it', () => {
    const { byOld, text, html: page } = named();
    assert.match(byOld.get('app-1_bg.wasm'), /^app-[0-9a-f]{16}_bg\.wasm$/);
    assert.match(byOld.get('app-1.js'), /^app-[0-9a-f]{16}\.js$/);
    assert.match(byOld.get('__wasm_split.js'), /^__wasm_split-[0-9a-f]{16}\.js$/);
    assert.match(byOld.get('split_thread_view_123.wasm'), /^split_thread_view-[0-9a-f]{16}\.wasm$/);
    assert.match(byOld.get('style-0123456789abcdef.css'), /^style-[0-9a-f]{16}\.css$/);
    assert.ok(text('app-1.js').includes(`from"./${byOld.get('__wasm_split.js')}"`));
    assert.ok(text('app-1.js').includes('{"./__wasm_split.js":t}'), 'the import object key is the wasm import name');
    assert.ok(text('app-1.js').includes(`new URL("${byOld.get('app-1_bg.wasm')}"`));
    assert.ok(text('__wasm_split.js').includes(`from"./${byOld.get('app-1.js')}"`));
    assert.ok(text('__wasm_split.js').includes(`"./${byOld.get('split_thread_view_123.wasm')}"`));
    for (const file of ['app-1.js', 'app-1_bg.wasm', '__wasm_split.js', 'style-0123456789abcdef.css']) {
      assert.ok(!page.includes(`/${file}`), `index.html still names ${file}`);
      assert.ok(page.includes(`/${byOld.get(file)}`), `index.html names ${byOld.get(file)}`);
    }
  });

  test('the same bytes get the same names', () => {
    assert.deepEqual([...named().from], [...named().from]);
  });

  test('a changed split module renames itself and the loader and glue that name it, nothing else', () => {
    const before = named().byOld;
    const after = named(build({ 'split_thread_view_123.wasm': Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0, 2]) })).byOld;
    for (const file of ['split_thread_view_123.wasm', '__wasm_split.js', 'app-1.js']) {
      assert.notEqual(after.get(file), before.get(file), file);
    }
    for (const file of ['app-1_bg.wasm', 'style-0123456789abcdef.css']) assert.equal(after.get(file), before.get(file), file);
  });

  test('with a stub loader: the implementation names the split modules, and one hash names glue, stub and implementation', () => {
    const withStub = () => build({
      '__wasm_split.js': `import{initSync as i}from"./app-1.js";const w=()=>import("./${LOADER_IMPL}");`,
      [LOADER_IMPL]: 'import{initSync as t}from"./app-1.js";'
        + 'const a=fetch(new URL("./split_thread_view_123.wasm",import.meta.url));',
    });
    const { byOld, text, html: page } = named(withStub());
    const impl = byOld.get(LOADER_IMPL);
    assert.match(impl, /^__wasm_split_impl-[0-9a-f]{16}\.js$/);
    const hashOf = (name) => name.match(/-([0-9a-f]{16})(?:_bg)?\.js$/)[1];
    assert.equal(hashOf(impl), hashOf(byOld.get('__wasm_split.js')));
    assert.equal(hashOf(impl), hashOf(byOld.get('app-1.js')));
    assert.ok(text('__wasm_split.js').includes(`import("./${impl}")`));
    assert.ok(text(LOADER_IMPL).includes(`from"./${byOld.get('app-1.js')}"`));
    assert.ok(text(LOADER_IMPL).includes(`"./${byOld.get('split_thread_view_123.wasm')}"`));
    assert.ok(!page.includes('__wasm_split_impl'), 'index.html does not fetch the implementation');
    const changed = named(build({
      '__wasm_split.js': `import{initSync as i}from"./app-1.js";const w=()=>import("./${LOADER_IMPL}");`,
      [LOADER_IMPL]: 'import{initSync as t}from"./app-1.js";'
        + 'const a=fetch(new URL("./split_thread_view_123.wasm",import.meta.url));const b=2;',
    })).byOld;
    for (const file of [LOADER_IMPL, '__wasm_split.js', 'app-1.js']) {
      assert.notEqual(changed.get(file), byOld.get(file), `${file} follows a change of the implementation`);
    }
  });

  test('a loader that does not name a split module is refused', () => {
    const files = build({ '__wasm_split.js': 'import{initSync as t}from"./app-1.js";' });
    assert.throws(() => contentAddressed(files, html, 'app-1'), /does not name split_thread_view_123\.wasm/);
  });
});

describe('post-build: stylesheet minifier', () => {
  const cases = [
    ['comments and indentation go', '/* a */\n.a {\n  color: red;\n}\n', '.a{color: red;}'],
    ['a descendant combinator before a pseudo-class stays', '.a :focus { x: 1 }', '.a :focus{x: 1}'],
    ['spaces inside calc stay', '.a { width: calc(1rem - 2px) }', '.a{width: calc(1rem - 2px)}'],
    ['strings are copied as written', '.a::after { content: "  /* x */ ; { " }', '.a::after{content: "  /* x */ ; { "}'],
    ['an apostrophe in a comment does not open a string', "/* don't */ .a { b: c }", '.a{b: c}'],
    ['a comment between selectors joins them, as in CSS', '.a/**/.b{}', '.a.b{}'],
    ['a comment between two words keeps them apart', '.a { border: 1px/**/solid }', '.a{border: 1px solid}'],
  ];
  for (const [rule, input, expected] of cases) {
    test(rule, () => assert.equal(minifyCss(input), expected));
  }
  test('an unterminated comment or string is refused', () => {
    assert.throws(() => minifyCss('.a { } /* open'), /unterminated comment/);
    assert.throws(() => minifyCss('.a { content: "open }'), /unterminated string/);
  });
});

describe('post-build: inline script minifier', () => {
  test("Trunk's inline classic script is minified, its loader and scripts with a src are not", async () => {
    const classic = `// a comment for the source's readers
(function () {
  var answer = { value: 42 };
  self.__probe = answer;
})();`;
    const loader = `import init from '/app-1.js';\n  init('/app-1_bg.wasm');`;
    const html = `<head><script nonce="{{__TRUNK NONCE__}}">${classic}</script>
<script type="module" nonce="{{__TRUNK NONCE__}}">${loader}</script>
<script src="/other.js"></script></head>`;
    const out = await minifyInlineScripts(html);
    const scripts = [...out.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
    assert.equal(scripts.length, 3);
    assert.equal(scripts[0][1], ' nonce="{{__TRUNK NONCE__}}"', 'the nonce placeholder stays');
    assert.ok(!scripts[0][2].includes('comment') && !scripts[0][2].includes('\n'), scripts[0][2]);
    assert.ok(scripts[0][2].length < classic.length / 2, scripts[0][2]);
    const probe = {};
    new Function('self', scripts[0][2])(probe);
    assert.deepEqual(probe.__probe, { value: 42 }, 'the minified script does what the source did');
    assert.equal(scripts[1][2], loader);
    assert.equal(scripts[2][0], '<script src="/other.js"></script>');
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
