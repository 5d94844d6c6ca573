//! The allow-list sanitiser for HTML (SPEC §5 formatting, §8 sanitising), one tokenizer with
//! four policies:
//! - [`sanitize_body`] keeps only the few harmless tags the composer produces (bold, italic,
//!   underline, links, line and paragraph breaks, lists, web images);
//! - [`sanitize_rich`] is the signature/template allow-list (also images with `https:` or
//!   `data:image/` sources, `<font>`, simple tables, headings): used before a signature or
//!   template is stored and again before it is sent;
//! - [`park_remote_images`] / [`restore_remote_images`] are `sanitize_rich` for the live rich
//!   editor: a remote image's address moves to a `data-sb-src` attribute behind a local
//!   placeholder while it sits in the app's DOM (so editing hostile HTML makes no request),
//!   and comes back on the way out; `restore(park(x)) == x` for sanitised `x`;
//! - [`sanitize_received`] is the first pass over received mail: it keeps the sender's layout
//!   (styles, tables, layout attributes) but no active element and no event-handler attribute,
//!   so what reaches a DOM parser in the app document (`ui::sandbox::clean_received`) never
//!   makes the browser report a CSP violation.
//!
//! Safe by construction: the output contains only tags this module writes itself, with fixed
//! attribute names and values it decoded, validated and HTML-escaped; text between tags never
//! contains `<` (and the `<style>` text of received mail neither). The input's own ambiguities
//! (unclosed quotes, comments) can only change which harmless markup is kept.
//!
//! Pure and forgiving: any input gives some safe output, nothing panics. It is not a general
//! HTML parser: received mail is still shown only in a sandboxed frame.

use super::signature::escape_html;

/// The attribute that holds a remote image's address while the image is in the live editor.
pub const PARKED_SRC: &str = "data-sb-src";

/// What a parked image shows instead of itself: a local picture glyph (no request).
pub const IMAGE_PLACEHOLDER: &str = "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' \
     width='48' height='32' viewBox='0 0 48 32'%3E%3Crect width='48' height='32' rx='3' \
     fill='%23e6e9ee'/%3E%3Cpath d='M9 25l10-11 7 7 5-5 8 9z' fill='%238a94a3'/%3E%3Ccircle \
     cx='34' cy='10' r='3' fill='%238a94a3'/%3E%3C/svg%3E";

/// Tags every policy keeps.
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

/// Tags of signatures, templates and received mail besides [`KEPT`].
const RICH_EXTRA: &[&str] = &[
    "img", "s", "small", "sub", "sup", "font", "hr", "h1", "h2", "h3", "h4", "table", "tbody",
    "thead", "tr", "td", "th",
];

/// Layout tags received mail keeps besides the rich ones (the DOM cleaner of
/// `ui::sandbox` keeps the same).
pub const RECEIVED_EXTRA: &[&str] = &[
    "h5",
    "h6",
    "pre",
    "code",
    "center",
    "tfoot",
    "caption",
    "col",
    "colgroup",
    "dl",
    "dt",
    "dd",
    "abbr",
    "cite",
    "q",
    "del",
    "ins",
    "mark",
    "big",
    "tt",
    "address",
    "section",
    "article",
    "header",
    "footer",
    "main",
    "nav",
    "figure",
    "figcaption",
];

/// Elements dropped with their whole content: the browser reads their content as raw text
/// (or as script), so it is never markup of the message.
const DROPPED_WITH_CONTENT: &[&str] = &[
    "script",
    "style",
    "iframe",
    "object",
    "embed",
    "template",
    "title",
    "textarea",
    "xmp",
    "noscript",
    "noembed",
    "noframes",
    "plaintext",
];

/// Received mail also drops these with their content (as `ui::sandbox`'s DOM cleaner does):
/// foreign content, forms and media. Unlike the raw-text ones they may be self-closing.
const RECEIVED_DROPPED: &[&str] = &[
    "svg", "math", "select", "form", "button", "audio", "video", "canvas", "dialog", "applet",
    "frameset", "portal",
];

