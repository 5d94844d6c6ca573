//! `Reply-To` on received mail (RFC 5322 §3.6.2: "the address(es) to which the author of the
//! message suggests that replies be sent"): a web form or shop writes `From: "Website"
//! <noreply@forms.example>` and `Reply-To: "Ana Pop" <ana@client.ro>`, a list asks to be
//! answered on the list, a person sends from one address and reads another. Mature help desks
//! (Help Scout, Zendesk, FreeScout) answer the Reply-To; so does Switchboard.
//!
//! Owns: whom a received message is logged on before SPEC §3's forward rule
//! ([`sender_contact`]), whom the reply composer answers ([`reply_recipients`]) and what the
//! thread shows next to the sender ([`shown_reply_to`]).
//! Must not: parse headers (the mail module keeps the valid Reply-To mailboxes on the
//! `Message`), apply the forward rule (`domain::import::contact_mailbox` puts it first), or
//! read storage.
//!
//! Decisions where SPEC is silent:
//! - A Reply-To address that is one of the workspace's own channel addresses (enabled or not)
//!   is never the customer: a form or a colleague that writes "reply to support@" means the
//!   team, so it is set aside, and what is left decides.
//! - The message is logged on its Reply-To only when that leaves exactly one address: with
//!   several, none of them is more the customer than the others, so it stays on the From (as
//!   today) and the reply goes to all of them.
//! - A new contact made from a Reply-To gets the Reply-To's display name, or none: never the
//!   From's name, which is the form's or the shop's ("Website").
//! - A Reply-To that only repeats the From address changes nothing and is not shown.
//! - Records stored before Reply-To was kept have none: they behave as before.

use super::model::{Channel, Direction, Mailbox, Message};
use super::validate::EmailAddress;

/// The message's Reply-To mailboxes that are not one of the workspace's own channel addresses,
/// each address once, in header order.
pub fn customer_reply_to<'a>(message: &'a Message, channels: &[Channel]) -> Vec<&'a Mailbox> {
    let is_own = |m: &Mailbox| channels.iter().any(|c| c.address.same_mailbox(&m.address));
    let mut out: Vec<&Mailbox> = Vec::new();
    for mailbox in message.reply_to.iter().filter(|m| !is_own(m)) {
        if !out.iter().any(|m| m.address.same_mailbox(&mailbox.address)) {
            out.push(mailbox);
        }
    }
    out
}

/// Whom a received message is logged on (before the forward rule): its one Reply-To address
/// that is not the workspace's own, with that Reply-To's name; otherwise its From.
pub fn sender_contact(message: &Message, channels: &[Channel]) -> Mailbox {
    match customer_reply_to(message, channels).as_slice() {
        [one] if !one.address.same_mailbox(&message.from.address) => (*one).clone(),
        _ => message.from.clone(),
    }
}

/// The To of a fresh reply to a conversation whose contact has `contact` as address and whose
/// latest received message is `last_received`: that message's Reply-To (all of them, without
/// the workspace's own channel addresses) when the message is the contact's — its From or one
/// of its Reply-To is the contact's address — otherwise the contact, as always. So a forward
/// logged on its original sender (SPEC §3), or a message someone else wrote into the thread,
/// keeps the reply on the conversation's customer.
pub fn reply_recipients(
    contact: Option<&EmailAddress>,
    last_received: Option<&Message>,
    channels: &[Channel],
) -> Vec<EmailAddress> {
    let from_contact = || contact.into_iter().cloned().collect();
    let Some(message) = last_received.filter(|m| m.direction == Direction::Incoming) else {
        return from_contact();
    };
    let reply_to = customer_reply_to(message, channels);
    if reply_to.is_empty() {
        return from_contact();
    }
    let theirs = contact.is_none_or(|contact| {
        message.from.address.same_mailbox(contact)
            || reply_to.iter().any(|m| m.address.same_mailbox(contact))
    });
    if !theirs {
        return from_contact();
    }
    reply_to.into_iter().map(|m| m.address.clone()).collect()
}

/// The Reply-To the thread shows next to a received message's sender: all of it, unless it is
/// only the From address again (then nothing); nothing for sent mail and comments.
pub fn shown_reply_to(message: &Message) -> &[Mailbox] {
    if message.direction != Direction::Incoming {
        return &[];
    }
    match message.reply_to.as_slice() {
        [one] if one.address.same_mailbox(&message.from.address) => &[],
        all => all,
    }
}
