//! Ticket reads and commands.

use super::{AppCtx, AppError};
use crate::domain::*;

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
        .ok_or_else(|| AppError::NotFound("This ticket".into()))?;
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
