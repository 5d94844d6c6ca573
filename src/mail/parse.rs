//! Parsing of received mail (SPEC §9 "Import email"): one raw RFC 5322 / MIME message in, a
//! [`ParsedEmail`] out, or a [`ParseError`] a support rep can read next to the file name.
//!
//! Owns: header decoding (RFC 2047 names and subjects; charsets are `decode`'s), picking the
//! text and HTML bodies as mail clients show them (attached messages after the message's own
//! text, text parts among HTML parts), listing attachments with the names clients give them
//! (the files inside `winmail.dat` through `tnef`), turning dates into Unix millis and ids
//! into bare ids.
//! Must not: route, thread, create contacts or sanitise HTML (the HTML is returned raw and is
//! never trusted), read the clock, or panic on any input.

use super::automatic::{detect, ReturnedIds};
use crate::domain::{Automatic, EmailAddress, Mailbox, Millis, ValidationError};
use mail_parser::{
    Address, GetHeader, HeaderName, HeaderValue, Message, MessageParser, MessagePart, MimeHeaders,
    PartType,
};

/// A received message, decoded. Addresses are validated; bodies are UTF-8.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedEmail {
    pub from: Mailbox,
    /// `Reply-To`: where the sender asks to be answered (each valid address once; an entry
    /// that is not a valid address is left out, like To's and Cc's, and reported in
    /// `ignored_addresses`).
    pub reply_to: Vec<Mailbox>,
    pub to: Vec<Mailbox>,
    pub cc: Vec<Mailbox>,
    /// `Delivered-To` and `X-Original-To`: the mailbox that actually received this copy
    /// (the only trace of a Bcc to the team address).
    pub delivered_to: Vec<EmailAddress>,
    /// Decoded subject; empty when the message had none.
    pub subject: String,
    /// `Date:` as Unix millis; `None` when missing or not a valid date.
    pub date: Option<Millis>,
    /// Ids are stored without angle brackets.
    pub message_id: Option<String>,
    pub in_reply_to: Option<String>,
    pub references: Vec<String>,
    /// Plain text from the text/plain part, or derived from the HTML when there is none.
    pub text_body: String,
    /// The HTML part exactly as received (after transfer and charset decoding). Unsafe.
    pub html_body: Option<String>,
    pub attachments: Vec<ParsedAttachment>,
    /// Size of the raw message in bytes.
    pub raw_size: u64,
    /// Entries of Reply-To/To/Cc/Delivered-To that are not valid addresses; they are left
    /// out of the lists above rather than failing the whole import.
    pub ignored_addresses: Vec<String>,
    /// An automatic reply or a bounce (`mail::automatic`); `None` for a person's email.
    pub automatic: Option<Automatic>,
    /// The ids of the message a bounce (or another mail system's report) returns.
    pub returned: Option<ReturnedIds>,
}

impl ParsedEmail {
    /// Everyone the message was delivered to, for routing: `Delivered-To`/`X-Original-To`
    /// first because they name the mailbox that received this copy, then To, then Cc.
    pub fn recipients(&self) -> Vec<Mailbox> {
        self.delivered_to
            .iter()
            .map(|address| Mailbox {
                name: None,
                address: address.clone(),
            })
            .chain(self.to.iter().cloned())
            .chain(self.cc.iter().cloned())
            .collect()
    }

    /// The In-Reply-To and References `domain::threading::find_thread` threads by. A report
    /// that returns a message threads first by that message's id, then by its own headers,
    /// then by the thread the returned message was in (a reply sent from another mail client
    /// is not stored, but the customer's email it answered is).
    pub fn thread_ids(&self) -> (Option<String>, Vec<String>) {
        let Some(returned) = &self.returned else {
            return (self.in_reply_to.clone(), self.references.clone());
        };
        // `find_thread` reads References from the end: the nearest relative last.
        let mut references = returned.references.clone();
        references.extend(returned.in_reply_to.clone());
        references.extend(self.references.iter().cloned());
        references.extend(self.in_reply_to.clone());
        let first = returned
            .message_id
            .clone()
            .or_else(|| self.in_reply_to.clone());
        (first, references)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedAttachment {
    /// A bare file name (no directories, no control characters); never empty.
    pub file_name: String,
    /// Lower-case `type/subtype`.
    pub content_type: String,
    pub size: u64,
    /// `Content-ID` without angle brackets (what a `cid:` URL in the HTML names).
    pub content_id: Option<String>,
    pub bytes: Vec<u8>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ParseError {
    #[error("The file is empty.")]
    Empty,
    #[error(
        "This file is not an email: it contains binary data where the mail headers should be."
    )]
    Binary,
    #[error(
        "This file is not an email: no mail headers (From, To, Subject, Date\u{2026}) were found."
    )]
    NotAnEmail,
    #[error("The email has no From address, so it cannot be imported.")]
    MissingFrom,
    #[error("The From address \u{201c}{value}\u{201d} is not valid: {reason}")]
    InvalidFrom {
        value: String,
        reason: ValidationError,
    },
}

