//! Helpers shared by native test files: the shipped translation catalogues, and channel and
//! message records as the tests describe them.

use switchboard::domain::{
    Channel, ChannelId, ChannelKind, ConversationId, Direction, EmailAddress, InboxId, Mailbox,
    Message, MessageId, Millis,
};
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
    Message {
        id: MessageId::new(id),
        conversation: Some(ConversationId::new(conversation)),
        direction,
        from,
        reply_to: Vec::new(),
        to: Vec::new(),
        cc: Vec::new(),
        bcc: Vec::new(),
        subject: String::new(),
        date,
        text_body: String::new(),
        html_body: None,
        attachments: Vec::new(),
        message_id: None,
        in_reply_to: None,
        references: Vec::new(),
        size: 0,
        author: None,
        automatic: None,
    }
}
