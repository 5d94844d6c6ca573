//! Building sent mail (SPEC §9): an [`OutgoingEmail`] in, the exact RFC 5322 / MIME bytes
//! that will be delivered out, plus the SMTP/JMAP envelope (Bcc travels only there).
//!
//! Owns: header validation (no CR, LF, NUL, other controls or U+2028/2029 in any header
//! value), RFC 2047 encoding of names and subjects, the MIME tree (multipart/alternative for
//! text + HTML, multipart/mixed around attachments), Message-ID and reply headers.
//! Must not: read the clock or a random source (the Message-ID, the date and so every byte of
//! the output are decided by the caller, which keeps it reproducible and safe on wasm32,
//! where `SystemTime::now()` panics), resolve the From address, or sanitise HTML.

use crate::domain::{header_value, EmailAddress, Mailbox, Message, Millis, ValidationError};
use mail_builder::encoders::base64::{base64_encode, base64_encode_mime};
use mail_builder::headers::content_type::ContentType;
use mail_builder::headers::date::Date;
use mail_builder::headers::message_id::MessageId;
use mail_builder::headers::raw::Raw;
use mail_builder::mime::MimePart;
use mail_builder::MessageBuilder;
use std::fmt;

/// Everything that goes into one sent message. Ids are without angle brackets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutgoingEmail {
    /// From [`new_message_id`]; stored on the sent `Message` so replies can thread.
    pub message_id: String,
    /// Unix millis, written as an RFC 2822 date in UTC.
    pub date: Millis,
    pub from: Mailbox,
    pub to: Vec<Mailbox>,
    pub cc: Vec<Mailbox>,
    /// Never written as a header; returned in [`BuiltMessage::envelope_to`] only.
    pub bcc: Vec<Mailbox>,
    pub subject: String,
    pub text_body: String,
    /// When present the message is multipart/alternative (text first, HTML preferred).
    pub html_body: Option<String>,
    pub in_reply_to: Option<String>,
    pub references: Vec<String>,
    pub attachments: Vec<OutgoingAttachment>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutgoingAttachment {
    pub file_name: String,
    /// `type/subtype`, e.g. `application/pdf`.
    pub content_type: String,
    pub bytes: Vec<u8>,
}

/// The message as it will leave: the exact bytes (what the Outbox shows and downloads as
/// `.eml`) and the envelope a mail server needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BuiltMessage {
    pub bytes: Vec<u8>,
    pub envelope_from: EmailAddress,
    /// To, Cc and Bcc, each address once.
    pub envelope_to: Vec<EmailAddress>,
}

/// The header a refused value was meant for, named as the composer names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum HeaderField {
    FromName,
    ToName,
    CcName,
    BccName,
    Subject,
    MessageId,
    InReplyTo,
    References,
    AttachmentFileName,
    AttachmentContentType,
}

impl fmt::Display for HeaderField {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            HeaderField::FromName => "From name",
            HeaderField::ToName => "To name",
            HeaderField::CcName => "Cc name",
            HeaderField::BccName => "Bcc name",
            HeaderField::Subject => "subject",
            HeaderField::MessageId => "Message-ID",
            HeaderField::InReplyTo => "In-Reply-To",
            HeaderField::References => "References",
            HeaderField::AttachmentFileName => "attachment file name",
            HeaderField::AttachmentContentType => "attachment type",
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BuildError {
    #[error("The {field} cannot be sent: {reason}")]
    InvalidHeader {
        field: HeaderField,
        reason: ValidationError,
    },
    #[error("The {field} \u{201c}{value}\u{201d} is not a valid message id.")]
    InvalidMessageId { field: HeaderField, value: String },
    #[error("The attachment type \u{201c}{0}\u{201d} is not a valid type/subtype.")]
    InvalidContentType(String),
    #[error("The email has no recipient: add at least one To, Cc or Bcc address.")]
    NoRecipients,
    #[error("The email could not be written: {0}")]
    Write(String),
}

const MAX_NAME: usize = 256;
const MAX_SUBJECT: usize = 998;
const MAX_FILE_NAME: usize = 255;
const MAX_CONTENT_TYPE: usize = 127;
const MAX_ID: usize = 250;

/// A Message-ID (without angle brackets) from caller-supplied randomness and the sending
/// domain. Anything that is not a hex digit is dropped from `random_hex`, and the domain is
/// reduced to DNS characters, so the result is always a safe header value;
/// [`build_message`] still refuses it if either half ends up empty.
pub fn new_message_id(random_hex: &str, domain: &str) -> String {
    let hex: String = random_hex
        .chars()
        .filter(char::is_ascii_hexdigit)
        .map(|c| c.to_ascii_lowercase())
        .collect();
    let domain: String = domain
        .trim()
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '.' || *c == '-')
        .map(|c| c.to_ascii_lowercase())
        .collect();
    format!("{hex}@{domain}")
}

