//! The team signature editor: a formatting toolbar (**Bold**, **Italic**, **Underline**,
//! **Link**, **Image**) over a contenteditable region, an **HTML** mode (a textarea labelled
//! "Signature HTML"), and **Insert token** (**Full name**, **First name**, **Last name** from
//! `signature::token_list`). It edits one HTML signal; HTML put into the live editor is made
//! inert first (`ui::sandbox::sanitize_html`), so a saved `onerror` never runs here.

use crate::domain::signature::token_list;
use crate::i18n::{k, web::t, Key};
use crate::services::{ctx::ToastKind, use_app};
use crate::ui::labels;
use crate::ui::sandbox::sanitize_html;
use leptos::html::{Div, Textarea};
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

/// `document.execCommand(command, false, value)` (web-sys exposes it only on HtmlDocument).
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

fn ask(message: Key) -> Option<String> {
    let answer = web_sys::window()?.prompt_with_message(&t(message)).ok()??;
    let answer = answer.trim().to_owned();
    (!answer.is_empty()).then_some(answer)
}

fn is_link(url: &str) -> bool {
    let u = url.to_ascii_lowercase();
    u.starts_with("https://") || u.starts_with("http://") || u.starts_with("mailto:")
}

fn is_image(url: &str) -> bool {
    let u = url.to_ascii_lowercase();
    u.starts_with("https://") || u.starts_with("data:image/")
}

#[component]
pub fn SignatureEditor(
    html: RwSignal<String>,
    #[prop(into)] described_by: String,
) -> impl IntoView {
    let app = use_app();
    let html_mode = RwSignal::new(false);
    let menu_open = RwSignal::new(false);
    let editor = NodeRef::<Div>::new();
    let source = NodeRef::<Textarea>::new();
    // Effect: pushes the signature into the visual editor when it appears (mount or leaving
    // HTML mode); typing then flows back through `on:input`. Writes no signal.
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
    let format = move |command: &'static str| {
        exec(command, "");
        sync();
    };
    let link = move || match ask(k::SIGNATURE__LINK_PROMPT) {
        Some(url) if is_link(&url) => {
            exec("createLink", &url);
            sync();
        }
        Some(_) => app.toast(ToastKind::Error, t(k::SIGNATURE__LINK_INVALID)),
        None => {}
    };
    let image = move || match ask(k::SIGNATURE__IMAGE_PROMPT) {
        Some(url) if is_image(&url) => {
            exec("insertImage", &url);
            sync();
        }
        Some(_) => app.toast(ToastKind::Error, t(k::SIGNATURE__IMAGE_INVALID)),
        None => {}
    };
    let insert = move |token: &'static str| {
        menu_open.set(false);
        if html_mode.get_untracked() {
            if let Some(area) = source.get_untracked() {
                let _ = area.set_range_text(token);
                html.set(area.value());
            }
        } else if let Some(el) = editor.get_untracked() {
            let _ = el.focus();
            exec("insertText", token);
            sync();
        }
    };
    // Toolbar buttons keep the caret in the editor: a mouse press must not move focus.
    let keep_focus = |ev: leptos::ev::MouseEvent| ev.prevent_default();
    let tool = move |label: Key, run: Callback<()>| {
        view! {
            <button
                type="button"
                class="sb-button sb-tool"
                disabled=move || html_mode.get()
                title=move || if html_mode.get() { t(k::SIGNATURE__HTML_MODE_OFF) } else { String::new() }
                on:mousedown=keep_focus
                on:click=move |_| run.run(())
            >
                {t(label)}
            </button>
        }
    };
    view! {
        <div class="sb-sig">
            <div role="toolbar" aria-label=t(k::SIGNATURE__TOOLBAR) class="sb-sig__toolbar">
                {tool(k::SIGNATURE__BOLD, Callback::new(move |()| format("bold")))}
                {tool(k::SIGNATURE__ITALIC, Callback::new(move |()| format("italic")))}
                {tool(k::SIGNATURE__UNDERLINE, Callback::new(move |()| format("underline")))}
                {tool(k::SIGNATURE__LINK, Callback::new(move |()| link()))}
                {tool(k::SIGNATURE__IMAGE, Callback::new(move |()| image()))}
                <button
                    type="button"
                    class="sb-button sb-tool"
                    aria-pressed=move || html_mode.get().to_string()
                    on:click=move |_| html_mode.update(|m| *m = !*m)
                >
                    {t(k::SIGNATURE__HTML)}
                </button>
                <div class="sb-menu">
                    <button
                        type="button"
                        class="sb-button sb-tool"
                        aria-haspopup="menu"
                        aria-expanded=move || menu_open.get().to_string()
                        aria-controls="sb-token-menu"
                        on:mousedown=keep_focus
                        on:click=move |_| menu_open.update(|o| *o = !*o)
                    >
                        {t(k::SIGNATURE__INSERT_TOKEN)}
                    </button>
                    <ul id="sb-token-menu" role="menu" aria-label=t(k::SIGNATURE__INSERT_TOKEN) class="sb-menu__list" hidden=move || !menu_open.get()>
                        {token_list()
                            .into_iter()
                            .map(|(label, token)| view! {
                                <li role="none">
                                    <button
                                        type="button"
                                        role="menuitem"
                                        class="sb-menu__item"
                                        on:mousedown=keep_focus
                                        on:click=move |_| insert(token)
                                    >
                                        {labels::signature_token(token, label)}
                                    </button>
                                </li>
                            })
                            .collect_view()}
                    </ul>
                </div>
            </div>
            <Show
                when=move || html_mode.get()
                fallback=move || view! {
                    <div
                        node_ref=editor
                        class="sb-sig__editor"
                        contenteditable="true"
                        role="textbox"
                        aria-multiline="true"
                        aria-label=t(k::SIGNATURE__TEAM_SIGNATURE)
                        aria-describedby=described_by.clone()
                        on:input=move |_| sync()
                    ></div>
                }
            >
                <textarea
                    node_ref=source
                    class="sb-input sb-sig__source"
                    aria-label=t(k::SIGNATURE__SOURCE)

                    rows="6"
                    prop:value=move || html.get()
                    on:input=move |ev| html.set(event_target_value(&ev))
                ></textarea>
            </Show>
        </div>
    }
}
