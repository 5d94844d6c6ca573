//! The IndexedDB schema: store and index names, the schema version, and the migrations run in
//! `upgradeneeded` as a `match (old, new)` per step. Only called from `Db::open`. A step may
//! rewrite existing records only to fill computed index fields (v2's search tokens), and does
//! so inside the upgrade transaction: the upgrade and its backfill commit or fail together, so
//! a half-migrated database never exists. It must not hold business rules.
//! The backfills are behind the [`Backfills`] type parameter: the main module's
//! [`NotLoaded`] only creates stores and indexes (a new database, the common case after
//! install), and [`Loaded`] — reached only from the lazily loaded `storage::db::open_migrating`
//! chunk — carries the tokeniser and its Unicode tables (issue 2, ARCHITECTURE.md "Bundle size").

use super::error::{from_dom, StorageError};
use super::records::{contact_fields, from_js, keys_value, terms_record, ContactText};
use crate::domain::timeline::timeline_keys_of;
use crate::domain::{Contact, ContactId, Conversation, Direction};
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{
    IdbDatabase, IdbIndexParameters, IdbObjectStore, IdbObjectStoreParameters, IdbTransaction,
};

/// The schema this build of Switchboard writes.
/// v2: filter indexes by channel, search-token indexes and the `message_terms` store.
/// v3: a conversation's search tokens include its contact's name and address (a search by
/// contact was one index request per matching contact: 1–2 s over 10,000 conversations).
/// v4: messages indexed by the addresses whose contact timelines show them (`_tl`; an email
/// to several people was on its first To's timeline only).
pub const SCHEMA_VERSION: u32 = 4;

pub const META: &str = "meta";
pub const WORKSPACE: &str = "workspace";
pub const USERS: &str = "users";
pub const TEAMS: &str = "teams";
pub const CONTACTS: &str = "contacts";
pub const INBOXES: &str = "inboxes";
pub const CHANNELS: &str = "channels";
pub const CONVERSATIONS: &str = "conversations";
pub const MESSAGES: &str = "messages";
pub const TICKETS: &str = "tickets";
pub const TEMPLATES: &str = "templates";
pub const DRAFTS: &str = "drafts";
pub const OUTBOX: &str = "outbox";
/// Attachment blobs, keyed out-of-line by `DraftAttachment::blob_key`.
pub const ATTACHMENTS: &str = "attachments";
/// The search tokens of each message (v2), keyed `[conversation, message]` so a token lookup
/// yields conversation ids without reading any message.
pub const MESSAGE_TERMS: &str = "message_terms";

/// Every object store of the current schema.
pub const ALL_STORES: [&str; 15] = [
    META,
    WORKSPACE,
    USERS,
    TEAMS,
    CONTACTS,
    INBOXES,
    CHANNELS,
    CONVERSATIONS,
    MESSAGES,
    TICKETS,
    TEMPLATES,
    DRAFTS,
    OUTBOX,
    ATTACHMENTS,
    MESSAGE_TERMS,
];

/// Every store except `meta`: what `replace_all` clears.
pub const DATA_STORES: [&str; 14] = [
    WORKSPACE,
    USERS,
    TEAMS,
    CONTACTS,
    INBOXES,
    CHANNELS,
    CONVERSATIONS,
    MESSAGES,
    TICKETS,
    TEMPLATES,
    DRAFTS,
    OUTBOX,
    ATTACHMENTS,
    MESSAGE_TERMS,
];

/// The stores `write_batch` touches.
pub const BATCH_STORES: [&str; 7] = [
    CONVERSATIONS,
    MESSAGES,
    TICKETS,
    CONTACTS,
    OUTBOX,
    DRAFTS,
    MESSAGE_TERMS,
];

/// The small stores `load_directory` reads.
pub const DIRECTORY_STORES: [&str; 6] = [WORKSPACE, USERS, TEAMS, INBOXES, CHANNELS, TEMPLATES];

