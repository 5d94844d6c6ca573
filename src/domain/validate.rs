//! Validation of values that reach storage or an email header. Pure; every check returns a
//! typed reason so the UI can say what is wrong next to the field.

use crate::text::lowercase;
use serde::{Deserialize, Serialize};
use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ValidationError {
    #[error("This field is required.")]
    Empty,
    #[error("This value contains a line break or control character, which is not allowed.")]
    ControlCharacter,
    #[error("This value is too long (at most {max} characters).")]
    TooLong { max: usize },
    #[error("An email address cannot contain spaces.")]
    Whitespace,
    #[error("An email address needs exactly one @ with a name before it and a domain after it.")]
    AddressShape,
    #[error("The part before the @ is not valid in an email address.")]
    LocalPart,
    #[error("The domain after the @ is not valid.")]
    Domain,
    #[error("The name \u{201c}{0}\u{201d} is already used.")]
    Duplicate(String),
}

/// Characters that must never reach a header value: C0 and C1 controls (CR, LF, NUL, TAB...),
/// DEL, and the Unicode line/paragraph separators that some clients treat as line breaks.
pub fn is_forbidden_header_char(c: char) -> bool {
    c.is_control() || c == '\u{2028}' || c == '\u{2029}'
}

/// `value` on one line: every character [`header_value`] refuses (a TAB, CR, LF, another
/// control, a line or paragraph separator) becomes a space, and the ends are trimmed. For text
/// that came from outside (a received subject) and goes into a header again (a reply's
/// subject), where refusing it would leave the rep no way to answer.
pub fn one_line(value: &str) -> String {
    value
        .chars()
        .map(|c| if is_forbidden_header_char(c) { ' ' } else { c })
        .collect::<String>()
        .trim()
        .to_owned()
}

