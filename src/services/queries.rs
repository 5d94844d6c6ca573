//! Reads for the pages. Each takes the app context, returns owned data or an `AppError`, and
//! never loads more than the page needs.

use super::{AppCtx, AppError};
use crate::domain::*;
use crate::storage::{AssigneeFilter, Bucket, PageQuery};

pub const PAGE_SIZE: u32 = 50;

/// Which conversation-based storage query a view maps to (`None`: not conversation-based).
pub fn view_query(view: View, area: Area, inbox: &InboxId, me: &UserId) -> Option<PageQuery> {
    let (bucket, assignee) = match view {
        View::Unassigned => (Bucket::Open, AssigneeFilter::Unassigned),
        View::AssignedToMe => (Bucket::Open, AssigneeFilter::User(me.clone())),
        View::AllOpen => (Bucket::Open, AssigneeFilter::Any),
        View::Closed => (Bucket::Closed, AssigneeFilter::Any),
        View::Trash => (Bucket::Trash, AssigneeFilter::Any),
        View::Sent | View::Outbox | View::Drafts => return None,
    };
    Some(PageQuery {
        area,
        inbox: inbox.clone(),
        bucket,
        assignee,
        offset: 0,
        limit: PAGE_SIZE,
    })
}

/// Live count of a view (conversation views by index count; the others by their stores).
pub async fn view_count(
    app: AppCtx,
    view: View,
    area: Area,
    inbox: InboxId,
    me: UserId,
) -> Result<u32, AppError> {
    let db = app.db();
    if let Some(q) = view_query(view, area, &inbox, &me) {
        return Ok(db.count_conversations(&q).await?);
    }
    Ok(match view {
        View::Sent => db.count_sent_messages().await?,
        View::Outbox => db
            .outbox()
            .await?
            .iter()
            .filter(|o| !matches!(o.status, OutboxStatus::Delivered { .. }))
            .count() as u32,
        View::Drafts => db.drafts_of_user(&me).await?.len() as u32,
        _ => 0,
    })
}

/// A row of the conversation list: the conversation plus its contact's display name.
#[derive(Debug, Clone, PartialEq)]
pub struct ConversationRow {
    pub conversation: Conversation,
    pub contact_name: String,
}

pub async fn conversation_rows(
    app: AppCtx,
    mut query: PageQuery,
    offset: u32,
) -> Result<Vec<ConversationRow>, AppError> {
    query.offset = offset;
    let db = app.db();
    let page = db.conversations_page(&query).await?;
    let mut rows = Vec::with_capacity(page.len());
    for conversation in page {
        let contact_name = match db.contact(&conversation.contact).await? {
            Some(c) => c.display_name(),
            None => "Unknown contact".to_owned(),
        };
        rows.push(ConversationRow {
            conversation,
            contact_name,
        });
    }
    Ok(rows)
}

#[derive(Debug, Clone, PartialEq)]
pub struct Thread {
    pub conversation: Conversation,
    pub contact: Option<Contact>,
    pub messages: Vec<Message>,
    pub ticket: Option<Ticket>,
}

pub async fn thread(app: AppCtx, id: ConversationId) -> Result<Thread, AppError> {
    let db = app.db();
    let conversation = db
        .conversation(&id)
        .await?
        .ok_or_else(|| AppError::NotFound("This conversation".into()))?;
    let contact = db.contact(&conversation.contact).await?;
    let messages = db.messages_of(&id).await?;
    let ticket = match &conversation.ticket {
        Some(t) => db.ticket(t).await?,
        None => None,
    };
    Ok(Thread {
        conversation,
        contact,
        messages,
        ticket,
    })
}

pub async fn contacts(app: AppCtx) -> Result<Vec<Contact>, AppError> {
    let mut list = app.db().contacts().await?;
    list.sort_by_key(|c| c.display_name().to_lowercase());
    Ok(list)
}

#[derive(Debug, Clone, PartialEq)]
pub struct ContactRecord {
    pub contact: Contact,
    pub conversations: Vec<Conversation>,
    pub messages: Vec<Message>,
}

/// A contact with its conversations and their emails, newest first (the timeline).
pub async fn contact_record(app: AppCtx, id: ContactId) -> Result<ContactRecord, AppError> {
    let db = app.db();
    let contact = db
        .contact(&id)
        .await?
        .ok_or_else(|| AppError::NotFound("This contact".into()))?;
    let mut conversations = db.conversations_of_contact(&id).await?;
    conversations.sort_by_key(|c| std::cmp::Reverse(c.last_activity));
    let mut messages = Vec::new();
    for c in &conversations {
        messages.extend(
            db.messages_of(&c.id)
                .await?
                .into_iter()
                .filter(|m| m.direction != Direction::Comment),
        );
    }
    messages.sort_by_key(|m| std::cmp::Reverse(m.date));
    Ok(ContactRecord {
        contact,
        conversations,
        messages,
    })
}

pub async fn sent(app: AppCtx) -> Result<Vec<Message>, AppError> {
    Ok(app.db().sent_messages(0, PAGE_SIZE).await?)
}

pub async fn outbox(app: AppCtx) -> Result<Vec<OutboxItem>, AppError> {
    let mut items = app.db().outbox().await?;
    items.sort_by_key(|o| std::cmp::Reverse(o.created_at));
    Ok(items)
}

/// Most conversations one search reads per status (open, closed).
const SEARCH_LIMIT: u32 = 10_000;

/// Search of one inbox in one workspace (SPEC §5): conversations not in Trash whose contact,
/// subject, preview or message text (comments included) contain every word of `text`, case
/// and accents ignored. Bodies are read only for conversations the cheap fields do not match.
pub async fn search(
    app: AppCtx,
    area: Area,
    inbox: InboxId,
    text: String,
) -> Result<Vec<ConversationRow>, AppError> {
    let db = app.db();
    let filter = crate::domain::views::Filter {
        text,
        ..Default::default()
    };
    let mut rows = Vec::new();
    for bucket in [Bucket::Open, Bucket::Closed] {
        let query = PageQuery {
            area,
            inbox: inbox.clone(),
            bucket,
            assignee: AssigneeFilter::Any,
            offset: 0,
            limit: SEARCH_LIMIT,
        };
        for conversation in db.conversations_page(&query).await? {
            let contact = db.contact(&conversation.contact).await?;
            let contact_name = contact
                .as_ref()
                .map(|c| c.display_name())
                .unwrap_or_else(|| "Unknown contact".into());
            let who = match &contact {
                Some(c) => format!("{} {}", c.display_name(), c.email),
                None => contact_name.clone(),
            };
            let matched = filter.matches(&conversation, &who, "") || {
                let bodies: Vec<String> = db
                    .messages_of(&conversation.id)
                    .await?
                    .into_iter()
                    .map(|m| m.text_body)
                    .collect();
                filter.matches(&conversation, &who, &bodies.join("\n"))
            };
            if matched {
                rows.push(ConversationRow {
                    conversation,
                    contact_name,
                });
            }
        }
    }
    rows.sort_by_key(|r| std::cmp::Reverse(r.conversation.last_activity));
    Ok(rows)
}