// Computed fields added to stored records (domain types ignore unknown fields).
pub const F_ID: &str = "_id";
pub const F_AREA: &str = "_area";
pub const F_BUCKET: &str = "_bucket";
pub const F_ASSIGNEE: &str = "_assignee";
pub const F_EMAIL: &str = "_email";
pub const F_KEY: &str = "_key";
/// Search tokens (`domain::views::search_tokens`), a multi-entry index.
pub const F_TERMS: &str = "_t";
/// A conversation's contact as its list row shows it: the address (null: the contact is not
/// stored) and the name (`records::contact_fields`).
pub const F_CONTACT_EMAIL: &str = "_ce";
pub const F_CONTACT_NAME: &str = "_cn";
/// A message's timeline addresses (`domain::timeline::timeline_keys`), a multi-entry index (v4).
pub const F_TIMELINE: &str = "_tl";

/// The workspace store holds one record under this key.
pub const WORKSPACE_KEY: &str = "workspace";
/// Meta key set by `replace_all`.
pub const META_SEEDED: &str = "seeded";

/// conversations: `[_area, inbox, _bucket, last_activity]`.
pub const IDX_CONV_BUCKET: &str = "by_area_inbox_bucket_activity";
/// conversations: `[_area, inbox, _bucket, _assignee, last_activity]`.
pub const IDX_CONV_ASSIGNEE: &str = "by_area_inbox_bucket_assignee_activity";
/// conversations: `[_area, inbox, _bucket, channel, last_activity]` (v2, **Channel** filter).
pub const IDX_CONV_CHANNEL: &str = "by_area_inbox_bucket_channel_activity";
/// conversations: `[_area, inbox, _bucket, _assignee, channel, last_activity]` (v2).
pub const IDX_CONV_ASSIGNEE_CHANNEL: &str = "by_area_inbox_bucket_assignee_channel_activity";
/// conversations, contacts and message_terms: `_t`, multi-entry (v2, search).
pub const IDX_TERMS: &str = "by_term";
/// conversations: `contact`.
pub const IDX_CONV_CONTACT: &str = "by_contact";
/// messages: `[conversation, date]`.
pub const IDX_MSG_CONVERSATION: &str = "by_conversation_date";
/// messages: `message_id` (RFC 5322 Message-ID, for threading).
pub const IDX_MSG_MESSAGE_ID: &str = "by_message_id";
/// messages: `[direction, date]` (the Sent view).
pub const IDX_MSG_DIRECTION: &str = "by_direction_date";
/// messages: `_tl`, multi-entry (v4, a contact's timeline by address).
pub const IDX_MSG_TIMELINE: &str = "by_timeline_address";
/// contacts: lower-cased email, unique (one contact per address).
pub const IDX_CONTACT_EMAIL: &str = "by_email";
/// drafts: `key.user`.
pub const IDX_DRAFT_USER: &str = "by_user";

/// Why `migrate` stopped.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum MigrateError {
    /// A step failed or is unknown: the open fails with this error.
    Failed(StorageError),
    /// A step must rewrite records already stored, and the code that does it is not loaded
    /// (`NotLoaded`): the upgrade is aborted (nothing changed) and retried with `Loaded`.
    BackfillNotLoaded,
}

impl From<StorageError> for MigrateError {
    fn from(error: StorageError) -> Self {
        MigrateError::Failed(error)
    }
}

/// The steps that rewrite records an older schema stored. Static functions of a type
/// parameter, not a trait object or a function pointer: each implementation's code is
/// monomorphised where it is named, so `Loaded`'s stays in the lazily loaded chunk.
pub(crate) trait Backfills: 'static {
    /// The computed fields every record stored by schema `from` (1 to 3) lacks: from v1,
    /// contacts' tokens (`_t`) and the message terms (v2); from v1 or v2, conversations'
    /// tokens with their contact's name and address (v3); from v1 to v3, messages' timeline
    /// addresses (`_tl`, v4). One backfill for all the steps of an upgrade, so no two walks of
    /// one store race in the upgrade transaction.
    fn fields(tx: &IdbTransaction, from: u32) -> Result<(), MigrateError>;
}

