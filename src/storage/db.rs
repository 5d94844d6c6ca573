//! `Db`: the one IndexedDB connection of a tab and its repositories. Every write is a single
//! readwrite transaction that is committed explicitly and awaited, so `Ok` means the data is
//! durable; every list read pages with a cursor or an index count and never loads a whole
//! store it does not return. It must not decide business rules, and must not hold data in
//! memory beyond one call (IndexedDB is the source of truth for every tab).

use super::error::{DraftWriteError, StorageError};
use super::records::*;
use super::schema::{self, *};
use super::{Directory, ListQuery, PageQuery, PageStart, Summary, WriteBatch};
use crate::domain::entries::{ChannelEntry, ContactName, ConversationEntry, FieldError, UserEntry};
use crate::domain::inbox_entry::InboxEntry;
use crate::domain::views::{self, token_upper_bound};
use crate::domain::{
    Channel, Contact, ContactId, Conversation, ConversationId, Draft, DraftKey, EmailAddress,
    Inbox, Message, Millis, OutboxItem, Team, Template, TemplateId, Ticket, TicketId, User, UserId,
    Workspace,
};
use gloo_timers::future::TimeoutFuture;
use indexed_db_futures::cursor::CursorDirection;
use indexed_db_futures::database::{Database, ObjectStoreName};
use indexed_db_futures::future::OpenDbRequest;
use indexed_db_futures::internals::SystemRepr;
use indexed_db_futures::object_store::ObjectStore;
use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::{Transaction, TransactionMode};
use indexed_db_futures::KeyRange;
use serde::de::DeserializeOwned;
use serde::Serialize;
use std::cell::{Cell, RefCell};
use std::collections::{HashMap, HashSet};
use std::future::{poll_fn, Future};
use std::pin::Pin;
use std::rc::{Rc, Weak};
use std::task::Poll;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::spawn_local;

// Attachment blobs (owned by the drafts helper): an `impl Db` in a child module, so it uses the
// same transaction plumbing without widening its visibility.
mod attachments;
mod early;
mod search;

pub use early::{EarlyRead, StartPlan};
use search::TokenKeys;

/// How often a blocked open re-checks, and how long it waits for the other tabs to close
/// their connections before reporting `Blocked`.
const BLOCKED_CHECK_MS: u32 = 250;
const BLOCKED_GRACE_MS: f64 = 3_000.0;

struct Inner {
    /// The database's name.
    name: String,
    /// The connection; empty while the open of [`Db::opening`] is under way.
    db: std::cell::OnceCell<Database>,
    /// Why the open of [`Db::opening`] failed: every call fails with it.
    failed: RefCell<Option<StorageError>>,
    /// The calls waiting for the open of [`Db::opening`].
    waiting: RefCell<Vec<std::task::Waker>>,
    /// The handle [`Db::opening`] opened (it watches the connection for this one).
    opened: RefCell<Option<Db>>,
    /// Closed (by [`Db::close`]) before its open finished: the connection is closed on arrival.
    closed: Cell<bool>,
    /// Set once the connection is gone because another tab upgraded the schema (or the
    /// browser closed it); from then on every call fails with `VersionChanged`.
    lost: Cell<bool>,
    on_lost: RefCell<Vec<Rc<dyn Fn()>>>,
}

impl Inner {
    fn new(name: String) -> Inner {
        Inner {
            name,
            db: std::cell::OnceCell::new(),
            failed: RefCell::new(None),
            waiting: RefCell::new(Vec::new()),
            opened: RefCell::new(None),
            closed: Cell::new(false),
            lost: Cell::new(false),
            on_lost: RefCell::new(Vec::new()),
        }
    }

    fn connection_lost(&self) {
        self.lost.set(true);
        // Cloned out so a callback may register another one without a double borrow.
        let callbacks: Vec<Rc<dyn Fn()>> = self.on_lost.borrow().clone();
        for callback in callbacks {
            callback();
        }
    }

    /// The open of [`Db::opening`] is over (`Ok`: connected): the waiting calls go on.
    fn settle(&self, outcome: Result<Db, StorageError>) {
        match outcome {
            Ok(opened) => {
                let database = opened.inner.db.get().cloned();
                if let Some(database) = database {
                    if self.closed.get() {
                        database.clone().close();
                    }
                    let _ = self.db.set(database);
                }
                *self.opened.borrow_mut() = Some(opened);
            }
            Err(error) => *self.failed.borrow_mut() = Some(error),
        }
        let waiting = std::mem::take(&mut *self.waiting.borrow_mut());
        for waker in waiting {
            waker.wake();
        }
    }
}

/// List rows with each row's contact name (`None`: not stored), as a page read returns them.
pub type RowsWithContacts = Vec<(ConversationEntry, Option<ContactName>)>;

/// The tab's handle on the Switchboard database. Cheap to clone (one shared connection).
#[derive(Clone)]
pub struct Db {
    inner: Rc<Inner>,
}

impl std::fmt::Debug for Db {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Db")
            .field("name", &self.name())
            .field("version", &self.version())
            .field("lost", &self.inner.lost.get())
            .finish()
    }
}

impl Db {
    /// Opens (creating or migrating to `SCHEMA_VERSION`) the database `name`.
    pub async fn open(name: &str) -> Result<Db, StorageError> {
        Self::open_with_version(name, SCHEMA_VERSION).await
    }

    /// Opens `name` at an explicit schema `version`: the migrations of `schema::migrate` run
    /// for every step from the stored version; an unknown step fails the open and leaves the
    /// stored database as it was. `Db::open` is this with `SCHEMA_VERSION`.
    ///
    /// One open on the common paths (the database is current, or new: its stores are created
    /// by the main module). Only an upgrade that must rewrite stored records finds its code
    /// missing: that open is aborted (nothing changed), the migrations are loaded
    /// (`open_migrating`, a lazily loaded chunk: the tokeniser and its Unicode tables, issue 2)
    /// and the open runs again with them. No version is peeked at beforehand, so a tab that
    /// upgrades the database in between cannot make this one skip a step: the handler always
    /// decides from the version the browser reports.
    pub async fn open_with_version(name: &str, version: u32) -> Result<Db, StorageError> {
        match Self::open_in_main_module(name, version).await? {
            Some(db) => Ok(db),
            None => open_migrating(name.to_owned(), version).await,
        }
    }

    /// `open_with_version`'s first attempt, with the main module's migrations only: `None`
    /// when the upgrade needs the backfills (it was aborted; the stored database is as it
    /// was). Public for the browser tests of that path.
    #[doc(hidden)]
    pub async fn open_in_main_module(name: &str, version: u32) -> Result<Option<Db>, StorageError> {
        match open_at::<schema::NotLoaded>(name, version).await {
            Ok(db) => Ok(Some(db)),
            Err(schema::MigrateError::BackfillNotLoaded) => Ok(None),
            Err(schema::MigrateError::Failed(error)) => Err(error),
        }
    }

    /// A handle on `name` (at `SCHEMA_VERSION`) to use at once, while the database opens:
    /// calls wait for the connection (and fail as the open did, if it does). Start-up takes
    /// it when the early script has already read what the first screen shows
    /// (`services::boot`), so the first screen does not wait for this tab's own open.
    pub fn opening(name: &str) -> Db {
        let inner = Rc::new(Inner::new(name.to_owned()));
        let weak = Rc::downgrade(&inner);
        let name = name.to_owned();
        spawn_local(async move {
            let outcome = Db::open(&name).await;
            let Some(inner) = weak.upgrade() else { return };
            if let Ok(opened) = &outcome {
                let weak = Rc::downgrade(&inner);
                opened.on_version_change(move || {
                    if let Some(inner) = weak.upgrade() {
                        inner.connection_lost();
                    }
                });
            }
            inner.settle(outcome);
        });
        Db { inner }
    }

    /// Waits for the connection of [`Db::opening`] (at once for an opened handle): `Err` if
    /// the open failed.
    pub async fn connected(&self) -> Result<(), StorageError> {
        self.connection().await.map(|_| ())
    }

    // One copy, not one per `tx` instance.
    #[inline(never)]
    async fn connection(&self) -> Result<&Database, StorageError> {
        poll_fn(|cx| {
            if let Some(db) = self.inner.db.get() {
                return Poll::Ready(Ok(db));
            }
            if let Some(error) = self.inner.failed.borrow().as_ref() {
                return Poll::Ready(Err(error.clone()));
            }
            self.inner.waiting.borrow_mut().push(cx.waker().clone());
            Poll::Pending
        })
        .await
    }

