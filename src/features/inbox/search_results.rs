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

#[component]
pub fn SearchResults(
    area: Area,
    inbox: InboxId,
    view: View,
    text: String,
    selected: Signal<Option<ConversationId>>,
) -> impl IntoView {
    let app = use_app();
    let filters = use_list_filters();
    let inbox_q = inbox.clone();
    let results = LocalResource::new(move || {
        app.data_rev.track();
        let inbox = inbox_q.clone();
        let text = text.clone();
        let filters = filters.get();
        let me = app.user_id.get();
        async move {
            match me {
                Some(me) => queries::search(app, area, inbox, me, text, filters).await,
                None => Ok(Vec::new()),
            }
        }
    });
    move || match results.get() {
        None => view! { <Loading label=t(k::LIST__SEARCHING) /> }.into_any(),
        Some(Err(err)) => view! { <ErrorNote message=err.translated() /> }.into_any(),
        Some(Ok(hits)) => {
            let link = row_link(area, inbox.clone(), view, filters);
            view! {
                <VirtualList
                    label=k::LIST__SEARCH_RESULTS
                    source=RowSource::Hits(Arc::new(hits))
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