/// Layout attributes received mail keeps on any kept element (values checked by
/// [`layout_value`]); URLs are handled separately.
const RECEIVED_LAYOUT_ATTRIBUTES: &[&str] = &[
    "style",
    "class",
    "align",
    "valign",
    "bgcolor",
    "color",
    "width",
    "height",
    "border",
    "cellpadding",
    "cellspacing",
    "colspan",
    "rowspan",
    "alt",
    "title",
    "face",
    "size",
    "dir",
    "lang",
    "span",
    "start",
    "type",
    "nowrap",
];

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Body,
    Rich,
    Received,
}

/// What happens to a remote image source (rich policy only).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Images {
    AsWritten,
    Park,
    Restore,
}

/// Which tags and attributes one pass keeps.
#[derive(Clone, Copy)]
struct Policy {
    kind: Kind,
    images: Images,
}

impl Policy {
    fn keeps(self, tag: &str) -> bool {
        // Bodies keep images too (SPEC §5: the composer inserts them), but only with a safe
        // source: an `<img>` without one is dropped, see `sanitize`.
        KEPT.contains(&tag)
            || tag == "img"
            || (self.kind != Kind::Body && RICH_EXTRA.contains(&tag))
            || (self.kind == Kind::Received && RECEIVED_EXTRA.contains(&tag))
    }

    fn drops_with_content(self, tag: &str) -> bool {
        DROPPED_WITH_CONTENT.contains(&tag)
            || (self.kind == Kind::Received && RECEIVED_DROPPED.contains(&tag))
    }

