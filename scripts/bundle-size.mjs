#!/usr/bin/env node
// Bundle budget: prints the raw and brotli size of every .wasm, .js and .css file that the
// initial page load fetches from a `trunk build --release` output, and compares their brotli
// total with two numbers:
//   - the product budget, 250 KB (SPEC: initial load under 250 KB). Over it, the script says so
//     and by how much on every run; under it, how much is left.
//   - the regression ceiling (BUNDLE_CEILING_KB, default below): the size the app had when the
//     budget was last re-measured, plus ~2 %. Over it the script exits 1, so the bundle can only
//     shrink.
// The wasm is code-split (scripts/post-build.mjs, ARCHITECTURE.md "Bundle size"): the lazily
// loaded chunks (every other .wasm in dist, fetched by __wasm_split.js when a lazy route or part
// is first used) are listed separately and not counted.
// Usage: node scripts/bundle-size.mjs [dist]
//
// "Initial load" = what index.html references (Trunk's preload/modulepreload/stylesheet links
// and the inline loader script) plus the modules those JS files import statically (the split
// loader __wasm_split.js is one) and the stylesheets those CSS files @import. Files Trunk merely
// copies (demo data, sample .eml, icons) are not part of it. Only node's standard library, so
// it runs before `npm ci` too.

import { readFileSync, readdirSync, existsSync, statSync } from 'node:fs';
import { resolve, relative, dirname, join, extname, sep } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';

const BUDGET_BYTES = 250 * 1024;
// Measured 2026-11-22 (session 3): 296.6 KB brotli initial load; session 4: 281.0 KB after
// taking code the first screen never runs out of the main module (the upgrade's serialisers,
// the English table of pointers, the tagged enums' buffered reads), 286.8 KB once the session's
// translated refusals were merged (134 more English texts in the main module's catalogue);
// session 6: 269.7 KB (own IndexedDB open handlers, the first paint's directory summary, no
// `<A>` or derived enum visitors in the first screen, minified JS); session 7: within the
// budget (short import names, -O2, the later English texts, light first-screen records and
// the schema backfills out of the main module; ARCHITECTURE.md "Bundle size"). Since then the
// ceiling is the budget itself (250), so the test command fails above it.
const CEILING_BYTES = Number(process.env.BUNDLE_CEILING_KB ?? 250) * 1024;
const COUNTED = new Set(['.wasm', '.js', '.css']);

const dist = resolve(process.argv[2] ?? 'dist');
const indexPath = join(dist, 'index.html');
if (!existsSync(indexPath)) {
  console.error(`bundle-size: ${indexPath} not found; run \`trunk build --release\` first.`);
  process.exit(2);
}

// Quoted strings and attribute values in index.html that name a counted file.
function referencesInHtml(html) {
  const refs = [];
  for (const m of html.matchAll(/["'`]([^"'`\s<>]+?\.(?:wasm|js|css))(?:[?#][^"'`\s]*)?["'`]/g)) {
    refs.push(m[1]);
  }
  return refs;
}

