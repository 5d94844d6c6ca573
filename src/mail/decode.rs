//! Text decoding of received mail (SPEC §9 "Received mail is real RFC 5322/MIME"): turning the
//! bytes of text parts and of the header fields the import reads into text the way mail
//! clients do, on top of mail-parser.
//!
//! Owns: charset labels (the aliases mail-parser lacks, and the labels that mean "undeclared"),
//! the undeclared 8-bit rule (UTF-8 when the bytes are UTF-8, else windows-1252, as WHATWG
//! does for Latin-1), ISO-2022-KR and HZ (which mail-parser's full decoding maps to a single
//! U+FFFD), raw 8-bit and raw ISO-2022-JP header fields, encoded-words that split a character
//! (in header fields and in quoted file names), `format=flowed` text, and multipart parts
//! without a usable boundary (shown as text, not lost as an attachment).
//! Must not: panic on any input, or drop text. Bytes no charset explains become windows-1252
//! characters or U+FFFD, never nothing; a repair that would leave less text is not made.

use mail_parser::decoders::charsets::{map::charset_decoder, DecoderFnc};
use mail_parser::parsers::MessageStream;
use mail_parser::{Encoding, Message, MessagePart, MimeHeaders, PartType};
use std::borrow::Cow;

/// How the bytes of a text are to be read, from its declared charset label.
enum Charset {
    /// No label, a label no one knows, or US-ASCII (which 8-bit bytes prove wrong).
    Undeclared,
    Utf8,
    Iso2022Kr,
    HzGb2312,
    Known(DecoderFnc),
}

/// Decodes the bytes of a text part or an encoded-word declared as `label` (the raw
/// `charset` parameter, `None` when there is none). Never fails: see the module rules.
pub fn decode_text(bytes: &[u8], label: Option<&str>) -> String {
    // A byte order mark outranks the label (WHATWG "decode").
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return utf8_with_1252_bytes(rest);
    }
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        if let Some(utf16) = charset_decoder(b"utf-16") {
            return utf16(bytes);
        }
    }
    match charset(label) {
        Charset::Undeclared => undeclared(bytes),
        Charset::Utf8 => utf8_with_1252_bytes(bytes),
        Charset::Iso2022Kr => iso_2022_kr(bytes),
        Charset::HzGb2312 => hz_gb_2312(bytes),
        Charset::Known(decoder) => decoder(bytes),
    }
}

fn charset(label: Option<&str>) -> Charset {
    let Some(label) = label.map(clean_label).filter(|label| !label.is_empty()) else {
        return Charset::Undeclared;
    };
    match label.as_str() {
        "utf-8" | "utf8" | "x-utf-8" | "unicode-1-1-utf-8" | "unicode11utf8" | "unicode20utf8"
        | "x-unicode20utf8" => Charset::Utf8,
        // mail-parser reads US-ASCII as windows-1252; mail labelled US-ASCII that has 8-bit
        // bytes is usually UTF-8 from a client that never looked at what was typed.
        "us-ascii" | "ascii" | "us" | "ansi-x3.4-1968" | "iso646-us" | "iso-ir-6" | "csascii"
        | "cp367" | "ibm367" | "646" => Charset::Undeclared,
        "iso-2022-kr" | "csiso2022kr" => Charset::Iso2022Kr,
        "hz-gb-2312" | "hz" => Charset::HzGb2312,
        // 7-bit encodings no decoder here knows (mail-parser maps them to a lone U+FFFD): the
        // ASCII in them stays readable.
        "iso-2022-cn" | "iso-2022-cn-ext" | "replacement" => Charset::Undeclared,
        label => known_decoder(label).map_or(Charset::Undeclared, Charset::Known),
    }
}

/// A label trimmed of whitespace, quotes and an RFC 2231 language (`utf-8*en`), lower-case,
/// with `_` read as `-`.
fn clean_label(label: &str) -> String {
    let label = label.trim().trim_matches(['"', '\'']).trim();
    let label = label.split('*').next().unwrap_or_default();
    label.to_ascii_lowercase().replace('_', "-")
}

