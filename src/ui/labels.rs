//! The names of domain values as views show them, in the current language: ticket status and
//! priority, user roles, signature tokens and ticket card properties. The domain and services
//! keep their English `label()`s (logs, tests, stored summaries); views call these instead.
//! Reactive like every `t(…)` call; no state.

use crate::domain::views::DateFilter;
use crate::domain::TemplateKind;
use crate::domain::{Priority, Role, TicketStatus, View};
use crate::i18n::{k, web::t, Key};
use crate::services::tickets::CardProp;

/// The name of a conversation view (**Unassigned**, **Assigned to me**, …).
pub fn view(view: View) -> String {
    t(view_key(view))
}

/// The key of a view's name.
pub fn view_key(view: View) -> Key {
    match view {
        View::Unassigned => k::VIEWS__UNASSIGNED,
        View::AssignedToMe => k::VIEWS__ASSIGNED_TO_ME,
        View::AllOpen => k::VIEWS__ALL_OPEN,
        View::Closed => k::VIEWS__CLOSED,
        View::Sent => k::VIEWS__SENT,
        View::Outbox => k::VIEWS__OUTBOX,
        View::Trash => k::VIEWS__TRASH,
        View::Drafts => k::VIEWS__DRAFTS,
    }
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

/// The texts of one kind of Settings › Templates content (each language words them on its own;
/// no lower-casing of a label into a sentence).
pub struct KindKeys {
    pub label: Key,
    pub plural: Key,
    pub new: Key,
    pub insert: Key,
    pub none: Key,
    pub delete: Key,
    pub saved: Key,
}

pub fn kind_keys(kind: TemplateKind) -> KindKeys {
    macro_rules! keys {
        ($l:ident, $p:ident, $n:ident, $i:ident, $no:ident, $d:ident, $s:ident) => {
            KindKeys {
                label: k::$l,
                plural: k::$p,
                new: k::$n,
                insert: k::$i,
                none: k::$no,
                delete: k::$d,
                saved: k::$s,
            }
        };
    }
    match kind {
        TemplateKind::Template => keys!(
            KINDS__TEMPLATE,
            KINDS__TEMPLATE_PLURAL,
            KINDS__TEMPLATE_NEW,
            KINDS__TEMPLATE_INSERT,
            KINDS__TEMPLATE_NONE,
            KINDS__TEMPLATE_DELETE,
            KINDS__TEMPLATE_SAVED
        ),
        TemplateKind::Snippet => keys!(
            KINDS__SNIPPET,
            KINDS__SNIPPET_PLURAL,
            KINDS__SNIPPET_NEW,
            KINDS__SNIPPET_INSERT,
            KINDS__SNIPPET_NONE,
            KINDS__SNIPPET_DELETE,
            KINDS__SNIPPET_SAVED
        ),
        TemplateKind::Document => keys!(
            KINDS__DOCUMENT,
            KINDS__DOCUMENT_PLURAL,
            KINDS__DOCUMENT_NEW,
            KINDS__DOCUMENT_INSERT,
            KINDS__DOCUMENT_NONE,
            KINDS__DOCUMENT_DELETE,
            KINDS__DOCUMENT_SAVED
        ),
        TemplateKind::MeetingLink => keys!(
            KINDS__MEETING_LINK,
            KINDS__MEETING_LINK_PLURAL,
            KINDS__MEETING_LINK_NEW,
            KINDS__MEETING_LINK_INSERT,
            KINDS__MEETING_LINK_NONE,
            KINDS__MEETING_LINK_DELETE,
            KINDS__MEETING_LINK_SAVED
        ),
        TemplateKind::KnowledgeBase => keys!(
            KINDS__KNOWLEDGE_BASE,
            KINDS__KNOWLEDGE_BASE_PLURAL,
            KINDS__KNOWLEDGE_BASE_NEW,
            KINDS__KNOWLEDGE_BASE_INSERT,
            KINDS__KNOWLEDGE_BASE_NONE,
            KINDS__KNOWLEDGE_BASE_DELETE,
            KINDS__KNOWLEDGE_BASE_SAVED
        ),
        TemplateKind::Video => keys!(
            KINDS__VIDEO,
            KINDS__VIDEO_PLURAL,
            KINDS__VIDEO_NEW,
            KINDS__VIDEO_INSERT,
            KINDS__VIDEO_NONE,
            KINDS__VIDEO_DELETE,
            KINDS__VIDEO_SAVED
        ),
    }
}

/// Why the composer sends from the address it shows (SPEC §4), next to the From.
pub fn from_reason(
    reason: &crate::domain::from::FromReason,
    teams: &[crate::domain::Team],
) -> String {
    use crate::domain::from::FromReason;
    match reason {
        FromReason::DeliberateChoice => t(k::FROM__YOUR_CHOICE),
        FromReason::ThreadAddress { .. } => t(k::FROM__THREAD_ADDRESS),
        FromReason::TeamDefault { team } => {
            let name = teams
                .iter()
                .find(|x| &x.id == team)
                .map_or(team.as_str(), |x| x.name.as_str());
            crate::i18n::web::tf(k::FROM__TEAM_DEFAULT, &[("team", &name)])
        }
        FromReason::CrmPersonalDefault => t(k::FROM__CRM_DEFAULT),
        FromReason::CrmOwnAddress => t(k::FROM__OWN_ADDRESS),
        FromReason::InboxDefault => t(k::FROM__INBOX_DEFAULT),
    }
}

/// The notice when a thread keeps an address that differs from the rep's default (the rule is
/// `domain::from::differs_notice`'s; this words it).
pub fn from_differs(resolved: &crate::domain::from::ResolvedFrom) -> Option<String> {
    use crate::domain::from::{differs_notice, mailbox_label};
    differs_notice(resolved)?;
    let default = resolved.default.as_ref()?;
    Some(crate::i18n::web::tf(
        k::FROM__DIFFERS,
        &[
            ("address", &mailbox_label(&resolved.mailbox)),
            ("default", &mailbox_label(default)),
        ],
    ))
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
