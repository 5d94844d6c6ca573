//! The pure core: models and rules of SPEC.md. No leptos, web-sys, js-sys, gloo or
//! wasm-bindgen here; time, ids and the current user are parameters, never globals.

pub mod access;
pub mod body_html;
pub mod draft;
pub mod draft_merge;
pub mod draft_sync;
pub mod editor_address;
pub mod entries;
pub mod fallback;
pub mod forward;
pub mod from;
pub mod helpdesk;
pub mod ids;
pub mod import;
pub mod inbox_entry;
pub mod inbox_setup;
pub mod keyboard;
pub mod lifecycle;
pub mod list_window;
pub mod mail_server;
pub mod model;
pub mod presence;
pub mod refusal;
pub mod reply_to;
pub mod routing;
pub mod signature;
pub mod spoof;
pub mod stored_name;
pub mod tagged;
pub mod template;
pub mod threading;
pub mod timeline;
pub mod validate;
pub mod views;

pub use draft::*;
pub use ids::*;
pub use model::*;
pub use threading::*;
pub use validate::*;
pub use views::View;
