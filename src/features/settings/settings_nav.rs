//! The settings sections.

use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn SettingsNav() -> impl IntoView {
    view! {
        <nav class="sb-settings-nav" aria-label="Settings">
            <A href="/settings/inboxes">"Inboxes"</A>
            <A href="/settings/help-desk">"Help Desk"</A>
            <A href="/settings/profile">"Profile"</A>
            <A href="/settings/mail-server">"Mail server"</A>
            <A href="/settings/templates">"Templates"</A>
        </nav>
    }
}
