//! One row of a conversation list (views and search results share it).

use super::conversation_list::relative_time;
use crate::domain::ConversationId;
use crate::services::queries::ConversationRow;
use leptos::prelude::*;
use leptos_router::components::A;

pub fn conversation_row(
    row: ConversationRow,
    href: String,
    selected: Signal<Option<ConversationId>>,
    now: i64,
) -> impl IntoView {
    let c = row.conversation;
    let id = c.id.clone();
    let is_selected = move || selected.get().as_ref() == Some(&id);
    view! {
        <li class="sb-row" class:sb-row--selected=is_selected>
            <A href=href attr:class="sb-row__link">
                <span class="sb-row__contact">{row.contact_name}</span>
                <span class="sb-row__subject">{c.subject}</span>
                <span class="sb-row__snippet">{c.snippet}</span>
                <span class="sb-row__time">{relative_time(c.last_activity, now)}</span>
            </A>
        </li>
    }
}
