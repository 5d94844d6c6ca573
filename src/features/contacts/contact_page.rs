//! `/contacts/<id>`: the contact record, its timeline of emails and its conversations.

use crate::domain::from::ComposerKind;
use crate::domain::{Area, ContactId, Direction};
use crate::features::composer::ComposeLauncher;
use crate::i18n::errors::Translated;
use crate::i18n::{
    k,
    web::{t, tf},
};
use crate::services::{queries, use_app};
use crate::ui::attachments::AttachmentList;
use crate::ui::{ErrorNote, Loading};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

#[component]
pub fn ContactPage() -> impl IntoView {
    let app = use_app();
    let params = use_params_map();
    let record = LocalResource::new(move || {
        app.data_rev.track();
        let id = params.with(|p| p.get("id")).unwrap_or_default();
        queries::contact_record(app, ContactId::new(id))
    });
    // The CRM composer sits outside the record block, which re-renders on every data change,
    // so it is never remounted while the rep types.
    let crm_contact = Memo::new(move |_| {
        record
            .get()
            .and_then(|r| r.ok())
            .map(|r| (r.contact.id, r.contact.email.to_string()))
    });
    view! {
        <section class="sb-page">
            {move || {
                crm_contact
                    .get()
                    .map(|contact| {
                        view! {
                            <ComposeLauncher
                                // The composer (another helper's, being changed) takes
                                // `&'static str`; this label is translated once it takes a String.
                                label=k::CONTACT__SEND_EMAIL
                                heading=k::CONTACT__SEND_EMAIL

                                kind=Signal::derive(|| Some(ComposerKind::Crm))
                                contact
                            />
                        }
                    })
            }}
            {move || match record.get() {
                None => view! { <Loading label=t(k::CONTACT__LOADING) /> }.into_any(),
                Some(Err(err)) => view! { <ErrorNote message=err.translated() /> }.into_any(),
                Some(Ok(r)) => {
                    let owner = r
                        .contact
                        .owner
                        .as_ref()
                        .and_then(|id| {
                            app.summary.with(|d| d.users.iter().find(|u| &u.id == id).map(|u| u.full_name()))
                        })
                        .unwrap_or_else(|| t(k::COMMON__NO_OWNER));
                    view! {
                        <h1>{r.contact.display_name()}</h1>
                        <dl class="sb-props">
                            <dt>{t(k::COMMON__EMAIL)}</dt>
                            <dd>{r.contact.email.to_string()}</dd>
                            <dt>{t(k::COMMON__CONTACT_OWNER)}</dt>
                            <dd>{owner}</dd>
                        </dl>
                        <h2>{t(k::COMMON__CONVERSATIONS)}</h2>
                        <ul class="sb-plain-list">
                            {r
                                .conversations
                                .clone()
                                .into_iter()
                                .map(|c| {
                                    let base = if c.area == Area::HelpDesk { "/help-desk" } else { "/inbox" };
                                    view! {
                                        <li>
                                            <A href=format!("{base}/conversations/{}?inbox={}", c.id, c.inbox)>
                                                {c.subject.clone()}
                                            </A>
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ul>
                        <h2>{t(k::CONTACT__TIMELINE)}</h2>
                        <ol class="sb-timeline" aria-label=t(k::CONTACT__EMAIL_TIMELINE)>
                            {r
                                .messages
                                .clone()
                                .into_iter()
                                .map(|m| {
                                    let what = if m.direction == Direction::Outgoing { k::CONTACT__SENT } else { k::CONTACT__RECEIVED };
                                    let title = tf(what, &[("subject", &m.subject)]);
                                    let from = tf(k::CONTACT__FROM, &[("address", &m.from.address)]);
                                    view! {
                                        <li class="sb-timeline__item">
                                            <strong>{title}</strong>
                                            <span>{from}</span>
                                            // The files of the email, each with Download (SPEC §5: "attachments too").
                                            <AttachmentList message=m.id.clone() attachments=m.attachments.clone() skip_inline=false />
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ol>
                    }
                        .into_any()
                }
            }}
        </section>
    }
}