/// The main module's migrations: every store and index, no backfill.
pub(crate) struct NotLoaded;

impl Backfills for NotLoaded {
    fn fields(_tx: &IdbTransaction, _from: u32) -> Result<(), MigrateError> {
        Err(MigrateError::BackfillNotLoaded)
    }
}

/// The whole migrations, backfills included (named only from `Db`'s lazily loaded upgrade).
pub(crate) struct Loaded;

impl Backfills for Loaded {
    fn fields(tx: &IdbTransaction, from: u32) -> Result<(), MigrateError> {
        backfill_fields(tx, from).map_err(|e| MigrateError::Failed(js_storage_error(e)))
    }
}

/// Runs every migration step from `old` to `new` on the connection being upgraded, inside its
/// versionchange transaction `upgrade_tx`. An unknown step fails the upgrade, which the browser
/// then rolls back (the caller aborts `upgrade_tx`), so a half-migrated database never exists.
/// A database created by this upgrade (`old` 0) has nothing to backfill; an older one with
/// records needs `B`'s backfills (`NotLoaded`: `BackfillNotLoaded`; the caller aborts the
/// upgrade, which undoes the steps already run).
/// Plain `web_sys` calls: `Db::open` runs this from its own `upgradeneeded` handler (see there).
pub(crate) fn migrate<B: Backfills>(
    db: &IdbDatabase,
    upgrade_tx: &IdbTransaction,
    old: u32,
    new: u32,
) -> Result<(), MigrateError> {
    for to in old + 1..=new {
        match (to - 1, to) {
            (0, 1) => create_v1(db).map_err(js_storage_error)?,
            (1, 2) => create_v2(upgrade_tx).map_err(js_storage_error)?,
            // Computed fields only (the backfill below).
            (2, 3) => {}
            (3, 4) => create_v4(upgrade_tx).map_err(js_storage_error)?,
            (from, to) => {
                return Err(MigrateError::Failed(StorageError::Unavailable(format!(
                    "this version of Switchboard cannot upgrade its storage from version {from} \
                     to {to}"
                ))))
            }
        }
    }
    // The stores created in this same upgrade (`old` 0) are empty: nothing to backfill.
    if old > 0 && old < 4 {
        B::fields(upgrade_tx, old)?;
    }
    Ok(())
}

/// A value thrown by an IndexedDB call → a typed error: a `DOMException` by its name, any other
/// error by its message.
pub(crate) fn js_storage_error(value: JsValue) -> StorageError {
    if let Some(dom) = value.dyn_ref::<web_sys::DomException>() {
        return from_dom(&dom.name(), dom.message());
    }
    let message = value
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .unwrap_or_else(|| "the storage upgrade failed".to_owned());
    StorageError::Other(message)
}

/// Creates the store `name` whose records carry their key at `key_path` (none: out-of-line
/// keys, given with each put).
fn store(db: &IdbDatabase, name: &str, key_path: Option<&str>) -> Result<IdbObjectStore, JsValue> {
    let params = IdbObjectStoreParameters::new();
    if let Some(key_path) = key_path {
        params.set_key_path(&JsValue::from_str(key_path));
    }
    db.create_object_store_with_optional_parameters(name, &params)
}

