//! The lifecycle of conversations and tickets (SPEC §5 thread actions, §6 tickets): one pure
//! state machine, `apply(aggregate, command, now)`, that answers either the records to write in
//! ONE storage transaction plus a sentence for the user, or a typed error saying why the action
//! is not possible. It never reads or writes storage, never checks permissions (the access
//! rules do that before calling) and never reads the clock (`now` is a parameter).
//!
//! # The aggregate
//! The shell loads the conversation acted on, its ticket (if any) and *every* conversation of
//! that ticket; for **Add to ticket** it loads the target ticket with its conversations plus
//! the conversation to add. Commands that must touch all conversations of a ticket refuse to
//! run on an incomplete aggregate ([`LifecycleError::TicketNotLoaded`]) instead of half-doing
//! the job.
//!
//! # Rules (and the decisions where SPEC is silent)
//! - A conversation has at most one ticket and is never dissociated from it: it cannot be
//!   moved to another ticket. A ticket may gather several conversations.
//! - Creating a ticket on Professional/Enterprise moves the conversation to the help desk;
//!   on Free/Starter it stays in the inbox. Adding a conversation to a ticket follows the same
//!   rule, so a ticket's conversations are worked in one place.
//! - The ticket owner defaults to the conversation owner; changing the conversation owner
//!   changes the ticket owner; changing the ticket owner changes no conversation owner.
//! - **Closed** ticket status closes the ticket and all its conversations. Any other status on
//!   a closed ticket reopens it, and reopens its conversation only if it has exactly one.
//! - A closed ticket never has an open conversation: a conversation of a closed ticket cannot
//!   be reopened on its own and an open ticket is needed to add a conversation ("Reopen the
//!   ticket first"). This keeps "Ticket closed" truthful in the sidebar.
//! - **Close conversation** closes only that conversation.
//! - Trash is all-or-nothing. Moving a conversation to trash trashes its ticket; since a
//!   ticket's conversations cannot be dissociated from it, a ticket cannot be trashed while
//!   some of its conversations stay live, so the ticket's other conversations go to trash
//!   with it (HubSpot instead deletes the ticket and leaves the other conversations
//!   unassociated, which SPEC §6 forbids here). Restoring any of them restores the ticket and
//!   all its conversations together. Trash keeps each record's status and owner, so a restore
//!   brings back exactly what was there.
//! - **Move to inbox** and **Forward** (to another team's inbox) move the conversation and
//!   clear its assignee: the owner may have no access to the destination, whose team picks
//!   the thread up from **Unassigned**. The thread keeps its channel, so the customer keeps
//!   seeing the address they wrote to. Clearing the owner is an owner change, so the ticket
//!   owner follows.
//! - Anything on a trashed record except restore, and any action that would change nothing
//!   (closing a closed conversation, restoring what is not in trash...) is an error, never a
//!   silent no-op.

use super::ids::{ConversationId, InboxId, TicketId, UserId};
use super::model::{
    Area, Conversation, ConversationStatus, Millis, Plan, Priority, Ticket, TicketOwnerRule,
    TicketStatus,
};
use thiserror::Error;

/// The records one command may touch, loaded by the shell (see the module doc).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Aggregate {
    pub ticket: Option<Ticket>,
    pub conversations: Vec<Conversation>,
}

