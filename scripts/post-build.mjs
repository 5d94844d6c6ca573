#!/usr/bin/env node
// Trunk post_build hook (Trunk.toml [[hooks]]): runs after Trunk has written the site to its
// staging directory and before Trunk moves it to dist/. Two jobs, in this order:
//
// 1. Code splitting. Trunk 0.21 cannot split a wasm module, so Trunk's own wasm-bindgen output is
//    replaced here: the module cargo linked (with --emit-relocs, see build.rs) goes through
//    `wasm-split-cli` (the crate wasm_split_cli_support, the splitter cargo-leptos uses for
//    Leptos' #[lazy] / #[lazy_route]), which writes the main module, one .wasm per lazily
//    loaded chunk and the `__wasm_split.js` loader; the main module then goes through
//    wasm-bindgen (keeping the linker's exports the chunks import) and, in release, every module
//    through binaryen's optimiser (wasm-opt -O2; index.html sets data-wasm-opt="0" so Trunk
//    does not optimise a module that is thrown away here). In release the two JavaScript files
//    this writes (wasm-bindgen's glue of the main module and the `__wasm_split.js` loader; Trunk
//    never sees them, so never minifies them) go through terser. The results overwrite the files
//    index.html already names, so Trunk's loader script and hashed file names stay as they are;
//    their integrity hashes are updated from the final bytes (so are the stylesheets', which a
//    release build minifies here: `minifyCss`). Before any of that, the main module's imports
//    (from wasm-bindgen's glue and from the split loader) and its exports named by mangled
//    Rust symbols get short names (`shortenImports`, `shortenExports`): their generated names
//    carry a 16-hex-digit or 20-digit hash each, ~8 KB brotli of the initial load between the
//    wasm and the JS that would otherwise be incompressible noise.
// 2. The app's Content-Security-Policy (issue 8): a <meta http-equiv> whose script-src allows
//    'self' and exactly the inline scripts of this index.html (Trunk's loader) by their sha256,
//    never 'unsafe-inline' or 'unsafe-eval'. The hash is computed here because the loader names
//    hashed files and so changes on every build. Under `trunk serve` the dev server rewrites its
//    autoreload script per response, so there the policy names Trunk's per-response nonce.
//
// Tools: wasm-split-cli, wasm-bindgen, binaryen and terser (node_modules) at the versions
// scripts/setup.sh installs.

import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const CRATE = 'switchboard';

// The policy, one directive per entry; INLINE_SCRIPTS is replaced by the inline scripts' hashes.
// - script-src: our own files and the inline loader only; 'wasm-unsafe-eval' lets the page
//   compile WebAssembly without allowing JS eval.
// - style-src 'unsafe-inline': the sandboxed message iframes (srcdoc) inherit this policy, and
//   mail HTML carries inline styles; the app itself uses no inline styles.
// - img-src data: blob: for attachments and inline images shown from blobs, https: http: only
//   because srcdoc frames inherit this policy on top of their own: a message's frame allows
//   remote images after **Show images** (its own CSP blocks them until then); connect-src 'self':
//   the wasm chunks and demo data are fetched from the site, the JMAP server through its proxy.
//   'self' also covers Trunk's same-host autoreload websocket in `trunk serve`.
// - frame-src 'self': only the srcdoc iframes; worker-src 'self' for workers from our own files.
export const POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval' INLINE_SCRIPTS",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob: https: http:",
  "font-src 'self'",
  "connect-src 'self'",
  "frame-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
];

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
// binaryen 132 from node_modules (the npm package behind its wasm-opt), never a system
// wasm-opt: Debian's 108 breaks the app (notes/toolchain.md); Trunk.toml pins version_132 for
// the same reason. Used in-process: one load of binaryen for the main module and all chunks
// instead of one wasm-opt start (seconds of CPU each) per chunk.
const BINARYEN_DIR = join(ROOT, 'node_modules', 'binaryen');
const BINARYEN_VERSION = '132.0.0';

function log(message) {
  console.log(`post-build: ${message}`);
}

