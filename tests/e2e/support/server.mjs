// A tiny static file server for the e2e tests: serves a Trunk `dist/` directory on 127.0.0.1 at
// an ephemeral port, with the MIME types browsers insist on (application/wasm for streaming
// compilation, text/javascript for modules) and the single-page-app fallback: a path without a
// file extension (/inbox/unassigned, /settings/inboxes) gets index.html, so deep links load the
// app shell like they do on a real host; text and code go brotli-compressed to a browser that
// accepts it, as from a real host. It serves files only; it never writes anything.

import { createServer, request as httpRequest } from 'node:http';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { brotliCompress, constants as zlib } from 'node:zlib';
import { promisify } from 'node:util';
import { basename, extname, join, resolve, sep } from 'node:path';

const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.eml': 'message/rfc822',
  '.webmanifest': 'application/manifest+json',
};

export function mimeType(path) {
  return MIME_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

// Text and code are sent brotli-compressed to a browser that accepts it, as any production
// host does (the initial-load budget is in brotli bytes): compressed once per file version, at
// quality 5 (the wasm in ~30 ms; quality 11 takes seconds and saves 10 % more), kept in memory.
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.wasm', '.bin', '.json', '.svg', '.txt', '.map', '.eml']);
const compress = promisify(brotliCompress);
const compressed = new Map(); // path -> { version, body: Promise<Buffer> }

/** The file's brotli body (cached per path, size and mtime), or null when not worth it. */
async function brotliOf(path, info) {
  if (!COMPRESSIBLE.has(extname(path).toLowerCase()) || info.size < 1024) return null;
  const version = `${info.size}:${info.mtimeMs}`;
  let entry = compressed.get(path);
  if (entry?.version !== version) {
    const body = readFile(path).then((raw) =>
      compress(raw, { params: { [zlib.BROTLI_PARAM_QUALITY]: 5, [zlib.BROTLI_PARAM_SIZE_HINT]: raw.length } }));
    entry = { version, body };
    compressed.set(path, entry);
    body.catch(() => compressed.delete(path));
  }
  const body = await entry.body;
  return body.length < info.size ? body : null;
}

/** Whether the request's Accept-Encoding allows br (and does not refuse it with q=0). */
export function acceptsBrotli(header) {
  return (header ?? '').split(',').some((part) => {
    const [coding, ...params] = part.trim().split(';').map((x) => x.trim());
    const q = params.find((x) => x.startsWith('q='));
    return coding === 'br' && (!q || Number(q.slice(2)) > 0);
  });
}

async function fileAt(path) {
  try {
    const info = await stat(path);
    return info.isFile() ? info : null;
  } catch {
    return null;
  }
}

// A file named after its content (scripts/post-build.mjs `contentAddressed`: the app's code
// `<name>-<16 hex>.js/.wasm/.css`, `<crate>-<16 hex>_bg.wasm`, and the pack of shared chunks
// `chunks_<16 hex>.bin`) never changes under that name: a production host lets browsers keep
// it for good, and so does this server. A returning visit then reads the code from the
// browser's cache, where Chromium also keeps the compiled wasm. Every other file (index.html,
// the demo data, locales, the bench's pages) is fetched anew each time, so every test still
// sees the build it is testing.
const CONTENT_NAMED = /(?:-[0-9a-f]{16}(?:_bg)?|^chunks_[0-9a-f]{16})\.(?:js|wasm|css|bin)$/;

/** The Cache-Control header for the file at `path`. */
export function cacheControl(path) {
  return CONTENT_NAMED.test(basename(path)) ? 'public, max-age=31536000, immutable' : 'no-store';
}

/**
 * The backend URL for `pathname` + `search` when a proxy prefix matches it, else null.
 * `proxy` maps a path prefix ("/jmap") to a backend URL ("http://127.0.0.1:18480/jmap"): the
 * prefix is replaced by the backend, the rest of the path and the query are kept.
 */
export function proxyTarget(proxy, pathname, search) {
  for (const [prefix, backend] of Object.entries(proxy ?? {})) {
    if (pathname === prefix || pathname.startsWith(`${prefix}/`)) {
      return `${backend}${pathname.slice(prefix.length)}${search}`;
    }
  }
  return null;
}

/** `headers` without those that describe one connection (RFC 9110 §7.6.1). */
function hopByHopRemoved(headers) {
  const out = { ...headers };
  for (const name of ['connection', 'keep-alive', 'proxy-connection', 'te', 'trailer', 'upgrade']) {
    delete out[name];
  }
  return out;
}

// Forwards the request as it is (method, headers, body) and streams the answer back: the app
// then reaches the mail server on its own origin, as behind a production reverse proxy.
// Each request gets its own backend connection (`agent: false`): a kept-alive socket the
// backend has just closed would fail a request that never reached it.
function forward(req, res, target) {
  const url = new URL(target);
  const upstream = httpRequest(
    url,
    { method: req.method, headers: { ...hopByHopRemoved(req.headers), host: url.host }, agent: false },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    },
  );
  upstream.on('error', (error) => {
    if (!res.headersSent) {
      res.writeHead(502, { 'Content-Type': 'text/plain; charset=utf-8' });
    }
    res.end(`proxy: ${error.message}`);
  });
  req.pipe(upstream);
}

