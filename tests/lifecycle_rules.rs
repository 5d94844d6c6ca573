//! One case per rule of SPEC §5 (thread actions, views) and §6 (tickets and conversations),
//! named after the rule, against `domain::lifecycle` and `domain::views`.
#![cfg(not(target_arch = "wasm32"))]

use switchboard::domain::lifecycle::{
    apply, ticket_name, Aggregate, Command, LifecycleError, Transition, TICKET_NAME_MAX,
};
use switchboard::domain::views::{
    assignee_key, bucket, conversation_in_view, fold, view_counts, AssigneeFilter, Filter, View,
};
use switchboard::domain::*;

const NOW: Millis = 1_700_000_000_000;

fn conv(id: &str) -> Conversation {
    Conversation {
        id: ConversationId::new(id),
        inbox: InboxId::new("i-support"),
        area: Area::Inbox,
        channel: ChannelId::new("ch-support"),
        contact: ContactId::new("k-1"),
        subject: format!("Subject of {id}"),
        status: ConversationStatus::Open,
        assignee: None,
        ticket: None,
        created_at: 1,
        last_activity: 1,
        snippet: String::new(),
        message_count: 1,
        trashed_at: None,
    }
}

fn user(id: &str) -> UserId {
    UserId::new(id)
}

fn cid(id: &str) -> ConversationId {
    ConversationId::new(id)
}

/// One lone conversation, assigned to `u-ana`.
fn lone() -> Aggregate {
    let mut c = conv("c-1");
    c.assignee = Some(user("u-ana"));
    Aggregate {
        ticket: None,
        conversations: vec![c],
    }
}

/// Ticket `t-1` (owner `u-ana`) with `n` conversations `c-1..c-n`, all assigned to `u-ana`.
fn ticketed(n: usize) -> Aggregate {
    let conversations: Vec<Conversation> = (1..=n)
        .map(|k| {
            let mut c = conv(&format!("c-{k}"));
            c.assignee = Some(user("u-ana"));
            c.ticket = Some(TicketId::new("t-1"));
            c
        })
        .collect();
    Aggregate {
        ticket: Some(Ticket {
            id: TicketId::new("t-1"),
            name: "Refund".into(),
            pipeline: "Support".into(),
            status: TicketStatus::New,
            priority: Priority::Medium,
            owner: Some(user("u-ana")),
            conversations: conversations.iter().map(|c| c.id.clone()).collect(),
            created_at: 1,
            trashed_at: None,
        }),
        conversations,
    }
}

/// Applies `cmd` and merges the writes back, as storage would.
fn run(state: Aggregate, cmd: Command) -> (Aggregate, Transition) {
    let t = apply(state.clone(), cmd, NOW).expect("command should be accepted");
    (merge(state, &t), t)
}

fn merge(mut state: Aggregate, t: &Transition) -> Aggregate {
    for written in &t.conversations {
        match state.conversations.iter_mut().find(|c| c.id == written.id) {
            Some(slot) => *slot = written.clone(),
            None => state.conversations.push(written.clone()),
        }
    }
    if let Some(ticket) = t.tickets.last() {
        state.ticket = Some(ticket.clone());
    }
    state
}

fn create_ticket(plan: Plan) -> Command {
    Command::CreateTicket {
        conversation: cid("c-1"),
        ticket_id: TicketId::new("t-9"),
        name: "  Broken invoice ".into(),
        pipeline: "Support".into(),
        status: TicketStatus::New,
        priority: Priority::High,
        owner: TicketOwnerRule::ConversationOwner,
        plan,
    }
}

fn statuses(state: &Aggregate) -> Vec<ConversationStatus> {
    state.conversations.iter().map(|c| c.status).collect()
}

fn close(mut state: Aggregate) -> Aggregate {
    for c in &mut state.conversations {
        c.status = ConversationStatus::Closed;
    }
    if let Some(t) = state.ticket.as_mut() {
        t.status = TicketStatus::Closed;
    }
    state
}

fn trash(mut state: Aggregate) -> Aggregate {
    for c in &mut state.conversations {
        c.trashed_at = Some(5);
    }
    if let Some(t) = state.ticket.as_mut() {
        t.trashed_at = Some(5);
    }
    state
}