/// mail-parser's decoder for a label, also under the names real mail uses that its table
/// lacks (Microsoft code page numbers, ISO-2022-JP's extensions, separators left out).
fn known_decoder(label: &str) -> Option<DecoderFnc> {
    let alias = match label {
        "cp932" | "x-ms-cp932" | "windows-932" | "shift-jis-2004" | "sjis-open" => "shift_jis",
        "cp949" | "uhc" | "x-windows-949" | "ks-c-5601" | "x-euc-kr" => "euc-kr",
        "cp950" | "x-windows-950" | "big5hkscs" => "big5",
        "euc-cn" | "x-euc-cn" | "cp-936" => "gbk",
        "cp51932" | "euc-jp-ms" | "eucjp" => "euc-jp",
        "iso-2022-jp-1" | "iso-2022-jp-2" | "iso-2022-jp-3" | "iso-2022-jp-2004"
        | "csiso2022jp2" | "iso-2022-jp-ms" | "cp50220" | "cp50221" | "cp50222" => "iso-2022-jp",
        "cp874" | "x-windows-874" => "windows-874",
        label => label,
    };
    charset_decoder(alias.as_bytes()).or_else(|| {
        // `windows1252`, `cp-1251`, `latin-1`, `koi8r`: the same names without separators.
        let compact: String = label
            .chars()
            .filter(|c| c.is_ascii_alphanumeric())
            .collect();
        let spaced = compact
            .strip_prefix("windows")
            .map(|number| format!("windows-{number}"));
        charset_decoder(compact.as_bytes())
            .or_else(|| spaced.and_then(|label| charset_decoder(label.as_bytes())))
    })
}

/// Text whose charset is not declared (or declared as something that cannot be it): what
/// mail clients and browsers do. ISO-2022-JP is recognised by its escape sequences (7-bit, so
/// it would otherwise pass as ASCII with the escapes shown), then UTF-8 when the bytes are
/// valid UTF-8, else windows-1252.
fn undeclared(bytes: &[u8]) -> String {
    if bytes.is_ascii() && has_iso_2022_jp_escapes(bytes) {
        if let Some(iso_2022_jp) = charset_decoder(b"iso-2022-jp") {
            return iso_2022_jp(bytes);
        }
    }
    utf8_or_1252(bytes)
}

fn utf8_or_1252(bytes: &[u8]) -> String {
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_owned(),
        Err(_) => windows_1252(bytes),
    }
}

/// Declared UTF-8 that is not all UTF-8: the valid sequences as UTF-8, each byte of an
/// invalid one as windows-1252 (the usual cause: Latin-1 text pasted into a UTF-8 message),
/// so no byte becomes U+FFFD.
fn utf8_with_1252_bytes(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len());
    let mut rest = bytes;
    loop {
        match std::str::from_utf8(rest) {
            Ok(text) => {
                out.push_str(text);
                return out;
            }
            Err(error) => {
                let (valid, after) = rest.split_at(error.valid_up_to());
                out.push_str(std::str::from_utf8(valid).unwrap_or_default());
                let invalid = error.error_len().unwrap_or(after.len()).min(after.len());
                out.push_str(&windows_1252(&after[..invalid]));
                rest = &after[invalid..];
            }
        }
    }
}

fn windows_1252(bytes: &[u8]) -> String {
    match charset_decoder(b"windows-1252") {
        Some(decoder) => decoder(bytes),
        None => String::from_utf8_lossy(bytes).into_owned(),
    }
}

fn has_iso_2022_jp_escapes(bytes: &[u8]) -> bool {
    bytes.windows(3).any(|w| {
        matches!(
            w,
            b"\x1b$B" | b"\x1b$@" | b"\x1b(J" | b"\x1b(I" | b"\x1b$(" // JIS X 0213 / 0212
        )
    })
}

