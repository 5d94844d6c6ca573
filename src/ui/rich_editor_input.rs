//! What goes into a live rich editor ([`super::rich_editor::RichEditor`]) other than typing:
//! the browser's editing commands, inserted markup (links and images from the address dialog),
//! pasted and dropped HTML. Everything
//! that becomes markup in the app's DOM passes `ui::sandbox::editable_html` first (inert, and
//! remote images parked), so neither a hostile paste nor a designer's logo makes a request
//! while editing.
//!
//! It must not read or write the edited HTML signal; the component does that.

use crate::ui::sandbox::editable_html;
use wasm_bindgen::{JsCast, JsValue};

/// `document.execCommand(command, false, value)` (web-sys exposes it only on HtmlDocument).
pub fn exec(command: &str, value: &str) {
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

/// Inserts untrusted HTML at the caret, made editable first: an image by address is parked
/// like any other remote image (never `insertImage`, which would load it into the app's page
/// at once).
pub fn insert_html(html: &str) {
    exec("insertHTML", &editable_html(html));
}

/// Handles a paste: HTML through [`insert_html`], otherwise plain text. Returns whether the
/// editor content may have changed.
pub fn paste(ev: &web_sys::ClipboardEvent) -> bool {
    let Some(data) = ev.clipboard_data() else {
        return false;
    };
    // The browser's own paste would create the pasted `<img>`s in the app's page (loading
    // them) before any handler could clean them.
    ev.prevent_default();
    insert_transfer(&data);
    true
}

/// Handles a drop like a paste; dropped files are refused (the browser would open them in
/// place of the app). Returns whether the editor content may have changed.
pub fn drop(ev: &web_sys::DragEvent) -> bool {
    let Some(data) = ev.data_transfer() else {
        return false;
    };
    let has_files = data.files().is_some_and(|files| files.length() > 0);
    let html = data.get_data("text/html").unwrap_or_default();
    if has_files || !html.trim().is_empty() {
        ev.prevent_default();
    }
    if !has_files && !html.trim().is_empty() {
        insert_html(&html);
        return true;
    }
    false
}

fn insert_transfer(data: &web_sys::DataTransfer) {
    let html = data.get_data("text/html").unwrap_or_default();
    if html.trim().is_empty() {
        let text = data.get_data("text/plain").unwrap_or_default();
        if !text.is_empty() {
            exec("insertText", &text);
        }
    } else {
        insert_html(&html);
    }
}
