//! The message body: a contenteditable area labelled **Message** with **Bold**, **Italic**,
//! **Underline**, **Link** and **Image** buttons. Its HTML goes to the draft on every input; a body restored from storage
//! (or merged from another tab) is sanitised before it is put back into the DOM.
//!
//! Must not store anything itself (the draft session does).

use crate::domain::body_html::{safe_href, safe_image_src, sanitize_body};
use crate::i18n::{k, web::t};
use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

/// Runs `document.execCommand(command, false, value)`: the browser's own editing commands,
/// reached through `Reflect` so no extra web-sys feature is needed.
fn exec(command: &str, value: Option<&str>) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(f) = js_sys::Reflect::get(&document, &JsValue::from_str("execCommand")) else {
        return;
    };
    if let Ok(f) = f.dyn_into::<js_sys::Function>() {
        let value = value.map_or(JsValue::NULL, JsValue::from_str);
        let _ = f.call3(
            &document,
            &JsValue::from_str(command),
            &JsValue::FALSE,
            &value,
        );
    }
}

#[component]
pub fn BodyEditor(
    #[prop(into)] id: String,
    /// The body in the draft.
    body: Signal<String>,
    /// Bumped when the body was replaced from storage.
    replaced: Signal<u64>,
    on_input: Callback<String>,
    on_blur: Callback<()>,
    /// Ctrl/Cmd+Enter.
    on_send_keys: Callback<()>,
) -> impl IntoView {
    let node = NodeRef::<Div>::new();
    // Effect: pushes a body that came from storage out to the DOM (never writes a signal).
    Effect::new(move |_| {
        replaced.track();
        let Some(el) = node.get() else { return };
        let wanted = sanitize_body(&body.get_untracked());
        if el.inner_html() != wanted {
            el.set_inner_html(&wanted);
        }
    });
    let read = move || {
        if let Some(el) = node.get_untracked() {
            on_input.run(el.inner_html());
        }
    };
    let command = move |cmd: &'static str| {
        move |ev: leptos::ev::MouseEvent| {
            ev.prevent_default();
            exec(cmd, None);
            read();
        }
    };
    let link = move |ev: leptos::ev::MouseEvent| {
        ev.prevent_default();
        let Some(window) = web_sys::window() else {
            return;
        };
        if let Ok(Some(href)) = window.prompt_with_message(&t(k::COMPOSER__LINK_PROMPT)) {
            if let Some(href) = safe_href(&href) {
                exec("createLink", Some(&href));
                read();
            }
        }
    };
    // An image by address (SPEC §5 "style, link, image"); only web images are accepted, and
    // a refused address is said next to the toolbar.
    let image_error = RwSignal::new(None::<String>);
    let image = move |ev: leptos::ev::MouseEvent| {
        ev.prevent_default();
        let Some(window) = web_sys::window() else {
            return;
        };
        if let Ok(Some(src)) = window.prompt_with_message(&t(k::COMPOSER__IMAGE_PROMPT)) {
            if src.trim().is_empty() {
                return;
            }
            match safe_image_src(&src).filter(|s| !s.to_ascii_lowercase().starts_with("data:")) {
                Some(src) => {
                    image_error.set(None);
                    exec("insertImage", Some(&src));
                    read();
                }
                None => image_error.set(Some(t(k::COMPOSER__IMAGE_REFUSED))),
            }
        }
    };
    let image_error_id = format!("{id}-image-error");
    let toolbar_label = format!("{id}-toolbar");
    view! {
        <div class="sb-editor">
            <div class="sb-editor__toolbar" role="toolbar" aria-label=t(k::COMPOSER__FORMATTING) id=toolbar_label>
                // mousedown keeps the selection in the editor while the button is pressed.
                <button type="button" class="sb-button" on:mousedown=|ev| ev.prevent_default() on:click=command("bold")>
                    {t(k::COMPOSER__BOLD)}
                </button>
                <button type="button" class="sb-button" on:mousedown=|ev| ev.prevent_default() on:click=command("italic")>
                    {t(k::COMPOSER__ITALIC)}
                </button>
                <button type="button" class="sb-button" on:mousedown=|ev| ev.prevent_default() on:click=command("underline")>
                    {t(k::COMPOSER__UNDERLINE)}
                </button>
                <button type="button" class="sb-button" on:mousedown=|ev| ev.prevent_default() on:click=link>
                    {t(k::COMPOSER__LINK)}
                </button>
                <button
                    type="button"
                    class="sb-button"
                    aria-describedby=image_error_id.clone()
                    on:mousedown=|ev| ev.prevent_default()
                    on:click=image
                >
                    {t(k::COMPOSER__IMAGE)}
                </button>
            </div>
            <p id=image_error_id class="sb-field__error" role="alert">{move || image_error.get()}</p>
            <div
                node_ref=node
                id=id
                class="sb-editor__body"
                contenteditable="true"
                role="textbox"
                aria-multiline="true"
                aria-label=t(k::COMPOSER__MESSAGE)
                on:input=move |_| read()
                on:blur=move |_| {
                    // A focused editor blurs while it is removed (the composer closing after a
                    // Ctrl+Enter send); its callback is gone by then, so try_run.
                    on_blur.try_run(());
                }
                on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                    if ev.key() == "Enter" && (ev.ctrl_key() || ev.meta_key()) {
                        ev.prevent_default();
                        on_send_keys.run(());
                    }
                }
            ></div>
        </div>
    }
}
