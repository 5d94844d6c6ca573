//! SPEC §3 **Choose original sender of email forwards**: when a rep forwards a customer's email
//! to the inbox, the message is logged on the customer who wrote it, found in the forwarded
//! header block of the plain-text body, instead of on the rep who forwarded it.
//!
//! Understands the blocks written by Gmail, Outlook (both styles), Apple Mail and Thunderbird,
//! quoted with `>` or not, with English and common European header labels. Pure text rules: it
//! does not parse MIME (the mail module hands in the plain-text body) and does not create or
//! look up contacts.

use super::model::Mailbox;
use super::validate::{header_value, EmailAddress};
use crate::text::lowercase;

/// SPEC §3: a subject starting with `FW:` or `FWD:` in any case, after optional spaces.
pub fn is_forward_subject(subject: &str) -> bool {
    let start: String = subject.trim_start().chars().take(4).collect();
    let start = start.to_ascii_lowercase();
    start.starts_with("fw:") || start.starts_with("fwd:")
}

/// The sender of the forwarded message, when `subject` marks a forward and `text_body` holds a
/// recognisable forwarded header block with a valid address.
pub fn original_sender(subject: &str, text_body: &str) -> Option<Mailbox> {
    if !is_forward_subject(subject) {
        return None;
    }
    let lines: Vec<&str> = text_body.lines().map(unquote).collect();
    let block = first_header_block(&lines)?;
    block.from.and_then(|at| from_value(&lines, at))
}

/// Whom an arriving message is logged on: the original sender of a forward when the setting is
/// on and one is found, otherwise the forwarder.
pub fn log_on(setting_on: bool, forwarder: &Mailbox, subject: &str, body: &str) -> Mailbox {
    if !setting_on {
        return forwarder.clone();
    }
    original_sender(subject, body).unwrap_or_else(|| forwarder.clone())
}

/// Lines that open a forwarded or original message in the clients we know.
const SEPARATOR_PHRASES: &[&str] = &[
    "forwarded message",
    "original message",
    "begin forwarded message",
    "weitergeleitete nachricht",
    "ursprüngliche nachricht",
    "message transféré",
    "message d'origine",
    "messaggio inoltrato",
    "messaggio originale",
    "doorgestuurd bericht",
    "oorspronkelijk bericht",
    "wiadomość przekazana dalej",
    "oryginalna wiadomość",
    "wiadomość oryginalna",
    "mesaj redirecționat",
    "mesaj original",
    "mensaje reenviado",
    "mensaje original",
];

/// Labels of the sender line: English, French/Spanish/Portuguese/Romanian, German, Polish,
/// Italian, Dutch, Scandinavian.
const FROM_LABELS: &[&str] = &["from", "de", "von", "od", "da", "van", "från", "fra"];

/// Other labels of a forwarded header block; two labelled lines in a row make a block.
const OTHER_LABELS: &[&str] = &[
    "date",
    "sent",
    "to",
    "cc",
    "subject",
    "reply-to", // English
    "datum",
    "gesendet",
    "an",
    "betreff", // German
    "envoyé",
    "à",
    "a",
    "objet",
    "fecha",
    "enviado",
    "para",
    "asunto", // French, Spanish
    "data",
    "inviato",
    "oggetto", // Italian
    "verzonden",
    "aan",
    "onderwerp", // Dutch
    "wysłano",
    "do",
    "temat", // Polish
    "dată",
    "trimis",
    "către",
    "subiect", // Romanian
];

/// Strips `>` quoting (any depth, with or without spaces) and surrounding whitespace.
fn unquote(line: &str) -> &str {
    let mut rest = line.trim();
    while let Some(stripped) = rest.strip_prefix('>') {
        rest = stripped.trim_start();
    }
    rest.trim_end()
}

