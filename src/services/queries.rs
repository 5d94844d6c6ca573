//! Reads for the pages. Each takes the app context, returns owned data or an `AppError`, and
//! never loads more than the page needs: lists read pages of an index range, search reads the
//! search-token indexes (keys only) and then just the conversations that match.

use super::{session, AppCtx, AppError};
use crate::domain::entries::{ContactName, ConversationEntry};
use crate::domain::refusal::Missing;
use crate::domain::views::{self, ListFilters};
use crate::domain::*;
pub use crate::storage::ThreadRead;
use crate::storage::{Db, EarlyRead, ListQuery, PageStart, RowsWithContacts, StartPlan, Summary};
use crate::text::lowercase;

/// Rows read per page of a list (the virtual list asks for pages as it scrolls).
pub const PAGE_SIZE: u32 = 50;

/// The rep's local offset east of UTC, in minutes (for the **Date** filter's days).
pub fn utc_offset_minutes() -> i64 {
    -(js_sys::Date::new_0().get_timezone_offset() as i64)
}

/// The index range of a conversation view with `filters` at `now`: `None` when the view does
/// not list conversations or the filters contradict it (an empty list, nothing to read).
pub fn list_query(
    view: View,
    area: Area,
    inbox: &InboxId,
    me: &UserId,
    filters: &ListFilters,
    now: Millis,
) -> Option<ListQuery> {
    let filter = filters.resolve(now, utc_offset_minutes());
    views::list_plan(view, me, &filter).map(|plan| ListQuery {
        area,
        inbox: inbox.clone(),
        plan,
    })
}

/// Live count of a view with the list filters (conversation views by index count; the others
/// by their stores, unfiltered).
pub async fn view_count(
    app: AppCtx,
    view: View,
    area: Area,
    inbox: InboxId,
    me: UserId,
    filters: ListFilters,
) -> Result<u32, AppError> {
    if view.lists_conversations() {
        conversation_view_count(app, view, area, &inbox, &me, &filters).await
    } else {
        mail_view_count(app, view, &me).await
    }
}

/// The count of a view that lists conversations: one index count of its list's range.
pub async fn conversation_view_count(
    app: AppCtx,
    view: View,
    area: Area,
    inbox: &InboxId,
    me: &UserId,
    filters: &ListFilters,
) -> Result<u32, AppError> {
    let now = super::session::now_millis();
    match list_query(view, area, inbox, me, filters, now) {
        Some(q) => Ok(app.db().count_list(&q).await?),
        None => Ok(0),
    }
}

/// The count of **Sent**, **Outbox** (not yet delivered) or **Drafts** (mine), read from their
/// records; 0 for a view that lists conversations.
pub async fn mail_view_count(app: AppCtx, view: View, me: &UserId) -> Result<u32, AppError> {
    let db = app.db();
    Ok(match view {
        View::Sent => db.count_sent_messages().await?,
        View::Outbox => db
            .outbox()
            .await?
            .iter()
            .filter(|o| !matches!(o.status, OutboxStatus::Delivered { .. }))
            .count() as u32,
        View::Drafts => db.drafts_of_user(me).await?.len() as u32,
        _ => 0,
    })
}

/// A row of the conversation list: what it shows of the conversation (and the list's paging
/// key: `last_activity`, `id`) plus its contact's display name. Read from the stored
/// conversation and contact records as [`ConversationEntry`] and [`ContactName`], so the
/// first screen holds no deserialiser of a whole `Conversation` or `Contact`.
#[derive(Debug, Clone, PartialEq)]
pub struct ConversationRow {
    pub conversation: ConversationEntry,
    pub contact_name: String,
}

/// How many rows a list query holds.
pub async fn list_count(app: AppCtx, query: ListQuery) -> Result<u32, AppError> {
    Ok(app.db().count_list(&query).await?)
}

