//! Inbox views of SPEC §5 (**Unassigned**, **Assigned to me**, **All open**, **Closed**,
//! **Sent**, **Trash**, plus **Outbox** of §9 and **Drafts** of §7), their URL slugs, which
//! conversations belong to each, the IndexedDB index keys that make those views cheap to query,
//! the pure search filter of the conversation list, the list filters of the URL (**Status**,
//! **Assignee**, **Channel**, **Date**) and how they map onto an index key range
//! ([`list_plan`]), and the search tokenizer whose tokens are indexed at write time.
//!
//! This module only answers "does this record belong here"; it never loads, sorts or pages
//! records (storage does) and never decides what a user may see (access rules do: callers pass
//! only conversations of inboxes the user may view). Views are per workspace and inbox: the
//! caller passes the conversations of the inbox (or help desk, `Conversation::area`) shown.

use super::ids::{ChannelId, ConversationId, UserId};
use super::model::{Area, Conversation, ConversationStatus, Millis};
use std::collections::BTreeSet;

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

/// What the part of a workspace URL after `/inbox` or `/help-desk` names. The list and the
/// open conversation are one route, so opening a conversation from the list keeps the list (and
/// the view counts) mounted instead of rebuilding the workspace.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WorkspacePath {
    /// `/inbox` or `/inbox/<view>`: the slug of a view ([`View::from_slug`]).
    List(Option<String>),
    /// `/inbox/conversations/<id>`.
    Conversation(ConversationId),
    /// Anything else (a slug that names no view, too): the page does not exist.
    Unknown,
}

impl WorkspacePath {
    /// Reads `rest`, the path after the workspace's own segment (with or without slashes
    /// around it).
    pub fn parse(rest: &str) -> WorkspacePath {
        let mut parts = rest.trim_matches('/').split('/');
        match (parts.next(), parts.next(), parts.next()) {
            (Some(""), None, None) => WorkspacePath::List(None),
            (Some(view), None, None) if View::from_slug(view).is_some() => {
                WorkspacePath::List(Some(view.to_string()))
            }
            (Some("conversations"), Some(id), None) if !id.is_empty() => {
                WorkspacePath::Conversation(ConversationId::new(id))
            }
            _ => WorkspacePath::Unknown,
        }
    }

    /// The workspace a location's path (without query) shows, as the app's routes read it:
    /// `/` and `/inbox/…` the inbox, `/help-desk/…` the help desk except its tickets page;
    /// `None` for every other page.
    pub fn of_location(path: &str) -> Option<(Area, WorkspacePath)> {
        let path = path.trim_start_matches('/');
        let (first, rest) = path.split_once('/').unwrap_or((path, ""));
        let area = match first {
            "" if rest.is_empty() => Area::Inbox,
            "inbox" => Area::Inbox,
            "help-desk" if rest.trim_end_matches('/') == "tickets" => return None,
            "help-desk" => Area::HelpDesk,
            _ => return None,
        };
        Some((area, WorkspacePath::parse(rest)))
    }

    /// The view a workspace shows: the slug of its path, else the URL's `view` (a conversation
    /// keeps the list it was opened from), else **Unassigned** (also for an unknown slug).
    pub fn view(&self, query_view: Option<&str>) -> View {
        let from_path = match self {
            WorkspacePath::List(slug) => slug.as_deref(),
            _ => None,
        };
        from_path
            .or(query_view)
            .and_then(View::from_slug)
            .unwrap_or(View::Unassigned)
    }
}

/// The part of the app a path belongs to: the top navigation marks its link as the current
/// page (`aria-current`) for every path under it, not only for the section's own first page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    Inbox,
    HelpDesk,
    Contacts,
    Settings,
}