// ---- §6 Create ticket -------------------------------------------------------------------

#[test]
fn pro_plan_ticket_moves_to_help_desk() {
    for plan in [Plan::Professional, Plan::Enterprise] {
        let (after, t) = run(lone(), create_ticket(plan));
        assert_eq!(after.conversations[0].area, Area::HelpDesk, "{plan:?}");
        assert!(t.summary.contains("help desk"), "{}", t.summary);
    }
}

#[test]
fn starter_plan_ticket_stays_in_inbox() {
    for plan in [Plan::Free, Plan::Starter] {
        let (after, t) = run(lone(), create_ticket(plan));
        assert_eq!(after.conversations[0].area, Area::Inbox, "{plan:?}");
        assert!(!t.summary.contains("help desk"), "{}", t.summary);
    }
}

#[test]
fn created_ticket_lists_its_conversation_and_is_written_with_it() {
    let (after, t) = run(lone(), create_ticket(Plan::Starter));
    let ticket = after.ticket.as_ref().unwrap();
    assert_eq!(ticket.id, TicketId::new("t-9"));
    assert_eq!(ticket.name, "Broken invoice");
    assert_eq!(ticket.conversations, vec![cid("c-1")]);
    assert_eq!(ticket.created_at, NOW);
    assert_eq!(after.conversations[0].ticket, Some(TicketId::new("t-9")));
    assert_eq!((t.tickets.len(), t.conversations.len()), (1, 1));
}

#[test]
fn ticket_owner_defaults_to_conversation_owner() {
    let (after, _) = run(lone(), create_ticket(Plan::Starter));
    assert_eq!(after.ticket.as_ref().unwrap().owner, Some(user("u-ana")));
}

#[test]
fn ticket_owner_may_be_another_user() {
    let mut cmd = create_ticket(Plan::Starter);
    if let Command::CreateTicket { owner, .. } = &mut cmd {
        *owner = TicketOwnerRule::User { user: user("u-bo") };
    }
    let (after, _) = run(lone(), cmd);
    assert_eq!(after.ticket.as_ref().unwrap().owner, Some(user("u-bo")));
    assert_eq!(after.conversations[0].assignee, Some(user("u-ana")));
}

#[test]
fn ticket_created_closed_closes_its_conversation() {
    let mut cmd = create_ticket(Plan::Starter);
    if let Command::CreateTicket { status, .. } = &mut cmd {
        *status = TicketStatus::Closed;
    }
    let (after, _) = run(lone(), cmd);
    assert_eq!(statuses(&after), vec![ConversationStatus::Closed]);
}

#[test]
fn conversation_has_at_most_one_ticket() {
    let mut state = ticketed(1);
    state.ticket = None;
    let mut cmd = create_ticket(Plan::Starter);
    if let Command::CreateTicket { ticket_id, .. } = &mut cmd {
        *ticket_id = TicketId::new("t-2");
    }
    assert_eq!(
        apply(state, cmd, NOW),
        Err(LifecycleError::AlreadyHasTicket(TicketId::new("t-1")))
    );
}

// ---- §6 Several conversations per ticket -------------------------------------------------

#[test]
fn ticket_may_gather_several_conversations() {
    let mut state = ticketed(1);
    state.conversations.push(conv("c-2"));
    let (after, t) = run(
        state,
        Command::AddConversationToTicket {
            conversation: cid("c-2"),
            plan: Plan::Professional,
        },
    );
    let ticket = after.ticket.as_ref().unwrap();
    assert_eq!(ticket.conversations, vec![cid("c-1"), cid("c-2")]);
    assert_eq!(after.conversations[1].ticket, Some(TicketId::new("t-1")));
    assert_eq!(after.conversations[1].area, Area::HelpDesk);
    assert_eq!((t.tickets.len(), t.conversations.len()), (1, 1));
}