/// A user action on conversations and tickets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    /// **Create ticket** from a conversation. `status` is the pipeline stage (New for a
    /// hand-made ticket; the automation's stage for an automatic one).
    CreateTicket {
        conversation: ConversationId,
        ticket_id: TicketId,
        name: String,
        pipeline: String,
        status: TicketStatus,
        priority: Priority,
        owner: TicketOwnerRule,
        plan: Plan,
    },
    /// Add a conversation to the aggregate's ticket.
    AddConversationToTicket {
        conversation: ConversationId,
        plan: Plan,
    },
    /// **Reassign** (or unassign with `None`) the conversation owner.
    AssignConversation {
        conversation: ConversationId,
        assignee: Option<UserId>,
    },
    /// **Ticket owner** in the ticket sidebar.
    SetTicketOwner {
        owner: Option<UserId>,
    },
    /// **Ticket status**.
    SetTicketStatus {
        status: TicketStatus,
    },
    /// **More › Close conversation**.
    CloseConversation {
        conversation: ConversationId,
    },
    ReopenConversation {
        conversation: ConversationId,
    },
    /// **More › Move to trash**.
    TrashConversation {
        conversation: ConversationId,
    },
    /// Delete the aggregate's ticket (and so its conversations).
    TrashTicket,
    /// Restore from **Trash**, starting from a conversation.
    RestoreConversation {
        conversation: ConversationId,
    },
    /// Restore the aggregate's ticket from trash.
    RestoreTicket,
    /// **Move to inbox**. `inbox_name` is only used in the summary.
    MoveToInbox {
        conversation: ConversationId,
        inbox: InboxId,
        inbox_name: String,
    },
    /// **Forward** to another team: moves the thread to that team's inbox.
    Forward {
        conversation: ConversationId,
        inbox: InboxId,
        team_name: String,
    },
}

/// What to write, in one storage transaction, and what to tell the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Transition {
    /// Every conversation whose stored record changes (full records, to put).
    pub conversations: Vec<Conversation>,
    /// Every ticket whose stored record changes or is created (full records, to put).
    pub tickets: Vec<Ticket>,
    /// A toast for the user, e.g. "Ticket closed with 2 conversations" (English; the UI words
    /// [`Transition::outcome`] in the rep's language).
    pub summary: String,
    /// What happened, as data.
    pub outcome: Outcome,
}

/// What a command did, for the toast that tells the rep. [`Outcome::english`] is the
/// `summary`; views word it in the current language from these fields.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    TicketCreated {
        moved_to_help_desk: bool,
    },
    AddedToTicket {
        moved_to_help_desk: bool,
    },
    Reassigned {
        has_ticket: bool,
    },
    Unassigned {
        has_ticket: bool,
    },
    TicketOwnerChanged,
    TicketClosed {
        conversations: usize,
    },
    /// `conversations`: how many stay closed (several) or were reopened with it (one).
    TicketReopened {
        conversations: usize,
    },
    TicketStatusChanged {
        status: TicketStatus,
    },
    ConversationClosed {
        has_ticket: bool,
    },
    ConversationReopened,
    ConversationTrashed,
    /// The conversation's ticket went with it, and `others` other conversations.
    TrashedWithTicket {
        others: usize,
    },
    TicketTrashed {
        conversations: usize,
    },
    ConversationRestored,
    RestoredWithTicket {
        conversations: usize,
    },
    TicketRestored {
        conversations: usize,
    },
    MovedToInbox {
        inbox: String,
        unassigned: bool,
    },
    Forwarded {
        team: String,
    },
}

