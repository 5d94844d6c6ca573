//! The rules the translation catalogues must follow, shared by `build.rs` (which refuses to
//! build on any violation) and the native tests (which prove each rule is enforced).
//! Only `serde_json`; no other crate code, because `build.rs` includes this file by path.

use serde_json::{Map, Value};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// Locale codes and the plural forms their language needs (CLDR cardinal rules, integers).
pub const LOCALES: [(&str, &[&str]); 5] = [
    ("en", &["one", "other"]),
    ("ro", &["one", "few", "other"]),
    ("pl", &["one", "few", "many", "other"]),
    ("it", &["one", "many", "other"]),
    ("nl", &["one", "other"]),
];
const PLURAL_FORMS: [&str; 4] = ["one", "few", "many", "other"];

/// Every violation of the catalogue rules, as "<file>: <problem>" lines; empty when the
/// catalogues agree. `catalogues` is in `LOCALES` order, English first.
pub fn problems(catalogues: &[(&str, Map<String, Value>)]) -> Vec<String> {
    let mut errors = Vec::new();
    let Some((_, english)) = catalogues.first() else {
        return vec!["no catalogues".to_string()];
    };
    for (key, text) in english {
        check_key_name(key, &mut errors);
        check_shape("en", key, text, &["one", "other"], &mut errors);
    }
    for (code, map) in catalogues.iter().skip(1) {
        let forms = LOCALES
            .iter()
            .find(|(c, _)| c == code)
            .map(|(_, f)| *f)
            .unwrap_or(&["one", "other"]);
        for (key, en_text) in english {
            match map.get(key) {
                None => errors.push(format!("{code}.json: missing key \"{key}\"")),
                Some(text) => {
                    if text.is_object() != en_text.is_object() {
                        errors.push(format!(
                            "{code}.json: \"{key}\" must be {} like in English",
                            if en_text.is_object() {
                                "plural forms"
                            } else {
                                "plain text"
                            }
                        ));
                        continue;
                    }
                    check_shape(code, key, text, forms, &mut errors);
                    if placeholders(text) != placeholders(en_text) {
                        errors.push(format!(
                            "{code}.json: \"{key}\" uses placeholders {:?}, English uses {:?}",
                            placeholders(text),
                            placeholders(en_text)
                        ));
                    }
                }
            }
        }
        for key in map.keys().filter(|k| !english.contains_key(*k)) {
            errors.push(format!("{code}.json: key \"{key}\" is not in en.json"));
        }
    }
    errors
}

fn check_key_name(key: &str, errors: &mut Vec<String>) {
    let ok = !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '.' || c == '_')
        && key.starts_with(|c: char| c.is_ascii_lowercase());
    if !ok {
        errors.push(format!(
            "en.json: key \"{key}\" must be lower-case words joined by . or _"
        ));
    }
}

fn check_shape(code: &str, key: &str, text: &Value, forms: &[&str], errors: &mut Vec<String>) {
    match text {
        Value::String(s) if s.trim().is_empty() => {
            errors.push(format!("{code}.json: \"{key}\" is empty"))
        }
        Value::String(_) => {}
        Value::Object(map) => {
            for form in forms {
                if !matches!(map.get(*form), Some(Value::String(s)) if !s.trim().is_empty()) {
                    errors.push(format!(
                        "{code}.json: \"{key}\" needs the plural form \"{form}\""
                    ));
                }
            }
            for name in map.keys() {
                if !PLURAL_FORMS.contains(&name.as_str()) {
                    errors.push(format!(
                        "{code}.json: \"{key}\" has an unknown form \"{name}\""
                    ));
                }
            }
        }
        _ => errors.push(format!(
            "{code}.json: \"{key}\" must be text or plural forms"
        )),
    }
}

/// The `{name}` placeholders of a text (all forms together for plurals).
pub fn placeholders(text: &Value) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let mut scan = |s: &str| {
        let mut rest = s;
        while let Some(start) = rest.find('{') {
            let after = &rest[start + 1..];
            match after.find('}') {
                Some(end) => {
                    found.insert(after[..end].to_string());
                    rest = &after[end + 1..];
                }
                None => break,
            }
        }
    };
    match text {
        Value::String(s) => scan(s),
        Value::Object(map) => map.values().filter_map(Value::as_str).for_each(&mut scan),
        _ => {}
    }
    found
}

