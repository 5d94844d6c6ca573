//! Signatures and templates: HTML with `{{...}}` tokens (SPEC §3 **Insert token**, §5
//! **Insert** › template). Text is parsed once into segments and rendered with a
//! [`TokenContext`] naming the *sending* user, so the same signature reads "Ana" when Ana sends
//! and "Bo" when Bo sends. Also decides which signature goes on an outgoing email: the team
//! signature for inbox and help desk email, the personal one for CRM email.
//!
//! Unknown or unclosed tokens are kept as literal text and reported as warnings; nothing here
//! panics on any input. Substituted values are HTML-escaped. This module does not sanitise the
//! user's own HTML: that happens before display and before sending, elsewhere.

use super::model::{Contact, Inbox, User};

/// A value that can be inserted into a signature or template.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Token {
    SenderFullName,
    SenderFirstName,
    SenderLastName,
    ContactFirstName,
    ContactName,
    ContactEmail,
    CompanyName,
}

/// Where the text is used; contact tokens mean nothing in a signature.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TokenScope {
    Signature,
    Template,
}

impl Token {
    pub const ALL: [Token; 7] = [
        Token::SenderFullName,
        Token::SenderFirstName,
        Token::SenderLastName,
        Token::ContactFirstName,
        Token::ContactName,
        Token::ContactEmail,
        Token::CompanyName,
    ];

    /// The name between the braces.
    pub fn key(self) -> &'static str {
        match self {
            Token::SenderFullName => "sender.full_name",
            Token::SenderFirstName => "sender.first_name",
            Token::SenderLastName => "sender.last_name",
            Token::ContactFirstName => "contact.first_name",
            Token::ContactName => "contact.name",
            Token::ContactEmail => "contact.email",
            Token::CompanyName => "company.name",
        }
    }

    /// The text inserted by the **Insert token** menu.
    pub fn text(self) -> &'static str {
        match self {
            Token::SenderFullName => "{{sender.full_name}}",
            Token::SenderFirstName => "{{sender.first_name}}",
            Token::SenderLastName => "{{sender.last_name}}",
            Token::ContactFirstName => "{{contact.first_name}}",
            Token::ContactName => "{{contact.name}}",
            Token::ContactEmail => "{{contact.email}}",
            Token::CompanyName => "{{company.name}}",
        }
    }

    /// The menu label (SPEC §3 **Full name**, **First name**, **Last name**).
    pub fn label(self) -> &'static str {
        match self {
            Token::SenderFullName => "Full name",
            Token::SenderFirstName => "First name",
            Token::SenderLastName => "Last name",
            Token::ContactFirstName => "Contact first name",
            Token::ContactName => "Contact name",
            Token::ContactEmail => "Contact email",
            Token::CompanyName => "Company name",
        }
    }

    pub fn from_key(key: &str) -> Option<Token> {
        Token::ALL.into_iter().find(|token| token.key() == key)
    }

    pub fn allowed_in(self, scope: TokenScope) -> bool {
        match scope {
            TokenScope::Template => true,
            TokenScope::Signature => matches!(
                self,
                Token::SenderFullName | Token::SenderFirstName | Token::SenderLastName
            ),
        }
    }
}

/// (label, token text) for the signature editor's **Insert token** menu.
pub fn token_list() -> Vec<(&'static str, &'static str)> {
    tokens_for(TokenScope::Signature)
}

/// (label, token text) for the template editor's token menu.
pub fn template_token_list() -> Vec<(&'static str, &'static str)> {
    tokens_for(TokenScope::Template)
}

fn tokens_for(scope: TokenScope) -> Vec<(&'static str, &'static str)> {
    Token::ALL
        .into_iter()
        .filter(|token| token.allowed_in(scope))
        .map(|token| (token.label(), token.text()))
        .collect()
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Segment {
    /// Written HTML, passed through unchanged.
    Text(String),
    Token(Token),
}

/// Something in the text that is not a usable token; it is sent as written.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TokenWarning {
    #[error("Unknown token \u{201c}{text}\u{201d}: it will be sent as written.")]
    Unknown { text: String },
    #[error(
        "The token \u{201c}{text}\u{201d} only works in templates, not in signatures: it will \
         be sent as written."
    )]
    TemplateOnly { text: String },
    #[error(
        "\u{201c}{{{{\u{201d} is not closed with \u{201c}}}}}\u{201d} near \u{201c}{near}\u{201d}: \
         it will be sent as written."
    )]
    Unterminated { near: String },
}

/// A signature or template, parsed once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parsed {
    pub segments: Vec<Segment>,
    pub warnings: Vec<TokenWarning>,
}

/// Parsing entry point for signatures (the name the settings UI reads best).
pub struct Signature;

impl Signature {
    pub fn parse(text: &str) -> Parsed {
        parse(text, TokenScope::Signature)
    }
}

/// How much of a bad token a warning quotes, so a stray `{{` before a long body does not
/// produce a screen-long message.
const WARNING_QUOTE_CHARS: usize = 40;

fn quote(text: &str) -> String {
    let mut quoted: String = text.chars().take(WARNING_QUOTE_CHARS).collect();
    if text.chars().count() > WARNING_QUOTE_CHARS {
        quoted.push('\u{2026}');
    }
    quoted
}