/// Headers whose presence shows the bytes are meant to be a mail message.
const MAIL_HEADERS: &[&str] = &[
    "from",
    "to",
    "cc",
    "subject",
    "date",
    "message-id",
    "received",
    "return-path",
    "mime-version",
    "content-type",
    "delivered-to",
    "sender",
    "reply-to",
];

/// Parses one raw message. Never panics; anything that is not a usable email is an error.
pub fn parse_eml(bytes: &[u8]) -> Result<ParsedEmail, ParseError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(ParseError::Empty);
    }
    let raw_size = bytes.len() as u64;
    // A file whose lines end in CR alone (classic Mac OS, some Windows tools) is one long
    // header line to a MIME parser; read as the lines it has, as Thunderbird does.
    let lines_ended: Vec<u8>;
    let bytes = if bytes.contains(&b'\r') && !bytes.contains(&b'\n') {
        lines_ended = bytes
            .iter()
            .map(|&b| if b == b'\r' { b'\n' } else { b })
            .collect();
        &lines_ended[..]
    } else {
        bytes
    };
    if header_block(bytes).contains(&0) {
        return Err(ParseError::Binary);
    }
    // Subject and names with raw 8-bit, raw ISO-2022-JP or mislabelled encoded-words are
    // rewritten first (`decode::normalise_headers`); mail-parser then reads the rest.
    let normalised = super::decode::normalise_headers(bytes);
    let mut message = MessageParser::default()
        .parse(normalised.as_deref().unwrap_or(bytes))
        .ok_or(ParseError::NotAnEmail)?;
    let known_headers = message.headers().iter().any(|header| {
        MAIL_HEADERS
            .iter()
            .any(|name| header.name().eq_ignore_ascii_case(name))
    });
    if !known_headers {
        return Err(ParseError::NotAnEmail);
    }
    super::decode::repair_text_parts(&mut message);

    let from = parse_from(message.from(), message.header_raw("From"))?;
    let mut ignored_addresses = Vec::new();
    let reply_to = mailboxes(message.reply_to().into_iter(), &mut ignored_addresses);
    let to = mailboxes(message.all_to(), &mut ignored_addresses);
    let cc = mailboxes(message.all_cc(), &mut ignored_addresses);
    let delivered_to = delivered_to(&message, &mut ignored_addresses);

    // On one line: a TAB or an encoded line break inside a received subject would otherwise
    // make every reply's subject a refused header.
    let subject = message
        .subject()
        .map(crate::domain::one_line)
        .unwrap_or_default();
    let date = message
        .date()
        .filter(|date| date.is_valid())
        .and_then(|date| date.to_timestamp().checked_mul(1000));
    let message_id = message.message_id().and_then(bare_id);
    let in_reply_to = ids(message.in_reply_to()).into_iter().next();
    let references = ids(message.references());

    let attachments = attachments(&message);
    let (text_body, html_body) = bodies(&message);
    let (automatic, returned) = detect(&message, &from, &subject);

    Ok(ParsedEmail {
        from,
        reply_to,
        to,
        cc,
        delivered_to,
        subject,
        date,
        message_id,
        in_reply_to,
        references,
        text_body,
        html_body,
        attachments,
        raw_size,
        ignored_addresses,
        automatic,
        returned,
    })
}

