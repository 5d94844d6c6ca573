//! Thread and ticket actions (SPEC §5 thread actions, §6 tickets): one function per command.
//! Each asks `domain::access::can` first (refusing with `AppError::Denied` and the rule's own
//! sentence), loads the aggregate `domain::lifecycle` needs, applies the pure command, writes
//! the whole transition with ONE `Db::write_batch`, announces the change, and answers a
//! [`Done`] for the toast, with the inverse command where a user expects **Undo**.
//!
//! Must not: decide lifecycle or permission rules itself (the domain does), or touch the DOM.

use super::session::{now_millis, random_hex};
use super::{AppCtx, AppError};
use crate::domain::access::{can, inbox_role, Action, Decision, DenyReason, InboxRole, Resource};
use crate::domain::lifecycle::{apply, Aggregate, Command, LifecycleError, Transition};
use crate::domain::refusal::{Missing, Refusal};
use crate::domain::*;
use crate::storage::{Db, Directory, WriteBatch};
use crate::text::lowercase;
use leptos::prelude::GetUntracked;

/// What happened, for the toast.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Done {
    pub summary: String,
    /// The inverse command, offered as **Undo**.
    pub undo: Option<Undo>,
    /// Where the conversation went, when it left the current workspace: (label, path).
    pub link: Option<(String, String)>,
}

impl Done {
    fn new(summary: String) -> Done {
        Done {
            summary,
            undo: None,
            link: None,
        }
    }
}

/// Inverse commands of the actions a user expects to undo.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Undo {
    /// Undo of **Close conversation**.
    Reopen(ConversationId),
    /// Undo of **Move to trash**.
    Restore(ConversationId),
    /// Undo of **Reassign**: the previous owner.
    Reassign(ConversationId, Option<UserId>),
    /// Undo of **Move ticket to trash**.
    RestoreTicket(TicketId),
}

impl Undo {
    pub async fn run(self, app: AppCtx) -> Result<Done, AppError> {
        let done = match self {
            Undo::Reopen(id) => reopen_conversation(app, id).await?,
            Undo::Restore(id) => restore(app, id).await?,
            Undo::Reassign(id, user) => reassign(app, id, user).await?,
            Undo::RestoreTicket(id) => restore_ticket(app, id).await?,
        };
        // An undo is not itself undone from the same toast.
        Ok(Done { undo: None, ..done })
    }
}

/// The decision for `action` on `conversation` for `user`, from the directory.
pub fn decide(
    dir: &Directory,
    user: &User,
    action: Action,
    conversation: &Conversation,
) -> Decision {
    match dir.inboxes.iter().find(|i| i.id == conversation.inbox) {
        Some(inbox) => can(
            user,
            action,
            &Resource::Conversation {
                inbox,
                conversation,
            },
            &dir.workspace,
        ),
        None => Decision::Denied(DenyReason::WrongResource { action }),
    }
}

/// Users who may own a conversation of `inbox` (members; free seats included, chosen by hand).
pub fn assignable_users(dir: &Directory, inbox: &InboxId) -> Vec<User> {
    let Some(inbox) = dir.inboxes.iter().find(|i| &i.id == inbox) else {
        return Vec::new();
    };
    let mut users: Vec<User> = dir
        .users
        .iter()
        .filter(|u| inbox_role(u, inbox) == InboxRole::Member)
        .cloned()
        .collect();
    users.sort_by_cached_key(|u| lowercase(&u.full_name()));
    users
}

/// The inbox a team works in: the one whose access lists the team.
pub fn team_inbox<'a>(dir: &'a Directory, team: &TeamId) -> Option<&'a Inbox> {
    dir.inboxes.iter().find(|i| match &i.access {
        InboxAccess::SpecificUsersAndTeams { teams, .. } => teams.contains(team),
        InboxAccess::Everyone => false,
    })
}

/// The current user's whole record, from the whole directory (access is decided on it).
fn current_user(app: &AppCtx, dir: &Directory) -> Result<User, AppError> {
    let id = app
        .user_id
        .get_untracked()
        .ok_or(AppError::Refused(Refusal::NoCurrentUser))?;
    dir.users
        .iter()
        .find(|u| u.id == id)
        .cloned()
        .ok_or(AppError::Missing(Missing::CurrentUser))
}

