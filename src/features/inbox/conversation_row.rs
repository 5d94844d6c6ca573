//! One slot of a conversation list (views and search results share it), placed at its index in
//! the virtual list: fixed height, absolutely positioned, with `aria-posinset`/`aria-setsize`
//! so assistive technology knows where it is in the whole list. The slot stays mounted while
//! its index is in the window and shows whatever row is at that index: new filters, a refetch
//! or a row's own change patch its link and texts in place instead of building a new row
//! (a filter's frame then restyles text, not twenty new elements). While the row's page is
//! still loading the slot is a placeholder.

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

/// The slot at `index`; `row` is the row there, None while its page loads.
pub fn row_slot(
    index: u32,
    row: Memo<Option<ConversationRow>>,
    link: Callback<ConversationId, String>,
    selected: Signal<Option<ConversationId>>,
    now: i64,
    total: Signal<u32>,
) -> impl IntoView {
    let loaded = Memo::new(move |_| row.with(Option::is_some));
    let id = Memo::new(move |_| row.with(|r| r.as_ref().map(|r| r.conversation.id.clone())));
    let is_selected = move || id.with(|id| id.is_some() && selected.with(|s| s == id));
    let text = move |field: fn(&ConversationRow) -> String| {
        move || row.with(|r| r.as_ref().map(field).unwrap_or_default())
    };
    let time = move || {
        row.with(|r| {
            r.as_ref()
                .map(|r| relative_time(r.conversation.last_activity, now))
                .unwrap_or_default()
        })
    };
    let content = move || {
        if loaded.get() {
            view! {
                // A plain link: the router handles clicks on every same-origin `<a>`.
                <a
                    href=move || id.get().map(|id| link.run(id))
                    class="sb-row__link"
                    aria-current=move || is_selected().then_some("page")
                >
                    <span class="sb-row__contact">{text(|r| r.contact_name.clone())}</span>
                    <span class="sb-row__subject">{text(|r| r.conversation.subject.clone())}</span>
                    <span class="sb-row__snippet">{text(|r| r.conversation.snippet.clone())}</span>
                    <span class="sb-row__time">{time}</span>
                </a>
            }
            .into_any()
        } else {
            view! { <span class="sb-row__snippet">{t(k::LIST__ROW_LOADING)}</span> }.into_any()
        }
    };
    view! {
        <li
            class="sb-row sb-vlist__row"
            class:sb-vlist__row--loading=move || !loaded.get()
            class:sb-row--selected=is_selected
            data-index=index
            aria-posinset=index + 1
            aria-setsize=move || total.get()
            aria-busy=move || (!loaded.get()).then_some("true")
            style:top=top(index)
        >
            {content}
        </li>
    }
}
