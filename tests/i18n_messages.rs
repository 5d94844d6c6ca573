#![cfg(not(target_arch = "wasm32"))]
//! Typed refusals in every language (issue 10): each variant of each error the interface
//! shows has a non-empty sentence in every shipped catalogue, with every `{placeholder}`
//! filled (nested reasons included), every argument the code passes used by the text, and a
//! wording of its own in each language other than English.

mod common;
use common::shipped;
use switchboard::domain::draft::AttachmentError;
use switchboard::domain::fallback::{FallbackError, VerifyError};
use switchboard::domain::import::ImportRefusal;
use switchboard::domain::inbox_setup::SetupError;
use switchboard::domain::lifecycle::LifecycleError;
use switchboard::domain::mail_server::{MailServerError, SubmitRefusal};
use switchboard::domain::refusal::{Missing, Refusal};
use switchboard::domain::template::TemplateError;
use switchboard::domain::{ConversationId, TeamId, TicketId, UserId, ValidationError};
use switchboard::i18n::messages::{Arg, Message, Worded};
use switchboard::i18n::{Catalog, Locale};
use switchboard::mail::jmap::JmapError;
use switchboard::mail::ParseError;

/// One example per variant of `$ty`, checked by an exhaustive `match`: a new variant does not
/// compile here until it has its row.
macro_rules! every_variant {
    ($ty:ty { $($pat:pat => $example:expr),+ $(,)? }) => {{
        fn which(e: &$ty) -> &'static str {
            match e {
                $($pat => stringify!($pat),)+
            }
        }
        let patterns: Vec<&'static str> = vec![$(stringify!($pat)),+];
        let examples: Vec<$ty> = vec![$($example),+];
        let covered: Vec<&'static str> = examples.iter().map(which).collect();
        assert_eq!(covered, patterns, "one example per variant of {}", stringify!($ty));
        examples
            .iter()
            .map(|e| (format!("{e:?}"), e.message()))
            .collect::<Vec<(String, Message)>>()
    }};
}

fn bad() -> ValidationError {
    ValidationError::AddressShape
}