/// The whole directory (waits for it to be read, see `AppCtx::until_directory`).
async fn directory(app: &AppCtx) -> Result<Directory, AppError> {
    app.full_directory().await
}

/// Refuses unless `user` may do `action` on every conversation given.
fn check(
    dir: &Directory,
    user: &User,
    action: Action,
    conversations: &[&Conversation],
) -> Result<(), AppError> {
    for conversation in conversations {
        if let Decision::Denied(reason) = decide(dir, user, action, conversation) {
            return Err(AppError::Access(reason));
        }
    }
    Ok(())
}

async fn load_conversation(db: &Db, id: &ConversationId) -> Result<Conversation, AppError> {
    db.conversation(id)
        .await?
        .ok_or(AppError::Missing(Missing::Conversation))
}

/// The ticket with every one of its conversations (missing ones are left out; the lifecycle
/// then refuses rather than half-doing the job).
async fn load_ticket(db: &Db, id: &TicketId) -> Result<Aggregate, AppError> {
    let ticket = db
        .ticket(id)
        .await?
        .ok_or(AppError::Missing(Missing::Ticket))?;
    let mut conversations = Vec::with_capacity(ticket.conversations.len());
    for c in &ticket.conversations {
        if let Some(conv) = db.conversation(c).await? {
            conversations.push(conv);
        }
    }
    Ok(Aggregate {
        ticket: Some(ticket),
        conversations,
    })
}

/// The aggregate of `lifecycle`'s module doc for a command on one conversation.
async fn load_for(db: &Db, id: &ConversationId) -> Result<(Aggregate, Conversation), AppError> {
    let conversation = load_conversation(db, id).await?;
    let aggregate = match &conversation.ticket {
        Some(ticket) => load_ticket(db, ticket).await?,
        None => Aggregate {
            ticket: None,
            conversations: vec![conversation.clone()],
        },
    };
    Ok((aggregate, conversation))
}

async fn commit(
    app: &AppCtx,
    transition: Transition,
    extra: WriteBatch,
) -> Result<String, AppError> {
    let batch = WriteBatch {
        conversations: transition.conversations,
        tickets: transition.tickets,
        ..extra
    };
    app.db().write_batch(&batch).await?;
    app.changed("conversations", None);
    // The toast words the outcome in the rep's language; `summary` stays the English record.
    Ok(crate::i18n::errors::outcome(&transition.outcome))
}

fn lifecycle(state: Aggregate, cmd: Command) -> Result<Transition, AppError> {
    apply(state, cmd, now_millis()).map_err(AppError::Lifecycle)
}

/// Runs a conversation command after checking `action`.
async fn conversation_command(
    app: &AppCtx,
    id: &ConversationId,
    action: Action,
    cmd: impl FnOnce(&Conversation) -> Result<Command, AppError>,
) -> Result<(String, Conversation), AppError> {
    let dir = directory(app).await?;
    let user = current_user(app, &dir)?;
    let db = app.db();
    let (aggregate, conversation) = load_for(&db, id).await?;
    check(&dir, &user, action, &[&conversation])?;
    let cmd = cmd(&conversation)?;
    let transition = lifecycle(aggregate, cmd)?;
    let summary = commit(app, transition, WriteBatch::default()).await?;
    Ok((summary, conversation))
}

/// **Close conversation** (also **More › Close conversation**): closes only this one.
pub async fn close_conversation(app: AppCtx, id: ConversationId) -> Result<Done, AppError> {
    let (summary, _) = conversation_command(&app, &id, Action::Close, |_| {
        Ok(Command::CloseConversation {
            conversation: id.clone(),
        })
    })
    .await?;
    Ok(Done {
        undo: Some(Undo::Reopen(id)),
        ..Done::new(summary)
    })
}

/// **Reopen conversation**.
pub async fn reopen_conversation(app: AppCtx, id: ConversationId) -> Result<Done, AppError> {
    let (summary, _) = conversation_command(&app, &id, Action::Close, |_| {
        Ok(Command::ReopenConversation {
            conversation: id.clone(),
        })
    })
    .await?;
    Ok(Done::new(summary))
}

