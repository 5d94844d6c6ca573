//! Where an imported message belongs (SPEC §2 and §9): which inbox receives it, judged by the
//! channel addresses among its recipients, and which existing conversation it continues,
//! judged by `In-Reply-To` / `References`.
//!
//! Owns: the routing decision (including "arrived on a disabled channel, so show and log
//! nothing") and the thread lookup. Must not: parse mail, touch storage, create contacts or
//! conversations, or guess a thread from the subject line (two customers can both write
//! "Order problem").

use super::ids::{ChannelId, ConversationId, InboxId};
use super::model::{Channel, Mailbox};
use super::validate::EmailAddress;

/// The routing decision for one received message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RouteOutcome {
    /// An enabled channel's address is among the recipients: the message goes to its inbox.
    Routed { channel: ChannelId, inbox: InboxId },
    /// Only disabled channels matched. SPEC §2: the message is neither shown in the inbox nor
    /// logged on the contact, so the caller drops it (and may tell the importing user why).
    DisabledChannel { channel: ChannelId, inbox: InboxId },
    /// No channel of the workspace is among the recipients.
    NoMatchingChannel { addresses: Vec<EmailAddress> },
}

impl RouteOutcome {
    /// Text a rep can read next to the imported file name when the message was not added.
    pub fn refusal(&self) -> Option<String> {
        match self {
            RouteOutcome::Routed { .. } => None,
            RouteOutcome::DisabledChannel { .. } => Some(
                "This email arrived on a disabled channel, so it was not added to the inbox."
                    .to_owned(),
            ),
            RouteOutcome::NoMatchingChannel { addresses } if addresses.is_empty() => {
                Some("This email has no recipients, so no inbox can receive it.".to_owned())
            }
            RouteOutcome::NoMatchingChannel { addresses } => Some(format!(
                "None of the recipients ({}) is a channel address of this workspace.",
                addresses
                    .iter()
                    .map(EmailAddress::as_str)
                    .collect::<Vec<_>>()
                    .join(", ")
            )),
        }
    }
}

/// Picks the channel that received the message. `recipients` come in priority order (see
/// `ParsedEmail::recipients`: Delivered-To, To, Cc); the first one that is an enabled
/// channel's address wins. A message sent both to a disabled and to an enabled channel did
/// arrive on the enabled one, so a disabled match is reported only when nothing enabled
/// matched.
pub fn route_to_channel(recipients: &[Mailbox], channels: &[Channel]) -> RouteOutcome {
    let matching = |enabled: bool| {
        recipients.iter().find_map(|recipient| {
            channels.iter().find(|channel| {
                channel.enabled == enabled && channel.address.same_mailbox(&recipient.address)
            })
        })
    };
    if let Some(channel) = matching(true) {
        return RouteOutcome::Routed {
            channel: channel.id.clone(),
            inbox: channel.inbox.clone(),
        };
    }
    if let Some(channel) = matching(false) {
        return RouteOutcome::DisabledChannel {
            channel: channel.id.clone(),
            inbox: channel.inbox.clone(),
        };
    }
    let mut addresses: Vec<EmailAddress> = Vec::new();
    for recipient in recipients {
        if !addresses.iter().any(|a| a.same_mailbox(&recipient.address)) {
            addresses.push(recipient.address.clone());
        }
    }
    RouteOutcome::NoMatchingChannel { addresses }
}

/// The conversation an incoming message continues, if any. `existing` pairs the Message-ID
/// of every stored message (without angle brackets) with its conversation, `None` for a
/// message that belongs to none (a CRM email sent from a personal address).
///
/// `In-Reply-To` names the direct parent and is checked first; then `References`, newest
/// (last) first, so a reply to a message we never saw still joins the thread of an older
/// ancestor we do have. Ids compare exactly, as RFC 5322 defines them. A parent we know that
/// has no conversation is passed over like an unknown one: a customer's reply to a CRM email
/// joins an older thread its `References` name, else starts a new conversation (it never
/// points at a conversation that does not exist).
pub fn find_thread<'a>(
    in_reply_to: Option<&str>,
    references: &[String],
    existing: impl IntoIterator<Item = (&'a str, Option<&'a ConversationId>)>,
) -> Option<ConversationId> {
    let known: Vec<(&str, &ConversationId)> = existing
        .into_iter()
        .filter_map(|(id, conversation)| Some((id, conversation?)))
        .collect();
    let lookup = |id: &str| {
        let id = id.trim().trim_start_matches('<').trim_end_matches('>');
        known
            .iter()
            .find(|(known_id, _)| !id.is_empty() && *known_id == id)
            .map(|(_, conversation)| (*conversation).clone())
    };
    in_reply_to
        .and_then(lookup)
        .or_else(|| references.iter().rev().find_map(|id| lookup(id)))
}