impl Outcome {
    pub fn english(&self) -> String {
        match self {
            Outcome::TicketCreated {
                moved_to_help_desk: true,
            } => {
                "Ticket created. The ticket and its conversation moved to the help desk.".to_owned()
            }
            Outcome::TicketCreated {
                moved_to_help_desk: false,
            } => "Ticket created.".to_owned(),
            Outcome::AddedToTicket {
                moved_to_help_desk: true,
            } => "Conversation added to the ticket and moved to the help desk.".to_owned(),
            Outcome::AddedToTicket {
                moved_to_help_desk: false,
            } => "Conversation added to the ticket.".to_owned(),
            Outcome::Reassigned { has_ticket: false } => "Conversation reassigned.".to_owned(),
            Outcome::Reassigned { has_ticket: true } => {
                "Conversation reassigned. The ticket owner changed with it.".to_owned()
            }
            Outcome::Unassigned { has_ticket: false } => "Conversation unassigned.".to_owned(),
            Outcome::Unassigned { has_ticket: true } => {
                "Conversation unassigned. The ticket has no owner now.".to_owned()
            }
            Outcome::TicketOwnerChanged => {
                "Ticket owner changed. The conversation owner stays the same.".to_owned()
            }
            Outcome::TicketClosed { conversations } => {
                format!(
                    "Ticket closed with {}.",
                    conversations_phrase(*conversations)
                )
            }
            Outcome::TicketReopened { conversations: 0 } => "Ticket reopened.".to_owned(),
            Outcome::TicketReopened { conversations: 1 } => {
                "Ticket reopened with its conversation.".to_owned()
            }
            Outcome::TicketReopened { conversations } => format!(
                "Ticket reopened. Its {conversations} conversations stay closed; reopen the ones \
                 you need."
            ),
            Outcome::TicketStatusChanged { status } => {
                format!("Ticket status changed to {}.", ticket_status_label(*status))
            }
            Outcome::ConversationClosed { has_ticket: true } => {
                "Conversation closed. Its ticket stays open.".to_owned()
            }
            Outcome::ConversationClosed { has_ticket: false } => "Conversation closed.".to_owned(),
            Outcome::ConversationReopened => "Conversation reopened.".to_owned(),
            Outcome::ConversationTrashed => "Conversation moved to trash.".to_owned(),
            Outcome::TrashedWithTicket { others: 0 } => {
                "Conversation and its ticket moved to trash.".to_owned()
            }
            Outcome::TrashedWithTicket { others } => format!(
                "Conversation and its ticket moved to trash, with the ticket's other {}.",
                conversations_phrase(*others)
            ),
            Outcome::TicketTrashed { conversations } => format!(
                "Ticket moved to trash with {}.",
                conversations_phrase(*conversations)
            ),
            Outcome::ConversationRestored => "Conversation restored.".to_owned(),
            Outcome::RestoredWithTicket { conversations } => format!(
                "Conversation restored with its ticket ({} in all).",
                conversations_phrase(*conversations)
            ),
            Outcome::TicketRestored { conversations } => format!(
                "Ticket restored with {}.",
                conversations_phrase(*conversations)
            ),
            Outcome::MovedToInbox {
                inbox,
                unassigned: true,
            } => {
                format!("Conversation moved to {inbox} and unassigned.")
            }
            Outcome::MovedToInbox {
                inbox,
                unassigned: false,
            } => {
                format!("Conversation moved to {inbox}.")
            }
            Outcome::Forwarded { team } => {
                format!("Conversation forwarded to {team}. It waits in their Unassigned view.")
            }
        }
    }
}

/// The most characters a ticket name may have.
pub const TICKET_NAME_MAX: usize = 200;

/// A ticket name as typed (**Create ticket**, the ticket card, the ticket page): trimmed, not
/// empty, one line, at most [`TICKET_NAME_MAX`] characters.
pub fn ticket_name(raw: &str) -> Result<String, LifecycleError> {
    super::validate::required_name(raw, TICKET_NAME_MAX).map_err(|e| match e {
        super::validate::ValidationError::Empty => LifecycleError::TicketNameRequired,
        other => LifecycleError::TicketName(other),
    })
}

/// Why an action was refused. Messages are shown to the rep as they are.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum LifecycleError {
    #[error("Conversation {0} could not be found. Reload and try again.")]
    ConversationNotLoaded(ConversationId),
    #[error("Ticket {0} and its conversations could not all be loaded. Reload and try again.")]
    TicketNotLoaded(TicketId),
    #[error("Ticket {0} and its conversations disagree about each other. Reload and try again.")]
    Inconsistent(TicketId),
    #[error("There is no ticket for this action.")]
    NoTicket,
    #[error(
        "This conversation already has a ticket ({0}). A conversation can have only one ticket."
    )]
    AlreadyHasTicket(TicketId),
    #[error("This conversation is already on this ticket.")]
    AlreadyOnThisTicket,
    #[error(
        "This conversation belongs to ticket {0}. A conversation cannot be removed from its \
         ticket, so it cannot be added to another one."
    )]
    OnAnotherTicket(TicketId),
    #[error("Enter a ticket name.")]
    TicketNameRequired,
    /// A ticket name with a line break or control character, or too long.
    #[error("{0}")]
    TicketName(super::validate::ValidationError),
    #[error("Choose a pipeline for the ticket.")]
    PipelineRequired,
    #[error("The ticket is closed. Reopen the ticket first.")]
    TicketClosed,
    #[error("This conversation is in the trash. Restore it first.")]
    ConversationTrashed,
    #[error("This ticket is in the trash. Restore it first.")]
    TicketTrashed,
    #[error("This conversation is already closed.")]
    ConversationAlreadyClosed,
    #[error("This conversation is already open.")]
    ConversationAlreadyOpen,
    #[error("The ticket status is already {0}.")]
    TicketStatusUnchanged(&'static str),
    #[error("The conversation is already assigned to this user.")]
    AlreadyAssigned,
    #[error("The conversation is already unassigned.")]
    AlreadyUnassigned,
    #[error("The ticket already has this owner.")]
    TicketOwnerUnchanged,
    #[error("This conversation is not in the trash.")]
    ConversationNotTrashed,
    #[error("This ticket is not in the trash.")]
    TicketNotTrashed,
    #[error("The conversation is already in {0}.")]
    SameInbox(String),
}

