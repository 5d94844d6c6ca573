//! Insertable workspace content (SPEC §5 **Insert**, managed in **Settings › Templates**):
//! templates, snippets, documents, meeting links, knowledge base articles and videos. This
//! module validates the Settings form ([`validate_template`]: non-empty unique names, header-safe
//! subjects, known tokens, http(s) addresses), finds items for the composer's pickers
//! ([`search`]) and turns an item into what the composer inserts ([`insertion`], [`quote_html`]).
//!
//! Tokens are the signature module's (`{{contact.first_name}}`, `{{sender.full_name}}`...), so
//! one syntax serves signatures and templates. Pure: the id, the existing items and the people
//! tokens stand for are parameters; nothing here reads storage, the clock or the DOM.

use super::body_html::{safe_href, sanitize_body};
use super::ids::TemplateId;
use super::model::{Direction, Message, Template, TemplateKind};
use super::signature::{
    escape_html, parse, render, template_token_list, Segment, TokenContext, TokenScope,
    TokenWarning,
};
use super::validate::{header_value, ValidationError};
use crate::text::lowercase;

pub const NAME_MAX: usize = 120;
pub const SUBJECT_MAX: usize = 200;
pub const SHORTCUT_MAX: usize = 32;
pub const SUMMARY_MAX: usize = 300;
pub const URL_MAX: usize = 2000;

impl TemplateKind {
    /// In the order of the **Insert** menu (after **Quote**, which is not stored content).
    pub const ALL: [TemplateKind; 6] = [
        TemplateKind::Template,
        TemplateKind::Snippet,
        TemplateKind::Document,
        TemplateKind::MeetingLink,
        TemplateKind::KnowledgeBase,
        TemplateKind::Video,
    ];

    /// The singular label (**Insert** menu item, table caption words).
    pub fn label(self) -> &'static str {
        match self {
            TemplateKind::Template => "Template",
            TemplateKind::Snippet => "Snippet",
            TemplateKind::Document => "Document",
            TemplateKind::MeetingLink => "Meeting link",
            TemplateKind::KnowledgeBase => "Knowledge base article",
            TemplateKind::Video => "Video",
        }
    }

    /// The heading of the kind's section in Settings › Templates.
    pub fn plural(self) -> &'static str {
        match self {
            TemplateKind::Template => "Templates",
            TemplateKind::Snippet => "Snippets",
            TemplateKind::Document => "Documents",
            TemplateKind::MeetingLink => "Meeting links",
            TemplateKind::KnowledgeBase => "Knowledge base articles",
            TemplateKind::Video => "Videos",
        }
    }

    /// The create button (**New template**, **New snippet**...).
    pub fn new_label(self) -> &'static str {
        match self {
            TemplateKind::Template => "New template",
            TemplateKind::Snippet => "New snippet",
            TemplateKind::Document => "New document",
            TemplateKind::MeetingLink => "New meeting link",
            TemplateKind::KnowledgeBase => "New knowledge base article",
            TemplateKind::Video => "New video",
        }
    }

    /// Articles and videos have a title; everything else a name.
    pub fn name_label(self) -> &'static str {
        match self {
            TemplateKind::KnowledgeBase | TemplateKind::Video => "Title",
            _ => "Name",
        }
    }

    /// Templates and snippets hold text with tokens; the other kinds are a link.
    pub fn is_text(self) -> bool {
        matches!(self, TemplateKind::Template | TemplateKind::Snippet)
    }

    /// Prefix of new ids (`tpl-...`, `snip-...`), matching the demo data.
    pub fn id_prefix(self) -> &'static str {
        match self {
            TemplateKind::Template => "tpl",
            TemplateKind::Snippet => "snip",
            TemplateKind::Document => "doc",
            TemplateKind::MeetingLink => "meet",
            TemplateKind::KnowledgeBase => "kb",
            TemplateKind::Video => "video",
        }
    }
}

/// A new item's id from a unique stamp the shell makes (time + randomness).
pub fn new_template_id(kind: TemplateKind, stamp: &str) -> TemplateId {
    TemplateId::new(format!("{}-{stamp}", kind.id_prefix()))
}