/// RFC 1557: ASCII, and after SO (until SI or the end of the line) KS X 1001 as 7-bit pairs,
/// which are EUC-KR with the high bits cleared.
fn iso_2022_kr(bytes: &[u8]) -> String {
    let mut text = SevenBit::new(b"euc-kr");
    let mut shifted = false;
    let mut rest = bytes;
    while let Some((&byte, after)) = rest.split_first() {
        if let Some(after) = rest.strip_prefix(b"\x1b$)C") {
            rest = after;
            continue;
        }
        rest = after;
        match byte {
            0x0E => shifted = true,
            0x0F => {
                shifted = false;
                text.flush();
            }
            0x21..=0x7E if shifted => text.push_shifted(byte),
            _ => {
                shifted &= byte != b'\n';
                text.push_plain(byte);
            }
        }
    }
    text.finish()
}

/// RFC 1843: ASCII, and between `~{` and `~}` GB 2312 as 7-bit pairs (GBK with the high bits
/// cleared); `~~` is a tilde and `~` before a line break continues the line.
fn hz_gb_2312(bytes: &[u8]) -> String {
    let mut text = SevenBit::new(b"gbk");
    let mut shifted = false;
    let mut rest = bytes;
    while let Some((&byte, after)) = rest.split_first() {
        rest = after;
        let escape = (byte == b'~').then(|| after.first().copied()).flatten();
        match (escape, shifted) {
            (Some(b'{'), false) => shifted = true,
            (Some(b'}'), true) => {
                shifted = false;
                text.flush();
            }
            (Some(b'~'), false) => text.push_plain(b'~'),
            (Some(b'\n'), false) => {}
            _ => {
                if shifted && (0x21..=0x7E).contains(&byte) {
                    text.push_shifted(byte);
                } else {
                    // A line break ends a GB run that was never closed.
                    shifted &= byte != b'\n';
                    text.push_plain(byte);
                }
                continue;
            }
        }
        // The escape's second byte.
        rest = after.get(1..).unwrap_or_default();
    }
    text.finish()
}

/// Text being decoded from a 7-bit double-byte encoding: shifted bytes are collected and
/// decoded as `label` (the 8-bit form of the same character set) when the shift ends, the
/// bytes between shifts as ASCII (stray 8-bit ones as windows-1252).
struct SevenBit {
    out: String,
    plain: Vec<u8>,
    shifted: Vec<u8>,
    decoder: Option<DecoderFnc>,
}

impl SevenBit {
    fn new(label: &[u8]) -> SevenBit {
        SevenBit {
            out: String::new(),
            plain: Vec::new(),
            shifted: Vec::new(),
            decoder: charset_decoder(label),
        }
    }

    fn push_shifted(&mut self, byte: u8) {
        if !self.plain.is_empty() {
            self.flush();
        }
        self.shifted.push(byte | 0x80);
    }

    fn push_plain(&mut self, byte: u8) {
        if !self.shifted.is_empty() {
            self.flush();
        }
        self.plain.push(byte);
    }

    fn flush(&mut self) {
        if !self.plain.is_empty() {
            self.out.push_str(&utf8_or_1252(&self.plain));
            self.plain.clear();
        }
        if !self.shifted.is_empty() {
            let text = match self.decoder {
                Some(decoder) => decoder(&self.shifted),
                None => utf8_or_1252(&self.shifted),
            };
            self.out.push_str(&text);
            self.shifted.clear();
        }
    }

    fn finish(mut self) -> String {
        self.flush();
        self.out
    }
}

// ------------------------------------------------------------------------------------------
// Bodies
// ------------------------------------------------------------------------------------------