/// The bytes before the first empty line (or the whole input when there is none).
fn header_block(bytes: &[u8]) -> &[u8] {
    let end = bytes
        .windows(2)
        .position(|pair| pair == b"\n\n")
        .into_iter()
        .chain(bytes.windows(4).position(|quad| quad == b"\r\n\r\n"))
        .min()
        .unwrap_or(bytes.len());
    &bytes[..end]
}

/// The first From mailbox. A From header that names no address at all (`From: Jane`) is an
/// invalid From, not a missing one, so the rep sees what the file actually says.
fn parse_from(from: Option<&Address<'_>>, raw_header: Option<&str>) -> Result<Mailbox, ParseError> {
    let raw_header = raw_header.map(str::trim).unwrap_or_default();
    let first = from.and_then(|address| address.iter().next());
    let raw = first
        .and_then(|addr| addr.address())
        .map(str::trim)
        .unwrap_or_default();
    if raw.is_empty() {
        let bare = raw_header.trim_matches(|c: char| c == '<' || c == '>' || c.is_whitespace());
        return Err(if bare.is_empty() {
            ParseError::MissingFrom
        } else {
            ParseError::InvalidFrom {
                value: printable(raw_header),
                reason: ValidationError::AddressShape,
            }
        });
    }
    let first = first.ok_or(ParseError::MissingFrom)?;
    let address = EmailAddress::parse(raw).map_err(|reason| ParseError::InvalidFrom {
        value: printable(raw),
        reason,
    })?;
    Ok(Mailbox {
        name: display_name(first.name(), &address),
        address,
    })
}

fn mailboxes<'a>(
    headers: impl Iterator<Item = &'a Address<'a>>,
    ignored: &mut Vec<String>,
) -> Vec<Mailbox> {
    let mut out: Vec<Mailbox> = Vec::new();
    for addr in headers.flat_map(|address| address.iter()) {
        let Some(raw) = addr.address().map(str::trim).filter(|raw| !raw.is_empty()) else {
            // `To: Maria` names someone without an address: unusable, but worth reporting.
            // (An empty group such as `undisclosed-recipients:;` yields no entry at all.)
            if let Some(name) = addr.name().map(str::trim).filter(|n| !n.is_empty()) {
                ignored.push(printable(name));
            }
            continue;
        };
        match EmailAddress::parse(raw) {
            Ok(address) => {
                if !out.iter().any(|m| m.address.same_mailbox(&address)) {
                    out.push(Mailbox {
                        name: display_name(addr.name(), &address),
                        address,
                    });
                }
            }
            Err(_) => ignored.push(printable(raw)),
        }
    }
    out
}

/// Decoded display name, without the quotes some clients leave in, and dropped when it only
/// repeats the address (Outlook writes `"jane@x.example" <jane@x.example>`).
fn display_name(name: Option<&str>, address: &EmailAddress) -> Option<String> {
    let name = printable(name?.trim());
    let name = name
        .strip_prefix('"')
        .and_then(|n| n.strip_suffix('"'))
        .unwrap_or(&name)
        .trim();
    (!name.is_empty() && !name.eq_ignore_ascii_case(address.as_str())).then(|| name.to_owned())
}

fn delivered_to(
    message: &mail_parser::Message<'_>,
    ignored: &mut Vec<String>,
) -> Vec<EmailAddress> {
    let mut out: Vec<EmailAddress> = Vec::new();
    let wanted = |name: &str| {
        name.eq_ignore_ascii_case("Delivered-To") || name.eq_ignore_ascii_case("X-Original-To")
    };
    for header in message.headers().iter().filter(|h| wanted(h.name())) {
        let values: Vec<String> = match header.value() {
            HeaderValue::Address(address) => address
                .iter()
                .filter_map(|a| a.address().map(str::to_owned))
                .collect(),
            HeaderValue::Text(text) => vec![text.to_string()],
            HeaderValue::TextList(list) => list.iter().map(|t| t.to_string()).collect(),
            _ => Vec::new(),
        };
        for value in values {
            let raw = value.trim().trim_start_matches('<').trim_end_matches('>');
            if raw.is_empty() {
                continue;
            }
            match EmailAddress::parse(raw) {
                Ok(address) if !out.iter().any(|a| a.same_mailbox(&address)) => out.push(address),
                Ok(_) => {}
                Err(_) => ignored.push(printable(raw)),
            }
        }
    }
    out
}