    fn from_database(db: Database) -> Result<Db, StorageError> {
        let inner = Rc::new(Inner::new(db.name()));
        let _ = inner.db.set(db.clone());
        let mut listener = db.version_changes()?;
        let weak: Weak<Inner> = Rc::downgrade(&inner);
        spawn_local(async move {
            // Some: another tab wants a newer schema; close so its upgrade is not blocked.
            // None: the browser closed the connection itself (for example site data cleared).
            if listener.recv().await.is_some() {
                listener.db().clone().close();
            }
            drop(listener);
            if let Some(inner) = weak.upgrade() {
                inner.connection_lost();
            }
        });
        Ok(Db { inner })
    }

    /// Calls `f` once the connection is closed because another tab upgraded the schema (the UI
    /// then asks the user to reload). Called at once if that already happened.
    pub fn on_version_change(&self, f: impl Fn() + 'static) {
        if self.inner.lost.get() {
            f();
        } else {
            self.inner.on_lost.borrow_mut().push(Rc::new(f));
        }
    }

    /// Closes this tab's connection (pending transactions still finish).
    pub fn close(&self) {
        self.inner.closed.set(true);
        if let Some(db) = self.inner.db.get() {
            db.clone().close();
        }
    }

    /// Deletes the database `name` (waits until every connection to it is closed).
    pub async fn delete_database(name: &str) -> Result<(), StorageError> {
        Database::delete_by_name(name)?.await?;
        Ok(())
    }

    pub fn name(&self) -> String {
        self.inner.name.clone()
    }

    /// The schema version of the open connection (the one asked for while it opens).
    pub fn version(&self) -> u32 {
        self.inner
            .db
            .get()
            .map_or(SCHEMA_VERSION, |db| db.version() as u32)
    }

    /// The stores of the open connection (none while it opens).
    pub fn store_names(&self) -> Vec<String> {
        self.inner
            .db
            .get()
            .map_or_else(Vec::new, |db| db.object_store_names().collect())
    }

    // ---- plumbing -------------------------------------------------------------------------

    fn lost_or(&self, error: StorageError) -> StorageError {
        if self.inner.lost.get() {
            StorageError::VersionChanged
        } else {
            error
        }
    }