/// The subject of a reply to a conversation with `subject`: on one line (a subject stored
/// before received subjects were made one line may hold a TAB or a line break, which a header
/// must not), with "Re: " in front unless it is there already.
pub fn reply_subject(subject: &str) -> String {
    let subject = crate::domain::one_line(subject);
    if crate::text::lowercase(&subject).starts_with("re:") {
        subject
    } else {
        format!("Re: {subject}")
    }
}

/// `In-Reply-To` and `References` for a reply to `parent` (RFC 5322 §3.6.4): the parent's id,
/// and the parent's references followed by its id. When the parent had no References but a
/// single In-Reply-To, that id starts the chain instead.
pub fn reply_headers(parent: &Message) -> (Option<String>, Vec<String>) {
    let mut references: Vec<String> = if parent.references.is_empty() {
        parent.in_reply_to.iter().cloned().collect()
    } else {
        parent.references.clone()
    };
    if let Some(id) = &parent.message_id {
        references.retain(|r| r != id);
        references.push(id.clone());
    }
    (parent.message_id.clone(), references)
}

/// Builds the message. Every header value is validated first; nothing is written on error.
pub fn build_message(email: &OutgoingEmail) -> Result<BuiltMessage, BuildError> {
    validate(email)?;

    let mut builder = MessageBuilder::new()
        .message_id(email.message_id.as_str())
        .date(Date::new(email.date.div_euclid(1000)))
        .header(
            "From",
            Raw::new(address_list(std::slice::from_ref(&email.from))?),
        );
    if !email.to.is_empty() {
        builder = builder.header("To", Raw::new(address_list(&email.to)?));
    }
    if !email.cc.is_empty() {
        builder = builder.header("Cc", Raw::new(address_list(&email.cc)?));
    }
    if !email.subject.is_empty() {
        builder = builder.subject(email.subject.as_str());
    }
    if let Some(parent) = &email.in_reply_to {
        builder = builder.in_reply_to(parent.as_str());
    }
    if !email.references.is_empty() {
        builder = builder.references(MessageId::new_list(email.references.iter()));
    }
    let boundary = boundary_for(email);
    let bytes = builder
        .body(body_tree(email, &boundary))
        .write_to_vec()
        .map_err(|error| BuildError::Write(error.to_string()))?;

    let mut envelope_to: Vec<EmailAddress> = Vec::new();
    for mailbox in email.to.iter().chain(&email.cc).chain(&email.bcc) {
        if !envelope_to.iter().any(|a| a.same_mailbox(&mailbox.address)) {
            envelope_to.push(mailbox.address.clone());
        }
    }
    Ok(BuiltMessage {
        bytes,
        envelope_from: email.from.address.clone(),
        envelope_to,
    })
}

fn validate(email: &OutgoingEmail) -> Result<(), BuildError> {
    let check = |field: HeaderField, value: &str, max: usize| {
        header_value(value, max)
            .map(|_| ())
            .map_err(|reason| BuildError::InvalidHeader { field, reason })
    };
    let names = [
        (HeaderField::FromName, std::slice::from_ref(&email.from)),
        (HeaderField::ToName, email.to.as_slice()),
        (HeaderField::CcName, email.cc.as_slice()),
        (HeaderField::BccName, email.bcc.as_slice()),
    ];
    for (field, mailboxes) in names {
        for mailbox in mailboxes {
            if let Some(name) = &mailbox.name {
                check(field, name, MAX_NAME)?;
            }
            // Addresses are validated when an EmailAddress is made; checked again because a
            // header is the last line of defence.
            check(field, mailbox.address.as_str(), MAX_NAME)?;
        }
    }
    check(HeaderField::Subject, &email.subject, MAX_SUBJECT)?;
    message_id(HeaderField::MessageId, &email.message_id, true)?;
    if let Some(parent) = &email.in_reply_to {
        message_id(HeaderField::InReplyTo, parent, false)?;
    }
    for reference in &email.references {
        message_id(HeaderField::References, reference, false)?;
    }
    for attachment in &email.attachments {
        check(
            HeaderField::AttachmentFileName,
            &attachment.file_name,
            MAX_FILE_NAME,
        )?;
        if attachment.file_name.trim().is_empty() {
            return Err(BuildError::InvalidHeader {
                field: HeaderField::AttachmentFileName,
                reason: ValidationError::Empty,
            });
        }
        check(
            HeaderField::AttachmentContentType,
            &attachment.content_type,
            MAX_CONTENT_TYPE,
        )?;
        if !is_mime_type(&attachment.content_type) {
            return Err(BuildError::InvalidContentType(
                attachment.content_type.clone(),
            ));
        }
    }
    if email.to.is_empty() && email.cc.is_empty() && email.bcc.is_empty() {
        return Err(BuildError::NoRecipients);
    }
    Ok(())
}

