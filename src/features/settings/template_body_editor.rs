//! The rich-text **Body** of a template or snippet: **Bold**, **Italic**, **Underline**,
//! **Link** and **Insert token** (the template tokens of `signature::template_token_list`:
//! sender, contact and company) over a contenteditable region — the signature editor's rules.
//! HTML put into the live editor is made inert first (`ui::sandbox::sanitize_html`); the save
//! sanitises again (`domain::template`).
//!
//! Edits one HTML signal; stores nothing.

use crate::domain::body_html::safe_href;
use crate::domain::signature::template_token_list;
use crate::i18n::{k, web::t};
use crate::ui::sandbox::sanitize_html;
use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

/// `document.execCommand(command, false, value)`: the browser's own editing commands.
fn exec(command: &str, value: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(function) = js_sys::Reflect::get(&document, &"execCommand".into()) else {
        return;
    };
    if let Ok(function) = function.dyn_into::<js_sys::Function>() {
        let args = js_sys::Array::of3(&command.into(), &JsValue::FALSE, &value.into());
        let _ = function.apply(&document, &args);
    }
}

#[component]
pub fn TemplateBodyEditor(
    html: RwSignal<String>,
    #[prop(into)] id: String,
    #[prop(into)] described_by: String,
    #[prop(into)] invalid: Signal<bool>,
) -> impl IntoView {
    let editor = NodeRef::<Div>::new();
    let menu_open = RwSignal::new(false);
    // Effect: puts the stored body into the editor once it exists; writes no signal.
    Effect::new(move |_| {
        if let Some(el) = editor.get() {
            el.set_inner_html(&sanitize_html(&html.get_untracked()));
        }
    });
    let sync = move || {
        if let Some(el) = editor.get_untracked() {
            html.set(el.inner_html());
        }
    };
    let keep_focus = |ev: leptos::ev::MouseEvent| ev.prevent_default();
    let tool = move |label: String, command: &'static str| {
        view! {
            <button type="button" class="sb-button sb-tool" on:mousedown=keep_focus on:click=move |_| { exec(command, ""); sync(); }>
                {label}
            </button>
        }
    };
    let link = move |_| {
        let answer = web_sys::window().and_then(|w| {
            w.prompt_with_message(&t(k::COMPOSER__LINK_PROMPT))
                .ok()
                .flatten()
        });
        if let Some(href) = answer.as_deref().and_then(safe_href) {
            exec("createLink", &href);
            sync();
        }
    };
    let insert = move |token: &'static str| {
        menu_open.set(false);
        if let Some(el) = editor.get_untracked() {
            let _ = el.focus();
            exec("insertText", token);
            sync();
        }
    };
    let menu_id = format!("{id}-tokens");
    view! {
        <div class="sb-sig">
            <div role="toolbar" aria-label=t(k::TEMPLATES__BODY_FORMATTING) class="sb-sig__toolbar">
                {tool(t(k::COMPOSER__BOLD), "bold")}
                {tool(t(k::COMPOSER__ITALIC), "italic")}
                {tool(t(k::COMPOSER__UNDERLINE), "underline")}
                <button type="button" class="sb-button sb-tool" on:mousedown=keep_focus on:click=link>{t(k::COMPOSER__LINK)}</button>
                <div class="sb-menu">
                    <button
                        type="button"
                        class="sb-button sb-tool"
                        aria-haspopup="menu"
                        aria-expanded=move || menu_open.get().to_string()
                        aria-controls=menu_id.clone()
                        on:mousedown=keep_focus
                        on:click=move |_| menu_open.update(|o| *o = !*o)
                    >
                        {t(k::TEMPLATES__INSERT_TOKEN)}
                    </button>
                    <ul id=menu_id.clone() role="menu" aria-label=t(k::TEMPLATES__INSERT_TOKEN) class="sb-menu__list" hidden=move || !menu_open.get()>
                        {template_token_list()
                            .into_iter()
                            .map(|(label, token)| view! {
                                <li role="none">
                                    <button type="button" role="menuitem" class="sb-menu__item" on:mousedown=keep_focus on:click=move |_| insert(token)>
                                        {crate::ui::labels::signature_token(token, label)}
                                    </button>
                                </li>
                            })
                            .collect_view()}
                    </ul>
                </div>
            </div>
            <div
                node_ref=editor
                id=id
                class="sb-sig__editor"
                contenteditable="true"
                role="textbox"
                aria-multiline="true"
                aria-label=t(k::TEMPLATES__BODY)
                aria-describedby=described_by
                aria-invalid=move || invalid.get().to_string()
                on:input=move |_| sync()
            ></div>
        </div>
    }
}
