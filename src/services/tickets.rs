//! Ticket reads for the pages: the ticket record, the help desk ticket list with its filters,
//! the thread sidebar data and the per-user choice of card properties. Ticket commands live in
//! `actions`; this module writes nothing but that preference.

use super::{AppCtx, AppError};
use crate::domain::*;
use crate::text::lowercase;

#[derive(Debug, Clone, PartialEq)]
pub struct TicketRecord {
    pub ticket: Ticket,
    pub conversations: Vec<Conversation>,
}

pub async fn ticket_record(app: AppCtx, id: TicketId) -> Result<TicketRecord, AppError> {
    let db = app.db();
    let ticket = db
        .ticket(&id)
        .await?
        .ok_or(AppError::Missing(crate::domain::refusal::Missing::Ticket))?;
    let mut conversations = Vec::new();
    for c in &ticket.conversations {
        if let Some(conv) = db.conversation(c).await? {
            conversations.push(conv);
        }
    }
    Ok(TicketRecord {
        ticket,
        conversations,
    })
}

pub fn status_label(status: TicketStatus) -> &'static str {
    match status {
        TicketStatus::New => "New",
        TicketStatus::WaitingOnContact => "Waiting on contact",
        TicketStatus::WaitingOnUs => "Waiting on us",
        TicketStatus::Closed => "Closed",
    }
}

pub fn priority_label(priority: Priority) -> &'static str {
    match priority {
        Priority::Low => "Low",
        Priority::Medium => "Medium",
        Priority::High => "High",
        Priority::Urgent => "Urgent",
    }
}

/// Every ticket status in pipeline order, for **Ticket status** selects.
pub const STATUSES: [TicketStatus; 4] = [
    TicketStatus::New,
    TicketStatus::WaitingOnContact,
    TicketStatus::WaitingOnUs,
    TicketStatus::Closed,
];

pub const PRIORITIES: [Priority; 4] = [
    Priority::Low,
    Priority::Medium,
    Priority::High,
    Priority::Urgent,
];

/// Stable keys for selects and URLs.
pub fn status_key(status: TicketStatus) -> &'static str {
    match status {
        TicketStatus::New => "new",
        TicketStatus::WaitingOnContact => "waiting_on_contact",
        TicketStatus::WaitingOnUs => "waiting_on_us",
        TicketStatus::Closed => "closed",
    }
}

pub fn status_from_key(key: &str) -> Option<TicketStatus> {
    STATUSES.into_iter().find(|s| status_key(*s) == key)
}

pub fn priority_key(priority: Priority) -> &'static str {
    match priority {
        Priority::Low => "low",
        Priority::Medium => "medium",
        Priority::High => "high",
        Priority::Urgent => "urgent",
    }
}

pub fn priority_from_key(key: &str) -> Option<Priority> {
    PRIORITIES.into_iter().find(|p| priority_key(*p) == key)
}

/// The properties the ticket card in the thread sidebar can show (**Edit the properties
/// shown**). The name is always shown: it is the card's title.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CardProp {
    Pipeline,
    Status,
    Priority,
    Owner,
    Created,
}

impl CardProp {
    pub const ALL: [CardProp; 5] = [
        CardProp::Pipeline,
        CardProp::Status,
        CardProp::Priority,
        CardProp::Owner,
        CardProp::Created,
    ];
    /// Shown until the user chooses otherwise.
    pub const DEFAULT: [CardProp; 3] = [CardProp::Status, CardProp::Priority, CardProp::Owner];

    pub fn key(self) -> &'static str {
        match self {
            CardProp::Pipeline => "pipeline",
            CardProp::Status => "status",
            CardProp::Priority => "priority",
            CardProp::Owner => "owner",
            CardProp::Created => "created",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            CardProp::Pipeline => "Pipeline",
            CardProp::Status => "Ticket status",
            CardProp::Priority => "Priority",
            CardProp::Owner => "Ticket owner",
            CardProp::Created => "Created",
        }
    }
}

fn card_props_key(user: &UserId) -> String {
    format!("card-props:{user}")
}

/// The properties `user` chose to see on the ticket card (the defaults until they choose).
pub async fn card_props(app: AppCtx, user: UserId) -> Result<Vec<CardProp>, AppError> {
    let stored: Option<Vec<String>> = app.db().get_meta(&card_props_key(&user)).await?;
    Ok(match stored {
        Some(keys) => CardProp::ALL
            .into_iter()
            .filter(|p| keys.iter().any(|k| k == p.key()))
            .collect(),
        None => CardProp::DEFAULT.to_vec(),
    })
}

/// Remembers the chosen card properties for `user`. Only the card rereads them (it refetches
/// itself): announcing a data change would re-render the whole thread for a display choice.
pub async fn save_card_props(
    app: AppCtx,
    user: UserId,
    props: Vec<CardProp>,
) -> Result<(), AppError> {
    let keys: Vec<&str> = props.iter().map(|p| p.key()).collect();
    app.db().set_meta(&card_props_key(&user), &keys).await?;
    Ok(())
}

/// What the thread's right sidebar needs besides the thread itself.
#[derive(Debug, Clone, PartialEq)]
pub struct SidebarData {
    /// Open, live tickets other than the conversation's, for **Add to existing ticket**.
    pub open_tickets: Vec<Ticket>,
    /// The contact's other conversations, newest first.
    pub past_conversations: Vec<Conversation>,
}

pub async fn sidebar(app: AppCtx, conversation: Conversation) -> Result<SidebarData, AppError> {
    let db = app.db();
    let mut open_tickets: Vec<Ticket> = db
        .tickets()
        .await?
        .into_iter()
        .filter(|t| {
            t.trashed_at.is_none()
                && t.status != TicketStatus::Closed
                && conversation.ticket.as_ref() != Some(&t.id)
        })
        .collect();
    open_tickets.sort_by_cached_key(|t| lowercase(&t.name));
    let past_conversations = db
        .conversations_of_contact(&conversation.contact)
        .await?
        .into_iter()
        .filter(|c| c.id != conversation.id && c.trashed_at.is_none())
        .collect();
    Ok(SidebarData {
        open_tickets,
        past_conversations,
    })
}

/// Filters of the help desk ticket list (`None`: any).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TicketFilter {
    pub status: Option<TicketStatus>,
    /// `Some(None)`: tickets without owner.
    pub owner: Option<Option<UserId>>,
    pub priority: Option<Priority>,
}

impl TicketFilter {
    pub fn matches(&self, ticket: &Ticket) -> bool {
        self.status.is_none_or(|s| s == ticket.status)
            && self.priority.is_none_or(|p| p == ticket.priority)
            && self.owner.as_ref().is_none_or(|o| *o == ticket.owner)
    }
}

/// Live tickets matching `filter`, newest first.
pub async fn ticket_list(app: AppCtx, filter: TicketFilter) -> Result<Vec<Ticket>, AppError> {
    let mut list: Vec<Ticket> = app
        .db()
        .tickets()
        .await?
        .into_iter()
        .filter(|t| t.trashed_at.is_none() && filter.matches(t))
        .collect();
    list.sort_by_key(|t| std::cmp::Reverse(t.created_at));
    Ok(list)
}
