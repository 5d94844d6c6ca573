//! Inbox views of SPEC §5 (**Unassigned**, **Assigned to me**, **All open**, **Closed**,
//! **Sent**, **Trash**, plus **Outbox** of §9 and **Drafts** of §7), their URL slugs, which
//! conversations belong to each, the IndexedDB index keys that make those views cheap to query,
//! and the pure search filter of the conversation list.
//!
//! This module only answers "does this record belong here"; it never loads, sorts or pages
//! records (storage does) and never decides what a user may see (access rules do: callers pass
//! only conversations of inboxes the user may view). Views are per workspace and inbox: the
//! caller passes the conversations of the inbox (or help desk, `Conversation::area`) shown.

use super::ids::{ChannelId, UserId};
use super::model::{Conversation, ConversationStatus, Millis};

/// One list of the inbox (or help desk) workspace.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum View {
    Unassigned,
    AssignedToMe,
    AllOpen,
    Closed,
    Sent,
    Outbox,
    Trash,
    Drafts,
}

impl View {
    /// Every view, in the order the navigation shows them.
    pub const ALL: [View; 8] = [
        View::Unassigned,
        View::AssignedToMe,
        View::AllOpen,
        View::Closed,
        View::Sent,
        View::Outbox,
        View::Trash,
        View::Drafts,
    ];

    /// The exact UI label (SPEC vocabulary).
    pub fn label(self) -> &'static str {
        match self {
            View::Unassigned => "Unassigned",
            View::AssignedToMe => "Assigned to me",
            View::AllOpen => "All open",
            View::Closed => "Closed",
            View::Sent => "Sent",
            View::Outbox => "Outbox",
            View::Trash => "Trash",
            View::Drafts => "Drafts",
        }
    }

    /// The path segment of `/inbox/<view>` (and `/help-desk/<view>`).
    pub fn slug(self) -> &'static str {
        match self {
            View::Unassigned => "unassigned",
            View::AssignedToMe => "assigned-to-me",
            View::AllOpen => "all-open",
            View::Closed => "closed",
            View::Sent => "sent",
            View::Outbox => "outbox",
            View::Trash => "trash",
            View::Drafts => "drafts",
        }
    }

    /// Inverse of [`View::slug`]; `None` for an unknown segment so the router can show
    /// "page not found" instead of guessing.
    pub fn from_slug(slug: &str) -> Option<View> {
        View::ALL.into_iter().find(|view| view.slug() == slug)
    }

    /// Views that list conversations. **Sent**, **Outbox** and **Drafts** list messages and
    /// drafts instead, so [`conversation_in_view`] is always false for them.
    pub fn lists_conversations(self) -> bool {
        matches!(
            self,
            View::Unassigned | View::AssignedToMe | View::AllOpen | View::Closed | View::Trash
        )
    }
}

/// Does `conv` belong to the conversation-based `view` for the user `me`?
///
/// A trashed conversation appears only in **Trash**, whatever its status or assignee, so
/// moving to trash removes it from every other list at once.
pub fn conversation_in_view(conv: &Conversation, view: View, me: &UserId) -> bool {
    let trashed = conv.trashed_at.is_some();
    let open = conv.status == ConversationStatus::Open;
    match view {
        View::Unassigned => !trashed && open && conv.assignee.is_none(),
        View::AssignedToMe => !trashed && open && conv.assignee.as_ref() == Some(me),
        View::AllOpen => !trashed && open,
        View::Closed => !trashed && !open,
        View::Trash => trashed,
        View::Sent | View::Outbox | View::Drafts => false,
    }
}

/// How many of `convs` each conversation-based view holds, in [`View::ALL`] order (the counts
/// next to the view names).
pub fn view_counts<'a>(
    convs: impl IntoIterator<Item = &'a Conversation>,
    me: &UserId,
) -> Vec<(View, usize)> {
    let views: Vec<View> = View::ALL
        .into_iter()
        .filter(|v| v.lists_conversations())
        .collect();
    let mut counts = vec![0usize; views.len()];
    for conv in convs {
        for (count, view) in counts.iter_mut().zip(&views) {
            if conversation_in_view(conv, *view, me) {
                *count += 1;
            }
        }
    }
    views.into_iter().zip(counts).collect()
}

