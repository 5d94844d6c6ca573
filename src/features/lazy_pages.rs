//! Pages that are not part of the initial load (issue 2: initial load ≤ 250 KB brotli). Each
//! `#[lazy_route]` below becomes its own wasm chunk (Leptos' wasm_split; the split itself runs in
//! scripts/post-build.mjs), fetched the first time its route is opened. The inbox and help desk
//! workspaces stay in the main module: `/` renders them before anything else.
//!
//! Owns only the route-to-page wiring; the pages live in their features. One impl per route,
//! written out: the split macros name each chunk after the call site, so a macro_rules
//! generator would give every route the same chunk name.

use crate::features::{contacts, inbox, settings, tickets};
use leptos::prelude::*;
use leptos_router::{lazy_route, LazyRoute};

/// `/help-desk/tickets`.
pub struct HelpDeskTicketsRoute;

#[lazy_route]
impl LazyRoute for HelpDeskTicketsRoute {
    fn data() -> Self {
        Self
    }
    fn view(_this: Self) -> AnyView {
        view! { <inbox::HelpDeskTicketsPage /> }.into_any()
    }
}

/// `/tickets/:id`.
pub struct TicketRoute;

#[lazy_route]
impl LazyRoute for TicketRoute {
    fn data() -> Self {
        Self
    }
    fn view(_this: Self) -> AnyView {
        view! { <tickets::TicketPage /> }.into_any()
    }
}

/// `/contacts`.
pub struct ContactsRoute;

#[lazy_route]
impl LazyRoute for ContactsRoute {
    fn data() -> Self {
        Self
    }
    fn view(_this: Self) -> AnyView {
        view! { <contacts::ContactsPage /> }.into_any()
    }
}

/// `/contacts/:id`.
pub struct ContactRoute;

#[lazy_route]
impl LazyRoute for ContactRoute {
    fn data() -> Self {
        Self
    }
    fn view(_this: Self) -> AnyView {
        view! { <contacts::ContactPage /> }.into_any()
    }
}

/// `/settings` and `/settings/inboxes`.
pub struct InboxesSettingsRoute;

#[lazy_route]
impl LazyRoute for InboxesSettingsRoute {
    fn data() -> Self {
        Self
    }
    fn view(_this: Self) -> AnyView {
        view! { <settings::InboxesSettingsPage /> }.into_any()
    }
}

/// `/settings/help-desk`.
pub struct HelpDeskSettingsRoute;

#[lazy_route]
impl LazyRoute for HelpDeskSettingsRoute {
    fn data() -> Self {
        Self
    }
    fn view(_this: Self) -> AnyView {
        view! { <settings::HelpDeskSettingsPage /> }.into_any()
    }
}

/// `/settings/profile`.
pub struct ProfileSettingsRoute;

#[lazy_route]
impl LazyRoute for ProfileSettingsRoute {
    fn data() -> Self {
        Self
    }
    fn view(_this: Self) -> AnyView {
        view! { <settings::ProfileSettingsPage /> }.into_any()
    }
}

/// `/settings/mail-server`.
pub struct MailServerSettingsRoute;

#[lazy_route]
impl LazyRoute for MailServerSettingsRoute {
    fn data() -> Self {
        Self
    }
    fn view(_this: Self) -> AnyView {
        view! { <settings::MailServerSettingsPage /> }.into_any()
    }
}

/// `/settings/templates`.
pub struct TemplatesSettingsRoute;

#[lazy_route]
impl LazyRoute for TemplatesSettingsRoute {
    fn data() -> Self {
        Self
    }
    fn view(_this: Self) -> AnyView {
        view! { <settings::TemplatesSettingsPage /> }.into_any()
    }
}
