//! Errors of the shell, one enum; every variant reads as a sentence a rep understands.

use crate::domain::access::DenyReason;
use crate::domain::from::{FromError, SendGuardError};
use crate::domain::helpdesk::HelpDeskError;
use crate::domain::lifecycle::LifecycleError;
use crate::domain::refusal::{Missing, Refusal};
use crate::mail::jmap::JmapError;
use crate::storage::StorageError;

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum AppError {
    #[error("{0}")]
    Storage(#[from] StorageError),
    #[error("Could not load {what}: {reason}")]
    Network { what: String, reason: String },
    #[error("The demo workspace file is not valid: {0}")]
    BadData(String),
    #[error("{0}")]
    Denied(String),
    /// An access rule refused the action (worded in the rep's language by `i18n::errors`).
    #[error("{0}")]
    Access(DenyReason),
    /// No From address could be resolved for sending.
    #[error("{0}")]
    From(FromError),
    /// Sending stopped at the last check (the From changed since it was shown).
    #[error("{0}")]
    Guard(SendGuardError),
    /// A Settings › Help Desk default reply change was refused.
    #[error("{0}")]
    HelpDesk(HelpDeskError),
    #[error("{0}")]
    Invalid(String),
    /// A record that is gone (worded in the rep's language, unlike `NotFound`'s noun).
    #[error("{0} was not found. It may have been deleted in another tab.")]
    Missing(Missing),
    /// The shell refused before any rule ran (no current user, an empty comment...).
    #[error("{0}")]
    Refused(Refusal),
    /// A conversation or ticket command was refused by `domain::lifecycle`.
    #[error("{0}")]
    Lifecycle(LifecycleError),
    /// The mail server could not be used.
    #[error("{0}")]
    Jmap(JmapError),
    /// A refused form: each message belongs to one field (shown next to it).
    #[error("{0}")]
    Fields(FieldErrors),
}

impl AppError {
    /// The message to show next to form field `key`, if this error is about that field.
    pub fn field(&self, key: &str) -> Option<String> {
        match self {
            AppError::Fields(fields) => fields.get(key).map(str::to_owned),
            _ => None,
        }
    }
}

/// Messages of a refused form by field key (keys are defined by the service that validates).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FieldErrors(pub Vec<(&'static str, String)>);

impl FieldErrors {
    pub fn get(&self, key: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, m)| m.as_str())
    }
}

impl std::fmt::Display for FieldErrors {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let messages: Vec<&str> = self.0.iter().map(|(_, m)| m.as_str()).collect();
        f.write_str(&messages.join(" "))
    }
}