    /// The attributes of `tag` to write, each validated; names are fixed strings.
    fn attributes(self, tag: &str, attrs: &[(String, String)]) -> Vec<(&'static str, String)> {
        let get = |name: &str| {
            attrs
                .iter()
                .find(|(n, _)| n == name)
                .map(|(_, v)| v.as_str())
        };
        let mut out = Vec::new();
        let take = |out: &mut Vec<(&'static str, String)>,
                    name: &'static str,
                    check: fn(&str) -> Option<String>| {
            if let Some(value) = get(name).and_then(check) {
                out.push((name, value));
            }
        };
        match (self.kind, tag) {
            (Kind::Received, _) => {
                if tag == "a" {
                    take(&mut out, "href", safe_href);
                }
                if tag == "img" {
                    take(&mut out, "src", received_image_src);
                    take(&mut out, "srcset", srcset_value);
                }
                take(&mut out, "background", received_image_src);
                for name in RECEIVED_LAYOUT_ATTRIBUTES {
                    take(&mut out, name, layout_value);
                }
            }
            (_, "a") => take(&mut out, "href", safe_href),
            (Kind::Rich, "img") => {
                let parked = get(PARKED_SRC)
                    .and_then(safe_image_src)
                    .filter(|s| is_remote(s));
                match (self.images, parked) {
                    (Images::Restore, Some(src)) => out.push(("src", src)),
                    _ => match get("src").and_then(safe_image_src) {
                        Some(src) if self.images == Images::Park && is_remote(&src) => {
                            out.push(("src", IMAGE_PLACEHOLDER.to_owned()));
                            out.push((PARKED_SRC, src));
                        }
                        Some(src) => out.push(("src", src)),
                        None => {}
                    },
                }
                take(&mut out, "alt", plain_value);
                take(&mut out, "width", number_value);
                take(&mut out, "height", number_value);
            }
            (_, "img") => {
                take(&mut out, "src", safe_image_src);
                take(&mut out, "alt", plain_value);
            }
            (Kind::Rich, "font") => {
                take(&mut out, "color", plain_value);
                take(&mut out, "size", number_value);
                take(&mut out, "face", plain_value);
            }
            (Kind::Rich, "td" | "th") => {
                take(&mut out, "colspan", number_value);
                take(&mut out, "rowspan", number_value);
            }
            _ => {}
        }
        out
    }
}

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

/// An image source of received mail: a signature's sources plus WebP.
fn received_image_src(src: &str) -> Option<String> {
    safe_image_src(src).or_else(|| {
        let lower = src.trim().to_ascii_lowercase();
        let clean = !src.chars().any(char::is_control);
        (lower.starts_with("data:image/webp") && clean).then(|| src.trim().to_owned())
    })
}

/// Whether an image source is fetched from the network.
fn is_remote(src: &str) -> bool {
    let lower = src.trim().to_ascii_lowercase();
    lower.starts_with("https://") || lower.starts_with("http://")
}

fn plain_value(value: &str) -> Option<String> {
    let lower = value.to_ascii_lowercase();
    let harmless = !value.chars().any(char::is_control)
        && !lower.contains("javascript:")
        && !lower.contains("expression(")
        && value.chars().count() <= 200;
    harmless.then(|| value.to_owned())
}

/// A layout attribute of received mail: anything but script URLs and the old CSS hooks that
/// ran code (`expression(`, `-moz-binding`, `behavior`). Length is the sender's business.
fn layout_value(value: &str) -> Option<String> {
    let lower = value.to_ascii_lowercase();
    let harmless = ![
        "javascript:",
        "vbscript:",
        "expression(",
        "-moz-binding",
        "behavior",
    ]
    .iter()
    .any(|bad| lower.contains(bad));
    harmless.then(|| value.to_owned())
}

fn srcset_value(value: &str) -> Option<String> {
    let lower = value.to_ascii_lowercase();
    (!lower.contains("script:") && !value.chars().any(char::is_control)).then(|| value.to_owned())
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
    sanitize(
        html,
        Policy {
            kind: Kind::Body,
            images: Images::AsWritten,
        },
    )
}

/// A signature or template with only harmless markup left (see the module doc).
pub fn sanitize_rich(html: &str) -> String {
    sanitize(
        html,
        Policy {
            kind: Kind::Rich,
            images: Images::AsWritten,
        },
    )
}

/// [`sanitize_rich`] for the live editor: every remote image shows [`IMAGE_PLACEHOLDER`] and
/// keeps its address in [`PARKED_SRC`], so putting the HTML into a document loads nothing.
pub fn park_remote_images(html: &str) -> String {
    sanitize(
        html,
        Policy {
            kind: Kind::Rich,
            images: Images::Park,
        },
    )
}

/// [`sanitize_rich`] of what the live editor holds, each parked image given its address back.
pub fn restore_remote_images(html: &str) -> String {
    sanitize(
        html,
        Policy {
            kind: Kind::Rich,
            images: Images::Restore,
        },
    )
}

/// Whether received mail loses an element with its content and attributes (scripts, frames,
/// forms, media...): what `mail::inline` needs to know about where a `cid:` image shows.
/// (`<style>` blocks are kept for received mail.)
pub fn received_drops(tag: &str) -> bool {
    tag != "style"
        && Policy {
            kind: Kind::Received,
            images: Images::AsWritten,
        }
        .drops_with_content(tag)
}

/// Received mail's first pass (see the module doc): its layout and `<style>` blocks kept,
/// everything active gone, links opening a new tab. Remote content is left for the caller to
/// detect and block (it depends on the rep's choice).
pub fn sanitize_received(html: &str) -> String {
    sanitize(
        html,
        Policy {
            kind: Kind::Received,
            images: Images::AsWritten,
        },
    )
}

fn sanitize(html: &str, policy: Policy) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        out.push_str(&rest[..lt]);
        let after = &rest[lt + 1..];
        // As in HTML, a "<" not followed by a tag name, "/", "!" or "?" is text.
        if !after.starts_with(|c: char| c.is_ascii_alphabetic() || matches!(c, '/' | '!' | '?')) {
            out.push_str("&lt;");
            rest = after;
            continue;
        }
        if let Some(comment) = after.strip_prefix("!--") {
            rest = after_comment(comment);
            continue;
        }
        let end = if after.starts_with(['!', '?']) {
            after.find('>')
        } else {
            tag_end(after)
        };
        let Some(gt) = end else {
            // An unclosed tag: keep it as text.
            out.push_str(&escape_html(&rest[lt..]));
            return out;
        };
        let inner = &after[..gt];
        rest = &after[gt + 1..];
        if inner.starts_with(['!', '?']) {
            continue;
        }
        let closing = inner.starts_with('/');
        let body = inner.trim_start_matches('/');
        let name_len = body
            .find(|c: char| !c.is_ascii_alphanumeric())
            .unwrap_or(body.len());
        let name = body[..name_len].to_ascii_lowercase();
        if closing {
            if policy.keeps(&name) && !is_void(&name) {
                out.push_str(&format!("</{name}>"));
            }
            continue;
        }
        if policy.kind == Kind::Received && name == "style" {
            let (css, after_style) = split_at_end_tag(rest, "style");
            // `<` has no meaning in CSS outside strings; escaping it keeps `</style>` out.
            out.push_str(&format!("<style>{}</style>", css.replace('<', "\\3c ")));
            rest = after_style;
            continue;
        }
        if policy.drops_with_content(&name) {
            // `<embed>` is void: it has no content to drop.
            let self_closing = body.trim_end().ends_with('/');
            let no_content =
                name == "embed" || (self_closing && RECEIVED_DROPPED.contains(&name.as_str()));
            if !no_content {
                rest = split_at_end_tag(rest, &name).1;
            }
            continue;
        }
        if !policy.keeps(&name) {
            continue;
        }
        let attributes = policy.attributes(&name, &parse_attributes(&body[name_len..]));
        if name == "img"
            && policy.kind == Kind::Body
            && !attributes.iter().any(|(a, _)| *a == "src")
        {
            continue;
        }
        out.push('<');
        out.push_str(&name);
        for (attr, value) in attributes {
            out.push_str(&format!(" {attr}=\"{}\"", escape_html(&value)));
        }
        if name == "a" && policy.kind != Kind::Body {
            // Links in a sent, previewed or received message open a new tab without an opener.
            out.push_str(" target=\"_blank\" rel=\"noopener noreferrer\"");
        }
        out.push('>');
    }
    out.push_str(rest);
    out
}

