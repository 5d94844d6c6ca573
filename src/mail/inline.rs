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
/// says Content-IDs compare: exactly, after URL-decoding the reference).
pub fn references_cid(html: &str, content_id: &str) -> bool {
    cid_urls(html).iter().any(|(_, id)| id == content_id)
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
