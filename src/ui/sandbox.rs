//! Showing and editing untrusted HTML safely (SPEC §8): the documents put into an
//! `<iframe sandbox srcdoc>` (no scripts, a CSP that blocks every remote load unless the rep
//! allowed images), and two DOM cleaners: [`sanitize_html`] for HTML that lives in the app's own
//! DOM (a contenteditable editor, where an `onerror` handler would otherwise run), and
//! [`clean_received`] for received mail, which keeps the sender's layout but drops everything
//! active and reports whether the message asks for remote content. Both run the pure
//! allow-list of `domain::body_html` first, so no event handler reaches a DOM parser here;
//! [`editable_html`] is what a live rich editor may hold (remote images parked).
//!
//! It must not decide what a signature or message says, nor store anything; it only makes HTML
//! inert. Parsing always happens in an inert document (DOMParser): nothing runs while cleaning.

use wasm_bindgen::{JsCast, JsValue};

/// The CSP of every sandboxed frame: nothing remote, inline styles and data: images only.
pub const FRAME_CSP: &str = "default-src 'none'; img-src data:; style-src 'unsafe-inline'";

/// The CSP once the rep chose **Show images**: remote images only. Remote CSS, fonts, frames,
/// media and every script stay blocked.
pub const FRAME_CSP_IMAGES: &str =
    "default-src 'none'; img-src data: https: http:; style-src 'unsafe-inline'";

/// The `sandbox` tokens of every mail or preview frame. Popups let links open in a new tab
/// (and escape the sandbox there, so the linked site works normally); there is deliberately no
/// `allow-scripts`, `allow-same-origin`, `allow-forms` or `allow-top-navigation`.
pub const FRAME_SANDBOX: &str = "allow-popups allow-popups-to-escape-sandbox";

/// A complete document for `srcdoc`, with the strict CSP and `extra_head` (e.g. a `<style>`).
pub fn sandboxed_document(html: &str, extra_head: &str) -> String {
    document_with_csp(html, extra_head, FRAME_CSP)
}

/// The document of the signature **Preview**: remote images parked behind a local placeholder
/// (`domain::body_html::park_remote_images`: no request, not even a refused one) unless the
/// designer chose to show them; then only `img-src` is relaxed, as for received mail.
pub fn preview_document(html: &str, extra_head: &str, show_images: bool) -> String {
    if show_images {
        document_with_csp(html, extra_head, FRAME_CSP_IMAGES)
    } else {
        let parked = crate::domain::body_html::park_remote_images(html);
        document_with_csp(&parked, extra_head, FRAME_CSP)
    }
}

/// The document of a received HTML body; `images_allowed` relaxes only `img-src`.
pub fn received_document(cleaned: &str, images_allowed: bool) -> String {
    let csp = if images_allowed {
        FRAME_CSP_IMAGES
    } else {
        FRAME_CSP
    };
    document_with_csp(cleaned, "", csp)
}

fn document_with_csp(html: &str, extra_head: &str, csp: &str) -> String {
    // The CSP meta comes first in <head>, before anything of the message can be parsed. The
    // <base> sets only the target: a base URL would break the app's inherited `base-uri 'self'`
    // (srcdoc frames inherit the page's policy), and relative URLs are removed by the cleaner.
    format!(
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><meta \
         http-equiv=\"Content-Security-Policy\" content=\"{csp}\"><meta name=\"referrer\" \
         content=\"no-referrer\"><base target=\"_blank\">{extra_head}</head><body>{html}</body>\
         </html>"
    )
}

