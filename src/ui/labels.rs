//! The names of domain values as views show them, in the current language: ticket status and
//! priority, user roles, signature tokens and ticket card properties. The domain and services
//! keep their English `label()`s (logs, tests, stored summaries); views call these instead.
//! Reactive like every `t(…)` call; no state.

use crate::domain::views::DateFilter;
use crate::domain::{Priority, Role, TicketStatus, View};
use crate::i18n::{k, web::t};
use crate::services::tickets::CardProp;

/// The name of a conversation view (**Unassigned**, **Assigned to me**, …).
pub fn view(view: View) -> String {
    t(match view {
        View::Unassigned => k::VIEWS__UNASSIGNED,
        View::AssignedToMe => k::VIEWS__ASSIGNED_TO_ME,
        View::AllOpen => k::VIEWS__ALL_OPEN,
        View::Closed => k::VIEWS__CLOSED,
        View::Sent => k::VIEWS__SENT,
        View::Outbox => k::VIEWS__OUTBOX,
        View::Trash => k::VIEWS__TRASH,
        View::Drafts => k::VIEWS__DRAFTS,
    })
}

/// The name of a **Date** list filter choice.
pub fn date_filter(date: DateFilter) -> String {
    t(match date {
        DateFilter::AnyTime => k::FILTERS__ANY_TIME,
        DateFilter::Today => k::FILTERS__TODAY,
        DateFilter::Last7Days => k::FILTERS__LAST_7_DAYS,
        DateFilter::Last30Days => k::FILTERS__LAST_30_DAYS,
        DateFilter::Custom { .. } => k::FILTERS__CUSTOM,
    })
}

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