fn create_v1(db: &IdbDatabase) -> Result<(), JsValue> {
    store(db, META, Some("key"))?;
    store(db, WORKSPACE, Some(F_ID))?;
    for name in [USERS, TEAMS, INBOXES, CHANNELS, TICKETS, TEMPLATES, OUTBOX] {
        store(db, name, Some("id"))?;
    }

    let contacts = store(db, CONTACTS, Some("id"))?;
    raw_index(&contacts, IDX_CONTACT_EMAIL, &[F_EMAIL], IndexKind::Unique)?;

    let conversations = store(db, CONVERSATIONS, Some("id"))?;
    raw_index(
        &conversations,
        IDX_CONV_BUCKET,
        &[F_AREA, "inbox", F_BUCKET, "last_activity"],
        IndexKind::Plain,
    )?;
    raw_index(
        &conversations,
        IDX_CONV_ASSIGNEE,
        &[F_AREA, "inbox", F_BUCKET, F_ASSIGNEE, "last_activity"],
        IndexKind::Plain,
    )?;
    raw_index(
        &conversations,
        IDX_CONV_CONTACT,
        &["contact"],
        IndexKind::Plain,
    )?;

    let messages = store(db, MESSAGES, Some("id"))?;
    raw_index(
        &messages,
        IDX_MSG_CONVERSATION,
        &["conversation", "date"],
        IndexKind::Plain,
    )?;
    raw_index(
        &messages,
        IDX_MSG_MESSAGE_ID,
        &["message_id"],
        IndexKind::Plain,
    )?;
    raw_index(
        &messages,
        IDX_MSG_DIRECTION,
        &["direction", "date"],
        IndexKind::Plain,
    )?;

    let drafts = store(db, DRAFTS, Some(F_KEY))?;
    raw_index(&drafts, IDX_DRAFT_USER, &["key.user"], IndexKind::Plain)?;

    // Blobs have no key inside them: out-of-line keys.
    store(db, ATTACHMENTS, None)?;
    Ok(())
}

/// The kinds of index this schema uses.
#[derive(Clone, Copy, PartialEq, Eq)]
enum IndexKind {
    Plain,
    /// At most one record per key.
    Unique,
    /// An array key indexes the record under each of its elements.
    MultiEntry,
}

fn raw_index(
    store: &IdbObjectStore,
    name: &str,
    key_path: &[&str],
    kind: IndexKind,
) -> Result<(), JsValue> {
    let params = IdbIndexParameters::new();
    params.set_unique(kind == IndexKind::Unique);
    params.set_multi_entry(kind == IndexKind::MultiEntry);
    match key_path {
        [one] => store.create_index_with_str_and_optional_parameters(name, one, &params)?,
        many => {
            let path: js_sys::Array = many.iter().map(|p| JsValue::from_str(p)).collect();
            store.create_index_with_str_sequence_and_optional_parameters(name, &path, &params)?
        }
    };
    Ok(())
}

/// v2: the **Channel** filter indexes, the search-token indexes and the `message_terms` store.
fn create_v2(tx: &IdbTransaction) -> Result<(), JsValue> {
    let db = tx.db();
    let conversations = tx.object_store(CONVERSATIONS)?;
    raw_index(
        &conversations,
        IDX_CONV_CHANNEL,
        &[F_AREA, "inbox", F_BUCKET, "channel", "last_activity"],
        IndexKind::Plain,
    )?;
    raw_index(
        &conversations,
        IDX_CONV_ASSIGNEE_CHANNEL,
        &[
            F_AREA,
            "inbox",
            F_BUCKET,
            F_ASSIGNEE,
            "channel",
            "last_activity",
        ],
        IndexKind::Plain,
    )?;
    raw_index(&conversations, IDX_TERMS, &[F_TERMS], IndexKind::MultiEntry)?;
    let contacts = tx.object_store(CONTACTS)?;
    raw_index(&contacts, IDX_TERMS, &[F_TERMS], IndexKind::MultiEntry)?;

    let params = web_sys::IdbObjectStoreParameters::new();
    let key_path: js_sys::Array = ["conversation", "message"]
        .iter()
        .map(|p| JsValue::from_str(p))
        .collect();
    params.set_key_path(&key_path);
    let terms = db.create_object_store_with_optional_parameters(MESSAGE_TERMS, &params)?;
    raw_index(&terms, IDX_TERMS, &[F_TERMS], IndexKind::MultiEntry)?;
    Ok(())
}

/// v4: messages by the addresses whose contact timelines show them.
fn create_v4(tx: &IdbTransaction) -> Result<(), JsValue> {
    let messages = tx.object_store(MESSAGES)?;
    raw_index(
        &messages,
        IDX_MSG_TIMELINE,
        &[F_TIMELINE],
        IndexKind::MultiEntry,
    )
}