    async fn tx<S: ObjectStoreName>(
        &self,
        stores: S,
        mode: TransactionMode,
    ) -> Result<Transaction<'_>, StorageError> {
        let db = self.connection().await?;
        if self.inner.lost.get() {
            return Err(StorageError::VersionChanged);
        }
        db.transaction(stores)
            .with_mode(mode)
            .build()
            .map_err(|e| self.lost_or(e.into()))
    }

    async fn commit(&self, tx: Transaction<'_>) -> Result<(), StorageError> {
        tx.commit().await.map_err(|e| self.lost_or(e.into()))
    }

    /// Puts `records` into `store` in one transaction.
    async fn put_all(&self, store: &str, records: Vec<JsValue>) -> Result<(), StorageError> {
        let tx = self.tx(store, TransactionMode::Readwrite).await?;
        let object_store = tx.object_store(store)?;
        for record in records {
            // Requests are sent when built; the transaction's outcome covers them all.
            let _request = object_store.put(record).primitive()?;
        }
        self.commit(tx).await
    }

    async fn delete_one(&self, store: &str, key: &str) -> Result<(), StorageError> {
        let tx = self.tx(store, TransactionMode::Readwrite).await?;
        let _request = tx.object_store(store)?.delete(key).primitive()?;
        self.commit(tx).await
    }

    async fn get_one<T: DeserializeOwned>(
        &self,
        store: &str,
        key: &str,
    ) -> Result<Option<T>, StorageError> {
        let tx = self.tx(store, TransactionMode::Readonly).await?;
        let value: Option<JsValue> = tx.object_store(store)?.get(key).primitive()?.await?;
        value.map(from_js).transpose()
    }

    async fn get_all<T: DeserializeOwned>(&self, store: &str) -> Result<Vec<T>, StorageError> {
        let tx = self.tx(store, TransactionMode::Readonly).await?;
        let object_store = tx.object_store(store)?;
        read_all(&object_store).await
    }

    /// Every record of `index` whose key is `key` (exact match), in primary-key order.
    async fn get_all_by<T: DeserializeOwned>(
        &self,
        store: &str,
        index: &str,
        key: JsValue,
    ) -> Result<Vec<T>, StorageError> {
        let tx = self.tx(store, TransactionMode::Readonly).await?;
        let object_store = tx.object_store(store)?;
        let values = object_store
            .index(index)?
            .get_all::<JsValue>()
            .with_query::<JsValue, _>(KeyRange::Only(key))
            .primitive()?
            .await?;
        decode_each(values)
    }

    async fn get_first_by<T: DeserializeOwned>(
        &self,
        store: &str,
        index: &str,
        key: JsValue,
    ) -> Result<Option<T>, StorageError> {
        let tx = self.tx(store, TransactionMode::Readonly).await?;
        let object_store = tx.object_store(store)?;
        let value: Option<JsValue> = object_store.index(index)?.get(key).primitive()?.await?;
        value.map(from_js).transpose()
    }

    /// One page, newest first, of the records of `index` whose compound key starts with
    /// `prefix`: a reverse cursor skips `offset` records without reading them, then reads at
    /// most `limit`.
    async fn page_by_prefix<T: DeserializeOwned>(
        &self,
        store: &str,
        index: &str,
        prefix: &[JsValue],
        offset: u32,
        limit: u32,
    ) -> Result<Vec<T>, StorageError> {
        if limit == 0 {
            return Ok(Vec::new());
        }
        let tx = self.tx(store, TransactionMode::Readonly).await?;
        let object_store = tx.object_store(store)?;
        let index = object_store.index(index)?;
        let (lower, upper) = prefix_range(prefix);
        let cursor = index
            .open_cursor()
            .with_query::<JsValue, _>(KeyRange::Bound(lower, false, upper, false))
            .with_direction(CursorDirection::Prev)
            .primitive()?
            .await?;
        let Some(mut cursor) = cursor else {
            return Ok(Vec::new());
        };
        cursor.advance_by(offset).await?;
        let mut page = Vec::with_capacity(limit as usize);
        while page.len() < limit as usize {
            match cursor.next_record::<JsValue>().await? {
                // indexed_db_futures' advance_by does not report reaching the end; the cursor's
                // value is then undefined, which a stored record never is.
                Some(value) if !value.is_undefined() => page.push(from_js(value)?),
                _ => break,
            }
        }
        Ok(page)
    }

    async fn count_by_prefix(
        &self,
        store: &str,
        index: &str,
        prefix: &[JsValue],
    ) -> Result<u32, StorageError> {
        let tx = self.tx(store, TransactionMode::Readonly).await?;
        let object_store = tx.object_store(store)?;
        let (lower, upper) = prefix_range(prefix);
        let count = object_store
            .index(index)?
            .count()
            .with_query::<JsValue, _>(KeyRange::Bound(lower, false, upper, false))
            .primitive()?
            .await?;
        Ok(count)
    }

    // ---- workspace and directory ------------------------------------------------------------

    /// True once `replace_all` has stored a workspace.
    pub async fn is_seeded(&self) -> Result<bool, StorageError> {
        Ok(self.get_meta::<bool>(META_SEEDED).await?.unwrap_or(false))
    }

    /// Replaces every data store (everything but `meta`, drafts and outbox included) with
    /// `data` in ONE transaction, and marks the database seeded.
    pub async fn replace_all(
        &self,
        data: &crate::domain::WorkspaceData,
    ) -> Result<(), StorageError> {
        // Serialise first: a value that cannot be stored fails before anything is touched.
        let mut puts: Vec<(&str, JsValue)> = vec![
            (META, meta_record(META_SEEDED, &true)?),
            (WORKSPACE, workspace_record(&data.workspace)?),
        ];
        puts.extend(records(USERS, &data.users, to_js)?);
        puts.extend(records(TEAMS, &data.teams, to_js)?);
        puts.extend(records(CONTACTS, &data.contacts, contact_record)?);
        puts.extend(records(INBOXES, &data.inboxes, to_js)?);
        puts.extend(records(CHANNELS, &data.channels, to_js)?);
        let contacts: HashMap<&ContactId, ContactText> = data
            .contacts
            .iter()
            .map(|c| (&c.id, ContactText::of(c)))
            .collect();
        puts.extend(records(CONVERSATIONS, &data.conversations, |c| {
            conversation_record(c, contacts.get(&c.contact))
        })?);
        puts.extend(records(MESSAGES, &data.messages, message_record)?);
        puts.extend(terms_records(&data.messages)?);
        puts.extend(records(TICKETS, &data.tickets, to_js)?);
        puts.extend(records(TEMPLATES, &data.templates, to_js)?);

        let tx = self.tx(ALL_STORES, TransactionMode::Readwrite).await?;
        for store in DATA_STORES {
            let _request = tx.object_store(store)?.clear()?;
        }
        for (store, record) in puts {
            let _request = tx.object_store(store)?.put(record).primitive()?;
        }
        self.commit(tx).await
    }

    /// The small stores, read in one readonly transaction.
    pub async fn load_directory(&self) -> Result<Directory, StorageError> {
        let tx = self.tx(DIRECTORY_STORES, TransactionMode::Readonly).await?;
        let workspace_store = tx.object_store(WORKSPACE)?;
        let users = tx.object_store(USERS)?;
        let teams = tx.object_store(TEAMS)?;
        let inboxes = tx.object_store(INBOXES)?;
        let channels = tx.object_store(CHANNELS)?;
        let templates = tx.object_store(TEMPLATES)?;
        // All requests are sent before the first await, so they run concurrently.
        let workspace = workspace_store.get(WORKSPACE_KEY).primitive()?;
        let users = users.get_all::<JsValue>().primitive()?;
        let teams = teams.get_all::<JsValue>().primitive()?;
        let inboxes = inboxes.get_all::<JsValue>().primitive()?;
        let channels = channels.get_all::<JsValue>().primitive()?;
        let templates = templates.get_all::<JsValue>().primitive()?;

        let workspace: Option<JsValue> = workspace.await?;
        let workspace: Workspace = match workspace {
            Some(value) => from_js(value)?,
            None => return Err(StorageError::NotFound("The workspace".into())),
        };
        Ok(Directory {
            workspace,
            users: decode_each(users.await?)?,
            teams: decode_each(teams.await?)?,
            inboxes: decode_each(inboxes.await?)?,
            channels: decode_each(channels.await?)?,
            templates: decode_each(templates.await?)?,
        })
    }

    /// What the first inbox paint reads of the small stores (see [`Summary`]), in one readonly
    /// transaction: templates are not read, and of the workspace and inbox records only the
    /// fields the summary holds are deserialised.
    pub async fn load_summary(&self) -> Result<Summary, StorageError> {
        let tx = self.tx(SUMMARY_STORES, TransactionMode::Readonly).await?;
        read_summary(&tx)?.await
    }

    /// The [`Summary`] if the database is seeded (`None` if not), as start-up reads it: the
    /// seeded mark and the summary's stores in ONE transaction, every request sent at once.
    /// Asked one after the other, each waited its turn in the browser's storage (~10 ms
    /// apiece on the bench machine while the page loads).
    pub async fn seeded_summary(&self) -> Result<Option<Summary>, StorageError> {
        let mut stores = SUMMARY_STORES.to_vec();
        stores.push(META);
        let tx = self
            .tx(stores.as_slice(), TransactionMode::Readonly)
            .await?;
        let seeded = tx.object_store(META)?.get(META_SEEDED).primitive()?;
        let summary = read_summary(&tx)?;
        let seeded: Option<JsValue> = seeded.await?;
        if !seeded.map(meta_value::<bool>).transpose()?.unwrap_or(false) {
            return Ok(None);
        }
        Ok(Some(summary.await?))
    }

    pub async fn put_workspace(&self, w: &Workspace) -> Result<(), StorageError> {
        self.put_all(WORKSPACE, vec![workspace_record(w)?]).await
    }

    pub async fn put_inbox(&self, i: &Inbox) -> Result<(), StorageError> {
        self.put_all(INBOXES, vec![to_js(i)?]).await
    }

    pub async fn put_channel(&self, c: &Channel) -> Result<(), StorageError> {
        self.put_all(CHANNELS, vec![to_js(c)?]).await
    }

    pub async fn put_user(&self, u: &User) -> Result<(), StorageError> {
        self.put_all(USERS, vec![to_js(u)?]).await
    }

    pub async fn put_team(&self, t: &Team) -> Result<(), StorageError> {
        self.put_all(TEAMS, vec![to_js(t)?]).await
    }

    pub async fn put_template(&self, t: &Template) -> Result<(), StorageError> {
        self.put_all(TEMPLATES, vec![to_js(t)?]).await
    }

    pub async fn delete_template(&self, id: &TemplateId) -> Result<(), StorageError> {
        self.delete_one(TEMPLATES, id.as_str()).await
    }

    // ---- contacts ---------------------------------------------------------------------------

    /// Fails with `Conflict` if another contact already has this email address.
    /// Its conversations' search tokens follow a new name or address (see `write_batch`).
    pub async fn put_contact(&self, c: &Contact) -> Result<(), StorageError> {
        self.write_batch(&WriteBatch {
            contacts: vec![c.clone()],
            ..WriteBatch::default()
        })
        .await
    }

    pub async fn contact(&self, id: &ContactId) -> Result<Option<Contact>, StorageError> {
        self.get_one(CONTACTS, id.as_str()).await
    }

    pub async fn contacts(&self) -> Result<Vec<Contact>, StorageError> {
        self.get_all(CONTACTS).await
    }

    /// Up to `limit` contacts with a search token (name or address) starting with `token`, in
    /// index order, each once. Reads at most a few times `limit` records, never the store.
    pub async fn contacts_with_token(
        &self,
        token: &str,
        limit: u32,
    ) -> Result<Vec<Contact>, StorageError> {
        let tx = self.tx(CONTACTS, TransactionMode::Readonly).await?;
        let values = tx
            .object_store(CONTACTS)?
            .index(IDX_TERMS)?
            .get_all::<JsValue>()
            .with_query::<JsValue, _>(token_range(token))
            // A contact appears once per matching token (multi-entry index).
            .with_limit(limit.saturating_mul(4))
            .primitive()?
            .await?;
        let mut out: Vec<Contact> = Vec::new();
        for value in values {
            let contact: Contact = from_js(value?)?;
            if !out.iter().any(|c| c.id == contact.id) {
                out.push(contact);
            }
            if out.len() as u32 >= limit {
                break;
            }
        }
        Ok(out)
    }

    /// The contact with this address, compared case-insensitively.
    pub async fn contact_by_email(
        &self,
        email: &EmailAddress,
    ) -> Result<Option<Contact>, StorageError> {
        let key = JsValue::from_str(&email_key(email));
        self.get_first_by(CONTACTS, IDX_CONTACT_EMAIL, key).await
    }

    /// The stored contacts with these addresses (compared case-insensitively), read in ONE
    /// readonly transaction with every request in flight at once; an address no contact has is
    /// left out.
    pub async fn contacts_by_email(
        &self,
        emails: &[&EmailAddress],
    ) -> Result<Vec<Contact>, StorageError> {
        if emails.is_empty() {
            return Ok(Vec::new());
        }
        let tx = self.tx(CONTACTS, TransactionMode::Readonly).await?;
        let contacts = tx.object_store(CONTACTS)?;
        let by_email = contacts.index(IDX_CONTACT_EMAIL)?;
        let requests = emails
            .iter()
            .map(|email| {
                by_email
                    .get(JsValue::from_str(&email_key(email)))
                    .primitive()
            })
            .collect::<Result<Vec<_>, _>>()?;
        let mut found = Vec::new();
        for request in requests {
            let value: Option<JsValue> = request.await?;
            if let Some(value) = value {
                found.push(from_js(value)?);
            }
        }
        Ok(found)
    }

    /// What a contact's timeline is made of (`domain::timeline::timeline` merges it), read in
    /// ONE readonly transaction: the contact's own conversations and the messages their
    /// address took part in (`_tl`, schema v4) at once, then every message of those
    /// conversations and the conversations of the other messages, all in flight together.
    /// Each request is one key of an index (this contact, their address, one of their
    /// conversations): nothing here grows with the mailbox.
    pub async fn contact_timeline(
        &self,
        contact: &Contact,
    ) -> Result<(Vec<Conversation>, Vec<Message>), StorageError> {
        let tx = self
            .tx([CONVERSATIONS, MESSAGES], TransactionMode::Readonly)
            .await?;
        let conversation_store = tx.object_store(CONVERSATIONS)?;
        let message_store = tx.object_store(MESSAGES)?;
        let theirs = conversation_store
            .index(IDX_CONV_CONTACT)?
            .get_all::<JsValue>()
            .with_query::<JsValue, _>(KeyRange::Only(contact.id.as_str().into()))
            .primitive()?;
        let addressed = message_store
            .index(IDX_MSG_TIMELINE)?
            .get_all::<JsValue>()
            .with_query::<JsValue, _>(KeyRange::Only(email_key(&contact.email).into()))
            .primitive()?;
        let mut conversations: Vec<Conversation> = decode_each(theirs.await?)?;
        let mut messages: Vec<Message> = decode_each(addressed.await?)?;

        let by_date = message_store.index(IDX_MSG_CONVERSATION)?;
        let thread_requests = conversations
            .iter()
            .map(|c| {
                let (lower, upper) = prefix_range(&[c.id.as_str().into()]);
                by_date
                    .get_all::<JsValue>()
                    .with_query::<JsValue, _>(KeyRange::Bound(lower, false, upper, false))
                    .primitive()
            })
            .collect::<Result<Vec<_>, _>>()?;
        // A CRM email from a personal address is in no conversation: nothing to read for it.
        let mut others: Vec<&str> = messages
            .iter()
            .filter_map(|m| m.conversation.as_ref().map(ConversationId::as_str))
            .filter(|id| !conversations.iter().any(|c| c.id.as_str() == *id))
            .collect();
        others.sort_unstable();
        others.dedup();
        let other_requests = others
            .iter()
            .map(|id| conversation_store.get(*id).primitive())
            .collect::<Result<Vec<_>, _>>()?;
        let mut thread_messages: Vec<Message> = Vec::new();
        for request in thread_requests {
            thread_messages.extend(decode_each::<Message, _>(request.await?)?);
        }
        for request in other_requests {
            let value: Option<JsValue> = request.await?;
            if let Some(value) = value {
                conversations.push(from_js(value)?);
            }
        }
        messages.extend(thread_messages);
        Ok((conversations, messages))
    }

    // ---- conversations and messages ---------------------------------------------------------

    pub async fn conversation(
        &self,
        id: &ConversationId,
    ) -> Result<Option<Conversation>, StorageError> {
        self.get_one(CONVERSATIONS, id.as_str()).await
    }

    /// One page of a conversation list, newest `last_activity` first.
    pub async fn conversations_page(
        &self,
        q: &PageQuery,
    ) -> Result<Vec<Conversation>, StorageError> {
        let (index, prefix) = conversation_prefix(q.area, q.inbox.as_str(), q.bucket, &q.assignee);
        self.page_by_prefix(CONVERSATIONS, index, &prefix, q.offset, q.limit)
            .await
    }

    /// How many conversations the list of `q` has (its offset and limit are ignored).
    pub async fn count_conversations(&self, q: &PageQuery) -> Result<u32, StorageError> {
        let (index, prefix) = conversation_prefix(q.area, q.inbox.as_str(), q.bucket, &q.assignee);
        self.count_by_prefix(CONVERSATIONS, index, &prefix).await
    }

    /// How many conversations a filtered list holds (one index count, no record read).
    pub async fn count_list(&self, q: &ListQuery) -> Result<u32, StorageError> {
        let tx = self.tx(CONVERSATIONS, TransactionMode::Readonly).await?;
        let object_store = tx.object_store(CONVERSATIONS)?;
        let (lower, upper) = list_range(q, None);
        let count = object_store
            .index(list_index_name(q.plan.index))?
            .count()
            .with_query::<JsValue, _>(KeyRange::Bound(lower, false, upper, false))
            .primitive()?
            .await?;
        Ok(count)
    }

    /// One page of a filtered list, newest `last_activity` first (ties: larger id first, the
    /// index's own order). `PageStart::After` continues below a known row with a key range;
    /// `PageStart::Offset` walks from whichever end of the list is nearer.
    pub async fn list_page(
        &self,
        q: &ListQuery,
        start: &PageStart,
        limit: u32,
    ) -> Result<Vec<Conversation>, StorageError> {
        let total = self.list_total_if_needed(q, start, limit).await?;
        let tx = self.tx(CONVERSATIONS, TransactionMode::Readonly).await?;
        read_list_page(&tx.object_store(CONVERSATIONS)?, q, start, limit, total).await
    }

    /// [`Db::list_page`] as list rows (only the fields a row shows: `ConversationEntry`) with
    /// each row's contact name (`None`: not stored). A conversation record carries its
    /// contact's row text (`records::contact_fields`), so a page is one request; a record
    /// without it has its contact read in the SAME transaction, all such requests at once.
    pub async fn list_page_with_contacts(
        &self,
        q: &ListQuery,
        start: &PageStart,
        limit: u32,
    ) -> Result<RowsWithContacts, StorageError> {
        let total = self.list_total_if_needed(q, start, limit).await?;
        let tx = self
            .tx([CONVERSATIONS, CONTACTS], TransactionMode::Readonly)
            .await?;
        let page: Vec<ListRow> =
            read_list_page(&tx.object_store(CONVERSATIONS)?, q, start, limit, total).await?;
        with_contact_names(&tx, page).await
    }

    /// The list's length, when a page by offset may be read faster from the far end.
    async fn list_total_if_needed(
        &self,
        q: &ListQuery,
        start: &PageStart,
        limit: u32,
    ) -> Result<Option<u32>, StorageError> {
        Ok(match start {
            PageStart::Offset(offset) if limit > 0 && *offset > limit => {
                Some(self.count_list(q).await?)
            }
            _ => None,
        })
    }

    /// The list rows of the conversations with these ids (a page of search results), in the
    /// same order, with their contacts' names (as [`Db::list_page_with_contacts`]); ids not
    /// stored are left out. All requests are sent at once in one transaction.
    pub async fn conversation_rows_by_ids(
        &self,
        ids: &[ConversationId],
    ) -> Result<RowsWithContacts, StorageError> {
        let tx = self
            .tx([CONVERSATIONS, CONTACTS], TransactionMode::Readonly)
            .await?;
        let object_store = tx.object_store(CONVERSATIONS)?;
        let requests = ids
            .iter()
            .map(|id| object_store.get(id.as_str()).primitive())
            .collect::<Result<Vec<_>, _>>()?;
        let mut rows = Vec::with_capacity(ids.len());
        for request in requests {
            let value: Option<JsValue> = request.await?;
            if let Some(value) = value {
                rows.push(ListRow::decode(value)?);
            }
        }
        with_contact_names(&tx, rows).await
    }

    /// Ids of the conversations where a search token starts with `token` (a token of
    /// `domain::views::query_tokens`): in their subject or preview, their contact's name or
    /// address (stored with the conversation's tokens), or the subject or text of one of their
    /// messages. Reads index keys only: two requests, whatever the number of matches.
    pub async fn conversations_with_token(
        &self,
        token: &str,
    ) -> Result<HashSet<ConversationId>, StorageError> {
        let tx = self
            .tx([CONVERSATIONS, MESSAGE_TERMS], TransactionMode::Readonly)
            .await?;
        let hits = TokenKeys::request(&tx, token, None)?.hits().await?.set;
        Ok(hits
            .values()
            .into_iter()
            .filter_map(|id| id.ok().and_then(|id| id.as_string()))
            .map(ConversationId::new)
            .collect())
    }

    /// Every conversation with this contact, newest `last_activity` first.
    pub async fn conversations_of_contact(
        &self,
        id: &ContactId,
    ) -> Result<Vec<Conversation>, StorageError> {
        let mut conversations: Vec<Conversation> = self
            .get_all_by(CONVERSATIONS, IDX_CONV_CONTACT, id.as_str().into())
            .await?;
        conversations.sort_by_key(|c| std::cmp::Reverse(c.last_activity));
        Ok(conversations)
    }

    /// The messages of a conversation, oldest first.
    pub async fn messages_of(&self, id: &ConversationId) -> Result<Vec<Message>, StorageError> {
        let tx = self.tx(MESSAGES, TransactionMode::Readonly).await?;
        let object_store = tx.object_store(MESSAGES)?;
        let (lower, upper) = prefix_range(&[id.as_str().into()]);
        let values = object_store
            .index(IDX_MSG_CONVERSATION)?
            .get_all::<JsValue>()
            .with_query::<JsValue, _>(KeyRange::Bound(lower, false, upper, false))
            .primitive()?
            .await?;
        decode_each(values)
    }

    /// What the Reply composer needs, read in ONE readonly transaction: the conversation, its
    /// contact and its latest received message (whose Reply-To the reply answers,
    /// `domain::reply_to`). The thread is walked back from its newest message by a cursor and
    /// only that message is decoded: a reply costs the sent mail and comments after it, never
    /// the thread. `None` when the conversation is not stored.
    pub async fn reply_records(
        &self,
        id: &ConversationId,
    ) -> Result<Option<ReplyRecords>, StorageError> {
        let tx = self
            .tx(
                [CONVERSATIONS, CONTACTS, MESSAGES],
                TransactionMode::Readonly,
            )
            .await?;
        let Some(conversation) = read_conversation(&tx, id).await? else {
            return Ok(None);
        };
        let contact: Option<JsValue> = tx
            .object_store(CONTACTS)?
            .get(conversation.contact.as_str())
            .primitive()?
            .await?;
        let (lower, upper) = prefix_range(&[id.as_str().into()]);
        let messages = tx.object_store(MESSAGES)?;
        let by_date = messages.index(IDX_MSG_CONVERSATION)?;
        let cursor = by_date
            .open_cursor()
            .with_query::<JsValue, _>(KeyRange::Bound(lower, false, upper, false))
            .with_direction(CursorDirection::Prev)
            .primitive()?
            .await?;
        let incoming = to_js(&crate::domain::Direction::Incoming)?;
        let mut last_received = None;
        if let Some(mut cursor) = cursor {
            while let Some(value) = cursor.next_record::<JsValue>().await? {
                let direction = js_sys::Reflect::get(&value, &JsValue::from_str("direction"))
                    .map_err(|_| StorageError::Serde("a stored message has no direction".into()))?;
                if direction == incoming {
                    last_received = Some(from_js(value)?);
                    break;
                }
            }
        }
        Ok(Some(ReplyRecords {
            conversation,
            contact: contact.map(from_js).transpose()?,
            last_received,
        }))
    }

    /// Everything the open conversation shows, read in ONE readonly transaction: the
    /// conversation first (it names the contact and the ticket), then its contact, messages
    /// (oldest first) and ticket with all three requests in flight at once. `None` when the
    /// conversation is not stored.
    pub async fn thread_records(
        &self,
        id: &ConversationId,
        read: ThreadRead,
    ) -> Result<Option<ThreadRecords>, StorageError> {
        let tx = self
            .tx(
                [CONVERSATIONS, CONTACTS, MESSAGES, TICKETS],
                TransactionMode::Readonly,
            )
            .await?;
        let Some(conversation) = read_conversation(&tx, id).await? else {
            return Ok(None);
        };
        let contact = tx
            .object_store(CONTACTS)?
            .get(conversation.contact.as_str())
            .primitive()?;
        let ticket = match &conversation.ticket {
            Some(t) => Some(tx.object_store(TICKETS)?.get(t.as_str()).primitive()?),
            None => None,
        };
        let (lower, upper) = prefix_range(&[id.as_str().into()]);
        let range = KeyRange::Bound(lower, false, upper, false);
        let messages = tx.object_store(MESSAGES)?;
        let by_date = messages.index(IDX_MSG_CONVERSATION)?;
        let fold = |count: usize| match read {
            ThreadRead::Whole => 0..0,
            ThreadRead::Folded => views::folded_messages(count),
        };
        // A thread the conversation says is long enough to fold: its message keys first (in
        // date order), then only the records it shows, so a long thread costs what it shows.
        // Otherwise all its records in one request; the count decides the fold either way.
        let (records, folded) = if !fold(conversation.message_count as usize).is_empty() {
            let keys = by_date
                .get_all_keys::<JsValue>()
                .with_query::<JsValue, _>(range)
                .primitive()?
                .await?
                .collect::<Result<Vec<JsValue>, _>>()?;
            let hidden = fold(keys.len());
            let requests = without(&keys, hidden.clone())
                .map(|key| messages.get(key).primitive())
                .collect::<Result<Vec<_>, _>>()?;
            let mut records = Vec::with_capacity(requests.len());
            for request in requests {
                let value: Option<JsValue> = request.await?;
                records.extend(value);
            }
            (records, hidden.len())
        } else {
            let all = by_date
                .get_all::<JsValue>()
                .with_query::<JsValue, _>(range)
                .primitive()?
                .await?
                .collect::<Result<Vec<JsValue>, _>>()?;
            let hidden = fold(all.len());
            (without(all, hidden.clone()).collect(), hidden.len())
        };
        let messages = records
            .into_iter()
            .map(from_js)
            .collect::<Result<Vec<Message>, _>>()?;
        let contact: Option<JsValue> = contact.await?;
        let contact = contact.map(from_js).transpose()?;
        let ticket = match ticket {
            Some(request) => {
                let value: Option<JsValue> = request.await?;
                value.map(from_js).transpose()?
            }
            None => None,
        };
        Ok(Some(ThreadRecords {
            conversation,
            contact,
            messages,
            folded,
            ticket,
        }))
    }

    /// The message with this RFC 5322 Message-ID (without angle brackets), for threading.
    pub async fn message_by_message_id(&self, mid: &str) -> Result<Option<Message>, StorageError> {
        self.get_first_by(MESSAGES, IDX_MSG_MESSAGE_ID, mid.into())
            .await
    }

    /// Outgoing messages, newest first (the Sent view).
    pub async fn sent_messages(
        &self,
        offset: u32,
        limit: u32,
    ) -> Result<Vec<Message>, StorageError> {
        let prefix = [to_js(&crate::domain::Direction::Outgoing)?];
        self.page_by_prefix(MESSAGES, IDX_MSG_DIRECTION, &prefix, offset, limit)
            .await
    }

    /// How many outgoing messages there are (the Sent view's count).
    pub async fn count_sent_messages(&self) -> Result<u32, StorageError> {
        let prefix = [to_js(&crate::domain::Direction::Outgoing)?];
        self.count_by_prefix(MESSAGES, IDX_MSG_DIRECTION, &prefix)
            .await
    }

    // ---- tickets ----------------------------------------------------------------------------

    pub async fn ticket(&self, id: &TicketId) -> Result<Option<Ticket>, StorageError> {
        self.get_one(TICKETS, id.as_str()).await
    }

    pub async fn tickets(&self) -> Result<Vec<Ticket>, StorageError> {
        self.get_all(TICKETS).await
    }

    // ---- batches ----------------------------------------------------------------------------

    /// Writes the whole batch in ONE readwrite transaction: puts, then deletes. All or nothing:
    /// a value that cannot be serialised fails before the transaction starts, and a record the
    /// database refuses (for example a second contact with the same email) aborts it.
    pub async fn write_batch(&self, batch: &WriteBatch) -> Result<(), StorageError> {
        if batch.is_empty() {
            return Ok(());
        }
        // A conversation's search tokens include its contact's name and address: the batch's
        // own contact, else the stored one (read in the transaction, below).
        let batch_contacts: HashMap<&ContactId, ContactText> = batch
            .contacts
            .iter()
            .map(|c| (&c.id, ContactText::of(c)))
            .collect();
        let conversations = batch
            .conversations
            .iter()
            .map(|c| conversation_record(c, batch_contacts.get(&c.contact)))
            .collect::<Result<Vec<_>, _>>()?;
        let mut puts: Vec<(&str, JsValue)> = Vec::new();
        puts.extend(records(MESSAGES, &batch.messages, message_record)?);
        puts.extend(terms_records(&batch.messages)?);
        puts.extend(records(TICKETS, &batch.tickets, to_js)?);
        puts.extend(records(CONTACTS, &batch.contacts, contact_record)?);
        puts.extend(records(OUTBOX, &batch.outbox, to_js)?);
        let mut deletes: Vec<(&str, String)> = Vec::new();
        deletes.extend(
            batch
                .delete_conversations
                .iter()
                .map(|id| (CONVERSATIONS, id.0.clone())),
        );
        deletes.extend(
            batch
                .delete_tickets
                .iter()
                .map(|id| (TICKETS, id.0.clone())),
        );
        deletes.extend(
            batch
                .delete_messages
                .iter()
                .map(|id| (MESSAGES, id.0.clone())),
        );
        deletes.extend(
            batch
                .delete_drafts
                .iter()
                .map(|key| (DRAFTS, key.storage_key())),
        );

        let tx = self.tx(BATCH_STORES, TransactionMode::Readwrite).await?;
        // A deleted message's search terms are keyed by its conversation too: read it first
        // (requests run in the order sent, so these see the messages before the deletes).
        let messages = tx.object_store(MESSAGES)?;
        let deleted_messages = batch
            .delete_messages
            .iter()
            .map(|id| messages.get(id.as_str()).primitive())
            .collect::<Result<Vec<_>, _>>()?;
        // The stored contacts: of the batch's conversations whose contact the batch does not
        // hold, and of the batch's contacts (to see whether their name or address changed).
        let mut wanted: Vec<&ContactId> = batch
            .conversations
            .iter()
            .map(|c| &c.contact)
            .chain(batch.contacts.iter().map(|c| &c.id))
            .collect();
        wanted.sort();
        wanted.dedup();
        let contacts = tx.object_store(CONTACTS)?;
        let stored_requests = wanted
            .iter()
            .map(|id| contacts.get(id.as_str()).primitive())
            .collect::<Result<Vec<_>, _>>()?;
        let mut stored: HashMap<&ContactId, ContactText> = HashMap::new();
        for (id, request) in wanted.into_iter().zip(stored_requests) {
            let value: Option<JsValue> = request.await.map_err(|e| self.lost_or(e.into()))?;
            if let Some(value) = value {
                stored.insert(id, ContactText::read(&value));
            }
        }
        // A contact whose name or address is new: its other stored conversations' tokens
        // follow. Read before any put, so a put the database refuses fails the commit with its
        // own error (`Conflict`) rather than a read after it with the abort.
        let conversation_store = tx.object_store(CONVERSATIONS)?;
        let in_batch: HashSet<&str> = batch.conversations.iter().map(|c| c.id.as_str()).collect();
        let changed: Vec<(&ContactId, &ContactText)> = batch_contacts
            .iter()
            .filter(|(id, text)| stored.get(*id) != Some(*text))
            .map(|(id, text)| (*id, text))
            .collect();
        let by_contact = conversation_store.index(IDX_CONV_CONTACT)?;
        let requests = changed
            .iter()
            .map(|(id, _)| {
                by_contact
                    .get_all::<JsValue>()
                    .with_query::<JsValue, _>(KeyRange::Only(JsValue::from_str(id.as_str())))
                    .primitive()
            })
            .collect::<Result<Vec<_>, _>>()?;
        let mut reindexed: Vec<JsValue> = Vec::new();
        for ((_, text), request) in changed.iter().zip(requests) {
            for record in request.await.map_err(|e| self.lost_or(e.into()))? {
                let record = record?;
                if !in_batch.contains(text_field(&record, "id").as_str()) {
                    set_contact_fields(&record, Some(text))?;
                    reindexed.push(record);
                }
            }
        }
        for (c, record) in batch.conversations.iter().zip(conversations) {
            if !batch_contacts.contains_key(&c.contact) {
                set_contact_fields(&record, stored.get(&c.contact))?;
            }
            let _request = conversation_store.put(record).primitive()?;
        }
        for record in reindexed {
            let _request = conversation_store.put(record).primitive()?;
        }
        for (store, record) in puts {
            let _request = tx.object_store(store)?.put(record).primitive()?;
        }
        for (store, key) in &deletes {
            let _request = tx.object_store(store)?.delete(key.as_str()).primitive()?;
        }
        let terms = tx.object_store(MESSAGE_TERMS)?;
        for request in deleted_messages {
            let stored: Option<JsValue> = request.await.map_err(|e| self.lost_or(e.into()))?;
            if let Some(message) = stored {
                let message: Message = from_js(message)?;
                // A message in no conversation has no terms record.
                if let Some(conversation) = &message.conversation {
                    let terms_key =
                        key(&[conversation.as_str().into(), message.id.as_str().into()]);
                    let _request = terms.delete(terms_key).primitive()?;
                }
            }
        }
        self.commit(tx).await
    }

    // ---- outbox -----------------------------------------------------------------------------

    /// Every outbox item, oldest first (delivery order).
    pub async fn outbox(&self) -> Result<Vec<OutboxItem>, StorageError> {
        let mut items: Vec<OutboxItem> = self.get_all(OUTBOX).await?;
        items.sort_by(|a, b| {
            a.created_at
                .cmp(&b.created_at)
                .then_with(|| a.id.cmp(&b.id))
        });
        Ok(items)
    }

    pub async fn put_outbox(&self, item: &OutboxItem) -> Result<(), StorageError> {
        self.put_all(OUTBOX, vec![to_js(item)?]).await
    }

    // ---- drafts -----------------------------------------------------------------------------

    pub async fn draft(&self, key: &DraftKey) -> Result<Option<Draft>, StorageError> {
        self.get_one(DRAFTS, &key.storage_key()).await
    }

    /// Compare-and-set in ONE transaction: the stored revision (0 when there is no draft) must
    /// equal `expected_revision`, else `Conflict` with the stored draft. On success the draft
    /// is stored with revision `expected_revision + 1` and returned as stored.
    pub async fn put_draft(
        &self,
        draft: &Draft,
        expected_revision: u64,
    ) -> Result<Draft, DraftWriteError> {
        let mut next = draft.clone();
        next.revision = expected_revision + 1;
        let record = draft_record(&next)?;
        let key = next.key.storage_key();

        let tx = self.tx(DRAFTS, TransactionMode::Readwrite).await?;
        let object_store = tx.object_store(DRAFTS).map_err(StorageError::from)?;
        let stored: Option<JsValue> = object_store
            .get(key.as_str())
            .primitive()
            .map_err(StorageError::from)?
            .await
            .map_err(|e| self.lost_or(e.into()))?;
        let stored: Option<Draft> = stored.map(from_js).transpose()?;
        match stored {
            Some(current) if current.revision != expected_revision => {
                // Dropping the transaction aborts it: nothing was written.
                return Err(DraftWriteError::Conflict(current));
            }
            None if expected_revision != 0 => {
                return Err(StorageError::NotFound("This draft".into()).into());
            }
            _ => {}
        }
        let _request = object_store
            .put(record)
            .primitive()
            .map_err(StorageError::from)?;
        self.commit(tx).await?;
        Ok(next)
    }

    pub async fn delete_draft(&self, key: &DraftKey) -> Result<(), StorageError> {
        self.delete_one(DRAFTS, &key.storage_key()).await
    }

    pub async fn drafts_of_user(&self, user: &UserId) -> Result<Vec<Draft>, StorageError> {
        self.get_all_by(DRAFTS, IDX_DRAFT_USER, user.as_str().into())
            .await
    }

    // ---- meta -------------------------------------------------------------------------------

    pub async fn get_meta<T: DeserializeOwned>(
        &self,
        key: &str,
    ) -> Result<Option<T>, StorageError> {
        let tx = self.tx(META, TransactionMode::Readonly).await?;
        let record: Option<JsValue> = tx.object_store(META)?.get(key).primitive()?.await?;
        record.map(meta_value).transpose()
    }

    pub async fn set_meta<T: Serialize>(&self, key: &str, v: &T) -> Result<(), StorageError> {
        self.put_all(META, vec![meta_record(key, v)?]).await
    }
}