/// The addresses a rep typed in one recipients field ("a@x.example, \"Doe, Jane\"
/// <j@y.example>; c@z.example"), split at each `,` or `;` that is not inside a quoted name or
/// an `<address>`; each part trimmed, empty parts left out.
pub fn split_recipients(typed: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let (mut start, mut quoted, mut angle, mut escaped) = (0, false, false, false);
    for (i, c) in typed.char_indices() {
        match c {
            _ if escaped => escaped = false,
            '\\' if quoted => escaped = true,
            '"' if !angle => quoted = !quoted,
            '<' if !quoted => angle = true,
            '>' if !quoted => angle = false,
            ',' | ';' if !quoted && !angle => {
                parts.push(&typed[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&typed[start..]);
    parts
        .into_iter()
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect()
}

/// A value that will be placed in a header (display name, subject, company name, file name).
pub fn header_value(value: &str, max: usize) -> Result<&str, ValidationError> {
    if value.chars().any(is_forbidden_header_char) {
        return Err(ValidationError::ControlCharacter);
    }
    if value.chars().count() > max {
        return Err(ValidationError::TooLong { max });
    }
    Ok(value)
}

/// A required, trimmed, single-line name (inbox name, team name, company name...). Control
/// characters and line separators are refused even at the ends, where trimming would
/// otherwise drop some of them silently (NEL, U+2028): the rep learns the value was wrong.
pub fn required_name(value: &str, max: usize) -> Result<String, ValidationError> {
    if value.chars().any(is_forbidden_header_char) {
        return Err(ValidationError::ControlCharacter);
    }
    let trimmed = value.trim();
    if trimmed.is_empty() {
        return Err(ValidationError::Empty);
    }
    header_value(trimmed, max)?;
    Ok(trimmed.to_owned())
}

/// A name that must be unique among `existing` (compared case-insensitively, trimmed).
pub fn unique_name<'a>(
    value: &str,
    max: usize,
    mut existing: impl Iterator<Item = &'a str>,
) -> Result<String, ValidationError> {
    let name = required_name(value, max)?;
    let folded = lowercase(&name);
    if existing.any(|other| lowercase(other.trim()) == folded) {
        return Err(ValidationError::Duplicate(name));
    }
    Ok(name)
}

/// A validated RFC 5322 addr-spec (`local@domain`), dot-atom local part or quoted string,
/// with a DNS-like domain. Stored as written except that the domain is lower-cased.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct EmailAddress(String);

impl EmailAddress {
    pub fn parse(input: &str) -> Result<Self, ValidationError> {
        if input.chars().any(is_forbidden_header_char) {
            return Err(ValidationError::ControlCharacter);
        }
        let value = input.trim();
        if value.is_empty() {
            return Err(ValidationError::Empty);
        }
        if value.chars().any(char::is_whitespace) {
            return Err(ValidationError::Whitespace);
        }
        if value.len() > 254 {
            return Err(ValidationError::TooLong { max: 254 });
        }
        let at = value.rfind('@').ok_or(ValidationError::AddressShape)?;
        let (local, domain) = (&value[..at], &value[at + 1..]);
        if local.is_empty() || domain.is_empty() {
            return Err(ValidationError::AddressShape);
        }
        if !valid_local_part(local) {
            return Err(ValidationError::LocalPart);
        }
        if !valid_domain(domain) {
            return Err(ValidationError::Domain);
        }
        Ok(Self(format!("{local}@{}", domain.to_ascii_lowercase())))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn local_part(&self) -> &str {
        &self.0[..self.0.rfind('@').unwrap_or(0)]
    }

    pub fn domain(&self) -> &str {
        self.0.rfind('@').map(|at| &self.0[at + 1..]).unwrap_or("")
    }

    /// Case-insensitive comparison as mail servers treat addresses in practice.
    pub fn same_mailbox(&self, other: &EmailAddress) -> bool {
        self.0.eq_ignore_ascii_case(&other.0)
    }
}

impl fmt::Display for EmailAddress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl TryFrom<String> for EmailAddress {
    type Error = ValidationError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value)
    }
}

impl From<EmailAddress> for String {
    fn from(value: EmailAddress) -> Self {
        value.0
    }
}

fn is_atext(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || "!#$%&'*+-/=?^_`{|}~".contains(c)
        || (!c.is_ascii() && !c.is_control())
}

fn valid_local_part(local: &str) -> bool {
    if local.len() > 64 {
        return false;
    }
    if local.len() >= 2 && local.starts_with('"') && local.ends_with('"') {
        let inner = &local[1..local.len() - 1];
        let mut escaped = false;
        for c in inner.chars() {
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                return false;
            }
        }
        return !escaped;
    }
    local
        .split('.')
        .all(|atom| !atom.is_empty() && atom.chars().all(is_atext))
}

fn valid_domain(domain: &str) -> bool {
    if domain.len() > 253 || !domain.contains('.') {
        return false;
    }
    domain.split('.').all(|label| {
        !label.is_empty()
            && label.len() <= 63
            && !label.starts_with('-')
            && !label.ends_with('-')
            && label.chars().all(|c| {
                c.is_ascii_alphanumeric() || c == '-' || (!c.is_ascii() && c.is_alphanumeric())
            })
    })
}

/// Writes error messages as one sentence run (`"A. B."`), for error lists keyed by field.
pub fn write_joined<'a, E: fmt::Display + 'a>(
    f: &mut fmt::Formatter<'_>,
    errors: impl Iterator<Item = &'a E>,
) -> fmt::Result {
    for (i, error) in errors.enumerate() {
        if i > 0 {
            f.write_str(" ")?;
        }
        write!(f, "{error}")?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_values_refuse_every_line_break_and_control_character() {
        let refused = [
            ("carriage return", "Support\rBcc: x@y.example"),
            ("line feed", "Support\nBcc: x@y.example"),
            ("NUL", "Sup\0port"),
            ("escape", "Support\u{1b}[31m"),
            ("vertical tab", "Support\u{0b}"),
            ("next line (C1)", "Support\u{85}Bcc: x@y.example"),
            ("C1 control", "Support\u{9b}"),
            ("delete", "Support\u{7f}"),
            ("line separator", "Support\u{2028}Bcc: x@y.example"),
            ("paragraph separator", "Support\u{2029}"),
        ];
        for (rule, value) in refused {
            assert_eq!(
                header_value(value, 100),
                Err(ValidationError::ControlCharacter),
                "{rule}"
            );
            assert_eq!(
                required_name(value, 100),
                Err(ValidationError::ControlCharacter),
                "{rule}"
            );
            assert_eq!(
                EmailAddress::parse(&format!("a{value}@x.example")),
                Err(ValidationError::ControlCharacter),
                "{rule} in an address"
            );
        }
        for fine in [
            "Northwind Support",
            "Zoë Ñúñez",
            "Support \u{2014} EU",
            "  padded  ",
        ] {
            assert!(required_name(fine, 100).is_ok(), "{fine:?}");
        }
        assert_eq!(required_name("  padded  ", 100).as_deref(), Ok("padded"));
    }
}