/// Re-reads the text and HTML parts a rep sees with the charset rules above (mail-parser reads
/// an undeclared or unknown charset as lossy UTF-8, US-ASCII as windows-1252, and ISO-2022-KR
/// or HZ as one U+FFFD), and turns a multipart part whose boundary is missing or never found
/// into a text part of the body: mail-parser files it as an attachment, so the rep would see
/// an empty message. Mature clients (Thunderbird, Python's `email`) show such a body as text.
pub(super) fn repair_text_parts(message: &mut Message<'_>) {
    let Message {
        html_body,
        text_body,
        attachments,
        parts,
        raw_message,
    } = message;
    let raw: &[u8] = raw_message;
    for (index, part) in parts.iter_mut().enumerate() {
        let Ok(id) = u32::try_from(index) else { break };
        if let PartType::Message(attached) = &mut part.body {
            // A forwarded or returned message is shown too (see `parse`): same rules.
            repair_text_parts(attached);
            continue;
        }
        let (is_multipart, declared, flowed) =
            part.content_type().map_or((false, None, None), |ct| {
                let is = |name: &str, value: &str| {
                    ct.attribute(name)
                        .is_some_and(|v| v.trim().eq_ignore_ascii_case(value))
                };
                (
                    ct.ctype().eq_ignore_ascii_case("multipart"),
                    ct.attribute("charset").map(str::to_owned),
                    is("format", "flowed").then(|| is("delsp", "yes")),
                )
            });
        // (is HTML, is empty) of a part mail-parser decoded as text.
        let decoded = match &part.body {
            PartType::Text(text) => Some((false, text.is_empty())),
            PartType::Html(html) => Some((true, html.is_empty())),
            _ => None,
        };
        let unparsed_multipart = is_multipart
            && matches!(
                part.body,
                PartType::Text(_) | PartType::Binary(_) | PartType::InlineBinary(_)
            );
        if unparsed_multipart {
            let text = decode_text(&transfer_decoded(raw, part), declared.as_deref());
            part.body = PartType::Text(text.into());
            attachments.retain(|&attachment| attachment != id);
            if !text_body.contains(&id) {
                text_body.push(id);
                text_body.sort_unstable();
            }
        } else if let Some((is_html, was_empty)) = decoded {
            if !text_body.contains(&id) && !html_body.contains(&id) {
                continue; // an attachment: its bytes are not shown as the message
            }
            let bytes = transfer_decoded(raw, part);
            let label = declared
                .filter(|label| !matches!(charset(Some(label)), Charset::Undeclared))
                .or_else(|| is_html.then(|| html_meta_charset(&bytes)).flatten());
            let mut text = decode_text(&bytes, label.as_deref());
            if text.is_empty() && !was_empty {
                continue;
            }
            if let (Some(delsp), false) = (flowed, is_html) {
                text = unflowed(&text, delsp);
            }
            part.body = if is_html {
                PartType::Html(text.into())
            } else {
                PartType::Text(text.into())
            };
        }
    }
}

/// A part's body after its Content-Transfer-Encoding, as mail-parser decoded it (the same
/// decoders on the same bytes: `offset_body..offset_end` is what it read). For a text part
/// these are the bytes as sent, before any charset: what a downloaded text file must hold.
pub(super) fn transfer_decoded<'a>(raw: &'a [u8], part: &MessagePart<'_>) -> Cow<'a, [u8]> {
    let body = raw
        .get(part.offset_body as usize..part.offset_end as usize)
        .unwrap_or_default();
    let (end, decoded) = match part.encoding {
        Encoding::None => return Cow::Borrowed(body),
        Encoding::Base64 => MessageStream::new(body).decode_base64_mime(b""),
        Encoding::QuotedPrintable => MessageStream::new(body).decode_quoted_printable_mime(b""),
    };
    if end == usize::MAX {
        Cow::Borrowed(body)
    } else {
        decoded
    }
}