/// The label of a ticket status as shown in **Ticket status**.
pub fn ticket_status_label(status: TicketStatus) -> &'static str {
    match status {
        TicketStatus::New => "New",
        TicketStatus::WaitingOnContact => "Waiting on contact",
        TicketStatus::WaitingOnUs => "Waiting on us",
        TicketStatus::Closed => "Closed",
    }
}

/// Runs `cmd` on `state`. On success the transition lists every changed record (nothing is
/// ever half-written); on error nothing is to be written.
pub fn apply(state: Aggregate, cmd: Command, now: Millis) -> Result<Transition, LifecycleError> {
    let before = state.clone();
    let mut after = state;
    let outcome = step(&mut after, cmd, now)?;
    Ok(changes(&before, after, outcome))
}

/// Where a record stands; most rules are a match on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Life {
    Open,
    Closed,
    Trashed,
}

fn conversation_life(conv: &Conversation) -> Life {
    match (conv.trashed_at, conv.status) {
        (Some(_), _) => Life::Trashed,
        (None, ConversationStatus::Open) => Life::Open,
        (None, ConversationStatus::Closed) => Life::Closed,
    }
}

fn ticket_life(ticket: &Ticket) -> Life {
    match (ticket.trashed_at, ticket.status) {
        (Some(_), _) => Life::Trashed,
        (None, TicketStatus::Closed) => Life::Closed,
        (None, _) => Life::Open,
    }
}

