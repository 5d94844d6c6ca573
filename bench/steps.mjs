// What bench/run.mjs and bench/ab.mjs share: the probes installed before the app runs, the
// measured steps (each a function evaluated in the page, or taking the page), and how their
// samples are summed up.

/** The `q` quantile (0..1) of the finite values of `xs`, interpolated; NaN when none. */
export function quantile(xs, q) {
  const s = [...xs].filter(Number.isFinite).sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const i = (s.length - 1) * q;
  const lo = Math.floor(i);
  return s[lo] + (s[Math.ceil(i)] - s[lo]) * (i - lo);
}
export const median = (xs) => quantile(xs, 0.5);

// Installed in every page before the app runs: when the first conversation row is painted,
// the wasm memory (from Trunk's start event), long tasks, and keystroke → paint times.
export const PROBES = () => {
  const probe = (window.__bench = { longTasks: [], keys: [] });
  // Room for every file the app fetches (the default keeps 250 entries; the app's chunks are
  // more): `settled` counts them.
  performance.setResourceTimingBufferSize(5000);
  addEventListener('TrunkApplicationStarted', (e) => { probe.wasm = e.detail?.wasm; });
  const afterPaint = (cb) => requestAnimationFrame(() => { const ch = new MessageChannel(); ch.port1.onmessage = cb; ch.port2.postMessage(0); });
  new MutationObserver((_, observer) => {
    if (document.querySelector('.sb-row__link')) {
      observer.disconnect();
      afterPaint(() => {
        probe.firstRow = performance.now();
        // What `firstRowAt` waits for (the same text there).
        console.debug('sb-bench: first row painted');
      });
    }
  }).observe(document, { childList: true, subtree: true });
  try {
    new PerformanceObserver((list) => { for (const e of list.getEntries()) probe.longTasks.push(e.duration); })
      .observe({ type: 'longtask', buffered: true });
  } catch { /* no long-task timing: reported as none */ }
  addEventListener('keydown', (ev) => {
    const at = ev.timeStamp;
    afterPaint(() => probe.keys.push(performance.now() - at));
  }, true);
  probe.afterPaint = afterPaint;
  /**
   * Calls `done(value)` once the first frame in which `ready()` (returning a truthy value) holds
   * has been painted. `ready` is checked now and then before each frame is rendered (in a
   * `requestAnimationFrame` callback): found there, that very frame paints it, so a message
   * posted from the callback runs right after that paint. Found now (outside a frame), the next
   * frame paints it. `fail` after `limit` ms.
   */
  probe.whenPainted = (ready, done, fail, { t0 = performance.now(), limit = 10_000, what = 'it' } = {}) => {
    const afterThisFrame = (value) => { const ch = new MessageChannel(); ch.port1.onmessage = () => done(value); ch.port2.postMessage(0); };
    const check = (inFrame) => {
      const value = ready();
      if (value) (inFrame ? afterThisFrame : (v) => afterPaint(() => done(v)))(value);
      else if (performance.now() - t0 > limit) fail(new Error(`${what} never painted`));
      else requestAnimationFrame(() => check(true));
    };
    check(false);
  };
};

/**
 * Runs `navigate` (a reload, a `goto`) and returns when the new page painted its first
 * conversation row (ms from navigation). It waits for the probe's console message, not by
 * evaluating in the page: Playwright's polling (`waitForFunction`) first evaluates its own
 * helper scripts in the new document, ~37 ms of main-thread work that landed in the middle
 * of the app's start-up (a trace of one reload: 410 ms with polling, 278 without).
 */
export async function firstRowAt(page, navigate) {
  const painted = page.waitForEvent('console', {
    predicate: (message) => message.text() === 'sb-bench: first row painted',
    timeout: 180_000,
  });
  try {
    await navigate();
  } catch (error) {
    painted.catch(() => {});
    throw error;
  }
  await painted;
  return page.evaluate(() => window.__bench.firstRow);
}

/**
 * Waits until the page has fetched nothing new for 750 ms (at most 15 s): the app has done its
 * after-paint loading (the code of the other screens, the directory). A reload or a measured
 * step starts from there, as a person's would a moment after the list appeared: a reload
 * while ~90 chunk requests were still in flight measured the test server's queue (a reload
 * right after the first row took 0.8–1 s on this machine, 0.24 s once settled).
 */
export async function settled(page) {
  await page.evaluate(async () => {
    const count = () => performance.getEntriesByType('resource').length;
    const until = performance.now() + 15_000;
    let last = count();
    let quietSince = performance.now();
    while (performance.now() < until && performance.now() - quietSince < 750) {
      await new Promise((r) => setTimeout(r, 125));
      const now = count();
      if (now !== last) { last = now; quietSince = performance.now(); }
    }
  });
}

/**
 * Ends the seeding of a context whose route served the bench workspace in place of the demo
 * data: once the first start has settled, the route goes. While any route is set, Playwright
 * turns the browser's HTTP cache off, and the loads measured next are a returning visit's,
 * whose code comes from that cache (files named by their content are kept for good: the test
 * server's `cacheControl`), for the app and the baseline alike.
 */
export async function endSeeding(page) {
  await settled(page);
  await page.context().unrouteAll({ behavior: 'wait' });
}

/**
 * Sets a select by label (or by its name) in the page and measures change → the filtered rows
 * painted: the count line shows the new total, a real row (not a "Loading…" placeholder) is the
 * first row, and a frame has been painted after that.
 */
export const APPLY_FILTER = async ({ label, value }) => {
  const select = [...document.querySelectorAll('label')]
    .find((l) => l.textContent.trim().startsWith(label))?.control
    ?? document.querySelector(`select[aria-label="${label}"]`);
  if (!select) throw new Error(`no ${label} filter`);
  const countText = () => document.querySelector('.sb-list__count')?.textContent ?? '';
  const before = countText();
  const t0 = performance.now();
  await new Promise((done, fail) => {
    const ready = () => {
      const first = document.querySelector('.sb-vlist__row[data-index="0"]');
      return countText() !== before && first && !first.classList.contains('sb-vlist__row--loading')
        && first.querySelector('.sb-row__link');
    };
    select.value = value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
    window.__bench.whenPainted(ready, done, fail, { t0, what: `filter ${label}=${value}: rows` });
  });
  return { ms: performance.now() - t0, mounted: document.querySelectorAll('.sb-row').length };
};

/** Clicks the row (or navigates) to a conversation and measures until its thread is painted. */
export async function OPEN_THREAD(id) {
  const t0 = performance.now();
  const link = document.querySelector(`a.sb-row__link[href*="/conversations/${id}"]`);
  if (link) {
    link.click();
  } else {
    history.pushState(null, '', `/inbox/conversations/${id}?inbox=inbox-support`);
    dispatchEvent(new PopStateEvent('popstate'));
  }
  await new Promise((done, fail) => {
    const ready = () => location.pathname.endsWith(`/${id}`)
      && document.querySelector('.sb-thread .sb-thread__messages > *');
    window.__bench.whenPainted(ready, done, fail, { t0, what: `thread ${id}` });
  });
  return performance.now() - t0;
}
