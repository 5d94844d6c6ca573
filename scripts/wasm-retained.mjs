#!/usr/bin/env node
// Bundle-size attribution for the code split (ARCHITECTURE.md "Bundle size"); a measuring aid,
// not part of any build or test. Reads the module cargo linked with --emit-relocs
// (target/wasm32-unknown-unknown/release/switchboard.wasm), builds its reference graph
// (functions and data symbols, from the reloc.CODE / reloc.DATA sections and the linking
// symbol table: the relocations wasm-split-cli reads), roots it at the exports that are not
// split points (= the main module), and computes the dominator tree. The retained size of X is
// what (code + data, before wasm-bindgen and wasm-opt) would leave the main module if X went
// behind a #[lazy] boundary.
// Usage: node scripts/wasm-retained.mjs switchboard.wasm [name regex]   (TOP=n rows)
//   PRECUT=regex   drop references to matching nodes first (what-if: they are lazy)
//   CUT=regex      print the main module's size without what only they reach
//   WHO=regex      print who references the matching nodes
//   GROUP=1        sizes grouped by crate / name prefix;  DATA=n  the n largest data symbols
import { readFileSync } from 'node:fs';
const buf = readFileSync(process.argv[2]);
let p = 8;
const u = () => { let r = 0, s = 0, b; do { b = buf[p++]; r += (b & 0x7f) * 2 ** s; s += 7; } while (b & 0x80); return r; };
const sl = () => { let r = 0, s = 0, b; do { b = buf[p++]; r |= (b & 0x7f) << s; s += 7; } while (b & 0x80); if (s < 32 && (b & 0x40)) r |= -1 << s; return r; };
const str = () => { const l = u(); const s = buf.slice(p, p + l).toString(); p += l; return s; };
let nImportFuncs = 0;
const sections = [];
const exports = [];
const bodies = []; // {start,end} relative to code section payload
const segs = []; // data segment payload offset relative to data section payload
const names = new Map();
let dataStartAbs = 0;
let codeIdx = -1, dataIdx = -1, secIndex = 0;
const relocs = []; // {target section index, start, end}
let linkingStart = -1, linkingEnd = -1;
while (p < buf.length) {
  const id = buf[p++]; const len = u(); const start = p; const end = p + len;
  if (id === 2) { const n = u(); for (let i = 0; i < n; i++) { str(); str(); const k = buf[p++]; if (k === 0) { u(); nImportFuncs++; } else if (k === 1) { p++; const f = u(); u(); if (f & 1) u(); } else if (k === 2) { const f = u(); u(); if (f & 1) u(); } else if (k === 3) { p += 2; } else { p++; u(); } } }
  if (id === 7) { const n = u(); for (let i = 0; i < n; i++) { const s = str(); const k = buf[p++]; const idx = u(); exports.push({ s, k, idx }); } }
  if (id === 10) { codeIdx = secIndex; const n = u(); for (let i = 0; i < n; i++) { const l = u(); bodies.push({ start: p - start, end: p - start + l }); p += l; } }
  if (id === 11) { dataStartAbs = start; dataIdx = secIndex; const n = u(); for (let i = 0; i < n; i++) { const flags = u(); if (flags === 2) u(); if (flags !== 1) { // offset expr
        while (buf[p] !== 0x0b) p++; p++; }
      const l = u(); segs.push({ start: p - start, len: l }); p += l; } }
  if (id === 0) { const nm = str(); if (nm === 'linking') { linkingStart = p; linkingEnd = end; }
    else if (nm.startsWith('reloc.')) { relocs.push({ name: nm, start: p, end }); }
    else if (nm === 'name') { while (p < end) { const sid = buf[p++]; const sz = u(); const se = p + sz; if (sid === 1) { const n = u(); for (let i = 0; i < n; i++) { const idx = u(); names.set(idx, str()); } } p = se; } } }
  secIndex++;
  p = end;
}
// Symbol table.
const syms = [];
p = linkingStart; u();
while (p < linkingEnd) {
  const t = buf[p++]; const l = u(); const e = p + l;
  if (t === 8) { const n = u(); for (let i = 0; i < n; i++) { const kind = buf[p++]; const flags = u(); const undef = flags & 0x10; const explicit = flags & 0x40;
      if (kind === 0 || kind === 2 || kind === 4 || kind === 5) { const index = u(); let name = ''; if (!undef || explicit) name = str(); syms.push({ kind, index, name, undef }); }
      else if (kind === 1) { const name = str(); if (!undef) { const seg = u(); const off = u(); const size = u(); syms.push({ kind, name, seg, off, size }); } else syms.push({ kind, name, undef }); }
      else if (kind === 3) { const index = u(); syms.push({ kind, index }); }
      else throw new Error('sym kind ' + kind);
    } }
  p = e;
}
// Nodes: functions 0..F-1 (defined, by function index - imports), data symbols after.
const F = bodies.length;
const dataSyms = syms.filter((s) => s.kind === 1 && !s.undef && s.size > 0);
const nodeOfDataSym = new Map();
const dataNodes = [];
for (const s of dataSyms) { const abs = segs[s.seg].start + s.off; const id = F + dataNodes.length; dataNodes.push({ abs, size: s.size, name: s.name }); nodeOfDataSym.set(s, id); }
const N = F + dataNodes.length;
const size = new Float64Array(N);
for (let i = 0; i < F; i++) size[i] = bodies[i].end - bodies[i].start;
for (let i = 0; i < dataNodes.length; i++) size[F + i] = dataNodes[i].size;
const nodeName = (i) => (i < F ? names.get(i + nImportFuncs) ?? `f${i}` : 'data:' + dataNodes[i - F].name);
const byAbs = dataNodes.map((d, i) => [d.abs, d.abs + d.size, F + i]).sort((a, b) => a[0] - b[0]);
const find = (arr, off) => { let lo = 0, hi = arr.length - 1, r = -1; while (lo <= hi) { const m = (lo + hi) >> 1; if (arr[m][0] <= off) { r = m; lo = m + 1; } else hi = m - 1; } return r >= 0 && off < arr[r][1] ? arr[r][2] : -1; };
const bodyArr = bodies.map((b, i) => [b.start, b.end, i]);
const targetNode = (sym) => {
  if (!sym) return -1;
  if (sym.kind === 0 && !sym.undef && sym.index >= nImportFuncs) return sym.index - nImportFuncs;
  if (sym.kind === 1) return nodeOfDataSym.get(sym) ?? -1;
  return -1;
};
const WITH_ADDEND = new Set([3, 4, 5, 8, 9, 11, 14, 15, 16, 17, 21, 22, 23, 25]);
const edges = Array.from({ length: N }, () => []);
for (const r of relocs) {
  p = r.start; const target = u(); const n = u();
  const arr = target === codeIdx ? bodyArr : target === dataIdx ? byAbs : null;
  for (let i = 0; i < n; i++) { const type = buf[p++]; const off = u(); const idx = u(); if (WITH_ADDEND.has(type)) sl();
    if (!arr) continue; const from = find(arr, off); const to = targetNode(syms[idx]); if (from >= 0 && to >= 0 && from !== to) edges[from].push(to); }
}
if (process.env.PRECUT) { const re = new RegExp(process.env.PRECUT); const bad = new Uint8Array(N); for (let i = 0; i < N; i++) if (re.test(nodeName(i))) bad[i] = 1; for (let i = 0; i < N; i++) edges[i] = edges[i].filter((w) => !bad[w]); }
// Roots: exports that are not split-point entries.
const roots = exports.filter((e) => e.k === 0 && !e.s.includes('_export_') && e.idx >= nImportFuncs).map((e) => e.idx - nImportFuncs);
// Reachability + dominators (Cooper-Harvey-Kennedy on a reverse postorder).
const ROOT = N; edges.push(roots);
const order = []; const rpoIndex = new Int32Array(N + 1).fill(-1); const seen = new Uint8Array(N + 1);
{ const stack = [[ROOT, 0]]; seen[ROOT] = 1; while (stack.length) { const top = stack[stack.length - 1]; const [v, i] = top; if (i < edges[v].length) { top[1]++; const w = edges[v][i]; if (!seen[w]) { seen[w] = 1; stack.push([w, 0]); } } else { order.push(v); stack.pop(); } } }
order.reverse(); order.forEach((v, i) => (rpoIndex[v] = i));
const preds = Array.from({ length: N + 1 }, () => []);
for (const v of order) for (const w of edges[v]) preds[w].push(v);
const idom = new Int32Array(N + 1).fill(-1); idom[ROOT] = ROOT;
const intersect = (a, b) => { while (a !== b) { while (rpoIndex[a] > rpoIndex[b]) a = idom[a]; while (rpoIndex[b] > rpoIndex[a]) b = idom[b]; } return a; };
let changed = true;
while (changed) { changed = false; for (const v of order) { if (v === ROOT) continue; let nd = -1; for (const q of preds[v]) { if (idom[q] === -1) continue; nd = nd === -1 ? q : intersect(q, nd); } if (nd !== idom[v]) { idom[v] = nd; changed = true; } } }
const retained = new Float64Array(N + 1);
for (let i = order.length - 1; i >= 0; i--) { const v = order[i]; if (v !== ROOT) { retained[v] += size[v]; retained[idom[v]] += retained[v]; } }
let mainCode = 0, mainData = 0; for (const v of order) { if (v === ROOT) continue; if (v < F) mainCode += size[v]; else mainData += size[v]; }
console.log(`main: ${order.length - 1} nodes, code ${mainCode} bytes, data ${mainData} bytes (of ${N} nodes)`);
const filter = process.argv[3] ? new RegExp(process.argv[3]) : null;
const rows = order.filter((v) => v !== ROOT && (!filter || filter.test(nodeName(v)))).map((v) => [retained[v], v]).sort((a, b) => b[0] - a[0]);
for (const [r, v] of rows.slice(0, Number(process.env.TOP ?? 50))) console.log(String(r).padStart(9), String(size[v]).padStart(7), nodeName(v).slice(0, 160));
if (process.env.WHO) { const re = new RegExp(process.env.WHO); for (const v of order) if (v !== ROOT && re.test(nodeName(v))) { console.log('==', nodeName(v).slice(0, 120)); for (const q of preds[v].slice(0, 15)) console.log('   <-', q === ROOT ? 'ROOT' : nodeName(q).slice(0, 140)); } }
// What-if: CUT=regex removes the matching nodes (as if they were behind a lazy boundary) and
// reports the main module's size without what only they reached.
if (process.env.CUT) {
  const re = new RegExp(process.env.CUT);
  const seen2 = new Uint8Array(N + 1); const st = [ROOT]; seen2[ROOT] = 1; let code = 0, data = 0; const cut = [];
  while (st.length) { const v = st.pop(); if (v !== ROOT) { if (re.test(nodeName(v))) { cut.push(v); continue; } if (v < F) code += size[v]; else data += size[v]; } for (const w of edges[v]) if (!seen2[w]) { seen2[w] = 1; st.push(w); } }
  const before = mainCode + mainData; const after = code + data;
  console.log(`CUT ${process.env.CUT}: ${cut.length} cut nodes; main ${before} -> ${after} (-${before - after}, -${(100 * (before - after) / before).toFixed(1)}%)`);
}
if (process.env.GROUP) {
  const re = process.env.CUT ? new RegExp(process.env.CUT) : null;
  const seen2 = new Uint8Array(N + 1); const st = [ROOT]; seen2[ROOT] = 1; const g = new Map();
  while (st.length) { const v = st.pop(); if (v !== ROOT) { const nm = nodeName(v); if (re && re.test(nm)) continue;
      let key = 'other'; const m = nm.match(/^_ZN(?:\d+_\$LT\$)?(\d+)?([A-Za-z_][A-Za-z0-9_]*)/); if (nm.startsWith('data:')) key = 'data'; else if (nm.startsWith('__wbindgen_describe')) key = 'describe'; else if (m) key = (nm.match(/\$LT\$([a-z_]+)/)?.[1] ?? m[2]); else if (nm.startsWith('_R')) key = 'v0:' + (nm.match(/\d+([a-z_]+)/)?.[1] ?? '?');
      if (key === 'switchboard') key += '::' + (nm.match(/switchboard(?:\.\.|\d+)([a-z_]+)/)?.[1] ?? '');
      g.set(key, (g.get(key) ?? 0) + size[v]); }
    for (const w of edges[v]) if (!seen2[w]) { seen2[w] = 1; st.push(w); } }
  for (const [k, v] of [...g].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(String(v).padStart(9), k);
}
if (process.env.DATA) {
  const rows = order.filter((v) => v !== ROOT && v >= F).map((v) => [size[v], v]).sort((a, b) => b[0] - a[0]);
  let tot = 0; for (const [s] of rows) tot += s; console.log('data nodes', rows.length, tot);
  for (const [s, v] of rows.slice(0, Number(process.env.DATA))) { const d = dataNodes[v - F]; const seg = segs.find((g) => d.abs >= g.start && d.abs < g.start + g.len); console.log(String(s).padStart(7), nodeName(v).slice(0, 60), JSON.stringify(buf.slice(dataStartAbs + d.abs, dataStartAbs + d.abs + Math.min(80, s)).toString('latin1'))); }
}
