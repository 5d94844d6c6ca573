//! The views of a workspace with their live counts (narrowed by the list filters of the URL,
//! which the links keep).

use super::lazy_parts;
use super::list_filters::{filter_suffix, use_list_filters};
use super::workspace::base_path;
use crate::domain::views::ListFilters;
use crate::domain::{Area, InboxId, View};
use crate::i18n::{
    k,
    web::{locale, number, t},
};
use crate::services::use_app;
use crate::ui::labels;
use leptos::prelude::*;

pub const VIEWS: [View; 8] = [
    View::Unassigned,
    View::AssignedToMe,
    View::AllOpen,
    View::Closed,
    View::Sent,
    View::Outbox,
    View::Drafts,
    View::Trash,
];

#[component]
pub fn ViewsNav(area: Area, inbox: InboxId, current: Memo<View>) -> impl IntoView {
    view! {
        <nav class="sb-views" aria-label=t(k::LIST__VIEWS)>
            <ul class="sb-views__list">
                {VIEWS
                    .into_iter()
                    .map(|v| view! { <ViewLink area inbox=inbox.clone() view=v current /> })
                    .collect_view()}
            </ul>
        </nav>
    }
}

#[component]
fn ViewLink(area: Area, inbox: InboxId, view: View, current: Memo<View>) -> impl IntoView {
    let app = use_app();
    // The list filters apply to every view's count and carry over when switching views.
    let filters = use_list_filters();
    let inbox_for_count = inbox.clone();
    let counted_filters = StoredValue::new(None::<ListFilters>);
    let count = LocalResource::new(move || {
        app.data_rev.track();
        if view == View::Drafts {
            app.drafts_rev.track();
        }
        let me = app.user_id.get();
        let inbox = inbox_for_count.clone();
        // Sent, Outbox and Drafts are counted unfiltered: a filter change does not read them
        // again.
        let filters = if view.lists_conversations() {
            filters.get()
        } else {
            ListFilters::default()
        };
        // The list's rows first (its reads would queue behind seven counts in the browser's
        // storage): at start-up, before any list has shown rows, and when the filters change.
        let previous = counted_filters.get_value();
        counted_filters.set_value(Some(filters.clone()));
        let wait = match previous {
            None => app.rows_shown() == 0,
            Some(previous) => previous != filters,
        };
        let rows_before = app.rows_shown();
        async move {
            if wait {
                app.until_rows_shown(rows_before, 400).await;
            }
            match me {
                Some(me) => lazy_parts::view_count(app, view, area, inbox, me, filters).await,
                None => Ok(0),
            }
        }
    });
    let href = move || {
        format!(
            "{}/{}?inbox={}{}",
            base_path(area),
            view.slug(),
            inbox,
            filter_suffix(&filters.get())
        )
    };
    let count_text = move || match count.get() {
        Some(Ok(n)) => number(locale(), f64::from(n)),
        Some(Err(_)) => "!".to_owned(),
        None => String::new(),
    };
    // A plain link: the router handles clicks on every same-origin `<a>` (its `<A>` would add
    // nothing here, and stays out of the initial load, issue 2).
    let is_current = move || current.get() == view;
    view! {
        <li>
            <a
                href=href
                class="sb-views__link"
                class:sb-views__link--current=is_current
                aria-current=move || is_current().then_some("page")
            >
                <span class="sb-views__label">{labels::view(view)}</span>
                <span class="sb-views__count">{count_text}</span>
            </a>
        </li>
    }
}