/// The backfill of `Backfills::fields` (`Loaded` only): every computed field a record stored
/// by schema `from` lacks. Contacts are walked first, then conversations, whose tokens and row
/// fields (`records::contact_fields`) take their contact's name and address from the walk;
/// messages once, for their terms (from v1) and their timeline addresses (from v1 to v3).
fn backfill_fields(tx: &IdbTransaction, from: u32) -> Result<(), JsValue> {
    if from < 3 {
        backfill_contact_text(tx, from)?;
    }
    // The records already hold every other field, so the backfill adds the computed ones to
    // the stored object as it is instead of re-serialising a domain value, and reads only the
    // fields it needs (not a whole message with its bodies). A field that is missing or of the
    // wrong type aborts the upgrade, like an unreadable record.
    let terms_tx = tx.clone();
    backfill(
        tx,
        MESSAGES,
        move |store, value| {
            let text = |name: &str| {
                js_sys::Reflect::get(&value, &JsValue::from_str(name))?
                    .as_string()
                    .ok_or_else(|| missing_field(name))
            };
            if from < 2 {
                let record = terms_record(
                    &text("conversation")?,
                    &text("id")?,
                    &text("subject")?,
                    &text("text_body")?,
                )
                .map_err(storage_error)?;
                terms_tx.object_store(MESSAGE_TERMS)?.put(&record)?;
            }
            let keys = stored_timeline_keys(&value)?;
            update_with(store, value, &[(F_TIMELINE, keys)])
        },
        || Ok(()),
    )
}

/// v2's contact tokens (from v1) and v3's contact text of conversations (from v1 or v2).
fn backfill_contact_text(tx: &IdbTransaction, from: u32) -> Result<(), JsValue> {
    // Conversations and contacts are read as domain values, so a record that cannot be read
    // aborts the upgrade.
    let contacts: Rc<RefCell<HashMap<ContactId, ContactText>>> = Rc::default();
    let conversations_tx = tx.clone();
    let walked = Rc::clone(&contacts);
    let then = move || {
        backfill(
            &conversations_tx,
            CONVERSATIONS,
            move |store, value| {
                let c: Conversation = from_js(value.clone()).map_err(storage_error)?;
                let contacts = walked.borrow();
                let fields = contact_fields(&c.subject, &c.snippet, contacts.get(&c.contact));
                update_with(store, value, &fields)
            },
            || Ok(()),
        )
    };
    backfill(
        tx,
        CONTACTS,
        move |store, value| {
            let c: Contact = from_js(value.clone()).map_err(storage_error)?;
            if from < 2 {
                let terms =
                    super::records::terms(&[c.name.as_deref().unwrap_or(""), c.email.as_str()]);
                update_with(store, value, &[(F_TERMS, terms)])?;
            }
            contacts
                .borrow_mut()
                .insert(c.id.clone(), ContactText::of(&c));
            Ok(())
        },
        then,
    )
}

/// The `_tl` field of a stored message (`domain::timeline::timeline_keys_of`), read from its
/// `direction`, `from.address` and the `address` of each of `reply_to`, `to`, `cc` and `bcc`
/// (a missing list is empty, as the message's deserialiser reads it).
fn stored_timeline_keys(record: &JsValue) -> Result<JsValue, JsValue> {
    let get = |on: &JsValue, name: &str| js_sys::Reflect::get(on, &JsValue::from_str(name));
    let address = |mailbox: &JsValue, field: &str| {
        get(mailbox, "address")?
            .as_string()
            .ok_or_else(|| missing_field(field))
    };
    let direction = get(record, "direction")?
        .as_string()
        .and_then(|name| {
            Direction::ALL_STORED
                .iter()
                .find(|d| d.stored_name() == name)
                .copied()
        })
        .ok_or_else(|| missing_field("direction"))?;
    let mut senders = vec![address(&get(record, "from")?, "from")?];
    let mut recipients: Vec<String> = Vec::new();
    for field in ["reply_to", "to", "cc", "bcc"] {
        let list = get(record, field)?;
        if list.is_undefined() || list.is_null() {
            continue;
        }
        let list = list
            .dyn_into::<js_sys::Array>()
            .map_err(|_| missing_field(field))?;
        let into = if field == "reply_to" {
            &mut senders
        } else {
            &mut recipients
        };
        for mailbox in list.iter() {
            into.push(address(&mailbox, field)?);
        }
    }
    let keys = timeline_keys_of(
        direction,
        senders.iter().map(String::as_str),
        recipients.iter().map(String::as_str),
    );
    Ok(keys_value(&keys))
}