/// Serialises `items` for `store`.
fn records<'s, T>(
    store: &'s str,
    items: &[T],
    to_record: impl Fn(&T) -> Result<JsValue, StorageError>,
) -> Result<Vec<(&'s str, JsValue)>, StorageError> {
    items
        .iter()
        .map(|item| Ok((store, to_record(item)?)))
        .collect()
}

/// The `message_terms` records of `messages` (none for a message in no conversation).
fn terms_records(messages: &[Message]) -> Result<Vec<(&'static str, JsValue)>, StorageError> {
    let mut out = Vec::new();
    for m in messages {
        out.extend(message_terms_record(m)?.map(|record| (MESSAGE_TERMS, record)));
    }
    Ok(out)
}

/// Every value of a `get_all` answer, decoded (the first undecodable one fails the read).
fn decode_each<T: DeserializeOwned, E>(
    values: impl Iterator<Item = Result<JsValue, E>>,
) -> Result<Vec<T>, StorageError>
where
    StorageError: From<E>,
{
    values.map(|v| from_js(v?)).collect()
}

/// Every value of a `get_all` answer, read as a light record (see `records::read_entry`).
fn read_each<T, E>(
    values: impl Iterator<Item = Result<JsValue, E>>,
    read: fn(&JsFields) -> Result<T, FieldError>,
) -> Result<Vec<T>, StorageError>
where
    StorageError: From<E>,
{
    values.map(|v| read_entry(v?, read)).collect()
}

