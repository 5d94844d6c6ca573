//! One slot of a conversation list (views and search results share it), placed at its index in
//! the virtual list: fixed height, absolutely positioned, with `aria-posinset`/`aria-setsize`
//! so assistive technology knows where it is in the whole list. The slot stays mounted while
//! its index is in the window and shows whatever row is at that index: new filters, a refetch
//! or a row's own change patch its link and texts in place instead of building a new row
//! (a filter's frame then restyles text, not twenty new elements). While the row's page is
//! still loading the slot is a placeholder.
//!
//! The slot's content is written by one effect straight into the `<li>`, not by a view of its
//! own: the list mounts twenty of these at a time, and as a view each had ~14 reactive nodes,
//! ~16 DOM nodes and as many boxed child views (`erase_components` wraps every child in an
//! `AnyView` and ends every child list with a marker comment). The markup is the same:
//! `li > a.sb-row__link > span × 4`.

use super::conversation_list::relative_time;
use super::virtual_list::ROW_HEIGHT;
use crate::domain::ConversationId;
use crate::i18n::{k, web::t};
use crate::services::queries::ConversationRow;
use leptos::prelude::*;
use web_sys::Element;

fn top(index: u32) -> String {
    // Whole pixels, formatted as an integer: f64 formatting would pull its code into the
    // initial load for this alone (ROW_HEIGHT is a whole number).
    format!("{}px", u64::from(index) * ROW_HEIGHT as u64)
}

/// The four texts of a row, in their order in the link.
const TEXT_CLASSES: [&str; 4] = [
    "sb-row__contact",
    "sb-row__subject",
    "sb-row__snippet",
    "sb-row__time",
];

/// What the slot shows now, so that an effect's next run writes only what changed.
enum Shown {
    Nothing,
    Loading {
        placeholder: Element,
        text: String,
    },
    Row {
        link: Element,
        href: String,
        texts: [(Element, String); 4],
        current: bool,
    },
}

fn element(tag: &str, class: &str) -> Option<Element> {
    let el = document().create_element(tag).ok()?;
    el.set_class_name(class);
    Some(el)
}

/// A `<span>` of `class` showing `text`.
fn span(class: &str, text: &str) -> Option<Element> {
    let span = element("span", class)?;
    span.set_text_content(Some(text));
    Some(span)
}

fn set_text(el: &Element, shown: &mut String, text: String) {
    if *shown != text {
        el.set_text_content(Some(&text));
        *shown = text;
    }
}

fn set_current(li: &Element, link: &Element, current: bool) {
    let _ = li
        .class_list()
        .toggle_with_force("sb-row--selected", current);
    let _ = if current {
        link.set_attribute("aria-current", "page")
    } else {
        link.remove_attribute("aria-current")
    };
}

/// A row's link, texts and whether it is the selected one, in `li` (which shows `shown`).
fn show_row(li: &Element, shown: &mut Shown, href: String, texts: [String; 4], selected: bool) {
    if let Shown::Row {
        link,
        href: old,
        texts: els,
        current,
    } = shown
    {
        if *old != href {
            let _ = link.set_attribute("href", &href);
            *old = href;
        }
        for ((el, old), text) in els.iter_mut().zip(texts) {
            set_text(el, old, text);
        }
        if *current != selected {
            set_current(li, link, selected);
            *current = selected;
        }
        return;
    }
    let Some(link) = element("a", "sb-row__link") else {
        return;
    };
    let _ = link.set_attribute("href", &href);
    let mut spans = Vec::with_capacity(4);
    for (class, text) in TEXT_CLASSES.into_iter().zip(texts) {
        let Some(span) = span(class, &text) else {
            return;
        };
        let _ = link.append_child(&span);
        spans.push((span, text));
    }
    let Ok(texts) = <[(Element, String); 4]>::try_from(spans) else {
        return;
    };
    li.set_text_content(None);
    let _ = li.append_child(&link);
    let _ = li.class_list().remove_1("sb-vlist__row--loading");
    let _ = li.remove_attribute("aria-busy");
    if selected {
        set_current(li, &link, true);
    }
    *shown = Shown::Row {
        link,
        href,
        texts,
        current: selected,
    };
}

/// The loading placeholder in `li` (which shows `shown`).
fn show_loading(li: &Element, shown: &mut Shown, text: String) {
    if let Shown::Loading {
        placeholder,
        text: old,
    } = shown
    {
        set_text(placeholder, old, text);
        return;
    }
    let Some(placeholder) = span("sb-row__snippet", &text) else {
        return;
    };
    li.set_text_content(None);
    let _ = li.class_list().remove_1("sb-row--selected");
    let _ = li.append_child(&placeholder);
    let _ = li.class_list().add_1("sb-vlist__row--loading");
    let _ = li.set_attribute("aria-busy", "true");
    *shown = Shown::Loading { placeholder, text };
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
    let slot = NodeRef::<leptos::html::Li>::new();
    let shown = StoredValue::new_local(Shown::Nothing);
    // Runs when the row, the selection or the language (the loading text, the relative time)
    // changes, and writes only what differs from what is shown. The selection is compared
    // here, not in a memo of its own: a memo derived from `row` too, read first, left this
    // effect unnotified of the row's own change (wasm_ui's list slot test).
    Effect::new(move |_| {
        let Some(li) = slot.get() else { return };
        row.with(|r| match r {
            Some(r) => {
                let current = selected.with(|s| s.as_ref() == Some(&r.conversation.id));
                let href = link.run(r.conversation.id.clone());
                let texts = [
                    r.contact_name.clone(),
                    r.conversation.subject.clone(),
                    r.conversation.snippet.clone(),
                    relative_time(r.conversation.last_activity, now),
                ];
                shown.update_value(|s| show_row(&li, s, href, texts, current));
            }
            None => shown.update_value(|s| show_loading(&li, s, t(k::LIST__ROW_LOADING))),
        });
    });
    view! {
        <li
            node_ref=slot
            class="sb-row sb-vlist__row"
            data-index=index
            aria-posinset=index + 1
            aria-setsize=move || total.get()
            style:top=top(index)
        ></li>
    }
}