#[test]
fn conversation_cannot_be_moved_to_another_ticket() {
    let mut state = ticketed(1);
    let mut other = conv("c-7");
    other.ticket = Some(TicketId::new("t-2"));
    state.conversations.push(other);
    assert_eq!(
        apply(
            state,
            Command::AddConversationToTicket {
                conversation: cid("c-7"),
                plan: Plan::Starter
            },
            NOW
        ),
        Err(LifecycleError::OnAnotherTicket(TicketId::new("t-2")))
    );
}

// ---- §6 Owners ----------------------------------------------------------------------------

#[test]
fn conversation_owner_change_moves_ticket_owner() {
    let (after, t) = run(
        ticketed(1),
        Command::AssignConversation {
            conversation: cid("c-1"),
            assignee: Some(user("u-bo")),
        },
    );
    assert_eq!(after.conversations[0].assignee, Some(user("u-bo")));
    assert_eq!(after.ticket.as_ref().unwrap().owner, Some(user("u-bo")));
    assert_eq!((t.tickets.len(), t.conversations.len()), (1, 1));
}

#[test]
fn unassigning_conversation_clears_ticket_owner() {
    let (after, _) = run(
        ticketed(1),
        Command::AssignConversation {
            conversation: cid("c-1"),
            assignee: None,
        },
    );
    assert_eq!(after.conversations[0].assignee, None);
    assert_eq!(after.ticket.as_ref().unwrap().owner, None);
}

#[test]
fn ticket_owner_change_keeps_conversation_owner() {
    let (after, t) = run(
        ticketed(2),
        Command::SetTicketOwner {
            owner: Some(user("u-bo")),
        },
    );
    assert_eq!(after.ticket.as_ref().unwrap().owner, Some(user("u-bo")));
    assert!(after
        .conversations
        .iter()
        .all(|c| c.assignee == Some(user("u-ana"))));
    assert!(t.conversations.is_empty());
}

// ---- §6 Ticket status ---------------------------------------------------------------------

#[test]
fn closing_ticket_closes_all_conversations() {
    let (after, t) = run(
        ticketed(2),
        Command::SetTicketStatus {
            status: TicketStatus::Closed,
        },
    );
    assert_eq!(after.ticket.as_ref().unwrap().status, TicketStatus::Closed);
    assert_eq!(statuses(&after), vec![ConversationStatus::Closed; 2]);
    assert_eq!(t.summary, "Ticket closed with 2 conversations.");
    assert_eq!((t.tickets.len(), t.conversations.len()), (1, 2));
}

#[test]
fn reopening_ticket_with_one_conversation_reopens_it() {
    let (after, _) = run(
        close(ticketed(1)),
        Command::SetTicketStatus {
            status: TicketStatus::WaitingOnUs,
        },
    );
    assert_eq!(
        after.ticket.as_ref().unwrap().status,
        TicketStatus::WaitingOnUs
    );
    assert_eq!(statuses(&after), vec![ConversationStatus::Open]);
}

#[test]
fn reopening_ticket_with_two_conversations_reopens_none() {
    let (after, t) = run(
        close(ticketed(2)),
        Command::SetTicketStatus {
            status: TicketStatus::New,
        },
    );
    assert_eq!(after.ticket.as_ref().unwrap().status, TicketStatus::New);
    assert_eq!(statuses(&after), vec![ConversationStatus::Closed; 2]);
    assert!(t.conversations.is_empty());
}

#[test]
fn changing_open_ticket_status_leaves_conversations_alone() {
    let (after, t) = run(
        ticketed(2),
        Command::SetTicketStatus {
            status: TicketStatus::WaitingOnContact,
        },
    );
    assert_eq!(statuses(&after), vec![ConversationStatus::Open; 2]);
    assert_eq!(t.summary, "Ticket status changed to Waiting on contact.");
}

// ---- §6 Close conversation ----------------------------------------------------------------

#[test]
fn close_conversation_leaves_ticket_open() {
    let (after, t) = run(
        ticketed(2),
        Command::CloseConversation {
            conversation: cid("c-1"),
        },
    );
    assert_eq!(after.ticket.as_ref().unwrap().status, TicketStatus::New);
    assert_eq!(
        statuses(&after),
        vec![ConversationStatus::Closed, ConversationStatus::Open]
    );
    assert!(t.tickets.is_empty());
}