/// A bare msg-id: no brackets, whitespace or controls; our own ids must also be `left@right`.
fn message_id(field: HeaderField, id: &str, own: bool) -> Result<(), BuildError> {
    header_value(id, MAX_ID).map_err(|reason| BuildError::InvalidHeader { field, reason })?;
    let shape_ok = !id.is_empty()
        && !id
            .chars()
            .any(|c| c.is_whitespace() || matches!(c, '<' | '>' | '"' | '\\'))
        && (!own
            || id
                .split_once('@')
                .is_some_and(|(left, right)| !left.is_empty() && !right.is_empty()));
    if shape_ok {
        Ok(())
    } else {
        Err(BuildError::InvalidMessageId {
            field,
            value: id.to_owned(),
        })
    }
}

/// RFC 2045 `type/subtype` made of token characters, without parameters.
fn is_mime_type(value: &str) -> bool {
    let token = |s: &str| {
        !s.is_empty()
            && s.chars()
                .all(|c| c.is_ascii_graphic() && !"()<>@,;:\\\"/[]?=".contains(c) && c != ' ')
    };
    value
        .split_once('/')
        .is_some_and(|(main, sub)| token(main) && token(sub))
}

/// An address list written by us rather than by mail-builder 0.4, whose display names put
/// RFC 2047 encoded-words inside quotes and never split them (both forbidden by RFC 2047 §5
/// and §2; strict clients then show `=?utf-8?...` to the customer). The value contains
/// whitespace only where folding is legal (between words and addresses), so the Raw header's
/// line wrapping can never break a quoted string.
fn address_list(mailboxes: &[Mailbox]) -> Result<String, BuildError> {
    let mut items = Vec::with_capacity(mailboxes.len());
    for mailbox in mailboxes {
        let address = mailbox.address.as_str();
        items.push(match mailbox.name.as_deref().map(str::trim) {
            Some(name) if !name.is_empty() => format!("{} <{address}>", phrase(name)?),
            _ => format!("<{address}>"),
        });
    }
    Ok(items.join(", "))
}

/// A display name as RFC 5322 atoms when it is plain ASCII words, otherwise as RFC 2047
/// `B` encoded-words in UTF-8 (valid for ASCII too, and free of quoting rules).
fn phrase(name: &str) -> Result<String, BuildError> {
    let plain_atom = |word: &str| {
        !word.is_empty()
            && word
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "!#$%&'*+-/^_`{|}~".contains(c))
    };
    if name.split(' ').all(plain_atom) {
        return Ok(name.to_owned());
    }
    encoded_words(name)
}

/// `=?utf-8?B?...?=` words of at most 75 characters (RFC 2047 §2), split on character
/// boundaries so each word decodes on its own, separated by spaces that decoders drop.
fn encoded_words(text: &str) -> Result<String, BuildError> {
    // 45 bytes become 60 base64 characters; with `=?utf-8?B?` and `?=` that is 72.
    const MAX_CHUNK: usize = 45;
    let mut words = Vec::new();
    let mut start = 0;
    while start < text.len() {
        let mut end = (start + MAX_CHUNK).min(text.len());
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        let encoded = base64_encode(&text.as_bytes()[start..end])
            .map_err(|error| BuildError::Write(error.to_string()))?;
        words.push(format!("=?utf-8?B?{}?=", String::from_utf8_lossy(&encoded)));
        start = end;
    }
    Ok(words.join(" "))
}

