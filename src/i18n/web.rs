//! The current language in the browser: chosen in **Settings › Profile** (remembered on this
//! device), else the browser's preferred language, else English.
//!
//! Texts are reactive: views call [`t`] / [`tf`] / [`tn`] inside a closure and re-render when
//! the language changes. English is compiled in; another language's catalogue is fetched from
//! `/locales/<code>.json` when chosen, and until it arrives (or if it cannot be fetched) the
//! interface stays in the language it had, with the error reported to the caller.
//!
//! Only the English texts of what can show before the whole directory is read are in the main
//! module (issue 2, `build.rs`); the others are a lazily loaded chunk that
//! `services::boot::load_directory` installs ([`until_texts`]) before the directory is set, so
//! every part that waits for the directory (`NeedsDirectory`, `until_directory`) finds them.
//! Nothing is ever rebuilt when they arrive: a text already shown is first-paint. A later text
//! asked for too early cannot happen by construction (`check::FIRST_PAINT_SOURCES`); if it
//! does, it is empty (never its key), starts the load, and is reported on the console (by name
//! in debug builds, by number in release), which fails the end-to-end tests.

use super::{Catalog, Key, Locale};
use leptos::prelude::*;
use std::cell::{Cell, RefCell};
use std::fmt::Display;
use std::rc::Rc;

const STORAGE_KEY: &str = "switchboard.locale";

thread_local! {
    static CATALOG: RefCell<Rc<Catalog>> = RefCell::new(Rc::new(Catalog::english_first_paint()));
    // Created on first use, outside any owner, so it lives as long as the page.
    static LOCALE: ArcRwSignal<Locale> = ArcRwSignal::new(Locale::En);
    // Complete English, once its later texts are loaded.
    static ENGLISH: RefCell<Option<Rc<Catalog>>> = const { RefCell::new(None) };
    // Whether a too-early text already started the load of the rest.
    static MISSED: Cell<bool> = const { Cell::new(false) };
}

// Split only in the app build (feature `split`, set by index.html): a test binary cannot link a
// lazy function. Only this function names `ENGLISH_LATER`, so the splitter moves the string
// into this function's chunk.
#[cfg_attr(feature = "split", lazy)]
async fn english_later() -> &'static str {
    super::ENGLISH_LATER
}

/// Complete English: the compiled-in texts plus the later ones (loaded on the first call).
/// When English is the current language, the complete catalogue becomes current; nothing is
/// re-rendered (what is on screen reads first-paint texts only).
async fn complete_english() -> Rc<Catalog> {
    if let Some(english) = ENGLISH.with(|e| e.borrow().clone()) {
        return english;
    }
    let later = english_later().await;
    // Another caller may have finished while this one waited for the same chunk.
    if let Some(english) = ENGLISH.with(|e| e.borrow().clone()) {
        return english;
    }
    let mut english = Catalog::english_first_paint();
    english.complete_english(later);
    let english = Rc::new(english);
    ENGLISH.with(|e| *e.borrow_mut() = Some(english.clone()));
    CATALOG.with(|c| {
        let mut c = c.borrow_mut();
        if c.locale() == Locale::En && !c.is_complete() {
            *c = english.clone();
        }
    });
    english
}

/// Whether every text of the current language is there (another language's catalogue always
/// is; English once [`until_texts`] has resolved).
pub fn texts_complete() -> bool {
    catalog().is_complete()
}

/// Resolves once every text of the current language is there, loading the later English texts
/// if they are not (`services::boot::load_directory` joins it with the directory's read).
pub async fn until_texts() {
    if !texts_complete() {
        complete_english().await;
    }
}

/// A text the current catalogue lacks was asked for: a first-paint source failed to name it
/// or a part rendered before the directory gate. Safe (the text is empty, never its key) and
/// starts the load; reported on the console (by name in debug builds, by number in release).
// The key's name only in debug builds: naming keys would put every key's name (about 20 KB,
// read otherwise only when another language is fetched) in the main module.
#[cold]
fn missed(key: Key) {
    #[cfg(debug_assertions)]
    web_sys::console::error_1(
        &format!(
            "i18n: the English text \"{}\" was asked for before the later texts were loaded \
             (name it in a first-paint source, or wait for the directory)",
            key.name()
        )
        .into(),
    );
    // In a release build by its number (the names stay out of the main module): the e2e suite,
    // which runs the release build and fails on a console error, still catches a miss.
    #[cfg(not(debug_assertions))]
    web_sys::console::error_1(
        &format!(
            "i18n: English text #{} was asked for before the later texts were loaded",
            key.0
        )
        .into(),
    );
    if !MISSED.with(|m| m.replace(true)) {
        leptos::task::spawn_local(async {
            complete_english().await;
        });
    }
}

/// The current catalogue, noting a miss when it lacks `key`.
fn catalog_with(key: Key) -> Rc<Catalog> {
    let catalog = catalog();
    if !catalog.has(key) {
        missed(key);
    }
    catalog
}

fn locale_signal() -> ArcRwSignal<Locale> {
    LOCALE.with(Clone::clone)
}

fn catalog() -> Rc<Catalog> {
    CATALOG.with(|c| c.borrow().clone())
}

/// The current language (reactive).
pub fn locale() -> Locale {
    locale_signal().get()
}