/// The charset an HTML part names in a `<meta>` within its first 1024 bytes (WHATWG's
/// prescan, simplified), for HTML parts whose MIME header names none.
fn html_meta_charset(html: &[u8]) -> Option<String> {
    let head = html.get(..1024).unwrap_or(html).to_ascii_lowercase();
    let mut from = 0;
    while let Some(found) = find(&head[from..], b"<meta") {
        let start = from + found;
        let end = find(&head[start..], b">").map_or(head.len(), |end| start + end);
        let tag = &head[start..end];
        if let Some(at) = find(tag, b"charset") {
            let value = tag[at + 7..].trim_ascii_start();
            if let Some(value) = value.strip_prefix(b"=") {
                let value = value.trim_ascii_start();
                let value = value.strip_prefix(b"\"").unwrap_or(value);
                let value = value.strip_prefix(b"'").unwrap_or(value);
                let label: Vec<u8> = value
                    .iter()
                    .copied()
                    .take_while(|b| {
                        !matches!(b, b'"' | b'\'' | b';' | b'/') && !b.is_ascii_whitespace()
                    })
                    .collect();
                let label = String::from_utf8_lossy(&label).into_owned();
                // A meta tag readable as ASCII cannot be UTF-16 (WHATWG reads it as UTF-8).
                if !label.is_empty() && !label.starts_with("utf-16") {
                    return Some(label);
                }
            }
        }
        from = end;
    }
    None
}

/// RFC 3676 `format=flowed` text as the paragraphs its sender wrote: a line ending in a space
/// continues on the next line of the same quote depth (with `delsp=yes` that space was added
/// by the sender's client and goes), a space-stuffed line loses its first space, and the
/// signature separator `-- ` is a line of its own. Quoted paragraphs keep one `> ` per level.
/// Mail clients (Thunderbird, Apple Mail) show flowed text this way; unwrapped, it reads as
/// lines cut at 72 characters and, with `delsp=yes`, words cut in two.
fn unflowed(text: &str, delsp: bool) -> String {
    let mut out = String::with_capacity(text.len());
    // The paragraph being joined: its quote depth, while its last line was flowed.
    let mut open: Option<usize> = None;
    let lines: Vec<&str> = text.split('\n').collect();
    for (at, line) in lines.iter().enumerate() {
        let line = line.strip_suffix('\r').unwrap_or(line);
        let depth = line.chars().take_while(|&c| c == '>').count();
        let content = &line[depth..];
        let content = content.strip_prefix(' ').unwrap_or(content);
        let flowed = content.ends_with(' ') && content != "-- ";
        match open {
            Some(open_depth) if open_depth == depth => {}
            _ => {
                if at > 0 {
                    out.push('\n');
                }
                if depth > 0 {
                    out.push_str(&">".repeat(depth));
                    if !content.is_empty() {
                        out.push(' ');
                    }
                }
            }
        }
        let kept = match (flowed, delsp) {
            (true, true) => &content[..content.len() - 1],
            _ => content,
        };
        out.push_str(kept);
        open = flowed.then_some(depth);
    }
    out
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack
        .windows(needle.len())
        .position(|window| window == needle)
}

// ------------------------------------------------------------------------------------------
// Header fields
// ------------------------------------------------------------------------------------------

/// The header fields the import reads as text: the subject and the display names (Reply-To's
/// too: a web form's customer name is what the rep sees and the new contact's name).
const TEXT_FIELDS: &[&str] = &["subject", "from", "reply-to", "to", "cc"];

/// The raw message with the header fields the import reads as text (Subject, From, Reply-To,
/// To, Cc) rewritten where mail-parser would read them differently from a mail client; `None`
/// when none needs it (the usual case, and then nothing is copied). In those fields:
/// - raw 8-bit bytes that are not UTF-8 are read in the charset the message declares for its
///   text (what Thunderbird does), else as windows-1252;
/// - raw ISO-2022-JP (escape sequences where an encoded-word belongs) is decoded;
/// - a run of adjacent encoded-words in one charset is decoded as one text with the rules
///   above (so a character split between two words survives, and unknown or mislabelled
///   charsets degrade as bodies do), and written back as one UTF-8 encoded-word, so commas
///   and quotes in a decoded name keep meaning nothing to the address parser.
///
/// Only the header block changes, field by field; a rewritten field keeps its name and line
/// ending, and one whose result would not be a well-formed field is left as it was.
pub(super) fn normalise_headers(raw: &[u8]) -> Option<Vec<u8>> {
    let mut declared: Option<Option<String>> = None;
    let mut out: Vec<u8> = Vec::new();
    let mut copied = 0;
    let mut changed = false;
    let mut fields = HeaderFields { raw, at: 0 };
    while let Some((start, colon, value_end, end)) = fields.next_field() {
        let name = raw[start..colon].trim_ascii();
        if !TEXT_FIELDS
            .iter()
            .any(|field| name.eq_ignore_ascii_case(field.as_bytes()))
        {
            continue;
        }
        let value = &raw[colon + 1..value_end];
        let Some(new_value) = normalise_value(value, &mut || {
            declared
                .get_or_insert_with(|| declared_charset(raw))
                .clone()
        }) else {
            continue;
        };
        out.extend_from_slice(&raw[copied..=colon]);
        out.extend_from_slice(new_value.as_bytes());
        out.extend_from_slice(&raw[value_end..end]);
        copied = end;
        changed = true;
    }
    if !changed {
        return None;
    }
    out.extend_from_slice(&raw[copied..]);
    Some(out)
}