fn step(state: &mut Aggregate, cmd: Command, now: Millis) -> Result<Outcome, LifecycleError> {
    match cmd {
        Command::CreateTicket {
            conversation,
            ticket_id,
            name,
            pipeline,
            status,
            priority,
            owner,
            plan,
        } => {
            let i = conversation_index(state, &conversation)?;
            let conv = &state.conversations[i];
            match (conversation_life(conv), &conv.ticket) {
                (Life::Trashed, _) => return Err(LifecycleError::ConversationTrashed),
                (_, Some(existing)) => {
                    return Err(LifecycleError::AlreadyHasTicket(existing.clone()))
                }
                (Life::Open | Life::Closed, None) => {}
            }
            let name = ticket_name(&name)?;
            let pipeline = pipeline.trim();
            if pipeline.is_empty() {
                return Err(LifecycleError::PipelineRequired);
            }
            let owner = match owner {
                TicketOwnerRule::ConversationOwner => conv.assignee.clone(),
                TicketOwnerRule::User { user } => Some(user),
            };
            state.ticket = Some(Ticket {
                id: ticket_id.clone(),
                name,
                pipeline: pipeline.to_owned(),
                status,
                priority,
                owner,
                conversations: vec![conversation],
                created_at: now,
                trashed_at: None,
            });
            let conv = &mut state.conversations[i];
            conv.ticket = Some(ticket_id);
            // A ticket created straight into Closed (an automation stage) must not leave an
            // open conversation behind it.
            if status == TicketStatus::Closed {
                conv.status = ConversationStatus::Closed;
            }
            Ok(Outcome::TicketCreated {
                moved_to_help_desk: move_to_help_desk(conv, plan),
            })
        }

        Command::AddConversationToTicket { conversation, plan } => {
            let ticket = state.ticket.as_ref().ok_or(LifecycleError::NoTicket)?;
            let ticket_id = ticket.id.clone();
            member_indices(state)?;
            let i = conversation_index(state, &conversation)?;
            let conv = &state.conversations[i];
            match (ticket_life(ticket), conversation_life(conv), &conv.ticket) {
                (Life::Trashed, _, _) => return Err(LifecycleError::TicketTrashed),
                (_, Life::Trashed, _) => return Err(LifecycleError::ConversationTrashed),
                (_, _, Some(t)) if *t == ticket_id => {
                    return Err(LifecycleError::AlreadyOnThisTicket)
                }
                (_, _, Some(t)) => return Err(LifecycleError::OnAnotherTicket(t.clone())),
                (Life::Closed, _, None) => return Err(LifecycleError::TicketClosed),
                (Life::Open, Life::Open | Life::Closed, None) => {}
            }
            let conv = &mut state.conversations[i];
            conv.ticket = Some(ticket_id);
            let moved = move_to_help_desk(conv, plan);
            if let Some(ticket) = state.ticket.as_mut() {
                ticket.conversations.push(conversation);
            }
            Ok(Outcome::AddedToTicket {
                moved_to_help_desk: moved,
            })
        }

        Command::AssignConversation {
            conversation,
            assignee,
        } => {
            let i = conversation_index(state, &conversation)?;
            let has_ticket = check_ticket_of(state, i)?;
            let conv = &state.conversations[i];
            match (conversation_life(conv), &conv.assignee, &assignee) {
                (Life::Trashed, _, _) => return Err(LifecycleError::ConversationTrashed),
                (_, None, None) => return Err(LifecycleError::AlreadyUnassigned),
                (_, Some(old), Some(new)) if old == new => {
                    return Err(LifecycleError::AlreadyAssigned)
                }
                _ => {}
            }
            state.conversations[i].assignee = assignee.clone();
            if let (true, Some(ticket)) = (has_ticket, state.ticket.as_mut()) {
                ticket.owner = assignee.clone();
            }
            Ok(if assignee.is_some() {
                Outcome::Reassigned { has_ticket }
            } else {
                Outcome::Unassigned { has_ticket }
            })
        }

        Command::SetTicketOwner { owner } => {
            let ticket = state.ticket.as_mut().ok_or(LifecycleError::NoTicket)?;
            match ticket_life(ticket) {
                Life::Trashed => return Err(LifecycleError::TicketTrashed),
                _ if ticket.owner == owner => return Err(LifecycleError::TicketOwnerUnchanged),
                Life::Open | Life::Closed => {}
            }
            ticket.owner = owner;
            Ok(Outcome::TicketOwnerChanged)
        }

        Command::SetTicketStatus { status } => {
            let members = member_indices(state)?;
            let ticket = state.ticket.as_mut().ok_or(LifecycleError::NoTicket)?;
            match (ticket_life(ticket), ticket.status, status) {
                (Life::Trashed, _, _) => Err(LifecycleError::TicketTrashed),
                (_, old, new) if old == new => Err(LifecycleError::TicketStatusUnchanged(
                    ticket_status_label(new),
                )),
                (_, _, TicketStatus::Closed) => {
                    ticket.status = TicketStatus::Closed;
                    for &m in &members {
                        state.conversations[m].status = ConversationStatus::Closed;
                    }
                    Ok(Outcome::TicketClosed {
                        conversations: members.len(),
                    })
                }
                (Life::Closed, _, new) => {
                    ticket.status = new;
                    match members.as_slice() {
                        [only] => {
                            state.conversations[*only].status = ConversationStatus::Open;
                            Ok(Outcome::TicketReopened { conversations: 1 })
                        }
                        [] => Ok(Outcome::TicketReopened { conversations: 0 }),
                        several => Ok(Outcome::TicketReopened {
                            conversations: several.len(),
                        }),
                    }
                }
                (Life::Open, _, new) => {
                    ticket.status = new;
                    Ok(Outcome::TicketStatusChanged { status: new })
                }
            }
        }

        Command::CloseConversation { conversation } => {
            let i = conversation_index(state, &conversation)?;
            let has_ticket = check_ticket_of(state, i)?;
            let conv = &mut state.conversations[i];
            match conversation_life(conv) {
                Life::Trashed => Err(LifecycleError::ConversationTrashed),
                Life::Closed => Err(LifecycleError::ConversationAlreadyClosed),
                Life::Open => {
                    conv.status = ConversationStatus::Closed;
                    Ok(Outcome::ConversationClosed { has_ticket })
                }
            }
        }

        Command::ReopenConversation { conversation } => {
            let i = conversation_index(state, &conversation)?;
            let ticket = match (check_ticket_of(state, i)?, &state.ticket) {
                (true, Some(ticket)) => Some((ticket.id.clone(), ticket_life(ticket))),
                _ => None,
            };
            let conv = &mut state.conversations[i];
            match (conversation_life(conv), ticket) {
                (Life::Trashed, _) => Err(LifecycleError::ConversationTrashed),
                (Life::Open, _) => Err(LifecycleError::ConversationAlreadyOpen),
                (Life::Closed, Some((_, Life::Closed))) => Err(LifecycleError::TicketClosed),
                // A live conversation of a trashed ticket breaks all-or-nothing trash.
                (Life::Closed, Some((id, Life::Trashed))) => Err(LifecycleError::Inconsistent(id)),
                (Life::Closed, Some((_, Life::Open)) | None) => {
                    conv.status = ConversationStatus::Open;
                    Ok(Outcome::ConversationReopened)
                }
            }
        }

        Command::TrashConversation { conversation } => {
            let i = conversation_index(state, &conversation)?;
            let has_ticket = check_ticket_of(state, i)?;
            if conversation_life(&state.conversations[i]) == Life::Trashed {
                return Err(LifecycleError::ConversationTrashed);
            }
            if !has_ticket {
                state.conversations[i].trashed_at = Some(now);
                return Ok(Outcome::ConversationTrashed);
            }
            let members = trash_ticket(state, now)?;
            Ok(Outcome::TrashedWithTicket {
                others: members.saturating_sub(1),
            })
        }

        Command::TrashTicket => {
            let members = trash_ticket(state, now)?;
            Ok(Outcome::TicketTrashed {
                conversations: members,
            })
        }

        Command::RestoreConversation { conversation } => {
            let i = conversation_index(state, &conversation)?;
            let has_ticket = check_ticket_of(state, i)?;
            if conversation_life(&state.conversations[i]) != Life::Trashed {
                return Err(LifecycleError::ConversationNotTrashed);
            }
            if !has_ticket {
                state.conversations[i].trashed_at = None;
                return Ok(Outcome::ConversationRestored);
            }
            let members = restore_ticket(state)?;
            Ok(Outcome::RestoredWithTicket {
                conversations: members,
            })
        }

        Command::RestoreTicket => {
            let ticket = state.ticket.as_ref().ok_or(LifecycleError::NoTicket)?;
            if ticket_life(ticket) != Life::Trashed {
                return Err(LifecycleError::TicketNotTrashed);
            }
            let members = restore_ticket(state)?;
            Ok(Outcome::TicketRestored {
                conversations: members,
            })
        }

        Command::MoveToInbox {
            conversation,
            inbox,
            inbox_name,
        } => {
            let had_owner = move_conversation(state, &conversation, inbox, &inbox_name)?;
            Ok(Outcome::MovedToInbox {
                inbox: inbox_name,
                unassigned: had_owner,
            })
        }

        Command::Forward {
            conversation,
            inbox,
            team_name,
        } => {
            move_conversation(state, &conversation, inbox, &team_name)?;
            Ok(Outcome::Forwarded { team: team_name })
        }
    }
}

