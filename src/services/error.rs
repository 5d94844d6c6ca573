//! Errors of the shell, one enum; every variant reads as a sentence a rep understands.

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
    #[error("{0}")]
    Invalid(String),
    #[error("{0} was not found. It may have been deleted in another tab.")]
    NotFound(String),
}
