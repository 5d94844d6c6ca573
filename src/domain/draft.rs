//! Drafts (SPEC §7): one per user, per target (conversation, new compose, CRM contact) and per
//! reply mode. The From is either automatic (the resolver decides every time) or a deliberate
//! choice that is stored with the draft and never reverts.

use super::ids::*;
use super::model::Millis;
use super::validate::EmailAddress;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", content = "id", rename_all = "snake_case")]
pub enum DraftTarget {
    Conversation(ConversationId),
    /// A new email from Compose; the id is made by the shell when the composer opens.
    NewCompose(String),
    /// CRM composer opened from a contact record.
    Contact(ContactId),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReplyMode {
    Compose,
    Reply,
    Forward,
    Comment,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct DraftKey {
    pub user: UserId,
    pub target: DraftTarget,
    pub mode: ReplyMode,
}

impl DraftKey {
    /// Stable storage key, e.g. `u-ana|conversation:c-0001|reply`.
    pub fn storage_key(&self) -> String {
        let target = match &self.target {
            DraftTarget::Conversation(id) => format!("conversation:{id}"),
            DraftTarget::NewCompose(id) => format!("compose:{id}"),
            DraftTarget::Contact(id) => format!("contact:{id}"),
        };
        let mode = match self.mode {
            ReplyMode::Compose => "compose",
            ReplyMode::Reply => "reply",
            ReplyMode::Forward => "forward",
            ReplyMode::Comment => "comment",
        };
        format!("{}|{target}|{mode}", self.user)
    }
}

/// An address the From can be set to: a channel of an inbox (help desk / inbox email) or the
/// user's personal address (CRM email).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", content = "value", rename_all = "snake_case")]
pub enum FromChoice {
    Channel(ChannelId),
    Personal(EmailAddress),
}

/// The From of a draft: automatic (decided by the resolver each time), or deliberately chosen
/// by the rep, which is final for this draft.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "choice", rename_all = "snake_case")]
pub enum DraftFrom {
    Automatic,
    Deliberate(FromChoice),
}

impl DraftFrom {
    pub fn is_deliberate(&self) -> bool {
        matches!(self, DraftFrom::Deliberate(_))
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DraftAttachment {
    /// Key of the blob in the attachments store.
    pub blob_key: String,
    pub file_name: String,
    pub content_type: String,
    pub size: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Draft {
    pub key: DraftKey,
    /// Recipients as typed (validated at send time, so half-typed input is never lost).
    #[serde(default)]
    pub to: Vec<String>,
    #[serde(default)]
    pub cc: Vec<String>,
    #[serde(default)]
    pub bcc: Vec<String>,
    #[serde(default)]
    pub subject: String,
    #[serde(default)]
    pub body_html: String,
    #[serde(default)]
    pub attachments: Vec<DraftAttachment>,
    pub from: DraftFrom,
    /// Incremented on every committed write; compare-and-set guards concurrent tabs.
    pub revision: u64,
    /// Id of the tab that made the last committed write.
    pub last_editor_tab: String,
    pub updated_at: Millis,
}

impl Draft {
    pub fn new(key: DraftKey, tab: impl Into<String>, now: Millis) -> Self {
        Self {
            key,
            to: Vec::new(),
            cc: Vec::new(),
            bcc: Vec::new(),
            subject: String::new(),
            body_html: String::new(),
            attachments: Vec::new(),
            from: DraftFrom::Automatic,
            revision: 0,
            last_editor_tab: tab.into(),
            updated_at: now,
        }
    }
}
