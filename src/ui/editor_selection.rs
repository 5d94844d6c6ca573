//! The caret of a contenteditable editor across a dialog: a focused field elsewhere takes the
//! document's one selection away from the editor, so the editor's range is kept when a
//! dialog opens (`ui::address_dialog`) and put back before anything is inserted, with the
//! focus. Also which link the caret is in (to edit or remove it) and the selected text.
//!
//! It changes no content; the editors run their commands after [`SavedSelection::restore`].

use wasm_bindgen::JsCast;
use web_sys::{HtmlAnchorElement, HtmlElement, Node, Range};

/// Where the selection was in an editor; empty when it was elsewhere.
#[derive(Clone, Default)]
pub struct SavedSelection {
    range: Option<Range>,
}

impl SavedSelection {
    /// The current selection, when it lies in `editor`.
    pub fn of(editor: &HtmlElement) -> Self {
        let range = web_sys::window()
            .and_then(|w| w.get_selection().ok().flatten())
            .filter(|s| s.range_count() > 0)
            .and_then(|s| s.get_range_at(0).ok())
            .filter(|r| {
                r.common_ancestor_container()
                    .is_ok_and(|node| editor.contains(Some(&node)))
            });
        Self { range }
    }

    /// The selected text (empty for a caret).
    pub fn text(&self) -> String {
        self.range
            .as_ref()
            .map(|r| String::from(r.to_string()))
            .unwrap_or_default()
    }

    /// The link (`<a>` in `editor`) the selection starts in, if any.
    pub fn link(&self, editor: &HtmlElement) -> Option<HtmlAnchorElement> {
        let mut node: Option<Node> = self.range.as_ref()?.start_container().ok();
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
    /// kept, or when it was emptied meanwhile).
    pub fn restore(&self, editor: &HtmlElement) {
        let _ = editor.focus();
        let Some(selection) = web_sys::window().and_then(|w| w.get_selection().ok().flatten())
        else {
            return;
        };
        let range = match &self.range {
            Some(range)
                if range
                    .common_ancestor_container()
                    .is_ok_and(|node| editor.contains(Some(&node))) =>
            {
                range.clone()
            }
            _ => {
                let Ok(range) = web_sys::window()
                    .and_then(|w| w.document())
                    .map_or(Err(wasm_bindgen::JsValue::NULL), |d| d.create_range())
                else {
                    return;
                };
                let _ = range.select_node_contents(editor);
                range.collapse_with_to_start(false);
                range
            }
        };
        let _ = selection.remove_all_ranges();
        let _ = selection.add_range(&range);
    }

    /// Selects the whole of `node` (a link about to be replaced or unlinked) and focuses
    /// `editor`.
    pub fn select_contents(editor: &HtmlElement, node: &Node) {
        let _ = editor.focus();
        let (Some(selection), Some(document)) = (
            web_sys::window().and_then(|w| w.get_selection().ok().flatten()),
            web_sys::window().and_then(|w| w.document()),
        ) else {
            return;
        };
        if let Ok(range) = document.create_range() {
            let _ = range.select_node_contents(node);
            let _ = selection.remove_all_ranges();
            let _ = selection.add_range(&range);
        }
    }
}
