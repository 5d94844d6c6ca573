//! Pages that are not part of the initial load (issue 2: initial load ≤ 250 KB brotli). Each
//! `#[lazy_route]` below becomes its own wasm chunk (Leptos' wasm_split; the split itself runs in
//! scripts/post-build.mjs), fetched the first time its route is opened. The inbox and help desk
//! workspaces stay in the main module: `/` renders them before anything else.
//!
//! Every page but the two lists of summary data (help desk tickets, contacts) waits for the
//! whole directory ([`NeedsDirectory`]): their access decisions, settings and From control read
//! it, and it is read just after the first paint (`AppCtx::until_directory`).
//!
//! Owns only the route-to-page wiring; the pages live in their features. One impl per route,
//! written out: the split macros name each chunk after the call site, so a macro_rules
//! generator would give every route the same chunk name.

use crate::features::{contacts, inbox, settings, tickets};
use crate::i18n::{k, web::t};
use crate::services::use_app;
use crate::ui::Loading;
use leptos::prelude::*;
use leptos_router::{lazy_route, LazyRoute};

/// `children` once the whole directory is read (starting its read if it has not started), the
/// Loading note until then.
#[component]
pub fn NeedsDirectory(children: ChildrenFn) -> impl IntoView {
    let app = use_app();
    if app.directory.with_untracked(Option::is_none) {
        leptos::task::spawn_local(async move { app.until_directory().await });
    }
    view! {
        <Show
            when=move || app.directory.with(Option::is_some)
            fallback=|| view! { <Loading label=t(k::UI__LOADING) /> }
        >
            {children()}
        </Show>
    }
}

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
        view! { <NeedsDirectory><tickets::TicketPage /></NeedsDirectory> }.into_any()
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
        view! { <NeedsDirectory><contacts::ContactPage /></NeedsDirectory> }.into_any()
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
        view! { <NeedsDirectory><settings::InboxesSettingsPage /></NeedsDirectory> }.into_any()
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
        view! { <NeedsDirectory><settings::HelpDeskSettingsPage /></NeedsDirectory> }.into_any()
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
        view! { <NeedsDirectory><settings::ProfileSettingsPage /></NeedsDirectory> }.into_any()
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
        view! { <NeedsDirectory><settings::MailServerSettingsPage /></NeedsDirectory> }.into_any()
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
        view! { <NeedsDirectory><settings::TemplatesSettingsPage /></NeedsDirectory> }.into_any()
    }
}
