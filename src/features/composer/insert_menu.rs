//! The composer's **Insert** menu (SPEC §5): **Template**, **Snippet**, **Quote**, **Document**,
//! **Meeting link**, **Knowledge base article**, **Video**. Each opens the picker; the caret is
//! noted when the menu button is pressed, and the choice goes to `insert_apply` (render, insert
//! at the caret, save through the draft session). Mounted with one line in the composer, it
//! also starts the composer's typing signal for presence.
//!
//! It must not store anything itself.

use super::insert_apply::{apply_pick, date_text, report_typing};
use super::insert_dom::save_caret;
use super::insert_picker::{InsertPicker, Pick, Picked};
use super::session::DraftSession;
use crate::domain::{Conversation, TemplateKind};
use crate::i18n::{k, web::t};
use crate::services::{templates, use_app};
use crate::ui::labels;
use leptos::prelude::*;
use wasm_bindgen::JsValue;

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

    report_typing(editor.clone(), conversation);

    // The thread's messages (for Insert › Quote) are read when the picker opens, not when the
    // composer mounts: a reply box on a long thread would otherwise read all of it again.
    let thread = LocalResource::new(move || {
        let open = picker_open.get();
        let conv = conversation.with_untracked(|c| c.as_ref().map(|c| c.id.clone()));
        async move {
            match open {
                true => Some(templates::insert_context(app, conv, None).await),
                false => None,
            }
        }
    });
    let messages = Signal::derive(move || {
        thread
            .get()
            .flatten()
            .and_then(Result::ok)
            .map(|t| t.messages)
            .unwrap_or_default()
    });

    let target = editor.clone();
    let on_pick = Callback::new(move |picked: Picked| {
        picker_open.set(false);
        let conv = conversation.with_untracked(|c| c.as_ref().map(|c| c.id.clone()));
        let range = caret.try_get_value().flatten();
        leptos::task::spawn_local(apply_pick(session, target.clone(), conv, picked, range));
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
    // Focus on open, arrows, and Escape that closes only the menu (not the Compose dialog).
    let menu_keys = crate::ui::menu::MenuKeys::new(menu_open, menu_id.clone());
    let editor_for_click = editor.clone();
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
        <div class="sb-menu sb-insert" node_ref=container on:keydown=move |ev| menu_keys.on_keydown(ev)>
            <button
                node_ref=menu_keys.button
                type="button"
                class="sb-button"
                aria-haspopup="menu"
                aria-expanded=move || menu_open.get().to_string()
                aria-controls=menu_id.clone()
                on:mousedown=remember_caret
                on:click=move |_| {
                    // Opened from the keyboard (Tab to Insert, Enter) there was no mousedown:
                    // the editor's selection is still where the rep left it, so note it now.
                    if !menu_open.get_untracked() {
                        caret.set_value(save_caret(&editor_for_click));
                    }
                    menu_keys.toggle()
                }
            >
                {t(k::INSERT__MENU)}
            </button>
            <ul
                id=menu_id
                role="menu"
                aria-label=t(k::INSERT__MENU)
                class="sb-menu__list"
                hidden=move || !menu_open.get()
            >
                {ITEMS
                    .into_iter()
                    .map(|(_, item)| view! {
                        <li role="none">
                            <button type="button" role="menuitem" class="sb-menu__item" on:click=move |_| open_item(item)>
                                {t(match item { Pick::Content(kind) => labels::kind_keys(kind).label, Pick::Quote => k::KINDS__QUOTE })}
                            </button>
                        </li>
                    })
                    .collect_view()}
            </ul>
            <InsertPicker open=picker_open pick=pick messages date_text id=editor on_pick />
        </div>
    }
}