pub(super) fn ids(value: &HeaderValue<'_>) -> Vec<String> {
    let raw: Vec<&str> = match value {
        HeaderValue::Text(id) => vec![id.as_ref()],
        HeaderValue::TextList(list) => list.iter().map(|id| id.as_ref()).collect(),
        _ => Vec::new(),
    };
    let mut out: Vec<String> = Vec::new();
    for id in raw.into_iter().filter_map(bare_id) {
        if !out.contains(&id) {
            out.push(id);
        }
    }
    out
}

/// An id without angle brackets or whitespace; `None` when nothing usable is left.
pub(super) fn bare_id(id: &str) -> Option<String> {
    let id = id
        .trim()
        .trim_start_matches('<')
        .trim_end_matches('>')
        .trim();
    (!id.is_empty() && !id.chars().any(|c| c.is_whitespace() || c.is_control()))
        .then(|| id.to_owned())
}

/// Control characters (and the Unicode line separators) replaced by spaces, so a decoded
/// header can never smuggle a line break into anything built from it later.
fn printable(value: &str) -> String {
    value
        .chars()
        .map(|c| {
            if crate::domain::is_forbidden_header_char(c) {
                ' '
            } else {
                c
            }
        })
        .collect()
}

/// The text and HTML a rep reads of `message`: the body parts mail-parser picked (a text part
/// among HTML parts, such as a mailing list's footer, shown as text in the HTML too), then
/// each attached message — forwarded as an attachment, or returned in a bounce — under its own
/// From/Date/Subject/To lines, as Thunderbird shows attached messages. The HTML is `None`
/// unless the message itself has an HTML part.
fn bodies(message: &Message<'_>) -> (String, Option<String>) {
    let mut text = message
        .text_bodies()
        .filter_map(|part| match &part.body {
            PartType::Text(text) => Some(text.to_string()),
            PartType::Html(html) => Some(html_to_text(html)),
            _ => None,
        })
        .collect::<Vec<_>>()
        .join("\n");
    let has_html = message
        .html_bodies()
        .any(|part| matches!(part.body, PartType::Html(_)));
    let mut html = has_html.then(|| {
        message
            .html_bodies()
            .filter_map(|part| match &part.body {
                PartType::Html(html) => Some(html.to_string()),
                PartType::Text(text) => Some(text_as_html(text)),
                _ => None,
            })
            .collect::<Vec<_>>()
            .join("\n")
    });
    for (index, part) in message.attachments().enumerate() {
        let PartType::Message(attached) = &part.body else {
            continue;
        };
        let (attached_text, attached_html) = bodies(attached);
        let name = attachment_file_name(
            declared_file_name(message, part).as_deref(),
            "message/rfc822",
            index,
            attached.subject(),
        );
        let fields = attached_fields(attached);
        text.truncate(text.trim_end().len());
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        text.push_str(&format!("---------- {name} ----------\n"));
        for (label, value) in &fields {
            text.push_str(&format!("{label}: {value}\n"));
        }
        text.push('\n');
        text.push_str(&attached_text);
        if let Some(html) = html.as_mut() {
            html.push_str("\n<hr><p>");
            for (label, value) in &fields {
                html.push_str(&format!("<b>{label}:</b> {}<br>", escape_text(value)));
            }
            html.push_str("</p>\n");
            html.push_str(&attached_html.unwrap_or_else(|| text_as_html(&attached_text)));
        }
    }
    // One line-ending convention for everything downstream (preview, forward rule); a lone
    // CR is a line break too (as an HTML parser reads it), not a character to show.
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    (text, html)
}

