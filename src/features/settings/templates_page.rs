//! **Settings › Templates** (SPEC §5 **Insert**): the workspace's insertable content — templates,
//! snippets, documents, meeting links, knowledge base articles and videos — one section per
//! kind. Admins and super admins manage it (`Action::ManageTemplates`); everyone else reads
//! it, with the reason shown once at the top.

use super::settings_nav::SettingsNav;
use super::template_section::TemplateSection;
use crate::domain::signature::template_token_list;
use crate::domain::TemplateKind;
use crate::i18n::{
    k,
    web::{t, tf},
};
use crate::services::{templates, use_app};
use leptos::prelude::*;

const REASON_ID: &str = "tpl-readonly-reason";

#[component]
pub fn TemplatesSettingsPage() -> impl IntoView {
    let app = use_app();
    let denied = Signal::derive(move || templates::manage_denied(app));
    let tokens = template_token_list()
        .into_iter()
        .map(|(_, text)| text)
        .collect::<Vec<_>>()
        .join(", ");
    view! {
        <div class="sb-settings">
            <SettingsNav />
            <section class="sb-page sb-tpl-page">
                <h1>{t(k::SETTINGS__NAV__TEMPLATES)}</h1>
                <p class="sb-note">
                    {tf(k::TEMPLATES__INTRO, &[("tokens", &tokens)])}
                </p>
                <p id=REASON_ID class="sb-note sb-note--denied" role="note" hidden=move || denied.with(Option::is_none)>
                    {move || denied.get().map(|why| tf(k::TEMPLATES__READ_ONLY, &[("why", &why)])).unwrap_or_default()}
                </p>
                {TemplateKind::ALL
                    .into_iter()
                    .map(|kind| view! { <TemplateSection kind denied reason_id=REASON_ID /> })
                    .collect_view()}
            </section>
        </div>
    }
}