/// One page of a list, with contact names.
pub async fn list_rows(
    app: AppCtx,
    query: ListQuery,
    start: PageStart,
    limit: u32,
) -> Result<Vec<ConversationRow>, AppError> {
    page_rows(&app.db(), &query, &start, limit).await
}

async fn page_rows(
    db: &Db,
    query: &ListQuery,
    start: &PageStart,
    limit: u32,
) -> Result<Vec<ConversationRow>, AppError> {
    user_timing_mark(LIST_PAGE_START);
    let page = db.list_page_with_contacts(query, start, limit).await?;
    user_timing_measure(LIST_PAGE, LIST_PAGE_START);
    Ok(rows_with_contacts(page))
}

/// List rows from a page of entries with their contacts' names.
fn rows_with_contacts(page: RowsWithContacts) -> Vec<ConversationRow> {
    page.into_iter()
        .map(|(conversation, contact)| row(conversation, contact))
        .collect()
}

/// The first page and the count of the list the app is opened on, read while it starts.
#[derive(Debug, Clone, PartialEq)]
pub struct FirstPage {
    pub query: ListQuery,
    pub count: u32,
    pub rows: Vec<ConversationRow>,
}

/// Reads the first page of the conversation list the current URL shows (with its count), as
/// the workspace will ask for it: the same route, view, inbox, user and filters rules. Read
/// before the shell is built, its answer is not held back behind the shell's first frame, and
/// the first frame shows the rows. Taken from the early script's answers when they are what
/// this reads (`storage::EarlyRead`). `None` when the URL shows no conversation list or a read
/// fails (the list then reads, and reports, on its own). With it, what the next start's early
/// script is to read.
pub async fn first_page(
    db: &Db,
    summary: &Summary,
    early: Option<&EarlyRead>,
) -> (Option<FirstPage>, StartPlan) {
    let Some(query) = start_query(summary) else {
        return (None, StartPlan::new(None));
    };
    let plan = StartPlan::new(Some((&query, PAGE_SIZE)));
    let read = match early.and_then(|e| e.first_page(&query, PAGE_SIZE)) {
        Some(answer) => answer
            .map_err(AppError::from)
            .map(|(count, page)| (count, rows_with_contacts(page))),
        None => count_and_first_rows(db, &query).await,
    };
    let page = read
        .ok()
        .map(|(count, rows)| FirstPage { query, count, rows });
    (page, plan)
}

/// The conversation list the current URL shows, as the workspace will ask for it.
fn start_query(summary: &Summary) -> Option<ListQuery> {
    use leptos_router::location::{BrowserUrl, LocationProvider};
    let url = BrowserUrl::current().ok()?;
    let (area, path) = views::WorkspacePath::of_location(url.path())?;
    let params = url.search_params();
    let view = path.view(params.get_str("view"));
    let me = session::initial_user(&summary.users)?;
    let user = summary.users.iter().find(|u| u.id == me)?;
    let visible = inbox_entry::visible_entries(&summary.inboxes, user);
    let inbox = inbox_entry::current_entry(&visible, params.get_str("inbox"), Some(user))?;
    let filters = ListFilters::from_query(|key| params.get(key));
    list_query(view, area, &inbox, &me, &filters, session::now_millis())
}

/// A list's count and first page, read together (a new list shows both at once). The page's
/// request goes first: the browser's storage answers in order, and counting a long list takes
/// longer than reading its first rows.
pub async fn count_and_first_rows(
    db: &Db,
    query: &ListQuery,
) -> Result<(u32, Vec<ConversationRow>), AppError> {
    let (rows, count) = futures_util::future::join(
        page_rows(db, query, &PageStart::Offset(0), PAGE_SIZE),
        db.count_list(query),
    )
    .await;
    Ok((count?, rows?))
}

/// The user-timing measure of one list page read (conversations and their contacts), read by
/// `bench/run.mjs` (P7) and visible in the browser's performance panel.
const LIST_PAGE: &str = "sb:list-page";
const LIST_PAGE_START: &str = "sb:list-page:start";