async fn read_all<T: DeserializeOwned>(store: &ObjectStore<'_>) -> Result<Vec<T>, StorageError> {
    let values = store.get_all::<JsValue>().primitive()?.await?;
    decode_each(values)
}

/// The keys of a `_t` search index that start with `token`.
fn token_range(token: &str) -> KeyRange<JsValue> {
    KeyRange::Bound(
        JsValue::from_str(token),
        false,
        JsValue::from_str(&token_upper_bound(token)),
        true,
    )
}

/// Opens `name` at `version` with `B`'s backfills (see `Db::open_with_version`).
async fn open_at<B: schema::Backfills>(
    name: &str,
    version: u32,
) -> Result<Db, schema::MigrateError> {
    // indexed_db_futures' bare open is `IDBFactory.open(name, version)` with no handler of
    // its own; its future only turns the request's success or error into a `Database` (the
    // crate offers no other way to wrap a connection). The `upgradeneeded` and `blocked`
    // handlers are ours: the crate's own (`with_on_upgrade_needed`, `with_on_blocked`)
    // format every error they see through `Display`, which keeps the float formatter in
    // the initial load (ARCHITECTURE.md "Bundle size").
    let mut request = Database::open(name)
        .with_version(version)
        .build()
        .map_err(StorageError::from)?;
    let blocked_since: Rc<Cell<Option<f64>>> = Rc::default();
    let upgrade_failed: Rc<RefCell<Option<schema::MigrateError>>> = Rc::default();
    let on_blocked = {
        let blocked_since = Rc::clone(&blocked_since);
        Closure::<dyn FnMut()>::new(move || blocked_since.set(Some(js_sys::Date::now())))
    };
    let on_upgrade = {
        let upgrade_failed = Rc::clone(&upgrade_failed);
        type OnUpgrade = dyn FnMut(web_sys::IdbVersionChangeEvent) -> Result<(), JsValue>;
        Closure::<OnUpgrade>::new(move |event: web_sys::IdbVersionChangeEvent| {
            upgrade::<B>(&event, version, &upgrade_failed)
        })
    };
    // Owned by the request from now on (freed with it): an upgrade blocked past the grace
    // period may still run after this call has returned.
    let sys = request.as_sys();
    sys.set_onblocked(Some(on_blocked.into_js_value().unchecked_ref()));
    sys.set_onupgradeneeded(Some(on_upgrade.into_js_value().unchecked_ref()));

    match open_unless_blocked(&mut request, &blocked_since).await {
        Some(Ok(db)) => Ok(Db::from_database(db)?),
        // A failed migration aborted the upgrade: its own error says why, not the abort's.
        Some(Err(error)) => Err(match upgrade_failed.borrow_mut().take() {
            Some(schema::MigrateError::Failed(StorageError::Other(detail))) => {
                StorageError::Unavailable(detail).into()
            }
            Some(failed) => failed,
            None => StorageError::from(error).into(),
        }),
        None => {
            // If the upgrade runs once the other tabs have closed, let go of the connection.
            spawn_local(async move {
                if let Ok(db) = request.await {
                    db.close();
                }
            });
            Err(StorageError::Blocked.into())
        }
    }
}

