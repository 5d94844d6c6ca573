//! Saving a file the app holds (an Outbox message as `.eml`, a message's attachment): a Blob
//! URL clicked through a temporary `<a download>`, so the browser saves it under its name and
//! never shows it in the app's origin (an HTML attachment must not run as the app's page).

use wasm_bindgen::JsCast;

/// Offers `blob` as a download named `file_name`.
pub fn save_blob(file_name: &str, blob: &web_sys::Blob) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(blob) else {
        return;
    };
    if let Ok(a) = document
        .create_element("a")
        .map(|el| el.unchecked_into::<web_sys::HtmlAnchorElement>())
    {
        a.set_href(&url);
        a.set_download(file_name);
        a.click();
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

/// Offers the text `raw` as a download named `file_name`, typed `mime`.
pub fn save_text(file_name: &str, raw: &str, mime: &str) {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(raw));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    if let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) {
        save_blob(file_name, &blob);
    }
}
