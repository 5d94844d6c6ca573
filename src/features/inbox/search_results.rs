//! Search results for the current inbox and workspace: conversations (open or closed, not in
//! Trash) whose contact, subject, preview or message text contain every word typed.

use super::conversation_row::conversation_row;
use super::workspace::base_path;
use crate::domain::{Area, ConversationId, InboxId, View};
use crate::services::{queries, session, use_app};
use crate::ui::{ErrorNote, Loading};
use leptos::prelude::*;

#[component]
pub fn SearchResults(
    area: Area,
    inbox: InboxId,
    view: View,
    text: String,
    selected: Signal<Option<ConversationId>>,
) -> impl IntoView {
    let app = use_app();
    let inbox_q = inbox.clone();
    let results = LocalResource::new(move || {
        app.data_rev.track();
        let inbox = inbox_q.clone();
        let text = text.clone();
        async move { queries::search(app, area, inbox, text).await }
    });
    let now = session::now_millis();
    move || {
        match results.get() {
        None => view! { <Loading label="Searching…" /> }.into_any(),
        Some(Err(err)) => view! { <ErrorNote message=err.to_string() /> }.into_any(),
        Some(Ok(rows)) if rows.is_empty() => {
            view! { <p class="sb-list__empty" role="status">"No conversations match your search."</p> }
                .into_any()
        }
        Some(Ok(rows)) => {
            let count = rows.len();
            let inbox = inbox.clone();
            view! {
                <p class="sb-list__count" role="status">
                    {if count == 1 { "1 result".to_owned() } else { format!("{count} results") }}
                </p>
                <ul class="sb-list__rows" aria-label="Search results">
                    {rows
                        .into_iter()
                        .map(|row| {
                            let href = format!(
                                "{}/conversations/{}?inbox={}&view={}",
                                base_path(area),
                                row.conversation.id,
                                inbox,
                                view.slug(),
                            );
                            conversation_row(row, href, selected, now)
                        })
                        .collect_view()}
                </ul>
            }
                .into_any()
        }
    }
    }
}