/// Elements removed with everything inside them.
const DROP: &[&str] = &[
    "script",
    "style",
    "iframe",
    "frame",
    "frameset",
    "object",
    "embed",
    "applet",
    "form",
    "input",
    "button",
    "textarea",
    "select",
    "option",
    "link",
    "meta",
    "base",
    "svg",
    "math",
    "template",
    "noscript",
    "audio",
    "video",
    "source",
    "track",
    "canvas",
    "head",
    "title",
    "portal",
    "dialog",
    "xmp",
    "plaintext",
    "noembed",
    "noframes",
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

/// The scheme of a link that may be followed: web and mail links only.
fn safe_link(value: &str) -> bool {
    crate::domain::body_html::safe_href(value).is_some()
}

fn image_source(value: &str) -> bool {
    let url = value.trim().to_ascii_lowercase();
    url.starts_with("https://")
        || url.starts_with("http://")
        || url.starts_with("data:image/png")
        || url.starts_with("data:image/gif")
        || url.starts_with("data:image/jpeg")
        || url.starts_with("data:image/webp")
}

fn allowed_attribute(tag: &str, name: &str, value: &str) -> bool {
    match (tag, name) {
        ("a", "href") => safe_link(value),
        ("img", "src") => image_source(value),
        ("img", "alt" | "width" | "height") | (_, "title") => true,
        ("font", "color" | "size" | "face") => true,
        ("td" | "th", "colspan" | "rowspan") => true,
        _ => false,
    }
}

/// Layout attributes of received mail. URLs are allowed only where a remote image may be
/// (the frame's CSP decides whether it loads); `style` is kept because CSS cannot run script
/// and every `url()` in it is subject to the same CSP.
fn allowed_received_attribute(tag: &str, name: &str, value: &str) -> bool {
    match name {
        "href" => tag == "a" && safe_link(value),
        "src" => tag == "img" && image_source(value),
        "srcset" => tag == "img" && !value.to_ascii_lowercase().contains("script:"),
        "background" => image_source(value),
        "style" | "class" | "align" | "valign" | "bgcolor" | "color" | "width" | "height"
        | "border" | "cellpadding" | "cellspacing" | "colspan" | "rowspan" | "alt" | "title"
        | "face" | "size" | "dir" | "lang" | "span" | "start" | "type" | "nowrap" => {
            !value.to_ascii_lowercase().contains("javascript:")
                && !value.to_ascii_lowercase().contains("expression(")
        }
        _ => false,
    }
}

/// `html` with every script, event handler, `javascript:` URL and unknown element removed;
/// links open in a new tab without an opener or referrer.
/// On any failure of the browser APIs the text is returned escaped, never raw.
pub fn sanitize_html(html: &str) -> String {
    // The pure allow-list goes first: markup with event-handler attributes never reaches a DOM
    // parser, where Chromium would report each one as a CSP violation even in an inert document.
    let html = crate::domain::body_html::sanitize_rich(html);
    let cleaned = parse(&format!("<body>{html}</body>"))
        .and_then(|doc| clean_body(&doc, &Mode::Editor).map(|(html, _)| html));
    cleaned.unwrap_or_else(|| crate::domain::signature::escape_html(&html))
}

/// HTML for a live rich editor (a contenteditable in the app's own DOM): made inert by
/// [`sanitize_html`], then every remote image parked behind a local placeholder
/// (`domain::body_html::park_remote_images`), so putting it into the page makes no request
/// although the app's CSP allows remote images (see ARCHITECTURE.md, hostile input).
pub fn editable_html(html: &str) -> String {
    crate::domain::body_html::park_remote_images(&sanitize_html(html))
}

/// A received HTML body made inert for its frame.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReceivedHtml {
    /// Styles of the message followed by its body content.
    pub html: String,
    /// The message asks for remote images, CSS or fonts (tracking pixels included).
    pub has_remote: bool,
}

/// Received mail made inert: scripts, frames, forms, event handlers and dangerous links
/// removed, its `<style>` blocks kept, links opening in a new tab. Unless `keep_remote`, every
/// remote image, background, `url()` and `@import` is taken out as well, so a blocked message
/// does not even attempt a load (the frame's CSP would refuse it anyway). On any failure of
/// the browser APIs the text is returned escaped, never raw.
pub fn clean_received(html: &str, keep_remote: bool) -> ReceivedHtml {
    // The pure allow-list goes first, as in `sanitize_html`: no event-handler attribute of the
    // message ever reaches a DOM parser in the app document, where Chromium would report each
    // one as a CSP violation (nothing runs there, but the report is noise an attacker controls).
    let html = &crate::domain::body_html::sanitize_received(html);
    let cleaned = parse(html).and_then(|doc| {
        let mut css = String::new();
        let mut has_remote = false;
        let styles = doc.query_selector_all("style").ok()?;
        for i in 0..styles.length() {
            if let Some(node) = styles.item(i) {
                let text = node.text_content().unwrap_or_default();
                has_remote |= css_is_remote(&text);
                if keep_remote {
                    css.push_str(&text);
                } else {
                    css.push_str(&neutralise_css(&text));
                }
                css.push('\n');
            }
        }
        let (body, remote_in_body) = clean_body(&doc, &Mode::Received { keep_remote })?;
        // `<` has no meaning in CSS outside strings; escaping it keeps `</style>` out.
        let css = css.replace('<', "\\3c ");
        let styles = if css.trim().is_empty() {
            String::new()
        } else {
            format!("<style>{css}</style>")
        };
        Some(ReceivedHtml {
            html: format!("{styles}{body}"),
            has_remote: has_remote || remote_in_body,
        })
    });
    cleaned.unwrap_or_else(|| ReceivedHtml {
        html: crate::domain::signature::escape_html(html),
        has_remote: false,
    })
}