/// **Reassign** to a member of the inbox, or unassign with `None`.
pub async fn reassign(
    app: AppCtx,
    id: ConversationId,
    assignee: Option<UserId>,
) -> Result<Done, AppError> {
    let dir = directory(&app).await?;
    let (summary, before) = conversation_command(&app, &id, Action::Assign, |conv| {
        if let Some(user) = &assignee {
            if !assignable_users(&dir, &conv.inbox)
                .iter()
                .any(|u| &u.id == user)
            {
                return Err(AppError::Refused(Refusal::AssigneeNoAccess));
            }
        }
        Ok(Command::AssignConversation {
            conversation: id.clone(),
            assignee: assignee.clone(),
        })
    })
    .await?;
    Ok(Done {
        undo: Some(Undo::Reassign(id, before.assignee)),
        ..Done::new(summary)
    })
}

/// **Comment**: an internal note by the current user, never sent to the customer.
pub async fn comment(app: AppCtx, id: ConversationId, text: String) -> Result<Done, AppError> {
    let text = text.trim().to_owned();
    if text.is_empty() {
        return Err(AppError::Refused(Refusal::CommentEmpty));
    }
    let dir = directory(&app).await?;
    let user = current_user(&app, &dir)?;
    let db = app.db();
    let mut conversation = load_conversation(&db, &id).await?;
    check(&dir, &user, Action::Comment, &[&conversation])?;
    if conversation.trashed_at.is_some() {
        return Err(AppError::Lifecycle(LifecycleError::ConversationTrashed));
    }
    let now = now_millis();
    let message = Message {
        subject: conversation.subject.clone(),
        text_body: text,
        author: Some(user.id.clone()),
        ..Message::new(
            MessageId::new(format!("msg-{}", random_hex(8))),
            Some(id.clone()),
            Direction::Comment,
            Mailbox {
                name: Some(user.full_name()),
                address: user.email.clone(),
            },
            now,
        )
    };
    conversation.message_count += 1;
    conversation.last_activity = conversation.last_activity.max(now);
    db.write_batch(&WriteBatch {
        conversations: vec![conversation],
        messages: vec![message],
        ..WriteBatch::default()
    })
    .await?;
    app.changed("conversations", Some(id.to_string()));
    Ok(Done::new(crate::i18n::web::t(
        crate::i18n::k::OUTCOME__COMMENT_ADDED,
    )))
}

/// **Move to inbox**.
pub async fn move_to_inbox(
    app: AppCtx,
    id: ConversationId,
    inbox: InboxId,
) -> Result<Done, AppError> {
    let dir = directory(&app).await?;
    let target = dir
        .inboxes
        .iter()
        .find(|i| i.id == inbox)
        .ok_or(AppError::Missing(Missing::Inbox))?;
    let (summary, _) = conversation_command(&app, &id, Action::Move, |_| {
        Ok(Command::MoveToInbox {
            conversation: id.clone(),
            inbox: target.id.clone(),
            inbox_name: target.name.clone(),
        })
    })
    .await?;
    Ok(Done::new(summary))
}

/// **Forward** to another team: the conversation moves to that team's inbox.
pub async fn forward_to_team(
    app: AppCtx,
    id: ConversationId,
    team: TeamId,
) -> Result<Done, AppError> {
    let dir = directory(&app).await?;
    let team_name = dir
        .teams
        .iter()
        .find(|t| t.id == team)
        .map(|t| t.name.clone())
        .ok_or(AppError::Missing(Missing::Team))?;
    let inbox = team_inbox(&dir, &team).ok_or_else(|| {
        AppError::Refused(Refusal::NoInboxForTeam {
            team: team_name.clone(),
        })
    })?;
    let (summary, _) = conversation_command(&app, &id, Action::Forward, |_| {
        Ok(Command::Forward {
            conversation: id.clone(),
            inbox: inbox.id.clone(),
            team_name: team_name.clone(),
        })
    })
    .await?;
    Ok(Done::new(summary))
}