/// The header lines an attached message is introduced by, in the order mail clients use.
fn attached_fields(message: &Message<'_>) -> Vec<(&'static str, String)> {
    let list = |address: Option<&Address<'_>>| {
        address
            .into_iter()
            .flat_map(|address| address.iter())
            .filter_map(|addr| {
                let address = addr.address()?.trim();
                Some(match addr.name().map(str::trim).filter(|n| !n.is_empty()) {
                    Some(name) => format!("{name} <{address}>"),
                    None => address.to_owned(),
                })
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    let fields = [
        ("From", list(message.from())),
        (
            "Date",
            message.header_raw("Date").unwrap_or_default().to_owned(),
        ),
        ("Subject", message.subject().unwrap_or_default().to_owned()),
        ("To", list(message.to())),
    ];
    fields
        .into_iter()
        .map(|(label, value)| (label, printable(value.trim())))
        .filter(|(_, value)| !value.is_empty())
        .collect()
}

/// Plain text as HTML that keeps its lines: a text part among HTML parts, or an attached
/// message without HTML.
fn text_as_html(text: &str) -> String {
    format!(
        "<div style=\"white-space:pre-wrap\">{}</div>",
        escape_text(text)
    )
}

fn escape_text(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The files of `message` as the rep sees them listed, in order. A text file keeps the bytes
/// it was sent with (mail-parser hands text parts on decoded to UTF-8, which changed a
/// Latin-1 file and turned bytes that are not text into U+FFFD); Outlook's `winmail.dat` is
/// replaced by the files inside it; a calendar part that repeats an attached `.ics` file is
/// not listed twice (Google Calendar sends both).
fn attachments(message: &Message<'_>) -> Vec<ParsedAttachment> {
    let mut files: Vec<(bool, ParsedAttachment)> = Vec::new();
    for (index, part) in message.attachments().enumerate() {
        let content_type = part
            .content_type()
            .map(|ct| match ct.subtype() {
                Some(sub) => format!("{}/{}", ct.ctype(), sub),
                None => ct.ctype().to_owned(),
            })
            .map(|ct| canonical_type(ct.to_ascii_lowercase()))
            .filter(|ct| !ct.is_empty() && !ct.chars().any(char::is_control))
            .unwrap_or_else(|| {
                // A part of a `multipart/digest` is a message unless it says otherwise.
                match part.body {
                    PartType::Message(_) => "message/rfc822",
                    _ => "application/octet-stream",
                }
                .to_owned()
            });
        let bytes = match &part.body {
            PartType::Text(_) | PartType::Html(_) => {
                super::decode::transfer_decoded(&message.raw_message, part).into_owned()
            }
            _ => part.contents().to_vec(),
        };
        let declared = declared_file_name(message, part);
        let tnef = content_type == "application/ms-tnef"
            || declared
                .as_deref()
                .is_some_and(|name| name.eq_ignore_ascii_case("winmail.dat"));
        let inside = if tnef {
            super::tnef::files(&bytes)
        } else {
            Vec::new()
        };
        if !inside.is_empty() {
            for file in inside {
                let content_type = file
                    .content_type
                    .map(|ct| canonical_type(ct.to_ascii_lowercase()))
                    .filter(|ct| is_mime_type(ct))
                    .or_else(|| type_of_name(file.name.as_deref()?).map(str::to_owned))
                    .unwrap_or_else(|| "application/octet-stream".to_owned());
                let file_name =
                    attachment_file_name(file.name.as_deref(), &content_type, index, None);
                files.push((
                    true,
                    ParsedAttachment {
                        file_name,
                        content_type,
                        size: file.bytes.len() as u64,
                        content_id: None,
                        bytes: file.bytes,
                    },
                ));
            }
            continue;
        }
        let subject = match &part.body {
            PartType::Message(attached) => attached.subject(),
            _ => None,
        };
        files.push((
            declared.is_some(),
            ParsedAttachment {
                file_name: attachment_file_name(declared.as_deref(), &content_type, index, subject),
                content_type,
                size: bytes.len() as u64,
                content_id: part.content_id().and_then(bare_id),
                bytes,
            },
        ));
    }
    let repeats = |at: usize, file: &ParsedAttachment| {
        files
            .iter()
            .enumerate()
            .any(|(other, (_, f))| other != at && f.bytes == file.bytes)
    };
    let keep: Vec<bool> = files
        .iter()
        .enumerate()
        .map(|(at, (named, file))| {
            *named || file.content_type != "text/calendar" || !repeats(at, file)
        })
        .collect();
    files
        .into_iter()
        .zip(keep)
        .filter_map(|((_, file), keep)| keep.then_some(file))
        .collect()
}

/// The file name the sender gave a part, if any. Encoded-words in a quoted `filename` or
/// `name` are decoded by `decode` (mail-parser decodes them one by one, see there).
fn declared_file_name(message: &Message<'_>, part: &MessagePart<'_>) -> Option<String> {
    let raw = |field: HeaderName<'_>| {
        part.headers.header(field).and_then(|header| {
            message
                .raw_message
                .get(header.offset_start as usize..header.offset_end as usize)
        })
    };
    let in_disposition = part
        .content_disposition()
        .is_some_and(|cd| cd.attribute("filename").is_some());
    let ours = if in_disposition {
        raw(HeaderName::ContentDisposition)
            .and_then(|value| super::decode::encoded_word_parameter(value, "filename"))
    } else {
        raw(HeaderName::ContentType)
            .and_then(|value| super::decode::encoded_word_parameter(value, "name"))
    };
    ours.or_else(|| part.attachment_name().map(str::to_owned))
}

/// A few content types written under another name, as mail clients read them: `image/jpg`
/// and `image/pjpeg` are JPEG (the thread's frame shows only the types it knows by name).
fn canonical_type(content_type: String) -> String {
    match content_type.as_str() {
        "image/jpg" | "image/pjpeg" => "image/jpeg".to_owned(),
        "image/x-png" => "image/png".to_owned(),
        _ => content_type,
    }
}

fn is_mime_type(value: &str) -> bool {
    value.split_once('/').is_some_and(|(kind, sub)| {
        let token = |s: &str| {
            !s.is_empty()
                && s.chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '+' | '-'))
        };
        token(kind) && token(sub)
    })
}

