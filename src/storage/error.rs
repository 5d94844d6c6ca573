//! Storage errors as a support rep can read them, and the mapping from IndexedDB's
//! `DOMException` names to them. Owns no state and performs no I/O.

use crate::domain::Draft;
use indexed_db_futures::error::{
    Error as IdbError, OpenDbError, SerialisationError, SimpleValueError, UnexpectedDataError,
};

/// Everything that can go wrong between Switchboard and the browser's IndexedDB.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum StorageError {
    #[error(
        "The browser's storage is full: your last changes are kept on screen but could not be \
         saved. Free some space, then try again."
    )]
    QuotaExceeded,
    #[error(
        "The browser cancelled the save, so nothing was changed: your last changes are kept on \
         screen. Try again. (Details: {0})"
    )]
    Aborted(String),
    #[error(
        "Switchboard is open in another tab that still uses the previous version of its \
         storage. Close the other Switchboard tabs, then reload this page."
    )]
    Blocked,
    #[error(
        "Switchboard was updated in another tab. Reload this page to continue; everything \
         already saved is kept."
    )]
    VersionChanged,
    #[error("{0} could not be found. It may have been deleted in another tab.")]
    NotFound(String),
    #[error("Stored data could not be read or written in the expected format. (Details: {0})")]
    Serde(String),
    #[error(
        "This change clashes with a record saved in the meantime (for example, a contact with \
         the same email address already exists). Reload, then try again."
    )]
    Conflict,
    #[error(
        "The browser's storage is not available, so Switchboard cannot save anything. Private \
         browsing or blocked site data can cause this. (Details: {0})"
    )]
    Unavailable(String),
    #[error("Something went wrong while saving or loading data. (Details: {0})")]
    Other(String),
}

/// Why a compare-and-set draft write was refused.
// The conflicting draft is returned by value so the caller can merge it directly; this is
// the rare path of a two-tab race, so the larger variant costs nothing that matters.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum DraftWriteError {
    /// Another tab saved this draft first; this is the draft as it is stored now.
    #[error("This draft was changed in another tab. Both versions were kept so none is lost.")]
    Conflict(Draft),
    #[error(transparent)]
    Storage(#[from] StorageError),
}

/// Maps a `DOMException` (by its `name`, as IndexedDB reports it) to a typed error.
pub(crate) fn from_dom(name: &str, message: String) -> StorageError {
    match name {
        "QuotaExceededError" => StorageError::QuotaExceeded,
        "AbortError" | "TransactionInactiveError" => StorageError::Aborted(message),
        "VersionError" => StorageError::VersionChanged,
        "ConstraintError" => StorageError::Conflict,
        "DataCloneError" | "DataError" => StorageError::Serde(message),
        "UnknownError" | "SecurityError" => StorageError::Unavailable(message),
        other => StorageError::Other(format!("{other}: {message}")),
    }
}

impl From<IdbError> for StorageError {
    fn from(error: IdbError) -> Self {
        match error {
            IdbError::DomException(dom) => {
                let dom = web_sys::DomException::from(dom);
                from_dom(&dom.name(), dom.message())
            }
            IdbError::Serialisation(e) => StorageError::Serde(serialisation_detail(&e).into()),
            // indexed_db_futures reports an abort that no failed request explains (for example
            // a quota or disk failure detected while committing) without its cause.
            IdbError::MissingData(UnexpectedDataError::TransactionAborted) => {
                StorageError::Aborted("the transaction was aborted while committing".into())
            }
            IdbError::MissingData(other) => StorageError::Other(other.to_string()),
            IdbError::Unknown(js) => StorageError::Other(js.to_string()),
        }
    }
}

/// Worded here, not through indexed_db_futures' `Display`, which prints the offending number
/// with the float formatter (≈19 KB of the initial load for an error valid data never raises;
/// ARCHITECTURE.md "Bundle size").
fn serialisation_detail(error: &SerialisationError) -> &'static str {
    match error {
        SerialisationError::SimpleValue(SimpleValueError::NotAString(_)) => {
            "a stored value is not text"
        }
        SerialisationError::SimpleValue(SimpleValueError::NotANumber(_)) => {
            "a stored value is not a number"
        }
        SerialisationError::SimpleValue(SimpleValueError::NotABoolean(_)) => {
            "a stored value is not true or false"
        }
        SerialisationError::SimpleValue(
            SimpleValueError::TooLarge(_)
            | SimpleValueError::TooSmall(_)
            | SimpleValueError::Signed(_),
        ) => "a stored number is out of range",
        _ => "a stored value does not have the expected type",
    }
}

impl From<OpenDbError> for StorageError {
    fn from(error: OpenDbError) -> Self {
        match error {
            OpenDbError::UnsupportedEnvironment | OpenDbError::NullFactory => {
                StorageError::Unavailable("this browser does not provide IndexedDB".into())
            }
            OpenDbError::VersionZero => StorageError::Other("database version 0".into()),
            // Any other failure to open leaves the app without storage at all.
            OpenDbError::Base(e) => match StorageError::from(e) {
                StorageError::Other(detail) => StorageError::Unavailable(detail),
                typed => typed,
            },
        }
    }
}

impl From<serde_json::Error> for StorageError {
    fn from(error: serde_json::Error) -> Self {
        StorageError::Serde(error.to_string())
    }
}