/// **Move to trash** (with its ticket and the ticket's other conversations).
pub async fn trash_conversation(app: AppCtx, id: ConversationId) -> Result<Done, AppError> {
    let (summary, _) = conversation_command(&app, &id, Action::Trash, |_| {
        Ok(Command::TrashConversation {
            conversation: id.clone(),
        })
    })
    .await?;
    Ok(Done {
        undo: Some(Undo::Restore(id)),
        ..Done::new(summary)
    })
}

/// **Restore** from Trash (with its ticket and the ticket's conversations).
pub async fn restore(app: AppCtx, id: ConversationId) -> Result<Done, AppError> {
    let (summary, _) = conversation_command(&app, &id, Action::Trash, |_| {
        Ok(Command::RestoreConversation {
            conversation: id.clone(),
        })
    })
    .await?;
    Ok(Done::new(summary))
}

/// The **Create ticket** form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewTicket {
    pub name: String,
    pub pipeline: String,
    pub priority: Priority,
    /// `None`: the conversation owner.
    pub owner: Option<UserId>,
}

fn help_desk_link(conversation: &Conversation) -> (String, String) {
    (
        "Open in the help desk".into(),
        format!(
            "/help-desk/conversations/{}?inbox={}",
            conversation.id, conversation.inbox
        ),
    )
}

/// **Create ticket** from a conversation; on Professional/Enterprise it moves to the help desk
/// and the answer carries a link there.
pub async fn create_ticket(
    app: AppCtx,
    id: ConversationId,
    form: NewTicket,
) -> Result<Done, AppError> {
    let plan = directory(&app).await?.workspace.plan;
    let ticket_id = TicketId::new(format!("tk-{}", random_hex(6)));
    let (summary, before) = conversation_command(&app, &id, Action::Move, |_| {
        Ok(Command::CreateTicket {
            conversation: id.clone(),
            ticket_id,
            name: form.name.clone(),
            pipeline: form.pipeline.clone(),
            status: TicketStatus::New,
            priority: form.priority,
            owner: match &form.owner {
                Some(user) => TicketOwnerRule::User { user: user.clone() },
                None => TicketOwnerRule::ConversationOwner,
            },
            plan,
        })
    })
    .await?;
    let moved = plan.is_pro() && before.area != Area::HelpDesk;
    Ok(Done {
        link: moved.then(|| help_desk_link(&before)),
        ..Done::new(summary)
    })
}

/// **Add to existing ticket**.
pub async fn add_to_ticket(
    app: AppCtx,
    id: ConversationId,
    ticket: TicketId,
) -> Result<Done, AppError> {
    let dir = directory(&app).await?;
    let user = current_user(&app, &dir)?;
    let db = app.db();
    let conversation = load_conversation(&db, &id).await?;
    check(&dir, &user, Action::Move, &[&conversation])?;
    let mut aggregate = load_ticket(&db, &ticket).await?;
    if !aggregate.conversations.iter().any(|c| c.id == id) {
        aggregate.conversations.push(conversation.clone());
    }
    let plan = dir.workspace.plan;
    let transition = lifecycle(
        aggregate,
        Command::AddConversationToTicket {
            conversation: id.clone(),
            plan,
        },
    )?;
    let summary = commit(&app, transition, WriteBatch::default()).await?;
    let moved = plan.is_pro() && conversation.area != Area::HelpDesk;
    Ok(Done {
        link: moved.then(|| help_desk_link(&conversation)),
        ..Done::new(summary)
    })
}

/// Runs a ticket command after checking `action` on every conversation of the ticket.
async fn ticket_command(
    app: &AppCtx,
    id: &TicketId,
    action: Action,
    cmd: Command,
) -> Result<Done, AppError> {
    let dir = directory(app).await?;
    let user = current_user(app, &dir)?;
    let aggregate = load_ticket(&app.db(), id).await?;
    let conversations: Vec<&Conversation> = aggregate.conversations.iter().collect();
    check(&dir, &user, action, &conversations)?;
    let transition = lifecycle(aggregate, cmd)?;
    Ok(Done::new(
        commit(app, transition, WriteBatch::default()).await?,
    ))
}

/// **Ticket status** (Closed closes every conversation of the ticket).
pub async fn set_ticket_status(
    app: AppCtx,
    id: TicketId,
    status: TicketStatus,
) -> Result<Done, AppError> {
    ticket_command(
        &app,
        &id,
        Action::Close,
        Command::SetTicketStatus { status },
    )
    .await
}