/// The type of a file by its extension, for files whose sender named no type.
fn type_of_name(name: &str) -> Option<&'static str> {
    let (_, extension) = name.rsplit_once('.')?;
    Some(match extension.to_ascii_lowercase().as_str() {
        "pdf" => "application/pdf",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "txt" => "text/plain",
        "csv" => "text/csv",
        "zip" => "application/zip",
        "docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        _ => return None,
    })
}

/// The sender's file name reduced to its last path component; when absent, the name mail
/// clients give such a part: an attached message is named after its subject (`.eml`), a
/// calendar part `invite.ics`, signatures `smime.p7s` / `signature.asc` (Gmail's names), and
/// anything else `attachment-N` with the extension of its type.
fn attachment_file_name(
    name: Option<&str>,
    content_type: &str,
    index: usize,
    subject: Option<&str>,
) -> String {
    let cleaned = name
        .map(printable)
        .map(|n| {
            n.rsplit(['/', '\\'])
                .next()
                .unwrap_or_default()
                .trim()
                .to_owned()
        })
        .filter(|n| !n.is_empty() && n != "." && n != "..");
    if let Some(name) = cleaned {
        return name;
    }
    let subject = subject
        .map(|subject| printable(subject).replace(['/', '\\'], "_"))
        .map(|subject| subject.trim().chars().take(100).collect::<String>())
        .filter(|subject| !subject.trim_matches('.').trim().is_empty());
    let extension = match content_type {
        "message/rfc822" | "message/global" => match subject {
            Some(subject) => return format!("{}.eml", subject.trim()),
            None => "eml",
        },
        "text/calendar" | "application/ics" => return "invite.ics".to_owned(),
        "application/pgp-signature" => return "signature.asc".to_owned(),
        "application/pkcs7-signature" | "application/x-pkcs7-signature" => {
            return "smime.p7s".to_owned()
        }
        "application/pkcs7-mime" | "application/x-pkcs7-mime" => return "smime.p7m".to_owned(),
        "text/html" => "html",
        "text/csv" => "csv",
        "application/pdf" => "pdf",
        "image/png" => "png",
        "image/jpeg" => "jpg",
        "image/gif" => "gif",
        "image/webp" => "webp",
        _ if content_type.starts_with("text/") => "txt",
        // The machine-readable parts of bounces and read receipts are text.
        "message/delivery-status" | "message/disposition-notification" => "txt",
        _ => "bin",
    };
    format!("attachment-{}.{extension}", index + 1)
}