function run(command, args) {
  try {
    return execFileSync(command, args, { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
  } catch (err) {
    if (err.code === 'ENOENT') {
      throw new Error(`${command} is not installed; run \`bash scripts/setup.sh\` first`);
    }
    const out = `${err.stdout ?? ''}${err.stderr ?? ''}`.trim();
    throw new Error(`${command} ${args.join(' ')} failed:\n${out || err.message}`);
  }
}

// What `wasm-opt -O2` does to each file: binaryen's default passes at optimize level 2, shrink
// level 0, names and debug info dropped. Not -Oz: the budget is on brotli bytes, and -Oz's
// smaller raw module compresses worse (session 7, main module: -Oz 254.5 KB, -Os 253.3 KB,
// -O2 252.6 KB, -O3 254.1 KB brotli; -O2 run twice saved 0.2 KB more for 20 s of CPU); -O2 is
// also the faster code.
//
// Before that, the main module loses the exports no code can reach (`UNREACHABLE_EXPORTS`), so
// the optimiser drops the functions only they kept.
async function optimizeAll(paths, mainModule) {
  const manifest = join(BINARYEN_DIR, 'package.json');
  const version = existsSync(manifest) ? JSON.parse(readFileSync(manifest, 'utf8')).version : '';
  if (version !== BINARYEN_VERSION) {
    throw new Error(`binaryen ${BINARYEN_VERSION} is not in node_modules; run \`bash scripts/setup.sh\``);
  }
  const { default: binaryen } = await import(pathToFileURL(join(BINARYEN_DIR, 'index.js')).href);
  binaryen.setOptimizeLevel(2);
  binaryen.setShrinkLevel(0);
  // SB_WASM_NAMES=1 keeps the function names (a build to profile, never one to ship).
  binaryen.setDebugInfo(process.env.SB_WASM_NAMES === '1');
  for (const path of paths) {
    const module = binaryen.readBinary(readFileSync(path));
    try {
      if (!module.validate()) throw new Error(`${path} is not a valid wasm module`);
      if (path === mainModule) {
        const removed = removeExports(binaryen, module, UNREACHABLE_EXPORTS);
        log(`${removed} unreachable exports removed from the main module`);
      }
      module.optimize();
      writeFileSync(path, module.emitBinary());
    } finally {
      module.dispose();
    }
  }
}

// wasm-streams' JS-stream adapters (`IntoUnderlyingSource`, `IntoUnderlyingSink`,
// `IntoUnderlyingByteSource`): Leptos always depends on server_fn, which depends on
// wasm-streams, and wasm-bindgen exports every `#[wasm_bindgen]` type's methods, so they root
// ~15 KB of code in the main module (1.3 KB brotli). Only Rust can create one (the glue has no
// constructor and wasm-bindgen wrote no import that wraps one), and this app calls no server
// function and converts no Rust stream, so no instance ever exists and no method is ever
// called. Their classes stay in the glue, inert.
const UNREACHABLE_EXPORTS = /^(__wbg_)?intounderlying(byte)?(source|sink)_/;

function removeExports(binaryen, module, pattern) {
  const names = [];
  for (let i = 0; i < module.getNumExports(); i++) {
    const { name } = binaryen.getExportInfo(module.getExportByIndex(i));
    if (pattern.test(name)) names.push(name);
  }
  for (const name of names) module.removeExport(name);
  return names.length;
}

// terser from node_modules (package.json pins it; scripts/setup.sh installs it with `npm ci`).
const TERSER_DIR = join(ROOT, 'node_modules', 'terser');
const TERSER_VERSION = '5.51.2';

// Minifies ES modules in place. `module: true`: both files are ES modules, so top-level names
// may be mangled, while their exports (the names Trunk's loader, the chunks and
// `__wasm_split.js` import) and property names (the wasm import object's keys) are kept.
// No source map: the release site ships none.
async function minifyAll(paths) {
  const minify = await terser();
  for (const path of paths) {
    const result = await minify(readFileSync(path, 'utf8'), {
      module: true,
      ecma: 2020,
      compress: { passes: 2 },
      mangle: true,
      format: { comments: false },
    });
    if (typeof result.code !== 'string' || result.code.length === 0) {
      throw new Error(`terser produced nothing for ${path}`);
    }
    writeFileSync(path, result.code);
  }
}

/** terser's `minify`, the pinned version from node_modules. */
async function terser() {
  const manifest = join(TERSER_DIR, 'package.json');
  const version = existsSync(manifest) ? JSON.parse(readFileSync(manifest, 'utf8')).version : '';
  if (version !== TERSER_VERSION) {
    throw new Error(`terser ${TERSER_VERSION} is not in node_modules; run \`bash scripts/setup.sh\``);
  }
  return (await import(pathToFileURL(join(TERSER_DIR, 'main.js')).href)).minify;
}

// Minifies index.html's classic inline scripts (`src/early_read.js`, inlined by Trunk: its
// comments are for the source's readers, not for every page load). Trunk writes them with its
// nonce placeholder (`<script nonce="…">`, dropped by `withPolicy`); its loader is a module
// script and stays as Trunk wrote it, as does any script with a `src`. The policy's hashes are
// taken afterwards.
export async function minifyInlineScripts(html) {
  const minify = await terser();
  let out = '';
  let at = 0;
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const attributes = match[1];
    if (/\bsrc\s*=|\btype\s*=\s*["']?module/i.test(attributes)) continue;
    const result = await minify(match[2], {
      ecma: 2020,
      compress: { passes: 2 },
      mangle: true,
      format: { comments: false },
    });
    if (typeof result.code !== 'string' || result.code.length === 0) {
      throw new Error('terser produced nothing for an inline script of index.html');
    }
    out += `${html.slice(at, match.index)}<script${attributes}>${result.code}</script>`;
    at = match.index + match[0].length;
  }
  return out + html.slice(at);
}

// wasm binary helpers for `shortenImports`: unsigned LEB128 read at an offset / written.
function readLeb(bytes, at) {
  let value = 0;
  let shift = 0;
  let byte;
  do {
    byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return { value, at };
}
function leb(value) {
  const out = [];
  do {
    let byte = value & 0x7f;
    value = Math.floor(value / 128);
    if (value) byte |= 0x80;
    out.push(byte);
  } while (value);
  return Buffer.from(out);
}
const lebString = (s) => Buffer.concat([leb(Buffer.byteLength(s)), Buffer.from(s)]);

// The n-th short import name: a, b, ..., Z, ba, bb, ... (letters only, so never `__proto__` or
// a name the glue uses for anything else).
export function shortName(n) {
  const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
  let name = '';
  do {
    name = letters[n % letters.length] + name;
    n = Math.floor(n / letters.length);
  } while (n);
  return name;
}

// Replaces the payload of section `id` with `rewrite(payload)`; every other byte is copied.
function rewriteSection(wasm, id, rewrite) {
  if (wasm.readUInt32LE(0) !== 0x6d736100) throw new Error('not a wasm module');
  const parts = [wasm.subarray(0, 8)];
  let at = 8;
  while (at < wasm.length) {
    const start = at;
    const section = wasm[at++];
    const size = readLeb(wasm, at);
    const end = size.at + size.value;
    if (section === id) {
      const payload = rewrite(wasm.subarray(size.at, end));
      parts.push(Buffer.from([id]), leb(payload.length), payload);
    } else {
      parts.push(wasm.subarray(start, end));
    }
    at = end;
  }
  return Buffer.concat(parts);
}

// A reader of names and LEB128 numbers over one section's payload.
function cursor(bytes) {
  let at = 0;
  return {
    get at() {
      return at;
    },
    set at(value) {
      at = value;
    },
    number() {
      const n = readLeb(bytes, at);
      at = n.at;
      return n.value;
    },
    name() {
      const len = this.number();
      const text = bytes.subarray(at, at + len).toString('utf8');
      at += len;
      return text;
    },
    done: () => at === bytes.length,
  };
}

// Replaces each `long` name of `names` by its short one in `js`, where it must be a whole token
// (not part of a longer name) `expected` times (a number or 'any'). Anything else is a shape
// this was not written for, so it throws instead of guessing: a renamed import the JS does not
// define would fail at instantiation, a renamed export it still calls would fail later.
// With `unused`, a short name must not be a token of `js` yet (for names that become
// identifiers; an import's short name is only a key among the other renamed ones, or an export
// of the split loader, whose own top-level names are longer).
function renameTokens(js, names, expected, what, unused = false) {
  const token = (name) => new RegExp(`(?<![\\w$])${name.replace(/\$/g, '\\$')}(?![\\w$])`, 'g');
  for (const short of unused ? names.values() : []) {
    if (token(short).test(js)) throw new Error(`${what}: the short name ${short} is already used`);
  }
  for (const [long, short] of names) {
    const found = js.match(token(long))?.length ?? 0;
    if (expected === 'any' ? found === 0 : found !== expected) {
      throw new Error(`${what}: ${long} is named ${found} times, expected ${expected === 'any' ? 'at least once' : expected}`);
    }
    js = js.replace(token(long), short);
  }
  return js;
}

// Renames the functions the wasm module imports from the JS modules in `sources` (an object:
// module name as the wasm imports it -> that module's text) to short names, in the module's
// import section and in the module that provides them, where each such name is defined once
// (wasm-bindgen's glue: a key of its import object, `name: function(...)`; the split loader:
// `export const name = ...`). Only the import section changes (function indices and every
// other section are copied byte for byte).
export function shortenImports(wasm, sources) {
  const names = new Map(Object.keys(sources).map((module) => [module, new Map()]));
  let next = 0;
  const out = rewriteSection(wasm, 2, (payload) => {
    const c = cursor(payload);
    const count = c.number();
    const entries = [leb(count)];
    for (let i = 0; i < count; i++) {
      const module = c.name();
      let name = c.name();
      const descriptor = c.at;
      const kind = payload[c.at++];
      // The import's descriptor: a type index (function), limits (table, memory) or a value
      // type and mutability (global); skipped by its own encoding, copied unchanged.
      if (kind === 0) c.number();
      else if (kind === 1) c.at = skipLimits(payload, c.at + 1);
      else if (kind === 2) c.at = skipLimits(payload, c.at);
      else if (kind === 3) c.at += 2;
      else throw new Error(`unknown import kind ${kind}`);
      const renamed = names.get(module);
      if (renamed) {
        if (kind !== 0) throw new Error(`import ${name} from ${module} is not a function`);
        if (!renamed.has(name)) renamed.set(name, shortName(next++));
        name = renamed.get(name);
      }
      entries.push(lebString(module), lebString(name), payload.subarray(descriptor, c.at));
    }
    if (!c.done()) throw new Error('import section has trailing bytes');
    return Buffer.concat(entries);
  });
  const texts = {};
  let renamed = 0;
  for (const [module, map] of names) {
    texts[module] = renameTokens(sources[module], map, 1, `imports from ${module}`);
    renamed += map.size;
  }
  return { wasm: out, sources: texts, renamed };
}

// Renames the module's exports whose names match `pattern` to short ones (`$a`, `$b`, ...), in
// the export section and wherever `js` (the glue, their only user) names them. For the exports
// named by their mangled Rust symbol (wasm-bindgen's closure entry points, `_ZN…17h<hash>E`).
export function shortenExports(wasm, js, pattern) {
  const names = new Map();
  const out = rewriteSection(wasm, 7, (payload) => {
    const c = cursor(payload);
    const count = c.number();
    const entries = [leb(count)];
    for (let i = 0; i < count; i++) {
      let name = c.name();
      const descriptor = c.at;
      c.at += 1;
      c.number();
      if (pattern.test(name)) {
        names.set(name, `$${shortName(names.size)}`);
        name = names.get(name);
      }
      entries.push(lebString(name), payload.subarray(descriptor, c.at));
    }
    if (!c.done()) throw new Error('export section has trailing bytes');
    return Buffer.concat(entries);
  });
  return { wasm: out, js: renameTokens(js, names, 'any', 'exports', true), renamed: names.size };
}

function skipLimits(bytes, at) {
  const flags = readLeb(bytes, at);
  let cursor = readLeb(bytes, flags.at).at;
  if (flags.value & 1) cursor = readLeb(bytes, cursor).at;
  return cursor;
}

// Comments dropped (as the CSS tokenizer does: `.a/**/.b` is `.a.b`; a space is kept only
// between two word characters), whitespace runs collapsed to one space and none next to `{`,
// `}` or `;`; string literals copied as they are. Nothing else: whitespace elsewhere can matter (the
// descendant combinator in `.a :focus`, `calc(1rem - 2px)`). Our stylesheets are plain CSS
// that Trunk copies as written (its own minifier would also rewrite index.html).
export function minifyCss(css) {
  let out = '';
  let space = false;
  let comment = false;
  const word = (c) => c !== undefined && /[\w-]/.test(c);
  const emit = (text) => {
    const last = out.at(-1);
    const gap = space
      ? out !== '' && !'{};'.includes(last) && !'{};'.includes(text[0])
      : comment && word(last) && word(text[0]);
    if (gap) out += ' ';
    space = false;
    comment = false;
    out += text;
  };
  for (let i = 0; i < css.length; ) {
    const c = css[i];
    if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < css.length && css[j] !== c) j += css[j] === '\\' ? 2 : 1;
      if (j >= css.length) throw new Error('unterminated string in a stylesheet');
      emit(css.slice(i, j + 1));
      i = j + 1;
    } else if (c === '/' && css[i + 1] === '*') {
      const end = css.indexOf('*/', i + 2);
      if (end < 0) throw new Error('unterminated comment in a stylesheet');
      comment = true;
      i = end + 2;
    } else if (/\s/.test(c)) {
      space = true;
      i++;
    } else {
      emit(c);
      i++;
    }
  }
  return out;
}

const digest = (algorithm, bytes) => createHash(algorithm).update(bytes).digest('base64');

// The hashed base name Trunk gave the app, e.g. "switchboard-1a2b3c", from index.html's links.
export function appBaseName(html) {
  const m = html.match(new RegExp(`["'/](${CRATE}-[0-9a-f]+)_bg\\.wasm["']`));
  if (!m) throw new Error(`index.html names no ${CRATE}-<hash>_bg.wasm`);
  return m[1];
}

// Where cargo put the linked module: `cargo metadata` knows the target dir (CARGO_TARGET_DIR or
// the workspace default).
function cargoWasmPath(profile) {
  const meta = JSON.parse(
    execFileSync('cargo', ['metadata', '--format-version', '1', '--no-deps', '--offline'], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    }),
  );
  return join(meta.target_directory, 'wasm32-unknown-unknown', profile, `${CRATE}.wasm`);
}

// Replaces the value of `integrity` on the tag that links to `file`, if it has one.
export function updateIntegrity(html, file, bytes) {
  const value = `sha384-${digest('sha384', bytes)}`;
  return html.replace(/<link\b[^>]*>/g, (tag) =>
    tag.includes(`/${file}"`) || tag.includes(`/${file}'`)
      ? tag.replace(/integrity=(["'])[^"']*\1/, `integrity="${value}"`)
      : tag,
  );
}

// The page's stylesheets as ONE file, in the page's order (session 21): each file was a
// request of its own and a brotli stream of its own; joined, the three of ours compress to
// 170 bytes less (the initial load is within a few hundred bytes of its 250 KB budget).
// `read(name)` gives a stylesheet's text; returns the page with one `<link>` in place of the
// first (its integrity to be set by the caller) and the others removed, the joined text, its
// file name (`<stem>-<16 hex>.css`, renamed after its content later) and the names it replaces.
export function joinStylesheets(html, read, stem = 'style') {
  const links = [...html.matchAll(/<link\b[^>]*\brel=(["'])stylesheet\1[^>]*>\s*/g)];
  const names = links.map(([tag]) => {
    const m = tag.match(/\bhref=(["'])\/([^"'/]+\.css)\1/);
    if (!m) throw new Error(`stylesheet link without a local href: ${tag}`);
    return m[2];
  });
  if (names.length < 2) return { html, css: null, name: null, replaced: [] };
  const name = `${stem}-${'0'.repeat(16)}.css`;
  const css = names.map((n) => read(n)).join('');
  let first = true;
  const out = html.replace(/<link\b[^>]*\brel=(["'])stylesheet\1[^>]*>\s*/g, (tag) => {
    if (!first) return '';
    first = false;
    return tag.replace(/(\bhref=["']\/)[^"'/]+\.css/, `$1${name}`);
  });
  return { html: out, css, name, replaced: names };
}

// The main module's glue imports `__wasm_split.js`; found only once the glue has arrived, it
// was fetched ~25 ms after it, and the app started that much later (session 12 resource
// timing: the wasm was in by then). A modulepreload beside Trunk's own for the glue has the
// browser fetch both at once. Kept once on a re-run.
export function withLoaderPreload(html) {
  const tag = '<link rel="modulepreload" href="/__wasm_split.js" crossorigin="anonymous">';
  if (html.includes(tag)) return html;
  if (!html.includes('</head>')) throw new Error('index.html has no </head> for the loader preload');
  return html.replace('</head>', `${tag}</head>`);
}

// The split loader is ~24 KB of JS (4.4 KB brotli): every lazy part's chunk list and the pack's
// offsets. The glue imports it statically, so it was fetched and compiled before the first
// paint, which calls none of it. The loader becomes two modules: `__wasm_split.js`, a stub the
// glue imports, with the same exports (one small function each), and `__wasm_split_impl.js`,
// the loader as wasm-split-cli wrote it, which the stub imports dynamically on the first call
// (after the first paint: the first lazy part). A failed import is reported to the waiting
// lazy call as a failed load (the callback gets `false`, as the loader does for a chunk) and
// is asked again on the next call.
export const LOADER_IMPL = '__wasm_split_impl.js';
export function loaderStub(loader, glue) {
  const names = [...loader.matchAll(/\bexport\s+const\s+([A-Za-z_$][\w$]*)\s*=/g)].map((m) => m[1]);
  const exports = loader.match(/\bexport\b/g)?.length ?? 0;
  if (names.length === 0 || names.length !== exports) {
    throw new Error(`__wasm_split.js: ${exports} exports, ${names.length} of them \`export const NAME =\``);
  }
  if (!/\bimport\s*\{\s*initSync\b/.test(loader)) throw new Error('__wasm_split.js does not import initSync');
  // The stub's own names start with `$`, which no export name does (letters, `shortName`).
  const clash = names.find((n) => n.startsWith('$'));
  if (clash !== undefined) throw new Error(`__wasm_split.js exports ${clash}, a name the stub keeps for itself`);
  return `import{initSync as $i}from"${glue}";let $m;`
    + `const $w=n=>(e,s)=>{($m??=import("./${LOADER_IMPL}")).then(x=>x[n](e,s),r=>{$m=void 0;console.error(r);`
    + '$i(void 0,void 0).__indirect_function_table.get(e)(s,!1)})};'
    + `export const ${names.map((n) => `${n}=$w(${JSON.stringify(n)})`).join(',')};\n`;
}

async function split(staging, profile, html) {
  const base = appBaseName(html);
  const input = cargoWasmPath(profile);
  if (!existsSync(input)) throw new Error(`${input} not found; did cargo build it?`);
  const work = mkdtempSync(join(tmpdir(), 'switchboard-split-'));
  try {
    const splitDir = join(work, 'split');
    const bindgenDir = join(work, 'bindgen');
    run('wasm-split-cli', [input, splitDir, '--target', 'web', '--out-name', base]);
    run('wasm-bindgen', [
      '--target=web',
      '--keep-lld-exports',
      '--no-demangle',
      '--no-typescript',
      `--out-dir=${bindgenDir}`,
      `--out-name=${base}`,
      join(splitDir, `${base}.wasm`),
    ]);
    const mainWasm = join(bindgenDir, `${base}_bg.wasm`);
    const glue = join(bindgenDir, `${base}.js`);
    const loader = join(splitDir, '__wasm_split.js');
    const short = shortenImports(readFileSync(mainWasm), {
      [`./${base}_bg.js`]: readFileSync(glue, 'utf8'),
      './__wasm_split.js': readFileSync(loader, 'utf8'),
    });
    const exported = shortenExports(short.wasm, short.sources[`./${base}_bg.js`], /^_ZN/);
    writeFileSync(mainWasm, exported.wasm);
    writeFileSync(glue, exported.js);
    writeFileSync(loader, short.sources['./__wasm_split.js']);
    log(`${short.renamed} imports and ${exported.renamed} exports of the main module renamed`);
    const outputs = new Map(); // file name in staging -> path in work
    outputs.set(`${base}.js`, join(bindgenDir, `${base}.js`));
    outputs.set(`${base}_bg.wasm`, join(bindgenDir, `${base}_bg.wasm`));
    for (const name of readdirSync(splitDir)) {
      if (name === `${base}.wasm`) continue; // became ${base}_bg.wasm through wasm-bindgen
      if (name.endsWith('.wasm') || name.endsWith('.js')) outputs.set(name, join(splitDir, name));
    }
    if (profile === 'release') {
      await optimizeAll(
        [...outputs].filter(([name]) => name.endsWith('.wasm')).map(([, p]) => p),
        mainWasm,
      );
    }
    packSharedChunks(outputs, loader, work);
    const impl = join(work, LOADER_IMPL);
    copyFileSync(loader, impl);
    writeFileSync(loader, loaderStub(readFileSync(impl, 'utf8'), `./${base}.js`));
    outputs.set(LOADER_IMPL, impl);
    if (profile === 'release') {
      await minifyAll([...outputs].filter(([name]) => name.endsWith('.js')).map(([, p]) => p));
    }
    // wasm-bindgen's inline JS snippets are the same files Trunk already copied, but copy them
    // again so the staging dir matches this wasm-bindgen run exactly.
    const snippets = join(bindgenDir, 'snippets');
    if (existsSync(snippets)) {
      execFileSync('cp', ['-r', snippets, staging]);
    }
    for (const [name, path] of outputs) {
      copyFileSync(path, join(staging, name));
      html = updateIntegrity(html, name, readFileSync(path));
    }
    html = withLoaderPreload(html);
    const chunks = [...outputs.keys()].filter((n) => n.endsWith('.wasm') && n !== `${base}_bg.wasm`);
    const size = (name) => statSync(join(staging, name)).size;
    log(
      `split ${base}: main ${size(`${base}_bg.wasm`)} bytes, ${chunks.length} lazy chunks ` +
        `(${chunks.reduce((sum, n) => sum + size(n), 0)} bytes)`,
    );
    return html;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

// wasm-split-cli's loader fetches each shared chunk (`chunk_N.wasm`) as a file of its own:
// ~370 files, ~270 of them before the first conversation opens. On the bench machine the
// browser's six connections queued them for over a second behind one another (a conversation
// opened the moment the list appeared took ~1.9 s). They are written here as ONE file
// (`chunks_<hash>.bin`, the chunks one after another, named by a hash of its bytes so a host may
// cache it for good), fetched once on first need; each chunk is then compiled and instantiated
// from its byte range exactly as before (same imports, same order: each waits for its deps).
// The split points' own modules (`split_*.wasm`, one per lazy route or part) stay files.
const SHARED_CHUNK = /^chunk_(\d+)\.wasm$/;
export function packSharedChunks(outputs, loader, work) {
  const names = [...outputs.keys()]
    .filter((n) => SHARED_CHUNK.test(n))
    .sort((a, b) => Number(a.match(SHARED_CHUNK)[1]) - Number(b.match(SHARED_CHUNK)[1]));
  if (names.length === 0) return;
  const index = new Map(); // chunk file -> its place in the pack
  const parts = names.map((name, i) => {
    index.set(name, i);
    return readFileSync(outputs.get(name));
  });
  const pack = Buffer.concat(parts);
  const packName = `chunks_${createHash('sha256').update(pack).digest('hex').slice(0, 16)}.bin`;
  const packPath = join(work, packName);
  writeFileSync(packPath, pack);
  const source = readFileSync(loader, 'utf8');
  let replaced = 0;
  const fetcher =
    /\(\) => \{\s*const src = fetch\(new URL\("\.\/(chunk_\d+\.wasm)", import\.meta\.url\)\);\s*src\.catch\(\(\) => \{\}\);\s*return async \(imports\) => (\w*)\(WebAssembly\.instantiateStreaming\(src, imports\)\);\s*\}/g;
  // A debug build's loader wraps each instantiation (`debugWrap`, a clearer link error): kept.
  let rewritten = source.replace(fetcher, (_, name, wrap) => {
    if (!index.has(name)) throw new Error(`__wasm_split.js loads ${name}, which the split did not write`);
    replaced += 1;
    return wrap ? `() => { const load = packed(${index.get(name)}); return async (imports) => ${wrap}(load(imports)); }`
      : `() => packed(${index.get(name)})`;
  });
  if (replaced !== names.length) {
    throw new Error(`__wasm_split.js: ${replaced} shared chunk loads rewritten, ${names.length} chunks written`);
  }
  // One request for every shared chunk, made on first need; a failed one is forgotten, so the
  // next load (makeLoad forgets failures too) asks again.
  rewritten = rewritten.replace(
    /\nfunction makeLoad\(/,
    `
const chunkSizes = [${parts.map((bytes) => bytes.length).join(',')}];
let chunkPack;
function packed(index) {
    let offset = 0;
    for (let i = 0; i < index; i++) offset += chunkSizes[i];
    if (chunkPack === undefined) {
        const request = fetch(new URL("./${packName}", import.meta.url)).then((response) => {
            if (!response.ok) throw new Error(\`${packName}: \${response.status}\`);
            return response.arrayBuffer();
        });
        request.catch(() => { if (chunkPack === request) chunkPack = undefined; });
        chunkPack = request;
    }
    const bytes = chunkPack;
    return async (imports) => WebAssembly.instantiate(new Uint8Array(await bytes, offset, chunkSizes[index]), imports);
}
function makeLoad(`,
  );
  if (!rewritten.includes('function packed(')) throw new Error('__wasm_split.js: no makeLoad to put the pack loader before');
  writeFileSync(loader, rewritten);
  for (const name of names) outputs.delete(name);
  outputs.set(packName, packPath);
  log(`${names.length} shared chunks packed into ${packName} (${pack.length} bytes)`);
}

// Names every file of the app's code after its final bytes, so that a host may let browsers keep
// them for good (`Cache-Control: immutable`, as tests/e2e/support/server.mjs serves them): a
// returning visit then reads the code from the browser's cache, where Chromium also keeps the
// compiled wasm, instead of fetching and compiling ~850 KB again. Trunk's hashes are of the
// files it wrote, which this hook then replaces (split, optimised, minified): the same name
// could carry other bytes after a change of tools. wasm-split-cli names its split modules
// after the split point, not the bytes. So, from the leaves up:
// - each split module `split_<name>_<id>.wasm` becomes `split_<name>-<hash>.wasm` (the loader
//   names it); the pack of shared chunks is already named by its hash (packSharedChunks);
// - the glue and the loader import each other, so the two are named by one hash of both
//   (each with the other's name left out): `<crate>-<hash>.js` and `__wasm_split-<hash>.js`;
//   when the loader is a stub, its implementation (which fetches the split modules and imports
//   the glue) joins them: `__wasm_split_impl-<hash>.js`, one hash of the three;
// - the main module and each stylesheet: `<crate>-<hash>_bg.wasm`, `<stem>-<hash>.css` (the
//   glue's default URL of the module is the new name, so the glue is named after it).
// `files` maps each name in the staging dir to its bytes; returns the renamed files (name ->
// bytes), the old name of each (new -> old) and index.html with the new names.
export function contentAddressed(files, html, base) {
  const hash = (...parts) => {
    const h = createHash('sha256');
    for (const part of parts) h.update(part).update('\0');
    return h.digest('hex').slice(0, 16);
  };
  const text = (name) => {
    const bytes = files.get(name);
    if (bytes === undefined) throw new Error(`content names: ${name} not in the build`);
    return bytes.toString('utf8');
  };
  const out = new Map(); // new name -> bytes
  const from = new Map(); // new name -> old name
  const put = (oldName, newName, bytes) => {
    out.set(newName, Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes, 'utf8'));
    from.set(newName, oldName);
  };
  const quoted = (name) => new RegExp(`(["'/])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(["'])`, 'g');
  const swap = (source, oldName, newName, what) => {
    let count = 0;
    const result = source.replace(quoted(oldName), (_, open, close) => {
      count += 1;
      return `${open}${newName}${close}`;
    });
    if (count === 0) throw new Error(`content names: ${what} does not name ${oldName}`);
    return result;
  };

  const loaderName = '__wasm_split.js';
  let loader = files.has(loaderName) ? text(loaderName) : null;
  // The split modules are named by the module that fetches them: the loader's implementation
  // when the loader is a stub (`loaderStub`), else the loader.
  let impl = files.has(LOADER_IMPL) ? text(LOADER_IMPL) : null;
  if (impl !== null && loader === null) throw new Error(`content names: ${LOADER_IMPL} but no ${loaderName}`);
  const fetcherName = impl !== null ? LOADER_IMPL : loaderName;
  let fetcher = impl ?? loader;
  for (const name of [...files.keys()].filter((n) => /^split_.+\.wasm$/.test(n)).sort()) {
    if (fetcher === null) throw new Error(`content names: ${name} but no ${loaderName}`);
    const stem = name.replace(/_\d+\.wasm$/, '').replace(/\.wasm$/, '');
    const bytes = files.get(name);
    const renamed = `${stem}-${hash(bytes)}.wasm`;
    fetcher = swap(fetcher, name, renamed, fetcherName);
    put(name, renamed, bytes);
  }
  if (impl !== null) impl = fetcher;
  else loader = fetcher;

  const crate = base.replace(/-[0-9a-f]+$/, '');
  const wasmName = `${base}_bg.wasm`;
  const wasm = files.get(wasmName);
  if (wasm === undefined) throw new Error(`content names: ${wasmName} not in the build`);
  const newWasm = `${crate}-${hash(wasm)}_bg.wasm`;
  put(wasmName, newWasm, wasm);

  const glueName = `${base}.js`;
  // The glue's default module URL (used when no path is given to init): the module's new name.
  let glue = text(glueName).replace(quoted(wasmName), `$1${newWasm}$2`);
  if (loader !== null) {
    // The glue names the loader in its import statements only (`from"./__wasm_split.js"`); the
    // same string as a key of the wasm's import object is the module's import name: kept.
    const imports = new RegExp(`(\\bfrom\\s*)(["'])\\./${loaderName.replace('.', '\\.')}\\2`, 'g');
    // ... and the stub imports the implementation, which imports the glue: all named by one
    // hash of the three.
    const blank = (source, name) => source.replace(quoted(name), '$1$2');
    const pair = impl === null
      ? hash(glue, blank(loader, glueName))
      : hash(glue, blank(blank(loader, glueName), LOADER_IMPL), blank(impl, glueName));
    const newGlue = `${crate}-${pair}.js`;
    const newLoader = `__wasm_split-${pair}.js`;
    if (impl !== null) {
      const newImpl = `__wasm_split_impl-${pair}.js`;
      loader = swap(loader, LOADER_IMPL, newImpl, loaderName);
      put(LOADER_IMPL, newImpl, swap(impl, glueName, newGlue, LOADER_IMPL));
    }
    let found = 0;
    glue = glue.replace(imports, (_, kw, q) => {
      found += 1;
      return `${kw}${q}./${newLoader}${q}`;
    });
    if (found === 0) throw new Error(`content names: ${glueName} does not import ${loaderName}`);
    loader = swap(loader, glueName, newGlue, loaderName);
    put(loaderName, newLoader, loader);
    put(glueName, newGlue, glue);
  } else {
    put(glueName, `${crate}-${hash(glue)}.js`, glue);
  }

  for (const name of [...files.keys()].filter((n) => /-[0-9a-f]{16}\.css$/.test(n))) {
    const bytes = files.get(name);
    put(name, `${name.replace(/-[0-9a-f]{16}\.css$/, '')}-${hash(bytes)}.css`, bytes);
  }

  for (const [newName, oldName] of from) {
    if (oldName.startsWith('split_') || oldName === LOADER_IMPL) continue; // named by the loader only
    html = swap(html, oldName, newName, 'index.html');
  }
  return { files: out, from, html };
}

// The sha256 sources of every inline <script> (one with no src attribute) in the page.
export function inlineScriptHashes(html) {
  const hashes = [];
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    if (/\bsrc\s*=/.test(m[1])) continue;
    hashes.push(`'sha256-${digest('sha256', Buffer.from(m[2], 'utf8'))}'`);
  }
  return hashes;
}

// Trunk marks its inline scripts with this nonce (Trunk.toml create_nonce); `trunk serve`
// replaces it in every response with a fresh random value.
const NONCE_PLACEHOLDER = '{{__TRUNK NONCE__}}';
// Text `trunk serve` rewrites in its autoreload script per response (the page's host), so that
// script's hash cannot be known here.
const SERVE_REWRITES = /\{\{__TRUNK_(ADDRESS|WS_BASE)__\}\}/;

// The script-src sources for the inline scripts. A built site (trunk build) gets their hashes
// and loses the unused nonce placeholders. Under `trunk serve` with autoreload the page gets the
// nonce instead: the dev server writes the same fresh value into the scripts and this policy.
export function inlineScriptSources(html) {
  if (SERVE_REWRITES.test(html)) {
    if (!html.includes(`nonce="${NONCE_PLACEHOLDER}"`)) {
      throw new Error('trunk serve: inline scripts carry no nonce; set create_nonce in Trunk.toml');
    }
    return { html, sources: [`'nonce-${NONCE_PLACEHOLDER}'`], serve: true };
  }
  const stripped = html.replaceAll(` nonce="${NONCE_PLACEHOLDER}"`, '');
  return { html: stripped, sources: inlineScriptHashes(stripped), serve: false };
}

// Puts the policy meta right after <meta charset>, so it governs every script that follows;
// an older policy meta (a re-run on the same file) is replaced.
export function withPolicy(input) {
  const { html, sources, serve } = inlineScriptSources(input);
  // The dev server's autoreload websocket: 'self' covers a same-host ws: in current browsers;
  // ws: is added under `trunk serve` only, for the others. A built site never gets it.
  const directives = serve
    ? POLICY.map((d) => (d === "connect-src 'self'" ? "connect-src 'self' ws: wss:" : d))
    : POLICY;
  const policy = directives.join('; ').replace('INLINE_SCRIPTS', sources.join(' '));
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policy}">`;
  const stripped = html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>\s*/i, '');
  const charset = stripped.match(/<meta charset=[^>]*>/i);
  if (!charset) throw new Error('index.html has no <meta charset>; the policy goes after it');
  const at = charset.index + charset[0].length;
  return `${stripped.slice(0, at)}${meta}${stripped.slice(at)}`;
}

async function main() {
  const staging = process.env.TRUNK_STAGING_DIR;
  const profile = process.env.TRUNK_PROFILE;
  if (!staging || !profile) {
    console.error('post-build: run by Trunk as a post_build hook (TRUNK_STAGING_DIR, TRUNK_PROFILE)');
    process.exit(2);
  }
  const indexPath = join(staging, 'index.html');
  let html = readFileSync(indexPath, 'utf8');
  html = await split(staging, profile, html);
  if (profile === 'release') {
    html = await minifyInlineScripts(html);
    for (const name of readdirSync(staging).filter((n) => n.endsWith('.css'))) {
      const path = join(staging, name);
      writeFileSync(path, minifyCss(readFileSync(path, 'utf8')));
      html = updateIntegrity(html, name, readFileSync(path));
    }
  }
  const joined = joinStylesheets(html, (name) => readFileSync(join(staging, name), 'utf8'));
  if (joined.name !== null) {
    for (const name of joined.replaced) rmSync(join(staging, name));
    writeFileSync(join(staging, joined.name), joined.css);
    html = updateIntegrity(joined.html, joined.name, Buffer.from(joined.css, 'utf8'));
    log(`${joined.replaced.length} stylesheets joined as ${joined.name}`);
  }
  const base = appBaseName(html);
  const code = new Map(
    readdirSync(staging)
      .filter((n) => n === '__wasm_split.js' || n === LOADER_IMPL || n.startsWith(`${base}.`) || n.startsWith(`${base}_bg.`)
        || /^split_.+\.wasm$/.test(n) || /-[0-9a-f]{16}\.css$/.test(n))
      .map((n) => [n, readFileSync(join(staging, n))]),
  );
  const named = contentAddressed(code, html, base);
  for (const [name, oldName] of named.from) {
    rmSync(join(staging, oldName));
    writeFileSync(join(staging, name), named.files.get(name));
    named.html = updateIntegrity(named.html, name, named.files.get(name));
  }
  html = withPolicy(named.html);
  log(`${named.from.size} files named by their content`);
  writeFileSync(indexPath, html);
  log('Content-Security-Policy set');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((err) => {
    console.error(`post-build: ${err.message}`);
    process.exit(1);
  });
}
