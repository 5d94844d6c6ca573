//! The pure core: models and rules of SPEC.md. No leptos, web-sys, js-sys, gloo or
//! wasm-bindgen here; time, ids and the current user are parameters, never globals.

pub mod access;
pub mod draft;
pub mod from;
pub mod helpdesk;
pub mod ids;
pub mod model;
pub mod validate;

pub use draft::*;
pub use ids::*;
pub use model::*;
pub use validate::*;