impl Section {
    /// The section of `path` (a location's path, without query), if any. `/` is the Inbox.
    pub fn of(path: &str) -> Option<Section> {
        let first = path.trim_start_matches('/').split('/').next().unwrap_or("");
        match first {
            "" | "inbox" => Some(Section::Inbox),
            "help-desk" => Some(Section::HelpDesk),
            "contacts" => Some(Section::Contacts),
            "settings" => Some(Section::Settings),
            _ => None,
        }
    }
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

// ---- search tokens ------------------------------------------------------------------------

/// Tokens longer than this are cut: the index stays small, and a query token is cut the same
/// way, so prefix matching still finds them.
pub const MAX_TOKEN_CHARS: usize = 24;

/// The search tokens of `text`: folded ([`fold`]: case and accents ignored), split at every
/// character that is not a letter or digit, cut to [`MAX_TOKEN_CHARS`], without duplicates,
/// sorted. Stored in a multi-entry index when a record is written; a query token matches a
/// stored token it is a prefix of.
pub fn search_tokens(text: &str) -> Vec<String> {
    let set: BTreeSet<String> = raw_tokens(text).collect();
    set.into_iter().collect()
}

/// The tokens of `text` from several fields at once (subject, preview, …).
pub fn search_tokens_of(fields: &[&str]) -> Vec<String> {
    let set: BTreeSet<String> = fields.iter().flat_map(|f| raw_tokens(f)).collect();
    set.into_iter().collect()
}

/// The tokens of a typed query, in the order typed, without duplicates and without a token
/// that is a prefix of another one (it can only match where the longer one does).
pub fn query_tokens(text: &str) -> Vec<String> {
    let mut tokens: Vec<String> = Vec::new();
    for token in raw_tokens(text) {
        if !tokens.contains(&token) {
            tokens.push(token);
        }
    }
    let all = tokens.clone();
    tokens.retain(|t| {
        !all.iter()
            .any(|other| other != t && other.starts_with(t.as_str()))
    });
    tokens
}

/// A thread with more than this many messages opens folded (see [`folded_messages`]).
pub const FOLD_ABOVE: usize = 12;
/// How many of the newest messages a folded thread shows.
pub const KEEP_NEWEST: usize = 10;

/// The messages (indices, oldest first) a long thread hides until the rep asks for them: all
/// but the first (how the case began) and the [`KEEP_NEWEST`] newest. Empty for a thread of at
/// most [`FOLD_ABOVE`] messages: a thread of a hundred messages opens as fast as a short one.
pub fn folded_messages(count: usize) -> std::ops::Range<usize> {
    if count <= FOLD_ABOVE {
        return 0..0;
    }
    1..count - KEEP_NEWEST
}

/// Recipient suggestions (the **To**, **Cc** and **Bcc** fields): the query tokens of the
/// address being typed, i.e. the text after the last `,` or `;` of the field. Empty when there
/// is nothing to suggest for (nothing typed yet, or only separators).
pub fn recipient_query(field: &str) -> Vec<String> {
    let typed = field.rsplit([',', ';']).next().unwrap_or("");
    query_tokens(typed)
}

/// Whether a contact with this name and address is a suggestion for `query`
/// ([`recipient_query`]): every query token is a prefix of one of its tokens.
pub fn suggests(name: &str, email: &str, query: &[String]) -> bool {
    if query.is_empty() {
        return false;
    }
    let tokens = search_tokens_of(&[name, email]);
    query
        .iter()
        .all(|q| tokens.iter().any(|t| t.starts_with(q.as_str())))
}

/// The exclusive upper bound of every string that starts with `token` (for an index key
/// range): tokens hold only letters and digits, which all sort below U+FFFF.
pub fn token_upper_bound(token: &str) -> String {
    format!("{token}\u{ffff}")
}

fn raw_tokens(text: &str) -> impl Iterator<Item = String> + '_ {
    let folded = fold(text);
    folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty())
        .map(|t| t.chars().take(MAX_TOKEN_CHARS).collect::<String>())
        .collect::<Vec<_>>()
        .into_iter()
}

// ---- list filters -------------------------------------------------------------------------

/// The **Date** filter as chosen (kept relative, so a bookmarked "Today" means today).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DateFilter {
    #[default]
    AnyTime,
    Today,
    Last7Days,
    Last30Days,
    /// Local calendar days (days since 1970-01-01), both inclusive; either may be open.
    Custom {
        from: Option<i64>,
        to: Option<i64>,
    },
}

impl DateFilter {
    pub const PRESETS: [DateFilter; 4] = [
        DateFilter::AnyTime,
        DateFilter::Today,
        DateFilter::Last7Days,
        DateFilter::Last30Days,
    ];

