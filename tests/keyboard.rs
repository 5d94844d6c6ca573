#![cfg(not(target_arch = "wasm32"))]
//! The keyboard layer's rules (issue 10), one case per rule.

use switchboard::domain::keyboard::{cheat_sheet, interpret, KeyPress, Shortcut, Step};
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