fn missing_field(name: &str) -> JsValue {
    storage_error(StorageError::Serde(format!(
        "a stored message has no readable field {name}"
    )))
}

/// Writes computed `fields` (search tokens, a contact's row text, timeline addresses) into
/// `record` and puts it back into `store`, where it was read.
fn update_with(
    store: &IdbObjectStore,
    record: JsValue,
    fields: &[(&str, JsValue)],
) -> Result<(), JsValue> {
    for (name, value) in fields {
        js_sys::Reflect::set(&record, &JsValue::from_str(name), value)?;
    }
    store.put(&record)?;
    Ok(())
}

fn storage_error(error: StorageError) -> JsValue {
    js_sys::Error::new(&error.to_string()).into()
}

/// How many records a backfill reads per request.
const BACKFILL_BATCH: u32 = 500;

/// Walks every record of `store` (its key path is `id`) inside the upgrade transaction and
/// calls `each`, then `then` once the walk is over: one pass, `BACKFILL_BATCH` records per
/// `getAll` (each batch after the last key of the one before), the writes sent without waiting.
/// A cursor (a round trip to the browser's storage per record) made the first start after the
/// v4 upgrade of the 10,000-conversation bench workspace (10,196 messages) 6.1–6.6 s longer
/// than the next start; 500 records per read, 3.3–3.5 s (release build, 2 cores, load 3–4.5,
/// measured alternately). Callbacks, not futures: the upgrade handler is synchronous, and the
/// transaction stays open while a request is pending. A record that cannot be read aborts the
/// upgrade (all of it is rolled back, and the open reports the error) rather than leaving it
/// out of an index.
fn backfill(
    tx: &IdbTransaction,
    store: &str,
    each: impl Fn(&IdbObjectStore, JsValue) -> Result<(), JsValue> + 'static,
    then: impl FnOnce() -> Result<(), JsValue> + 'static,
) -> Result<(), JsValue> {
    let object_store = tx.object_store(store)?;
    let first = object_store.get_all_with_key_and_limit(&JsValue::UNDEFINED, BACKFILL_BATCH)?;
    let abort_tx = tx.clone();
    let mut then = Some(then);
    let on_success = Closure::<dyn FnMut(web_sys::Event)>::new(move |event: web_sys::Event| {
        let outcome = (|| -> Result<(), JsValue> {
            let request: web_sys::IdbRequest = event
                .target()
                .ok_or_else(|| JsValue::from_str("a backfill request without a target"))?
                .dyn_into()?;
            let batch: js_sys::Array = request.result()?.dyn_into()?;
            let mut last = JsValue::UNDEFINED;
            for record in batch.iter() {
                last = js_sys::Reflect::get(&record, &JsValue::from_str("id"))?;
                each(&object_store, record)?;
            }
            if batch.length() < BACKFILL_BATCH {
                return then.take().map_or(Ok(()), |then| then());
            }
            let after = web_sys::IdbKeyRange::lower_bound_with_open(&last, true)?;
            let next = object_store.get_all_with_key_and_limit(&after, BACKFILL_BATCH)?;
            next.set_onsuccess(request.onsuccess().as_ref());
            Ok(())
        })();
        if outcome.is_err() {
            let _ = abort_tx.abort();
        }
    });
    // Owned by the requests from now on (freed by the JS garbage collector with them).
    first.set_onsuccess(Some(on_success.into_js_value().unchecked_ref()));
    Ok(())
}
