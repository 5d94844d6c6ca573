//! The rules the translation catalogues must follow, shared by `build.rs` (which refuses to
//! build on any violation) and the native tests (which prove each rule is enforced).
//! Only `serde_json`; no other crate code, because `build.rs` includes this file by path.

use serde_json::{Map, Value};
use std::collections::BTreeSet;

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
