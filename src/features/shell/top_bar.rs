//! Top navigation between the workspaces and settings.

use super::AccountMenu;
use crate::services::use_app;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn TopBar() -> impl IntoView {
    let app = use_app();
    let company = move || app.directory.with(|d| d.workspace.company.clone());
    let plan = move || app.directory.with(|d| d.workspace.plan.label());
    view! {
        <header class="sb-topbar">
            <a class="sb-skip" href="#main">"Skip to content"</a>
            <span class="sb-topbar__brand">
                <strong>"Switchboard"</strong>
                <span class="sb-topbar__company">{company}" · "{plan}</span>
            </span>
            <nav class="sb-topbar__nav" aria-label="Main">
                <A href="/">"Inbox"</A>
                <A href="/help-desk">"Help desk"</A>
                <A href="/contacts">"Contacts"</A>
                <A href="/settings/inboxes">"Settings"</A>
            </nav>
            <AccountMenu />
        </header>
    }
}