/// Elements without an end tag.
fn is_void(tag: &str) -> bool {
    matches!(tag, "br" | "img" | "hr" | "col")
}

/// The text after a comment whose `<!--` was just read, ending as HTML ends it (`-->`,
/// `--!>`, or at once for `<!-->` and `<!--->`); an unclosed comment runs to the end.
fn after_comment(s: &str) -> &str {
    if let Some(rest) = s.strip_prefix('>').or_else(|| s.strip_prefix("->")) {
        return rest;
    }
    let ends = [s.find("-->").map(|i| i + 3), s.find("--!>").map(|i| i + 4)];
    ends.into_iter().flatten().min().map_or("", |end| &s[end..])
}

/// The offset of the `>` that ends the tag starting `s`, skipping `>` inside quoted values.
fn tag_end(s: &str) -> Option<usize> {
    let mut quote: Option<u8> = None;
    let mut after_equals = false;
    for (i, &c) in s.as_bytes().iter().enumerate() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if c == b'>' => return Some(i),
            None if after_equals && (c == b'"' || c == b'\'') => {
                quote = Some(c);
                after_equals = false;
            }
            None if c == b'=' => after_equals = true,
            None if !c.is_ascii_whitespace() => after_equals = false,
            None => {}
        }
    }
    None
}

/// `s` split at the end tag `</name…>` (ASCII case-insensitive): the text before it and the
/// text after it; without one, everything is content.
fn split_at_end_tag<'a>(s: &'a str, name: &str) -> (&'a str, &'a str) {
    // ASCII lower-casing keeps byte offsets.
    let lower = s.to_ascii_lowercase();
    let pattern = format!("</{name}");
    let mut from = 0;
    while let Some(pos) = lower[from..].find(&pattern) {
        let at = from + pos;
        let next = lower.as_bytes().get(at + pattern.len());
        if next.is_none_or(|c| *c == b'>' || *c == b'/' || c.is_ascii_whitespace()) {
            let end = s[at..].find('>').map_or(s.len(), |gt| at + gt + 1);
            return (&s[..at], &s[end..]);
        }
        from = at + pattern.len();
    }
    (s, "")
}