#[test]
fn reopen_conversation_of_open_ticket() {
    let mut state = ticketed(2);
    state.conversations[0].status = ConversationStatus::Closed;
    let (after, _) = run(
        state,
        Command::ReopenConversation {
            conversation: cid("c-1"),
        },
    );
    assert_eq!(statuses(&after), vec![ConversationStatus::Open; 2]);
}

// ---- §6 Trash -----------------------------------------------------------------------------

#[test]
fn trash_conversation_trashes_ticket() {
    let (after, t) = run(
        ticketed(1),
        Command::TrashConversation {
            conversation: cid("c-1"),
        },
    );
    assert_eq!(after.ticket.as_ref().unwrap().trashed_at, Some(NOW));
    assert_eq!(after.conversations[0].trashed_at, Some(NOW));
    assert_eq!((t.tickets.len(), t.conversations.len()), (1, 1));
}

#[test]
fn trash_conversation_trashes_the_tickets_other_conversations_too() {
    let (after, t) = run(
        ticketed(3),
        Command::TrashConversation {
            conversation: cid("c-2"),
        },
    );
    assert!(after
        .conversations
        .iter()
        .all(|c| c.trashed_at == Some(NOW)));
    assert_eq!((t.tickets.len(), t.conversations.len()), (1, 3));
}

#[test]
fn trash_lone_conversation() {
    let (after, t) = run(
        lone(),
        Command::TrashConversation {
            conversation: cid("c-1"),
        },
    );
    assert_eq!(after.conversations[0].trashed_at, Some(NOW));
    assert_eq!(t.summary, "Conversation moved to trash.");
}

#[test]
fn trash_ticket_trashes_conversations() {
    let (after, t) = run(ticketed(2), Command::TrashTicket);
    assert_eq!(after.ticket.as_ref().unwrap().trashed_at, Some(NOW));
    assert!(after
        .conversations
        .iter()
        .all(|c| c.trashed_at == Some(NOW)));
    assert_eq!(t.summary, "Ticket moved to trash with 2 conversations.");
}

#[test]
fn restore_brings_back_together() {
    let closed_then_trashed = trash(close(ticketed(2)));
    for cmd in [
        Command::RestoreTicket,
        Command::RestoreConversation {
            conversation: cid("c-2"),
        },
    ] {
        let (after, t) = run(closed_then_trashed.clone(), cmd.clone());
        let ticket = after.ticket.as_ref().unwrap();
        assert_eq!(ticket.trashed_at, None, "{cmd:?}");
        assert!(after.conversations.iter().all(|c| c.trashed_at.is_none()));
        // Trash keeps status: what was closed comes back closed.
        assert_eq!(ticket.status, TicketStatus::Closed);
        assert_eq!(statuses(&after), vec![ConversationStatus::Closed; 2]);
        assert_eq!((t.tickets.len(), t.conversations.len()), (1, 2));
    }
}

#[test]
fn restore_lone_conversation() {
    let (after, _) = run(
        trash(lone()),
        Command::RestoreConversation {
            conversation: cid("c-1"),
        },
    );
    assert_eq!(after.conversations[0].trashed_at, None);
}

// ---- §5 Move to inbox, Forward ------------------------------------------------------------

#[test]
fn move_to_inbox_moves_and_unassigns() {
    let (after, t) = run(
        ticketed(1),
        Command::MoveToInbox {
            conversation: cid("c-1"),
            inbox: InboxId::new("i-sales"),
            inbox_name: "Sales".into(),
        },
    );
    let c = &after.conversations[0];
    assert_eq!(c.inbox, InboxId::new("i-sales"));
    assert_eq!(c.assignee, None);
    assert_eq!(
        c.channel,
        ChannelId::new("ch-support"),
        "the thread keeps its address"
    );
    assert_eq!(
        after.ticket.as_ref().unwrap().owner,
        None,
        "the ticket owner follows"
    );
    assert_eq!(t.summary, "Conversation moved to Sales and unassigned.");
}

