//! SPEC §9 **Import email**: what one received message does to the workspace. The shell parses
//! the file, asks [`route`] where it goes and [`contact_mailbox`] whom it is logged on, looks up
//! the contact and the thread in storage, and hands everything to [`plan`], which answers the
//! records to write in ONE transaction and a line for the import summary.
//!
//! Owns: the import decisions (refusals, new contact, new conversation or thread continued,
//! the inbox automation for new conversations, the automatic ticket, the preview snippet).
//! Must not: parse MIME (the mail module does), read storage or the clock (contact, thread, ids
//! and `now` are parameters), or re-implement routing, threading, the forward rule, the
//! automation or the ticket lifecycle (it calls `threading`, `forward`, `routing` and
//! `lifecycle`).
//!
//! Decisions where SPEC is silent:
//! - A message whose Message-ID is already stored is not imported twice.
//! - A reply joins its thread even when it was addressed to another inbox's channel: the
//!   thread is where the team already works on it.
//! - A customer reply reopens a closed conversation without a ticket; a ticketed conversation
//!   keeps its status, which its ticket governs (a closed ticket never has an open one).
//! - A reply to a conversation in Trash is added to it and the conversation stays in Trash.
//! - Automation (assignment, automatic ticket) runs only for new conversations.
//! - Only the sender (or a forward's original sender) becomes a contact, never the people the
//!   email was copied to; those who are contacts already have it on their timeline
//!   (`domain::timeline`). The sender is whom the email asks to be answered: its one
//!   Reply-To address when it has one that is not ours, else its From (`domain::reply_to`).
//! - Automatic replies and bounces (`Message::automatic`, detected by `mail::automatic`) are
//!   not a customer writing: one that joins a conversation is added to it (counted, shown in
//!   the thread) but never reopens it, does not change its list preview, and leaves its
//!   ticket's status as it is (a customer reply does not change a ticket's status either:
//!   the rep moves it). An automatic reply does not move the conversation up the list (its
//!   `last_activity`); a bounce does, because the rep must learn their email did not arrive.
//!   One that starts a new conversation gets no automation: no assignment (round robin,
//!   contact owner), no automatic ticket, the round-robin cursor stays where it was; the
//!   summary says so when the inbox would have assigned or ticketed it.
//! - The sender of a bounce (MAILER-DAEMON, postmaster) never becomes a contact: a new
//!   conversation started by a bounce is logged on the contact of the first failed recipient
//!   (created when unknown: the team wrote to that address), a bounce that joins a thread
//!   makes no contact at all, and a bounce that names no recipient and belongs to no
//!   conversation is refused ([`ImportRefusal::BounceForNobody`]): there is nobody and nothing
//!   to log it on, and a MAILER-DAEMON contact would be noise in every search.

use super::forward;
use super::ids::{ChannelId, ContactId, ConversationId, TicketId, UserId};
use super::lifecycle::{self, Aggregate, Command, LifecycleError};
use super::model::{
    Area, Automatic, Channel, Contact, Conversation, ConversationStatus, Inbox, Mailbox, Message,
    Millis, Plan, Ticket, TicketOwnerRule, User,
};
use super::reply_to;
use super::routing;
use super::threading::{route_to_channel, RouteOutcome};
use super::validate::EmailAddress;

/// SPEC §5 list preview length.
pub const SNIPPET_CHARS: usize = 120;

/// Why a file imports nothing. Shown after the file name.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ImportRefusal {
    #[error("not imported: this email was already imported.")]
    AlreadyImported,
    #[error(
        "not imported: it arrived on {address}, a disabled channel, so it is not shown in the \
         inbox and not logged on the contact."
    )]
    DisabledChannel { address: String },
    #[error("not imported: {0}")]
    NoMatchingChannel(String),
    #[error("not imported: the channel it arrived on belongs to no inbox of this workspace.")]
    UnknownInbox,
    #[error(
        "not imported: a delivery failure report that names no recipient and belongs to no \
         conversation of this workspace."
    )]
    BounceForNobody,
}

