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
    let tabs = super::focus::items(&list, "[role=tab]");
    if tabs.is_empty() {
        return;
    }
    let at = super::focus::focused(&tabs).unwrap_or(0);
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