#[test]
fn forward_to_another_team_moves_to_its_inbox() {
    let (after, t) = run(
        lone(),
        Command::Forward {
            conversation: cid("c-1"),
            inbox: InboxId::new("i-billing"),
            team_name: "Billing".into(),
        },
    );
    assert_eq!(after.conversations[0].inbox, InboxId::new("i-billing"));
    assert_eq!(after.conversations[0].assignee, None);
    assert!(t.summary.contains("Billing"));
}

// ---- Illegal actions are typed errors -----------------------------------------------------

#[test]
fn illegal_actions_are_refused_with_a_reason() {
    let c1 = || cid("c-1");
    let cases: Vec<(&str, Aggregate, Command, LifecycleError)> = vec![
        (
            "closing a closed conversation",
            close(lone()),
            Command::CloseConversation { conversation: c1() },
            LifecycleError::ConversationAlreadyClosed,
        ),
        (
            "reopening an open conversation",
            lone(),
            Command::ReopenConversation { conversation: c1() },
            LifecycleError::ConversationAlreadyOpen,
        ),
        (
            "reopening a conversation of a closed ticket",
            close(ticketed(2)),
            Command::ReopenConversation { conversation: c1() },
            LifecycleError::TicketClosed,
        ),
        (
            "closing a closed ticket",
            close(ticketed(1)),
            Command::SetTicketStatus {
                status: TicketStatus::Closed,
            },
            LifecycleError::TicketStatusUnchanged("Closed"),
        ),
        (
            "setting the status a ticket already has",
            ticketed(1),
            Command::SetTicketStatus {
                status: TicketStatus::New,
            },
            LifecycleError::TicketStatusUnchanged("New"),
        ),
        (
            "closing a trashed conversation",
            trash(lone()),
            Command::CloseConversation { conversation: c1() },
            LifecycleError::ConversationTrashed,
        ),
        (
            "assigning a trashed conversation",
            trash(lone()),
            Command::AssignConversation {
                conversation: c1(),
                assignee: None,
            },
            LifecycleError::ConversationTrashed,
        ),
        (
            "changing the status of a trashed ticket",
            trash(ticketed(1)),
            Command::SetTicketStatus {
                status: TicketStatus::Closed,
            },
            LifecycleError::TicketTrashed,
        ),
        (
            "changing the owner of a trashed ticket",
            trash(ticketed(1)),
            Command::SetTicketOwner { owner: None },
            LifecycleError::TicketTrashed,
        ),
        (
            "trashing a trashed conversation",
            trash(lone()),
            Command::TrashConversation { conversation: c1() },
            LifecycleError::ConversationTrashed,
        ),
        (
            "trashing a trashed ticket",
            trash(ticketed(1)),
            Command::TrashTicket,
            LifecycleError::TicketTrashed,
        ),
        (
            "creating a ticket on a trashed conversation",
            trash(lone()),
            create_ticket(Plan::Starter),
            LifecycleError::ConversationTrashed,
        ),
        (
            "restoring a conversation not in trash",
            lone(),
            Command::RestoreConversation { conversation: c1() },
            LifecycleError::ConversationNotTrashed,
        ),
        (
            "restoring a ticket not in trash",
            ticketed(1),
            Command::RestoreTicket,
            LifecycleError::TicketNotTrashed,
        ),
        (
            "assigning to the current assignee",
            lone(),
            Command::AssignConversation {
                conversation: c1(),
                assignee: Some(user("u-ana")),
            },
            LifecycleError::AlreadyAssigned,
        ),
        (
            "unassigning an unassigned conversation",
            Aggregate {
                ticket: None,
                conversations: vec![conv("c-1")],
            },
            Command::AssignConversation {
                conversation: c1(),
                assignee: None,
            },
            LifecycleError::AlreadyUnassigned,
        ),
        (
            "giving the ticket the owner it has",
            ticketed(1),
            Command::SetTicketOwner {
                owner: Some(user("u-ana")),
            },
            LifecycleError::TicketOwnerUnchanged,
        ),
        (
            "moving to the inbox it is in",
            lone(),
            Command::MoveToInbox {
                conversation: c1(),
                inbox: InboxId::new("i-support"),
                inbox_name: "Support".into(),
            },
            LifecycleError::SameInbox("Support".into()),
        ),
        (
            "forwarding to the team whose inbox it is in",
            lone(),
            Command::Forward {
                conversation: c1(),
                inbox: InboxId::new("i-support"),
                team_name: "Support".into(),
            },
            LifecycleError::SameInbox("Support".into()),
        ),
        (
            "adding a conversation to the ticket it is on",
            ticketed(2),
            Command::AddConversationToTicket {
                conversation: cid("c-2"),
                plan: Plan::Starter,
            },
            LifecycleError::AlreadyOnThisTicket,
        ),
        (
            "adding a conversation to a closed ticket",
            {
                let mut s = close(ticketed(1));
                s.conversations.push(conv("c-2"));
                s
            },
            Command::AddConversationToTicket {
                conversation: cid("c-2"),
                plan: Plan::Starter,
            },
            LifecycleError::TicketClosed,
        ),
        (
            "adding a conversation to a trashed ticket",
            {
                let mut s = trash(ticketed(1));
                s.conversations.push(conv("c-2"));
                s
            },
            Command::AddConversationToTicket {
                conversation: cid("c-2"),
                plan: Plan::Starter,
            },
            LifecycleError::TicketTrashed,
        ),
        (
            "ticket action without a ticket",
            lone(),
            Command::TrashTicket,
            LifecycleError::NoTicket,
        ),
        (
            "creating a ticket without a name",
            lone(),
            {
                let mut cmd = create_ticket(Plan::Starter);
                if let Command::CreateTicket { name, .. } = &mut cmd {
                    *name = "   ".into();
                }
                cmd
            },
            LifecycleError::TicketNameRequired,
        ),
        (
            "creating a ticket with a name over the limit",
            lone(),
            {
                let mut cmd = create_ticket(Plan::Starter);
                if let Command::CreateTicket { name, .. } = &mut cmd {
                    *name = "x".repeat(TICKET_NAME_MAX + 1);
                }
                cmd
            },
            LifecycleError::TicketName(ValidationError::TooLong {
                max: TICKET_NAME_MAX,
            }),
        ),
        (
            "creating a ticket with a line break in its name",
            lone(),
            {
                let mut cmd = create_ticket(Plan::Starter);
                if let Command::CreateTicket { name, .. } = &mut cmd {
                    *name = "Boots\nrefund".into();
                }
                cmd
            },
            LifecycleError::TicketName(ValidationError::ControlCharacter),
        ),
        (
            "creating a ticket without a pipeline",
            lone(),
            {
                let mut cmd = create_ticket(Plan::Starter);
                if let Command::CreateTicket { pipeline, .. } = &mut cmd {
                    *pipeline = String::new();
                }
                cmd
            },
            LifecycleError::PipelineRequired,
        ),
        (
            "a ticket action on a partly loaded ticket",
            {
                let mut s = ticketed(2);
                s.conversations.pop();
                s
            },
            Command::SetTicketStatus {
                status: TicketStatus::Closed,
            },
            LifecycleError::TicketNotLoaded(TicketId::new("t-1")),
        ),
        (
            "trashing a conversation whose ticket is not loaded",
            {
                let mut s = ticketed(1);
                s.ticket = None;
                s
            },
            Command::TrashConversation { conversation: c1() },
            LifecycleError::TicketNotLoaded(TicketId::new("t-1")),
        ),
        (
            "acting on a conversation that is not loaded",
            lone(),
            Command::CloseConversation {
                conversation: cid("c-404"),
            },
            LifecycleError::ConversationNotLoaded(cid("c-404")),
        ),
    ];
    for (name, state, cmd, expected) in cases {
        let got = apply(state, cmd, NOW);
        assert_eq!(got, Err(expected.clone()), "{name}");
        let message = expected.to_string();
        assert!(
            message.ends_with('.') && !message.contains("{"),
            "{name}: message should be a readable sentence: {message}"
        );
    }
}

