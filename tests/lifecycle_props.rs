//! Random sequences of lifecycle commands on a small workspace, loaded into aggregates the way
//! the shell does, checking the invariants of SPEC §6 after every step:
//! - every conversation has at most one ticket, and that ticket lists it (and only its own);
//! - a closed ticket has all its conversations closed;
//! - trash is all-or-nothing: a ticket and its conversations are trashed together or not at
//!   all;
//! - an accepted command always writes something, and only records it was given.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use std::collections::BTreeMap;
use switchboard::domain::lifecycle::{apply, Aggregate, Command};
use switchboard::domain::views::{bucket, conversation_in_view, View};
use switchboard::domain::*;

const CONVERSATIONS: usize = 4;
const USERS: [&str; 3] = ["u-ana", "u-bo", "u-cy"];
const INBOXES: [&str; 2] = ["i-support", "i-sales"];
const STATUSES: [TicketStatus; 4] = [
    TicketStatus::New,
    TicketStatus::WaitingOnContact,
    TicketStatus::WaitingOnUs,
    TicketStatus::Closed,
];

#[derive(Debug, Clone)]
enum Op {
    Create {
        c: usize,
        pro: bool,
        stage: usize,
        other_owner: Option<usize>,
    },
    Add {
        t: usize,
        c: usize,
        pro: bool,
    },
    Assign {
        c: usize,
        who: Option<usize>,
    },
    SetOwner {
        t: usize,
        who: Option<usize>,
    },
    SetStatus {
        t: usize,
        status: usize,
    },
    Close {
        c: usize,
    },
    Reopen {
        c: usize,
    },
    TrashConversation {
        c: usize,
    },
    TrashTicket {
        t: usize,
    },
    RestoreConversation {
        c: usize,
    },
    RestoreTicket {
        t: usize,
    },
    Move {
        c: usize,
        inbox: usize,
        forward: bool,
    },
}

fn op() -> impl Strategy<Value = Op> {
    let c = 0..CONVERSATIONS;
    let t = 0..3usize;
    let who = proptest::option::of(0..USERS.len());
    prop_oneof![
        (c.clone(), any::<bool>(), 0..STATUSES.len(), who.clone()).prop_map(
            |(c, pro, stage, other_owner)| Op::Create {
                c,
                pro,
                stage,
                other_owner
            }
        ),
        (t.clone(), c.clone(), any::<bool>()).prop_map(|(t, c, pro)| Op::Add { t, c, pro }),
        (c.clone(), who.clone()).prop_map(|(c, who)| Op::Assign { c, who }),
        (t.clone(), who).prop_map(|(t, who)| Op::SetOwner { t, who }),
        (t.clone(), 0..STATUSES.len()).prop_map(|(t, status)| Op::SetStatus { t, status }),
        c.clone().prop_map(|c| Op::Close { c }),
        c.clone().prop_map(|c| Op::Reopen { c }),
        c.clone().prop_map(|c| Op::TrashConversation { c }),
        t.clone().prop_map(|t| Op::TrashTicket { t }),
        c.clone().prop_map(|c| Op::RestoreConversation { c }),
        t.prop_map(|t| Op::RestoreTicket { t }),
        (c, 0..INBOXES.len(), any::<bool>()).prop_map(|(c, inbox, forward)| Op::Move {
            c,
            inbox,
            forward
        }),
    ]
}

#[derive(Debug, Clone)]
struct World {
    conversations: Vec<Conversation>,
    tickets: BTreeMap<TicketId, Ticket>,
    next_ticket: usize,
}

impl World {
    fn new() -> Self {
        let conversations = (0..CONVERSATIONS)
            .map(|k| Conversation {
                id: ConversationId::new(format!("c-{k}")),
                inbox: InboxId::new(INBOXES[k % 2]),
                area: Area::Inbox,
                channel: ChannelId::new("ch-1"),
                contact: ContactId::new("k-1"),
                subject: String::new(),
                status: ConversationStatus::Open,
                assignee: (k % 2 == 0).then(|| UserId::new(USERS[0])),
                ticket: None,
                created_at: 0,
                last_activity: 0,
                snippet: String::new(),
                message_count: 1,
                trashed_at: None,
            })
            .collect();
        World {
            conversations,
            tickets: BTreeMap::new(),
            next_ticket: 0,
        }
    }

    /// The `t`-th existing ticket (wrapping), if any.
    fn ticket_at(&self, t: usize) -> Option<&Ticket> {
        match self.tickets.len() {
            0 => None,
            n => self.tickets.values().nth(t % n),
        }
    }

