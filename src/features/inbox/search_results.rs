//! Search results for the current inbox and workspace: conversations (open ones first, then
//! closed ones; never Trash) where every word typed starts a word of the contact, subject,
//! preview or message text, narrowed by the list filters, in the same virtual list as the
//! views.

use super::conversation_list::row_link;
use super::list_filters::use_list_filters;
use super::virtual_list::{RowSource, VirtualList};
use crate::domain::{Area, ConversationId, InboxId, View};
use crate::i18n::errors::Translated;
use crate::i18n::{k, web::t};
use crate::services::{queries, use_app};
use crate::ui::{ErrorNote, Loading};
use leptos::prelude::*;
use std::sync::Arc;

/// Mounted while the search box holds text: typing another word re-runs the search and
/// replaces the rows in the same list (the rows found so far stay until the new ones are
/// read), so a keystroke neither remounts the list nor shows an empty frame.
#[component]
pub fn SearchResults(
    area: Area,
    inbox: InboxId,
    view: View,
    text: Signal<String>,
    selected: Signal<Option<ConversationId>>,
) -> impl IntoView {
    let app = use_app();
    let filters = use_list_filters();
    let inbox_q = inbox.clone();
    let results = LocalResource::new(move || {
        app.data_rev.track();
        let inbox = inbox_q.clone();
        let text = text.get();
        let filters = filters.get();
        let me = app.user_id.get();
        async move {
            match me {
                Some(me) => queries::search(app, area, inbox, me, text, filters)
                    .await
                    .map(Arc::new),
                None => Ok(Arc::new(Vec::new())),
            }
        }
    });
    // None until the first search ends; then whether the latest one succeeded.
    let succeeded = Memo::new(move |_| results.with(|r| r.as_ref().map(Result::is_ok)));
    let source = Signal::derive(move || {
        let hits = results.with(|r| match r {
            Some(Ok(hits)) => Arc::clone(hits),
            _ => Arc::default(),
        });
        RowSource::Hits(hits)
    });
    move || match succeeded.get() {
        None => view! { <Loading label=t(k::LIST__SEARCHING) /> }.into_any(),
        Some(false) => {
            let message = results.with(|r| match r {
                Some(Err(err)) => err.translated(),
                _ => String::new(),
            });
            view! { <ErrorNote message /> }.into_any()
        }
        Some(true) => {
            let link = row_link(area, inbox.clone(), view, filters);
            view! {
                <VirtualList
                    label=k::LIST__SEARCH_RESULTS
                    source
                    link
                    selected
                    empty=k::LIST__SEARCH_EMPTY
                    results=true
                />
            }
            .into_any()
        }
    }
}
