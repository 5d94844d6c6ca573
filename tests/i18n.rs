#![cfg(not(target_arch = "wasm32"))]
//! Translations: plural rules per language, language negotiation, interpolation, and the
//! shipped catalogues (every one loads, none is English in disguise).

mod common;
use common::shipped;
use switchboard::i18n::{
    interpolate, k, plural_category, Catalog, Locale, PluralCategory, KEY_NAMES,
};

#[test]
fn plural_categories_follow_cldr_for_whole_numbers() {
    use PluralCategory::*;
    let cases: &[(Locale, u64, PluralCategory)] = &[
        (Locale::En, 0, Other),
        (Locale::En, 1, One),
        (Locale::En, 2, Other),
        (Locale::Nl, 1, One),
        (Locale::Nl, 11, Other),
        (Locale::It, 1, One),
        (Locale::It, 5, Other),
        (Locale::It, 1_000_000, Many),
        (Locale::Ro, 0, Few),
        (Locale::Ro, 1, One),
        (Locale::Ro, 2, Few),
        (Locale::Ro, 19, Few),
        (Locale::Ro, 20, Other),
        (Locale::Ro, 101, Few),
        (Locale::Ro, 120, Other),
        (Locale::Pl, 0, Many),
        (Locale::Pl, 1, One),
        (Locale::Pl, 2, Few),
        (Locale::Pl, 4, Few),
        (Locale::Pl, 5, Many),
        (Locale::Pl, 12, Many),
        (Locale::Pl, 14, Many),
        (Locale::Pl, 21, Many),
        (Locale::Pl, 22, Few),
        (Locale::Pl, 112, Many),
        (Locale::Pl, 1002, Few),
    ];
    for &(locale, n, expected) in cases {
        assert_eq!(plural_category(locale, n), expected, "{locale:?} {n}");
    }
}

#[test]
fn the_browser_language_picks_the_first_supported_one() {
    assert_eq!(Locale::negotiate(["pl-PL", "en-US"]), Locale::Pl);
    assert_eq!(Locale::negotiate(["de-DE", "nl_BE", "en"]), Locale::Nl);
    assert_eq!(Locale::negotiate(["RO"]), Locale::Ro);
    assert_eq!(Locale::negotiate(["de", "fr"]), Locale::En);
    assert_eq!(Locale::negotiate([]), Locale::En);
}

#[test]
fn placeholders_are_filled_and_unknown_ones_stay_visible() {
    assert_eq!(interpolate("Hi {name}!", &[("name", &"Ana")]), "Hi Ana!");
    assert_eq!(interpolate("{a}{b}", &[("a", &1), ("b", &2)]), "12");
    assert_eq!(interpolate("Hi {who}", &[]), "Hi {who}");
    assert_eq!(interpolate("open { brace", &[]), "open { brace");
}

#[test]
fn every_shipped_catalogue_loads_and_english_matches_the_compiled_one() {
    for locale in Locale::ALL {
        let catalog = shipped(locale);
        assert_eq!(catalog.locale(), locale);
    }
    assert_eq!(
        shipped(Locale::En).text(k::NAV__SETTINGS, &[]),
        Catalog::english().text(k::NAV__SETTINGS, &[])
    );
}

#[test]
fn compiled_english_is_every_text_of_en_json() {
    // The compiled catalogue is packed into one string by build.rs; unpacked, it must be
    // exactly the shipped file: every key, plain and plural texts, absent forms absent.
    assert_eq!(Catalog::english(), shipped(Locale::En));
}

#[test]
fn plural_texts_pick_the_language_form() {
    let pl = shipped(Locale::Pl);
    assert_eq!(pl.plural(k::UNITS__CONVERSATIONS, 1, "1", &[]), "1 rozmowa");
    assert_eq!(pl.plural(k::UNITS__CONVERSATIONS, 3, "3", &[]), "3 rozmowy");
    assert_eq!(pl.plural(k::UNITS__CONVERSATIONS, 5, "5", &[]), "5 rozmów");
    let en = Catalog::english();
    assert_eq!(
        en.plural(k::UNITS__CONVERSATIONS, 1, "1", &[]),
        "1 conversation"
    );
    assert_eq!(
        en.plural(k::UNITS__CONVERSATIONS, 10_000, "10,000", &[]),
        "10,000 conversations"
    );
}

