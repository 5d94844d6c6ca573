//! Switchboard: a help desk and shared team inbox in the browser.
//!
//! `domain` and `mail` are pure and build on the host; `storage`, `services`, `ui` and
//! `features` are the browser shell and build only for wasm32.

pub mod domain;
pub mod i18n;
pub mod mail;
pub mod text;

#[cfg(target_arch = "wasm32")]
pub mod features;
#[cfg(target_arch = "wasm32")]
pub mod services;
#[cfg(target_arch = "wasm32")]
pub mod storage;
#[cfg(target_arch = "wasm32")]
pub mod ui;

#[cfg(target_arch = "wasm32")]
pub use features::app::App;
