//! The middle column: the rows of the current view, a page at a time from the store's indexes.

use super::conversation_row::conversation_row;
use super::mail_lists::{DraftsList, OutboxList, SentList};
use super::search_results::SearchResults;
use super::workspace::base_path;
use crate::domain::{Area, ConversationId, InboxId, View};
use crate::services::{queries, use_app};
use crate::ui::{ErrorNote, Loading};
use leptos::prelude::*;

/// "2 h ago"-style relative time for list rows, computed against `now`.
pub fn relative_time(then: i64, now: i64) -> String {
    let minutes = (now - then).max(0) / 60_000;
    match minutes {
        0 => "just now".into(),
        1..=59 => format!("{minutes} min ago"),
        60..=1439 => format!("{} h ago", minutes / 60),
        _ => format!("{} d ago", minutes / 1440),
    }
}

#[component]
pub fn ConversationList(
    area: Area,
    inbox: InboxId,
    view: View,
    selected: Signal<Option<ConversationId>>,
) -> impl IntoView {
    let app = use_app();
    let offset = RwSignal::new(0u32);
    let inbox_q = inbox.clone();
    let rows = LocalResource::new(move || {
        app.data_rev.track();
        let me = app.user_id.get();
        let offset = offset.get();
        let inbox = inbox_q.clone();
        async move {
            let Some(me) = me else { return Ok(Vec::new()) };
            match queries::view_query(view, area, &inbox, &me) {
                Some(q) => queries::conversation_rows(app, q, offset).await,
                None => Ok(Vec::new()),
            }
        }
    });
    let now = crate::services::session::now_millis();
    let inbox_id = inbox.clone();
    let list = move || match rows.get() {
        None => view! { <Loading label="Loading conversations…" /> }.into_any(),
        Some(Err(err)) => view! { <ErrorNote message=err.to_string() /> }.into_any(),
        Some(Ok(list)) if list.is_empty() && offset.get() == 0 => {
            view! { <p class="sb-list__empty">"No conversations in this view."</p> }.into_any()
        }
        Some(Ok(list)) => {
            let full_page = list.len() as u32 == queries::PAGE_SIZE;
            let inbox_id = inbox_id.clone();
            view! {
                <ul class="sb-list__rows" aria-label="Conversations">
                    {list
                        .into_iter()
                        .map(|row| {
                            let href = format!(
                                "{}/conversations/{}?inbox={}&view={}",
                                base_path(area),
                                row.conversation.id,
                                inbox_id,
                                view.slug(),
                            );
                            conversation_row(row, href, selected, now)
                        })
                        .collect_view()}
                </ul>
                <div class="sb-list__pager">
                    <button
                        class="sb-button"
                        disabled=move || offset.get() == 0
                        on:click=move |_| {
                            offset.update(|o| *o = o.saturating_sub(queries::PAGE_SIZE))
                        }
                    >
                        "Previous page"
                    </button>
                    <button
                        class="sb-button"
                        disabled=!full_page
                        on:click=move |_| offset.update(|o| *o += queries::PAGE_SIZE)
                    >
                        "Next page"
                    </button>
                </div>
            }
            .into_any()
        }
    };
    let title = view.label();
    let body = match view {
        View::Sent => view! { <SentList area /> }.into_any(),
        View::Outbox => view! { <OutboxList /> }.into_any(),
        View::Drafts => view! { <DraftsList area /> }.into_any(),
        _ => {
            let search = RwSignal::new(String::new());
            view! {
                <label class="sb-field sb-list__search">
                    <span class="sb-field__label">"Search conversations"</span>
                    <input
                        class="sb-input"
                        type="search"
                        prop:value=move || search.get()
                        on:input=move |ev| search.set(event_target_value(&ev))
                    />
                </label>
                {move || {
                    let text = search.get();
                    if text.trim().is_empty() {
                        list().into_any()
                    } else {
                        view! { <SearchResults area inbox=inbox.clone() view text selected /> }
                            .into_any()
                    }
                }}
            }
            .into_any()
        }
    };
    view! {
        <section class="sb-list" aria-label=title>
            <h2 class="sb-list__title">{title}</h2>
            {body}
        </section>
    }
}
