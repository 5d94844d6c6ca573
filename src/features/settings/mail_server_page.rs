//! **Settings › Mail server** (SPEC §9): loads the saved settings and which accounts already
//! have a password in this browser, then shows the form and the mail-checking status. Without
//! a server, sent mail waits in the Outbox.

use super::mail_server_form::MailServerFormView;
use super::mail_server_status::MailServerStatus;
use super::settings_nav::SettingsNav;
use crate::i18n::errors::Translated;
use crate::i18n::{k, web::t};
use crate::services::{jmap, use_app};
use crate::ui::{ErrorNote, Loading};
use leptos::prelude::*;

#[component]
pub fn MailServerSettingsPage() -> impl IntoView {
    let app = use_app();
    let loaded = LocalResource::new(move || async move {
        let settings = jmap::load_settings(app).await?;
        let known: Vec<String> = jmap::passwords(app).await?.into_keys().collect();
        Ok::<_, crate::services::AppError>((settings, known))
    });
    view! {
        <div class="sb-settings">
            <SettingsNav />
            <section class="sb-page sb-mail-server">
                <h1>{t(k::MAILSERVER__TITLE)}</h1>
                <p class="sb-hint">
                    {t(k::MAILSERVER__INTRO)}
                </p>
                {move || match loaded.get() {
                    None => view! { <Loading label=t(k::MAILSERVER__LOADING) /> }.into_any(),
                    Some(Err(e)) => view! { <ErrorNote message=e.translated() /> }.into_any(),
                    Some(Ok((settings, known))) => view! {
                        <MailServerFormView settings=settings known=known />
                        <MailServerStatus />
                    }
                    .into_any(),
                }}
            </section>
        </div>
    }
}