    /// The URL value of `date=` (`None`: any time, not written).
    pub fn slug(self) -> Option<&'static str> {
        match self {
            DateFilter::AnyTime => None,
            DateFilter::Today => Some("today"),
            DateFilter::Last7Days => Some("7d"),
            DateFilter::Last30Days => Some("30d"),
            DateFilter::Custom { .. } => Some("custom"),
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            DateFilter::AnyTime => "Any time",
            DateFilter::Today => "Today",
            DateFilter::Last7Days => "Last 7 days",
            DateFilter::Last30Days => "Last 30 days",
            DateFilter::Custom { .. } => "Custom range",
        }
    }

    /// Inclusive bounds on `last_activity`. `now` is UTC millis; `utc_offset_minutes` is the
    /// rep's local offset east of UTC (so "today" starts at local midnight). "Last 7 days" is
    /// today and the 6 local days before it.
    pub fn bounds(self, now: Millis, utc_offset_minutes: i64) -> (Option<Millis>, Option<Millis>) {
        let today = local_day(now, utc_offset_minutes);
        let start = |day: i64| day_start(day, utc_offset_minutes);
        match self {
            DateFilter::AnyTime => (None, None),
            DateFilter::Today => (Some(start(today)), None),
            DateFilter::Last7Days => (Some(start(today - 6)), None),
            DateFilter::Last30Days => (Some(start(today - 29)), None),
            DateFilter::Custom { from, to } => (from.map(start), to.map(|d| start(d + 1) - 1)),
        }
    }
}

const DAY_MS: i64 = 86_400_000;

/// The local calendar day (days since 1970-01-01) of the instant `at`.
pub fn local_day(at: Millis, utc_offset_minutes: i64) -> i64 {
    (at + utc_offset_minutes * 60_000).div_euclid(DAY_MS)
}

/// The UTC instant of local midnight starting `day`.
pub fn day_start(day: i64, utc_offset_minutes: i64) -> Millis {
    day * DAY_MS - utc_offset_minutes * 60_000
}

/// `YYYY-MM-DD` (what `<input type=date>` gives) → days since 1970-01-01; `None` if it is not
/// a real calendar date.
pub fn parse_day(text: &str) -> Option<i64> {
    let mut parts = text.trim().splitn(3, '-');
    let year: i64 = parts.next()?.parse().ok()?;
    let month: u32 = parts.next()?.parse().ok()?;
    let day: u32 = parts.next()?.parse().ok()?;
    if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
        return None;
    }
    // Days from civil (proleptic Gregorian), March-based year.
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

/// Days since 1970-01-01 → `YYYY-MM-DD`.
pub fn format_day(days: i64) -> String {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

fn days_in_month(year: i64, month: u32) -> u32 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// The filters of the list header, as they appear in the URL query
/// (`?status=open&assignee=u-giulia&channel=ch-support-email&date=7d`). Unknown or malformed
/// values are ignored rather than refused: a hand-edited URL still opens the view.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ListFilters {
    pub status: Option<ConversationStatus>,
    pub assignee: Option<AssigneeFilter>,
    pub channel: Option<ChannelId>,
    pub date: DateFilter,
}

impl ListFilters {
    /// Reads the filters from URL query values (`get("status")` …).
    pub fn from_query(get: impl Fn(&str) -> Option<String>) -> ListFilters {
        let value = |key: &str| {
            get(key)
                .map(|v| v.trim().to_owned())
                .filter(|v| !v.is_empty())
        };
        let status = match value("status").as_deref() {
            Some("open") => Some(ConversationStatus::Open),
            Some("closed") => Some(ConversationStatus::Closed),
            _ => None,
        };
        let assignee = value("assignee").map(|a| match a.as_str() {
            "unassigned" => AssigneeFilter::Unassigned,
            _ => AssigneeFilter::User(UserId::new(a)),
        });
        let date = match value("date").as_deref() {
            Some("today") => DateFilter::Today,
            Some("7d") => DateFilter::Last7Days,
            Some("30d") => DateFilter::Last30Days,
            Some("custom") => DateFilter::Custom {
                from: value("from").and_then(|d| parse_day(&d)),
                to: value("to").and_then(|d| parse_day(&d)),
            },
            _ => DateFilter::AnyTime,
        };
        ListFilters {
            status,
            assignee,
            channel: value("channel").map(ChannelId::new),
            date,
        }
    }