// ---- §5 Views -----------------------------------------------------------------------------

#[test]
fn views_membership() {
    let me = user("u-me");
    let mut open_unassigned = conv("c-a");
    open_unassigned.assignee = None;
    let mut open_mine = conv("c-b");
    open_mine.assignee = Some(me.clone());
    let mut open_theirs = conv("c-c");
    open_theirs.assignee = Some(user("u-other"));
    let mut closed_mine = conv("c-d");
    closed_mine.assignee = Some(me.clone());
    closed_mine.status = ConversationStatus::Closed;
    let mut trashed_open_mine = conv("c-e");
    trashed_open_mine.assignee = Some(me.clone());
    trashed_open_mine.trashed_at = Some(3);
    let mut trashed_closed = conv("c-f");
    trashed_closed.status = ConversationStatus::Closed;
    trashed_closed.trashed_at = Some(3);

    use View::*;
    // (name, conversation, views it is in)
    let cases: Vec<(&str, &Conversation, Vec<View>)> = vec![
        (
            "open unassigned",
            &open_unassigned,
            vec![Unassigned, AllOpen],
        ),
        (
            "open assigned to me",
            &open_mine,
            vec![AssignedToMe, AllOpen],
        ),
        ("open assigned to another", &open_theirs, vec![AllOpen]),
        ("closed assigned to me", &closed_mine, vec![Closed]),
        (
            "trashed open assigned to me",
            &trashed_open_mine,
            vec![Trash],
        ),
        ("trashed closed", &trashed_closed, vec![Trash]),
    ];
    for (name, conv, expected) in cases {
        let got: Vec<View> = View::ALL
            .into_iter()
            .filter(|v| conversation_in_view(conv, *v, &me))
            .collect();
        assert_eq!(got, expected, "{name}");
    }

    let all = [
        open_unassigned,
        open_mine,
        open_theirs,
        closed_mine,
        trashed_open_mine,
        trashed_closed,
    ];
    assert_eq!(
        view_counts(&all, &me),
        vec![
            (Unassigned, 1),
            (AssignedToMe, 1),
            (AllOpen, 3),
            (Closed, 1),
            (Trash, 2)
        ]
    );
}

