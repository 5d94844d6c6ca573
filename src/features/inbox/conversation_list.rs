//! The middle column: the title, **Search conversations**, the list filters, and the rows of
//! the current view (a virtual list over an index range) or of the search. The view and the
//! filters come from the URL; the search text is the rep's own, per list.

use super::lazy_parts::{preload_search, LazyMailList, LazySearchResults};
use super::list_filters::{filter_suffix, use_list_filters, ListFilterBar};
use super::virtual_list::{RowSource, VirtualList};
use super::workspace::base_path;
use crate::domain::views::ListFilters;
use crate::domain::{Area, ConversationId, InboxId, View};
use crate::i18n::{
    k,
    web::{t, tn},
};
use crate::services::{queries, session, use_app};
use crate::ui::labels;
use leptos::prelude::*;

/// "2 h ago"-style relative time for list rows, computed against `now`.
pub fn relative_time(then: i64, now: i64) -> String {
    let minutes = (now - then).max(0) / 60_000;
    match minutes {
        0 => t(k::LIST__JUST_NOW),
        1..=59 => tn(k::LIST__MINUTES_AGO, minutes as u64, &[]),
        60..=1439 => tn(k::LIST__HOURS_AGO, (minutes / 60) as u64, &[]),
        _ => tn(k::LIST__DAYS_AGO, (minutes / 1440) as u64, &[]),
    }
}

/// The link of a row: the conversation in this workspace, keeping the inbox, view and the
/// filters in force when the link is made (the list stays mounted across filter changes), so
/// the list beside it stays as it was.
pub fn row_link(
    area: Area,
    inbox: InboxId,
    view: View,
    filters: Memo<ListFilters>,
) -> Callback<ConversationId, String> {
    Callback::new(move |id: ConversationId| {
        format!(
            "{}/conversations/{}?inbox={}&view={}{}",
            base_path(area),
            id,
            inbox,
            view.slug(),
            filter_suffix(&filters.get_untracked())
        )
    })
}

#[component]
pub fn ConversationList(
    area: Area,
    inbox: InboxId,
    view: View,
    selected: Signal<Option<ConversationId>>,
) -> impl IntoView {
    let app = use_app();
    let filters = use_list_filters();
    let query_inbox = inbox.clone();
    let list_query = Memo::new(move |_| {
        let me = app.user_id.get()?;
        let filters = filters.get();
        queries::list_query(
            view,
            area,
            &query_inbox,
            &me,
            &filters,
            session::now_millis(),
        )
    });
    // The rows of the current filters. The list is created once per view and kept while the
    // filters change (it swaps count and rows in place); only "nothing can match" replaces it.
    let source = Memo::new(move |prev: Option<&RowSource>| match list_query.get() {
        Some(query) => RowSource::Index(query),
        None => prev
            .cloned()
            .unwrap_or_else(|| RowSource::Hits(Default::default())),
    });
    let has_query = Memo::new(move |_| list_query.with(Option::is_some));
    let link = row_link(area, inbox.clone(), view, filters);
    let list = move || {
        if has_query.get() {
            view! {
                <VirtualList
                    label=k::COMMON__CONVERSATIONS
                    source
                    link
                    selected
                    empty=k::LIST__EMPTY_VIEW
                />
            }
            .into_any()
        } else {
            view! {
                <p class="sb-list__empty" role="status">
                    {t(k::LIST__EMPTY_FILTERED)}
                </p>
            }
            .into_any()
        }
    };
    let title = labels::view(view);
    let body = match view {
        View::Sent | View::Outbox | View::Drafts => view! { <LazyMailList view area /> }.into_any(),
        _ => {
            preload_search(use_app());
            super::lazy_thread::preload_thread(use_app());
            let search = RwSignal::new(String::new());
            let searching = Memo::new(move |_| !search.with(|text| text.trim().is_empty()));
            let results_inbox = inbox.clone();
            view! {
                <label class="sb-field sb-list__search">
                    <span class="sb-field__label">{t(k::LIST__SEARCH)}</span>
                    <input
                        class="sb-input"
                        type="search"
                        prop:value=move || search.get()
                        on:input=move |ev| search.set(event_target_value(&ev))
                    />
                </label>
                <ListFilterBar inbox=inbox.clone() view />
                {move || {
                    // One results list while the box holds text, whatever is typed next.
                    if searching.get() {
                        view! {
                            <LazySearchResults
                                area
                                inbox=results_inbox.clone()
                                view
                                text=search.into()
                                selected
                            />
                        }
                        .into_any()
                    } else {
                        list().into_any()
                    }
                }}
            }
            .into_any()
        }
    };
    view! {
        <section class="sb-list" aria-label=labels::view(view)>
            <h2 class="sb-list__title">{title}</h2>
            {body}
        </section>
    }
}
