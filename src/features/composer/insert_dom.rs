//! The caret of the message editor for **Insert**: remembers where the rep's caret was when
//! they opened the menu (the picker dialog takes the focus away), and puts the inserted HTML
//! there, or at the end of the body when the caret was elsewhere.
//!
//! Only touches the editor's DOM; storing the body is the draft session's job. The Selection
//! and Range APIs are reached through `Reflect`, so no extra web-sys feature is needed.

use wasm_bindgen::{JsCast, JsValue};

fn get(target: &JsValue, name: &str) -> Option<JsValue> {
    js_sys::Reflect::get(target, &JsValue::from_str(name))
        .ok()
        .filter(|v| !v.is_undefined() && !v.is_null())
}

fn call(target: &JsValue, name: &str, args: &[JsValue]) -> Option<JsValue> {
    let function = get(target, name)?.dyn_into::<js_sys::Function>().ok()?;
    let args: js_sys::Array = args.iter().collect();
    function.apply(target, &args).ok()
}

fn editor(id: &str) -> Option<web_sys::Element> {
    web_sys::window()?.document()?.get_element_by_id(id)
}

/// A copy of the selection's range when it lies inside the editor `id`.
pub fn save_caret(id: &str) -> Option<JsValue> {
    let el = editor(id)?;
    let window: JsValue = web_sys::window()?.into();
    let selection = call(&window, "getSelection", &[])?;
    let count = get(&selection, "rangeCount")?.as_f64()?;
    if count < 1.0 {
        return None;
    }
    let range = call(&selection, "getRangeAt", &[JsValue::from_f64(0.0)])?;
    let node = get(&range, "commonAncestorContainer")?
        .dyn_into::<web_sys::Node>()
        .ok()?;
    if el.contains(Some(&node)) {
        call(&range, "cloneRange", &[])
    } else {
        None
    }
}

/// Inserts `html` at `caret` (a range from [`save_caret`]) or at the end of the editor, and
/// returns the editor's new HTML (`None` when the editor is gone).
pub fn insert_html(id: &str, caret: Option<&JsValue>, html: &str) -> Option<String> {
    let el = editor(id)?;
    let placed = caret.and_then(|range| {
        // The range may have been detached by a refresh of the editor since it was saved.
        let node = get(range, "commonAncestorContainer")?
            .dyn_into::<web_sys::Node>()
            .ok()?;
        if !el.contains(Some(&node)) {
            return None;
        }
        let fragment = call(
            range,
            "createContextualFragment",
            &[JsValue::from_str(html)],
        )?;
        call(range, "deleteContents", &[])?;
        call(range, "insertNode", &[fragment])
    });
    if placed.is_none() {
        el.insert_adjacent_html("beforeend", html).ok()?;
    }
    Some(el.inner_html())
}

/// Whether `target` (a key event's target) is inside the composer that holds editor `id`.
pub fn in_composer_of(id: &str, target: Option<web_sys::EventTarget>) -> bool {
    let Some(el) = editor(id) else { return false };
    let scope = el.closest(".sb-composer").ok().flatten().unwrap_or(el);
    target
        .and_then(|t| t.dyn_into::<web_sys::Node>().ok())
        .is_some_and(|node| scope.contains(Some(&node)))
}