fn all_messages() -> Vec<(String, Message)> {
    let mut all = Vec::new();
    all.extend(every_variant!(ValidationError {
        ValidationError::Empty => ValidationError::Empty,
        ValidationError::ControlCharacter => ValidationError::ControlCharacter,
        ValidationError::TooLong { .. } => ValidationError::TooLong { max: 64 },
        ValidationError::Whitespace => ValidationError::Whitespace,
        ValidationError::AddressShape => ValidationError::AddressShape,
        ValidationError::LocalPart => ValidationError::LocalPart,
        ValidationError::Domain => ValidationError::Domain,
        ValidationError::Duplicate(_) => ValidationError::Duplicate("Billing".into()),
    }));
    all.extend(every_variant!(SetupError {
        SetupError::Invalid(_) => SetupError::Invalid(ValidationError::Empty),
        SetupError::DuplicateInboxName(_) => SetupError::DuplicateInboxName("Support".into()),
        SetupError::NobodySelected => SetupError::NobodySelected,
        SetupError::UnknownUser(_) => SetupError::UnknownUser(UserId::new("u-x")),
        SetupError::UnknownTeam(_) => SetupError::UnknownTeam(TeamId::new("t-x")),
        SetupError::AddressInUse { .. } => SetupError::AddressInUse {
            address: "help@acme.test".into(),
            inbox: "Support".into(),
        },
        SetupError::ClosedStage => SetupError::ClosedStage,
        SetupError::Fallback(_) => SetupError::Fallback("The domain is not valid.".into()),
        SetupError::UnknownInbox => SetupError::UnknownInbox,
    }));
    all.extend(every_variant!(FallbackError {
        FallbackError::Invalid(_) => FallbackError::Invalid(ValidationError::Empty),
        FallbackError::DuplicateFromName { .. } => FallbackError::DuplicateFromName {
            from_name: "Acme".into(),
            inbox: "Billing".into(),
        },
        FallbackError::AddressInUse { .. } => FallbackError::AddressInUse {
            address: "help@acme.test".into(),
            inbox: "Billing".into(),
        },
        FallbackError::UnknownInbox => FallbackError::UnknownInbox,
        FallbackError::DefaultAddress(_) => FallbackError::DefaultAddress(ValidationError::Domain),
    }));
    all.extend(every_variant!(VerifyError {
        VerifyError::NotCustom => VerifyError::NotCustom,
        VerifyError::AlreadyVerified => VerifyError::AlreadyVerified,
        VerifyError::NoCodePending => VerifyError::NoCodePending,
        VerifyError::CodeShape => VerifyError::CodeShape,
        VerifyError::WrongCode { .. } => VerifyError::WrongCode {
            address: "help@acme.test".into(),
        },
    }));
    all.extend(every_variant!(TemplateError {
        TemplateError::Missing(_) => TemplateError::Missing("name"),
        TemplateError::Invalid(_) => TemplateError::Invalid(ValidationError::ControlCharacter),
        TemplateError::DuplicateName { .. } => TemplateError::DuplicateName {
            kind: "snippet".into(),
            name: "Hello".into(),
        },
        TemplateError::ShortcutShape => TemplateError::ShortcutShape,
        TemplateError::DuplicateShortcut(_) => TemplateError::DuplicateShortcut("hi".into()),
        TemplateError::UnknownToken { .. } => TemplateError::UnknownToken {
            text: "{{ nope }}".into(),
            known: "{{ contact.firstname }}".into(),
        },
        TemplateError::UnclosedToken { .. } => TemplateError::UnclosedToken {
            near: "Dear".into(),
        },
        TemplateError::BadUrl(_) => TemplateError::BadUrl("ftp:x".into()),
    }));
    all.extend(every_variant!(MailServerError {
        MailServerError::SessionUrlShape => MailServerError::SessionUrlShape,
        MailServerError::SessionUrlCharacters => MailServerError::SessionUrlCharacters,
        MailServerError::NoAccount => MailServerError::NoAccount,
        MailServerError::AccountCharacters => MailServerError::AccountCharacters,
        MailServerError::PasswordMissing => MailServerError::PasswordMissing,
        MailServerError::PasswordWithoutAccount => MailServerError::PasswordWithoutAccount,
        MailServerError::UnknownChannel => MailServerError::UnknownChannel,
    }));
    all.extend(every_variant!(SubmitRefusal {
        SubmitRefusal::NoChannel => SubmitRefusal::NoChannel,
        SubmitRefusal::ChannelGone => SubmitRefusal::ChannelGone,
        SubmitRefusal::ChannelDisabled(_) =>
            SubmitRefusal::ChannelDisabled("partners@northwind.example".into()),
        SubmitRefusal::NoAccount(_) => SubmitRefusal::NoAccount("help@acme.test".into()),
        SubmitRefusal::NoFromHeader => SubmitRefusal::NoFromHeader,
        SubmitRefusal::FromChanged { .. } => SubmitRefusal::FromChanged {
            header: "a@acme.test".into(),
            expected: "b@acme.test".into(),
        },
        SubmitRefusal::Unverified(_) => SubmitRefusal::Unverified("hello@acme.test".into()),
    }));
    all.extend(every_variant!(JmapError {
        JmapError::Unauthorized => JmapError::Unauthorized,
        JmapError::Forbidden => JmapError::Forbidden,
        JmapError::NotFound => JmapError::NotFound,
        JmapError::Http { .. } => JmapError::Http {
            status: 500,
            detail: ": boom".into(),
        },
        JmapError::Network(_) => JmapError::Network("offline".into()),
        JmapError::InvalidUrl(_) => JmapError::InvalidUrl("x".into()),
        JmapError::NotJmap(_) => JmapError::NotJmap("html".into()),
        JmapError::MissingCapability(_) => JmapError::MissingCapability("mail".into()),
        JmapError::NoMailAccount => JmapError::NoMailAccount,
        JmapError::MissingMailbox(_) => JmapError::MissingMailbox("Sent".into()),
        JmapError::Method { .. } => JmapError::Method {
            kind: "serverFail".into(),
            description: String::new(),
        },
        JmapError::NotSubmitted { .. } => JmapError::NotSubmitted {
            kind: "forbiddenFrom".into(),
            description: String::new(),
        },
    }));
    all.extend(every_variant!(ParseError {
        ParseError::Empty => ParseError::Empty,
        ParseError::Binary => ParseError::Binary,
        ParseError::NotAnEmail => ParseError::NotAnEmail,
        ParseError::MissingFrom => ParseError::MissingFrom,
        ParseError::InvalidFrom { .. } => ParseError::InvalidFrom {
            value: "nobody".into(),
            reason: bad(),
        },
    }));
    all.extend(every_variant!(ImportRefusal {
        ImportRefusal::AlreadyImported => ImportRefusal::AlreadyImported,
        ImportRefusal::DisabledChannel { .. } => ImportRefusal::DisabledChannel {
            address: "old@acme.test".into(),
        },
        ImportRefusal::NoMatchingChannel(_) => ImportRefusal::NoMatchingChannel("x".into()),
        ImportRefusal::UnknownInbox => ImportRefusal::UnknownInbox,
        ImportRefusal::BounceForNobody => ImportRefusal::BounceForNobody,
    }));
    let ticket = || TicketId::new("tk-1");
    all.extend(every_variant!(LifecycleError {
        LifecycleError::ConversationNotLoaded(_) =>
            LifecycleError::ConversationNotLoaded(ConversationId::new("c-1")),
        LifecycleError::TicketNotLoaded(_) => LifecycleError::TicketNotLoaded(ticket()),
        LifecycleError::Inconsistent(_) => LifecycleError::Inconsistent(ticket()),
        LifecycleError::NoTicket => LifecycleError::NoTicket,
        LifecycleError::AlreadyHasTicket(_) => LifecycleError::AlreadyHasTicket(ticket()),
        LifecycleError::AlreadyOnThisTicket => LifecycleError::AlreadyOnThisTicket,
        LifecycleError::OnAnotherTicket(_) => LifecycleError::OnAnotherTicket(ticket()),
        LifecycleError::TicketNameRequired => LifecycleError::TicketNameRequired,
        LifecycleError::TicketName(_) => LifecycleError::TicketName(bad()),
        LifecycleError::PipelineRequired => LifecycleError::PipelineRequired,
        LifecycleError::TicketClosed => LifecycleError::TicketClosed,
        LifecycleError::ConversationTrashed => LifecycleError::ConversationTrashed,
        LifecycleError::TicketTrashed => LifecycleError::TicketTrashed,
        LifecycleError::ConversationAlreadyClosed => LifecycleError::ConversationAlreadyClosed,
        LifecycleError::ConversationAlreadyOpen => LifecycleError::ConversationAlreadyOpen,
        LifecycleError::TicketStatusUnchanged(_) =>
            LifecycleError::TicketStatusUnchanged("Waiting on us"),
        LifecycleError::AlreadyAssigned => LifecycleError::AlreadyAssigned,
        LifecycleError::AlreadyUnassigned => LifecycleError::AlreadyUnassigned,
        LifecycleError::TicketOwnerUnchanged => LifecycleError::TicketOwnerUnchanged,
        LifecycleError::ConversationNotTrashed => LifecycleError::ConversationNotTrashed,
        LifecycleError::TicketNotTrashed => LifecycleError::TicketNotTrashed,
        LifecycleError::SameInbox(_) => LifecycleError::SameInbox("Support".into()),
    }));
    all.extend(every_variant!(AttachmentError {
        AttachmentError::FileTooLarge { .. } => AttachmentError::FileTooLarge {
            name: "big.zip".into(),
            size: "12.0 MB".into(),
            max: "10.0 MB".into(),
        },
        AttachmentError::MessageTooLarge { .. } => AttachmentError::MessageTooLarge {
            name: "c.pdf".into(),
            size: "9.0 MB".into(),
            total: "27.0 MB".into(),
            max: "25.0 MB".into(),
        },
        AttachmentError::EmptyName => AttachmentError::EmptyName,
        AttachmentError::BadName { .. } => AttachmentError::BadName {
            name: "a.txt".into(),
            reason: ValidationError::ControlCharacter,
        },
    }));
    all.extend(every_variant!(Refusal {
        Refusal::NoCurrentUser => Refusal::NoCurrentUser,
        Refusal::AssigneeNoAccess => Refusal::AssigneeNoAccess,
        Refusal::CommentEmpty => Refusal::CommentEmpty,
        Refusal::NoInboxForTeam { .. } => Refusal::NoInboxForTeam {
            team: "Billing".into(),
        },
        Refusal::MailCheckBusy => Refusal::MailCheckBusy,
        Refusal::DraftKeepsChanging => Refusal::DraftKeepsChanging,
        Refusal::AttachmentUnreadable { .. } => Refusal::AttachmentUnreadable {
            name: "a.pdf".into(),
        },
        Refusal::AttachmentNotStored { .. } => Refusal::AttachmentNotStored {
            name: "a.pdf".into(),
            details: "quota".into(),
        },
        Refusal::NotYourFromAddress { .. } => Refusal::NotYourFromAddress {
            address: "x@acme.test".into(),
        },
        Refusal::SubjectInvalid(_) => Refusal::SubjectInvalid(ValidationError::ControlCharacter),
        Refusal::EmailNotBuilt { .. } => Refusal::EmailNotBuilt {
            details: "utf-8".into(),
        },
        Refusal::NoAccountToTest => Refusal::NoAccountToTest,
        Refusal::FileUnreadable => Refusal::FileUnreadable,
    }));
    all.extend(every_variant!(Missing {
        Missing::Conversation => Missing::Conversation,
        Missing::ConversationInbox => Missing::ConversationInbox,
        Missing::Ticket => Missing::Ticket,
        Missing::Contact => Missing::Contact,
        Missing::Inbox => Missing::Inbox,
        Missing::Team => Missing::Team,
        Missing::Channel => Missing::Channel,
        Missing::CurrentUser => Missing::CurrentUser,
        Missing::OutboxMessage => Missing::OutboxMessage,
        Missing::Template => Missing::Template,
        Missing::Attachment { .. } => Missing::Attachment {
            name: "a.pdf".into(),
        },
    }));
    all
}