    /// What the shell loads for a ticket: the ticket and all its conversations.
    fn load_ticket(&self, ticket: Option<&Ticket>) -> Aggregate {
        let conversations = ticket
            .map(|t| {
                t.conversations
                    .iter()
                    .map(|id| self.conversation(id).clone())
                    .collect()
            })
            .unwrap_or_default();
        Aggregate {
            ticket: ticket.cloned(),
            conversations,
        }
    }

    /// What the shell loads for a conversation: it, its ticket and the ticket's conversations.
    fn load_conversation(&self, c: usize) -> Aggregate {
        let conv = &self.conversations[c];
        let ticket = conv.ticket.as_ref().map(|id| &self.tickets[id]);
        let mut aggregate = self.load_ticket(ticket);
        if !aggregate.conversations.iter().any(|x| x.id == conv.id) {
            aggregate.conversations.push(conv.clone());
        }
        aggregate
    }

    fn conversation(&self, id: &ConversationId) -> &Conversation {
        self.conversations
            .iter()
            .find(|c| c.id == *id)
            .expect("ticket lists an unknown conversation")
    }
}

fn user(who: Option<usize>) -> Option<UserId> {
    who.map(|k| UserId::new(USERS[k]))
}

fn plan(pro: bool) -> Plan {
    if pro {
        Plan::Professional
    } else {
        Plan::Starter
    }
}

/// Turns an op into the aggregate and command the shell would hand to `apply`.
fn command(world: &mut World, op: &Op) -> (Aggregate, Command) {
    let cid = |c: usize| ConversationId::new(format!("c-{c}"));
    match *op {
        Op::Create {
            c,
            pro,
            stage,
            other_owner,
        } => {
            world.next_ticket += 1;
            let cmd = Command::CreateTicket {
                conversation: cid(c),
                ticket_id: TicketId::new(format!("t-{}", world.next_ticket)),
                name: "Ticket".into(),
                pipeline: "Support".into(),
                status: STATUSES[stage],
                priority: Priority::Medium,
                owner: match user(other_owner) {
                    Some(user) => TicketOwnerRule::User { user },
                    None => TicketOwnerRule::ConversationOwner,
                },
                plan: plan(pro),
            };
            (world.load_conversation(c), cmd)
        }
        Op::Add { t, c, pro } => {
            let mut aggregate = world.load_ticket(world.ticket_at(t));
            let conv = &world.conversations[c];
            if !aggregate.conversations.iter().any(|x| x.id == conv.id) {
                aggregate.conversations.push(conv.clone());
            }
            let cmd = Command::AddConversationToTicket {
                conversation: cid(c),
                plan: plan(pro),
            };
            (aggregate, cmd)
        }
        Op::Assign { c, who } => (
            world.load_conversation(c),
            Command::AssignConversation {
                conversation: cid(c),
                assignee: user(who),
            },
        ),
        Op::SetOwner { t, who } => (
            world.load_ticket(world.ticket_at(t)),
            Command::SetTicketOwner { owner: user(who) },
        ),
        Op::SetStatus { t, status } => (
            world.load_ticket(world.ticket_at(t)),
            Command::SetTicketStatus {
                status: STATUSES[status],
            },
        ),
        Op::Close { c } => (
            world.load_conversation(c),
            Command::CloseConversation {
                conversation: cid(c),
            },
        ),
        Op::Reopen { c } => (
            world.load_conversation(c),
            Command::ReopenConversation {
                conversation: cid(c),
            },
        ),
        Op::TrashConversation { c } => (
            world.load_conversation(c),
            Command::TrashConversation {
                conversation: cid(c),
            },
        ),
        Op::TrashTicket { t } => (world.load_ticket(world.ticket_at(t)), Command::TrashTicket),
        Op::RestoreConversation { c } => (
            world.load_conversation(c),
            Command::RestoreConversation {
                conversation: cid(c),
            },
        ),
        Op::RestoreTicket { t } => (
            world.load_ticket(world.ticket_at(t)),
            Command::RestoreTicket,
        ),
        Op::Move { c, inbox, forward } => {
            let inbox_id = InboxId::new(INBOXES[inbox]);
            let cmd = if forward {
                Command::Forward {
                    conversation: cid(c),
                    inbox: inbox_id,
                    team_name: "Team".into(),
                }
            } else {
                Command::MoveToInbox {
                    conversation: cid(c),
                    inbox: inbox_id,
                    inbox_name: "Inbox".into(),
                }
            };
            (world.load_conversation(c), cmd)
        }
    }
}