/// The sources of everything the first screen can show before the whole directory is read
/// (issue 2: the English texts of other keys are a lazily loaded chunk, installed before
/// `AppCtx::directory` is set, see `services::boot::load_directory`). A file or a whole
/// folder, relative to the crate root. Whatever renders only behind the directory gate
/// (`NeedsDirectory`, `until_directory`: settings, a ticket, a contact, the open
/// conversation, the Compose dialog's composer) is not listed; whatever renders before it
/// is: the app root and its boot error page, the top bar with the account menu (**Switch
/// user**, **Reset demo workspace**), the keyboard layer, the shared `ui` widgets (toasts,
/// labels), the inbox / help desk workspaces with their after-paint parts (**Compose** and
/// **Import .eml** buttons, search results, Sent / Outbox / Drafts lists, view counts, empty
/// notes), the help desk tickets and contacts lists (lazy routes without the gate), and the
/// services those parts run before the gate (list actions, mail poll, outbox retry, import).
pub const FIRST_PAINT_SOURCES: &[&str] = &[
    "src/features/app.rs",
    "src/features/after_paint.rs",
    "src/features/lazy_pages.rs",
    "src/features/shell",
    "src/features/shortcuts",
    "src/features/inbox/mod.rs",
    "src/features/inbox/workspace.rs",
    "src/features/inbox/views_nav.rs",
    "src/features/inbox/list_filters.rs",
    "src/features/inbox/conversation_list.rs",
    "src/features/inbox/conversation_row.rs",
    "src/features/inbox/virtual_list.rs",
    "src/features/inbox/tickets_list.rs",
    "src/features/inbox/import_button.rs",
    "src/features/inbox/lazy_parts.rs",
    "src/features/inbox/lazy_thread.rs",
    "src/features/inbox/mail_lists.rs",
    "src/features/inbox/outbox_retry.rs",
    "src/features/inbox/search_results.rs",
    "src/features/composer/launcher.rs",
    // The Drafts list's Discard button (and its confirmation) renders before the gate.
    "src/features/composer/discard.rs",
    "src/features/contacts/contacts_page.rs",
    "src/ui",
    "src/services/actions.rs",
    "src/services/import.rs",
    "src/services/jmap.rs",
    "src/services/send.rs",
];

/// Files inside a [`FIRST_PAINT_SOURCES`] folder that only parts behind the directory gate
/// use: the rich editors' shared pieces (the signature and template editor, the **Insert
/// link** / **Insert image** dialog and its selection handling), reached only from settings
/// and the composer. Their texts load with the directory. A first-paint source must never
/// name one of these modules (tests/i18n.rs checks it).
pub const GATED_UNDER_FIRST_PAINT: &[&str] = &[
    "src/ui/address_ask.rs",
    "src/ui/address_dialog.rs",
    "src/ui/editor_insert.rs",
    "src/ui/editor_selection.rs",
    "src/ui/rich_editor.rs",
    "src/ui/rich_editor_input.rs",
];

/// Namespaces (a key's part before its first dot) first-paint as a whole: the storage and app
/// errors and the "not found" refusals that a list, the boot error page or a read's error note
/// words through `i18n::errors`, which words every other refusal too and so is not a
/// first-paint source itself. Error toasts wait for every text (`AppCtx::toast_error`).
pub const FIRST_PAINT_NAMESPACES: &[&str] = &["storage", "apperr", "missing"];

/// The generated constant of a key: `views.unassigned` → `VIEWS__UNASSIGNED`.
pub fn const_name(key: &str) -> String {
    key.replace('.', "__").to_ascii_uppercase()
}

/// Every `.rs` file of [`FIRST_PAINT_SOURCES`] under `root` (the crate root), sorted, except
/// [`GATED_UNDER_FIRST_PAINT`]; a listed path of either list that does not exist is an error
/// (a renamed file must not silently leave the rule).
pub fn first_paint_files(root: &Path) -> Result<Vec<PathBuf>, String> {
    fn walk(path: &Path, out: &mut Vec<PathBuf>) -> Result<(), String> {
        if path.is_dir() {
            let entries =
                std::fs::read_dir(path).map_err(|e| format!("{}: {e}", path.display()))?;
            let mut paths: Vec<PathBuf> =
                entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
            paths.sort();
            for entry in paths {
                walk(&entry, out)?;
            }
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path.to_path_buf());
        } else if !path.exists() {
            return Err(format!(
                "first-paint source {} does not exist",
                path.display()
            ));
        }
        Ok(())
    }
    let mut files = Vec::new();
    for source in FIRST_PAINT_SOURCES {
        walk(&root.join(source), &mut files)?;
    }
    let mut gated = Vec::new();
    for source in GATED_UNDER_FIRST_PAINT {
        let path = root.join(source);
        if !path.is_file() {
            return Err(format!("gated source {} does not exist", path.display()));
        }
        gated.push(path);
    }
    files.retain(|file| !gated.contains(file));
    Ok(files)
}

/// Whether each key of `english` (in key order) is compiled into the main module: its
/// constant is a word of one of the first-paint `sources` (their texts), or it is in a
/// [`FIRST_PAINT_NAMESPACES`] namespace. Naming a key anywhere in such a source, a comment
/// included, keeps it first-paint: erring that way costs bytes, never a missing text.
pub fn first_paint_keys(english: &Map<String, Value>, sources: &[String]) -> Vec<bool> {
    let mut named = BTreeSet::new();
    for text in sources {
        for word in text.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_')) {
            named.insert(word);
        }
    }
    english
        .keys()
        .map(|key| {
            let namespace = key.split('.').next().unwrap_or_default();
            FIRST_PAINT_NAMESPACES.contains(&namespace) || named.contains(const_name(key).as_str())
        })
        .collect()
}