/// IndexedDB index key: `"open"`, `"closed"` or `"trash"`. Every conversation is in exactly
/// one bucket, and trash wins over status, matching [`conversation_in_view`].
pub fn bucket(conv: &Conversation) -> &'static str {
    match (conv.trashed_at, conv.status) {
        (Some(_), _) => "trash",
        (None, ConversationStatus::Open) => "open",
        (None, ConversationStatus::Closed) => "closed",
    }
}

/// IndexedDB index key for the assignee: the user id, or `""` when unassigned (IndexedDB
/// cannot index a missing value, and no user id is empty).
pub fn assignee_key(conv: &Conversation) -> String {
    conv.assignee
        .as_ref()
        .map(|user| user.as_str().to_owned())
        .unwrap_or_default()
}

/// Assignee criterion of the search filter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AssigneeFilter {
    Unassigned,
    User(UserId),
}

/// Search and filter of the conversation list. Every criterion left empty/`None` matches
/// everything; the criteria combine with AND.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// Free text: every whitespace-separated word must appear (case- and accent-insensitive)
    /// in the subject, the preview, the contact's display name/address or the body.
    pub text: String,
    pub status: Option<ConversationStatus>,
    pub assignee: Option<AssigneeFilter>,
    pub channel: Option<ChannelId>,
    /// Inclusive lower bound on the last activity.
    pub date_from: Option<Millis>,
    /// Inclusive upper bound on the last activity (pass the end of the chosen day).
    pub date_to: Option<Millis>,
}

impl Filter {
    /// Does `conv` match? `contact_display` is the contact's name or address as shown in the
    /// list; `body_text` is the plain text of its messages (what the caller has at hand).
    pub fn matches(&self, conv: &Conversation, contact_display: &str, body_text: &str) -> bool {
        if self.status.is_some_and(|status| status != conv.status) {
            return false;
        }
        match &self.assignee {
            Some(AssigneeFilter::Unassigned) if conv.assignee.is_some() => return false,
            Some(AssigneeFilter::User(user)) if conv.assignee.as_ref() != Some(user) => {
                return false
            }
            _ => {}
        }
        if self.channel.as_ref().is_some_and(|ch| *ch != conv.channel) {
            return false;
        }
        if self.date_from.is_some_and(|from| conv.last_activity < from) {
            return false;
        }
        if self.date_to.is_some_and(|to| conv.last_activity > to) {
            return false;
        }
        let query = fold(&self.text);
        if query.trim().is_empty() {
            return true;
        }
        let haystack = fold(
            &[
                conv.subject.as_str(),
                &conv.snippet,
                contact_display,
                body_text,
            ]
            .join("\n"),
        );
        query.split_whitespace().all(|word| haystack.contains(word))
    }
}

/// Lower-cases and strips diacritics so "Ștefan", "stefan" and "STEFAN" compare equal.
/// Covers the Latin letters of the seed languages (Romanian, Polish, Italian, Dutch) and the
/// rest of Latin-1/Latin Extended-A; combining marks (decomposed input) are dropped too.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        if ('\u{0300}'..='\u{036f}').contains(&c) {
            continue;
        }
        match fold_char(c) {
            Some(replacement) => out.push_str(replacement),
            None => out.push(c),
        }
    }
    out
}

fn fold_char(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
        'æ' => "ae",
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => "c",
        'ď' | 'đ' | 'ð' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => "e",
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => "g",
        'ĥ' | 'ħ' => "h",
        'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => "i",
        'ĳ' => "ij",
        'ĵ' => "j",
        'ķ' => "k",
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => "l",
        'ñ' | 'ń' | 'ņ' | 'ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' => "o",
        'œ' => "oe",
        'ŕ' | 'ŗ' | 'ř' => "r",
        'ś' | 'ŝ' | 'ş' | 'š' | 'ș' => "s",
        'ß' => "ss",
        'ţ' | 'ť' | 'ŧ' | 'ț' => "t",
        'þ' => "th",
        'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => "u",
        'ŵ' => "w",
        'ý' | 'ÿ' | 'ŷ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        _ => return None,
    })
}