/// What the rep typed in the Settings form; fields a kind does not use are ignored.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TemplateForm {
    pub name: String,
    pub shortcut: String,
    pub subject: String,
    pub body_html: String,
    pub url: String,
    pub summary: String,
}

impl TemplateForm {
    /// The form filled with a stored item (for **Edit**).
    pub fn from_template(t: &Template) -> TemplateForm {
        TemplateForm {
            name: t.name.clone(),
            shortcut: t.shortcut.clone().unwrap_or_default(),
            subject: t.subject.clone().unwrap_or_default(),
            body_html: t.body_html.clone(),
            url: t.url.clone().unwrap_or_default(),
            summary: t.summary.clone().unwrap_or_default(),
        }
    }
}

/// The form fields a refusal can belong to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TemplateField {
    Name,
    Shortcut,
    Subject,
    Body,
    Url,
    Summary,
}

impl TemplateField {
    /// The key the shell uses for field errors.
    pub fn key(self) -> &'static str {
        match self {
            TemplateField::Name => "name",
            TemplateField::Shortcut => "shortcut",
            TemplateField::Subject => "subject",
            TemplateField::Body => "body",
            TemplateField::Url => "url",
            TemplateField::Summary => "summary",
        }
    }
}

/// Why a Settings › Templates save is refused; shown next to the field.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TemplateError {
    #[error("Enter a {0}.")]
    Missing(&'static str),
    #[error("{0}")]
    Invalid(#[from] ValidationError),
    #[error("There is already a {kind} called \u{201c}{name}\u{201d}. Choose another name.")]
    DuplicateName { kind: String, name: String },
    #[error("A shortcut is one word without spaces (letters, digits, - or _).")]
    ShortcutShape,
    #[error("The shortcut \u{201c}{0}\u{201d} is already used by another snippet.")]
    DuplicateShortcut(String),
    #[error("Unknown token \u{201c}{text}\u{201d}. The tokens you can use are: {known}.")]
    UnknownToken { text: String, known: String },
    #[error(
        "\u{201c}{{{{\u{201d} is not closed with \u{201c}}}}}\u{201d} near \u{201c}{near}\u{201d}."
    )]
    UnclosedToken { near: String },
    #[error(
        "\u{201c}{0}\u{201d} is not a web address: it must start with https:// or http:// and \
         name a site, without spaces."
    )]
    BadUrl(String),
}

/// Every refusal of one save, by field, in form order.
pub type TemplateErrors = Vec<(TemplateField, TemplateError)>;

fn known_tokens() -> String {
    template_token_list()
        .into_iter()
        .map(|(_, text)| text)
        .collect::<Vec<_>>()
        .join(", ")
}

/// Every `{{...}}` in `text` must be a template token.
pub fn check_tokens(text: &str) -> Result<(), TemplateError> {
    match parse(text, TokenScope::Template)
        .warnings
        .into_iter()
        .next()
    {
        None => Ok(()),
        Some(TokenWarning::Unknown { text } | TokenWarning::TemplateOnly { text }) => {
            Err(TemplateError::UnknownToken {
                text,
                known: known_tokens(),
            })
        }
        Some(TokenWarning::Unterminated { near }) => Err(TemplateError::UnclosedToken { near }),
    }
}

/// An absolute http(s) address with a host name; returned trimmed.
pub fn web_url(input: &str) -> Result<String, TemplateError> {
    let url = input.trim();
    if url.is_empty() {
        return Err(TemplateError::Missing("web address (https://…)"));
    }
    let bad = || TemplateError::BadUrl(url.to_owned());
    if url.chars().count() > URL_MAX {
        return Err(ValidationError::TooLong { max: URL_MAX }.into());
    }
    if url.chars().any(char::is_whitespace) || safe_href(url).is_none() {
        return Err(bad());
    }
    let lower = url.to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"))
        .ok_or_else(bad)?;
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    // A user part (`https://bank.example@evil.example`) only serves to mislead the reader.
    if authority.contains('@') {
        return Err(bad());
    }
    let host = match authority.rsplit_once(':') {
        Some((host, port)) if !port.is_empty() && port.chars().all(|c| c.is_ascii_digit()) => host,
        Some(_) => return Err(bad()),
        None => authority,
    };
    let host_ok = !host.is_empty()
        && host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-')
        && host.split('.').all(|label| !label.is_empty())
        && (host.contains('.') || host == "localhost");
    if host_ok {
        Ok(url.to_owned())
    } else {
        Err(bad())
    }
}

