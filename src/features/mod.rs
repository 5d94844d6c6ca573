//! Feature pages. Features never import each other; they compose in `app`.

pub mod after_paint;
pub mod app;
pub mod composer;
pub mod contacts;
pub mod inbox;
pub mod lazy_pages;
pub mod settings;
pub mod shell;
pub mod shortcuts;
pub mod tickets;
