//! The composer (SPEC §4 From control, §5 composing, §7 drafts): the one shared feature other
//! features embed — **Compose** and **Send email** launchers, and the **Reply** composer of a
//! thread. It talks to storage only through `services::{drafts, send}` and decides the From
//! only through `domain::from`.

mod attachments;
mod body_editor;
mod compose_form;
mod discard;
mod from_control;
mod insert_apply;
mod insert_dom;
mod insert_menu;
mod insert_picker;
mod launcher;
mod lazy_composer;
mod recipient_field;
mod reply;
mod session;

pub use compose_form::Composer;
pub use discard::{after_discard, DiscardButton};
pub use launcher::{compose_link, compose_target, ComposeLauncher, OPEN_PARAM};
pub use reply::ReplyComposer;
pub use session::DraftSession;
