//! SPEC §5 "**Send** records the email on the recipient's contact timeline", §1/§9 "an incoming
//! message from an unknown address creates a contact": whose contact timeline an email is on,
//! which recipients of a sent email become contacts, and what a contact's timeline holds.
//!
//! Owns: the timeline address keys of a message (stored on each message record as a
//! multi-entry index, `storage::schema::F_TIMELINE`), the contacts a send creates and the one
//! a new sent thread belongs to, and the merge of a contact's timeline reads.
//! Must not: read storage, the clock or ids (the stored contacts, `now` and a maker of ids are
//! parameters), or decide the import's contact (the sender, or the original sender of a
//! forward: `domain::import`, `domain::forward`).
//!
//! The rule (ARCHITECTURE.md Decisions, "Timelines by address"):
//! - An email is on the timeline of every contact whose address took part in it: for a
//!   received email its sender (From, and every Reply-To: a web form's customer is in the
//!   Reply-To) and every To and Cc (and Bcc, if a header named one); for a sent
//!   email every To, Cc and Bcc recipient (its From is the team's own address). An internal
//!   comment is on no timeline. A contact's own conversations (the forward rule may have put a
//!   conversation on a contact whose address is only in the body) show all their emails too.
//! - A sent email makes every recipient a contact (To, Cc and Bcc alike: the rep chose to
//!   write to each of them), except the workspace's own addresses (channels and users).
//! - A received email makes only its sender a contact (SPEC §9): the people a customer copies
//!   are not the team's choice, so they are not added to the CRM; those who already are
//!   contacts see the email on their timeline.
//! - A CRM email sent from a personal address belongs to no conversation (no inbox, no
//!   channel): it is on its recipients' timelines and in **Sent** like any sent email, and its
//!   **Sent** row opens the first recipient's contact page ([`sent_opens`]).

use super::ids::{ContactId, ConversationId};
use super::model::{Channel, Contact, Conversation, Direction, Mailbox, Message, Millis, User};
use super::validate::EmailAddress;
use std::collections::HashSet;

/// The key an address is indexed under: ASCII lower-cased, as `EmailAddress::same_mailbox`
/// compares addresses (the contacts' unique `_email` index uses the same key).
pub fn address_key(address: &str) -> String {
    address.to_ascii_lowercase()
}

/// The keys ([`address_key`]) of the addresses whose contacts' timelines show an email of this
/// `direction` from `senders` (its From, then its Reply-To) to `recipients` (To, Cc and Bcc),
/// each once, in header order: the senders of a received email and every recipient; a sent
/// email's recipients only; none for a comment.
pub fn timeline_keys_of<'a>(
    direction: Direction,
    senders: impl IntoIterator<Item = &'a str>,
    recipients: impl IntoIterator<Item = &'a str>,
) -> Vec<String> {
    let senders = match direction {
        Direction::Comment => return Vec::new(),
        Direction::Incoming => Some(senders),
        Direction::Outgoing => None,
    };
    let mut keys: Vec<String> = Vec::new();
    for address in senders.into_iter().flatten().chain(recipients) {
        let key = address_key(address);
        if !keys.contains(&key) {
            keys.push(key);
        }
    }
    keys
}

/// [`timeline_keys_of`] a message.
pub fn timeline_keys(message: &Message) -> Vec<String> {
    let recipients = message.to.iter().chain(&message.cc).chain(&message.bcc);
    let senders = std::iter::once(&message.from).chain(&message.reply_to);
    timeline_keys_of(
        message.direction,
        senders.map(|m| m.address.as_str()),
        recipients.map(|m| m.address.as_str()),
    )
}

/// The workspace's own addresses, which never become contacts by being written to: every
/// channel's (enabled or not), every user's email and CRM default From.
pub fn own_addresses<'a>(channels: &'a [Channel], users: &'a [User]) -> Vec<&'a EmailAddress> {
    channels
        .iter()
        .map(|c| &c.address)
        .chain(users.iter().map(|u| &u.email))
        .chain(users.iter().filter_map(|u| u.crm_default_from.as_ref()))
        .collect()
}

/// The contacts of a sent email ([`sent_contacts`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SentContacts {
    /// The contact a new conversation belongs to: the first recipient (To, then Cc, then Bcc)
    /// that is not one of the workspace's own addresses; when every recipient is one, the first
    /// recipient (a thread needs a contact: the only case an own address becomes one). `None`
    /// without recipients.
    pub thread: Option<Contact>,
    /// The contacts to create with the send, in recipient order.
    pub created: Vec<Contact>,
}