fn is_separator(line: &str) -> bool {
    let lower = lowercase(line);
    // Outlook's plain-text rule above the header block.
    if line.len() >= 10 && line.chars().all(|c| c == '_') {
        return true;
    }
    SEPARATOR_PHRASES
        .iter()
        .any(|phrase| lower.contains(phrase))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Label {
    From,
    Other,
}

/// `From: value`, `*From:* value` (Gmail's plain text of bold labels) and the localized forms.
fn label_of(line: &str) -> Option<(Label, &str)> {
    let colon = line.find(':')?;
    let label = lowercase(line[..colon].trim().trim_matches('*').trim());
    if label.is_empty() || label.chars().count() > 12 {
        return None;
    }
    let value = line[colon + 1..].trim().trim_start_matches('*').trim();
    if FROM_LABELS.contains(&label.as_str()) {
        Some((Label::From, value))
    } else if OTHER_LABELS.contains(&label.as_str()) {
        Some((Label::Other, value))
    } else {
        None
    }
}

/// A run of labelled lines; `from` is the index of its sender line.
struct HeaderBlock {
    from: Option<usize>,
}

/// The first header block that is clearly a forwarded message's: it follows a separator line
/// (blank lines allowed between), or it has a sender line and at least one other header line.
fn first_header_block(lines: &[&str]) -> Option<HeaderBlock> {
    let mut after_separator = false;
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        if label_of(line).is_none() {
            if is_separator(line) {
                after_separator = true;
            } else if !line.is_empty() {
                after_separator = false;
            }
            i += 1;
            continue;
        }
        let mut from = None;
        let mut labelled = 0;
        while i < lines.len() {
            match label_of(lines[i]) {
                Some((label, _)) => {
                    labelled += 1;
                    if label == Label::From && from.is_none() {
                        from = Some(i);
                    }
                }
                // A wrapped header value (long recipient list) continues the block.
                None if !lines[i].is_empty() && labelled > 0 && !is_separator(lines[i]) => {}
                None => break,
            }
            i += 1;
        }
        if from.is_some() && (after_separator || labelled >= 2) {
            return Some(HeaderBlock { from });
        }
        after_separator = false;
    }
    None
}

/// Reads the mailbox on the sender line, joining the next line when the client wrapped it.
fn from_value(lines: &[&str], at: usize) -> Option<Mailbox> {
    let (_, value) = label_of(lines[at])?;
    if let Some(mailbox) = parse_mailbox(value) {
        return Some(mailbox);
    }
    let next = lines.get(at + 1)?;
    if label_of(next).is_some() {
        return None;
    }
    parse_mailbox(&format!("{value} {next}"))
}

/// `Name <addr>`, `"Name" <addr>`, `Name [mailto:addr]`, `Name <mailto:addr>`, `<addr>`,
/// `addr`, `addr (Name)`.
fn parse_mailbox(value: &str) -> Option<Mailbox> {
    let value = value.trim();
    let (name, address) = if let Some((name, address)) = bracketed(value, '<', '>') {
        (name, address)
    } else if let Some((name, address)) = bracketed(value, '[', ']') {
        (name, address)
    } else if let Some((address, name)) = value
        .strip_suffix(')')
        .and_then(|inner| inner.split_once(" ("))
    {
        (name, address)
    } else {
        ("", value)
    };
    let address = address.trim();
    let address = address
        .get(..7)
        .filter(|prefix| prefix.eq_ignore_ascii_case("mailto:"))
        .map_or(address, |_| &address[7..]);
    let address = EmailAddress::parse(address).ok()?;
    let name = clean_name(name);
    Some(Mailbox { name, address })
}

/// Splits `Name <inner>` at the last opening bracket. Repeated closing brackets come from
/// clients that append a `<mailto:...>` link to an address already in brackets.
fn bracketed(value: &str, open: char, close: char) -> Option<(&str, &str)> {
    if !value.ends_with(close) {
        return None;
    }
    let inner = value.trim_end_matches(close);
    let start = inner.rfind(open)?;
    Some((&inner[..start], &inner[start + open.len_utf8()..]))
}

fn clean_name(name: &str) -> Option<String> {
    // `Name <addr<mailto:addr>>` leaves `Name <addr` here: the name ends at the first bracket.
    let name = name.split(['<', '[']).next().unwrap_or("");
    let name = name
        .trim()
        .trim_matches(|c| c == '"' || c == '*' || c == '\'')
        .trim();
    if name.is_empty() || header_value(name, 200).is_err() {
        return None;
    }
    Some(name.to_owned())
}
