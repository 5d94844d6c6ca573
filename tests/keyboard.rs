#![cfg(not(target_arch = "wasm32"))]
//! The keyboard layer's rules (issue 10), one case per rule.

use switchboard::domain::keyboard::{
    cheat_sheet, interpret, typing_target, Focused, KeyPress, Shortcut, Step,
};
use switchboard::domain::View;

fn key(k: &str) -> KeyPress {
    KeyPress {
        key: k.into(),
        ..KeyPress::default()
    }
}

#[test]
fn single_keys_map_to_their_shortcut() {
    let cases = [
        ("j", Shortcut::NextConversation),
        ("k", Shortcut::PreviousConversation),
        ("o", Shortcut::OpenConversation),
        ("r", Shortcut::Reply),
        ("c", Shortcut::Compose),
        ("e", Shortcut::CloseConversation),
        ("a", Shortcut::AssignToMe),
        ("?", Shortcut::ShowHelp),
    ];
    for (k, shortcut) in cases {
        assert_eq!(interpret(&key(k), false), Step::Fire(shortcut), "{k}");
    }
}

#[test]
fn g_then_a_letter_goes_to_a_view() {
    assert_eq!(interpret(&key("g"), false), Step::AwaitView);
    assert_eq!(
        interpret(&key("u"), true),
        Step::Fire(Shortcut::GoTo(View::Unassigned))
    );
    assert_eq!(
        interpret(&key("m"), true),
        Step::Fire(Shortcut::GoTo(View::AssignedToMe))
    );
    assert_eq!(
        interpret(&key("c"), true),
        Step::Fire(Shortcut::GoTo(View::Closed))
    );
    assert_eq!(
        interpret(&key("x"), true),
        Step::Pass,
        "unknown second key does nothing"
    );
}

#[test]
fn shortcuts_never_fire_while_typing_in_a_field() {
    for k in ["j", "r", "c", "e", "a", "g", "?"] {
        let press = KeyPress {
            in_field: true,
            ..key(k)
        };
        assert_eq!(interpret(&press, false), Step::Pass, "{k}");
        assert_eq!(
            interpret(&press, true),
            Step::Pass,
            "g chord in a field: {k}"
        );
    }
}

#[test]
fn ctrl_or_cmd_enter_sends_even_from_a_field() {
    for (ctrl, meta) in [(true, false), (false, true)] {
        let press = KeyPress {
            ctrl,
            meta,
            in_field: true,
            ..key("Enter")
        };
        assert_eq!(interpret(&press, false), Step::Fire(Shortcut::Send));
    }
    assert_eq!(
        interpret(&key("Enter"), false),
        Step::Pass,
        "a plain Enter stays Enter"
    );
}

#[test]
fn browser_and_system_chords_pass_through() {
    let ctrl_c = KeyPress {
        ctrl: true,
        ..key("c")
    };
    let alt_j = KeyPress {
        alt: true,
        ..key("j")
    };
    let named = key("ArrowDown");
    for press in [ctrl_c, alt_j, named] {
        assert_eq!(interpret(&press, false), Step::Pass, "{press:?}");
    }
}

#[test]
fn the_cheat_sheet_lists_every_key_once() {
    let sheet = cheat_sheet();
    let mut keys: Vec<&str> = sheet.iter().map(|(k, _)| k.as_str()).collect();
    keys.sort_unstable();
    let before = keys.len();
    keys.dedup();
    assert_eq!(keys.len(), before);
    for (k, shortcut) in &sheet {
        if let Some(letter) = k.strip_prefix("g ") {
            assert_eq!(interpret(&key(letter), true), Step::Fire(*shortcut));
        } else if k.len() == 1 {
            assert_eq!(interpret(&key(k), false), Step::Fire(*shortcut));
        }
    }
}

fn focused(tag: &str, input_type: &str, role: &str, editable: bool) -> Focused {
    Focused {
        tag: tag.into(),
        input_type: input_type.into(),
        role: role.into(),
        editable,
    }
}

#[test]
fn editable_rich_text_is_typing() {
    // The composer's message body (a contenteditable div with role textbox).
    assert!(typing_target(&focused("DIV", "", "textbox", true)));
    assert!(typing_target(&focused("div", "", "", true)));
}

#[test]
fn textareas_and_selects_are_typing() {
    assert!(typing_target(&focused("TEXTAREA", "", "", false)));
    // Letters choose an option in a select.
    assert!(typing_target(&focused("SELECT", "", "", false)));
}

#[test]
fn inputs_that_take_text_are_typing() {
    for kind in [
        "",
        "text",
        "TEXT",
        "email",
        "search",
        "url",
        "tel",
        "password",
        "number",
        "date",
        "week",
        "unknown-kind",
    ] {
        assert!(
            typing_target(&focused("INPUT", kind, "", false)),
            "{kind:?}"
        );
    }
}

#[test]
fn inputs_that_are_pressed_or_picked_are_not_typing() {
    for kind in [
        "button", "submit", "reset", "image", "checkbox", "radio", "range", "color", "file", "File",
    ] {
        assert!(
            !typing_target(&focused("INPUT", kind, "", false)),
            "{kind:?}"
        );
    }
}

#[test]
fn custom_widgets_with_a_typing_role_are_typing() {
    for role in [
        "textbox",
        "searchbox",
        "combobox",
        "spinbutton",
        " Combobox ",
    ] {
        assert!(typing_target(&focused("DIV", "", role, false)), "{role:?}");
    }
}

#[test]
fn buttons_links_rows_and_the_page_are_not_typing() {
    // As in Gmail, Front or Help Scout: on a focused button (Insert, Send, Attach files) a
    // single key is a shortcut again.
    let cases = [
        focused("BUTTON", "", "", false),
        focused("BUTTON", "", "menuitem", false),
        focused("A", "", "", false),
        focused("A", "", "row", false),
        focused("BODY", "", "", false),
        focused("SUMMARY", "", "", false),
    ];
    for case in cases {
        assert!(!typing_target(&case), "{case:?}");
    }
}

#[test]
fn a_key_on_a_focused_button_fires_its_shortcut() {
    let on_button = KeyPress {
        in_field: typing_target(&focused("BUTTON", "", "", false)),
        ..key("e")
    };
    assert_eq!(
        interpret(&on_button, false),
        Step::Fire(Shortcut::CloseConversation)
    );
    let in_body = KeyPress {
        in_field: typing_target(&focused("DIV", "", "textbox", true)),
        ..key("e")
    };
    assert_eq!(interpret(&in_body, false), Step::Pass);
}
