//! The data model of SPEC.md §1–§7 as plain serde data. No signals, no browser types; times
//! are Unix milliseconds handed in by the shell. Illegal states are made unrepresentable where
//! cheap: a team's default reply address is a map team → channel (at most one per team), a
//! conversation's location is an enum, and so on.

use super::ids::*;
use super::stored_name::stored_names;
use super::validate::EmailAddress;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Unix time in milliseconds.
pub type Millis = i64;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Plan {
    Free,
    Starter,
    Professional,
    Enterprise,
}

stored_names!(Plan {
    Free => "free",
    Starter => "starter",
    Professional => "professional",
    Enterprise => "enterprise",
});

impl Plan {
    /// Professional and Enterprise: several inboxes, help desk workspace, team defaults.
    pub fn is_pro(self) -> bool {
        matches!(self, Plan::Professional | Plan::Enterprise)
    }
    pub fn label(self) -> &'static str {
        match self {
            Plan::Free => "Free",
            Plan::Starter => "Starter",
            Plan::Professional => "Professional",
            Plan::Enterprise => "Enterprise",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Workspace {
    pub company: String,
    pub subdomain: String,
    pub plan: Plan,
    /// Help desk settings of SPEC §4: each team's default reply channel (at most one).
    #[serde(default)]
    pub team_default_reply: BTreeMap<TeamId, ChannelId>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Seat {
    Paid,
    Free,
}

stored_names!(Seat {
    Paid => "paid",
    Free => "free",
});

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Availability {
    Available,
    Away,
}

stored_names!(Availability {
    Available => "available",
    Away => "away",
});

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Role {
    SuperAdmin,
    /// "Account access" in the seeds.
    Admin,
    User,
}

stored_names!(Role {
    SuperAdmin => "super_admin",
    Admin => "admin",
    User => "user",
});

impl Role {
    pub fn is_admin(self) -> bool {
        matches!(self, Role::SuperAdmin | Role::Admin)
    }
    pub fn label(self) -> &'static str {
        match self {
            Role::SuperAdmin => "Super admin",
            Role::Admin => "Admin",
            Role::User => "User",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct User {
    pub id: UserId,
    pub first_name: String,
    pub last_name: String,
    pub email: EmailAddress,
    pub seat: Seat,
    pub availability: Availability,
    pub role: Role,
    pub primary_team: Option<TeamId>,
    #[serde(default)]
    pub additional_teams: Vec<TeamId>,
    /// Personal email signature (HTML, may contain tokens), used for CRM email.
    #[serde(default)]
    pub signature_html: String,
    /// Personal default From for email sent from the CRM.
    #[serde(default)]
    pub crm_default_from: Option<EmailAddress>,
}

/// A person's name as shown: first and last name, either may be empty.
pub fn full_name(first_name: &str, last_name: &str) -> String {
    format!("{first_name} {last_name}").trim().to_owned()
}

impl User {
    pub fn full_name(&self) -> String {
        full_name(&self.first_name, &self.last_name)
    }
    /// Primary team first, then additional teams.
    pub fn teams(&self) -> impl Iterator<Item = &TeamId> {
        self.primary_team.iter().chain(self.additional_teams.iter())
    }
    pub fn is_member_of(&self, team: &TeamId) -> bool {
        self.teams().any(|t| t == team)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Team {
    pub id: TeamId,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contact {
    pub id: ContactId,
    pub email: EmailAddress,
    pub name: Option<String>,
    pub owner: Option<UserId>,
    #[serde(default)]
    pub created_at: Millis,
}

impl Contact {
    pub fn display_name(&self) -> String {
        match &self.name {
            Some(name) if !name.trim().is_empty() => name.clone(),
            _ => self.email.to_string(),
        }
    }
}

/// SPEC §2 "Who has inbox access".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
// Read through a flat record (domain::tagged): the same stored form, less code.
#[serde(tag = "kind", rename_all = "snake_case")]
#[serde(from = "super::tagged::InboxAccessRecord")]
pub enum InboxAccess {
    Everyone,
    SpecificUsersAndTeams {
        #[serde(default)]
        users: Vec<UserId>,
        #[serde(default)]
        teams: Vec<TeamId>,
    },
}

/// SPEC §3 "From name".
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FromNameMode {
    /// `<agent full name> from <company>`
    AgentAndCompany,
    CompanyName,
}

stored_names!(FromNameMode {
    AgentAndCompany => "agent_and_company",
    CompanyName => "company_name",
});

/// SPEC §3 "From address" of a fallback email.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
// Read through a flat record (domain::tagged): the same stored form, less code.
#[serde(tag = "kind", rename_all = "snake_case")]
#[serde(try_from = "super::tagged::FallbackFromAddressRecord")]
pub enum FallbackFromAddress {
    /// `<username>@<subdomain>.inbox.example` (paid) or `.free-inbox.example` (Free).
    UseDefault,
    Custom {
        address: EmailAddress,
        verified: bool,
        /// Outstanding one-time code (present until verified).
        #[serde(default)]
        pending_code: Option<String>,
    },
}

/// SPEC §3 fallback email configuration of an inbox.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FallbackEmail {
    /// "Use the fallback email to send messages".
    pub use_for_sending: bool,
    pub from_name_mode: FromNameMode,
    /// "Company name" text field.
    pub company_name: String,
    /// The `<username>` of the default address.
    pub username: String,
    pub from_address: FallbackFromAddress,
    /// "Enable team signature".
    pub signature_enabled: bool,
    #[serde(default)]
    pub signature_html: String,
    /// "Choose original sender of email forwards" (on by default).
    pub original_sender_of_forwards: bool,
}

/// SPEC §3 "Assign to".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
// Read through a flat record (domain::tagged): the same stored form, less code.
#[serde(tag = "kind", rename_all = "snake_case")]
#[serde(from = "super::tagged::AssignToRecord")]
pub enum AssignTo {
    SpecificUsersAndTeams {
        #[serde(default)]
        users: Vec<UserId>,
        #[serde(default)]
        teams: Vec<TeamId>,
    },
    ContactOwner,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Priority {
    Low,
    Medium,
    High,
    Urgent,
}

stored_names!(Priority {
    Low => "low",
    Medium => "medium",
    High => "high",
    Urgent => "urgent",
});

/// "Ticket owner" of the automatic ticket: the conversation owner unless another user is chosen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
// Read through a flat record (domain::tagged): the same stored form, less code.
#[serde(tag = "kind", rename_all = "snake_case")]
#[serde(try_from = "super::tagged::TicketOwnerRuleRecord")]
pub enum TicketOwnerRule {
    ConversationOwner,
    User { user: UserId },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TicketDefaults {
    pub pipeline: String,
    pub stage: TicketStatus,
    pub priority: Priority,
    pub owner: TicketOwnerRule,
}

/// SPEC §3 Automation tab.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Automation {
    /// `None`: conversations arrive unassigned (the default).
    pub auto_assign: Option<AssignTo>,
    /// `None`: no automatic ticket.
    pub auto_ticket: Option<TicketDefaults>,
    /// Round-robin cursor: index into the id-ordered member list where the next pick starts
    /// (see `domain::routing::on_arrival`).
    #[serde(default)]
    pub round_robin_next: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Inbox {
    pub id: InboxId,
    pub name: String,
    pub access: InboxAccess,
    pub fallback: FallbackEmail,
    pub automation: Automation,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ChannelKind {
    /// The inbox's fallback email (address derived from its FallbackEmail settings).
    Fallback,
    /// A "Team email" channel: an address the team owns, connected to a mail account.
    TeamEmail,
}

stored_names!(ChannelKind {
    Fallback => "fallback",
    TeamEmail => "team_email",
});

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Channel {
    pub id: ChannelId,
    pub inbox: InboxId,
    pub kind: ChannelKind,
    /// The sending/receiving address. For a fallback channel this mirrors the resolved
    /// fallback From address (kept in sync by the service that saves the fallback settings).
    pub address: EmailAddress,
    /// Display name used in `From:` for team email channels.
    pub display_name: String,
    /// SPEC §2 "Status" toggle.
    pub enabled: bool,
    /// An unverified address is never used to send.
    pub verified: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ConversationStatus {
    Open,
    Closed,
}

stored_names!(ConversationStatus {
    Open => "open",
    Closed => "closed",
});

/// Which workspace shows the conversation (SPEC §6: on Professional/Enterprise a ticketed
/// conversation moves to the help desk).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Area {
    Inbox,
    HelpDesk,
}

stored_names!(Area {
    Inbox => "inbox",
    HelpDesk => "help_desk",
});

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Conversation {
    pub id: ConversationId,
    pub inbox: InboxId,
    pub area: Area,
    /// The channel the thread lives on; its address is the thread's From (SPEC §4 exc. 1).
    pub channel: ChannelId,
    pub contact: ContactId,
    pub subject: String,
    pub status: ConversationStatus,
    pub assignee: Option<UserId>,
    pub ticket: Option<TicketId>,
    pub created_at: Millis,
    pub last_activity: Millis,
    /// Short plain-text preview of the newest message.
    #[serde(default)]
    pub snippet: String,
    #[serde(default)]
    pub message_count: u32,
    /// Set when moved to Trash; restoring clears it.
    #[serde(default)]
    pub trashed_at: Option<Millis>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Direction {
    Incoming,
    Outgoing,
    /// Internal note; never sent to the customer.
    Comment,
}

stored_names!(Direction {
    Incoming => "incoming",
    Outgoing => "outgoing",
    Comment => "comment",
});

/// A display name + address, as in a `From:`/`To:` header.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Mailbox {
    pub name: Option<String>,
    pub address: EmailAddress,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttachmentMeta {
    pub file_name: String,
    pub content_type: String,
    pub size: u64,
    /// `Content-ID` without angle brackets, when the part has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content_id: Option<String>,
    /// An image the message's HTML shows in place (`cid:`): shown in the body, not listed
    /// with the files.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub inline: bool,
}

impl Message {
    /// A message of `conversation` in `direction` from `from` at `date`, everything else empty:
    /// no recipients, subject, text, files, ids or author, an ordinary (not automatic) message.
    /// Writers set what they have with `Message { .., ..Message::new(..) }`, so a field added
    /// with a default later is not written out at every place that makes one.
    pub fn new(
        id: MessageId,
        conversation: Option<ConversationId>,
        direction: Direction,
        from: Mailbox,
        date: Millis,
    ) -> Self {
        Message {
            id,
            conversation,
            direction,
            from,
            reply_to: Vec::new(),
            to: Vec::new(),
            cc: Vec::new(),
            bcc: Vec::new(),
            subject: String::new(),
            date,
            text_body: String::new(),
            html_body: None,
            attachments: Vec::new(),
            message_id: None,
            in_reply_to: None,
            references: Vec::new(),
            size: 0,
            author: None,
            automatic: None,
        }
    }

    /// Where the bytes of attachment `index` of this message live in the attachments store
    /// (received and sent mail; drafts' blobs are keyed by `DraftKey::blob_key`).
    pub fn attachment_blob_key(&self, index: usize) -> String {
        attachment_blob_key(&self.id, index)
    }
}

/// See [`Message::attachment_blob_key`]: `message|<message id>|<index>`.
pub fn attachment_blob_key(message: &MessageId, index: usize) -> String {
    format!("message|{message}|{index}")
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Message {
    pub id: MessageId,
    /// The thread it belongs to. `None` for a CRM email sent from a personal address (SPEC §4,
    /// §5): it belongs to no inbox, so it is on its recipients' timelines and in **Sent** only
    /// (not stored when `None`, so a record without the field reads as no conversation, and
    /// the messages' `[conversation, date]` index leaves it out).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conversation: Option<ConversationId>,
    pub direction: Direction,
    pub from: Mailbox,
    /// A received message's `Reply-To` mailboxes, where its sender asks to be answered (a web
    /// form's customer, a list, another address of theirs): `domain::reply_to`. Empty when
    /// the header was missing or named no valid address, and on records stored before it was
    /// kept (not written then, so a record does not grow).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reply_to: Vec<Mailbox>,
    #[serde(default)]
    pub to: Vec<Mailbox>,
    #[serde(default)]
    pub cc: Vec<Mailbox>,
    #[serde(default)]
    pub bcc: Vec<Mailbox>,
    pub subject: String,
    pub date: Millis,
    /// Plain-text body (always present; derived from HTML when the mail had none).
    pub text_body: String,
    /// HTML body as received or written (sanitised before display, never trusted).
    #[serde(default)]
    pub html_body: Option<String>,
    #[serde(default)]
    pub attachments: Vec<AttachmentMeta>,
    /// RFC 5322 Message-ID without angle brackets.
    #[serde(default)]
    pub message_id: Option<String>,
    #[serde(default)]
    pub in_reply_to: Option<String>,
    #[serde(default)]
    pub references: Vec<String>,
    /// Size of the raw message in bytes (SPEC §5: over 100 KB is cut).
    #[serde(default)]
    pub size: u64,
    /// The user who wrote it (outgoing messages and comments).
    #[serde(default)]
    pub author: Option<UserId>,
    /// A received message no person wrote (`mail::automatic`); `None` for everything else,
    /// and for records stored before it was recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub automatic: Option<Automatic>,
}

/// What a received message is when a mail system, not a person, wrote it. It never reopens a
/// conversation nor runs the inbox automation (`domain::import`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Automatic {
    /// An automatic reply (out of office, vacation), bulk mail, or a mail system's notice
    /// that is no failure (a delivery delay).
    Reply,
    /// A delivery failure report (bounce): the team's email did not arrive.
    Bounce {
        /// The recipients it failed for; empty when the report does not say.
        #[serde(default)]
        failed: Vec<FailedRecipient>,
    },
}

/// One recipient a bounce reports as failed (RFC 3464 `Final-Recipient`, `Status`,
/// `Diagnostic-Code`), as printable one-line text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FailedRecipient {
    pub address: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// What the receiving server said ("550 5.1.1 User unknown").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TicketStatus {
    New,
    WaitingOnContact,
    WaitingOnUs,
    Closed,
}

stored_names!(TicketStatus {
    New => "new",
    WaitingOnContact => "waiting_on_contact",
    WaitingOnUs => "waiting_on_us",
    Closed => "closed",
});

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ticket {
    pub id: TicketId,
    pub name: String,
    pub pipeline: String,
    pub status: TicketStatus,
    pub priority: Priority,
    pub owner: Option<UserId>,
    pub conversations: Vec<ConversationId>,
    pub created_at: Millis,
    #[serde(default)]
    pub trashed_at: Option<Millis>,
}

/// Insertable workspace content managed in Settings › Templates (SPEC §5 **Insert**).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TemplateKind {
    Template,
    Snippet,
    /// A document shared by link.
    Document,
    MeetingLink,
    KnowledgeBase,
    Video,
}

stored_names!(TemplateKind {
    Template => "template",
    Snippet => "snippet",
    Document => "document",
    MeetingLink => "meeting_link",
    KnowledgeBase => "knowledge_base",
    Video => "video",
});

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Template {
    pub id: TemplateId,
    pub kind: TemplateKind,
    /// The name, or the title of a knowledge base article or video.
    pub name: String,
    #[serde(default)]
    pub subject: Option<String>,
    /// Templates and snippets: HTML with `{{...}}` tokens. Empty for link kinds.
    #[serde(default)]
    pub body_html: String,
    /// Snippets: an optional short word to find them by (e.g. `thanks`).
    #[serde(default)]
    pub shortcut: Option<String>,
    /// Documents, meeting links, articles and videos: the http(s) address inserted as a link.
    #[serde(default)]
    pub url: Option<String>,
    /// Knowledge base articles: a short summary shown in the picker.
    #[serde(default)]
    pub summary: Option<String>,
}

/// The whole demo workspace as shipped in `public/demo/workspace.json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkspaceData {
    pub workspace: Workspace,
    pub users: Vec<User>,
    pub teams: Vec<Team>,
    pub contacts: Vec<Contact>,
    pub inboxes: Vec<Inbox>,
    pub channels: Vec<Channel>,
    pub conversations: Vec<Conversation>,
    pub messages: Vec<Message>,
    pub tickets: Vec<Ticket>,
    #[serde(default)]
    pub templates: Vec<Template>,
}

impl FallbackEmail {
    /// SPEC §3 From name as the customer sees it: `<agent full name> from <company>` or the
    /// company name alone. `agent` is the sending user (None in a preview without one).
    pub fn from_name(&self, agent: Option<&User>) -> String {
        match (&self.from_name_mode, agent) {
            (FromNameMode::AgentAndCompany, Some(user)) => {
                format!("{} from {}", user.full_name(), self.company_name.trim())
            }
            _ => self.company_name.trim().to_owned(),
        }
    }

    /// SPEC §3 default address: `<username>@<subdomain>.inbox.example` on paid plans,
    /// `<username>@<subdomain>.free-inbox.example` on Free.
    pub fn default_address(
        &self,
        workspace: &Workspace,
    ) -> Result<EmailAddress, super::ValidationError> {
        let domain = if workspace.plan == Plan::Free {
            "free-inbox.example"
        } else {
            "inbox.example"
        };
        EmailAddress::parse(&format!(
            "{}@{}.{domain}",
            self.username, workspace.subdomain
        ))
    }

    /// The address this fallback email sends from, and whether it may be used to send
    /// (an unverified custom address never is).
    pub fn sending_address(
        &self,
        workspace: &Workspace,
    ) -> Result<(EmailAddress, bool), super::ValidationError> {
        match &self.from_address {
            FallbackFromAddress::UseDefault => Ok((self.default_address(workspace)?, true)),
            FallbackFromAddress::Custom {
                address, verified, ..
            } => Ok((address.clone(), *verified)),
        }
    }

    /// Read-only forwarding address shown in settings: mail forwarded here lands in the inbox.
    pub fn forwarding_address(&self, workspace: &Workspace, inbox: &InboxId) -> String {
        format!(
            "{}+{}@{}.forward.inbox.example",
            self.username, inbox, workspace.subdomain
        )
    }
}

/// State of a message waiting to leave (SPEC §9 Outbox).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum OutboxStatus {
    Queued,
    Failed { reason: String },
    Delivered { at: Millis },
}

/// A sent message as it will be delivered: the exact RFC 5322 bytes plus the envelope.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutboxItem {
    /// Same id as the recorded outgoing `Message`.
    pub id: MessageId,
    pub conversation: Option<ConversationId>,
    pub channel: Option<ChannelId>,
    pub from: Mailbox,
    /// Envelope recipients (To + Cc + Bcc).
    pub recipients: Vec<EmailAddress>,
    pub subject: String,
    /// The full message (`.eml`), UTF-8 (7-bit after MIME encoding).
    pub raw: String,
    pub status: OutboxStatus,
    pub created_at: Millis,
}
