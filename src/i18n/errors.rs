//! Error and refusal sentences, and the outcomes of conversation and ticket commands, in the
//! current language. The domain, storage and services keep
//! their English `thiserror` messages (logs, native tests, stored summaries); everything a rep
//! reads goes through [`Translated::translated`] here.
//!
//! Every `match` is exhaustive and names each variant: a new variant without a translation
//! does not compile. Only wording lives here; no rule is decided again. Typed refusals of the
//! domain, mail and shell (validation, settings forms, lifecycle, import, mail server) are
//! worded by the pure `messages` module and shown through [`Translated`] here. What still
//! travels as a `String` (`AppError::Denied`, `Invalid`, `Fields`) was already translated by
//! the service that made it (`t`/`tf`, or `translated()` of a typed error per field).

use super::k;
use super::messages::Worded;
use super::web::{t, tf, tm, tn};
use crate::domain::access::{Action, Decision, DenyReason};
use crate::domain::from::{FromError, SendGuardError, Unusable};
use crate::domain::helpdesk::{DefaultMove, HelpDeskError};
use crate::domain::lifecycle::Outcome;
use crate::domain::Team;
use crate::services::AppError;
use crate::storage::StorageError;

/// A value a rep reads, in the current language.
pub trait Translated {
    type Text;
    fn translated(&self) -> Self::Text;
}

/// Types whose wording lives in `messages` (`Worded`), shown in the current language.
macro_rules! translated_via_message {
    ($($ty:ty),* $(,)?) => {
        $(impl Translated for $ty {
            type Text = String;
            fn translated(&self) -> String {
                tm(&self.message())
            }
        })*
    };
}

translated_via_message!(
    crate::domain::validate::ValidationError,
    crate::domain::inbox_setup::SetupError,
    crate::domain::fallback::FallbackError,
    crate::domain::fallback::VerifyError,
    crate::domain::template::TemplateError,
    crate::domain::mail_server::MailServerError,
    crate::domain::mail_server::SubmitRefusal,
    crate::domain::import::ImportRefusal,
    crate::domain::lifecycle::LifecycleError,
    crate::domain::draft::AttachmentError,
    crate::domain::refusal::Refusal,
    crate::domain::refusal::Missing,
    crate::mail::jmap::JmapError,
    crate::mail::ParseError,
);

/// What an action does, as the end of a sentence ("Only admins can {action}.").
pub fn action(action: Action) -> String {
    t(match action {
        Action::ViewInbox => k::ACTION__VIEW_INBOX,
        Action::ViewThread => k::ACTION__VIEW_THREAD,
        Action::Compose => k::ACTION__COMPOSE,
        Action::Reply => k::ACTION__REPLY,
        Action::Assign => k::ACTION__ASSIGN,
        Action::Close => k::ACTION__CLOSE,
        Action::Comment => k::ACTION__COMMENT,
        Action::Move => k::ACTION__MOVE,
        Action::Trash => k::ACTION__TRASH,
        Action::Forward => k::ACTION__FORWARD,
        Action::SendFrom => k::ACTION__SEND_FROM,
        Action::EditInboxSettings => k::ACTION__EDIT_INBOX_SETTINGS,
        Action::CreateInbox => k::ACTION__CREATE_INBOX,
        Action::EditHelpDeskDefaults => k::ACTION__EDIT_HELPDESK_DEFAULTS,
        Action::ViewHelpDeskDefaults => k::ACTION__VIEW_HELPDESK_DEFAULTS,
        Action::ManageTemplates => k::ACTION__MANAGE_TEMPLATES,
    })
}

