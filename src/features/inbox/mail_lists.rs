//! The message-based views: **Sent** (outgoing messages), **Outbox** (messages waiting to be
//! delivered, downloadable as `.eml`) and **Drafts** (this user's unsent drafts).

use super::outbox_retry::OutboxRetry;
use super::workspace::base_path;
use crate::domain::timeline::SentOpens;
use crate::domain::{Area, DraftTarget, OutboxItem, OutboxStatus, ReplyMode};
use crate::features::composer::{compose_link, DiscardButton, OPEN_PARAM};
use crate::i18n::errors::Translated;
use crate::i18n::{
    k,
    web::{t, tf},
};
use crate::services::{drafts, queries, use_app};
use crate::ui::download::save_text;
use crate::ui::{ErrorNote, Loading};
use leptos::prelude::*;
use leptos_router::components::A;

fn eml_name(item: &OutboxItem) -> String {
    let base: String = item
        .subject
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' {
                c
            } else {
                '_'
            }
        })
        .take(60)
        .collect();
    format!(
        "{}.eml",
        if base.is_empty() {
            "message".to_owned()
        } else {
            base
        }
    )
}

#[component]
pub fn SentList(area: Area) -> impl IntoView {
    let app = use_app();
    let sent = LocalResource::new(move || {
        app.data_rev.track();
        queries::sent(app)
    });
    view! {
        {move || match sent.get() {
            None => view! { <Loading label=t(k::MAIL__LOADING_SENT) /> }.into_any(),
            Some(Err(e)) => view! { <ErrorNote message=e.translated() /> }.into_any(),
            Some(Ok(list)) if list.is_empty() => view! { <p class="sb-list__empty">{t(k::MAIL__NOTHING_SENT)}</p> }.into_any(),
            Some(Ok(list)) => view! {
                <ul class="sb-list__rows" aria-label=t(k::MAIL__SENT_MESSAGES)>
                    {list.into_iter().map(|row| {
                        let m = row.message;
                        let to = m.to.iter().map(|t| t.address.to_string()).collect::<Vec<_>>().join(", ");
                        let content = view! {
                            <span class="sb-row__contact">{tf(k::MAIL__TO, &[("list", &to)])}</span>
                            <span class="sb-row__subject">{m.subject}</span>
                            <span class="sb-row__snippet">{tf(k::MAIL__FROM, &[("address", &m.from.address)])}</span>
                            {(!m.attachments.is_empty()).then(|| {
                                let names = m.attachments.iter().map(|a| a.file_name.as_str()).collect::<Vec<_>>().join(", ");
                                view! { <span class="sb-row__snippet">{tf(k::MAIL__ATTACHMENTS, &[("names", &names)])}</span> }
                            })}
                        };
                        // A CRM email from a personal address has no conversation: its row opens
                        // the recipient's contact page, where it is on the timeline.
                        let href = match row.opens {
                            SentOpens::Conversation(id) => Some(format!("{}/conversations/{id}", base_path(area))),
                            SentOpens::Contact(id) => Some(format!("/contacts/{id}")),
                            SentOpens::Nowhere => None,
                        };
                        match href {
                            Some(href) => view! {
                                <li class="sb-row">
                                    <A href=href attr:class="sb-row__link">{content}</A>
                                </li>
                            }.into_any(),
                            None => view! {
                                <li class="sb-row sb-row--static">
                                    <div class="sb-row__link">{content}</div>
                                </li>
                            }.into_any(),
                        }
                    }).collect_view()}
                </ul>
            }.into_any(),
        }}
    }
}