/// `Db::open_with_version`'s second attempt, with every migration's backfill. A lazily loaded
/// chunk (`#[leptos::lazy]`, issue 2): the backfills' tokeniser (`to_lowercase`'s tables) is
/// fetched only when an existing database must be upgraded, before the versioned open,
/// because the upgrade handler runs synchronously inside the versionchange transaction.
// Split only in the app build (feature `split`), as `services::boot::seed_demo`.
#[cfg_attr(feature = "split", leptos::lazy)]
async fn open_migrating(name: String, version: u32) -> Result<Db, StorageError> {
    open_at::<schema::Loaded>(&name, version)
        .await
        .map_err(|error| match error {
            schema::MigrateError::Failed(error) => error,
            // `Loaded` has every backfill; worded in case a step forgets to use it.
            schema::MigrateError::BackfillNotLoaded => {
                StorageError::Unavailable("the storage upgrade could not be loaded".into())
            }
        })
}

/// The `upgradeneeded` handler of `Db::open_with_version`: migrates the connection being
/// upgraded to `version` inside its versionchange transaction. A failed step is kept in
/// `failed` and the transaction aborted, so the browser rolls the whole upgrade back and the
/// open fails; thrown where there is no transaction to abort (the browser then aborts it).
fn upgrade<B: schema::Backfills>(
    event: &web_sys::IdbVersionChangeEvent,
    version: u32,
    failed: &RefCell<Option<schema::MigrateError>>,
) -> Result<(), JsValue> {
    let request = event
        .target()
        .and_then(|target| target.dyn_into::<web_sys::IdbOpenDbRequest>().ok());
    let tx = request.as_ref().and_then(|request| request.transaction());
    // Versions are small integers stored as f64 by IndexedDB.
    let old = event.old_version() as u32;
    let new = event.new_version().map_or(version, |v| v as u32);
    let outcome = match (&request, &tx) {
        (Some(request), Some(tx)) => request
            .result()
            .map_err(|e| schema::js_storage_error(e).into())
            .and_then(|db| schema::migrate::<B>(db.unchecked_ref(), tx, old, new)),
        _ => Err(StorageError::Other("the storage upgrade has no transaction".into()).into()),
    };
    let Err(error) = outcome else {
        return Ok(());
    };
    *failed.borrow_mut() = Some(error);
    match tx.map(|tx| tx.abort()) {
        Some(Ok(())) => Ok(()),
        _ => Err(js_sys::Error::new("the storage upgrade failed").into()),
    }
}

