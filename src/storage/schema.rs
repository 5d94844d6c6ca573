//! The IndexedDB schema: store and index names, the schema version, and the migrations run in
//! `upgradeneeded` as a `match (old, new)` per step. Only called from `Db::open`; it must never
//! read or write records (an upgrade transaction that does I/O here would hold every tab).

use indexed_db_futures::database::Database;
use indexed_db_futures::object_store::ObjectStore;
use indexed_db_futures::prelude::*;
use indexed_db_futures::KeyPath;

/// The schema this build of Switchboard writes.
pub const SCHEMA_VERSION: u32 = 1;

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

/// Every object store of schema v1.
pub const ALL_STORES: [&str; 14] = [
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
];

/// Every store except `meta`: what `replace_all` clears.
pub const DATA_STORES: [&str; 13] = [
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
];

/// The stores `write_batch` touches.
pub const BATCH_STORES: [&str; 6] = [CONVERSATIONS, MESSAGES, TICKETS, CONTACTS, OUTBOX, DRAFTS];

/// The small stores `load_directory` reads.
pub const DIRECTORY_STORES: [&str; 6] = [WORKSPACE, USERS, TEAMS, INBOXES, CHANNELS, TEMPLATES];

// Computed fields added to stored records (domain types ignore unknown fields).
pub const F_ID: &str = "_id";
pub const F_AREA: &str = "_area";
pub const F_BUCKET: &str = "_bucket";
pub const F_ASSIGNEE: &str = "_assignee";
pub const F_EMAIL: &str = "_email";
pub const F_KEY: &str = "_key";

/// The workspace store holds one record under this key.
pub const WORKSPACE_KEY: &str = "workspace";
/// Meta key set by `replace_all`.
pub const META_SEEDED: &str = "seeded";

/// conversations: `[_area, inbox, _bucket, last_activity]`.
pub const IDX_CONV_BUCKET: &str = "by_area_inbox_bucket_activity";
/// conversations: `[_area, inbox, _bucket, _assignee, last_activity]`.
pub const IDX_CONV_ASSIGNEE: &str = "by_area_inbox_bucket_assignee_activity";
/// conversations: `contact`.
pub const IDX_CONV_CONTACT: &str = "by_contact";
/// messages: `[conversation, date]`.
pub const IDX_MSG_CONVERSATION: &str = "by_conversation_date";
/// messages: `message_id` (RFC 5322 Message-ID, for threading).
pub const IDX_MSG_MESSAGE_ID: &str = "by_message_id";
/// messages: `[direction, date]` (the Sent view).
pub const IDX_MSG_DIRECTION: &str = "by_direction_date";
/// contacts: lower-cased email, unique (one contact per address).
pub const IDX_CONTACT_EMAIL: &str = "by_email";
/// drafts: `key.user`.
pub const IDX_DRAFT_USER: &str = "by_user";

/// Runs every migration step from `old` to `new`. An unknown step fails the upgrade, which the
/// browser then rolls back, so a half-migrated database never exists.
pub(crate) fn migrate(db: &Database, old: u32, new: u32) -> indexed_db_futures::Result<()> {
    for to in old + 1..=new {
        match (to - 1, to) {
            (0, 1) => create_v1(db)?,
            (from, to) => {
                let message = format!(
                    "this version of Switchboard cannot upgrade its storage from version {from} \
                     to {to}"
                );
                return Err(js_sys::Error::new(&message).into());
            }
        }
    }
    Ok(())
}

fn store_with_key_path<'a>(
    db: &'a Database,
    name: &str,
    key_path: &str,
) -> indexed_db_futures::Result<ObjectStore<'a>> {
    db.create_object_store(name)
        .with_key_path(KeyPath::One(key_path))
        .build()
}

fn index(
    store: &ObjectStore<'_>,
    name: &str,
    key_path: &[&str],
    unique: bool,
) -> indexed_db_futures::Result<()> {
    let key_path = match key_path {
        [one] => KeyPath::One(*one),
        many => KeyPath::from(many),
    };
    store
        .create_index(name, key_path)
        .with_unique(unique)
        .build()?;
    Ok(())
}

fn create_v1(db: &Database) -> indexed_db_futures::Result<()> {
    store_with_key_path(db, META, "key")?;
    store_with_key_path(db, WORKSPACE, F_ID)?;
    for name in [USERS, TEAMS, INBOXES, CHANNELS, TICKETS, TEMPLATES, OUTBOX] {
        store_with_key_path(db, name, "id")?;
    }

    let contacts = store_with_key_path(db, CONTACTS, "id")?;
    index(&contacts, IDX_CONTACT_EMAIL, &[F_EMAIL], true)?;

    let conversations = store_with_key_path(db, CONVERSATIONS, "id")?;
    index(
        &conversations,
        IDX_CONV_BUCKET,
        &[F_AREA, "inbox", F_BUCKET, "last_activity"],
        false,
    )?;
    index(
        &conversations,
        IDX_CONV_ASSIGNEE,
        &[F_AREA, "inbox", F_BUCKET, F_ASSIGNEE, "last_activity"],
        false,
    )?;
    index(&conversations, IDX_CONV_CONTACT, &["contact"], false)?;

    let messages = store_with_key_path(db, MESSAGES, "id")?;
    index(
        &messages,
        IDX_MSG_CONVERSATION,
        &["conversation", "date"],
        false,
    )?;
    index(&messages, IDX_MSG_MESSAGE_ID, &["message_id"], false)?;
    index(&messages, IDX_MSG_DIRECTION, &["direction", "date"], false)?;

    let drafts = store_with_key_path(db, DRAFTS, F_KEY)?;
    index(&drafts, IDX_DRAFT_USER, &["key.user"], false)?;

    // Blobs have no key inside them: out-of-line keys.
    db.create_object_store(ATTACHMENTS).build()?;
    Ok(())
}