/// A `{name}` left in a rendered text (a placeholder no argument filled).
fn unfilled(text: &str) -> Option<String> {
    let mut rest = text;
    while let Some(start) = rest.find('{') {
        let after = &rest[start + 1..];
        let end = after.find('}')?;
        let name = &after[..end];
        if !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
            return Some(name.to_string());
        }
        rest = &after[end + 1..];
    }
    None
}

#[test]
fn every_refusal_has_a_filled_non_empty_text_in_every_language() {
    let catalogs: Vec<Catalog> = Locale::ALL.into_iter().map(shipped).collect();
    for (variant, message) in all_messages() {
        for catalog in &catalogs {
            let text = catalog.message(&message);
            let code = catalog.locale().code();
            assert!(!text.trim().is_empty(), "{code}: {variant} is empty");
            assert_eq!(unfilled(&text), None, "{code}: {variant}: {text}");
        }
    }
}

#[test]
fn every_refusal_is_worded_in_each_language_not_english() {
    let english = shipped(Locale::En);
    for locale in Locale::ALL.into_iter().skip(1) {
        let catalog = shipped(locale);
        for (variant, message) in all_messages() {
            let text = catalog.message(&message);
            assert_ne!(
                text,
                english.message(&message),
                "{}: {variant} is still English",
                locale.code()
            );
        }
    }
}

