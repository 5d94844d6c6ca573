//! Top navigation between the workspaces and settings.

use crate::domain::views::Section;
use crate::features::after_paint::LazyAccountMenu as AccountMenu;
use crate::i18n::{k, web::t};
use crate::services::use_app;
use leptos::prelude::*;
use leptos_router::hooks::use_location;

/// **Skip to content**: the focus goes to the page's main content (`<main id="main">`).
fn skip_to_main(ev: leptos::ev::MouseEvent) {
    use wasm_bindgen::JsCast;
    let main = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("main"))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(main) = main {
        ev.prevent_default();
        let _ = main.focus();
    }
}

#[component]
pub fn TopBar() -> impl IntoView {
    let app = use_app();
    let company = move || app.summary.with(|s| s.company.clone());
    let plan = move || app.summary.with(|s| s.plan.label());
    // Plain links: the router handles clicks on every same-origin `<a>`; its `<A>` component
    // would only add `aria-current`, which is set here per section (and keeps `<A>`'s code out
    // of the initial load, issue 2).
    let location = use_location();
    let current = move |section: Section| {
        move || {
            location
                .pathname
                .with(|p| (Section::of(p) == Some(section)).then_some("page"))
        }
    };
    view! {
        <header class="sb-topbar">
            // The router would take the link as a navigation: the focus is moved here instead.
            <a class="sb-skip" href="#main" on:click=skip_to_main>{t(k::NAV__SKIP)}</a>
            <span class="sb-topbar__brand">
                <strong>"Switchboard"</strong>
                <span class="sb-topbar__company">{company}" · "{plan}</span>
            </span>
            <nav class="sb-topbar__nav" aria-label=t(k::NAV__MAIN)>
                <a href="/" aria-current=current(Section::Inbox)>{t(k::NAV__INBOX)}</a>
                <a href="/help-desk" aria-current=current(Section::HelpDesk)>
                    {t(k::NAV__HELP_DESK)}
                </a>
                <a href="/contacts" aria-current=current(Section::Contacts)>
                    {t(k::NAV__CONTACTS)}
                </a>
                <a href="/settings/inboxes" aria-current=current(Section::Settings)>
                    {t(k::NAV__SETTINGS)}
                </a>
            </nav>
            <AccountMenu />
        </header>
    }
}