// Static imports only (`import x from '...'`, `export ... from '...'`, `import '...'`): a
// dynamic import() is not fetched at start-up.
function referencesInJs(js) {
  const refs = [];
  for (const m of js.matchAll(/\b(?:import|export)\b[^'"`;()]*?\bfrom\s*["']([^"']+)["']/g)) {
    refs.push(m[1]);
  }
  for (const m of js.matchAll(/\bimport\s*["']([^"']+)["']/g)) refs.push(m[1]);
  return refs;
}

function referencesInCss(css) {
  const refs = [];
  for (const m of css.matchAll(/@import\s+(?:url\(\s*)?["']?([^"')\s;]+)["']?/g)) refs.push(m[1]);
  return refs;
}

// Maps a URL as written in a file to a path inside dist, or null for external URLs.
function toDistPath(ref, fromFile) {
  if (/^[a-z][a-z0-9+.-]*:/i.test(ref) || ref.startsWith('//')) return null;
  const clean = ref.replace(/[?#].*$/, '');
  const base = clean.startsWith('/') ? dist : dirname(fromFile);
  const path = resolve(base, clean.replace(/^\/+/, ''));
  if (path !== dist && !path.startsWith(dist + sep)) return null;
  return path;
}

const files = new Map(); // path -> Buffer
const missing = [];
const queue = referencesInHtml(readFileSync(indexPath, 'utf8')).map((ref) => [ref, indexPath]);
while (queue.length > 0) {
  const [ref, from] = queue.shift();
  const path = toDistPath(ref, from);
  if (path === null || files.has(path) || !COUNTED.has(extname(path))) continue;
  if (!existsSync(path) || !statSync(path).isFile()) {
    missing.push(`${ref} (referenced by ${relative(dist, from)})`);
    continue;
  }
  const bytes = readFileSync(path);
  files.set(path, bytes);
  if (path.endsWith('.js')) {
    for (const next of referencesInJs(bytes.toString('utf8'))) queue.push([next, path]);
  } else if (path.endsWith('.css')) {
    for (const next of referencesInCss(bytes.toString('utf8'))) queue.push([next, path]);
  }
}

if (missing.length > 0) {
  console.error(`bundle-size: referenced files missing from ${dist}:\n  ${missing.join('\n  ')}`);
  process.exit(2);
}
if (![...files.keys()].some((path) => path.endsWith('.wasm'))) {
  console.error('bundle-size: index.html references no .wasm file; is this a Trunk build?');
  process.exit(2);
}

const brotli = (bytes) =>
  brotliCompressSync(bytes, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
    },
  }).length;

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const rows = [...files.entries()]
  .map(([path, bytes]) => ({ name: relative(dist, path), raw: bytes.length, br: brotli(bytes) }))
  .sort((a, b) => b.br - a.br);
const total = rows.reduce((sum, r) => ({ raw: sum.raw + r.raw, br: sum.br + r.br }), {
  raw: 0,
  br: 0,
});

// Lazily loaded chunks: every other .wasm in dist and the pack of shared chunks (.bin), which
// the split loader fetches the first time a lazy route or part needs them, and the modules the
// initial load's JS imports dynamically (`import("./x.js")`: the loader's implementation,
// scripts/post-build.mjs `loaderStub`). Reported, not counted.
const dynamic = new Set();
for (const [path, bytes] of files) {
  if (!path.endsWith('.js')) continue;
  for (const m of bytes.toString('utf8').matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g)) {
    const target = toDistPath(m[1], path);
    if (target !== null && existsSync(target)) dynamic.add(relative(dist, target));
  }
}
const lazy = readdirSync(dist)
  .filter((name) => (name.endsWith('.wasm') || name.endsWith('.bin') || dynamic.has(name))
    && !files.has(join(dist, name)))
  .map((name) => {
    const bytes = readFileSync(join(dist, name));
    return { name, raw: bytes.length, br: brotli(bytes) };
  })
  .sort((a, b) => b.br - a.br);
const lazyTotal = lazy.reduce((sum, r) => ({ raw: sum.raw + r.raw, br: sum.br + r.br }), {
  raw: 0,
  br: 0,
});

const width = Math.max(5, ...rows.map((r) => r.name.length), ...lazy.map((r) => r.name.length));
const line = (name, raw, br) =>
  `${name.padEnd(width)}  ${String(raw).padStart(10)}  ${String(br).padStart(12)}`;
console.log(`${'initial load'.padEnd(width)}  ${'raw bytes'.padStart(10)}  ${'brotli bytes'.padStart(12)}`);
for (const r of rows) console.log(line(r.name, r.raw, r.br));
console.log(line('total', total.raw, total.br));
if (lazy.length > 0) {
  console.log(`\n${'lazy chunks'.padEnd(width)}`);
  for (const r of lazy) console.log(line(r.name, r.raw, r.br));
  console.log(line('total', lazyTotal.raw, lazyTotal.br));
  console.log(
    `lazy chunks: ${lazy.length} files, ${kb(lazyTotal.br)} brotli, fetched on first use ` +
      '(not part of the initial load)',
  );
}
const verdict = total.br <= BUDGET_BYTES ? 'within' : 'OVER';
const gap =
  total.br > BUDGET_BYTES
    ? ` by ${kb(total.br - BUDGET_BYTES)}`
    : ` (${kb(BUDGET_BYTES - total.br)} to spare)`;
console.log(
  `bundle budget: initial load ${kb(total.br)} brotli (${kb(total.raw)} raw, ${rows.length} ` +
    `files), ${verdict} the budget of ${kb(BUDGET_BYTES)}${gap}`,
);
if (total.br > CEILING_BYTES) {
  console.log(`bundle budget: FAILED, over the regression ceiling of ${kb(CEILING_BYTES)}`);
  process.exit(1);
}
if (total.br > BUDGET_BYTES) {
  console.log(
    `bundle budget: product budget not met; within the regression ceiling of ${kb(CEILING_BYTES)}`,
  );
}
process.exit(0);