/// Moves the conversation to `inbox`, clearing its owner (and, following it, the ticket
/// owner). Answers whether the conversation had an owner.
fn move_conversation(
    state: &mut Aggregate,
    conversation: &ConversationId,
    inbox: InboxId,
    destination: &str,
) -> Result<bool, LifecycleError> {
    let i = conversation_index(state, conversation)?;
    let has_ticket = check_ticket_of(state, i)?;
    let conv = &mut state.conversations[i];
    match conversation_life(conv) {
        Life::Trashed => return Err(LifecycleError::ConversationTrashed),
        _ if conv.inbox == inbox => return Err(LifecycleError::SameInbox(destination.to_owned())),
        Life::Open | Life::Closed => {}
    }
    conv.inbox = inbox;
    let had_owner = conv.assignee.take().is_some();
    if let (true, true, Some(ticket)) = (had_owner, has_ticket, state.ticket.as_mut()) {
        ticket.owner = None;
    }
    Ok(had_owner)
}

/// Trashes the aggregate's ticket and all its conversations. Answers how many conversations.
fn trash_ticket(state: &mut Aggregate, now: Millis) -> Result<usize, LifecycleError> {
    let members = member_indices(state)?;
    let ticket = state.ticket.as_mut().ok_or(LifecycleError::NoTicket)?;
    if ticket_life(ticket) == Life::Trashed {
        return Err(LifecycleError::TicketTrashed);
    }
    ticket.trashed_at = Some(now);
    for &m in &members {
        state.conversations[m].trashed_at = Some(now);
    }
    Ok(members.len())
}

