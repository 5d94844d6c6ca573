// Start-up's first reads, sent while the app's code loads (`storage/db/early.rs`).
//
// Inlined into index.html by Trunk and run as the page is parsed: the app's wasm takes ~35 ms
// to arrive and compile even from the browser's cache, and opening the database and reading
// the first screen's records took as long again after it. This script reads the plan the last
// start left in local storage (the requests, described by the app), opens the database and
// sends them in one readonly transaction; the app takes the answers from
// `self.__sbEarlyRead` (a promise) and uses them only if what was read is exactly what it
// would read now. It knows no store and decides nothing: anything unexpected resolves to null
// (or leaves no promise) and the app reads on its own. It also carries a just-chosen filter's
// URL over a reload (below).
(function () {
  'use strict';
  // A filter the rep chose is written to the URL a moment after its rows are painted
  // (`features/inbox/list_filters.rs`), which sets `self.__sbUrlAhead` to [the URL it was
  // chosen on, its own URL] meanwhile. A page left in that moment (a reload) hands the URL
  // over to the next page of this tab, which takes it below when it opens at the first URL.
  var AHEAD = 'switchboard.url-ahead';
  addEventListener('pagehide', function () {
    var ahead = self.__sbUrlAhead;
    if (!ahead || ahead[0] !== location.href) return;
    try {
      sessionStorage.setItem(AHEAD, JSON.stringify(ahead));
    } catch (error) {
      // No session storage: the filter goes with the page, as before.
    }
  });
  var plan = null;
  try {
    plan = JSON.parse(localStorage.getItem('switchboard.start-plan'));
  } catch (error) {
    plan = null;
  }
  var open = null;
  if (plan && self.indexedDB && self.Promise) {
    try {
      open = indexedDB.open('switchboard');
    } catch (error) {
      open = null;
    }
  }
  // The app reads this tab's session storage on its way to the first screen (the tab's
  // user, `services/session.rs`). The first use of it in a page is a synchronous round trip
  // to the browser (0.4–7.6 ms measured here): taken now, while the database opens, it is
  // off that way. Not in the open's success handler: that runs on the main thread just as
  // the wasm streams in, and the wait would hold the stream up (bench/RESULTS.md, session 18).
  try {
    sessionStorage.getItem('switchboard.tab-user');
    var ahead = JSON.parse(sessionStorage.getItem(AHEAD));
    if (ahead) {
      sessionStorage.removeItem(AHEAD);
      if (ahead[0] === location.href) history.replaceState(history.state, '', ahead[1]);
    }
  } catch (error) {
    // No session storage (blocked): the app does without it too.
  }
  if (!open) return;
  self.__sbEarlyRead = new Promise(function (resolve) {
    // No database (site data cleared): creating it is the app's job (aborting leaves none).
    open.onupgradeneeded = function () {
      open.transaction.abort();
    };
    open.onerror = function () {
      resolve(null);
    };
    open.onsuccess = function () {
      var db = open.result;
      var answer = { version: db.version, plan: plan, page: false, answers: {} };
      // The app or another tab upgrading the schema must not wait for this connection.
      db.onversionchange = function () {
        db.close();
      };
      var finish = function (value) {
        db.close();
        resolve(value);
      };
      try {
        var tx = db.transaction(Array.prototype.slice.call(db.objectStoreNames), 'readonly');
        tx.oncomplete = function () {
          finish(answer);
        };
        tx.onabort = function () {
          finish(null);
        };
        var reads = plan.reads;
        // The first list page was read for one address: this one?
        if (plan.at === location.pathname + location.search) {
          reads = reads.concat(plan.page);
          answer.page = true;
        }
        for (var i = 0; i < reads.length; i += 1) send(tx, reads[i], answer.answers);
      } catch (error) {
        finish(null);
      }
    };
  });

  // One described request: `get` (key), `getAll`, `count` (key range `lower`..`upper`), or
  // `newestFirst` (the top `count` records of a range, newest first: `getAllRecords`, where
  // the browser has it; elsewhere it is left to the app, which reads it with a cursor).
  function send(tx, read, answers) {
    var source = tx.objectStore(read.store);
    if (read.index) source = source.index(read.index);
    var range = read.lower === undefined ? undefined : IDBKeyRange.bound(read.lower, read.upper);
    var request;
    var value = function (result) {
      return result;
    };
    if (read.op === 'get') {
      request = source.get(read.key);
    } else if (read.op === 'getAll') {
      request = source.getAll(range);
    } else if (read.op === 'count') {
      request = source.count(range);
    } else if (read.op === 'newestFirst') {
      if (typeof source.getAllRecords !== 'function') return;
      request = source.getAllRecords({ query: range, count: read.count, direction: 'prev' });
      value = function (records) {
        return records.map(function (record) {
          return record.value;
        });
      };
    } else {
      throw new Error('unknown read ' + read.op);
    }
    request.onsuccess = function () {
      answers[read.name] = value(request.result);
    };
  }
})();