/// Walks the header block: each field as (start, colon, end of value, end with line ending).
struct HeaderFields<'a> {
    raw: &'a [u8],
    at: usize,
}

impl HeaderFields<'_> {
    fn next_field(&mut self) -> Option<(usize, usize, usize, usize)> {
        loop {
            let start = self.at;
            let rest = self.raw.get(start..)?;
            if rest.is_empty() || rest.starts_with(b"\n") || rest.starts_with(b"\r\n") {
                return None; // end of the header block
            }
            // The field runs until a line break that is not followed by white space.
            let mut end = start;
            loop {
                match find(&self.raw[end..], b"\n") {
                    Some(at) => {
                        end += at + 1;
                        if !matches!(self.raw.get(end), Some(b' ' | b'\t')) {
                            break;
                        }
                    }
                    None => {
                        end = self.raw.len();
                        break;
                    }
                }
            }
            self.at = end;
            let field = &self.raw[start..end];
            let first_line = field.split(|&b| b == b'\n').next().unwrap_or_default();
            let Some(colon) = first_line.iter().position(|&b| b == b':') else {
                continue;
            };
            let line_ending = if field.ends_with(b"\r\n") {
                2
            } else {
                usize::from(field.ends_with(b"\n"))
            };
            if colon + 1 > field.len() - line_ending {
                continue;
            }
            return Some((start, start + colon, end - line_ending, end));
        }
    }
}

/// The charset the message declares for its text: the top-level `charset`, else the first
/// text part's.
fn declared_charset(raw: &[u8]) -> Option<String> {
    let message = mail_parser::MessageParser::default().parse(raw)?;
    let charset_of = |part: &MessagePart<'_>| {
        part.content_type()
            .and_then(|ct| ct.attribute("charset"))
            .map(str::to_owned)
    };
    let root = message.parts.first().and_then(charset_of);
    root.or_else(|| {
        message
            .parts
            .iter()
            .filter(|part| {
                part.content_type()
                    .is_some_and(|ct| ct.ctype().eq_ignore_ascii_case("text"))
            })
            .find_map(charset_of)
    })
}

/// A field value as mail-parser should see it, or `None` when it reads it right already.
fn normalise_value(value: &[u8], declared: &mut dyn FnMut() -> Option<String>) -> Option<String> {
    if value.is_ascii() && !has_iso_2022_jp_escapes(value) && find(value, b"=?").is_none() {
        return None;
    }
    let text: Cow<'_, str> = match std::str::from_utf8(value) {
        Ok(text) if !(value.is_ascii() && has_iso_2022_jp_escapes(value)) => Cow::Borrowed(text),
        Ok(_) => Cow::Owned(undeclared(value)),
        // A 7-bit charset (ISO-2022-JP...) cannot be what raw 8-bit bytes are in.
        Err(_) => Cow::Owned(decode_text(
            value,
            declared().filter(|label| !is_stateful(label)).as_deref(),
        )),
    };
    let rewritten = rewrite_encoded_words(&text);
    let changed = matches!(text, Cow::Owned(_)) || matches!(rewritten, Cow::Owned(_));
    // A line break must stay a fold (followed by white space), and nothing may end the
    // header block or the field early.
    let well_formed = !rewritten.contains('\0')
        && rewritten
            .split('\n')
            .skip(1)
            .all(|line| line.starts_with([' ', '\t']));
    (changed && well_formed).then(|| rewritten.into_owned())
}

