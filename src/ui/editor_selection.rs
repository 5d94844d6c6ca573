//! The caret of a contenteditable editor across a dialog: a focused field elsewhere takes the
//! document's one selection away from the editor, so the editor's range is kept when a
//! dialog opens (`ui::address_dialog`) and put back before anything is inserted, with the
//! focus. Also which link the caret is in (to edit or remove it) and the selected text.
//!
//! The page's Selection and Range objects are reached through `Reflect` (as `execCommand`
//! is in `rich_editor_input`): wasm-bindgen keeps every typed import's glue in the main
//! module, and these dozen would cost the first screen ~0.15 KB for a dialog it never shows.
//!
//! It changes no content; the editors run their commands after [`SavedSelection::restore`].

use js_sys::{Array, Function, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{HtmlAnchorElement, HtmlElement, Node};

/// `target[name]`, `None` when missing or null.
fn get(target: &JsValue, name: &str) -> Option<JsValue> {
    Reflect::get(target, &name.into())
        .ok()
        .filter(|v| !v.is_undefined() && !v.is_null())
}

/// `target[method](...args)`; `None` when it is missing or throws.
fn call(target: &JsValue, method: &str, args: &[&JsValue]) -> Option<JsValue> {
    let function = get(target, method)?.dyn_into::<Function>().ok()?;
    let list = Array::new();
    for arg in args {
        list.push(arg);
    }
    function.apply(target, &list).ok()
}

/// `window.getSelection()`.
fn selection() -> Option<JsValue> {
    call(&web_sys::window()?.into(), "getSelection", &[])
}

/// Whether `node` is `editor` or inside it.
fn inside(editor: &HtmlElement, node: &JsValue) -> bool {
    call(editor, "contains", &[node]).is_some_and(|v| v.is_truthy())
}

/// Makes `range` the document's selection.
fn select(range: &JsValue) {
    if let Some(selection) = selection() {
        call(&selection, "removeAllRanges", &[]);
        call(&selection, "addRange", &[range]);
    }
}

/// A new range over the contents of `node` (collapsed to its end when `to_end`).
fn range_over(node: &Node, to_end: bool) -> Option<JsValue> {
    let document: JsValue = web_sys::window()?.document()?.into();
    let range = call(&document, "createRange", &[])?;
    call(&range, "selectNodeContents", &[node])?;
    if to_end {
        call(&range, "collapse", &[&JsValue::FALSE])?;
    }
    Some(range)
}

/// Where the selection was in an editor; empty when it was elsewhere.
#[derive(Clone, Default)]
pub struct SavedSelection {
    range: Option<JsValue>,
}

impl SavedSelection {
    /// The current selection, when it lies in `editor`.
    pub fn of(editor: &HtmlElement) -> Self {
        let range = selection()
            .filter(|s| get(s, "rangeCount").and_then(|n| n.as_f64()) > Some(0.0))
            .and_then(|s| call(&s, "getRangeAt", &[&JsValue::from(0)]))
            .filter(|r| get(r, "commonAncestorContainer").is_some_and(|n| inside(editor, &n)));
        Self { range }
    }

    /// The selected text (empty for a caret).
    pub fn text(&self) -> String {
        self.range
            .as_ref()
            .and_then(|r| call(r, "toString", &[]))
            .and_then(|t| t.as_string())
            .unwrap_or_default()
    }

    /// The link (`<a>` in `editor`) the selection starts in, if any.
    pub fn link(&self, editor: &HtmlElement) -> Option<HtmlAnchorElement> {
        let mut node = get(self.range.as_ref()?, "startContainer")?
            .dyn_into::<Node>()
            .ok();
        while let Some(current) = node {
            if editor.is_same_node(Some(&current)) {
                return None;
            }
            if let Some(link) = current.dyn_ref::<HtmlAnchorElement>() {
                return Some(link.clone());
            }
            node = current.parent_node();
        }
        None
    }

    /// Focuses `editor` and puts the selection back (at the end of the editor when none was
    /// kept, or when its place left the editor meanwhile).
    pub fn restore(&self, editor: &HtmlElement) {
        let _ = editor.focus();
        let kept = self
            .range
            .clone()
            .filter(|r| get(r, "commonAncestorContainer").is_some_and(|n| inside(editor, &n)));
        if let Some(range) = kept.or_else(|| range_over(editor, true)) {
            select(&range);
        }
    }

    /// Focuses `editor` and selects the whole of `node` (a link about to be unlinked).
    pub fn select_contents(editor: &HtmlElement, node: &Node) {
        let _ = editor.focus();
        if let Some(range) = range_over(node, false) {
            select(&range);
        }
    }

    /// Whether `node` is still in `editor` (the body may have been replaced meanwhile).
    pub fn holds(editor: &HtmlElement, node: &Node) -> bool {
        inside(editor, node)
    }
}
