//! The settings sections.

use crate::i18n::{k, web::t};
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn SettingsNav() -> impl IntoView {
    view! {
        <nav class="sb-settings-nav" aria-label=t(k::SETTINGS__NAV)>
            <A href="/settings/inboxes">{t(k::SETTINGS__NAV__INBOXES)}</A>
            <A href="/settings/help-desk">{t(k::SETTINGS__NAV__HELP_DESK)}</A>
            <A href="/settings/profile">{t(k::SETTINGS__NAV__PROFILE)}</A>
            <A href="/settings/mail-server">{t(k::SETTINGS__NAV__MAIL_SERVER)}</A>
            <A href="/settings/templates">{t(k::SETTINGS__NAV__TEMPLATES)}</A>
        </nav>
    }
}
