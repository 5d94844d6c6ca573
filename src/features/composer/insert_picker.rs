//! The small searchable picker the **Insert** menu opens: a native modal `<dialog>` titled
//! "Insert template" (etc.), a **Search** field, and one button per item — the workspace's
//! templates, snippets, documents, meeting links, knowledge base articles or videos, or the
//! thread's emails for **Quote**. With nothing of a kind, it says so and links to
//! **Settings › Templates**.
//!
//! It only chooses; rendering and inserting the choice is the Insert menu's job.

use crate::domain::template::{quote_author, search};
use crate::domain::{Direction, Message, Template, TemplateKind};
use crate::i18n::{
    k,
    web::{t, tf},
    Key,
};
use crate::services::use_app;
use crate::text::lowercase;
use crate::ui::dialog::modal_node;
use crate::ui::labels;
use leptos::prelude::*;

/// What the picker lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pick {
    Content(TemplateKind),
    Quote,
}

impl Pick {
    fn insert_title(self) -> Key {
        match self {
            Pick::Content(kind) => labels::kind_keys(kind).insert,
            Pick::Quote => k::KINDS__QUOTE_INSERT,
        }
    }
}

/// What the rep chose.
#[derive(Debug, Clone, PartialEq)]
pub enum Picked {
    Item(Template),
    Quote(Message),
}

/// One row of the list: what the button says, and what it picks.
type Row = (String, String, Picked);

#[component]
pub fn InsertPicker(
    open: RwSignal<bool>,
    #[prop(into)] pick: Signal<Option<Pick>>,
    /// The thread's messages (empty for a new email).
    #[prop(into)]
    messages: Signal<Vec<Message>>,
    /// Formats a message date for the list.
    date_text: fn(i64) -> String,
    #[prop(into)] id: String,
    on_pick: Callback<Picked>,
) -> impl IntoView {
    let app = use_app();
    let node = modal_node(open);
    let query = RwSignal::new(String::new());
    let title = move || pick.get().map(|p| t(p.insert_title())).unwrap_or_default();
    let rows = Memo::new(move |_| -> Vec<Row> {
        let q = query.get();
        match pick.get() {
            None => Vec::new(),
            Some(Pick::Content(kind)) => app
                .with_directory(|d| {
                    search(&d.templates, kind, &q)
                        .into_iter()
                        .map(|t| {
                            let detail = t.shortcut.clone().or_else(|| t.summary.clone());
                            (
                                t.name.clone(),
                                detail.unwrap_or_default(),
                                Picked::Item(t.clone()),
                            )
                        })
                        .collect()
                })
                .unwrap_or_default(),
            Some(Pick::Quote) => {
                let needle = lowercase(q.trim());
                let mut list: Vec<Message> = messages
                    .get()
                    .into_iter()
                    .filter(|m| m.direction != Direction::Comment)
                    .filter(|m| {
                        needle.is_empty()
                            || lowercase(&quote_author(m)).contains(&needle)
                            || lowercase(&m.text_body).contains(&needle)
                    })
                    .collect();
                list.sort_by_key(|m| std::cmp::Reverse(m.date));
                list.into_iter()
                    .map(|m| (quote_author(&m), date_text(m.date), Picked::Quote(m)))
                    .collect()
            }
        }
    });
    let nothing_at_all = move || match pick.get() {
        Some(Pick::Content(kind)) => app
            .with_directory(|d| !d.templates.iter().any(|t| t.kind == kind))
            .unwrap_or(true),
        Some(Pick::Quote) => {
            messages.with(|m| !m.iter().any(|m| m.direction != Direction::Comment))
        }
        None => true,
    };
    let title_id = format!("{id}-insert-title");
    let search_id = format!("{id}-insert-search");
    let labelled_by = title_id.clone();
    view! {
        <dialog node_ref=node class="sb-dialog sb-insert-picker" aria-labelledby=labelled_by on:close=move |_| { open.set(false); query.set(String::new()); }>
            <h2 id=title_id.clone() class="sb-dialog__title">{title}</h2>
            <div class="sb-field">
                <label class="sb-field__label" for=search_id.clone()>{t(k::INSERT__SEARCH)}</label>
                <input id=search_id class="sb-input" type="search" autocomplete="off" prop:value=move || query.get() on:input=move |ev| query.set(event_target_value(&ev)) on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                    // Enter takes the first match, so search-then-Enter needs no mouse.
                    if ev.key() == "Enter" {
                        ev.prevent_default();
                        if let Some(first) = rows.with_untracked(|r| r.first().map(|(_, _, p)| p.clone())) {
                            on_pick.run(first);
                        }
                    }
                } />
            </div>
            <Show when=move || open.get() && !nothing_at_all() && rows.with(Vec::is_empty)>
                <p class="sb-note">{move || tf(k::INSERT__NO_MATCH, &[("query", &query.get().trim())])}</p>
            </Show>
            <Show when=move || open.get() && nothing_at_all()>
                {move || match pick.get() {
                    Some(Pick::Quote) => view! { <p class="sb-note">{t(k::INSERT__NO_QUOTE)}</p> }.into_any(),
                    _ => view! {
                        <p class="sb-note">
                            {move || pick.get().map(|p| match p { Pick::Content(kind) => t(labels::kind_keys(kind).none), Pick::Quote => String::new() }).unwrap_or_default()}" "
                            {t(k::INSERT__ADMINS_ADD)}" "<a href="/settings/templates">{t(k::INSERT__SETTINGS_TEMPLATES)}</a>"."
                        </p>
                    }.into_any(),
                }}
            </Show>
            <ul class="sb-insert-picker__list" aria-labelledby=title_id>
                <For
                    each=move || rows.get().into_iter().enumerate()
                    key=|(i, (name, detail, _))| (*i, name.clone(), detail.clone())
                    children=move |(_, (name, detail, picked))| {
                        let picked = StoredValue::new(picked);
                        view! {
                            <li>
                                <button type="button" class="sb-insert-picker__item" on:click=move |_| on_pick.run(picked.get_value())>
                                    <span class="sb-insert-picker__name">{name}</span>
                                    <span class="sb-insert-picker__detail">{detail}</span>
                                </button>
                            </li>
                        }
                    }
                />
            </ul>
            <div class="sb-dialog__actions">
                <button type="button" class="sb-button" on:click=move |_| open.set(false)>{t(k::COMMON__CANCEL)}</button>
            </div>
        </dialog>
    }
}