/// Restores the aggregate's ticket and all its conversations together. Answers how many
/// conversations.
fn restore_ticket(state: &mut Aggregate) -> Result<usize, LifecycleError> {
    let members = member_indices(state)?;
    let ticket = state.ticket.as_mut().ok_or(LifecycleError::NoTicket)?;
    ticket.trashed_at = None;
    for &m in &members {
        state.conversations[m].trashed_at = None;
    }
    Ok(members.len())
}

/// On Professional/Enterprise tickets are worked in the help desk. Answers whether it moved.
fn move_to_help_desk(conv: &mut Conversation, plan: Plan) -> bool {
    if plan.is_pro() && conv.area != Area::HelpDesk {
        conv.area = Area::HelpDesk;
        true
    } else {
        false
    }
}

fn conversation_index(state: &Aggregate, id: &ConversationId) -> Result<usize, LifecycleError> {
    state
        .conversations
        .iter()
        .position(|c| c.id == *id)
        .ok_or_else(|| LifecycleError::ConversationNotLoaded(id.clone()))
}

/// Checks that the ticket of conversation `i` (if any) is the loaded one and lists it, and
/// that the whole ticket is loaded. Answers whether the conversation has a ticket.
fn check_ticket_of(state: &Aggregate, i: usize) -> Result<bool, LifecycleError> {
    let Some(ticket_id) = &state.conversations[i].ticket else {
        return Ok(false);
    };
    match &state.ticket {
        Some(ticket) if ticket.id == *ticket_id => {
            member_indices(state)?;
            Ok(true)
        }
        _ => Err(LifecycleError::TicketNotLoaded(ticket_id.clone())),
    }
}

/// Indices of the loaded ticket's conversations; all of them must be loaded and point back to
/// the ticket.
fn member_indices(state: &Aggregate) -> Result<Vec<usize>, LifecycleError> {
    let Some(ticket) = &state.ticket else {
        return Err(LifecycleError::NoTicket);
    };
    ticket
        .conversations
        .iter()
        .map(|id| {
            let i = state
                .conversations
                .iter()
                .position(|c| c.id == *id)
                .ok_or_else(|| LifecycleError::TicketNotLoaded(ticket.id.clone()))?;
            if state.conversations[i].ticket.as_ref() != Some(&ticket.id) {
                return Err(LifecycleError::Inconsistent(ticket.id.clone()));
            }
            Ok(i)
        })
        .collect()
}

fn conversations_phrase(n: usize) -> String {
    match n {
        1 => "1 conversation".to_owned(),
        n => format!("{n} conversations"),
    }
}

/// The records that differ between `before` and `after`: exactly what storage must put.
fn changes(before: &Aggregate, after: Aggregate, outcome: Outcome) -> Transition {
    let conversations = after
        .conversations
        .into_iter()
        .filter(|c| before.conversations.iter().find(|b| b.id == c.id) != Some(c))
        .collect();
    let tickets = after
        .ticket
        .into_iter()
        .filter(|t| before.ticket.as_ref() != Some(t))
        .collect();
    Transition {
        conversations,
        tickets,
        summary: outcome.english(),
        outcome,
    }
}
