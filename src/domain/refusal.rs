//! Refusals of the shell that no single rule module owns: nobody chose who they are, a record
//! is gone, a comment is empty, the mail check is busy. Typed so the interface can word them in
//! the rep's language (`i18n::messages`); the English `Display` is for logs and tests.
//!
//! Pure data: must not decide rules (the modules that own them do) nor call i18n.

use super::validate::ValidationError;

/// Why the shell refused a command before any rule ran.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Refusal {
    #[error("Choose who you are (Switch user) first.")]
    NoCurrentUser,
    #[error(
        "This user has no access to the conversation's inbox, so it cannot be assigned to them."
    )]
    AssigneeNoAccess,
    #[error("Write the comment first.")]
    CommentEmpty,
    #[error("No inbox lists the team {team} in its access, so there is nowhere to forward to.")]
    NoInboxForTeam { team: String },
    #[error("Mail is being checked right now; try again in a moment.")]
    MailCheckBusy,
    #[error("This draft keeps changing in another tab, so it could not be saved yet.")]
    DraftKeepsChanging,
    #[error("The attachment \u{201c}{name}\u{201d} could not be read.")]
    AttachmentUnreadable { name: String },
    #[error("\u{201c}{name}\u{201d} was not attached: {details}")]
    AttachmentNotStored { name: String, details: String },
    #[error("{address} is not an address you may send from.")]
    NotYourFromAddress { address: String },
    #[error("The subject cannot be sent: {0}")]
    SubjectInvalid(ValidationError),
    #[error("The email could not be built. (Details: {details})")]
    EmailNotBuilt { details: String },
    #[error("Enter an account (and its password) for at least one channel to test.")]
    NoAccountToTest,
    #[error("The file could not be read.")]
    FileUnreadable,
}

/// What could not be found (it may have been deleted in another tab).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Missing {
    #[error("This conversation")]
    Conversation,
    #[error("The inbox of this conversation")]
    ConversationInbox,
    #[error("This ticket")]
    Ticket,
    #[error("This contact")]
    Contact,
    #[error("This inbox")]
    Inbox,
    #[error("That team")]
    Team,
    #[error("This channel")]
    Channel,
    #[error("Your user")]
    CurrentUser,
    #[error("This Outbox message")]
    OutboxMessage,
    #[error("This item")]
    Template,
    #[error("The attachment \u{201c}{name}\u{201d}")]
    Attachment { name: String },
}