/// Waits for `request`; gives up (None) if it has been blocked by other tabs' connections for
/// longer than the grace period.
async fn open_unless_blocked(
    request: &mut OpenDbRequest,
    blocked_since: &Cell<Option<f64>>,
) -> Option<indexed_db_futures::OpenDbResult<Database>> {
    loop {
        let mut tick = TimeoutFuture::new(BLOCKED_CHECK_MS);
        let outcome = poll_fn(|cx| {
            if let Poll::Ready(result) = Pin::new(&mut *request).poll(cx) {
                return Poll::Ready(Some(result));
            }
            match Pin::new(&mut tick).poll(cx) {
                Poll::Ready(()) => Poll::Ready(None),
                Poll::Pending => Poll::Pending,
            }
        })
        .await;
        match (outcome, blocked_since.get()) {
            (Some(result), _) => return Some(result),
            (None, Some(since)) if js_sys::Date::now() - since >= BLOCKED_GRACE_MS => return None,
            (None, _) => {}
        }
    }
}

/// `items` without those at the positions in `hidden` (a thread's folded messages).
fn without<T>(
    items: impl IntoIterator<Item = T>,
    hidden: std::ops::Range<usize>,
) -> impl Iterator<Item = T> {
    items
        .into_iter()
        .enumerate()
        .filter(move |(i, _)| !hidden.contains(i))
        .map(|(_, item)| item)
}

/// How much of a thread [`Db::thread_records`] reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ThreadRead {
    /// Every message (Insert › Quote, a thread the rep unfolded).
    Whole,
    /// As a thread opens (`views::folded_messages`): a long thread's first message and its
    /// newest ones; the messages between are counted, not read.
    Folded,
}

/// What the Reply composer reads ([`Db::reply_records`]).
#[derive(Debug, Clone)]
pub struct ReplyRecords {
    pub conversation: Conversation,
    pub contact: Option<Contact>,
    /// The newest received message of the conversation, if any.
    pub last_received: Option<Message>,
}

/// The records of one open conversation ([`Db::thread_records`]).
#[derive(Debug, Clone)]
pub struct ThreadRecords {
    pub conversation: Conversation,
    pub contact: Option<Contact>,
    /// Oldest first; with [`ThreadRead::Folded`], without the folded ones.
    pub messages: Vec<Message>,
    /// How many messages are folded away after the first one (0: all are in `messages`).
    pub folded: usize,
    pub ticket: Option<Ticket>,
}

/// Reads one page of a filtered list from `object_store` (see [`Db::list_page`]); `total` is the
/// list's length when the page is by offset and may be read from the far end.
/// What a list page is read as: the whole conversation, or the list row's fields alone
/// (`ConversationEntry`: the first screen holds only its deserialiser). Both page by the
/// index's order, `[.., last_activity]` then id.
trait ListRecord: Sized {
    fn decode(value: JsValue) -> Result<Self, StorageError>;
    fn list_key(&self) -> (Millis, &ConversationId);
}

impl ListRecord for Conversation {
    fn decode(value: JsValue) -> Result<Self, StorageError> {
        from_js(value)
    }
    fn list_key(&self) -> (Millis, &ConversationId) {
        (self.last_activity, &self.id)
    }
}

impl ListRecord for ConversationEntry {
    fn decode(value: JsValue) -> Result<Self, StorageError> {
        read_entry(value, ConversationEntry::read)
    }
    fn list_key(&self) -> (Millis, &ConversationId) {
        (self.last_activity, &self.id)
    }
}

/// A list row as read with its page: the row's fields and, when the record carries it, its
/// contact's row text (`records::stored_contact_name`).
struct ListRow {
    entry: ConversationEntry,
    contact: Option<Option<ContactName>>,
}

impl ListRecord for ListRow {
    fn decode(value: JsValue) -> Result<Self, StorageError> {
        let contact = stored_contact_name(&value);
        Ok(ListRow {
            entry: read_entry(value, ConversationEntry::read)?,
            contact,
        })
    }
    fn list_key(&self) -> (Millis, &ConversationId) {
        self.entry.list_key()
    }
}

/// The stores [`Summary`] is read from.
const SUMMARY_STORES: [&str; 5] = [WORKSPACE, USERS, TEAMS, INBOXES, CHANNELS];

/// Sends the [`Summary`]'s requests on `tx` (which covers [`SUMMARY_STORES`]) at once, before
/// anything is awaited, and returns the reading of their answers.
fn read_summary(
    tx: &Transaction<'_>,
) -> Result<impl std::future::Future<Output = Result<Summary, StorageError>>, StorageError> {
    let workspace = tx.object_store(WORKSPACE)?.get(WORKSPACE_KEY).primitive()?;
    let users = tx.object_store(USERS)?.get_all::<JsValue>().primitive()?;
    let teams = tx.object_store(TEAMS)?.get_all::<JsValue>().primitive()?;
    let inboxes = tx.object_store(INBOXES)?.get_all::<JsValue>().primitive()?;
    let channels = tx
        .object_store(CHANNELS)?
        .get_all::<JsValue>()
        .primitive()?;
    Ok(async move {
        let workspace: Option<JsValue> = workspace.await?;
        summary_from(
            workspace,
            all_values(users.await?)?,
            all_values(teams.await?)?,
            all_values(channels.await?)?,
            all_values(inboxes.await?)?,
        )
    })
}

