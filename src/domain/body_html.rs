//! The allow-list sanitiser for user-written HTML (SPEC §5 formatting, §8 sanitising).
//! [`sanitize_body`] keeps only the few harmless tags the composer produces (bold, italic,
//! underline, links, line and paragraph breaks, lists) and drops everything else — scripts,
//! styles, event handlers, `javascript:` links, images. [`sanitize_rich`] is the same machine
//! with the signature/template allow-list (also images with `https:` or `data:image/` sources,
//! `<font>`, simple tables, headings): used before a signature or template is stored and again
//! before it is sent.
//!
//! Safe by construction: the output contains only tags this module writes itself, with
//! attribute values it validated and HTML-escaped; text between tags never contains `<`.
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

/// Tags of signatures and templates besides [`KEPT`].
const RICH_EXTRA: &[&str] = &[
    "img", "s", "small", "sub", "sup", "font", "hr", "h1", "h2", "h3", "h4", "table", "tbody",
    "thead", "tr", "td", "th",
];

/// Which tags and attributes one sanitiser keeps.
struct Policy {
    rich: bool,
}

impl Policy {
    fn keeps(&self, tag: &str) -> bool {
        // Bodies keep images too (SPEC §5: the composer inserts them), but only with a safe
        // source: an `<img>` without one is dropped, see `sanitize`.
        KEPT.contains(&tag) || tag == "img" || (self.rich && RICH_EXTRA.contains(&tag))
    }

    /// The attributes of `tag` to write, each validated; names are fixed strings.
    fn attributes(&self, tag: &str, attrs: &str) -> Vec<(&'static str, String)> {
        let mut out = Vec::new();
        let mut take = |name: &'static str, check: fn(&str) -> Option<String>| {
            if let Some(value) = attribute(attrs, name).and_then(check) {
                out.push((name, value));
            }
        };
        match tag {
            "a" => take("href", safe_href),
            "img" if self.rich => {
                take("src", safe_image_src);
                take("alt", plain_value);
                take("width", number_value);
                take("height", number_value);
            }
            "img" => {
                take("src", safe_image_src);
                take("alt", plain_value);
            }
            "font" if self.rich => {
                take("color", plain_value);
                take("size", number_value);
                take("face", plain_value);
            }
            "td" | "th" if self.rich => {
                take("colspan", number_value);
                take("rowspan", number_value);
            }
            _ => {}
        }
        out
    }
}

/// An image source a signature may use: a web image or an inline raster image.
pub fn safe_image_src(src: &str) -> Option<String> {
    let lower = src.trim().to_ascii_lowercase();
    let allowed = [
        "https://",
        "http://",
        "data:image/png",
        "data:image/gif",
        "data:image/jpeg",
    ]
    .iter()
    .any(|scheme| lower.starts_with(scheme));
    let clean = !src
        .chars()
        .any(|c| c.is_control() || c == '"' || c == '<' || c == '>');
    (allowed && clean).then(|| src.trim().to_owned())
}

fn plain_value(value: &str) -> Option<String> {
    let lower = value.to_ascii_lowercase();
    let harmless = !value.chars().any(char::is_control)
        && !lower.contains("javascript:")
        && !lower.contains("expression(")
        && value.chars().count() <= 200;
    harmless.then(|| value.to_owned())
}

fn number_value(value: &str) -> Option<String> {
    let v = value.trim();
    (!v.is_empty()
        && v.len() <= 6
        && v.chars()
            .all(|c| c.is_ascii_digit() || c == '%' || c == '+'))
    .then(|| v.to_owned())
}

/// The body with only harmless markup left.
pub fn sanitize_body(html: &str) -> String {
    sanitize(html, &Policy { rich: false })
}

/// A signature or template with only harmless markup left (see the module doc).
pub fn sanitize_rich(html: &str) -> String {
    sanitize(html, &Policy { rich: true })
}

fn sanitize(html: &str, policy: &Policy) -> String {
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
        if !policy.keeps(&name) {
            continue;
        }
        if closing {
            out.push_str(&format!("</{name}>"));
        } else {
            let attributes = policy.attributes(&name, &body[name.len()..]);
            if name == "img" && !policy.rich && !attributes.iter().any(|(a, _)| *a == "src") {
                continue;
            }
            out.push('<');
            out.push_str(&name);
            for (attr, value) in attributes {
                out.push_str(&format!(" {attr}=\"{}\"", escape_html(&value)));
            }
            if name == "a" && policy.rich {
                // Links in a sent or previewed signature open a new tab without an opener.
                out.push_str(" target=\"_blank\" rel=\"noopener noreferrer\"");
            }
            out.push('>');
        }
    }
    if skipping.is_none() {
        out.push_str(rest);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rich_sanitiser_keeps_signature_markup_and_drops_the_rest() {
        let cases = [
            (
                "logo image kept",
                "<img src=\"https://cdn.example/logo.png\" alt=\"Logo\" width=\"80\">",
                "<img src=\"https://cdn.example/logo.png\" alt=\"Logo\" width=\"80\">",
            ),
            (
                "onerror dropped",
                "<img src=x onerror=alert(1)>",
                "<img>",
            ),
            (
                "javascript image dropped",
                "<img src=\"javascript:alert(1)\">",
                "<img>",
            ),
            (
                "font kept with colour",
                "<font color=\"#333\" onclick=\"x()\">Hi</font>",
                "<font color=\"#333\">Hi</font>",
            ),
            (
                "links open a new tab",
                "<a href=\"https://northwind.example\">Site</a>",
                "<a href=\"https://northwind.example\" target=\"_blank\" rel=\"noopener noreferrer\">Site</a>",
            ),
            (
                "javascript link neutralised",
                "<a href=\"JaVaScRiPt:alert(1)\">x</a>",
                "<a target=\"_blank\" rel=\"noopener noreferrer\">x</a>",
            ),
            (
                "script dropped with content",
                "a<script>alert(1)</script>b",
                "ab",
            ),
            ("svg is not kept", "<svg onload=alert(1)><p>x</p></svg>", "<p>x</p>"),
            (
                "quotes in a value are escaped",
                "<img alt='a\"onerror=alert(1)'>",
                "<img alt=\"a&quot;onerror=alert(1)\">",
            ),
            ("table kept", "<table><tr><td colspan=2>x</td></tr></table>", "<table><tr><td colspan=\"2\">x</td></tr></table>"),
        ];
        for (rule, input, want) in cases {
            assert_eq!(sanitize_rich(input), want, "{rule}");
        }
    }

    #[test]
    fn body_sanitiser_keeps_only_web_images() {
        let cases = [
            (
                "<img src=\"https://x.example/a.png\" width=\"9\">x",
                "<img src=\"https://x.example/a.png\">x",
            ),
            (
                "<img src=\"data:image/png;base64,AAAA\">x",
                "<img src=\"data:image/png;base64,AAAA\">x",
            ),
            ("<img src=\"javascript:alert(1)\">x", "x"),
            ("<img>x", "x"),
        ];
        for (input, want) in cases {
            assert_eq!(sanitize_body(input), want, "{input}");
        }
    }
}