/// The visible text of editor HTML (tags dropped), to tell an empty body from a real one.
fn visible_text(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&nbsp;", " ").trim().to_owned()
}

fn optional(value: &str) -> Option<String> {
    let value = value.trim();
    (!value.is_empty()).then(|| value.to_owned())
}

/// Checks the form for an item of `kind` with id `id` (new or edited) against the `existing`
/// items, and returns the item to store — or every refusal, so nothing is stored.
pub fn validate_template(
    kind: TemplateKind,
    id: TemplateId,
    form: &TemplateForm,
    existing: &[Template],
) -> Result<Template, TemplateErrors> {
    let mut errors: TemplateErrors = Vec::new();
    let others: Vec<&Template> = existing
        .iter()
        .filter(|t| t.kind == kind && t.id != id)
        .collect();

    let name = form.name.trim().to_owned();
    if name.is_empty() {
        let what = if kind.name_label() == "Title" {
            "title"
        } else {
            "name"
        };
        errors.push((TemplateField::Name, TemplateError::Missing(what)));
    } else if let Err(e) = header_value(&name, NAME_MAX) {
        errors.push((TemplateField::Name, e.into()));
    } else if others
        .iter()
        .any(|t| lowercase(t.name.trim()) == lowercase(&name))
    {
        errors.push((
            TemplateField::Name,
            TemplateError::DuplicateName {
                kind: lowercase(kind.label()),
                name: name.clone(),
            },
        ));
    }

    let mut shortcut = None;
    if kind == TemplateKind::Snippet {
        shortcut = optional(&form.shortcut);
        if let Some(word) = &shortcut {
            let shaped = word.chars().count() <= SHORTCUT_MAX
                && word
                    .chars()
                    .all(|c| c.is_alphanumeric() || c == '-' || c == '_');
            if !shaped {
                errors.push((TemplateField::Shortcut, TemplateError::ShortcutShape));
            } else if others.iter().any(|t| {
                t.shortcut
                    .as_deref()
                    .is_some_and(|s| s.eq_ignore_ascii_case(word))
            }) {
                errors.push((
                    TemplateField::Shortcut,
                    TemplateError::DuplicateShortcut(word.clone()),
                ));
            }
        }
    }

    let mut subject = None;
    if kind == TemplateKind::Template {
        subject = optional(&form.subject);
        if let Some(text) = &subject {
            if let Err(e) = header_value(text, SUBJECT_MAX)
                .map_err(TemplateError::from)
                .and_then(|_| check_tokens(text))
            {
                errors.push((TemplateField::Subject, e));
            }
        }
    }

    let mut body_html = String::new();
    if kind.is_text() {
        body_html = sanitize_body(form.body_html.trim());
        if visible_text(&body_html).is_empty() {
            errors.push((
                TemplateField::Body,
                TemplateError::Missing("text to insert"),
            ));
        } else if let Err(e) = check_tokens(&body_html) {
            errors.push((TemplateField::Body, e));
        }
    }

    let mut url = None;
    if !kind.is_text() {
        match web_url(&form.url) {
            Ok(u) => url = Some(u),
            Err(e) => errors.push((TemplateField::Url, e)),
        }
    }

    let mut summary = None;
    if kind == TemplateKind::KnowledgeBase {
        summary = optional(&form.summary);
        if let Some(text) = &summary {
            if text.chars().count() > SUMMARY_MAX {
                errors.push((
                    TemplateField::Summary,
                    ValidationError::TooLong { max: SUMMARY_MAX }.into(),
                ));
            }
        }
    }

    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(Template {
        id,
        kind,
        name,
        subject,
        body_html,
        shortcut,
        url,
        summary,
    })
}