    /// The query pairs for the URL, in a fixed order; filters left at "any" are omitted.
    pub fn to_query(&self) -> Vec<(&'static str, String)> {
        let mut pairs = Vec::new();
        if let Some(status) = self.status {
            let s = match status {
                ConversationStatus::Open => "open",
                ConversationStatus::Closed => "closed",
            };
            pairs.push(("status", s.to_owned()));
        }
        match &self.assignee {
            Some(AssigneeFilter::Unassigned) => pairs.push(("assignee", "unassigned".to_owned())),
            Some(AssigneeFilter::User(u)) => pairs.push(("assignee", u.as_str().to_owned())),
            None => {}
        }
        if let Some(channel) = &self.channel {
            pairs.push(("channel", channel.as_str().to_owned()));
        }
        if let Some(slug) = self.date.slug() {
            pairs.push(("date", slug.to_owned()));
        }
        if let DateFilter::Custom { from, to } = self.date {
            if let Some(from) = from {
                pairs.push(("from", format_day(from)));
            }
            if let Some(to) = to {
                pairs.push(("to", format_day(to)));
            }
        }
        pairs
    }

    pub fn is_empty(&self) -> bool {
        *self == ListFilters::default()
    }

    /// The [`Filter`] these filters mean at `now` (no text).
    pub fn resolve(&self, now: Millis, utc_offset_minutes: i64) -> Filter {
        let (date_from, date_to) = self.date.bounds(now, utc_offset_minutes);
        Filter {
            text: String::new(),
            status: self.status,
            assignee: self.assignee.clone(),
            channel: self.channel.clone(),
            date_from,
            date_to,
        }
    }
}

/// Which compound index a filtered list reads (the last component of each is
/// `last_activity`, so a date range is a key range on every one of them).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListIndex {
    /// `[_area, inbox, _bucket, last_activity]`
    Bucket,
    /// `[_area, inbox, _bucket, _assignee, last_activity]`
    BucketAssignee,
    /// `[_area, inbox, _bucket, channel, last_activity]`
    BucketChannel,
    /// `[_area, inbox, _bucket, _assignee, channel, last_activity]`
    BucketAssigneeChannel,
}

/// A view plus filters as one index key range: the index, the key prefix after
/// `[_area, inbox]` and the inclusive `last_activity` bounds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListPlan {
    pub index: ListIndex,
    /// `_bucket`, then `_assignee` and/or `channel` as the index needs.
    pub prefix: Vec<String>,
    pub from: Option<Millis>,
    pub to: Option<Millis>,
}

/// How a conversation view combined with `filter` reads the store, or `None` when the filters
/// contradict the view (for example **Status** Closed in **All open**, or **Assignee** Giulia
/// in **Unassigned**): that list is empty without reading anything. The view fixes the bucket
/// and, for **Unassigned** and **Assigned to me**, the assignee; a filter repeating the view is
/// no contradiction. **Trash** holds conversations whatever their status, so the status filter
/// does not narrow it. The free text of `filter` is ignored (search has its own index).
pub fn list_plan(view: View, me: &UserId, filter: &Filter) -> Option<ListPlan> {
    let (bucket, view_status) = match view {
        View::Unassigned | View::AssignedToMe | View::AllOpen => {
            ("open", Some(ConversationStatus::Open))
        }
        View::Closed => ("closed", Some(ConversationStatus::Closed)),
        View::Trash => ("trash", None),
        View::Sent | View::Outbox | View::Drafts => return None,
    };
    if let (Some(wanted), Some(fixed)) = (filter.status, view_status) {
        if wanted != fixed {
            return None;
        }
    }
    let view_assignee = match view {
        View::Unassigned => Some(String::new()),
        View::AssignedToMe => Some(me.as_str().to_owned()),
        _ => None,
    };
    let filter_assignee = filter.assignee.as_ref().map(|a| match a {
        AssigneeFilter::Unassigned => String::new(),
        AssigneeFilter::User(u) => u.as_str().to_owned(),
    });
    let assignee = match (view_assignee, filter_assignee) {
        (Some(v), Some(f)) if v != f => return None,
        (Some(v), _) => Some(v),
        (None, f) => f,
    };
    if let (Some(from), Some(to)) = (filter.date_from, filter.date_to) {
        if from > to {
            return None;
        }
    }
    let mut prefix = vec![bucket.to_owned()];
    let index = match (assignee, &filter.channel) {
        (None, None) => ListIndex::Bucket,
        (Some(a), None) => {
            prefix.push(a);
            ListIndex::BucketAssignee
        }
        (None, Some(ch)) => {
            prefix.push(ch.as_str().to_owned());
            ListIndex::BucketChannel
        }
        (Some(a), Some(ch)) => {
            prefix.push(a);
            prefix.push(ch.as_str().to_owned());
            ListIndex::BucketAssigneeChannel
        }
    };
    Some(ListPlan {
        index,
        prefix,
        from: filter.date_from,
        to: filter.date_to,
    })
}