/// Every value of a `get_all` answer.
fn all_values<E>(
    values: impl Iterator<Item = Result<JsValue, E>>,
) -> Result<Vec<JsValue>, StorageError>
where
    StorageError: From<E>,
{
    Ok(values.collect::<Result<_, _>>()?)
}

/// The [`Summary`] from the answers to its requests (read by [`read_summary`], or by the early
/// script: `early::EarlyRead::summary`).
fn summary_from(
    workspace: Option<JsValue>,
    users: Vec<JsValue>,
    teams: Vec<JsValue>,
    channels: Vec<JsValue>,
    inboxes: Vec<JsValue>,
) -> Result<Summary, StorageError> {
    /// The fields of the workspace record the top bar shows.
    #[derive(serde::Deserialize)]
    struct WorkspaceHead {
        company: String,
        plan: crate::domain::Plan,
    }
    let head: WorkspaceHead = match workspace {
        Some(value) => from_js(value)?,
        None => return Err(StorageError::NotFound("The workspace".into())),
    };
    let ok = Ok::<JsValue, StorageError>;
    Ok(Summary {
        company: head.company,
        plan: head.plan,
        users: read_each(users.into_iter().map(ok), UserEntry::read)?,
        teams: decode_each(teams.into_iter().map(ok))?,
        channels: read_each(channels.into_iter().map(ok), ChannelEntry::read)?,
        inboxes: inboxes
            .into_iter()
            .map(from_js::<InboxEntry>)
            .collect::<Result<_, _>>()?,
    })
}

/// `rows` with their contacts' names: the one each record carries, else the contact read in
/// `tx` (all such requests sent at once).
async fn with_contact_names(
    tx: &Transaction<'_>,
    rows: Vec<ListRow>,
) -> Result<RowsWithContacts, StorageError> {
    let contacts = tx.object_store(CONTACTS)?;
    let requests = rows
        .iter()
        .map(|row| match row.contact {
            Some(_) => Ok(None),
            None => contacts
                .get(row.entry.contact.as_str())
                .primitive()
                .map(Some),
        })
        .collect::<Result<Vec<_>, _>>()?;
    let mut out = Vec::with_capacity(rows.len());
    for (row, request) in rows.into_iter().zip(requests) {
        let contact = match (row.contact, request) {
            (Some(known), _) => known,
            (None, Some(request)) => {
                let value: Option<JsValue> = request.await?;
                value
                    .map(|v| read_entry(v, ContactName::read))
                    .transpose()?
            }
            (None, None) => None,
        };
        out.push((row.entry, contact));
    }
    Ok(out)
}

async fn read_list_page<T: ListRecord>(
    object_store: &ObjectStore<'_>,
    q: &ListQuery,
    start: &PageStart,
    limit: u32,
    total: Option<u32>,
) -> Result<Vec<T>, StorageError> {
    if limit == 0 {
        return Ok(Vec::new());
    }
    let index = object_store.index(list_index_name(q.plan.index))?;
    let after = match start {
        PageStart::After(key) => Some(key),
        PageStart::Offset(_) => None,
    };
    let (lower, upper) = list_range(q, after);
    // From the far end when the page is nearer to it: read the rows ascending, reverse.
    let from_end = match (start, total) {
        (PageStart::Offset(offset), Some(total)) if *offset >= total => return Ok(Vec::new()),
        (PageStart::Offset(offset), Some(total)) if *offset > total / 2 => {
            let take = limit.min(total - offset);
            Some((total - offset - take, take))
        }
        _ => None,
    };
    // Rows of the previous page that share its last activity come first: they are skipped.
    let seen = |c: &T| {
        let (last_activity, id) = c.list_key();
        after.is_some_and(|k| last_activity == k.last_activity && *id >= k.id)
    };
    // A page from the top of the range in ONE request instead of a cursor step per row, where
    // the browser has getAllRecords with a direction (Chromium 141+). If skipping seen rows
    // leaves the page short while more rows may follow (many rows with the same activity
    // time), the cursor below reads it instead.
    if from_end.is_none() && matches!(start, PageStart::After(_) | PageStart::Offset(0)) {
        let wanted = limit + u32::from(after.is_some());
        if let Some(values) =
            get_all_records_newest_first(index.as_sys(), &lower, &upper, wanted).await?
        {
            let full = values.len() == wanted as usize;
            let mut page: Vec<T> = Vec::with_capacity(limit as usize);
            for value in values {
                let conversation = T::decode(value)?;
                if !seen(&conversation) && page.len() < limit as usize {
                    page.push(conversation);
                }
            }
            if page.len() == limit as usize || !full {
                return Ok(page);
            }
        }
    }
    let direction = if from_end.is_some() {
        CursorDirection::Next
    } else {
        CursorDirection::Prev
    };
    let cursor = index
        .open_cursor()
        .with_query::<JsValue, _>(KeyRange::Bound(lower.clone(), false, upper.clone(), false))
        .with_direction(direction)
        .primitive()?
        .await?;
    let Some(mut cursor) = cursor else {
        return Ok(Vec::new());
    };
    let (skip, take) = match (start, from_end) {
        (_, Some((skip, take))) => (skip, take),
        (PageStart::Offset(offset), None) => (*offset, limit),
        (PageStart::After(_), None) => (0, limit),
    };
    cursor.advance_by(skip).await?;
    let mut page: Vec<T> = Vec::with_capacity(take as usize);
    while page.len() < take as usize {
        let value = match cursor.next_record::<JsValue>().await? {
            // advance_by does not report the end: the value is then undefined.
            Some(value) if !value.is_undefined() => value,
            _ => break,
        };
        let conversation = T::decode(value)?;
        if !seen(&conversation) {
            page.push(conversation);
        }
    }
    if from_end.is_some() {
        page.reverse();
    }
    Ok(page)
}

/// `IDBIndex.getAllRecords({query, count, direction: "prev"})`: the values of the last `count`
/// records of `[lower, upper]` in index order, last first, in one request. `Ok(None)` where
/// the browser does not have it (the caller then walks a cursor).
async fn get_all_records_newest_first(
    index: &web_sys::IdbIndex,
    lower: &JsValue,
    upper: &JsValue,
    count: u32,
) -> Result<Option<Vec<JsValue>>, StorageError> {
    use js_sys::{Array, Function, Object, Promise, Reflect};

    let Some(get_all_records) = Reflect::get(index, &JsValue::from_str("getAllRecords"))
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok())
    else {
        return Ok(None);
    };
    let failed = |what: &str| StorageError::Serde(format!("the browser could not {what}"));
    let range = web_sys::IdbKeyRange::bound(lower, upper).map_err(|_| failed("build a range"))?;
    let options = Object::new();
    for (name, value) in [
        ("query", JsValue::from(range)),
        ("count", JsValue::from(count)),
        ("direction", JsValue::from_str("prev")),
    ] {
        Reflect::set(&options, &JsValue::from_str(name), &value)
            .map_err(|_| failed("build a request"))?;
    }
    let request: web_sys::IdbRequest = get_all_records
        .call1(index, &options)
        .map_err(|_| failed("read the list"))?
        .unchecked_into();
    // The handlers live until the request has answered (this future owns them).
    let mut on_success: Option<Closure<dyn FnMut(JsValue)>> = None;
    let mut on_error: Option<Closure<dyn FnMut(JsValue)>> = None;
    let answered = Promise::new(&mut |resolve: Function, reject: Function| {
        let ok = request.clone();
        let success = Closure::<dyn FnMut(JsValue)>::new(move |_| {
            let _ = resolve.call1(&JsValue::NULL, &ok.result().unwrap_or(JsValue::UNDEFINED));
        });
        let error = Closure::<dyn FnMut(JsValue)>::new(move |_| {
            let _ = reject.call0(&JsValue::NULL);
        });
        request.set_onsuccess(Some(success.as_ref().unchecked_ref()));
        request.set_onerror(Some(error.as_ref().unchecked_ref()));
        on_success = Some(success);
        on_error = Some(error);
    });
    let records = wasm_bindgen_futures::JsFuture::from(answered).await;
    request.set_onsuccess(None);
    request.set_onerror(None);
    drop((on_success, on_error));
    let records: Array = records
        .map_err(|_| failed("read the list"))?
        .dyn_into()
        .map_err(|_| failed("read the list"))?;
    records
        .iter()
        .map(|record| {
            Reflect::get(&record, &JsValue::from_str("value")).map_err(|_| failed("read a record"))
        })
        .collect::<Result<Vec<_>, _>>()
        .map(Some)
}

/// The conversation `id` read inside `tx` (which must include the conversations store).
async fn read_conversation(
    tx: &Transaction<'_>,
    id: &ConversationId,
) -> Result<Option<Conversation>, StorageError> {
    let value: Option<JsValue> = tx
        .object_store(CONVERSATIONS)?
        .get(id.as_str())
        .primitive()?
        .await?;
    value.map(from_js).transpose()
}
