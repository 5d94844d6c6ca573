//! The keyboard of a tab list (WAI-ARIA tabs pattern, automatic activation), one copy for every
//! `role="tablist"` of the app: ArrowRight / ArrowLeft choose the next / previous tab (wrapping),
//! Home / End the first / last; the chosen tab gets the focus and is activated (clicked).
//! Put [`on_tablist_keydown`] on the tablist element; the tabs are its `role="tab"` buttons,
//! the selected one with `tabindex="0"`, the others `-1`.

use wasm_bindgen::JsCast;

pub fn on_tablist_keydown(ev: leptos::ev::KeyboardEvent) {
    let Some(list) = ev
        .current_target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    else {
        return;
    };
    let Ok(found) = list.query_selector_all("[role=tab]:not([disabled])") else {
        return;
    };
    let tabs: Vec<web_sys::HtmlElement> = (0..found.length())
        .filter_map(|i| found.item(i))
        .filter_map(|node| node.dyn_into::<web_sys::HtmlElement>().ok())
        .collect();
    if tabs.is_empty() {
        return;
    }
    let active = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.active_element());
    let at = active
        .and_then(|a| tabs.iter().position(|t| **t == a))
        .unwrap_or(0);
    let n = tabs.len();
    let next = match ev.key().as_str() {
        "ArrowRight" => (at + 1) % n,
        "ArrowLeft" => (at + n - 1) % n,
        "Home" => 0,
        "End" => n - 1,
        _ => return,
    };
    ev.prevent_default();
    let _ = tabs[next].focus();
    tabs[next].click();
}
