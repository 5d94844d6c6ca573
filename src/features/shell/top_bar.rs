//! Top navigation between the workspaces and settings.

use crate::features::after_paint::LazyAccountMenu as AccountMenu;
use crate::i18n::{k, web::t};
use crate::services::use_app;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn TopBar() -> impl IntoView {
    let app = use_app();
    let company = move || app.summary.with(|s| s.company.clone());
    let plan = move || app.summary.with(|s| s.plan.label());
    view! {
        <header class="sb-topbar">
            <a class="sb-skip" href="#main">{t(k::NAV__SKIP)}</a>
            <span class="sb-topbar__brand">
                <strong>"Switchboard"</strong>
                <span class="sb-topbar__company">{company}" · "{plan}</span>
            </span>
            <nav class="sb-topbar__nav" aria-label=t(k::NAV__MAIN)>
                <A href="/">{t(k::NAV__INBOX)}</A>
                <A href="/help-desk">{t(k::NAV__HELP_DESK)}</A>
                <A href="/contacts">{t(k::NAV__CONTACTS)}</A>
                <A href="/settings/inboxes">{t(k::NAV__SETTINGS)}</A>
            </nav>
            <AccountMenu />
        </header>
    }
}
