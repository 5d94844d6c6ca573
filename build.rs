//! Compiles the translation catalogues in `public/locales/*.json` into checked keys.
//!
//! Every locale must have exactly the keys of `en.json`, with the same shape (plain text or
//! plural forms) and the same `{placeholders}`; plural keys must carry the CLDR forms their
//! language needs. Any difference fails the build with the file and key named, so a missing
//! translation can never reach a user. The generated file holds the key constants (`k::…`) and
//! the English texts (the default and the fallback); the other languages stay JSON files that
//! the app fetches when a rep picks them, so they cost nothing in the initial download.
//!
//! English itself comes in two parts (issue 2, ARCHITECTURE.md "Bundle size"): the texts the
//! first screen can show before the whole directory is read (`check::FIRST_PAINT_SOURCES`,
//! `check::FIRST_PAINT_NAMESPACES`) are compiled into the main module; the others (settings,
//! a ticket, a contact, the open conversation, the composer, refusals) are a second packed
//! string that only a lazily loaded function reads, so the code splitter puts it in its own
//! wasm chunk, installed together with the whole directory.
//!
//! It also links the wasm app binary with `--emit-relocs`: `wasm-split-cli`
//! (scripts/post-build.mjs) needs the relocations to cut the module into lazily loaded chunks
//! (issue 2, ARCHITECTURE.md "Bundle size"). Set here rather than in RUSTFLAGS so that no
//! dependency is rebuilt for it and the host build and the wasm tests are unaffected.

#[path = "src/i18n/check.rs"]
mod check;

use serde_json::{Map, Value};
use std::fmt::Write as _;
use std::path::Path;

fn main() {
    if std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32") {
        println!("cargo:rustc-link-arg-bins=--emit-relocs");
    }
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=public/locales");
    println!("cargo:rerun-if-changed=src/i18n/check.rs");
    for source in check::FIRST_PAINT_SOURCES {
        // A folder: a file added to it changes the rule.
        println!("cargo:rerun-if-changed={source}");
    }
    let mut catalogues = Vec::new();
    for (code, _) in check::LOCALES {
        let path = format!("public/locales/{code}.json");
        println!("cargo:rerun-if-changed={path}");
        let text = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| fail(&format!("cannot read {path}: {e}")));
        let value: Value = serde_json::from_str(&text)
            .unwrap_or_else(|e| fail(&format!("{path} is not valid JSON: {e}")));
        let Value::Object(map) = value else {
            fail(&format!("{path} must be one JSON object of key → text"));
        };
        catalogues.push((code, map));
    }
    let errors = check::problems(&catalogues);
    if !errors.is_empty() {
        fail(&errors.join("\n"));
    }
    let out =
        Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("i18n_keys.rs");
    let first_paint = first_paint_keys(&catalogues[0].1);
    std::fs::write(out, generate(&catalogues[0].1, &first_paint))
        .unwrap_or_else(|e| fail(&e.to_string()));
}

/// Whether each key (in key order) is compiled into the main module, by the rule of
/// [`check::first_paint_keys`] over the sources [`check::FIRST_PAINT_SOURCES`] lists. Any other
/// key's English text is installed with the whole directory (`services::boot::load_directory`),
/// before anything that shows it can render.
fn first_paint_keys(english: &Map<String, Value>) -> Vec<bool> {
    let files = check::first_paint_files(Path::new(".")).unwrap_or_else(|e| fail(&e));
    let sources: Vec<String> = files
        .iter()
        .map(|file| {
            println!("cargo:rerun-if-changed={}", file.display());
            std::fs::read_to_string(file)
                .unwrap_or_else(|e| fail(&format!("cannot read {}: {e}", file.display())))
        })
        .collect();
    check::first_paint_keys(english, &sources)
}

const PACKING_DOC: &str = "Each text is ended by U+0000; a plural text is its forms one, few, \
                           many and other, each ended by U+0001 (an absent form is empty).";

/// Packs the English texts of the keys `wanted` says, in key order, as [`PACKING_DOC`] says;
/// a key not wanted is written as `skipped` (U+0002 in the first-paint part, nothing in the
/// rest). The separators cannot occur in a text (refused here), and a plural form is never
/// empty, so the packing reads back exactly.
fn english_packed(english: &Map<String, Value>, wanted: &[bool], skipped: &str) -> String {
    let mut packed = String::new();
    let push = |packed: &mut String, text: &str, key: &str| {
        if text.contains(['\u{0}', '\u{1}', '\u{2}']) {
            fail(&format!(
                "en.json: \"{key}\" contains a control character U+0000, U+0001 or U+0002"
            ));
        }
        packed.push_str(text);
    };
    for ((key, text), wanted) in english.iter().zip(wanted) {
        if !wanted {
            packed.push_str(skipped);
            continue;
        }
        match text {
            Value::String(s) => push(&mut packed, s, key),
            Value::Object(map) => {
                for form in ["one", "few", "many", "other"] {
                    let text = map.get(form).and_then(Value::as_str).unwrap_or_default();
                    if text.is_empty() && (form == "other" || map.contains_key(form)) {
                        fail(&format!(
                            "en.json: \"{key}\" has an empty plural form {form}"
                        ));
                    }
                    push(&mut packed, text, key);
                    packed.push('\u{1}');
                }
            }
            _ => unreachable!("checked by check::problems"),
        }
        packed.push('\u{0}');
    }
    packed
}

fn fail(message: &str) -> ! {
    eprintln!("translation catalogue error:\n{message}");
    panic!("translation catalogues are inconsistent (see above)");
}

fn const_name(key: &str) -> String {
    check::const_name(key)
}

fn generate(english: &Map<String, Value>, first_paint: &[bool]) -> String {
    let mut code = String::from("// Generated by build.rs from public/locales/en.json.\n");
    let _ = writeln!(
        code,
        "/// Number of translation keys.\npub const KEY_COUNT: usize = {};",
        english.len()
    );
    code.push_str("/// Every translation key; a misspelt key does not compile.\n");
    code.push_str("#[allow(missing_docs)]\npub mod k {\n    use super::Key;\n");
    for (i, key) in english.keys().enumerate() {
        let _ = writeln!(code, "    pub const {}: Key = Key({i});", const_name(key));
    }
    code.push_str(
        "}\n/// The JSON name of each key, by index.\npub const KEY_NAMES: [&str; KEY_COUNT] = [\n",
    );
    for key in english.keys() {
        let _ = writeln!(code, "    {key:?},");
    }
    // One string instead of a table of `&str`s (issue 2): a table costs 32 bytes of pointers
    // and padding per key in the initial download, the separators one byte.
    code.push_str("];\n");
    let later: Vec<bool> = first_paint.iter().map(|first| !first).collect();
    let _ = writeln!(
        code,
        "/// The English texts the first screen can show, in key order; a key loaded later is \
         one U+0002. {PACKING_DOC}"
    );
    let _ = writeln!(
        code,
        "pub static ENGLISH_FIRST_PAINT: &str = {:?};",
        english_packed(english, first_paint, "\u{2}")
    );
    let _ = writeln!(
        code,
        "/// The other English texts, in key order (the keys [`ENGLISH_FIRST_PAINT`] skips). \
         {PACKING_DOC}"
    );
    let _ = writeln!(
        code,
        "pub static ENGLISH_LATER: &str = {:?};",
        english_packed(english, &later, "")
    );
    code
}
