//! What the keyboards of composite widgets (`menu`, `tabs`) share: the enabled items of a
//! widget, and which of them has the focus.

use wasm_bindgen::JsCast;

/// The elements under `root` that `selector` names and that are not disabled, in order.
pub fn items(root: &web_sys::Element, selector: &str) -> Vec<web_sys::HtmlElement> {
    let Ok(found) = root.query_selector_all(&format!("{selector}:not([disabled])")) else {
        return Vec::new();
    };
    (0..found.length())
        .filter_map(|i| found.item(i))
        .filter_map(|node| node.dyn_into::<web_sys::HtmlElement>().ok())
        .collect()
}

/// The position in `items` of the focused element, if it is one of them.
pub fn focused(items: &[web_sys::HtmlElement]) -> Option<usize> {
    let active = web_sys::window()?.document()?.active_element()?;
    items.iter().position(|item| **item == active)
}