#[test]
fn message_views_hold_no_conversations() {
    let c = conv("c-1");
    for view in [View::Sent, View::Outbox, View::Drafts] {
        assert!(!view.lists_conversations());
        assert!(!conversation_in_view(&c, view, &user("u-me")));
    }
}

#[test]
fn views_have_spec_labels_and_stable_slugs() {
    let expected = [
        (View::Unassigned, "Unassigned", "unassigned"),
        (View::AssignedToMe, "Assigned to me", "assigned-to-me"),
        (View::AllOpen, "All open", "all-open"),
        (View::Closed, "Closed", "closed"),
        (View::Sent, "Sent", "sent"),
        (View::Outbox, "Outbox", "outbox"),
        (View::Trash, "Trash", "trash"),
        (View::Drafts, "Drafts", "drafts"),
    ];
    assert_eq!(expected.len(), View::ALL.len());
    for (view, label, slug) in expected {
        assert_eq!(view.label(), label);
        assert_eq!(view.slug(), slug);
        assert_eq!(View::from_slug(slug), Some(view));
    }
    assert_eq!(View::from_slug("Unassigned"), None);
    assert_eq!(View::from_slug(""), None);
}

#[test]
fn index_keys_follow_view_membership() {
    let mut c = conv("c-1");
    assert_eq!((bucket(&c), assignee_key(&c)), ("open", String::new()));
    c.assignee = Some(user("u-ana"));
    c.status = ConversationStatus::Closed;
    assert_eq!(
        (bucket(&c), assignee_key(&c)),
        ("closed", "u-ana".to_owned())
    );
    c.trashed_at = Some(1);
    assert_eq!(bucket(&c), "trash");
}

// ---- Search and filter --------------------------------------------------------------------

