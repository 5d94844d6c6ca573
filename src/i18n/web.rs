//! The current language in the browser: chosen in **Settings › Profile** (remembered on this
//! device), else the browser's preferred language, else English.
//!
//! Texts are reactive: views call [`t`] / [`tf`] / [`tn`] inside a closure and re-render when
//! the language changes. English is compiled in; another language's catalogue is fetched from
//! `/locales/<code>.json` when chosen, and until it arrives (or if it cannot be fetched) the
//! interface stays in the language it had, with the error reported to the caller.
//!
//! Only the English texts of the first screen are in the main module (issue 2, `build.rs`); the
//! others are a lazily loaded chunk, loaded once the first screen is painted
//! ([`load_english_later`]) or as soon as a text of it is asked for. A text asked for before
//! it is there is empty for that moment, and when it arrives the page is rebuilt the way a
//! change of language rebuilds it, so it never stays missing; error toasts wait for it
//! ([`when_texts_loaded`]).

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
    // A text of the current catalogue was asked for before it was loaded (and shown empty).
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
/// When English is the current language, its later texts become current, and a page that
/// showed one of them empty is rebuilt.
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
    let current_is_partial = CATALOG.with(|c| {
        let mut c = c.borrow_mut();
        let partial = c.locale() == Locale::En && !c.is_complete();
        if partial {
            *c = english.clone();
        }
        partial
    });
    if MISSED.with(|m| m.replace(false)) && current_is_partial {
        locale_signal().notify();
    }
    english
}

/// Loads the English texts the first screen does not show, if English is the current language
/// (called once the first screen is painted; another language is complete already).
pub async fn load_english_later() {
    if !catalog().is_complete() {
        complete_english().await;
    }
}

/// Runs `show` once every text of the current language is loaded: at once, or when the later
/// English texts arrive (loading them now). For what is worded once and kept as text, such as
/// a toast.
pub fn when_texts_loaded(show: impl FnOnce() + 'static) {
    if catalog().is_complete() {
        show();
    } else {
        leptos::task::spawn_local(async move {
            load_english_later().await;
            show();
        });
    }
}

/// Notes that a text was asked for before it was loaded, and starts loading it.
fn missed() {
    if !MISSED.with(|m| m.replace(true)) {
        leptos::task::spawn_local(async {
            complete_english().await;
        });
    }
}

/// The current catalogue, noting a miss when it lacks `present` says.
fn catalog_for(present: impl FnOnce(&Catalog) -> bool) -> Rc<Catalog> {
    let catalog = catalog();
    if !present(&catalog) {
        missed();
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
    catalog_for(|c| c.has(key)).text(key, &[])
}

/// The text of `key` with its `{placeholders}` filled in (reactive).
pub fn tf(key: Key, args: &[(&str, &dyn Display)]) -> String {
    locale_signal().track();
    catalog_for(|c| c.has(key)).text(key, args)
}

/// A typed refusal's sentence in the current language (reactive).
pub fn tm(message: &super::messages::Message) -> String {
    locale_signal().track();
    catalog_for(|c| c.has_message(message)).message(message)
}

/// The plural form of `key` for `count`, with `{count}` written in the language's digits.
pub fn tn(key: Key, count: u64, args: &[(&str, &dyn Display)]) -> String {
    let locale = locale();
    catalog_for(|c| c.has(key)).plural(key, count, &number(locale, count as f64), args)
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
    // The new catalogue is complete: the rebuild below shows every text.
    MISSED.with(|m| m.set(false));
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
