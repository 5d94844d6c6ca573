//! The keyboard layer (issue 10): one window `keydown` listener that asks
//! `domain::keyboard::interpret` what a key means and carries it out the way a mouse user
//! would — by focusing a conversation row or clicking the very button that has the label
//! (`data-shortcut="reply"` etc. marks it), so a shortcut can never do what the visible
//! control would not. `?` opens the cheat sheet. Turned off in **Settings › Profile**
//! (remembered on this device).
//!
//! It owns no data and writes nothing; features mark their controls with `data-shortcut`.

mod cheat_sheet;

pub use cheat_sheet::CheatSheet;

use crate::domain::keyboard::{interpret, typing_target, Focused, KeyPress, Shortcut, Step};
use crate::services::preferences::shortcuts_enabled;
use crate::ui::dialog::MountWhenOpened;
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate};
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

/// Mounts the listener (inside the router) and, once asked for, the cheat sheet.
#[component]
pub fn KeyboardShortcuts() -> impl IntoView {
    let help_open = RwSignal::new(false);
    let after_g = StoredValue::new(false);
    let navigate = use_navigate();
    let location = use_location();
    let handle = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.default_prevented() || ev.is_composing() || !shortcuts_enabled() {
            return;
        }
        let press = KeyPress {
            key: ev.key(),
            ctrl: ev.ctrl_key(),
            meta: ev.meta_key(),
            alt: ev.alt_key(),
            in_field: focus_in_field(),
        };
        let waiting = after_g.get_value();
        after_g.set_value(false);
        match interpret(&press, waiting) {
            Step::Pass => {}
            Step::AwaitView => {
                after_g.set_value(true);
                ev.prevent_default();
            }
            Step::Fire(shortcut) => {
                // Inside an open dialog only Send (in its composer) applies.
                if in_modal() && shortcut != Shortcut::Send {
                    return;
                }
                if run(
                    shortcut,
                    help_open,
                    &navigate,
                    &location.pathname.get_untracked(),
                ) {
                    ev.prevent_default();
                }
            }
        }
    });
    on_cleanup(move || handle.remove());
    // Built the first time `?` asks for it: its ~60 elements were a quarter of the first
    // screen's, built at every start for a dialog most starts never open.
    view! {
        <MountWhenOpened open=help_open>
            <CheatSheet open=help_open />
        </MountWhenOpened>
    }
}

/// Carries out a shortcut; false when nothing on the page could do it (the key then does
/// whatever it normally does).
fn run(
    shortcut: Shortcut,
    help_open: RwSignal<bool>,
    navigate: &impl Fn(&str, leptos_router::NavigateOptions),
    path: &str,
) -> bool {
    match shortcut {
        Shortcut::NextConversation => move_row(1),
        Shortcut::PreviousConversation => move_row(-1),
        Shortcut::OpenConversation => {
            let row = active_row().or_else(|| rows().into_iter().next());
            row.map(|r| r.click()).is_some()
        }
        Shortcut::Reply => activate("reply") || focus_reply_body(),
        Shortcut::Compose => activate("compose"),
        Shortcut::CloseConversation => activate("close-conversation"),
        Shortcut::AssignToMe => activate("assign-to-me"),
        Shortcut::Send => send_from_focused_composer(),
        Shortcut::ShowHelp => {
            help_open.set(true);
            true
        }
        Shortcut::GoTo(view) => {
            let area = if path.starts_with("/help-desk") {
                "/help-desk"
            } else {
                "/inbox"
            };
            navigate(&format!("{area}/{}", view.slug()), Default::default());
            true
        }
    }
}

fn document() -> Option<web_sys::Document> {
    web_sys::window()?.document()
}

/// True when the focus is somewhere typing goes (`domain::keyboard::typing_target` decides
/// from the focused element's tag, input type, role and editability).
fn focus_in_field() -> bool {
    let Some(el) = document().and_then(|d| d.active_element()) else {
        return false;
    };
    typing_target(&Focused {
        tag: el.tag_name(),
        input_type: el.get_attribute("type").unwrap_or_default(),
        role: el.get_attribute("role").unwrap_or_default(),
        editable: el
            .dyn_ref::<HtmlElement>()
            .is_some_and(|h| h.is_content_editable()),
    })
}

fn in_modal() -> bool {
    document()
        .and_then(|d| d.query_selector("dialog[open]").ok().flatten())
        .is_some()
}

/// The conversation rows currently on the page, in order.
fn rows() -> Vec<HtmlElement> {
    let Some(list) = document().and_then(|d| d.query_selector_all(".sb-row__link").ok()) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<HtmlElement>().ok())
        .collect()
}

/// The row the keyboard is on: the focused one, else the open conversation's.
fn active_row() -> Option<HtmlElement> {
    let focused = document().and_then(|d| d.active_element());
    let rows = rows();
    focused
        .and_then(|f| rows.iter().find(|r| f.is_same_node(Some(r))).cloned())
        .or_else(|| {
            rows.into_iter().find(|r| {
                r.closest(".sb-row--selected").ok().flatten().is_some()
                    || r.get_attribute("aria-current").is_some()
            })
        })
}

/// Focuses the next (`step` = 1) or previous (-1) row and scrolls it into view, which also
/// makes a windowed list render the rows beyond it.
fn move_row(step: i32) -> bool {
    let rows = rows();
    if rows.is_empty() {
        return false;
    }
    let current = active_row().and_then(|a| rows.iter().position(|r| r.is_same_node(Some(&a))));
    let next = match current {
        None => 0,
        Some(i) => (i as i32 + step).clamp(0, rows.len() as i32 - 1) as usize,
    };
    let row = &rows[next];
    let _ = row.focus();
    row.scroll_into_view_with_bool(false);
    true
}

/// Clicks (or, for a text field, focuses) the enabled control marked `data-shortcut=name`.
fn activate(name: &str) -> bool {
    let selector = format!("[data-shortcut=\"{name}\"]");
    let Some(el) = document().and_then(|d| d.query_selector(&selector).ok().flatten()) else {
        return false;
    };
    press(&el)
}

fn press(el: &Element) -> bool {
    if el.has_attribute("disabled") || el.get_attribute("aria-disabled").as_deref() == Some("true")
    {
        return false;
    }
    let Some(html) = el.dyn_ref::<HtmlElement>() else {
        return false;
    };
    let tag = el.tag_name().to_ascii_lowercase();
    if tag == "textarea" || tag == "input" || html.is_content_editable() {
        let _ = html.focus();
    } else {
        html.click();
    }
    true
}

/// **Reply** without a reply button: the reply composer's message body takes the focus.
fn focus_reply_body() -> bool {
    document()
        .and_then(|d| {
            d.query_selector("[data-composer=\"reply\"] [contenteditable=\"true\"]")
                .ok()
                .flatten()
        })
        .is_some_and(|body| press(&body))
}

/// Ctrl/Cmd+Enter: the Send button of the composer the focus is in.
fn send_from_focused_composer() -> bool {
    document()
        .and_then(|d| d.active_element())
        .and_then(|f| {
            f.closest("[data-shortcut-scope=\"composer\"]")
                .ok()
                .flatten()
        })
        .and_then(|c| c.query_selector("[data-shortcut=\"send\"]").ok().flatten())
        .is_some_and(|send| press(&send))
}