/// Every argument a variant passes appears in its English text: none is silently dropped
/// (a misspelt name would leave the data out of the sentence).
#[test]
fn every_argument_a_refusal_passes_is_used_by_its_text() {
    fn check(message: &Message, variant: &str, english: &Catalog) {
        let template = english.text(message.key, &[]);
        for (name, arg) in &message.args {
            assert!(
                template.contains(&format!("{{{name}}}")),
                "{variant}: {{{name}}} not in \"{template}\""
            );
            if let Arg::Nested(inner) = arg {
                check(inner, variant, english);
            }
        }
    }
    let english = Catalog::english();
    for (variant, message) in all_messages() {
        check(&message, &variant, &english);
    }
}

#[test]
fn each_missing_template_field_has_its_own_sentence() {
    let english = Catalog::english();
    let cases = [
        ("name", "Enter a name."),
        ("title", "Enter a title."),
        ("text to insert", "Enter the text to insert."),
        (
            "web address (https://…)",
            "Enter a web address (https://…).",
        ),
    ];
    for (what, expected) in cases {
        let text = english.message(&TemplateError::Missing(what).message());
        assert_eq!(text, expected, "Missing({what:?})");
    }
}

#[test]
fn a_nested_reason_and_a_status_are_worded_in_the_same_language() {
    let pl = shipped(Locale::Pl);
    let subject = pl.message(&Refusal::SubjectInvalid(ValidationError::ControlCharacter).message());
    assert_eq!(
        subject,
        "Nie można wysłać tematu: Wartość zawiera znak nowej linii lub znak sterujący, co jest \
         niedozwolone."
    );
    let status = pl.message(&LifecycleError::TicketStatusUnchanged("Waiting on us").message());
    let waiting = pl.text(switchboard::i18n::k::TICKET__STATUS_WAITING_ON_US, &[]);
    assert_eq!(status, format!("Status biletu to już {waiting}."));
}

#[test]
fn jmap_method_errors_are_worded_by_their_type_in_every_language() {
    let english = shipped(Locale::En);
    let cases = [
        ("serverFail", "The mail server failed (serverFail)."),
        ("accountNotFound", "This account does not exist on the mail server: check the account name (accountNotFound)."),
        ("accountReadOnly", "This account cannot be used to send or receive email here (accountReadOnly)."),
        ("forbiddenFrom", "The mail server does not allow this (forbiddenFrom)."),
        ("serverUnavailable", "The mail server is busy or down; try again later (serverUnavailable)."),
        ("somethingNew", "The mail server reported an error (somethingNew)."),
    ];
    for (kind, expected) in cases {
        let error = JmapError::Method {
            kind: kind.into(),
            description: String::new(),
        };
        assert_eq!(english.message(&error.message()), expected, "{kind}");
        for locale in Locale::ALL.into_iter().skip(1) {
            let text = shipped(locale).message(&error.message());
            assert_eq!(unfilled(&text), None, "{}: {kind}: {text}", locale.code());
            assert_ne!(text, expected, "{}: {kind} is still English", locale.code());
        }
    }
}
