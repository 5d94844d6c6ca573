//! The wording of typed refusals: which catalogue text says each variant of a domain, mail or
//! shell error, and what fills its `{placeholders}`. Pure (builds on the host), so the native
//! tests render every variant in every language; `errors.rs` shows them in the current one.
//!
//! Every `match` is exhaustive and names each variant: a new variant without a text does not
//! compile. It must not decide any rule, only choose words.

use super::{k, Catalog, Key};
use crate::domain::draft::AttachmentError;
use crate::domain::fallback::{FallbackError, VerifyError};
use crate::domain::import::ImportRefusal;
use crate::domain::inbox_setup::SetupError;
use crate::domain::lifecycle::{ticket_status_label, LifecycleError};
use crate::domain::mail_server::{MailServerError, SubmitRefusal};
use crate::domain::refusal::{Missing, Refusal};
use crate::domain::template::TemplateError;
use crate::domain::validate::ValidationError;
use crate::domain::TemplateKind;
use crate::domain::TicketStatus;
use crate::mail::jmap::JmapError;
use crate::mail::ParseError;
use crate::text::lowercase;

/// One sentence to show: a catalogue key and what fills its placeholders.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Message {
    pub key: Key,
    pub args: Vec<(&'static str, Arg)>,
}

/// What fills one placeholder.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Arg {
    /// Data shown as it is (a name, an address, a number).
    Text(String),
    /// Another text of the catalogue (a status).
    Key(Key),
    /// Another text of the catalogue in lower case, inside a sentence (a kind of template).
    LowerKey(Key),
    /// Another sentence (the reason inside "… cannot be sent: {why}").
    Nested(Box<Message>),
}

impl Message {
    fn plain(key: Key) -> Message {
        Message {
            key,
            args: Vec::new(),
        }
    }

    fn with(key: Key, args: Vec<(&'static str, Arg)>) -> Message {
        Message { key, args }
    }
}

fn text(value: impl ToString) -> Arg {
    Arg::Text(value.to_string())
}

fn nested(worded: &impl Worded) -> Arg {
    Arg::Nested(Box::new(worded.message()))
}

/// A value whose sentence lives in the catalogue.
pub trait Worded {
    fn message(&self) -> Message;
}

impl Catalog {
    /// Whether every text `message` needs (its own, its arguments', nested sentences') is in
    /// this catalogue (see [`Catalog::has`]).
    pub fn has_message(&self, message: &Message) -> bool {
        self.has(message.key)
            && message.args.iter().all(|(_, arg)| match arg {
                Arg::Text(_) => true,
                Arg::Key(key) | Arg::LowerKey(key) => self.has(*key),
                Arg::Nested(inner) => self.has_message(inner),
            })
    }