/// Splits `text` into literal text and tokens valid in `scope`.
pub fn parse(text: &str, scope: TokenScope) -> Parsed {
    let mut segments = Vec::new();
    let mut warnings = Vec::new();
    let mut literal = String::new();
    let mut rest = text;

    while let Some(mut open) = rest.find("{{") {
        // With `{{{name}}` the innermost pair opens the token; extra braces are text.
        while rest[open + 2..].starts_with('{') {
            open += 1;
        }
        literal.push_str(&rest[..open]);
        let after = &rest[open + 2..];
        let close = after.find("}}");
        let reopen = after.find("{{");
        match close {
            Some(close) if reopen.is_none_or(|reopen| reopen > close) => {
                let inner = &after[..close];
                let raw = &rest[open..open + 2 + close + 2];
                match Token::from_key(inner.trim()) {
                    Some(token) if token.allowed_in(scope) => {
                        if !literal.is_empty() {
                            segments.push(Segment::Text(std::mem::take(&mut literal)));
                        }
                        segments.push(Segment::Token(token));
                    }
                    Some(_) => {
                        warnings.push(TokenWarning::TemplateOnly {
                            text: raw.to_owned(),
                        });
                        literal.push_str(raw);
                    }
                    None => {
                        warnings.push(TokenWarning::Unknown { text: quote(raw) });
                        literal.push_str(raw);
                    }
                }
                rest = &after[close + 2..];
            }
            _ => {
                warnings.push(TokenWarning::Unterminated {
                    near: quote(&rest[open..]),
                });
                literal.push_str("{{");
                rest = after;
            }
        }
    }
    literal.push_str(rest);
    if !literal.is_empty() {
        segments.push(Segment::Text(literal));
    }
    Parsed { segments, warnings }
}

/// Who and what the tokens stand for when the text is rendered.
#[derive(Debug, Clone, Copy)]
pub struct TokenContext<'a> {
    /// The user sending the email (or the user chosen in **Preview**).
    pub sender: &'a User,
    /// The recipient contact, for templates.
    pub contact: Option<&'a Contact>,
    /// The workspace's company name.
    pub company_name: &'a str,
}

impl TokenContext<'_> {
    /// The plain value of a token; missing contact details render as nothing.
    pub fn value(&self, token: Token) -> String {
        let contact_name = || {
            self.contact
                .and_then(|contact| contact.name.as_deref())
                .map(str::trim)
                .unwrap_or("")
        };
        match token {
            Token::SenderFullName => self.sender.full_name(),
            Token::SenderFirstName => self.sender.first_name.trim().to_owned(),
            Token::SenderLastName => self.sender.last_name.trim().to_owned(),
            Token::ContactFirstName => contact_name()
                .split_whitespace()
                .next()
                .unwrap_or("")
                .to_owned(),
            Token::ContactName => contact_name().to_owned(),
            Token::ContactEmail => self
                .contact
                .map(|contact| contact.email.to_string())
                .unwrap_or_default(),
            Token::CompanyName => self.company_name.trim().to_owned(),
        }
    }
}

/// The HTML with every token replaced by its HTML-escaped value.
pub fn render(parsed: &Parsed, context: &TokenContext<'_>) -> String {
    let mut html = String::new();
    for segment in &parsed.segments {
        match segment {
            Segment::Text(text) => html.push_str(text),
            Segment::Token(token) => html.push_str(&escape_html(&context.value(*token))),
        }
    }
    html
}

/// Escapes text for use in HTML content and in quoted attribute values.
pub fn escape_html(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' => escaped.push_str("&quot;"),
            '\'' => escaped.push_str("&#39;"),
            _ => escaped.push(c),
        }
    }
    escaped
}

/// Where an email is being sent from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SendSurface {
    /// The inbox workspace (a conversation of a team inbox).
    Inbox,
    /// The help desk workspace.
    HelpDesk,
    /// The CRM composer (a contact record).
    Crm,
}

/// Which signature an outgoing email gets, with its unrendered HTML.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SignatureSource<'a> {
    /// The inbox's team signature (SPEC §3 **Enable team signature**).
    Team { html: &'a str },
    /// The sending user's personal signature.
    Personal { html: &'a str },
}

impl<'a> SignatureSource<'a> {
    pub fn html(self) -> &'a str {
        match self {
            SignatureSource::Team { html } | SignatureSource::Personal { html } => html,
        }
    }
}

/// The signature for an email sent by `sender` from `surface`, through `inbox` when it belongs
/// to one. The team signature, when enabled, replaces the personal one for inbox and help desk
/// email, and never reaches CRM email. `None` when there is nothing to add.
pub fn signature_for_send<'a>(
    surface: SendSurface,
    inbox: Option<&'a Inbox>,
    sender: &'a User,
) -> Option<SignatureSource<'a>> {
    let team = match surface {
        SendSurface::Inbox | SendSurface::HelpDesk => inbox
            .map(|inbox| &inbox.fallback)
            .filter(|fallback| {
                fallback.signature_enabled && !fallback.signature_html.trim().is_empty()
            })
            .map(|fallback| SignatureSource::Team {
                html: &fallback.signature_html,
            }),
        SendSurface::Crm => None,
    };
    team.or_else(|| {
        (!sender.signature_html.trim().is_empty()).then_some(SignatureSource::Personal {
            html: &sender.signature_html,
        })
    })
}

/// [`signature_for_send`] rendered for the sender of `context`.
pub fn render_signature_for_send(
    surface: SendSurface,
    inbox: Option<&Inbox>,
    context: &TokenContext<'_>,
) -> Option<String> {
    signature_for_send(surface, inbox, context.sender)
        .map(|source| render(&Signature::parse(source.html()), context))
}