/// The attributes of a start tag as HTML reads them: names lower-cased, values with their
/// character references decoded, the first of duplicate names kept.
fn parse_attributes(s: &str) -> Vec<(String, String)> {
    let b = s.as_bytes();
    let mut out: Vec<(String, String)> = Vec::new();
    let mut i = 0;
    let skip_space = |mut i: usize| {
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        i
    };
    loop {
        while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b'/') {
            i += 1;
        }
        if i >= b.len() {
            return out;
        }
        let start = i;
        // The first character belongs to the name whatever it is (even "=").
        i += s[i..].chars().next().map_or(1, char::len_utf8);
        while i < b.len() && !b[i].is_ascii_whitespace() && b[i] != b'/' && b[i] != b'=' {
            i += 1;
        }
        let name = s[start..i].to_ascii_lowercase();
        i = skip_space(i);
        let mut value = "";
        if i < b.len() && b[i] == b'=' {
            i = skip_space(i + 1);
            if i < b.len() && (b[i] == b'"' || b[i] == b'\'') {
                let quote = b[i];
                let from = i + 1;
                i = from;
                while i < b.len() && b[i] != quote {
                    i += 1;
                }
                value = &s[from..i];
                i += 1;
            } else {
                let from = i;
                while i < b.len() && !b[i].is_ascii_whitespace() {
                    i += 1;
                }
                value = &s[from..i];
            }
        }
        if !out.iter().any(|(n, _)| *n == name) {
            out.push((name, decode_entities(value)));
        }
    }
}