/// The text of `key` in the current language (reactive).
pub fn t(key: Key) -> String {
    locale_signal().track();
    catalog_with(key).text(key, &[])
}

/// The text of `key` with its `{placeholders}` filled in (reactive).
pub fn tf(key: Key, args: &[(&str, &dyn Display)]) -> String {
    locale_signal().track();
    catalog_with(key).text(key, args)
}

/// A typed refusal's sentence in the current language (reactive).
pub fn tm(message: &super::messages::Message) -> String {
    locale_signal().track();
    let catalog = catalog();
    if !catalog.has_message(message) {
        missed(message.key);
    }
    catalog.message(message)
}

/// The plural form of `key` for `count`, with `{count}` written in the language's digits.
pub fn tn(key: Key, count: u64, args: &[(&str, &dyn Display)]) -> String {
    let locale = locale();
    catalog_with(key).plural(key, count, &number(locale, count as f64), args)
}

/// A number written the way the language writes it (`10,000` / `10 000` / `10.000`).
pub fn number(locale: Locale, n: f64) -> String {
    // Below 1,000 an integer reads the same in all five languages (Latin digits, no grouping);
    // list rows format many such counts, so they skip the Intl call.
    if n.fract() == 0.0 && n.abs() < 1000.0 {
        return (n as i64).to_string();
    }
    format_with(&NUMBER_FORMAT, locale, &js_sys::Number::from(n), || {
        js_sys::Intl::NumberFormat::new(&locales(locale), &js_sys::Object::new()).format()
    })
}

/// A date and time written the way the language writes them (medium date, short time).
pub fn date_time(ms: i64) -> String {
    let locale = locale();
    let date = js_sys::Date::new(&(ms as f64).into());
    format_with(&DATE_TIME_FORMAT, locale, &date, || {
        let options = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&options, &"dateStyle".into(), &"medium".into());
        let _ = js_sys::Reflect::set(&options, &"timeStyle".into(), &"short".into());
        js_sys::Intl::DateTimeFormat::new(&locales(locale), &options).format()
    })
}

// Creating an Intl formatter costs about as much as a few hundred uses of one
// (`toLocaleString` creates one per call): one per kind is kept for the current language.
type FormatCache = RefCell<Option<(Locale, js_sys::Function)>>;
thread_local! {
    static NUMBER_FORMAT: FormatCache = const { RefCell::new(None) };
    static DATE_TIME_FORMAT: FormatCache = const { RefCell::new(None) };
}

fn locales(locale: Locale) -> js_sys::Array {
    js_sys::Array::of1(&locale.code().into())
}

fn format_with(
    cache: &'static std::thread::LocalKey<FormatCache>,
    locale: Locale,
    value: &wasm_bindgen::JsValue,
    create: impl FnOnce() -> js_sys::Function,
) -> String {
    let format = cache.with(|c| {
        let mut c = c.borrow_mut();
        match c.as_ref() {
            Some((cached, format)) if *cached == locale => format.clone(),
            _ => {
                let format = create();
                *c = Some((locale, format.clone()));
                format
            }
        }
    });
    format
        .call1(&wasm_bindgen::JsValue::UNDEFINED, value)
        .ok()
        .and_then(|text| text.as_string())
        .unwrap_or_default()
}

/// The language the app starts in: the one remembered on this device, else the browser's.
pub fn initial_locale() -> Locale {
    let remembered = web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .and_then(|s| s.get_item(STORAGE_KEY).ok().flatten())
        .and_then(|code| Locale::from_code(&code));
    remembered.unwrap_or_else(|| {
        let languages: Vec<String> = web_sys::window()
            .map(|w| {
                w.navigator()
                    .languages()
                    .iter()
                    .filter_map(|v| v.as_string())
                    .collect()
            })
            .unwrap_or_default();
        Locale::negotiate(languages.iter().map(String::as_str))
    })
}

/// Why a language could not be switched to.
#[derive(Debug, thiserror::Error)]
pub enum SwitchError {
    #[error("the {0} translation could not be downloaded: {1}")]
    Network(&'static str, String),
    #[error(transparent)]
    Catalog(#[from] super::CatalogError),
}

/// Switches the interface to `locale` (fetching its catalogue first) and, when `remember`,
/// keeps the choice on this device. On error nothing changes.
pub async fn set_locale(locale: Locale, remember: bool) -> Result<(), SwitchError> {
    let next = if locale == Locale::En {
        complete_english().await
    } else {
        let url = format!("/locales/{}.json", locale.code());
        let response = gloo_net::http::Request::get(&url)
            .send()
            .await
            .map_err(|e| SwitchError::Network(locale.native_name(), e.to_string()))?;
        if !response.ok() {
            return Err(SwitchError::Network(
                locale.native_name(),
                format!("HTTP {}", response.status()),
            ));
        }
        let body = response
            .text()
            .await
            .map_err(|e| SwitchError::Network(locale.native_name(), e.to_string()))?;
        Rc::new(Catalog::from_json(locale, &body)?)
    };
    CATALOG.with(|c| *c.borrow_mut() = next);
    if remember {
        if let Some(storage) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
            let _ = storage.set_item(STORAGE_KEY, locale.code());
        }
    }
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.set_attribute("lang", locale.code());
    }
    locale_signal().set(locale);
    Ok(())
}