/// Counted texts of the views, one case per plural form a language needs.
#[test]
fn counted_view_texts_use_each_languages_forms() {
    let cases: &[(Locale, switchboard::i18n::Key, u64, &str)] = &[
        (Locale::En, k::TICKETS__COUNT, 3, "3 tickets"),
        (Locale::Pl, k::TICKETS__COUNT, 1, "1 bilet"),
        (Locale::Pl, k::TICKETS__COUNT, 3, "3 bilety"),
        (Locale::Pl, k::TICKETS__COUNT, 5, "5 biletów"),
        (Locale::Ro, k::TICKETS__COUNT, 2, "2 tichete"),
        (Locale::Ro, k::TICKETS__COUNT, 20, "20 de tichete"),
        (Locale::It, k::TICKET__DAYS_AGO, 1, "1 giorno fa"),
        (Locale::It, k::TICKET__DAYS_AGO, 3, "3 giorni fa"),
        (Locale::Nl, k::TICKET__DAYS_AGO, 1, "1 dag geleden"),
        (Locale::Pl, k::TICKET__DAYS_AGO, 22, "22 dni temu"),
    ];
    for &(locale, key, n, expected) in cases {
        let catalog = shipped(locale);
        assert_eq!(
            catalog.plural(key, n, &n.to_string(), &[]),
            expected,
            "{locale:?} {n}"
        );
    }
    let pl = shipped(Locale::Pl);
    assert_eq!(
        pl.plural(k::IMPORT__DONE, 5, "5", &[("added", &4)]),
        "Zaimportowano 4 z 5 plików."
    );
}

#[test]
fn a_damaged_download_is_refused_not_shown() {
    assert!(Catalog::from_json(Locale::Pl, "not json").is_err());
    assert!(Catalog::from_json(Locale::Pl, "{}").is_err());
}

/// Texts that are the same word in a language on purpose (product names, loan words that the
/// source documents themselves use untranslated).
const SAME_AS_ENGLISH: &[(&str, &str)] = &[
    ("ro", "nav.help_desk"),
    ("ro", "nav.inbox"),
    ("ro", "settings.nav.help_desk"),
    ("pl", "nav.help_desk"),
    ("pl", "settings.nav.help_desk"),
    ("it", "nav.help_desk"),
    ("it", "settings.nav.help_desk"),
    ("nl", "nav.inbox"),
    // The Dutch help desks the NL source document describes say "outbox" too.
    ("nl", "views.outbox"),
    // The Help Desk settings page is titled like its nav entry: the RO, PL and IT source
    // documents name the product area "help desk" untranslated.
    ("ro", "helpdesk.title"),
    ("pl", "helpdesk.title"),
    ("it", "helpdesk.title"),
    // "HTML" is the name of a format, the same in every language.
    ("ro", "signature.html"),
    ("pl", "signature.html"),
    ("it", "signature.html"),
    ("nl", "signature.html"),
    // The Inbox field of Move to inbox: "inbox" is the RO and NL documents' own word (as in
    // nav.inbox).
    ("ro", "thread.inbox"),
    ("nl", "thread.inbox"),
    // "Contact" is the Romanian and the Dutch word.
    ("ro", "ticket.contact"),
    ("nl", "ticket.contact"),
    // "Team(s)" is the Italian and Dutch word ("membri del team", "gebruikers en teams" in the
    // IT and NL documents).
    ("it", "thread.team"),
    ("nl", "thread.team"),
    ("nl", "common.teams"),
    // "Ticket(s)": the IT and NL documents' term for a ticket.
    ("it", "ticket.card"),
    ("nl", "ticket.card"),
    ("nl", "tickets.title"),
    ("nl", "tickets.count"),
    // "Status" and "open" are Dutch words too.
    ("nl", "common.status"),
    ("nl", "ticket.conv_open"),
    ("nl", "filters.open"),
    ("nl", "thread.status_open"),
    ("nl", "filters.group"),
    // Cc and Bcc are the header names mail programs show in RO, IT (Cc) and NL; "Link" is
    // the word of every language's editors.
    ("ro", "composer.cc"),
    ("ro", "composer.bcc"),
    ("it", "composer.cc"),
    ("nl", "composer.cc"),
    ("nl", "composer.bcc"),
    ("ro", "composer.link"),
    ("pl", "composer.link"),
    ("it", "composer.link"),
    ("nl", "composer.link"),
    // "Email" is the Romanian documents' word ("email de rezervă"); "Document" and "Video" are
    // Romanian and Dutch words; "Account" and "Password" are the Italian and Dutch words.
    ("ro", "message.email"),
    ("ro", "kinds.document"),
    ("nl", "kinds.document"),
    ("nl", "kinds.video"),
    ("it", "mailserver.account"),
    ("nl", "mailserver.account"),
    ("it", "mailserver.password"),
    // Layout only (a label and a title; a file name and its size in KB).
    ("ro", "mailserver.channel"),
    ("pl", "mailserver.channel"),
    ("it", "mailserver.channel"),
    ("nl", "mailserver.channel"),
    ("ro", "message.attachment"),
    ("pl", "message.attachment"),
    ("it", "message.attachment"),
    ("nl", "message.attachment"),
];

