//! Feature pages. Features never import each other; they compose in `app`.

pub mod app;
