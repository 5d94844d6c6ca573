//! The composer's rich-text body (SPEC §5 formatting, §8 sanitising): [`sanitize_body`] keeps
//! only the few harmless tags the editor produces (bold, italic, underline, links, line and
//! paragraph breaks, lists) and drops everything else — scripts, styles, event handlers,
//! `javascript:` links, images with remote sources. Used before a stored body is put back into
//! the editor and before it is sent.
//!
//! Pure and forgiving: any input gives some safe output, nothing panics. It is not a general
//! HTML parser and must not be used to display received mail (that goes in a sandboxed frame).

use super::signature::escape_html;

const KEPT: &[&str] = &[
    "b",
    "strong",
    "i",
    "em",
    "u",
    "br",
    "p",
    "div",
    "span",
    "a",
    "ul",
    "ol",
    "li",
    "blockquote",
];
/// Elements whose whole content is dropped, not only their tags.
const DROPPED_WITH_CONTENT: &[&str] = &["script", "style", "iframe", "object", "embed", "template"];

/// A link target that can be kept: web and mail links only.
pub fn safe_href(href: &str) -> Option<String> {
    let trimmed = href.trim();
    let lower = trimmed.to_ascii_lowercase();
    let allowed = ["http://", "https://", "mailto:"]
        .iter()
        .any(|scheme| lower.starts_with(scheme));
    let clean = !trimmed
        .chars()
        .any(|c| c.is_control() || c == '"' || c == '<' || c == '>');
    (allowed && clean).then(|| trimmed.to_owned())
}

fn attribute<'a>(attrs: &'a str, name: &str) -> Option<&'a str> {
    let lower = attrs.to_ascii_lowercase();
    let mut from = 0;
    while let Some(pos) = lower[from..].find(name) {
        let start = from + pos;
        let before_ok = start == 0 || lower.as_bytes()[start - 1].is_ascii_whitespace();
        let rest = attrs[start + name.len()..].trim_start();
        if before_ok {
            if let Some(value) = rest.strip_prefix('=') {
                let value = value.trim_start();
                return match value.chars().next() {
                    Some(q @ ('"' | '\'')) => value[1..].split(q).next(),
                    _ => value.split_whitespace().next(),
                };
            }
        }
        from = start + name.len();
    }
    None
}

/// The body with only harmless markup left.
pub fn sanitize_body(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    let mut skipping: Option<String> = None;
    while let Some(lt) = rest.find('<') {
        if skipping.is_none() {
            out.push_str(&rest[..lt]);
        }
        let after = &rest[lt + 1..];
        let Some(gt) = after.find('>') else {
            // An unclosed "<": keep it as text.
            if skipping.is_none() {
                out.push_str(&escape_html(&rest[lt..]));
            }
            return out;
        };
        let inner = &after[..gt];
        rest = &after[gt + 1..];
        if inner.starts_with('!') || inner.starts_with('?') {
            continue;
        }
        let closing = inner.starts_with('/');
        let body = inner.trim_start_matches('/');
        let name: String = body
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        if let Some(skip) = &skipping {
            if closing && &name == skip {
                skipping = None;
            }
            continue;
        }
        if DROPPED_WITH_CONTENT.contains(&name.as_str()) {
            if !closing && !body.trim_end().ends_with('/') {
                skipping = Some(name);
            }
            continue;
        }
        if !KEPT.contains(&name.as_str()) {
            continue;
        }
        if closing {
            out.push_str(&format!("</{name}>"));
        } else if name == "a" {
            match attribute(&body[1..], "href").and_then(safe_href) {
                Some(href) => out.push_str(&format!("<a href=\"{}\">", escape_html(&href))),
                None => out.push_str("<a>"),
            }
        } else {
            out.push_str(&format!("<{name}>"));
        }
    }
    if skipping.is_none() {
        out.push_str(rest);
    }
    out
}
