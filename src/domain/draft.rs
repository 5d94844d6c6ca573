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
    /// When the rep last chose the From (0: never, or a draft stored before this was kept).
    /// Two tabs' deliberate choices are ordered by it, not by `updated_at`, which any edit of
    /// any field (in either tab, merged by a write) moves.
    #[serde(default)]
    pub from_chosen_at: Millis,
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
            from_chosen_at: 0,
            revision: 0,
            last_editor_tab: tab.into(),
            updated_at: now,
        }
    }
}

// ---- attachments (SPEC §5 composer: size shown, limits enforced with a clear message) -----

/// Largest single file a draft accepts (10 MB).
pub const MAX_FILE_BYTES: u64 = 10 * 1024 * 1024;
/// Largest total of all attachments of one message (25 MB): what common mail servers accept
/// once base64 has grown it by a third.
pub const MAX_MESSAGE_BYTES: u64 = 25 * 1024 * 1024;
/// Longest file name, in characters (a MIME parameter is folded, but clients cut longer ones).
pub const MAX_FILE_NAME_CHARS: usize = 255;
/// The type given to a file the browser could not name (or named badly).
pub const FALLBACK_CONTENT_TYPE: &str = "application/octet-stream";

/// What the composer says about the limits next to the **Attach files** control.
pub fn attachment_limits_text() -> String {
    format!(
        "Up to {} per file, {} per email.",
        human_size(MAX_FILE_BYTES),
        human_size(MAX_MESSAGE_BYTES)
    )
}

/// Why a file was not attached. Each file of a pick is judged on its own; a refused file
/// changes nothing.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AttachmentError {
    #[error("\u{201c}{name}\u{201d} is {size}; a file can be at most {max}.")]
    FileTooLarge {
        name: String,
        size: String,
        max: String,
    },
    #[error(
        "\u{201c}{name}\u{201d} ({size}) would make the attachments {total}; an email can carry \
         at most {max}."
    )]
    MessageTooLarge {
        name: String,
        size: String,
        total: String,
        max: String,
    },
    #[error("A file name cannot be empty.")]
    EmptyName,
    #[error("The file name \u{201c}{name}\u{201d} cannot be sent: {reason}")]
    BadName {
        name: String,
        reason: super::validate::ValidationError,
    },
}

/// A size as a person reads it: `512 bytes`, `12.4 KB`, `3.1 MB` (1 KB = 1024 bytes).
pub fn human_size(bytes: u64) -> String {
    const KB: u64 = 1024;
    const MB: u64 = 1024 * 1024;
    let one_decimal = |value: u64, unit: u64| {
        // Integer arithmetic with rounding keeps this exact and identical on every target.
        let tenths = (value * 10 + unit / 2) / unit;
        if tenths.is_multiple_of(10) {
            format!("{}", tenths / 10)
        } else {
            format!("{}.{}", tenths / 10, tenths % 10)
        }
    };
    match bytes {
        1 => "1 byte".into(),
        b if b < KB => format!("{b} bytes"),
        b if b < MB => format!("{} KB", one_decimal(b, KB)),
        b => format!("{} MB", one_decimal(b, MB)),
    }
}

/// The type to store for a picked file: the browser's `type` when it is a plain
/// `type/subtype` token pair, else [`FALLBACK_CONTENT_TYPE`]. Lower-cased.
pub fn attachment_content_type(browser_type: &str) -> String {
    let token = |s: &str| {
        !s.is_empty()
            && s.chars()
                .all(|c| c.is_ascii_graphic() && !"()<>@,;:\\\"/[]?=".contains(c))
    };
    let value = browser_type.trim().to_ascii_lowercase();
    match value.split_once('/') {
        Some((main, sub)) if token(main) && token(sub) => value,
        _ => FALLBACK_CONTENT_TYPE.into(),
    }
}

/// Checks one more file against the name rules and the limits, given what the draft already
/// carries. Returns the trimmed name to store.
pub fn check_attachment(
    existing: &[DraftAttachment],
    file_name: &str,
    size: u64,
) -> Result<String, AttachmentError> {
    let name = file_name.trim();
    if name.is_empty() {
        return Err(AttachmentError::EmptyName);
    }
    super::validate::header_value(name, MAX_FILE_NAME_CHARS).map_err(|reason| {
        AttachmentError::BadName {
            name: name.chars().filter(|c| !c.is_control()).collect(),
            reason,
        }
    })?;
    if size > MAX_FILE_BYTES {
        return Err(AttachmentError::FileTooLarge {
            name: name.into(),
            size: human_size(size),
            max: human_size(MAX_FILE_BYTES),
        });
    }
    let total = existing.iter().map(|a| a.size).sum::<u64>() + size;
    if total > MAX_MESSAGE_BYTES {
        return Err(AttachmentError::MessageTooLarge {
            name: name.into(),
            size: human_size(size),
            total: human_size(total),
            max: human_size(MAX_MESSAGE_BYTES),
        });
    }
    Ok(name.to_owned())
}

impl DraftKey {
    /// Every blob of this draft has a key starting with this prefix, so the blobs of a sent or
    /// discarded draft can be found by a key-range scan of the attachments store.
    pub fn blob_prefix(&self) -> String {
        format!("draft|{}|", self.storage_key())
    }

    /// The key of a new blob of this draft; `unique` comes from the caller (random, clock).
    pub fn blob_key(&self, unique: &str) -> String {
        format!("{}{unique}", self.blob_prefix())
    }
}