/// The items of `kind` whose name, shortcut, summary or address contains `query` (ignoring
/// case), sorted by name. An empty query lists them all.
pub fn search<'a>(items: &'a [Template], kind: TemplateKind, query: &str) -> Vec<&'a Template> {
    let needle = lowercase(query.trim());
    let mut found: Vec<&Template> = items
        .iter()
        .filter(|t| t.kind == kind)
        .filter(|t| {
            needle.is_empty()
                || [
                    Some(t.name.as_str()),
                    t.shortcut.as_deref(),
                    t.summary.as_deref(),
                    t.url.as_deref(),
                ]
                .into_iter()
                .flatten()
                .any(|field| lowercase(field).contains(&needle))
        })
        .collect();
    found.sort_by_cached_key(|t| lowercase(&t.name));
    found
}

/// What the composer inserts for one item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Insertion {
    /// A template's rendered subject (the composer uses it only when its subject is empty).
    pub subject: Option<String>,
    /// Safe HTML for the body.
    pub html: String,
}

/// Plain text with tokens replaced (a subject is text, not HTML: nothing is escaped).
pub fn render_text(text: &str, context: &TokenContext<'_>) -> String {
    parse(text, TokenScope::Template)
        .segments
        .iter()
        .map(|segment| match segment {
            Segment::Text(text) => text.clone(),
            Segment::Token(token) => context.value(*token),
        })
        .collect()
}

/// A link with `title` as its text; only the escaped title when the address is not a safe one.
pub fn link_html(url: &str, title: &str) -> String {
    match web_url(url) {
        Ok(url) => format!(
            "<a href=\"{}\">{}</a>",
            escape_html(&url),
            escape_html(title.trim())
        ),
        Err(_) => escape_html(title.trim()),
    }
}

/// The insertion for `item`, rendered for the sender and contact of `context`.
pub fn insertion(item: &Template, context: &TokenContext<'_>) -> Insertion {
    if item.kind.is_text() {
        let html = sanitize_body(&render(
            &parse(&item.body_html, TokenScope::Template),
            context,
        ));
        let subject = item
            .subject
            .as_deref()
            .filter(|_| item.kind == TemplateKind::Template)
            .map(|s| render_text(s, context).trim().to_owned())
            .filter(|s| !s.is_empty() && header_value(s, SUBJECT_MAX).is_ok());
        Insertion { subject, html }
    } else {
        Insertion {
            subject: None,
            html: link_html(item.url.as_deref().unwrap_or(""), &item.name),
        }
    }
}

/// The message a **Quote** quotes: the latest email of the thread (comments are internal and
/// never quoted to a customer).
pub fn quoted_message(messages: &[Message]) -> Option<&Message> {
    messages
        .iter()
        .filter(|m| m.direction != Direction::Comment)
        .max_by_key(|m| m.date)
}

/// "On <date>, <name> wrote:" and the message's text in a blockquote. `date` is already
/// formatted by the caller (the browser knows the rep's locale and time zone).
pub fn quote_html(date: &str, name: &str, text: &str) -> String {
    quote_block(&format!("On {date}, {} wrote:", name.trim()), text)
}

/// A quote with its header line already worded (in the rep's language by the caller): the
/// header in a paragraph and the message's text in a blockquote, both escaped.
pub fn quote_block(header: &str, text: &str) -> String {
    let lines: Vec<String> = text.trim_end().lines().map(escape_html).collect();
    format!(
        "<p>{}</p><blockquote>{}</blockquote>",
        escape_html(header),
        lines.join("<br>")
    )
}

/// The name a quote attributes the message to: the sender's display name, else the address.
pub fn quote_author(message: &Message) -> String {
    match &message.from.name {
        Some(name) if !name.trim().is_empty() => name.trim().to_owned(),
        _ => message.from.address.to_string(),
    }
}