fn check_invariants(world: &World) -> Result<(), TestCaseError> {
    for conv in &world.conversations {
        if let Some(tid) = &conv.ticket {
            let ticket = world.tickets.get(tid);
            prop_assert!(ticket.is_some(), "{} points to missing {tid}", conv.id);
            let listed = ticket
                .unwrap()
                .conversations
                .iter()
                .filter(|id| **id == conv.id)
                .count();
            prop_assert_eq!(listed, 1, "{} listed {} times by {}", conv.id, listed, tid);
        }
    }
    for ticket in world.tickets.values() {
        prop_assert!(
            !ticket.conversations.is_empty(),
            "{} has no conversation",
            ticket.id
        );
        for id in &ticket.conversations {
            let conv = world.conversation(id);
            prop_assert_eq!(conv.ticket.as_ref(), Some(&ticket.id));
            if ticket.status == TicketStatus::Closed {
                prop_assert_eq!(
                    conv.status,
                    ConversationStatus::Closed,
                    "closed {} has open {}",
                    &ticket.id,
                    id
                );
            }
            prop_assert_eq!(
                conv.trashed_at,
                ticket.trashed_at,
                "{} and {} not trashed together",
                &ticket.id,
                id
            );
        }
    }
    Ok(())
}

fn check_views(world: &World) -> Result<(), TestCaseError> {
    let me = UserId::new(USERS[0]);
    for conv in &world.conversations {
        let homes: Vec<View> = [View::AllOpen, View::Closed, View::Trash]
            .into_iter()
            .filter(|v| conversation_in_view(conv, *v, &me))
            .collect();
        prop_assert_eq!(homes.len(), 1, "{} in {:?}", &conv.id, homes);
        let expected_bucket = match homes[0] {
            View::AllOpen => "open",
            View::Closed => "closed",
            _ => "trash",
        };
        prop_assert_eq!(bucket(conv), expected_bucket);
        for narrow in [View::Unassigned, View::AssignedToMe] {
            if conversation_in_view(conv, narrow, &me) {
                prop_assert_eq!(homes[0], View::AllOpen);
            }
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    #[test]
    fn random_command_sequences_keep_the_invariants(ops in proptest::collection::vec(op(), 1..40)) {
        let mut world = World::new();
        for (n, op) in ops.iter().enumerate() {
            let now = 1_000 + n as Millis;
            let (aggregate, cmd) = command(&mut world, op);
            let given_conversations: Vec<ConversationId> =
                aggregate.conversations.iter().map(|c| c.id.clone()).collect();
            let given_ticket = aggregate.ticket.as_ref().map(|t| t.id.clone());
            let result = apply(aggregate, cmd.clone(), now);
            let Ok(transition) = result else { continue };

            prop_assert!(
                !transition.conversations.is_empty() || !transition.tickets.is_empty(),
                "{:?} accepted but wrote nothing", cmd
            );
            prop_assert!(!transition.summary.is_empty());
            for conv in &transition.conversations {
                prop_assert!(given_conversations.contains(&conv.id), "wrote unknown {}", conv.id);
            }
            for ticket in &transition.tickets {
                let created = matches!(&cmd, Command::CreateTicket { ticket_id, .. } if *ticket_id == ticket.id);
                prop_assert!(created || given_ticket.as_ref() == Some(&ticket.id));
            }

            let before = world.clone();
            for conv in transition.conversations {
                let slot = world.conversations.iter_mut().find(|c| c.id == conv.id).unwrap();
                *slot = conv;
            }
            for ticket in transition.tickets {
                world.tickets.insert(ticket.id.clone(), ticket);
            }
            check_invariants(&world)?;
            check_views(&world)?;

            match &cmd {
                Command::AssignConversation { conversation, assignee } => {
                    let conv = world.conversation(conversation);
                    prop_assert_eq!(&conv.assignee, assignee);
                    if let Some(tid) = &conv.ticket {
                        prop_assert_eq!(&world.tickets[tid].owner, assignee);
                    }
                }
                Command::SetTicketOwner { .. } => {
                    let owners = |w: &World| {
                        w.conversations.iter().map(|c| c.assignee.clone()).collect::<Vec<_>>()
                    };
                    prop_assert_eq!(owners(&before), owners(&world));
                }
                Command::CloseConversation { conversation } => {
                    for (old, new) in before.conversations.iter().zip(&world.conversations) {
                        if old.id != *conversation {
                            prop_assert_eq!(old, new);
                        }
                    }
                    prop_assert_eq!(&before.tickets, &world.tickets);
                }
                _ => {}
            }
        }
    }
}