#[component]
pub fn OutboxList() -> impl IntoView {
    let app = use_app();
    let items = LocalResource::new(move || {
        app.data_rev.track();
        queries::outbox(app)
    });
    view! {
        {move || match items.get() {
            None => view! { <Loading label=t(k::MAIL__LOADING_OUTBOX) /> }.into_any(),
            Some(Err(e)) => view! { <ErrorNote message=e.translated() /> }.into_any(),
            Some(Ok(list)) if list.is_empty() => view! { <p class="sb-list__empty">{t(k::MAIL__OUTBOX_EMPTY)}</p> }.into_any(),
            Some(Ok(list)) => view! {
                <ul class="sb-list__rows" aria-label=t(k::MAIL__OUTBOX_MESSAGES)>
                    {list.into_iter().map(|item| {
                        let status = match &item.status {
                            OutboxStatus::Queued => t(k::MAIL__QUEUED),
                            OutboxStatus::Failed { reason } => tf(k::MAIL__FAILED, &[("reason", reason)]),
                            OutboxStatus::Delivered { .. } => t(k::MAIL__DELIVERED),
                        };
                        let to = item.recipients.iter().map(|a| a.to_string()).collect::<Vec<_>>().join(", ");
                        let name = eml_name(&item);
                        let raw = item.raw.clone();
                        let label = tf(k::MAIL__DOWNLOAD_NAMED, &[("subject", &item.subject)]);
                        let retry = matches!(item.status, OutboxStatus::Failed { .. })
                            .then(|| view! { <OutboxRetry id=item.id.clone() subject=item.subject.clone() /> });
                        view! {
                            <li class="sb-row sb-row--static">
                                <div class="sb-row__link">
                                    <span class="sb-row__contact">{tf(k::MAIL__TO, &[("list", &to)])}</span>
                                    <span class="sb-row__subject">{item.subject.clone()}</span>
                                    <span class="sb-row__snippet">{status}</span>
                                    {retry}
                                    <button class="sb-button" aria-label=label on:click=move |_| save_text(&name, &raw, "message/rfc822")>
                                        {t(k::MAIL__DOWNLOAD)}
                                    </button>
                                    <details class="sb-raw">
                                        <summary>{t(k::MAIL__RAW)}</summary>
                                        <pre class="sb-raw__text">{item.raw.clone()}</pre>
                                    </details>
                                </div>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            }.into_any(),
        }}
    }
}

/// Where a draft is opened again: its conversation, its contact's record or the workspace
/// whose **Compose** it was written in (`?compose=1` opens that composer).
fn draft_link(row: &queries::DraftRow, area: Area) -> Option<String> {
    match &row.draft.key.target {
        DraftTarget::Conversation(id) => {
            let area = row.conversation.as_ref().map_or(area, |c| c.area);
            Some(format!("{}/conversations/{id}", base_path(area)))
        }
        DraftTarget::Contact(id) => Some(format!("/contacts/{id}?{OPEN_PARAM}=1")),
        DraftTarget::NewCompose(composer) => compose_link(composer),
    }
}

/// How a draft is named in the list: a new email by its subject, a reply or comment by what
/// it answers.
fn draft_title(row: &queries::DraftRow) -> String {
    let own = &row.draft.subject;
    let subject = match &row.conversation {
        Some(c) if own.is_empty() => c.subject.clone(),
        _ if own.is_empty() => t(k::MAIL__NO_SUBJECT),
        _ => own.clone(),
    };
    let key = match row.draft.key.mode {
        ReplyMode::Compose => return subject,
        ReplyMode::Reply => k::MAIL__DRAFT_REPLY,
        ReplyMode::Forward => k::MAIL__DRAFT_FORWARD,
        ReplyMode::Comment => k::MAIL__DRAFT_COMMENT,
    };
    tf(key, &[("subject", &subject)])
}

#[component]
pub fn DraftsList(area: Area) -> impl IntoView {
    let app = use_app();
    let drafts = LocalResource::new(move || {
        app.data_rev.track();
        app.drafts_rev.track();
        let me = app.user_id.get();
        async move {
            match me {
                Some(me) => queries::drafts(app, me).await,
                None => Ok(Vec::new()),
            }
        }
    });
    view! {
        {move || match drafts.get() {
            None => view! { <Loading label=t(k::MAIL__LOADING_DRAFTS) /> }.into_any(),
            Some(Err(e)) => view! { <ErrorNote message=e.translated() /> }.into_any(),
            Some(Ok(list)) if list.is_empty() => view! { <p class="sb-list__empty">{t(k::MAIL__NO_DRAFTS)}</p> }.into_any(),
            Some(Ok(list)) => view! {
                <ul class="sb-list__rows" aria-label=t(k::VIEWS__DRAFTS)>
                    {list.into_iter().map(|row| {
                        let title = draft_title(&row);
                        let link = draft_link(&row, area);
                        let what = tf(k::MAIL__DRAFT_NAMED, &[("subject", &title)]);
                        let d = row.draft;
                        let discard = move || {
                            let d = d.clone();
                            async move { drafts::discard(app, &d.key).await.map(|_| d) }
                        };
                        view! {
                            <li class="sb-row">
                                {match link {
                                    Some(href) => view! { <A href=href attr:class="sb-row__link"><span class="sb-row__subject">{title}</span></A> }.into_any(),
                                    None => view! { <span class="sb-row__link"><span class="sb-row__subject">{title}</span></span> }.into_any(),
                                }}
                                <DiscardButton app what discard />
                            </li>
                        }
                    }).collect_view()}
                </ul>
            }.into_any(),
        }}
    }
}
