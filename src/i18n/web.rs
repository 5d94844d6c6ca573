//! The current language in the browser: chosen in **Settings › Profile** (remembered on this
//! device), else the browser's preferred language, else English.
//!
//! Texts are reactive: views call [`t`] / [`tf`] / [`tn`] inside a closure and re-render when
//! the language changes. English is compiled in; another language's catalogue is fetched from
//! `/locales/<code>.json` when chosen, and until it arrives (or if it cannot be fetched) the
//! interface stays in the language it had, with the error reported to the caller.

use super::{Catalog, Key, Locale};
use leptos::prelude::*;
use std::cell::RefCell;
use std::fmt::Display;
use std::rc::Rc;

const STORAGE_KEY: &str = "switchboard.locale";

thread_local! {
    static CATALOG: RefCell<Rc<Catalog>> = RefCell::new(Rc::new(Catalog::english()));
    // Created on first use, outside any owner, so it lives as long as the page.
    static LOCALE: ArcRwSignal<Locale> = ArcRwSignal::new(Locale::En);
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
    catalog().text(key, &[])
}

/// The text of `key` with its `{placeholders}` filled in (reactive).
pub fn tf(key: Key, args: &[(&str, &dyn Display)]) -> String {
    locale_signal().track();
    catalog().text(key, args)
}

/// A typed refusal's sentence in the current language (reactive).
pub fn tm(message: &super::messages::Message) -> String {
    locale_signal().track();
    catalog().message(message)
}

/// The plural form of `key` for `count`, with `{count}` written in the language's digits.
pub fn tn(key: Key, count: u64, args: &[(&str, &dyn Display)]) -> String {
    let locale = locale();
    catalog().plural(key, count, &number(locale, count as f64), args)
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
        Catalog::english()
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
        Catalog::from_json(locale, &body)?
    };
    CATALOG.with(|c| *c.borrow_mut() = Rc::new(next));
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