/// Plain text from HTML for mail that has no text/plain part. Deliberately small: mail-parser's
/// own converter carries the full HTML entity table (about 18 KB brotli in the wasm bundle),
/// while mail in practice uses a handful of entities. Never used for display of HTML.
pub fn html_to_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len() / 2);
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        push_text(&mut out, &rest[..lt]);
        let tag_source = &rest[lt + 1..];
        if let Some(comment) = tag_source.strip_prefix("!--") {
            rest = comment.find("-->").map_or("", |end| &comment[end + 3..]);
            continue;
        }
        let Some(gt) = tag_source.find('>') else {
            rest = "";
            break;
        };
        let tag = &tag_source[..gt];
        rest = &tag_source[gt + 1..];
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        let closing = tag.starts_with('/');
        if !closing
            && matches!(
                name.as_str(),
                "script" | "style" | "head" | "title" | "template"
            )
        {
            // Skip everything up to the matching close tag (case-insensitive).
            let close = format!("</{name}");
            let lower = rest.to_ascii_lowercase();
            rest = match lower.find(&close) {
                Some(at) => rest[at..].find('>').map_or("", |gt| &rest[at + gt + 1..]),
                None => "",
            };
            continue;
        }
        let block = matches!(
            name.as_str(),
            "br" | "p"
                | "div"
                | "tr"
                | "li"
                | "ul"
                | "ol"
                | "table"
                | "blockquote"
                | "pre"
                | "h1"
                | "h2"
                | "h3"
                | "h4"
                | "h5"
                | "h6"
                | "hr"
        );
        if block && !out.ends_with('\n') {
            out.push('\n');
        } else if !block && matches!(name.as_str(), "td" | "th") && !out.ends_with([' ', '\n']) {
            out.push(' ');
        }
    }
    push_text(&mut out, rest);
    // Tidy: trim each line, at most one blank line in a row, no leading/trailing blank lines.
    let mut tidy = String::with_capacity(out.len());
    let mut blank_run = 0;
    for line in out.lines().map(str::trim) {
        if line.is_empty() {
            blank_run += 1;
            if blank_run > 1 || tidy.is_empty() {
                continue;
            }
        } else {
            blank_run = 0;
        }
        tidy.push_str(line);
        tidy.push('\n');
    }
    while tidy.ends_with("\n\n") {
        tidy.pop();
    }
    tidy
}

/// Text between tags: whitespace collapsed as a browser would, entities decoded.
fn push_text(out: &mut String, text: &str) {
    let mut rest = text;
    while !rest.is_empty() {
        let (chunk, after) = match rest.find('&') {
            Some(at) => (&rest[..at], &rest[at..]),
            None => (rest, ""),
        };
        for c in chunk.chars() {
            if c.is_whitespace() {
                if !out.is_empty() && !out.ends_with([' ', '\n']) {
                    out.push(' ');
                }
            } else {
                out.push(c);
            }
        }
        if after.is_empty() {
            break;
        }
        let entity_end = after[1..]
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '#'))
            .map(|i| i + 1)
            .unwrap_or(after.len());
        let entity = &after[1..entity_end];
        let decoded = match entity {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            "nbsp" => Some(' '),
            "ndash" => Some('\u{2013}'),
            "mdash" => Some('\u{2014}'),
            "hellip" => Some('\u{2026}'),
            "rsquo" => Some('\u{2019}'),
            "lsquo" => Some('\u{2018}'),
            "ldquo" => Some('\u{201c}'),
            "rdquo" => Some('\u{201d}'),
            "euro" => Some('\u{20ac}'),
            "copy" => Some('\u{a9}'),
            _ => entity.strip_prefix('#').and_then(|number| {
                match number.strip_prefix(['x', 'X']) {
                    Some(hex) => u32::from_str_radix(hex, 16).ok(),
                    None => number.parse().ok(),
                }
                .and_then(char::from_u32)
                .filter(|c| !c.is_control() || *c == '\n')
            }),
        };
        match decoded {
            Some(c) => {
                out.push(c);
                let after_entity = &after[entity_end..];
                rest = after_entity.strip_prefix(';').unwrap_or(after_entity);
            }
            None => {
                out.push('&');
                rest = &after[1..];
            }
        }
    }
}