/// The channel and inbox a message was routed to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Routed<'a> {
    pub channel: ChannelId,
    pub inbox: &'a Inbox,
}

/// SPEC §2/§9: the inbox whose enabled channel address is among the recipients; a disabled
/// channel or no match refuses the message.
pub fn route<'a>(
    recipients: &[Mailbox],
    channels: &[Channel],
    inboxes: &'a [Inbox],
) -> Result<Routed<'a>, ImportRefusal> {
    match route_to_channel(recipients, channels) {
        RouteOutcome::Routed { channel, inbox } => inboxes
            .iter()
            .find(|i| i.id == inbox)
            .map(|inbox| Routed { channel, inbox })
            .ok_or(ImportRefusal::UnknownInbox),
        RouteOutcome::DisabledChannel { channel, .. } => Err(ImportRefusal::DisabledChannel {
            address: channels
                .iter()
                .find(|c| c.id == channel)
                .map(|c| c.address.to_string())
                .unwrap_or_else(|| channel.to_string()),
        }),
        other @ RouteOutcome::NoMatchingChannel { .. } => Err(ImportRefusal::NoMatchingChannel(
            other.refusal().unwrap_or_default(),
        )),
    }
}

/// Whom the message is logged on: SPEC §3's forward rule first (the original sender of a
/// `FW:`/`FWD:` when the inbox's **Choose original sender of email forwards** is on and one is
/// found in the body), else the sender — its one Reply-To address that is not one of the
/// workspace's `channels`, else its From (`reply_to::sender_contact`). A bounce is logged on
/// its first failed recipient with a valid address, never on the mail system that sent it;
/// `None` when it names none.
pub fn contact_mailbox(inbox: &Inbox, channels: &[Channel], message: &Message) -> Option<Mailbox> {
    if let Some(Automatic::Bounce { failed }) = &message.automatic {
        return failed
            .iter()
            .find_map(|r| EmailAddress::parse(&r.address).ok())
            .map(|address| Mailbox {
                name: None,
                address,
            });
    }
    Some(forward::log_on(
        inbox.fallback.original_sender_of_forwards,
        &reply_to::sender_contact(message, channels),
        &message.subject,
        &message.text_body,
    ))
}

/// Ids the plan may need, made by the shell (unused ones are simply dropped).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewIds {
    pub conversation: ConversationId,
    pub contact: ContactId,
    pub ticket: TicketId,
}

/// Everything [`plan`] decides from.
#[derive(Debug, Clone)]
pub struct ImportInput<'a> {
    /// The received message; its `conversation` field is set by the plan.
    pub message: Message,
    pub routed: Routed<'a>,
    /// The result of [`contact_mailbox`].
    pub contact_mailbox: Option<Mailbox>,
    /// The stored contact with that address, if any.
    pub contact: Option<Contact>,
    /// The conversation found by `threading::find_thread`, if any.
    pub thread: Option<Conversation>,
    /// Every inbox (for the name of a thread's inbox in the summary).
    pub inboxes: &'a [Inbox],
    pub users: &'a [User],
    pub plan: Plan,
    pub ids: NewIds,
    pub now: Millis,
}

/// How the message landed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Landing {
    NewConversation {
        assignee: Option<UserId>,
        ticket: Option<TicketId>,
        area: Area,
        /// An automatic message the inbox automation would have assigned or ticketed.
        automation_skipped: bool,
    },
    Thread {
        reopened: bool,
        /// An automatic message joined a closed conversation, which stays closed.
        kept_closed: bool,
    },
}

