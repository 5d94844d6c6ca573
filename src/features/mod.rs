//! Feature pages. Features never import each other; they compose in `app`.

pub mod app;
pub mod composer;
pub mod contacts;
pub mod inbox;
pub mod settings;
pub mod shell;
pub mod shortcuts;
pub mod tickets;
