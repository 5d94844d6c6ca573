//! Helpers shared by native test files: the shipped translation catalogues, channel and
//! message records as the tests describe them, the demo workspace and the import plan of a
//! message that starts a conversation in it.

use switchboard::domain::import::{contact_mailbox, plan, route, ImportInput, ImportPlan, NewIds};
use switchboard::domain::{
    Channel, ChannelId, ChannelKind, ConversationId, Direction, EmailAddress, InboxId, Mailbox,
    Message, MessageId, Millis,
};
use switchboard::domain::{ContactId, TicketId, WorkspaceData};
use switchboard::i18n::{Catalog, Locale};

/// The catalogue of `locale` as shipped in `public/locales/`.
#[allow(dead_code)] // not every test file that shares this module reads catalogues
pub fn shipped(locale: Locale) -> Catalog {
    let path = format!(
        "{}/public/locales/{}.json",
        env!("CARGO_MANIFEST_DIR"),
        locale.code()
    );
    let json = std::fs::read_to_string(&path).expect("catalogue file");
    Catalog::from_json(locale, &json).expect("catalogue loads")
}

/// A verified channel of `inbox` at `address`, its display name its id.
#[allow(dead_code)] // not every test file that shares this module builds channels
pub fn channel(id: &str, inbox: &str, kind: ChannelKind, address: &str, enabled: bool) -> Channel {
    Channel {
        id: ChannelId::new(id),
        inbox: InboxId::new(inbox),
        kind,
        address: EmailAddress::parse(address).expect("a valid address"),
        display_name: id.to_owned(),
        enabled,
        verified: true,
    }
}

/// A message of `conversation` from `from` at `date`: no recipients, empty subject and text, no
/// files or ids (a test sets what its rule reads with `..message(…)`).
#[allow(dead_code)] // not every test file that shares this module builds messages
pub fn message(
    id: &str,
    conversation: &str,
    direction: Direction,
    from: Mailbox,
    date: Millis,
) -> Message {
    Message::new(
        MessageId::new(id),
        Some(ConversationId::new(conversation)),
        direction,
        from,
        date,
    )
}

/// The demo workspace as shipped (`public/demo/workspace.json`).
#[allow(dead_code)]
pub fn demo() -> WorkspaceData {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/public/demo/workspace.json");
    let raw = std::fs::read_to_string(path).expect("demo workspace is readable");
    serde_json::from_str(&raw).expect("demo workspace deserialises")
}

/// The import plan of a received `message` in `data` as a new conversation (no stored contact,
/// no thread): routed by its To and Cc, logged on `contact_mailbox`, with the ids `conv-new`,
/// `k-new` and `tk-new`.
#[allow(dead_code)]
pub fn plan_new_conversation(data: &WorkspaceData, message: Message, now: Millis) -> ImportPlan {
    let recipients: Vec<Mailbox> = message.to.iter().chain(&message.cc).cloned().collect();
    let routed = route(&recipients, &data.channels, &data.inboxes).expect("routed");
    let logged_on = contact_mailbox(routed.inbox, &data.channels, &message);
    plan(ImportInput {
        message,
        routed,
        contact_mailbox: logged_on,
        contact: None,
        thread: None,
        inboxes: &data.inboxes,
        users: &data.users,
        plan: data.workspace.plan,
        ids: NewIds {
            conversation: ConversationId::new("conv-new"),
            contact: ContactId::new("k-new"),
            ticket: TicketId::new("tk-new"),
        },
        now,
    })
    .expect("planned")
}
