//! The names of domain values as views show them, in the current language: ticket status and
//! priority, user roles, signature tokens and ticket card properties. The domain and services
//! keep their English `label()`s (logs, tests, stored summaries); views call these instead.
//! Reactive like every `t(…)` call; no state.

use crate::domain::{Priority, Role, TicketStatus};
use crate::i18n::{k, web::t};
use crate::services::tickets::CardProp;

pub fn ticket_status(status: TicketStatus) -> String {
    t(match status {
        TicketStatus::New => k::TICKET__STATUS_NEW,
        TicketStatus::WaitingOnContact => k::TICKET__STATUS_WAITING_ON_CONTACT,
        TicketStatus::WaitingOnUs => k::TICKET__STATUS_WAITING_ON_US,
        TicketStatus::Closed => k::TICKET__STATUS_CLOSED,
    })
}

pub fn priority(priority: Priority) -> String {
    t(match priority {
        Priority::Low => k::TICKET__PRIORITY_LOW,
        Priority::Medium => k::TICKET__PRIORITY_MEDIUM,
        Priority::High => k::TICKET__PRIORITY_HIGH,
        Priority::Urgent => k::TICKET__PRIORITY_URGENT,
    })
}

pub fn role(role: Role) -> String {
    t(match role {
        Role::SuperAdmin => k::ROLE__SUPER_ADMIN,
        Role::Admin => k::ROLE__ADMIN,
        Role::User => k::ROLE__USER,
    })
}

/// The **Insert token** menu label of a signature token, by the text it inserts; a token this
/// list does not know keeps the domain's label.
pub fn signature_token(token: &str, english: &str) -> String {
    match token {
        "{{sender.full_name}}" => t(k::TOKEN__FULL_NAME),
        "{{sender.first_name}}" => t(k::TOKEN__FIRST_NAME),
        "{{sender.last_name}}" => t(k::TOKEN__LAST_NAME),
        _ => english.to_owned(),
    }
}

/// "Show ticket status" and the like, for **Edit the properties shown**.
pub fn show_card_prop(prop: CardProp) -> String {
    t(match prop {
        CardProp::Pipeline => k::TICKET__SHOW_PIPELINE,
        CardProp::Status => k::TICKET__SHOW_STATUS,
        CardProp::Priority => k::TICKET__SHOW_PRIORITY,
        CardProp::Owner => k::TICKET__SHOW_OWNER,
        CardProp::Created => k::TICKET__SHOW_CREATED,
    })
}