/// Marks a point in the browser's user timing; without a `performance` object, nothing.
fn user_timing_mark(name: &str) {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark(name);
    }
}

/// Measures from the latest `start` mark to now under `name`.
fn user_timing_measure(name: &str, start: &str) {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.measure_with_start_mark(name, start);
    }
}

/// A list row: the conversation and its contact's name.
fn row(conversation: ConversationEntry, contact: Option<ContactName>) -> ConversationRow {
    ConversationRow {
        conversation,
        contact_name: contact
            .map(|c| c.display_name())
            .unwrap_or_else(|| "Unknown contact".to_owned()),
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Thread {
    pub conversation: Conversation,
    pub contact: Option<Contact>,
    /// Oldest first; read [`ThreadRead::Folded`], without the folded ones.
    pub messages: Vec<Message>,
    /// How many messages are folded away after the first one (0: none).
    pub folded: usize,
    pub ticket: Option<Ticket>,
}

/// The open conversation: every message (`ThreadRead::Whole`), or as it opens, a long thread
/// folded (`ThreadRead::Folded`: its hidden messages are counted, not read).
pub async fn thread(app: AppCtx, id: ConversationId, read: ThreadRead) -> Result<Thread, AppError> {
    let records = app
        .db()
        .thread_records(&id, read)
        .await?
        .ok_or(AppError::Missing(Missing::Conversation))?;
    Ok(Thread {
        conversation: records.conversation,
        contact: records.contact,
        messages: records.messages,
        folded: records.folded,
        ticket: records.ticket,
    })
}

/// A conversation, its contact and its latest received message (the Reply composer's needs:
/// whom the reply answers, `domain::reply_to::reply_recipients`).
pub async fn reply_records(
    app: AppCtx,
    id: ConversationId,
) -> Result<crate::storage::ReplyRecords, AppError> {
    app.db()
        .reply_records(&id)
        .await?
        .ok_or(AppError::Missing(Missing::Conversation))
}

pub async fn contacts(app: AppCtx) -> Result<Vec<Contact>, AppError> {
    let mut list = app.db().contacts().await?;
    list.sort_by_cached_key(|c| lowercase(&c.display_name()));
    Ok(list)
}

/// The contacts to suggest in a recipients field while the rep types (at most
/// [`SUGGESTIONS`]), by the address being typed ([`views::recipient_query`]); none before
/// anything is typed. Read through the search index: a composer never loads every contact.
pub async fn contact_suggestions(app: AppCtx, field: String) -> Result<Vec<Contact>, AppError> {
    let query = views::recipient_query(&field);
    // The longest token narrows the index read most; the others filter what it found.
    let Some(token) = query.iter().max_by_key(|t| t.len()) else {
        return Ok(Vec::new());
    };
    let mut found = app.db().contacts_with_token(token, SUGGESTIONS * 5).await?;
    found.retain(|c| views::suggests(c.name.as_deref().unwrap_or(""), c.email.as_str(), &query));
    found.sort_by_cached_key(|c| lowercase(&c.display_name()));
    found.truncate(SUGGESTIONS as usize);
    Ok(found)
}

/// How many contacts a recipients field suggests at most.
pub const SUGGESTIONS: u32 = 8;

#[derive(Debug, Clone, PartialEq)]
pub struct ContactRecord {
    pub contact: Contact,
    pub conversations: Vec<Conversation>,
    pub messages: Vec<Message>,
}

/// A contact with their conversations (their own and those they took part in) and the emails
/// on their timeline, newest first (`domain::timeline`: every email their address took part
/// in, and every email of their own conversations; never a comment).
pub async fn contact_record(app: AppCtx, id: ContactId) -> Result<ContactRecord, AppError> {
    let db = app.db();
    let contact = db
        .contact(&id)
        .await?
        .ok_or(AppError::Missing(Missing::Contact))?;
    let (conversations, messages) = db.contact_timeline(&contact).await?;
    let timeline = crate::domain::timeline::timeline(conversations, messages);
    Ok(ContactRecord {
        contact,
        conversations: timeline.conversations,
        messages: timeline.messages,
    })
}

/// One row of the **Sent** view: the email and where its row opens.
#[derive(Debug, Clone, PartialEq)]
pub struct SentRow {
    pub message: Message,
    pub opens: crate::domain::timeline::SentOpens,
}

/// The newest sent emails, each with where its row opens (`domain::timeline::sent_opens`):
/// the contacts of the recipients of the emails in no conversation (CRM emails from a personal
/// address) are read in one request per address, only when the page holds such an email.
pub async fn sent(app: AppCtx) -> Result<Vec<SentRow>, AppError> {
    let db = app.db();
    let messages = db.sent_messages(0, PAGE_SIZE).await?;
    let mut addresses: Vec<&EmailAddress> = Vec::new();
    for m in messages.iter().filter(|m| m.conversation.is_none()) {
        for r in m.to.iter().chain(&m.cc).chain(&m.bcc) {
            if !addresses.iter().any(|a| a.same_mailbox(&r.address)) {
                addresses.push(&r.address);
            }
        }
    }
    let contacts = db.contacts_by_email(&addresses).await?;
    Ok(messages
        .into_iter()
        .map(|message| SentRow {
            opens: crate::domain::timeline::sent_opens(&message, &contacts),
            message,
        })
        .collect())
}

/// One of the rep's drafts in the Drafts view, with what it belongs to.
#[derive(Debug, Clone, PartialEq)]
pub struct DraftRow {
    pub draft: Draft,
    /// The conversation a reply or comment draft belongs to (`None` when it is gone).
    pub conversation: Option<Conversation>,
}

/// `me`'s drafts (SPEC §7), each with its conversation when it has one, so a
/// reply or an internal comment is listed by the conversation's subject (its own is empty).
pub async fn drafts(app: AppCtx, me: UserId) -> Result<Vec<DraftRow>, AppError> {
    let db = app.db();
    let mut rows = Vec::new();
    for draft in db.drafts_of_user(&me).await? {
        let conversation = match &draft.key.target {
            DraftTarget::Conversation(id) => db.conversation(id).await?,
            _ => None,
        };
        rows.push(DraftRow {
            draft,
            conversation,
        });
    }
    Ok(rows)
}

pub async fn outbox(app: AppCtx) -> Result<Vec<OutboxItem>, AppError> {
    let mut items = app.db().outbox().await?;
    items.sort_by_key(|o| std::cmp::Reverse(o.created_at));
    Ok(items)
}

/// Search of one inbox in one workspace (SPEC §5): conversations not in Trash where every
/// word typed starts a word of the contact's name or address, the subject, the preview or a
/// message's subject or text (case and accents ignored), passing the list `filters`. Open
/// conversations come first, then closed ones, newest first within each. Words are looked up
/// in the search-token indexes (keys only) and intersected with the ids of the filtered open
/// and closed lists (index keys only, already in order), so no conversation record is read
/// here: the list reads the rows of the pages it shows.
pub async fn search(
    app: AppCtx,
    area: Area,
    inbox: InboxId,
    me: UserId,
    text: String,
    filters: ListFilters,
) -> Result<Vec<ConversationId>, AppError> {
    let now = super::session::now_millis();
    let lists: Vec<ListQuery> = [View::AllOpen, View::Closed]
        .into_iter()
        .filter_map(|view| list_query(view, area, &inbox, &me, &filters, now))
        .collect();
    let tokens = views::query_tokens(&text);
    Ok(app.db().search_ids(&tokens, &lists).await?)
}

/// Rows for the conversations with these ids (a page of search results), in the same order.
pub async fn rows_of(
    app: AppCtx,
    ids: Vec<ConversationId>,
) -> Result<Vec<ConversationRow>, AppError> {
    Ok(rows_with_contacts(
        app.db().conversation_rows_by_ids(&ids).await?,
    ))
}