/// The records to write in one transaction, and what to tell the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportPlan {
    /// A contact to create (an unknown sender).
    pub new_contact: Option<Contact>,
    pub conversation: Conversation,
    pub message: Message,
    pub ticket: Option<Ticket>,
    /// The inbox with its round-robin cursor moved, when the automation moved it.
    pub inbox: Option<Inbox>,
    pub landing: Landing,
    /// "added to Support, new conversation" (the shell puts the file name in front).
    pub summary: String,
    /// Why the automation's ticket was not created (the conversation still arrived); the
    /// shell words it in the rep's language with `landing`.
    pub ticket_refused: Option<LifecycleError>,
}

/// Whitespace collapsed, at most [`SNIPPET_CHARS`] characters, `…` when cut.
pub fn snippet(text: &str) -> String {
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= SNIPPET_CHARS {
        return flat;
    }
    let cut: String = flat.chars().take(SNIPPET_CHARS - 1).collect();
    format!("{}\u{2026}", cut.trim_end())
}

/// Decides what one routed message does. Pure: same input, same plan.
pub fn plan(input: ImportInput<'_>) -> Result<ImportPlan, ImportRefusal> {
    let ImportInput {
        mut message,
        routed,
        contact_mailbox,
        contact,
        thread,
        inboxes,
        users,
        plan,
        ids,
        now,
    } = input;
    let automatic = message.automatic.clone();
    let is_bounce = matches!(automatic, Some(Automatic::Bounce { .. }));
    let new_contact = |mailbox: &Mailbox| Contact {
        id: ids.contact.clone(),
        email: mailbox.address.clone(),
        name: mailbox.name.clone().filter(|n| !n.trim().is_empty()),
        owner: None,
        created_at: now,
    };

    if let Some(mut conversation) = thread {
        // A bounce's failed recipient is already the thread's contact, or a dead address.
        let new_contact = match (&contact, &contact_mailbox) {
            (None, Some(mailbox)) if !is_bounce => Some(new_contact(mailbox)),
            _ => None,
        };
        message.conversation = Some(conversation.id.clone());
        conversation.message_count += 1;
        if message.date >= conversation.last_activity {
            if automatic != Some(Automatic::Reply) {
                conversation.last_activity = message.date;
            }
            if automatic.is_none() {
                conversation.snippet = snippet(&message.text_body);
            }
        }
        let closed = conversation.status == ConversationStatus::Closed;
        let reopened = automatic.is_none()
            && closed
            && conversation.ticket.is_none()
            && conversation.trashed_at.is_none();
        if reopened {
            conversation.status = ConversationStatus::Open;
        }
        let kept_closed = automatic.is_some() && closed;
        let inbox_name = inboxes
            .iter()
            .find(|i| i.id == conversation.inbox)
            .map_or("its inbox", |i| i.name.as_str());
        let mut summary = format!(
            "added to {inbox_name}, joined the conversation \u{201c}{}\u{201d}",
            conversation.subject
        );
        if reopened {
            summary.push_str(", which was reopened");
        }
        summary.push_str(&automatic_part(automatic.as_ref()));
        if kept_closed {
            summary.push_str(": not reopened");
        }
        if conversation.trashed_at.is_some() {
            summary.push_str(", which is in Trash");
        }
        return Ok(ImportPlan {
            new_contact,
            conversation,
            message,
            ticket: None,
            inbox: None,
            landing: Landing::Thread {
                reopened,
                kept_closed,
            },
            summary,
            ticket_refused: None,
        });
    }

    let (contact, new_contact) = match (contact, &contact_mailbox) {
        (Some(stored), _) => (stored, None),
        (None, Some(mailbox)) => {
            let created = new_contact(mailbox);
            (created.clone(), Some(created))
        }
        (None, None) => return Err(ImportRefusal::BounceForNobody),
    };
    let inbox = routed.inbox;
    let mut arrival = routing::on_arrival(inbox, &contact, users);
    // Machines do not make work for people: no assignment, no ticket, the cursor stays.
    let automation_skipped =
        automatic.is_some() && (arrival.assignee.is_some() || arrival.ticket.is_some());
    if automatic.is_some() {
        arrival.assignee = None;
        arrival.ticket = None;
        arrival.next_round_robin = inbox.automation.round_robin_next;
    }
    message.conversation = Some(ids.conversation.clone());
    let subject = if message.subject.trim().is_empty() {
        "(no subject)".to_owned()
    } else {
        message.subject.trim().to_owned()
    };
    let mut conversation = Conversation {
        id: ids.conversation.clone(),
        inbox: inbox.id.clone(),
        area: Area::Inbox,
        channel: routed.channel.clone(),
        contact: contact.id.clone(),
        subject: subject.clone(),
        status: ConversationStatus::Open,
        assignee: arrival.assignee.clone(),
        ticket: None,
        created_at: message.date,
        last_activity: message.date,
        snippet: snippet(&message.text_body),
        message_count: 1,
        trashed_at: None,
    };
    let mut summary = format!("added to {}, new conversation", inbox.name);
    if let Some(user) = arrival
        .assignee
        .as_ref()
        .and_then(|id| users.iter().find(|u| &u.id == id))
    {
        summary.push_str(&format!(", assigned to {}", user.full_name()));
    }
    summary.push_str(&automatic_part(automatic.as_ref()));
    if automation_skipped {
        summary.push_str(": no automatic assignment or ticket");
    }

    let mut ticket = None;
    let mut ticket_refused = None;
    if let Some(defaults) = &arrival.ticket {
        let command = Command::CreateTicket {
            conversation: conversation.id.clone(),
            ticket_id: ids.ticket.clone(),
            name: subject,
            pipeline: defaults.pipeline.clone(),
            status: defaults.status,
            priority: defaults.priority,
            owner: match &defaults.owner {
                Some(user) => TicketOwnerRule::User { user: user.clone() },
                None => TicketOwnerRule::ConversationOwner,
            },
            plan,
        };
        let state = Aggregate {
            ticket: None,
            conversations: vec![conversation.clone()],
        };
        match lifecycle::apply(state, command, now) {
            Ok(transition) => {
                if let Some(changed) = transition.conversations.into_iter().next() {
                    conversation = changed;
                }
                ticket = transition.tickets.into_iter().next();
                summary.push_str(if conversation.area == Area::HelpDesk {
                    ", ticket created and moved to the help desk"
                } else {
                    ", ticket created"
                });
            }
            // The automation's pipeline is empty: the conversation still arrives, without the
            // ticket, and the summary says why.
            Err(err) => {
                summary.push_str(&format!(", no ticket created ({err})"));
                ticket_refused = Some(err);
            }
        }
    }

    let moved_cursor = arrival.next_round_robin != inbox.automation.round_robin_next;
    let updated_inbox = moved_cursor.then(|| {
        let mut inbox = inbox.clone();
        inbox.automation.round_robin_next = arrival.next_round_robin;
        inbox
    });
    Ok(ImportPlan {
        new_contact,
        landing: Landing::NewConversation {
            assignee: conversation.assignee.clone(),
            ticket: ticket.as_ref().map(|t: &Ticket| t.id.clone()),
            area: conversation.area,
            automation_skipped,
        },
        conversation,
        message,
        ticket,
        inbox: updated_inbox,
        summary,
        ticket_refused,
    })
}

/// ", automatic reply", ", delivery failure report for a@x.example" (English, for logs and
/// tests; the shell words the landing itself).
fn automatic_part(automatic: Option<&Automatic>) -> String {
    match automatic {
        None => String::new(),
        Some(Automatic::Reply) => ", automatic reply".to_owned(),
        Some(Automatic::Bounce { failed }) if failed.is_empty() => {
            ", delivery failure report".to_owned()
        }
        Some(Automatic::Bounce { failed }) => format!(
            ", delivery failure report for {}",
            failed
                .iter()
                .map(|r| r.address.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}