#[test]
fn no_english_leftovers_in_other_languages() {
    let english = Catalog::english();
    for locale in Locale::ALL.into_iter().skip(1) {
        let catalog = shipped(locale);
        let mut leftovers = Vec::new();
        for (i, name) in KEY_NAMES.iter().enumerate() {
            let key = switchboard::i18n::key_at(i);
            let same = catalog.plural(key, 7, "7", &[]) == english.plural(key, 7, "7", &[])
                && catalog.text(key, &[]) == english.text(key, &[]);
            if same && !SAME_AS_ENGLISH.contains(&(locale.code(), name)) {
                leftovers.push(*name);
            }
        }
        assert!(
            leftovers.is_empty(),
            "{}: untranslated {leftovers:?}",
            locale.code()
        );
    }
}

#[path = "../src/i18n/check.rs"]
#[allow(dead_code)]
mod check;

fn catalogue(json: &str) -> serde_json::Map<String, serde_json::Value> {
    match serde_json::from_str(json).expect("test JSON") {
        serde_json::Value::Object(map) => map,
        _ => panic!("test JSON must be an object"),
    }
}

/// Each rule that fails the build, one case each: (Polish catalogue, expected problem).
#[test]
fn the_build_refuses_inconsistent_catalogues() {
    let en = r#"{"a.hello": "Hello {name}", "a.files": {"one": "{count} file", "other": "{count} files"}}"#;
    let good_pl = r#"{"a.hello": "Cześć {name}", "a.files": {"one": "{count} plik", "few": "{count} pliki", "many": "{count} plików", "other": "{count} pliku"}}"#;
    let cases: &[(&str, &str)] = &[
        (
            r#"{"a.files": {"one": "{count} plik", "few": "{count} pliki", "many": "{count} plików", "other": "x {count}"}}"#,
            "missing key \"a.hello\"",
        ),
        (
            r#"{"a.hello": "Cześć", "a.files": {"one": "{count} plik", "few": "{count} pliki", "many": "{count} plików", "other": "{count}"}}"#,
            "uses placeholders",
        ),
        (
            r#"{"a.hello": "Cześć {name}", "a.files": {"one": "{count} plik", "other": "{count} pliku"}}"#,
            "needs the plural form \"few\"",
        ),
        (
            r#"{"a.hello": "Cześć {name}", "a.files": "{count} plików"}"#,
            "must be plural forms",
        ),
        (
            r#"{"a.hello": "  ", "a.files": {"one": "{count} plik", "few": "{count} pliki", "many": "{count} plików", "other": "{count} pliku"}}"#,
            "is empty",
        ),
        (
            r#"{"a.hello": "Cześć {name}", "a.extra": "x", "a.files": {"one": "{count} plik", "few": "{count} pliki", "many": "{count} plików", "other": "{count} pliku"}}"#,
            "is not in en.json",
        ),
    ];
    let ok = check::problems(&[("en", catalogue(en)), ("pl", catalogue(good_pl))]);
    assert!(ok.is_empty(), "{ok:?}");
    for (pl, expected) in cases {
        let problems = check::problems(&[("en", catalogue(en)), ("pl", catalogue(pl))]);
        assert!(
            problems
                .iter()
                .any(|p| p.starts_with("pl.json") && p.contains(expected)),
            "expected {expected:?} in {problems:?}"
        );
    }
    let bad_key = check::problems(&[("en", catalogue(r#"{"Bad Key": "x"}"#))]);
    assert!(
        bad_key.iter().any(|p| p.contains("lower-case")),
        "{bad_key:?}"
    );
}

/// The key whose generated constant is `name` (`VIEWS__UNASSIGNED`), if any.
fn key_by_const(name: &str) -> Option<switchboard::i18n::Key> {
    KEY_NAMES
        .iter()
        .position(|key| check::const_name(key) == name)
        .map(switchboard::i18n::key_at)
}

fn all_keys() -> impl Iterator<Item = switchboard::i18n::Key> {
    (0..KEY_NAMES.len()).map(switchboard::i18n::key_at)
}

#[test]
fn english_is_split_into_first_paint_and_later_texts_that_add_up_to_en_json() {
    // Issue 2: the main module holds only the first screen's English texts; the rest is a
    // lazily loaded chunk installed with the directory. Together they must be exactly en.json,
    // and the split must be real.
    let first_paint = Catalog::english_first_paint();
    assert!(!first_paint.is_complete(), "some texts are loaded later");
    let present = all_keys().filter(|key| first_paint.has(*key)).count();
    assert!(present > 0 && present < KEY_NAMES.len(), "{present}");
    let mut completed = first_paint.clone();
    completed.complete_english(switchboard::i18n::ENGLISH_LATER);
    assert!(completed.is_complete());
    assert_eq!(completed, shipped(Locale::En));
    assert_eq!(Catalog::english(), shipped(Locale::En));
}

#[test]
fn a_first_paint_source_never_names_a_later_key() {
    // Whatever can render before the directory (and with it the later texts) arrives must find
    // its texts in the main module. Scanned here independently of build.rs: every `k::NAME`
    // written in a first-paint source is a first-paint text.
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let files = check::first_paint_files(root).expect("every first-paint source exists");
    assert!(files.len() > 20, "{files:?}");
    let first_paint = Catalog::english_first_paint();
    let mut named = 0;
    for file in files {
        let text = std::fs::read_to_string(&file).expect("readable source");
        for (at, _) in text.match_indices("k::") {
            let name: String = text[at + 3..]
                .chars()
                .take_while(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || *c == '_')
                .collect();
            let Some(key) = key_by_const(&name) else {
                continue;
            };
            named += 1;
            assert!(
                first_paint.has(key),
                "{} names {} but its English text is loaded later",
                file.display(),
                key.name()
            );
        }
    }
    assert!(named > 100, "{named}");
}

#[test]
fn no_first_paint_source_uses_a_gated_ui_part() {
    // The gated `ui` files' texts load with the directory, so nothing that can render before
    // it may use them: no first-paint source names their module (`pub mod` lines aside).
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let files = check::first_paint_files(root).expect("every first-paint source exists");
    let modules: Vec<&str> = check::GATED_UNDER_FIRST_PAINT
        .iter()
        .map(|path| path.rsplit('/').next().unwrap().trim_end_matches(".rs"))
        .collect();
    assert_eq!(modules.len(), 6, "{modules:?}");
    for file in files {
        let text = std::fs::read_to_string(&file).expect("readable source");
        for line in text
            .lines()
            .filter(|l| !l.trim_start().starts_with("pub mod "))
        {
            for module in &modules {
                assert!(
                    !line.contains(module),
                    "{} uses {module}, whose texts load only with the directory: {line}",
                    file.display()
                );
            }
        }
    }
}

#[test]
fn what_the_first_screen_can_show_before_the_directory_is_first_paint() {
    // One case per part the brief lists as renderable before the directory gate.
    let first_paint = Catalog::english_first_paint();
    let cases = [
        ("app root: loading note", k::APP__LOADING),
        ("app root: boot failure page", k::APP__BOOT_FAILED),
        ("lazy parts: Loading note", k::UI__LOADING),
        ("account menu", k::ACCOUNT__MENU),
        ("account menu: Switch user", k::ACCOUNT__SWITCH_USER),
        ("account menu: Reset demo workspace", k::ACCOUNT__RESET),
        ("Reset demo workspace dialog", k::ACCOUNT__RESET_BODY),
        ("toasts: dismiss", k::UI__DISMISS_NOTIFICATION),
        ("toasts: Undo", k::UI__UNDO),
        ("Compose button", k::LIST__COMPOSE),
        ("Import .eml button", k::IMPORT__BUTTON),
        ("Sent list empty note", k::MAIL__NOTHING_SENT),
        ("Outbox list empty note", k::MAIL__OUTBOX_EMPTY),
        ("Drafts list empty note", k::MAIL__NO_DRAFTS),
        ("help desk tickets list", k::TICKETS__TITLE),
    ];
    for (rule, key) in cases {
        assert!(first_paint.has(key), "{rule}");
        assert_eq!(
            first_paint.text(key, &[]),
            Catalog::english().text(key, &[]),
            "{rule}"
        );
    }
    // Storage and app errors (a list's error note, the boot error page) and the "not found"
    // refusals a read returns are worded before the rest loads.
    for (i, name) in KEY_NAMES.iter().enumerate() {
        if ["storage.", "apperr.", "missing."]
            .iter()
            .any(|ns| name.starts_with(ns))
        {
            assert!(first_paint.has(switchboard::i18n::key_at(i)), "{name}");
        }
    }
}

#[test]
fn what_waits_for_the_directory_is_loaded_later() {
    // The split is worth its bytes only if the gated parts' texts leave the main module.
    let first_paint = Catalog::english_first_paint();
    let cases = [
        ("open conversation: actions", k::THREAD__ACTIONS),
        ("open conversation: assigned to", k::THREAD__ASSIGNED_TO),
    ];
    for (rule, key) in cases {
        assert!(!first_paint.has(key), "{rule}");
    }
}

#[test]
fn a_later_text_asked_for_too_early_is_empty_never_its_key() {
    // Impossible by construction (the tests above); if it happens anyway the catalogue must not
    // show a key name or a half-filled template (the web layer reports it and loads the rest).
    let first_paint = Catalog::english_first_paint();
    let later = all_keys()
        .find(|key| !first_paint.has(*key))
        .expect("a later text exists");
    assert_eq!(first_paint.text(later, &[]), "");
    assert_eq!(
        first_paint.text(later, &[("name", &"Ana"), ("count", &2)]),
        ""
    );
    assert_eq!(first_paint.plural(later, 2, "2", &[]), "");
    let message = switchboard::i18n::messages::Message {
        key: later,
        args: Vec::new(),
    };
    assert!(!first_paint.has_message(&message));
    assert_eq!(first_paint.message(&message), "");
    assert!(Catalog::english().has_message(&message));
}

#[test]
fn every_other_language_is_complete_as_fetched() {
    // Non-English catalogues are whole JSON files: nothing of theirs is loaded later.
    for locale in Locale::ALL {
        assert!(shipped(locale).is_complete(), "{}", locale.code());
    }
    assert!(Catalog::english().is_complete());
}