/**
 * Starts serving `root` (a built dist/ directory).
 * @param {{root: string, proxy?: Record<string, string>}} options `proxy`: path prefix →
 *   backend URL, e.g. `{ '/jmap': 'http://127.0.0.1:18480/jmap' }` (see proxyTarget).
 * @returns {Promise<{url: string, close: () => Promise<void>}>} url has no trailing slash.
 */
export async function startServer({ root, proxy }) {
  const base = resolve(root);
  const index = join(base, 'index.html');
  if (!(await fileAt(index))) {
    throw new Error(`${index} not found: build the app first (trunk build --release)`);
  }

  const server = createServer(async (req, res) => {
    try {
      if (proxy) {
        const { pathname, search } = new URL(req.url, 'http://localhost');
        const target = proxyTarget(proxy, pathname, search);
        if (target) {
          forward(req, res, target);
          return;
        }
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405, { Allow: 'GET, HEAD' }).end();
        return;
      }
      let pathname;
      try {
        pathname = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
      } catch {
        res.writeHead(400).end('bad request');
        return;
      }
      let path = resolve(base, `.${pathname}`);
      if (path !== base && !path.startsWith(base + sep)) {
        res.writeHead(403).end('forbidden');
        return;
      }
      let info = await fileAt(path);
      if (!info && pathname.endsWith('/')) {
        path = join(path, 'index.html');
        info = await fileAt(path);
      }
      // SPA fallback: only for route-like paths, so a missing asset stays a visible 404.
      if (!info && extname(pathname) === '') {
        path = index;
        info = await fileAt(path);
      }
      if (!info) {
        res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found');
        return;
      }
      const headers = {
        'Content-Type': mimeType(path),
        'Content-Length': info.size,
        'Cache-Control': cacheControl(path),
        Vary: 'Accept-Encoding',
      };
      const brotli = acceptsBrotli(req.headers['accept-encoding']) ? await brotliOf(path, info) : null;
      if (brotli) {
        res.writeHead(200, { ...headers, 'Content-Encoding': 'br', 'Content-Length': brotli.length });
        res.end(req.method === 'HEAD' ? undefined : brotli);
        return;
      }
      res.writeHead(200, headers);
      if (req.method === 'HEAD') {
        res.end();
        return;
      }
      createReadStream(path)
        .on('error', () => res.destroy())
        .pipe(res);
    } catch (error) {
      res.writeHead(500).end(String(error));
    }
  });

  await new Promise((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolveListen);
  });
  const { port } = server.address();

  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolveClose) => {
        // A browser keeps idle keep-alive sockets open; drop them so close() returns promptly.
        server.closeAllConnections();
        server.close(() => resolveClose());
      }),
  };
}