#[test]
fn search_filter_criteria() {
    let mut c = conv("c-1");
    c.subject = "Factură greșită".into();
    c.snippet = "Bună ziua".into();
    c.assignee = Some(user("u-ana"));
    c.channel = ChannelId::new("ch-ro");
    c.last_activity = 1_000;
    let contact = "Łukasz Żółw";
    let body = "Il prezzo è sbagliato, perché?";

    let f = |edit: fn(&mut Filter)| {
        let mut filter = Filter::default();
        edit(&mut filter);
        filter
    };
    let cases: Vec<(&str, Filter, bool)> = vec![
        ("empty filter matches everything", Filter::default(), true),
        (
            "subject, without accents",
            f(|f| f.text = "factura gresita".into()),
            true,
        ),
        (
            "subject, upper case",
            f(|f| f.text = "FACTURĂ".into()),
            true,
        ),
        ("snippet", f(|f| f.text = "buna".into()), true),
        (
            "contact, Polish letters folded",
            f(|f| f.text = "lukasz zolw".into()),
            true,
        ),
        (
            "body, Italian accents folded",
            f(|f| f.text = "perche".into()),
            true,
        ),
        (
            "every word must match",
            f(|f| f.text = "factura refund".into()),
            false,
        ),
        ("text absent", f(|f| f.text = "invoice".into()), false),
        (
            "status open",
            f(|f| f.status = Some(ConversationStatus::Open)),
            true,
        ),
        (
            "status closed",
            f(|f| f.status = Some(ConversationStatus::Closed)),
            false,
        ),
        (
            "assignee matches",
            f(|f| f.assignee = Some(AssigneeFilter::User("u-ana".into()))),
            true,
        ),
        (
            "other assignee",
            f(|f| f.assignee = Some(AssigneeFilter::User("u-bo".into()))),
            false,
        ),
        (
            "unassigned only",
            f(|f| f.assignee = Some(AssigneeFilter::Unassigned)),
            false,
        ),
        (
            "channel matches",
            f(|f| f.channel = Some("ch-ro".into())),
            true,
        ),
        (
            "other channel",
            f(|f| f.channel = Some("ch-pl".into())),
            false,
        ),
        ("from is inclusive", f(|f| f.date_from = Some(1_000)), true),
        ("to is inclusive", f(|f| f.date_to = Some(1_000)), true),
        ("after the range", f(|f| f.date_to = Some(999)), false),
        ("before the range", f(|f| f.date_from = Some(1_001)), false),
    ];
    for (name, filter, expected) in cases {
        assert_eq!(filter.matches(&c, contact, body), expected, "{name}");
    }
}

#[test]
fn folding_ignores_case_and_common_latin_diacritics() {
    let cases = [
        ("Ștefan Țară", "stefan tara"),
        ("Şi ţ", "si t"),
        ("ĄĆĘŁŃÓŚŹŻ", "acelnoszz"),
        ("àèéìòù", "aeeiou"),
        ("Ĳsselmeer, ëï", "ijsselmeer, ei"),
        ("Straße", "strasse"),
        // Decomposed: e + combining acute.
        ("Cafe\u{301}", "cafe"),
    ];
    for (input, expected) in cases {
        assert_eq!(fold(input), expected, "{input}");
    }
}

/// The ticket name rule the ticket card, the ticket page and **Create ticket** share.
#[test]
fn a_ticket_name_is_trimmed_one_line_and_limited() {
    let cases: [(&str, String, Result<String, LifecycleError>); 5] = [
        (
            "trimmed",
            "  Boots refund ".into(),
            Ok("Boots refund".into()),
        ),
        (
            "empty",
            "   ".into(),
            Err(LifecycleError::TicketNameRequired),
        ),
        (
            "at the limit",
            "x".repeat(TICKET_NAME_MAX),
            Ok("x".repeat(TICKET_NAME_MAX)),
        ),
        (
            "over the limit",
            "x".repeat(TICKET_NAME_MAX + 1),
            Err(LifecycleError::TicketName(ValidationError::TooLong {
                max: TICKET_NAME_MAX,
            })),
        ),
        (
            "a line separator",
            "Boots\u{2028}refund".into(),
            Err(LifecycleError::TicketName(
                ValidationError::ControlCharacter,
            )),
        ),
    ];
    for (case, input, expected) in cases {
        assert_eq!(ticket_name(&input), expected, "{case}");
    }
}