/// **Ticket owner** (the conversation owner stays the same).
pub async fn set_ticket_owner(
    app: AppCtx,
    id: TicketId,
    owner: Option<UserId>,
) -> Result<Done, AppError> {
    ticket_command(&app, &id, Action::Assign, Command::SetTicketOwner { owner }).await
}

/// **Move ticket to trash**: the ticket and every one of its conversations, together, with
/// the same permission as **Move to trash** on each conversation.
pub async fn trash_ticket(app: AppCtx, id: TicketId) -> Result<Done, AppError> {
    let done = ticket_command(&app, &id, Action::Trash, Command::TrashTicket).await?;
    Ok(Done {
        undo: Some(Undo::RestoreTicket(id)),
        ..done
    })
}

/// **Restore** a trashed ticket with all its conversations (the inverse of [`trash_ticket`];
/// restoring from one of its conversations, [`restore`], does the same).
pub async fn restore_ticket(app: AppCtx, id: TicketId) -> Result<Done, AppError> {
    ticket_command(&app, &id, Action::Trash, Command::RestoreTicket).await
}

/// Edits a plain property of the ticket (name, priority): no lifecycle rule involved, but the
/// same permission as the owner, and never on a trashed ticket.
async fn edit_ticket(
    app: &AppCtx,
    id: &TicketId,
    edit: impl FnOnce(&mut Ticket) -> Result<String, AppError>,
) -> Result<Done, AppError> {
    let dir = directory(app).await?;
    let user = current_user(app, &dir)?;
    let aggregate = load_ticket(&app.db(), id).await?;
    let conversations: Vec<&Conversation> = aggregate.conversations.iter().collect();
    check(&dir, &user, Action::Assign, &conversations)?;
    let Some(mut ticket) = aggregate.ticket else {
        return Err(AppError::Missing(Missing::Ticket));
    };
    if ticket.trashed_at.is_some() {
        return Err(AppError::Lifecycle(LifecycleError::TicketTrashed));
    }
    let summary = edit(&mut ticket)?;
    app.db()
        .write_batch(&WriteBatch {
            tickets: vec![ticket],
            ..WriteBatch::default()
        })
        .await?;
    app.changed("tickets", Some(id.to_string()));
    Ok(Done::new(summary))
}

/// The ticket's name (not empty).
pub async fn set_ticket_name(app: AppCtx, id: TicketId, name: String) -> Result<Done, AppError> {
    edit_ticket(&app, &id, |ticket| {
        ticket.name = crate::domain::lifecycle::ticket_name(&name).map_err(AppError::Lifecycle)?;
        Ok(crate::i18n::web::t(crate::i18n::k::OUTCOME__TICKET_RENAMED))
    })
    .await
}

/// The ticket's priority.
pub async fn set_ticket_priority(
    app: AppCtx,
    id: TicketId,
    priority: Priority,
) -> Result<Done, AppError> {
    edit_ticket(&app, &id, |ticket| {
        ticket.priority = priority;
        Ok(crate::i18n::web::tf(
            crate::i18n::k::OUTCOME__TICKET_PRIORITY_CHANGED,
            &[("priority", &crate::ui::labels::priority(priority))],
        ))
    })
    .await
}

/// Shows the outcome of an action: the summary as a toast with **Undo** or a link, or the
/// error. Undoing reports its own outcome without a further undo.
pub fn report(app: AppCtx, result: Result<Done, AppError>) {
    use super::ctx::{ToastAction, ToastKind};
    match result {
        Err(err) => app.toast_error(&err),
        Ok(Done {
            summary,
            undo: Some(undo),
            ..
        }) => app.toast_with(
            ToastKind::Info,
            summary,
            ToastAction::button("Undo", move || {
                let undo = undo.clone();
                leptos::task::spawn_local(async move { report(app, undo.run(app).await) });
            }),
        ),
        Ok(Done {
            summary,
            link: Some((label, href)),
            ..
        }) => app.toast_with(ToastKind::Info, summary, ToastAction::Link { label, href }),
        Ok(done) => app.toast(ToastKind::Info, done.summary),
    }
}
