//! The keyboard layer (issue 10): which key does what, as a pure function of one key press and
//! whether a `g` is waiting for its second key.
//!
//! It never touches the page: `features::shortcuts` reads key events, asks [`interpret`], and
//! carries the answer out by clicking the same accessible button a mouse user would. Rules:
//! single keys never fire while the focus is in a text field (typing stays typing), but do on
//! a focused button, link or row (as in Gmail, Front or Help Scout: after Tab out of the
//! composer body to **Insert** or **Send**, `e` still closes); which focused elements count as
//! text fields is [`typing_target`]. **Send** (Ctrl/Cmd+Enter) is the one shortcut meant for use
//! inside a field.

use super::views::View;

/// Something a shortcut does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shortcut {
    NextConversation,
    PreviousConversation,
    OpenConversation,
    Reply,
    Compose,
    CloseConversation,
    AssignToMe,
    GoTo(View),
    Send,
    ShowHelp,
}

/// One key press as the browser reports it (`KeyboardEvent.key` and modifiers), plus whether
/// the focus is in a text field ([`typing_target`]).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct KeyPress {
    pub key: String,
    pub ctrl: bool,
    pub meta: bool,
    pub alt: bool,
    pub in_field: bool,
}

/// The focused element, as far as shortcuts care (read by the shell from
/// `document.activeElement`).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Focused {
    /// The tag name, any case (`"INPUT"`, `"button"`).
    pub tag: String,
    /// The `type` attribute of an `<input>` (empty when absent).
    pub input_type: String,
    /// The ARIA `role` attribute (empty when absent).
    pub role: String,
    /// The element is editable rich text (`contenteditable`, e.g. the message body).
    pub editable: bool,
}

/// Input types that are pressed or picked rather than typed into: a letter does nothing there,
/// so the letter is free for a shortcut.
const PRESSED_INPUTS: [&str; 9] = [
    "button", "submit", "reset", "image", "checkbox", "radio", "range", "color", "file",
];

/// ARIA roles of custom widgets that take typed letters.
const TYPED_ROLES: [&str; 4] = ["textbox", "searchbox", "combobox", "spinbutton"];

/// Whether typing goes into `focused`, so single-key shortcuts must stay quiet: editable
/// rich text, a textarea, a select (letters choose an option), an `<input>` that takes text
/// (any type not pressed or picked, including unknown types, which browsers treat as text),
/// or a custom widget with a typing role. Buttons, links, rows, menu items and the page itself
/// are not: there a single key is a shortcut.
pub fn typing_target(focused: &Focused) -> bool {
    if focused.editable {
        return true;
    }
    let role = focused.role.trim().to_ascii_lowercase();
    if TYPED_ROLES.contains(&role.as_str()) {
        return true;
    }
    match focused.tag.to_ascii_lowercase().as_str() {
        "textarea" | "select" => true,
        "input" => {
            let kind = focused.input_type.trim().to_ascii_lowercase();
            !PRESSED_INPUTS.contains(&kind.as_str())
        }
        _ => false,
    }
}

/// What to do with a key press.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// Run the shortcut (and keep the key from doing anything else).
    Fire(Shortcut),
    /// `g` was pressed: the next key chooses a view.
    AwaitView,
    /// Not a shortcut here: let the key through untouched.
    Pass,
}

/// The view each `g` + key goes to.
pub const GO_TO_KEYS: [(char, View); 8] = [
    ('u', View::Unassigned),
    ('m', View::AssignedToMe),
    ('a', View::AllOpen),
    ('c', View::Closed),
    ('s', View::Sent),
    ('o', View::Outbox),
    ('t', View::Trash),
    ('d', View::Drafts),
];

/// Interprets one key press. `after_g` is true when the previous press was a lone `g`.
pub fn interpret(press: &KeyPress, after_g: bool) -> Step {
    let command = press.ctrl || press.meta;
    if command && !press.alt && press.key == "Enter" {
        return Step::Fire(Shortcut::Send);
    }
    if press.in_field || command || press.alt {
        return Step::Pass;
    }
    let mut chars = press.key.chars();
    let (Some(c), None) = (chars.next(), chars.next()) else {
        return Step::Pass;
    };
    if after_g {
        return GO_TO_KEYS
            .iter()
            .find(|(k, _)| *k == c)
            .map_or(Step::Pass, |(_, view)| Step::Fire(Shortcut::GoTo(*view)));
    }
    match c {
        'j' => Step::Fire(Shortcut::NextConversation),
        'k' => Step::Fire(Shortcut::PreviousConversation),
        'o' => Step::Fire(Shortcut::OpenConversation),
        'r' => Step::Fire(Shortcut::Reply),
        'c' => Step::Fire(Shortcut::Compose),
        'e' => Step::Fire(Shortcut::CloseConversation),
        'a' => Step::Fire(Shortcut::AssignToMe),
        '?' => Step::Fire(Shortcut::ShowHelp),
        'g' => Step::AwaitView,
        _ => Step::Pass,
    }
}

/// The keys of every shortcut as the cheat sheet lists them (`g` chords last).
pub fn cheat_sheet() -> Vec<(String, Shortcut)> {
    let mut rows: Vec<(String, Shortcut)> = [
        ("j", Shortcut::NextConversation),
        ("k", Shortcut::PreviousConversation),
        ("o", Shortcut::OpenConversation),
        ("r", Shortcut::Reply),
        ("c", Shortcut::Compose),
        ("e", Shortcut::CloseConversation),
        ("a", Shortcut::AssignToMe),
        ("Ctrl+Enter", Shortcut::Send),
        ("?", Shortcut::ShowHelp),
    ]
    .into_iter()
    .map(|(k, s)| (k.to_string(), s))
    .collect();
    rows.extend(
        GO_TO_KEYS
            .iter()
            .map(|(k, v)| (format!("g {k}"), Shortcut::GoTo(*v))),
    );
    rows
}
