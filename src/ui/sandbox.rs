//! Showing and editing user-written HTML safely (SPEC §8): the document put into an
//! `<iframe sandbox="" srcdoc>` (no scripts, a CSP that blocks every remote load), and an
//! allow-list cleaner for HTML that must live in the app's own DOM (a contenteditable editor),
//! where an `onerror` handler would otherwise run.
//!
//! It must not decide what a signature or message says; it only makes HTML inert.

use wasm_bindgen::{JsCast, JsValue};

/// The CSP of every sandboxed frame: nothing remote, inline styles and data: images only.
pub const FRAME_CSP: &str = "default-src 'none'; img-src data:; style-src 'unsafe-inline'";

/// A complete document for `srcdoc`, with the CSP and `extra_head` (e.g. a `<style>`).
pub fn sandboxed_document(html: &str, extra_head: &str) -> String {
    format!(
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><meta \
         http-equiv=\"Content-Security-Policy\" content=\"{FRAME_CSP}\"><base \
         target=\"_blank\">{extra_head}</head><body>{html}</body></html>"
    )
}

/// Elements removed with everything inside them.
const DROP: &[&str] = &[
    "script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "form", "input",
    "button", "textarea", "select", "option", "link", "meta", "base", "svg", "math", "template",
    "noscript", "audio", "video", "source", "track", "canvas", "head", "title",
];

/// Elements kept (with only the attributes of [`allowed_attribute`]); any other element is
/// replaced by its children.
const KEEP: &[&str] = &[
    "a",
    "b",
    "strong",
    "i",
    "em",
    "u",
    "s",
    "br",
    "p",
    "div",
    "span",
    "img",
    "ul",
    "ol",
    "li",
    "blockquote",
    "h1",
    "h2",
    "h3",
    "h4",
    "hr",
    "small",
    "sub",
    "sup",
    "font",
    "table",
    "tbody",
    "thead",
    "tr",
    "td",
    "th",
];

fn allowed_attribute(tag: &str, name: &str, value: &str) -> bool {
    let url = value.trim().to_ascii_lowercase();
    match (tag, name) {
        ("a", "href") => {
            url.starts_with("https://") || url.starts_with("http://") || url.starts_with("mailto:")
        }
        ("img", "src") => url.starts_with("https://") || url.starts_with("data:image/"),
        ("img", "alt" | "width" | "height") | (_, "title") => true,
        ("font", "color" | "size" | "face") => true,
        ("td" | "th", "colspan" | "rowspan") => true,
        _ => false,
    }
}

/// `html` with every script, event handler, `javascript:` URL and unknown element removed.
/// Parsing happens in an inert document (DOMParser), so nothing in `html` runs while cleaning.
/// On any failure of the browser APIs the text is returned escaped, never raw.
pub fn sanitize_html(html: &str) -> String {
    clean(html).unwrap_or_else(|| crate::domain::signature::escape_html(html))
}

fn clean(html: &str) -> Option<String> {
    let global = js_sys::global();
    let ctor: js_sys::Function = js_sys::Reflect::get(&global, &"DOMParser".into())
        .ok()?
        .dyn_into()
        .ok()?;
    let parser = js_sys::Reflect::construct(&ctor, &js_sys::Array::new()).ok()?;
    let parse: js_sys::Function = js_sys::Reflect::get(&parser, &"parseFromString".into())
        .ok()?
        .dyn_into()
        .ok()?;
    let doc: web_sys::Document = parse
        .call2(
            &parser,
            &JsValue::from_str(&format!("<body>{html}</body>")),
            &JsValue::from_str("text/html"),
        )
        .ok()?
        .dyn_into()
        .ok()?;
    let body = doc.body()?;
    let all = body.query_selector_all("*").ok()?;
    // A static list in document order; removed subtrees are skipped by `is_connected`.
    for i in 0..all.length() {
        let Some(el) = all
            .item(i)
            .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
        else {
            continue;
        };
        if !el.is_connected() {
            continue;
        }
        let tag = el.tag_name().to_ascii_lowercase();
        if DROP.contains(&tag.as_str()) {
            el.remove();
            continue;
        }
        let names = el.get_attribute_names();
        for name in names.iter().filter_map(|n| n.as_string()) {
            let value = el.get_attribute(&name).unwrap_or_default();
            if !allowed_attribute(&tag, &name.to_ascii_lowercase(), &value) {
                let _ = el.remove_attribute(&name);
            }
        }
        if !KEEP.contains(&tag.as_str()) {
            unwrap_element(&el);
        }
    }
    Some(body.inner_html())
}

/// Replaces `el` by its children.
fn unwrap_element(el: &web_sys::Element) {
    let Some(parent) = el.parent_node() else {
        return;
    };
    while let Some(child) = el.first_child() {
        if parent.insert_before(&child, Some(el)).is_err() {
            break;
        }
    }
    el.remove();
}
