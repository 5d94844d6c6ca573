//! The imperative shell: one function per user command. Services combine the pure domain with
//! storage and the browser, and return `Result<_, AppError>`. Components call services, never
//! IndexedDB, gloo-net or BroadcastChannel directly.

pub mod access;
pub mod actions;
pub mod attachments;
pub mod boot;
pub mod ctx;
pub mod drafts;
pub mod error;
pub mod from_settings;
pub mod import;
pub mod jmap;
pub mod preferences;
pub mod presence;
pub mod queries;
pub mod remote_content;
pub mod send;
pub mod session;
pub mod settings;
pub mod templates;
pub mod tickets;

pub use ctx::{use_app, AfterPaint, AppCtx};
pub use error::AppError;
