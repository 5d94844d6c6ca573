// The plain-JavaScript baseline list (see baseline.html). It does what the app's virtual list
// does, with the least code: count through the index, read pages of 50 (key-set continuation,
// newest first: one getAllRecords request, or a cursor where the browser lacks it), fetch each
// row's contact, and keep only the visible rows (plus a few above and below) in the DOM at a
// fixed row height.

const ROW_HEIGHT = 76;
const OVERSCAN = 6; // domain::list_window::OVERSCAN
const PAGE = 50;
const AREA = 'inbox';
const INBOX = 'inbox-support';
const BUCKET = 'open';

const list = document.querySelector('.sb-vlist__rows');
const scroller = document.querySelector('.sb-vlist');
const countEl = document.querySelector('.sb-list__count');
const assigneeSelect = document.querySelector('#assignee');

const request = (r) => new Promise((ok, fail) => { r.onsuccess = () => ok(r.result); r.onerror = () => fail(r.error); });
const db = await request(indexedDB.open('switchboard'));

let assignee = '';
let total = 0;
let pages = new Map(); // page number -> rows
let lastKeys = new Map(); // page number -> last index key of that page
let generation = 0;

function range() {
  return assignee
    ? ['by_area_inbox_bucket_assignee_activity', IDBKeyRange.bound([AREA, INBOX, BUCKET, assignee, -Infinity], [AREA, INBOX, BUCKET, assignee, Infinity])]
    : ['by_area_inbox_bucket_activity', IDBKeyRange.bound([AREA, INBOX, BUCKET, -Infinity], [AREA, INBOX, BUCKET, Infinity])];
}

async function loadPage(n) {
  if (pages.has(n)) return pages.get(n);
  if (n > 0 && !lastKeys.has(n - 1)) await loadPage(n - 1);
  const gen = generation;
  performance.mark('sb:list-page:start');
  const tx = db.transaction(['conversations', 'contacts'], 'readonly');
  const [indexName, keys] = range();
  let bound = keys;
  if (n > 0) {
    const last = lastKeys.get(n - 1);
    bound = IDBKeyRange.bound(keys.lower, last, false, true);
  }
  const rows = [];
  const index = tx.objectStore('conversations').index(indexName);
  // The same read as the app's: one getAllRecords request where the browser has it.
  if (typeof index.getAllRecords === 'function') {
    const records = await request(index.getAllRecords({ query: bound, count: PAGE, direction: 'prev' }));
    for (const record of records) rows.push(record.value);
    if (records.length > 0) lastKeys.set(n, records[records.length - 1].key);
  } else await new Promise((done, fail) => {
    const cursor = index.openCursor(bound, 'prev');
    cursor.onerror = () => fail(cursor.error);
    cursor.onsuccess = () => {
      const c = cursor.result;
      if (!c || rows.length === PAGE) return done();
      rows.push(c.value);
      lastKeys.set(n, c.key);
      c.continue();
    };
  });
  const contacts = tx.objectStore('contacts');
  await Promise.all(rows.map(async (row) => {
    const contact = await request(contacts.get(row.contact));
    row.contactName = contact?.name || contact?.email || row.contact;
  }));
  performance.measure('sb:list-page', 'sb:list-page:start');
  if (gen !== generation) return [];
  pages.set(n, rows);
  return rows;
}

function relativeTime(ms) {
  const minutes = Math.max(0, Math.round((Date.now() - ms) / 60000));
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  return `${Math.round(hours / 24)} d ago`;
}

function rowElement(index, row) {
  const li = document.createElement('li');
  li.className = 'sb-row sb-vlist__row';
  li.dataset.index = index;
  li.setAttribute('aria-posinset', index + 1);
  li.setAttribute('aria-setsize', total);
  li.style.top = `${index * ROW_HEIGHT}px`;
  const a = document.createElement('a');
  a.className = 'sb-row__link';
  a.href = `/inbox/conversations/${row.id}?inbox=${INBOX}`;
  for (const [cls, text] of [['sb-row__contact', row.contactName], ['sb-row__subject', row.subject],
    ['sb-row__snippet', row.snippet], ['sb-row__time', relativeTime(row.last_activity)]]) {
    const span = document.createElement('span');
    span.className = cls;
    span.textContent = text;
    a.append(span);
  }
  li.append(a);
  return li;
}

const mounted = new Map(); // index -> li

async function render() {
  const first = Math.max(0, Math.floor(scroller.scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(total, Math.ceil((scroller.scrollTop + scroller.clientHeight) / ROW_HEIGHT) + OVERSCAN);
  const gen = generation;
  const needed = new Set();
  for (let p = Math.floor(first / PAGE); p <= Math.floor(Math.max(first, last - 1) / PAGE); p += 1) needed.add(p);
  for (const p of needed) await loadPage(p);
  if (gen !== generation) return;
  for (const [i, li] of mounted) {
    if (i < first || i >= last) { li.remove(); mounted.delete(i); }
  }
  for (let i = first; i < last; i += 1) {
    if (mounted.has(i)) continue;
    const row = pages.get(Math.floor(i / PAGE))?.[i % PAGE];
    if (!row) continue;
    const li = rowElement(i, row);
    mounted.set(i, li);
    list.append(li);
  }
}

async function reload() {
  generation += 1;
  pages = new Map();
  lastKeys = new Map();
  const [indexName, keys] = range();
  total = await request(db.transaction('conversations').objectStore('conversations').index(indexName).count(keys));
  countEl.textContent = total === 1 ? '1 conversation' : `${total} conversations`;
  list.style.height = `${total * ROW_HEIGHT}px`;
  for (const li of mounted.values()) li.remove();
  mounted.clear();
  scroller.scrollTop = 0;
  await render();
}

let scheduled = false;
scroller.addEventListener('scroll', () => {
  if (scheduled) return;
  scheduled = true;
  requestAnimationFrame(() => { scheduled = false; render(); });
});
assigneeSelect.addEventListener('change', () => { assignee = assigneeSelect.value; reload(); });
await reload();