impl Translated for DenyReason {
    type Text = String;
    fn translated(&self) -> String {
        match self {
            DenyReason::NoInboxAccess { inbox } => {
                tf(k::DENY__NO_INBOX_ACCESS, &[("inbox", inbox)])
            }
            DenyReason::ViewOnly { .. } => t(k::DENY__VIEW_ONLY),
            DenyReason::FreeSeatAssignedToOther => t(k::DENY__FREE_SEAT),
            DenyReason::AdminsOnly { action: a } => {
                tf(k::DENY__ADMINS_ONLY, &[("action", &action(*a))])
            }
            DenyReason::PlanTooLow { action: a, plan } => tf(
                k::DENY__PLAN_TOO_LOW,
                &[("action", &action(*a)), ("plan", &plan.label())],
            ),
            DenyReason::ChannelDisabled { address } => {
                tf(k::DENY__CHANNEL_DISABLED, &[("address", address)])
            }
            DenyReason::ChannelUnverified { address } => {
                tf(k::DENY__CHANNEL_UNVERIFIED, &[("address", address)])
            }
            DenyReason::FallbackNotForSending { inbox } => {
                tf(k::DENY__FALLBACK_NOT_FOR_SENDING, &[("inbox", inbox)])
            }
            DenyReason::FallbackAddressInvalid { inbox } => {
                tf(k::DENY__FALLBACK_ADDRESS_INVALID, &[("inbox", inbox)])
            }
            DenyReason::WrongResource { action: a } => {
                tf(k::DENY__WRONG_RESOURCE, &[("action", &action(*a))])
            }
        }
    }
}

impl Translated for Decision {
    /// The refusal sentence, if refused (for a disabled control's `title` or a note).
    type Text = Option<String>;
    fn translated(&self) -> Option<String> {
        match self {
            Decision::Allowed => None,
            Decision::Denied(reason) => Some(reason.translated()),
        }
    }
}

impl Translated for Unusable {
    type Text = String;
    fn translated(&self) -> String {
        match self {
            Unusable::Denied(reason) => reason.translated(),
            Unusable::ChannelRemoved => t(k::FROMERR__CHANNEL_REMOVED),
            Unusable::InboxRemoved => t(k::FROMERR__INBOX_REMOVED),
            Unusable::NotYourAddress => t(k::FROMERR__NOT_YOUR_ADDRESS),
            Unusable::PersonalNotAllowedHere => t(k::FROMERR__PERSONAL_NOT_HERE),
        }
    }
}

impl Translated for FromError {
    type Text = String;
    fn translated(&self) -> String {
        match self {
            FromError::ChoiceUnusable { address, why, .. } => tf(
                k::FROMERR__CHOICE_UNUSABLE,
                &[("address", address), ("why", &why.translated())],
            ),
            FromError::ThreadAddressUnusable { address, why } => tf(
                k::FROMERR__THREAD_UNUSABLE,
                &[("address", address), ("why", &why.translated())],
            ),
            FromError::TeamDefaultUnusable { address, why } => tf(
                k::FROMERR__TEAM_DEFAULT_UNUSABLE,
                &[("address", address), ("why", &why.translated())],
            ),
            FromError::CrmDefaultUnusable { address, why } => tf(
                k::FROMERR__CRM_DEFAULT_UNUSABLE,
                &[("address", address), ("why", &why.translated())],
            ),
            FromError::NoPrimaryTeam => t(k::FROMERR__NO_PRIMARY_TEAM),
            FromError::NoTeamDefault { .. } => t(k::FROMERR__NO_TEAM_DEFAULT),
            FromError::NoInboxAccess(reason) => reason.translated(),
            FromError::NoInboxAddress { inbox } => {
                tf(k::FROMERR__NO_INBOX_ADDRESS, &[("inbox", inbox)])
            }
            FromError::UnknownInbox => t(k::FROMERR__UNKNOWN_INBOX),
        }
    }
}

