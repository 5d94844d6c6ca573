//! The composer's **Insert** menu (SPEC §5): **Template**, **Snippet**, **Quote**, **Document**,
//! **Meeting link**, **Knowledge base article**, **Video**. Each opens the picker; the choice is
//! rendered by `domain::template` for the current rep and the thread's contact and inserted at
//! the caret (or at the end of the body) through the draft session, so it is saved like
//! anything typed. A template also fills an empty subject of a new email (a reply keeps its
//! "Re:" subject).
//!
//! It also reports keystrokes in a reply composer to `services::presence` (the typing
//! indicator other tabs show). It must not store anything itself.

use super::insert_dom::{in_composer_of, insert_html, save_caret};
use super::insert_picker::{InsertPicker, Pick, Picked};
use super::session::DraftSession;
use crate::domain::signature::TokenContext;
use crate::domain::template::{insertion, quote_author, quote_html, Insertion};
use crate::domain::{Conversation, TemplateKind};
use crate::services::{presence, templates, use_app};
use leptos::prelude::*;
use wasm_bindgen::JsValue;

/// "22 Nov 2026, 10:04" in the rep's time zone.
fn date_text(ms: i64) -> String {
    let date = js_sys::Date::new(&JsValue::from_f64(ms as f64));
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"dateStyle".into(), &"medium".into());
    let _ = js_sys::Reflect::set(&options, &"timeStyle".into(), &"short".into());
    String::from(date.to_locale_string("en-GB", &options))
}

const ITEMS: [(&str, Pick); 7] = [
    ("Template", Pick::Content(TemplateKind::Template)),
    ("Snippet", Pick::Content(TemplateKind::Snippet)),
    ("Quote", Pick::Quote),
    ("Document", Pick::Content(TemplateKind::Document)),
    ("Meeting link", Pick::Content(TemplateKind::MeetingLink)),
    (
        "Knowledge base article",
        Pick::Content(TemplateKind::KnowledgeBase),
    ),
    ("Video", Pick::Content(TemplateKind::Video)),
];

#[component]
pub fn InsertMenu(
    session: DraftSession,
    #[prop(into)] conversation: Signal<Option<Conversation>>,
    /// Element id of the body editor to insert into.
    #[prop(into)]
    editor: String,
) -> impl IntoView {
    let app = use_app();
    let menu_open = RwSignal::new(false);
    let picker_open = RwSignal::new(false);
    let pick = RwSignal::new(None::<Pick>);
    let caret = StoredValue::new_local(None::<JsValue>);

    // Typing indicator: a key pressed anywhere in this reply composer.
    let typing_scope = editor.clone();
    let on_key = window_event_listener(leptos::ev::keydown, move |ev| {
        if let Some(conv) = conversation.with_untracked(|c| c.as_ref().map(|c| c.id.clone())) {
            if in_composer_of(&typing_scope, ev.target()) {
                presence::typed(&conv);
            }
        }
    });
    on_cleanup(move || on_key.remove());

    let thread = LocalResource::new(move || {
        picker_open.track();
        let conv = conversation.with_untracked(|c| c.as_ref().map(|c| c.id.clone()));
        templates::insert_context(app, conv, None)
    });
    let messages = Signal::derive(move || {
        thread
            .get()
            .and_then(Result::ok)
            .map(|t| t.messages)
            .unwrap_or_default()
    });

    let target = editor.clone();
    let on_pick = Callback::new(move |picked: Picked| {
        picker_open.set(false);
        let target = target.clone();
        let conv = conversation.with_untracked(|c| c.as_ref().map(|c| c.id.clone()));
        let is_reply = conv.is_some();
        let first_to = session.draft.with_untracked(|d| {
            d.to.first()
                .and_then(|to| to.split(',').next())
                .map(str::to_owned)
        });
        leptos::task::spawn_local(async move {
            // The contact is read at the moment of insertion, so a token names who the email
            // is going to now.
            let context = match templates::insert_context(app, conv, first_to).await {
                Ok(context) => context,
                Err(err) => return app.toast_error(&err),
            };
            let Some(sender) = app.user() else { return };
            let company = app
                .directory
                .with_untracked(|d| d.workspace.company.clone());
            let Insertion { subject, html } = match &picked {
                Picked::Item(item) => insertion(
                    item,
                    &TokenContext {
                        sender: &sender,
                        contact: context.contact.as_ref(),
                        company_name: &company,
                    },
                ),
                Picked::Quote(message) => Insertion {
                    subject: None,
                    html: quote_html(
                        &date_text(message.date),
                        &quote_author(message),
                        &message.text_body,
                    ),
                },
            };
            let range = caret.try_get_value().flatten();
            let Some(body) = insert_html(&target, range.as_ref(), &html) else {
                return;
            };
            session.edit(|d| {
                d.body_html = body;
                if let (false, Some(subject), true) =
                    (is_reply, subject, d.subject.trim().is_empty())
                {
                    d.subject = subject;
                }
            });
            session.flush();
        });
    });

    // A click outside the menu closes it, as menus do.
    let container = NodeRef::<leptos::html::Div>::new();
    let on_outside = window_event_listener(leptos::ev::click, move |ev| {
        let inside = container.get_untracked().is_some_and(|el| {
            ev.target()
                .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Node>(t).ok())
                .is_some_and(|node| el.contains(Some(&node)))
        });
        if !inside && menu_open.get_untracked() {
            menu_open.set(false);
        }
    });
    on_cleanup(move || on_outside.remove());
    let menu_id = format!("{editor}-insert-menu");
    let open_item = move |item: Pick| {
        menu_open.set(false);
        pick.set(Some(item));
        picker_open.set(true);
    };
    let remember_caret = {
        let editor = editor.clone();
        move |ev: leptos::ev::MouseEvent| {
            // Keeps the caret in the editor while the button is pressed, and notes where it is.
            ev.prevent_default();
            caret.set_value(save_caret(&editor));
        }
    };
    view! {
        <div class="sb-menu sb-insert" node_ref=container>
            <button
                type="button"
                class="sb-button"
                aria-haspopup="menu"
                aria-expanded=move || menu_open.get().to_string()
                aria-controls=menu_id.clone()
                on:mousedown=remember_caret
                on:click=move |_| menu_open.update(|o| *o = !*o)
            >
                "Insert"
            </button>
            <ul
                id=menu_id
                role="menu"
                aria-label="Insert"
                class="sb-menu__list"
                hidden=move || !menu_open.get()
                on:keydown=move |ev: leptos::ev::KeyboardEvent| if ev.key() == "Escape" { menu_open.set(false) }
            >
                {ITEMS
                    .into_iter()
                    .map(|(label, item)| view! {
                        <li role="none">
                            <button type="button" role="menuitem" class="sb-menu__item" on:click=move |_| open_item(item)>
                                {label}
                            </button>
                        </li>
                    })
                    .collect_view()}
            </ul>
            <InsertPicker open=picker_open pick=pick messages date_text id=editor on_pick />
        </div>
    }
}