/// `value` with its character references (`&amp;`, `&#106;`, `&#x6A;`…) decoded, so the checks
/// see what the browser would and escaping on output does not double-escape. References
/// without a `;` stay as written (then a check may refuse the value; it never lets more in).
fn decode_entities(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut rest = value;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        match reference(after) {
            Some((c, used)) => {
                out.push(c);
                rest = &after[used..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The character a reference right after `&` stands for, and the bytes it used (with `;`).
fn reference(s: &str) -> Option<(char, usize)> {
    let len = s
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '#'))
        .unwrap_or(s.len());
    if len == 0 || len > 32 || !s[len..].starts_with(';') {
        return None;
    }
    let name = &s[..len];
    let c = if let Some(number) = name.strip_prefix('#') {
        let code = match number.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => number.parse::<u32>().ok()?,
        };
        char::from_u32(code)
            .filter(|c| *c != '\0')
            .unwrap_or('\u{FFFD}')
    } else {
        match name {
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            "apos" => '\'',
            "nbsp" => '\u{A0}',
            "colon" => ':',
            "tab" => '\t',
            "newline" => '\n',
            _ => return None,
        }
    };
    Some((c, len + 1))
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
                "encoded javascript link neutralised",
                "<a href=\"&#106;avascript&colon;alert(1)\">x</a>",
                "<a target=\"_blank\" rel=\"noopener noreferrer\">x</a>",
            ),
            (
                "script dropped with content",
                "a<script>alert(1)</script>b",
                "ab",
            ),
            (
                "self-closing script still drops its content",
                "a<script/>alert(1)</script>b",
                "ab",
            ),
            ("svg is not kept", "<svg onload=alert(1)><p>x</p></svg>", "<p>x</p>"),
            (
                "quotes in a value are escaped",
                "<img alt='a\"onerror=alert(1)'>",
                "<img alt=\"a&quot;onerror=alert(1)\">",
            ),
            (
                "a > inside a quoted value does not end the tag",
                "<img alt=\"a>b\" src=\"https://x.example/a.png\">",
                "<img src=\"https://x.example/a.png\" alt=\"a&gt;b\">",
            ),
            (
                "an attribute name inside a value is not an attribute",
                "<img alt=\" src=https://x.example/a.png\">",
                "<img alt=\" src=https://x.example/a.png\">",
            ),
            (
                "ampersands in a link are not escaped twice",
                "<a href=\"https://x.example/?a=1&amp;b=2\">x</a>",
                "<a href=\"https://x.example/?a=1&amp;b=2\" target=\"_blank\" rel=\"noopener noreferrer\">x</a>",
            ),
            (
                "comments dropped with what they hide",
                "a<!-- <img src=x onerror=alert(1)> -->b",
                "ab",
            ),
            ("a lone < is text", "1 < 2", "1 &lt; 2"),
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

    #[test]
    fn received_pass_keeps_layout_and_drops_everything_active() {
        let cases = [
            (
                "event handlers dropped",
                "<div onclick=\"alert(1)\" onmouseover=x>hi</div>",
                "<div>hi</div>",
            ),
            (
                "layout attributes kept",
                "<td align=center bgcolor=\"#fff\" style=\"color:red\" class=c>x</td>",
                "<td style=\"color:red\" class=\"c\" align=\"center\" bgcolor=\"#fff\">x</td>",
            ),
            (
                "layout elements kept",
                "<center><pre>x</pre></center>",
                "<center><pre>x</pre></center>",
            ),
            (
                "script URL in a style dropped",
                "<p style=\"background:url(javascript:alert(1))\">x</p>",
                "<p>x</p>",
            ),
            (
                "CSS expressions dropped",
                "<p style=\"width:expression(alert(1))\">x</p>",
                "<p>x</p>",
            ),
            (
                "style blocks kept, < escaped",
                "<style>p{color:red}</style><p>x</p>",
                "<style>p{color:red}</style><p>x</p>",
            ),
            (
                "a style block cannot close itself early",
                "<style>a{content:\"</sty\"}</style>x",
                "<style>a{content:\"\\3c /sty\"}</style>x",
            ),
            (
                "scripts dropped with content",
                "a<script>alert(1)</script>b",
                "ab",
            ),
            (
                "frames, objects and embeds dropped",
                "a<iframe src=\"https://x.example\"></iframe><object data=x></object><embed src=x>b",
                "ab",
            ),
            (
                "raw-text elements dropped with their text",
                "a<title>t</title><textarea><img src=x onerror=alert(1)></textarea>b",
                "ab",
            ),
            (
                "forms dropped with their controls",
                "a<form action=\"https://x.example\"><input name=q><button>Go</button></form>b",
                "ab",
            ),
            (
                "svg dropped with content",
                "a<svg><animate onbegin=alert(1)></svg>b",
                "ab",
            ),
            (
                "self-closing svg drops only itself",
                "a<svg/>b",
                "ab",
            ),
            (
                "head, meta, base and link dropped",
                "<html><head><meta http-equiv=refresh content=\"0;url=https://x.example\"><base href=\"https://x.example/\"><link rel=stylesheet href=x.css></head><body>b</body></html>",
                "b",
            ),
            (
                "unknown elements unwrapped",
                "<details open ontoggle=alert(1)><summary>s</summary>d</details>",
                "sd",
            ),
            (
                "links open a new tab without an opener",
                "<a href=\"https://x.example\">x</a>",
                "<a href=\"https://x.example\" target=\"_blank\" rel=\"noopener noreferrer\">x</a>",
            ),
            (
                "javascript and data links neutralised",
                "<a href=\" JaVaScRiPt:alert(1)\">j</a><a href=\"data:text/html,x\">d</a>",
                "<a target=\"_blank\" rel=\"noopener noreferrer\">j</a><a target=\"_blank\" rel=\"noopener noreferrer\">d</a>",
            ),
            (
                "remote images kept for the caller to block",
                "<img src=\"https://x.example/p.gif\" width=1 height=1 onerror=alert(1)>",
                "<img src=\"https://x.example/p.gif\" width=\"1\" height=\"1\">",
            ),
            (
                "non-image sources dropped",
                "<img src=\"javascript:alert(1)\"><img src=\"data:text/html,x\">",
                "<img><img>",
            ),
            (
                "backgrounds only from image sources",
                "<table background=\"https://x.example/bg.png\"><tr><td background=\"javascript:x\">c</td></tr></table>",
                "<table background=\"https://x.example/bg.png\"><tr><td>c</td></tr></table>",
            ),
            (
                "conditional comments dropped",
                "<!--[if mso]><v:rect fill=x></v:rect><![endif]-->x",
                "x",
            ),
        ];
        for (rule, input, want) in cases {
            assert_eq!(sanitize_received(input), want, "{rule}");
        }
    }

    #[test]
    fn live_editor_parks_remote_images_and_gives_them_back() {
        let cases = [
            (
                "remote image parked behind the placeholder",
                "<img src=\"https://x.example/p.gif\" width=\"1\">",
                format!(
                    "<img src=\"{}\" data-sb-src=\"https://x.example/p.gif\" width=\"1\">",
                    escape_html(IMAGE_PLACEHOLDER)
                ),
            ),
            (
                "inline images stay as they are",
                "<img src=\"data:image/png;base64,AAAA\">",
                "<img src=\"data:image/png;base64,AAAA\">".to_owned(),
            ),
            (
                "unsafe sources are not parked",
                "<img src=\"javascript:alert(1)\">",
                "<img>".to_owned(),
            ),
        ];
        for (rule, input, want) in cases {
            assert_eq!(park_remote_images(input), want, "{rule}");
            assert_eq!(
                restore_remote_images(&park_remote_images(input)),
                sanitize_rich(input),
                "{rule}: round trip"
            );
        }
        // A parked address is checked again on the way out, and the placeholder never leaves.
        let smuggled = "<img src=\"x\" data-sb-src=\"javascript:alert(1)\">";
        assert_eq!(restore_remote_images(smuggled), "<img>");
        let placeholder_only = format!("<img src=\"{}\">", escape_html(IMAGE_PLACEHOLDER));
        assert_eq!(restore_remote_images(&placeholder_only), "<img>");
        // The stored form never carries the parking attribute.
        assert_eq!(
            sanitize_rich("<img data-sb-src=\"https://x.example/a.png\">"),
            "<img>"
        );
    }

    /// Properties over random tag soup (host only: proptest is a host dev-dependency).
    #[cfg(not(target_arch = "wasm32"))]
    mod properties {
        use super::*;
        use proptest::prelude::*;

        fn html_soup() -> impl Strategy<Value = String> {
            let piece = prop_oneof![
                Just("<img src=\"https://x.example/a.png?a=1&amp;b=2\" alt='q\"'>".to_owned()),
                Just("<img src=data:image/png;base64,AA width=3>".to_owned()),
                Just("<a href=\"https://x.example/?q=1&amp;r\">".to_owned()),
                Just("</a>".to_owned()),
                Just("<b>".to_owned()),
                Just("<font color=red face=\"A&amp;B\">".to_owned()),
                Just("<script>x</script>".to_owned()),
                Just("<!-- c -->".to_owned()),
                Just("<style>p{}</style>".to_owned()),
                Just(" & ".to_owned()),
                Just(" > ".to_owned()),
                Just("<".to_owned()),
                "[a-z =\"'/<>&;#]{0,12}",
            ];
            prop::collection::vec(piece, 0..12).prop_map(|v| v.concat())
        }

        proptest! {
            #[test]
            fn sanitising_is_idempotent_and_parking_round_trips(html in html_soup()) {
                for pass in [sanitize_rich, sanitize_body, sanitize_received] {
                    let once = pass(&html);
                    prop_assert_eq!(pass(&once), once.clone());
                }
                let rich = sanitize_rich(&html);
                prop_assert_eq!(restore_remote_images(&park_remote_images(&rich)), rich.clone());
                prop_assert_eq!(restore_remote_images(&park_remote_images(&html)), rich);
            }
        }
    }
}
