//! Shared UI primitives: toasts, dialogs, avatars, async states. Prefixed BEM classes
//! (`sb-button`, `sb-dialog`...) styled in `style/app.css` with `var(--sb-*)` tokens only.

pub mod address_ask;
pub mod address_dialog;
pub mod attachments;
pub mod avatar;
pub mod dialog;
pub mod download;
pub mod editor_insert;
pub mod editor_selection;
pub mod focus;
pub mod labels;
pub mod menu;
pub mod rich_editor;
pub mod rich_editor_input;

pub mod sandbox;
pub mod status;
pub mod tabs;
pub mod toasts;

pub use avatar::Avatar;
pub use dialog::ConfirmDialog;
pub use status::{ErrorNote, Loading};
pub use toasts::Toasts;