/// An RFC 2047 encoded-word at the start of `bytes`, read as mail-parser reads it.
struct EncodedWord<'a> {
    charset: &'a str,
    bytes: Vec<u8>,
    len: usize,
}

fn encoded_word(bytes: &[u8]) -> Option<EncodedWord<'_>> {
    let rest = bytes.strip_prefix(b"=?")?;
    let charset_len = rest.iter().position(|&b| b == b'?')?;
    let label = &rest[..charset_len];
    let charset = label.split(|&b| b == b'*').next().unwrap_or_default();
    if charset.len() < 2 || !label.iter().all(|b| b.is_ascii_graphic()) {
        return None;
    }
    let after_charset = &rest[charset_len + 1..];
    let (&encoding, after_encoding) = after_charset.split_first()?;
    let payload = after_encoding.strip_prefix(b"?")?;
    let mut stream = MessageStream::new(payload);
    let decoded = match encoding {
        b'q' | b'Q' => stream.decode_quoted_printable_word(),
        b'b' | b'B' => stream.decode_base64_word(),
        _ => None,
    }?;
    Some(EncodedWord {
        charset: std::str::from_utf8(charset).ok()?,
        bytes: decoded,
        len: 2 + charset_len + 3 + stream.offset(),
    })
}

/// Each run of adjacent encoded-words in one charset in `text` (only white space between
/// them): its byte range and its words.
fn encoded_runs(text: &str) -> Vec<(std::ops::Range<usize>, Vec<EncodedWord<'_>>)> {
    let bytes = text.as_bytes();
    let mut runs = Vec::new();
    let mut at = 0;
    while let Some(found) = find(&bytes[at..], b"=?") {
        let start = at + found;
        let Some(first) = encoded_word(&bytes[start..]) else {
            at = start + 2;
            continue;
        };
        let label = first.charset;
        let mut end = start + first.len;
        let mut words = vec![first];
        loop {
            let gap = bytes[end..]
                .iter()
                .take_while(|b| matches!(b, b' ' | b'\t' | b'\r' | b'\n'))
                .count();
            match encoded_word(&bytes[end + gap..]) {
                Some(next) if clean_label(next.charset) == clean_label(label) => {
                    end += gap + next.len;
                    words.push(next);
                }
                _ => break,
            }
        }
        at = end;
        runs.push((start..end, words));
    }
    runs
}

/// The text of a run of encoded-words in one charset, decoded with our rules: joined, so a
/// character split between two words survives.
fn run_text(words: &[EncodedWord<'_>]) -> String {
    let Some(label) = words.first().map(|word| word.charset) else {
        return String::new();
    };
    if is_stateful(label) {
        // Each word of a stateful encoding starts and ends in ASCII; joined, ISO-2022-JP's
        // back-to-back escape sequences would read as an error.
        words
            .iter()
            .map(|word| decode_text(&word.bytes, Some(label)))
            .collect::<String>()
    } else {
        let joined: Vec<u8> = words
            .iter()
            .flat_map(|word| word.bytes.iter().copied())
            .collect();
        decode_text(&joined, Some(label))
    }
}

/// The text with each run of adjacent encoded-words in one charset replaced by one UTF-8
/// encoded-word, where that reads differently from mail-parser's word-by-word decoding.
fn rewrite_encoded_words(text: &str) -> Cow<'_, str> {
    let bytes = text.as_bytes();
    let mut out: Vec<u8> = Vec::new();
    let mut copied = 0;
    for (range, words) in encoded_runs(text) {
        let ours = run_text(&words);
        let label = words.first().map_or("", |word| word.charset);
        let theirs: String = words
            .iter()
            .map(|word| mail_parser_word(&word.bytes, label))
            .collect();
        if ours == theirs {
            continue;
        }
        let mut word = String::from("=?UTF-8?B?");
        push_base64(ours.as_bytes(), &mut word);
        word.push_str("?=");
        out.extend_from_slice(&bytes[copied..range.start]);
        out.extend_from_slice(word.as_bytes());
        copied = range.end;
    }
    if copied == 0 {
        return Cow::Borrowed(text);
    }
    out.extend_from_slice(&bytes[copied..]);
    // Every cut is at ASCII (`=` or after `?=`), so this is UTF-8; if not, nothing changes.
    String::from_utf8(out).map_or(Cow::Borrowed(text), Cow::Owned)
}