impl Translated for SendGuardError {
    type Text = String;
    fn translated(&self) -> String {
        match self {
            SendGuardError::AddressChanged { shown, now } => {
                tf(k::GUARD__ADDRESS_CHANGED, &[("shown", shown), ("now", now)])
            }
            SendGuardError::NameChanged { shown, now } => {
                tf(k::GUARD__NAME_CHANGED, &[("shown", shown), ("now", now)])
            }
            SendGuardError::ChannelChanged { shown, now } => {
                tf(k::GUARD__CHANNEL_CHANGED, &[("shown", shown), ("now", now)])
            }
            SendGuardError::Blocked(why) => tf(k::GUARD__BLOCKED, &[("why", &why.translated())]),
        }
    }
}

impl Translated for HelpDeskError {
    type Text = String;
    fn translated(&self) -> String {
        match self {
            HelpDeskError::NotAllowed(reason) => reason.translated(),
            HelpDeskError::UnknownChannel { .. } => t(k::HELPDESK__UNKNOWN_CHANNEL),
            HelpDeskError::ChannelDisabled { address } => {
                tf(k::HELPDESK__CHANNEL_DISABLED, &[("address", address)])
            }
            HelpDeskError::ChannelUnverified { address } => {
                tf(k::HELPDESK__CHANNEL_UNVERIFIED, &[("address", address)])
            }
        }
    }
}

/// One line of the help desk "What changes" preview, with team names from `teams`.
pub fn default_move(change: &DefaultMove, teams: &[Team]) -> String {
    let team = teams
        .iter()
        .find(|t| &t.id == change.team())
        .map_or(change.team().as_str(), |t| t.name.as_str());
    match change {
        DefaultMove::Set { to, .. } => tf(
            k::HELPDESK__MOVE_SET,
            &[("team", &team), ("to", &to.address)],
        ),
        DefaultMove::Moved { from, to, .. } => tf(
            k::HELPDESK__MOVE_MOVED,
            &[
                ("team", &team),
                ("from", &from.address),
                ("to", &to.address),
            ],
        ),
        DefaultMove::Removed { from, .. } => tf(
            k::HELPDESK__MOVE_REMOVED,
            &[("team", &team), ("from", &from.address)],
        ),
    }
}

impl Translated for StorageError {
    type Text = String;
    fn translated(&self) -> String {
        match self {
            StorageError::QuotaExceeded => t(k::STORAGE__QUOTA),
            StorageError::Aborted(details) => tf(k::STORAGE__ABORTED, &[("details", details)]),
            StorageError::Blocked => t(k::STORAGE__BLOCKED),
            StorageError::VersionChanged => t(k::STORAGE__VERSION_CHANGED),
            StorageError::NotFound(what) => tf(k::STORAGE__NOT_FOUND, &[("what", what)]),
            StorageError::Serde(details) => tf(k::STORAGE__SERDE, &[("details", details)]),
            StorageError::Conflict => t(k::STORAGE__CONFLICT),
            StorageError::Unavailable(details) => {
                tf(k::STORAGE__UNAVAILABLE, &[("details", details)])
            }
            StorageError::Other(details) => tf(k::STORAGE__OTHER, &[("details", details)]),
        }
    }
}

impl Translated for AppError {
    type Text = String;
    fn translated(&self) -> String {
        match self {
            AppError::Storage(e) => e.translated(),
            AppError::Network { what, reason } => {
                tf(k::APPERR__NETWORK, &[("what", what), ("reason", reason)])
            }
            AppError::BadData(details) => tf(k::APPERR__BAD_DATA, &[("details", details)]),
            AppError::Missing(what) => what.translated(),
            AppError::Refused(why) => why.translated(),
            AppError::Lifecycle(e) => e.translated(),
            AppError::Jmap(e) => e.translated(),
            AppError::Access(reason) => reason.translated(),
            AppError::From(e) => e.translated(),
            AppError::Guard(e) => e.translated(),
            AppError::HelpDesk(e) => e.translated(),
            // Sentences a service already worded with `t`/`tf` or a typed error's `translated`.
            AppError::Denied(text) | AppError::Invalid(text) => text.clone(),
            AppError::Fields(fields) => fields.to_string(),
        }
    }
}

