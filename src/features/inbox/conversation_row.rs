//! One row of a conversation list (views and search results share it), placed at its index in
//! the virtual list: fixed height, absolutely positioned, with `aria-posinset`/`aria-setsize`
//! so assistive technology knows where it is in the whole list. A row whose page is still
//! loading is a placeholder at the same place.

use super::conversation_list::relative_time;
use super::virtual_list::ROW_HEIGHT;
use crate::domain::ConversationId;
use crate::i18n::{k, web::t};
use crate::services::queries::ConversationRow;
use leptos::prelude::*;

fn top(index: u32) -> String {
    // Whole pixels, formatted as an integer: f64 formatting would pull its code into the
    // initial load for this alone (ROW_HEIGHT is a whole number).
    format!("{}px", u64::from(index) * ROW_HEIGHT as u64)
}

pub fn conversation_row(
    row: ConversationRow,
    href: String,
    selected: Signal<Option<ConversationId>>,
    now: i64,
    index: u32,
    total: Signal<u32>,
) -> impl IntoView {
    let c = row.conversation;
    let id = c.id.clone();
    let is_selected = move || selected.get().as_ref() == Some(&id);
    let current = is_selected.clone();
    view! {
        <li
            class="sb-row sb-vlist__row"
            class:sb-row--selected=is_selected
            data-index=index
            aria-posinset=index + 1
            aria-setsize=move || total.get()
            style:top=top(index)
        >
            // A plain link: the router handles clicks on every same-origin `<a>`.
            <a
                href=href
                class="sb-row__link"
                aria-current=move || current().then_some("page")
            >
                <span class="sb-row__contact">{row.contact_name}</span>
                <span class="sb-row__subject">{c.subject}</span>
                <span class="sb-row__snippet">{c.snippet}</span>
                <span class="sb-row__time">{relative_time(c.last_activity, now)}</span>
            </a>
        </li>
    }
}

pub fn placeholder_row(index: u32, total: Signal<u32>) -> impl IntoView {
    view! {
        <li
            class="sb-row sb-vlist__row sb-vlist__row--loading"
            data-index=index
            aria-posinset=index + 1
            aria-setsize=move || total.get()
            aria-busy="true"
            style:top=top(index)
        >
            <span class="sb-row__snippet">{t(k::LIST__ROW_LOADING)}</span>
        </li>
    }
}