/// `text` with its encoded-words decoded (RFC 2047): white space between two encoded-words
/// is not part of the text (§6.2), and adjacent words in one charset are decoded together.
fn decode_words(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    let mut previous_end = None;
    for (range, words) in encoded_runs(text) {
        let between = &text[copied..range.start];
        if !(previous_end == Some(copied) && between.trim().is_empty()) {
            out.push_str(between);
        }
        out.push_str(&run_text(&words));
        copied = range.end;
        previous_end = Some(range.end);
    }
    out.push_str(&text[copied..]);
    out
}

/// The value of parameter `name` (e.g. `filename`) in the raw value of a Content-Disposition
/// or Content-Type field, decoded, when it is written as RFC 2047 encoded-words (Outlook's
/// `name="=?utf-8?B?...?="`, folded into several words for long names). `None` when the
/// parameter is absent, is not in encoded-words, or the field also has the RFC 2231 form
/// (`name*=`), which mail-parser reads. mail-parser decodes such words one by one and keeps
/// the folding between them, so a long name gained spaces inside words and a character split
/// between two words became U+FFFD.
pub(super) fn encoded_word_parameter(field_value: &[u8], name: &str) -> Option<String> {
    let value = String::from_utf8_lossy(field_value);
    let lower = value.to_ascii_lowercase();
    if lower.contains(&format!("{name}*")) {
        return None;
    }
    let mut from = 0;
    let start = loop {
        let at = from + lower[from..].find(name)?;
        let before = lower[..at].trim_end_matches([' ', '\t', '\r', '\n']);
        let after = lower[at + name.len()..].trim_start_matches([' ', '\t', '\r', '\n']);
        if before.ends_with(';') && after.starts_with('=') {
            let equals = lower.len() - after.len();
            break equals + 1;
        }
        from = at + name.len();
    };
    let rest = value[start..].trim_start_matches([' ', '\t', '\r', '\n']);
    let raw: String = match rest.strip_prefix('"') {
        Some(quoted) => {
            let mut out = String::new();
            let mut chars = quoted.chars();
            while let Some(c) = chars.next() {
                match c {
                    '"' => break,
                    '\\' => out.extend(chars.next()),
                    // A fold inside the quotes is not part of the value.
                    '\r' | '\n' => {}
                    c => out.push(c),
                }
            }
            out
        }
        None => rest
            .split(|c: char| c == ';' || c.is_whitespace())
            .next()
            .unwrap_or_default()
            .to_owned(),
    };
    raw.contains("=?").then(|| decode_words(&raw))
}

/// What mail-parser makes of one encoded-word's bytes.
fn mail_parser_word(bytes: &[u8], label: &str) -> String {
    match charset_decoder(label.as_bytes()) {
        Some(decoder) => decoder(bytes),
        None => String::from_utf8_lossy(bytes).into_owned(),
    }
}

fn is_stateful(label: &str) -> bool {
    let label = clean_label(label);
    label.contains("2022")
        || label.starts_with("hz")
        || label.contains("utf-7")
        || label == "csutf7"
}

fn push_base64(bytes: &[u8], out: &mut String) {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    for chunk in bytes.chunks(3) {
        let byte = |i: usize| u32::from(chunk.get(i).copied().unwrap_or(0));
        let triple = (byte(0) << 16) | (byte(1) << 8) | byte(2);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[(triple >> (18 - 6 * i)) as usize & 63]));
            } else {
                out.push('=');
            }
        }
    }
}