/// CSS that would load something from the network.
fn css_is_remote(css: &str) -> bool {
    let lower = css.to_ascii_lowercase();
    if lower.contains("@import") {
        return true;
    }
    lower.split("url(").skip(1).any(url_target_is_remote)
}

/// Whether the text right after a `url(` names something to fetch (not data: or a fragment).
fn url_target_is_remote(after: &str) -> bool {
    let target = after
        .trim_start()
        .trim_start_matches(['"', '\''])
        .trim_start();
    !target.starts_with("data:") && !target.starts_with('#')
}

/// `css` with every remote `url(` and `@import` made invalid, so the CSS parser drops those
/// declarations and rules instead of loading anything. ASCII lower-casing keeps byte offsets.
fn neutralise_css(css: &str) -> String {
    let lower = css.to_ascii_lowercase();
    let mut out = String::with_capacity(css.len() + 16);
    let mut i = 0;
    while i < css.len() {
        let rest = &lower[i..];
        if rest.starts_with("@import") {
            out.push_str("@blocked-import");
            i += "@import".len();
        } else if rest.starts_with("url(") && url_target_is_remote(&rest["url(".len()..]) {
            out.push_str("blocked-url(");
            i += "url(".len();
        } else {
            let c = css[i..].chars().next().unwrap_or(' ');
            out.push(c);
            i += c.len_utf8();
        }
    }
    out
}

fn is_remote_url(value: &str) -> bool {
    let url = value.trim().to_ascii_lowercase();
    url.starts_with("http:") || url.starts_with("https:") || url.starts_with("//")
}

enum Mode {
    Editor,
    Received { keep_remote: bool },
}

fn parse(html: &str) -> Option<web_sys::Document> {
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
    parse
        .call2(
            &parser,
            &JsValue::from_str(html),
            &JsValue::from_str("text/html"),
        )
        .ok()?
        .dyn_into()
        .ok()
}

/// Cleans the body of `doc` in place; returns its HTML and whether a kept element refers to
/// remote content.
fn clean_body(doc: &web_sys::Document, mode: &Mode) -> Option<(String, bool)> {
    let body = doc.body()?;
    let all = body.query_selector_all("*").ok()?;
    let mut has_remote = false;
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
            let lower = name.to_ascii_lowercase();
            let keep = match mode {
                Mode::Editor => allowed_attribute(&tag, &lower, &value),
                Mode::Received { .. } => allowed_received_attribute(&tag, &lower, &value),
            };
            if !keep {
                let _ = el.remove_attribute(&name);
            } else if let Mode::Received { keep_remote } = mode {
                let remote = match lower.as_str() {
                    "src" | "background" => is_remote_url(&value),
                    "srcset" => value.split(',').any(is_remote_url),
                    "style" => css_is_remote(&value),
                    _ => false,
                };
                has_remote |= remote;
                if remote && !keep_remote {
                    if lower == "style" {
                        let _ = el.set_attribute(&name, &neutralise_css(&value));
                    } else {
                        let _ = el.remove_attribute(&name);
                    }
                }
            }
        }
        let kept = KEEP.contains(&tag.as_str())
            || (matches!(mode, Mode::Received { .. })
                && crate::domain::body_html::RECEIVED_EXTRA.contains(&tag.as_str()));
        if !kept {
            unwrap_element(&el);
        } else if tag == "a" {
            // Every link opens in a new tab that cannot reach back into the app.
            let _ = el.set_attribute("target", "_blank");
            let _ = el.set_attribute("rel", "noopener noreferrer");
        }
    }
    Some((body.inner_html(), has_remote))
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
