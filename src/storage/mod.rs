//! The IndexedDB layer of the browser shell (SPEC §7 durability, §8 storage faults): one
//! database handle (`Db`), the schema and its migrations, repositories for every entity, and
//! multi-tab notifications (`notify`). IndexedDB is the source of truth; a broadcast only says
//! "this key changed".
//!
//! It must not hold business rules (the domain decides; storage stores what it is given),
//! render UI, or talk to the network. Every write is one transaction whose completion is
//! awaited before the call returns, so `Ok` means durable.

mod db;
mod error;
pub mod notify;
mod records;
pub mod schema;

pub use db::{Db, EarlyRead, ReplyRecords, RowsWithContacts, StartPlan, ThreadRead, ThreadRecords};
pub use error::{DraftWriteError, StorageError};
pub use notify::{Change, Notifier};
pub use schema::SCHEMA_VERSION;

use crate::domain::entries::{ChannelEntry, UserEntry};
use crate::domain::inbox_entry::{entries_of, InboxEntry};
use crate::domain::{
    Area, Channel, Contact, Conversation, DraftKey, Inbox, InboxId, Message, MessageId, OutboxItem,
    Team, Template, Ticket, TicketId, User, UserId, Workspace,
};
use crate::domain::{ConversationId, ConversationStatus, Plan};
use serde::{Deserialize, Serialize};

/// The name of the app's database.
pub const DB_NAME: &str = "switchboard";

/// Which list a conversation belongs to (SPEC §5 views): trashed wins over its status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Bucket {
    Open,
    Closed,
    Trash,
}

impl Bucket {
    pub fn of(conversation: &Conversation) -> Bucket {
        match (conversation.trashed_at, conversation.status) {
            (Some(_), _) => Bucket::Trash,
            (None, ConversationStatus::Open) => Bucket::Open,
            (None, ConversationStatus::Closed) => Bucket::Closed,
        }
    }
}

/// Whose conversations a list shows.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", content = "user", rename_all = "snake_case")]
pub enum AssigneeFilter {
    Any,
    Unassigned,
    User(UserId),
}

/// One page of a conversation list, newest `last_activity` first.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct PageQuery {
    pub area: Area,
    pub inbox: InboxId,
    pub bucket: Bucket,
    pub assignee: AssigneeFilter,
    pub offset: u32,
    pub limit: u32,
}

/// A conversation view with the list filters, as one index key range (see
/// `domain::views::list_plan`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListQuery {
    pub area: Area,
    pub inbox: InboxId,
    pub plan: crate::domain::views::ListPlan,
}

/// Where a list row sits in its index: the page after it starts just below this key.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ListKey {
    pub last_activity: crate::domain::Millis,
    pub id: ConversationId,
}

impl ListKey {
    pub fn of(c: &Conversation) -> ListKey {
        ListKey {
            last_activity: c.last_activity,
            id: c.id.clone(),
        }
    }
}

/// Where a page starts: continuing after a known row (a key range: as fast at row 9,950 as at
/// row 50), or at an offset when no neighbouring page is known (a cursor `advance`, from
/// whichever end of the list is nearer).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PageStart {
    Offset(u32),
    After(ListKey),
}

/// The small, mostly static stores, read together in one transaction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Directory {
    pub workspace: Workspace,
    pub users: Vec<User>,
    pub teams: Vec<Team>,
    pub inboxes: Vec<Inbox>,
    pub channels: Vec<Channel>,
    pub templates: Vec<Template>,
}

/// What the first inbox paint reads of the directory (issue 2: initial load ≤ 250 KB brotli):
/// the company and plan of the top bar, the users as [`UserEntry`] (id, name, role, teams: the
/// current user, the inbox picker's access, the filter bar's assignees, the account menu), the
/// teams, the channels as [`ChannelEntry`] (the filter bar) and the inboxes as [`InboxEntry`]
/// (id, name, access), read from the same stores while serde skips the rest of each record. It
/// has no user email, signature or seat, no channel kind or verification, no workspace default
/// reply addresses, no fallback email, no automation and no templates, and no rule that
/// decides a From address, an automation, access beyond the inbox picker, a setting or a send
/// takes it: those take the whole [`Directory`], read right after the first paint
/// (`services::ctx::AppCtx::until_directory`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    pub company: String,
    pub plan: Plan,
    pub users: Vec<UserEntry>,
    pub teams: Vec<Team>,
    pub channels: Vec<ChannelEntry>,
    pub inboxes: Vec<InboxEntry>,
}

impl Summary {
    /// The summary of a whole directory (after it is read, the two always agree).
    pub fn of(dir: &Directory) -> Summary {
        Summary {
            company: dir.workspace.company.clone(),
            plan: dir.workspace.plan,
            users: dir.users.iter().map(UserEntry::from).collect(),
            teams: dir.teams.clone(),
            channels: dir.channels.iter().map(ChannelEntry::from).collect(),
            inboxes: entries_of(&dir.inboxes),
        }
    }
}

/// Records written (puts first, then deletes) in one readwrite transaction: all or nothing.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WriteBatch {
    pub conversations: Vec<Conversation>,
    pub messages: Vec<Message>,
    pub tickets: Vec<Ticket>,
    pub contacts: Vec<Contact>,
    pub outbox: Vec<OutboxItem>,
    pub delete_conversations: Vec<ConversationId>,
    pub delete_tickets: Vec<TicketId>,
    pub delete_messages: Vec<MessageId>,
    /// Drafts removed in the same transaction (SPEC §7: a sent draft goes only once the send
    /// is recorded).
    pub delete_drafts: Vec<DraftKey>,
}

impl WriteBatch {
    pub fn is_empty(&self) -> bool {
        self.conversations.is_empty()
            && self.messages.is_empty()
            && self.tickets.is_empty()
            && self.contacts.is_empty()
            && self.outbox.is_empty()
            && self.delete_conversations.is_empty()
            && self.delete_tickets.is_empty()
            && self.delete_messages.is_empty()
            && self.delete_drafts.is_empty()
    }
}