    /// `message` in this catalogue's language, nested sentences included.
    pub fn message(&self, message: &Message) -> String {
        let values: Vec<(&str, String)> = message
            .args
            .iter()
            .map(|(name, arg)| {
                let value = match arg {
                    Arg::Text(s) => s.clone(),
                    Arg::Key(key) => self.text(*key, &[]),
                    Arg::LowerKey(key) => lowercase(&self.text(*key, &[])),
                    Arg::Nested(inner) => self.message(inner),
                };
                (*name, value)
            })
            .collect();
        let args: Vec<(&str, &dyn std::fmt::Display)> = values
            .iter()
            .map(|(n, v)| (*n, v as &dyn std::fmt::Display))
            .collect();
        self.text(message.key, &args)
    }
}

impl Worded for ValidationError {
    fn message(&self) -> Message {
        match self {
            ValidationError::Empty => Message::plain(k::VALID__EMPTY),
            ValidationError::ControlCharacter => Message::plain(k::VALID__CONTROL),
            ValidationError::TooLong { max } => {
                Message::with(k::VALID__TOO_LONG, vec![("max", text(max))])
            }
            ValidationError::Whitespace => Message::plain(k::VALID__WHITESPACE),
            ValidationError::AddressShape => Message::plain(k::VALID__ADDRESS_SHAPE),
            ValidationError::LocalPart => Message::plain(k::VALID__LOCAL_PART),
            ValidationError::Domain => Message::plain(k::VALID__DOMAIN),
            ValidationError::Duplicate(name) => {
                Message::with(k::VALID__DUPLICATE, vec![("name", text(name))])
            }
        }
    }
}

impl Worded for SetupError {
    fn message(&self) -> Message {
        match self {
            SetupError::Invalid(e) => e.message(),
            SetupError::DuplicateInboxName(name) => {
                Message::with(k::SETUP__DUPLICATE_INBOX, vec![("name", text(name))])
            }
            SetupError::NobodySelected => Message::with(
                k::SETUP__NOBODY_SELECTED,
                vec![("option", Arg::Key(k::COMMON__SPECIFIC_USERS_AND_TEAMS))],
            ),
            SetupError::UnknownUser(_) => Message::plain(k::SETUP__UNKNOWN_USER),
            SetupError::UnknownTeam(_) => Message::plain(k::SETUP__UNKNOWN_TEAM),
            SetupError::AddressInUse { address, inbox } => Message::with(
                k::SETUP__ADDRESS_IN_USE,
                vec![("address", text(address)), ("inbox", text(inbox))],
            ),
            SetupError::ClosedStage => Message::plain(k::SETUP__CLOSED_STAGE),
            // The inner reason is a fallback error already worded in English by the domain;
            // the sentence says what failed without repeating it.
            SetupError::Fallback(_) => Message::plain(k::SETUP__FALLBACK),
            SetupError::UnknownInbox => Message::plain(k::SETUP__UNKNOWN_INBOX),
        }
    }
}

impl Worded for FallbackError {
    fn message(&self) -> Message {
        match self {
            FallbackError::Invalid(e) => e.message(),
            FallbackError::DuplicateFromName { from_name, inbox } => Message::with(
                k::SETUP__DUPLICATE_FROM_NAME,
                vec![("name", text(from_name)), ("inbox", text(inbox))],
            ),
            FallbackError::AddressInUse { address, inbox } => Message::with(
                k::SETUP__ADDRESS_IN_USE,
                vec![("address", text(address)), ("inbox", text(inbox))],
            ),
            FallbackError::UnknownInbox => Message::plain(k::SETUP__UNKNOWN_INBOX),
            FallbackError::DefaultAddress(e) => Message::with(
                k::SETUP__DEFAULT_ADDRESS,
                vec![
                    ("why", nested(e)),
                    ("option", Arg::Key(k::FALLBACK__CUSTOM_ADDRESS)),
                ],
            ),
        }
    }
}

impl Worded for VerifyError {
    fn message(&self) -> Message {
        match self {
            VerifyError::NotCustom => Message::plain(k::VERIFY__NOT_CUSTOM),
            VerifyError::AlreadyVerified => Message::plain(k::VERIFY__ALREADY_VERIFIED),
            VerifyError::NoCodePending => Message::with(
                k::VERIFY__NO_CODE_PENDING,
                vec![("button", Arg::Key(k::VERIFY__VERIFY_ADDRESS))],
            ),
            VerifyError::CodeShape => Message::with(
                k::VERIFY__CODE_SHAPE,
                vec![("digits", text(crate::domain::fallback::CODE_LEN))],
            ),
            VerifyError::WrongCode { address } => {
                Message::with(k::VERIFY__WRONG_CODE, vec![("address", text(address))])
            }
        }
    }
}

fn kind_label(kind: TemplateKind) -> Key {
    match kind {
        TemplateKind::Template => k::KINDS__TEMPLATE,
        TemplateKind::Snippet => k::KINDS__SNIPPET,
        TemplateKind::Document => k::KINDS__DOCUMENT,
        TemplateKind::MeetingLink => k::KINDS__MEETING_LINK,
        TemplateKind::KnowledgeBase => k::KINDS__KNOWLEDGE_BASE,
        TemplateKind::Video => k::KINDS__VIDEO,
    }
}

impl Worded for TemplateError {
    fn message(&self) -> Message {
        match self {
            // The domain names the missing field with an English noun; each has its sentence.
            TemplateError::Missing(what) => Message::plain(match *what {
                "title" => k::TEMPLATE_ERR__MISSING_TITLE,
                "text to insert" => k::TEMPLATE_ERR__MISSING_BODY,
                w if w.starts_with("web address") => k::TEMPLATE_ERR__MISSING_URL,
                _ => k::TEMPLATE_ERR__MISSING_NAME,
            }),
            TemplateError::Invalid(e) => e.message(),
            TemplateError::DuplicateName { kind, name } => {
                let kind = TemplateKind::ALL
                    .into_iter()
                    .find(|k| k.label().eq_ignore_ascii_case(kind))
                    .unwrap_or(TemplateKind::Template);
                Message::with(
                    k::TEMPLATE_ERR__DUPLICATE_NAME,
                    vec![
                        ("kind", Arg::LowerKey(kind_label(kind))),
                        ("name", text(name)),
                    ],
                )
            }
            TemplateError::ShortcutShape => Message::plain(k::TEMPLATE_ERR__SHORTCUT_SHAPE),
            TemplateError::DuplicateShortcut(name) => Message::with(
                k::TEMPLATE_ERR__DUPLICATE_SHORTCUT,
                vec![("name", text(name))],
            ),
            TemplateError::UnknownToken { text: token, known } => Message::with(
                k::TEMPLATE_ERR__UNKNOWN_TOKEN,
                vec![("token", text(token)), ("known", text(known))],
            ),
            TemplateError::UnclosedToken { near } => {
                Message::with(k::TEMPLATE_ERR__UNCLOSED_TOKEN, vec![("near", text(near))])
            }
            TemplateError::BadUrl(url) => {
                Message::with(k::TEMPLATE_ERR__BAD_URL, vec![("url", text(url))])
            }
        }
    }
}

impl Worded for MailServerError {
    fn message(&self) -> Message {
        Message::plain(match self {
            MailServerError::SessionUrlShape => k::MAILERR__URL_SHAPE,
            MailServerError::SessionUrlCharacters => k::MAILERR__URL_CHARACTERS,
            MailServerError::NoAccount => k::MAILERR__NO_ACCOUNT,
            MailServerError::AccountCharacters => k::MAILERR__ACCOUNT_CHARACTERS,
            MailServerError::PasswordMissing => k::MAILERR__PASSWORD_MISSING,
            MailServerError::PasswordWithoutAccount => k::MAILERR__PASSWORD_WITHOUT_ACCOUNT,
            MailServerError::UnknownChannel => k::MAILERR__UNKNOWN_CHANNEL,
        })
    }
}

impl Worded for SubmitRefusal {
    fn message(&self) -> Message {
        match self {
            SubmitRefusal::NoChannel => Message::plain(k::OUTBOX_ERR__NO_CHANNEL),
            SubmitRefusal::ChannelGone => Message::plain(k::OUTBOX_ERR__CHANNEL_GONE),
            SubmitRefusal::ChannelDisabled(address) => Message::with(
                k::OUTBOX_ERR__CHANNEL_DISABLED,
                vec![("address", text(address))],
            ),
            SubmitRefusal::NoAccount(address) => {
                Message::with(k::OUTBOX_ERR__NO_ACCOUNT, vec![("address", text(address))])
            }
            SubmitRefusal::NoFromHeader => Message::plain(k::OUTBOX_ERR__NO_FROM_HEADER),
            SubmitRefusal::FromChanged { header, expected } => Message::with(
                k::OUTBOX_ERR__FROM_CHANGED,
                vec![("header", text(header)), ("expected", text(expected))],
            ),
            SubmitRefusal::Unverified(address) => {
                Message::with(k::OUTBOX_ERR__UNVERIFIED, vec![("address", text(address))])
            }
        }
    }
}

impl Worded for JmapError {
    fn message(&self) -> Message {
        let details = |d: &str| vec![("details", text(d))];
        match self {
            JmapError::Unauthorized => Message::plain(k::JMAP__UNAUTHORIZED),
            JmapError::Forbidden => Message::plain(k::JMAP__FORBIDDEN),
            JmapError::NotFound => Message::plain(k::JMAP__NOT_FOUND),
            JmapError::Http { status, detail } => Message::with(
                k::JMAP__HTTP,
                vec![("status", text(status)), ("details", text(detail))],
            ),
            JmapError::Network(d) => Message::with(k::JMAP__NETWORK, details(d)),
            JmapError::InvalidUrl(d) => Message::with(k::JMAP__INVALID_URL, details(d)),
            JmapError::NotJmap(d) => Message::with(k::JMAP__NOT_JMAP, details(d)),
            JmapError::MissingCapability(d) => {
                Message::with(k::JMAP__MISSING_CAPABILITY, details(d))
            }
            JmapError::NoMailAccount => Message::plain(k::JMAP__NO_MAIL_ACCOUNT),
            JmapError::MissingMailbox(d) => Message::with(k::JMAP__MISSING_MAILBOX, details(d)),
            JmapError::Method { kind, description } => method(kind, description),
            JmapError::NotSubmitted { kind, description } => Message::with(
                k::JMAP__NOT_SUBMITTED,
                vec![("why", Arg::Nested(Box::new(method(kind, description))))],
            ),
        }
    }
}

/// A JMAP method error in plain words, by its RFC 8620 type (kept in brackets for support).
fn method(kind: &str, description: &str) -> Message {
    let key = match kind {
        "serverFail" | "serverPartialFail" => k::JMAP__METHOD_SERVER_FAIL,
        "serverUnavailable" => k::JMAP__METHOD_UNAVAILABLE,
        "accountNotFound" => k::JMAP__METHOD_ACCOUNT_NOT_FOUND,
        "accountNotSupportedByMethod" | "accountReadOnly" | "forbiddenToSend" => {
            k::JMAP__METHOD_ACCOUNT_UNUSABLE
        }
        "forbidden" | "forbiddenMailFrom" | "forbiddenFrom" => k::JMAP__METHOD_FORBIDDEN,
        _ => k::JMAP__METHOD,
    };
    let details = if description.is_empty() {
        kind.to_owned()
    } else {
        format!("{kind}: {description}")
    };
    Message::with(key, vec![("details", text(details))])
}

impl Worded for ParseError {
    fn message(&self) -> Message {
        match self {
            ParseError::Empty => Message::plain(k::IMPORT_ERR__EMPTY),
            ParseError::Binary => Message::plain(k::IMPORT_ERR__BINARY),
            ParseError::NotAnEmail => Message::plain(k::IMPORT_ERR__NOT_AN_EMAIL),
            ParseError::MissingFrom => Message::plain(k::IMPORT_ERR__MISSING_FROM),
            ParseError::InvalidFrom { value, reason } => Message::with(
                k::IMPORT_ERR__INVALID_FROM,
                vec![("address", text(value)), ("why", nested(reason))],
            ),
        }
    }
}

impl Worded for ImportRefusal {
    fn message(&self) -> Message {
        match self {
            ImportRefusal::AlreadyImported => Message::plain(k::IMPORT_ERR__ALREADY_IMPORTED),
            ImportRefusal::DisabledChannel { address } => Message::with(
                k::IMPORT_ERR__DISABLED_CHANNEL,
                vec![("address", text(address))],
            ),
            // The domain words which recipients matched nothing in English; the sentence
            // says the same without the list.
            ImportRefusal::NoMatchingChannel(_) => Message::plain(k::IMPORT_ERR__NO_CHANNEL),
            ImportRefusal::UnknownInbox => Message::plain(k::IMPORT_ERR__UNKNOWN_INBOX),
            ImportRefusal::BounceForNobody => Message::plain(k::IMPORT_ERR__BOUNCE_FOR_NOBODY),
        }
    }
}

fn status_key(label: &str) -> Key {
    let status = [
        TicketStatus::New,
        TicketStatus::WaitingOnContact,
        TicketStatus::WaitingOnUs,
        TicketStatus::Closed,
    ]
    .into_iter()
    .find(|s| ticket_status_label(*s) == label);
    match status {
        Some(TicketStatus::WaitingOnContact) => k::TICKET__STATUS_WAITING_ON_CONTACT,
        Some(TicketStatus::WaitingOnUs) => k::TICKET__STATUS_WAITING_ON_US,
        Some(TicketStatus::Closed) => k::TICKET__STATUS_CLOSED,
        Some(TicketStatus::New) | None => k::TICKET__STATUS_NEW,
    }
}

impl Worded for LifecycleError {
    fn message(&self) -> Message {
        use LifecycleError as E;
        match self {
            E::ConversationNotLoaded(_) => Message::plain(k::LIFECYCLE__NOT_LOADED),
            E::TicketNotLoaded(_) | E::Inconsistent(_) => {
                Message::plain(k::LIFECYCLE__TICKET_NOT_LOADED)
            }
            E::NoTicket => Message::plain(k::LIFECYCLE__NO_TICKET),
            E::AlreadyHasTicket(_) => Message::plain(k::LIFECYCLE__ALREADY_HAS_TICKET),
            E::AlreadyOnThisTicket => Message::plain(k::LIFECYCLE__ALREADY_ON_THIS_TICKET),
            E::OnAnotherTicket(_) => Message::plain(k::LIFECYCLE__ON_ANOTHER_TICKET),
            E::TicketNameRequired => Message::plain(k::THREAD__TICKET_NAME_MISSING),
            E::TicketName(why) => why.message(),
            E::PipelineRequired => Message::plain(k::LIFECYCLE__PIPELINE_REQUIRED),
            E::TicketClosed => Message::plain(k::LIFECYCLE__TICKET_CLOSED),
            E::ConversationTrashed => Message::plain(k::LIFECYCLE__CONVERSATION_TRASHED),
            E::TicketTrashed => Message::plain(k::LIFECYCLE__TICKET_TRASHED),
            E::ConversationAlreadyClosed => Message::plain(k::LIFECYCLE__ALREADY_CLOSED),
            E::ConversationAlreadyOpen => Message::plain(k::LIFECYCLE__ALREADY_OPEN),
            E::TicketStatusUnchanged(label) => Message::with(
                k::LIFECYCLE__STATUS_UNCHANGED,
                vec![("status", Arg::Key(status_key(label)))],
            ),
            E::AlreadyAssigned => Message::plain(k::LIFECYCLE__ALREADY_ASSIGNED),
            E::AlreadyUnassigned => Message::plain(k::LIFECYCLE__ALREADY_UNASSIGNED),
            E::TicketOwnerUnchanged => Message::plain(k::LIFECYCLE__OWNER_UNCHANGED),
            E::ConversationNotTrashed => Message::plain(k::LIFECYCLE__CONVERSATION_NOT_TRASHED),
            E::TicketNotTrashed => Message::plain(k::LIFECYCLE__TICKET_NOT_TRASHED),
            E::SameInbox(inbox) => {
                Message::with(k::LIFECYCLE__SAME_INBOX, vec![("inbox", text(inbox))])
            }
        }
    }
}

impl Worded for AttachmentError {
    fn message(&self) -> Message {
        match self {
            AttachmentError::FileTooLarge { name, size, max } => Message::with(
                k::ATTACH_ERR__FILE_TOO_LARGE,
                vec![
                    ("name", text(name)),
                    ("size", text(size)),
                    ("max", text(max)),
                ],
            ),
            AttachmentError::MessageTooLarge {
                name,
                size,
                total,
                max,
            } => Message::with(
                k::ATTACH_ERR__EMAIL_TOO_LARGE,
                vec![
                    ("name", text(name)),
                    ("size", text(size)),
                    ("total", text(total)),
                    ("max", text(max)),
                ],
            ),
            AttachmentError::EmptyName => Message::plain(k::ATTACH_ERR__EMPTY_NAME),
            AttachmentError::BadName { name, reason } => Message::with(
                k::ATTACH_ERR__BAD_NAME,
                vec![("name", text(name)), ("why", nested(reason))],
            ),
        }
    }
}

impl Worded for Refusal {
    fn message(&self) -> Message {
        match self {
            Refusal::NoCurrentUser => Message::plain(k::ACCOUNT__CHOOSE_USER),
            Refusal::AssigneeNoAccess => Message::plain(k::REFUSAL__ASSIGNEE_NO_ACCESS),
            Refusal::CommentEmpty => Message::plain(k::REFUSAL__COMMENT_EMPTY),
            Refusal::NoInboxForTeam { team } => {
                Message::with(k::REFUSAL__NO_INBOX_FOR_TEAM, vec![("team", text(team))])
            }
            Refusal::MailCheckBusy => Message::plain(k::REFUSAL__MAIL_CHECK_BUSY),
            Refusal::DraftKeepsChanging => Message::plain(k::REFUSAL__DRAFT_KEEPS_CHANGING),
            Refusal::AttachmentUnreadable { name } => Message::with(
                k::REFUSAL__ATTACHMENT_UNREADABLE,
                vec![("name", text(name))],
            ),
            Refusal::AttachmentNotStored { name, details } => Message::with(
                k::REFUSAL__ATTACHMENT_NOT_STORED,
                vec![("name", text(name)), ("details", text(details))],
            ),
            Refusal::NotYourFromAddress { address } => {
                Message::with(k::REFUSAL__NOT_YOUR_FROM, vec![("address", text(address))])
            }
            Refusal::SubjectInvalid(e) => {
                Message::with(k::REFUSAL__SUBJECT_INVALID, vec![("why", nested(e))])
            }
            Refusal::EmailNotBuilt { details } => Message::with(
                k::REFUSAL__EMAIL_NOT_BUILT,
                vec![("details", text(details))],
            ),
            Refusal::NoAccountToTest => Message::plain(k::REFUSAL__NO_ACCOUNT_TO_TEST),
            Refusal::FileUnreadable => Message::plain(k::REFUSAL__FILE_UNREADABLE),
        }
    }
}

impl Worded for Missing {
    fn message(&self) -> Message {
        let what = Message::plain(match self {
            Missing::Conversation => k::MISSING__CONVERSATION,
            Missing::ConversationInbox => k::MISSING__CONVERSATION_INBOX,
            Missing::Ticket => k::MISSING__TICKET,
            Missing::Contact => k::MISSING__CONTACT,
            Missing::Inbox => k::MISSING__INBOX,
            Missing::Team => k::MISSING__TEAM,
            Missing::Channel => k::MISSING__CHANNEL,
            Missing::CurrentUser => k::MISSING__USER,
            Missing::OutboxMessage => k::MISSING__OUTBOX_MESSAGE,
            Missing::Template => k::MISSING__ITEM,
            Missing::Attachment { name } => {
                return Message::with(
                    k::APPERR__NOT_FOUND,
                    vec![(
                        "what",
                        Arg::Nested(Box::new(Message::with(
                            k::MISSING__ATTACHMENT,
                            vec![("name", text(name))],
                        ))),
                    )],
                )
            }
        });
        Message::with(
            k::APPERR__NOT_FOUND,
            vec![("what", Arg::Nested(Box::new(what)))],
        )
    }
}