/// A multipart boundary derived from the Message-ID (mail-builder would otherwise make one
/// from the clock). `=_` cannot occur in base64 or quoted-printable output; a body sent as
/// plain 7bit could contain it only by accident, which the loop rules out.
fn boundary_for(email: &OutgoingEmail) -> String {
    let bodies: Vec<&str> = std::iter::once(email.text_body.as_str())
        .chain(email.html_body.as_deref())
        .chain(
            email
                .attachments
                .iter()
                .filter_map(|a| std::str::from_utf8(&a.bytes).ok()),
        )
        .collect();
    let mut salt = 0u64;
    loop {
        let candidate = format!("=_sb_{:016x}", fnv1a(email.message_id.as_bytes(), salt));
        if !bodies.iter().any(|body| body.contains(&candidate)) {
            return candidate;
        }
        salt += 1;
    }
}

fn fnv1a(bytes: &[u8], salt: u64) -> u64 {
    let mut hash = 0xcbf2_9ce4_8422_2325u64 ^ salt;
    for byte in bytes {
        hash ^= u64::from(*byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash
}

fn body_tree<'a>(email: &'a OutgoingEmail, boundary: &str) -> MimePart<'a> {
    let text = MimePart::new("text/plain", email.text_body.as_str());
    let content = match &email.html_body {
        Some(html) => MimePart::new(
            ContentType::new("multipart/alternative")
                .attribute("boundary", format!("{boundary}_alt")),
            vec![text, MimePart::new("text/html", html.as_str())],
        ),
        None => text,
    };
    if email.attachments.is_empty() {
        return content;
    }
    let mut parts = vec![content];
    parts.extend(email.attachments.iter().map(attachment_part));
    MimePart::new(
        ContentType::new("multipart/mixed").attribute("boundary", format!("{boundary}_mix")),
        parts,
    )
}

/// One attachment as a base64 part whose headers we write ourselves: mail-builder 0.4 puts
/// RFC 2047 encoded-words inside quoted parameters (not allowed by RFC 2047 §5) and picks
/// quoted-printable for text files. The file name goes in both `Content-Type; name` (older
/// clients) and `Content-Disposition; filename`, as a plain quoted string when it is short
/// printable ASCII, else as RFC 2231 UTF-8 continuations (`filename*0*=utf-8''...`).
fn attachment_part(attachment: &OutgoingAttachment) -> MimePart<'_> {
    let mut encoded = Vec::with_capacity(attachment.bytes.len() / 3 * 4 + 64);
    // Writing into a Vec cannot fail; an error here would only mean an empty body.
    let _ = base64_encode_mime(&attachment.bytes, &mut encoded, false);
    let content_type = attachment.content_type.to_ascii_lowercase();
    let name = &attachment.file_name;
    MimePart::raw(encoded)
        .header(
            "Content-Type",
            Raw::new(format!("{content_type}; {}", mime_parameter("name", name))),
        )
        .header(
            "Content-Disposition",
            Raw::new(format!("attachment; {}", mime_parameter("filename", name))),
        )
        .header("Content-Transfer-Encoding", Raw::new("base64"))
}

/// `attribute="value"` for short printable ASCII without quotes or backslashes; otherwise RFC
/// 2231 §3–4: `attribute*0*=utf-8''<percent-encoded>; attribute*1*=...`, each section short
/// enough that the header folds between sections.
pub(crate) fn mime_parameter(attribute: &str, value: &str) -> String {
    const PLAIN_MAX: usize = 60;
    let plain = value.len() <= PLAIN_MAX
        && value
            .chars()
            .all(|c| (c.is_ascii_graphic() || c == ' ') && c != '"' && c != '\\');
    if plain {
        return format!("{attribute}=\"{value}\"");
    }
    // attribute-char (RFC 2231 §7): token characters except `*`, `'` and `%`.
    let keep = |b: u8| b.is_ascii_alphanumeric() || b"!#$&+-.^_`|~".contains(&b);
    let mut sections: Vec<String> = Vec::new();
    let mut current = String::new();
    for ch in value.chars() {
        let mut buf = [0u8; 4];
        let mut piece = String::new();
        for b in ch.encode_utf8(&mut buf).bytes() {
            if keep(b) {
                piece.push(b as char);
            } else {
                piece.push_str(&format!("%{b:02X}"));
            }
        }
        // A character is never split across sections, so each one decodes on its own.
        if current.len() + piece.len() > 48 && !current.is_empty() {
            sections.push(std::mem::take(&mut current));
        }
        current.push_str(&piece);
    }
    sections.push(current);
    sections
        .iter()
        .enumerate()
        .map(|(i, section)| {
            let charset = if i == 0 { "utf-8''" } else { "" };
            format!("{attribute}*{i}*={charset}{section}")
        })
        .collect::<Vec<_>>()
        .join("; ")
}