/// What a conversation or ticket command did, for its toast (`domain::lifecycle::Outcome`).
pub fn outcome(outcome: &Outcome) -> String {
    let n = |count: &usize| *count as u64;
    match outcome {
        Outcome::TicketCreated {
            moved_to_help_desk: false,
        } => t(k::OUTCOME__TICKET_CREATED),
        Outcome::TicketCreated {
            moved_to_help_desk: true,
        } => t(k::OUTCOME__TICKET_CREATED_MOVED),
        Outcome::AddedToTicket {
            moved_to_help_desk: false,
        } => t(k::OUTCOME__ADDED_TO_TICKET),
        Outcome::AddedToTicket {
            moved_to_help_desk: true,
        } => t(k::OUTCOME__ADDED_TO_TICKET_MOVED),
        Outcome::Reassigned { has_ticket: false } => t(k::OUTCOME__REASSIGNED),
        Outcome::Reassigned { has_ticket: true } => t(k::OUTCOME__REASSIGNED_TICKET),
        Outcome::Unassigned { has_ticket: false } => t(k::OUTCOME__UNASSIGNED),
        Outcome::Unassigned { has_ticket: true } => t(k::OUTCOME__UNASSIGNED_TICKET),
        Outcome::TicketOwnerChanged => t(k::OUTCOME__TICKET_OWNER_CHANGED),
        Outcome::TicketClosed { conversations } => {
            tn(k::OUTCOME__TICKET_CLOSED, n(conversations), &[])
        }
        Outcome::TicketReopened { conversations: 0 } => t(k::OUTCOME__TICKET_REOPENED),
        Outcome::TicketReopened { conversations: 1 } => t(k::OUTCOME__TICKET_REOPENED_ONE),
        Outcome::TicketReopened { conversations } => {
            tn(k::OUTCOME__TICKET_REOPENED_SEVERAL, n(conversations), &[])
        }
        Outcome::TicketStatusChanged { status } => tf(
            k::OUTCOME__TICKET_STATUS_CHANGED,
            &[("status", &crate::ui::labels::ticket_status(*status))],
        ),
        Outcome::ConversationClosed { has_ticket: false } => t(k::OUTCOME__CONVERSATION_CLOSED),
        Outcome::ConversationClosed { has_ticket: true } => {
            t(k::OUTCOME__CONVERSATION_CLOSED_TICKET)
        }
        Outcome::ConversationReopened => t(k::OUTCOME__CONVERSATION_REOPENED),
        Outcome::ConversationTrashed => t(k::OUTCOME__CONVERSATION_TRASHED),
        Outcome::TrashedWithTicket { others: 0 } => t(k::OUTCOME__TRASHED_WITH_TICKET),
        Outcome::TrashedWithTicket { others } => {
            tn(k::OUTCOME__TRASHED_WITH_TICKET_OTHERS, n(others), &[])
        }
        Outcome::TicketTrashed { conversations } => {
            tn(k::OUTCOME__TICKET_TRASHED, n(conversations), &[])
        }
        Outcome::ConversationRestored => t(k::OUTCOME__CONVERSATION_RESTORED),
        Outcome::RestoredWithTicket { conversations } => {
            tn(k::OUTCOME__RESTORED_WITH_TICKET, n(conversations), &[])
        }
        Outcome::TicketRestored { conversations } => {
            tn(k::OUTCOME__TICKET_RESTORED, n(conversations), &[])
        }
        Outcome::MovedToInbox {
            inbox,
            unassigned: false,
        } => tf(k::OUTCOME__MOVED, &[("inbox", inbox)]),
        Outcome::MovedToInbox {
            inbox,
            unassigned: true,
        } => tf(k::OUTCOME__MOVED_UNASSIGNED, &[("inbox", inbox)]),
        Outcome::Forwarded { team } => tf(k::OUTCOME__FORWARDED, &[("team", team)]),
    }
}
