//! Inline images of received HTML (RFC 2392 `cid:` URLs): which attachments the HTML shows in
//! place, and the HTML with those references turned into `data:` URLs for the sandboxed frame
//! (whose CSP allows `data:` images and nothing else local or remote).
//!
//! Pure text work: it must not sanitise (the cleaner runs afterwards on the result and keeps
//! only the image types it allows) nor read storage (the caller hands in the bytes).

use mail_builder::encoders::base64::base64_encode;

/// Characters that end a `cid:` URL inside an attribute or a CSS `url(...)`.
fn ends_url(c: char) -> bool {
    c.is_whitespace() || matches!(c, '"' | '\'' | '>' | '<' | ')' | '(' | ',' | ';' | '&')
}

/// `%XX` escapes decoded (RFC 2392: the URL is the Content-ID, URL-encoded); a malformed
/// escape is kept as written.
fn percent_decoded(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match (
            bytes[i],
            bytes.get(i + 1).copied(),
            bytes.get(i + 2).copied(),
        ) {
            (b'%', Some(high), Some(low)) if hex(high).is_some() && hex(low).is_some() => {
                out.push((hex(high).unwrap_or(0) * 16 + hex(low).unwrap_or(0)) as u8);
                i += 3;
            }
            (b, _, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Every `cid:` reference in `html`: (byte range of the whole URL, the Content-ID it names).
fn cid_urls(html: &str) -> Vec<(std::ops::Range<usize>, String)> {
    let lower = html.to_ascii_lowercase();
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(at) = lower[from..].find("cid:").map(|i| from + i) {
        let start = at + "cid:".len();
        let end = html[start..]
            .find(ends_url)
            .map_or(html.len(), |i| start + i);
        // `cid:` inside a word (e.g. "acid:") is text, not a URL.
        let word_before = html[..at]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphanumeric() || c == '-' || c == '_');
        if end > start && !word_before {
            let id = percent_decoded(&html[start..end]);
            let id = id.trim_start_matches('<').trim_end_matches('>');
            found.push((at..end, id.to_owned()));
        }
        from = end.max(start);
    }
    found
}

/// Whether `html` shows the part whose `Content-ID` is `content_id` (compared as RFC 2392
/// says Content-IDs compare: exactly, after URL-decoding the reference). Only a reference
/// the thread's frame can draw counts: one in a tag (an `src`, a `background`, a `style`'s
/// `url()`) or a `<style>` block, not one in text, a comment (Outlook's VML fallbacks) or an
/// element the received-mail cleaner drops. Anything else would hide the file from the list
/// without showing it.
pub fn references_cid(html: &str, content_id: &str) -> bool {
    shown_cids(html).iter().any(|id| id == content_id)
}

/// Whether the thread's frame can show an image of `content_type` in place (the `data:`
/// image types the received-mail cleaner keeps). Other parts stay in the list of files.
pub fn shows_inline(content_type: &str) -> bool {
    matches!(
        content_type,
        "image/png" | "image/gif" | "image/jpeg" | "image/webp"
    )
}

/// The Content-IDs of the `cid:` references `html` shows (see [`references_cid`]).
fn shown_cids(html: &str) -> Vec<String> {
    let lower = html.to_ascii_lowercase();
    let mut ids = Vec::new();
    let mut at = 0;
    while let Some(lt) = lower[at..].find('<').map(|i| at + i) {
        if lower[lt..].starts_with("<!--") {
            at = lower[lt + 4..]
                .find("-->")
                .map_or(lower.len(), |end| lt + 4 + end + 3);
            continue;
        }
        let end = tag_end(&lower, lt + 1);
        let name: String = lower[lt + 1..end]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        at = end;
        if name.is_empty() {
            continue;
        }
        if crate::domain::body_html::received_drops(&name) {
            let close = format!("</{name}");
            at = lower[end..]
                .find(&close)
                .map_or(lower.len(), |i| end + i + close.len());
            continue;
        }
        let mut shown = cid_urls(&html[lt..end]);
        if name == "style" {
            // The style sheet itself: its `url(cid:...)` backgrounds show.
            let close = lower[end..]
                .find("</style")
                .map_or(lower.len(), |i| end + i);
            shown.extend(cid_urls(&html[end..close]));
            at = close;
        }
        ids.extend(shown.into_iter().map(|(_, id)| id));
    }
    ids
}

/// The end of the tag whose name starts at `from`: its `>` outside quoted values (or the end).
fn tag_end(lower: &str, from: usize) -> usize {
    let mut quote = None;
    for (i, b) in lower.bytes().enumerate().skip(from) {
        match (quote, b) {
            (None, b'"' | b'\'') => quote = Some(b),
            (Some(q), _) if q == b => quote = None,
            (None, b'>') => return i,
            _ => {}
        }
    }
    lower.len()
}

/// `html` with each `cid:` reference to one of `images` (Content-ID, `data:` URL) replaced by
/// that URL; references to anything else are left for the cleaner to drop.
pub fn resolve_cids(html: &str, images: &[(String, String)]) -> String {
    let mut out = String::with_capacity(html.len());
    let mut copied = 0;
    for (range, id) in cid_urls(html) {
        if let Some((_, url)) = images.iter().find(|(cid, _)| *cid == id) {
            out.push_str(&html[copied..range.start]);
            out.push_str(url);
            copied = range.end;
        }
    }
    out.push_str(&html[copied..]);
    out
}

/// A `data:` URL of `bytes` as `content_type`, or `None` for a type that is not a plain
/// `type/subtype` (nothing may break out of the attribute it is written into).
pub fn data_url(content_type: &str, bytes: &[u8]) -> Option<String> {
    let valid = content_type.split_once('/').is_some_and(|(kind, sub)| {
        let token = |s: &str| {
            !s.is_empty()
                && s.chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '+' | '-'))
        };
        token(kind) && token(sub)
    });
    if !valid {
        return None;
    }
    let encoded = base64_encode(bytes).ok()?;
    let encoded = String::from_utf8(encoded).ok()?;
    Some(format!("data:{content_type};base64,{encoded}"))
}