/// Which contacts a sent email to `to`, `cc` and `bcc` needs: every recipient that is not in
/// `own` becomes a contact unless one of `stored` has its address (in any case); the name is
/// the one typed with the address. Each address once, whatever its case or field.
pub fn sent_contacts(
    [to, cc, bcc]: [&[Mailbox]; 3],
    own: &[&EmailAddress],
    stored: &[Contact],
    mut new_id: impl FnMut() -> ContactId,
    now: Millis,
) -> SentContacts {
    let mut seen: HashSet<String> = HashSet::new();
    let recipients: Vec<&Mailbox> = to
        .iter()
        .chain(cc)
        .chain(bcc)
        .filter(|m| seen.insert(address_key(m.address.as_str())))
        .collect();
    let is_own = |m: &Mailbox| own.iter().any(|a| a.same_mailbox(&m.address));
    let mut created: Vec<Contact> = Vec::new();
    let mut contact_of = |m: &Mailbox, created: &mut Vec<Contact>| -> Contact {
        let known = stored
            .iter()
            .chain(created.iter())
            .find(|c| c.email.same_mailbox(&m.address));
        if let Some(known) = known {
            return known.clone();
        }
        let contact = Contact {
            id: new_id(),
            email: m.address.clone(),
            name: m.name.clone().filter(|n| !n.trim().is_empty()),
            owner: None,
            created_at: now,
        };
        created.push(contact.clone());
        contact
    };
    let mut thread: Option<Contact> = None;
    for m in recipients.iter().filter(|m| !is_own(m)) {
        let contact = contact_of(m, &mut created);
        thread.get_or_insert(contact);
    }
    if thread.is_none() {
        thread = recipients.first().map(|m| contact_of(m, &mut created));
    }
    SentContacts { thread, created }
}

/// A contact's timeline as the contact page shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Timeline {
    /// Their conversations and those they took part in, each once, latest activity first.
    pub conversations: Vec<Conversation>,
    /// Every email of those reads, each once, without comments, newest first.
    pub messages: Vec<Message>,
}

/// Merges what storage read for one contact: the conversations that are theirs and those of the
/// emails their address took part in (`conversations`, in any order, repeats allowed), and the
/// messages of both reads (`messages`: their conversations' messages, comments included, and
/// the messages read by their address).
pub fn timeline(
    conversations: impl IntoIterator<Item = Conversation>,
    messages: impl IntoIterator<Item = Message>,
) -> Timeline {
    let mut seen: HashSet<String> = HashSet::new();
    let mut conversations: Vec<Conversation> = conversations
        .into_iter()
        .filter(|c| seen.insert(c.id.as_str().to_owned()))
        .collect();
    conversations
        .sort_by(|a, b| (b.last_activity, b.id.as_str()).cmp(&(a.last_activity, a.id.as_str())));
    seen.clear();
    let mut messages: Vec<Message> = messages
        .into_iter()
        .filter(|m| m.direction != Direction::Comment && seen.insert(m.id.as_str().to_owned()))
        .collect();
    messages.sort_by(|a, b| (b.date, b.id.as_str()).cmp(&(a.date, a.id.as_str())));
    Timeline {
        conversations,
        messages,
    }
}

/// Where a row of the **Sent** view opens ([`sent_opens`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SentOpens {
    /// The email's conversation.
    Conversation(ConversationId),
    /// The contact page of a CRM email's recipient (the email has no conversation).
    Contact(ContactId),
    /// Nothing to open: an email in no conversation none of whose recipients is a contact.
    Nowhere,
}

/// Where the **Sent** row of `message` opens: its conversation; for an email in no
/// conversation (a CRM email from a personal address), the contact page of its first recipient
/// (To, then Cc, then Bcc) that is one of `contacts` (in any case), the record it was most
/// likely written from, as the send made its first customer the one a new thread belongs to
/// ([`sent_contacts`]); else nowhere.
pub fn sent_opens(message: &Message, contacts: &[Contact]) -> SentOpens {
    if let Some(conversation) = &message.conversation {
        return SentOpens::Conversation(conversation.clone());
    }
    message
        .to
        .iter()
        .chain(&message.cc)
        .chain(&message.bcc)
        .find_map(|m| contacts.iter().find(|c| c.email.same_mailbox(&m.address)))
        .map_or(SentOpens::Nowhere, |c| SentOpens::Contact(c.id.clone()))
}
