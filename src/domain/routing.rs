//! SPEC §3 **Automation** of an inbox, applied when a new conversation arrives: whom it is
//! assigned to (**Automatically assign conversations**, **Assign to**) and whether a ticket is
//! created with which pipeline, status, priority and **Ticket owner**.
//!
//! Pure and deterministic: the caller passes the inbox, the contact and the users, and stores
//! the returned round-robin cursor. Only available users with a paid seat and access to the
//! inbox are ever picked (SPEC §2). This module creates nothing; the ticket lifecycle and the
//! conversation store do.

use super::ids::{TeamId, UserId};
use super::model::{
    AssignTo, Availability, Contact, Inbox, InboxAccess, Priority, Seat, TicketOwnerRule,
    TicketStatus, User,
};

/// What to do with a conversation that just arrived.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArrivalPlan {
    pub assignee: Option<UserId>,
    /// Why the conversation is (not) assigned, for the activity log and tests.
    pub reason: AssignReason,
    /// The inbox's new `automation.round_robin_next`.
    pub next_round_robin: usize,
    /// The ticket to create, if **Automatically create tickets** is on.
    pub ticket: Option<TicketPlan>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TicketPlan {
    pub pipeline: String,
    pub status: TicketStatus,
    pub priority: Priority,
    pub owner: Option<UserId>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum AssignReason {
    #[error("Automatic assignment is off, so the conversation is unassigned.")]
    AutoAssignOff,
    #[error("Assigned by round robin.")]
    RoundRobin,
    #[error(
        "Nobody in the round robin is available with a paid seat and inbox access, so the \
         conversation is unassigned."
    )]
    NoEligibleMember,
    #[error("Assigned to the contact owner.")]
    ContactOwner,
    #[error("The contact has no owner, so the conversation is unassigned.")]
    ContactHasNoOwner,
    #[error("The contact owner cannot be assigned ({0}), so the conversation is unassigned.")]
    ContactOwnerNotEligible(Ineligible),
}

/// Why a user cannot be picked automatically.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum Ineligible {
    #[error("away")]
    Away,
    #[error("no paid seat")]
    FreeSeat,
    #[error("no access to this inbox")]
    NoInboxAccess,
    #[error("no longer a user of this workspace")]
    UnknownUser,
}

/// Whether automatic assignment may pick `user` for a conversation of `inbox`.
pub fn auto_assignable(user: &User, inbox: &Inbox) -> Result<(), Ineligible> {
    if user.seat != Seat::Paid {
        return Err(Ineligible::FreeSeat);
    }
    if user.availability != Availability::Available {
        return Err(Ineligible::Away);
    }
    let member = match &inbox.access {
        InboxAccess::Everyone => true,
        InboxAccess::SpecificUsersAndTeams { users, teams } => {
            users.contains(&user.id) || teams.iter().any(|team| user.is_member_of(team))
        }
    };
    if !member {
        return Err(Ineligible::NoInboxAccess);
    }
    Ok(())
}

/// The users named by **Specific users and teams** (directly, or through their primary or an
/// additional team), once each, ordered by user id so the rotation does not depend on the
/// order users were loaded in.
pub fn round_robin_members<'a>(
    listed_users: &[UserId],
    listed_teams: &[TeamId],
    users: &'a [User],
) -> Vec<&'a User> {
    let mut members: Vec<&User> = users
        .iter()
        .filter(|user| {
            listed_users.contains(&user.id)
                || listed_teams.iter().any(|team| user.is_member_of(team))
        })
        .collect();
    members.sort_by(|a, b| a.id.cmp(&b.id));
    members.dedup_by(|a, b| a.id == b.id);
    members
}

/// SPEC §3 automation for a conversation from `contact` arriving in `inbox`.
pub fn on_arrival(inbox: &Inbox, contact: &Contact, users: &[User]) -> ArrivalPlan {
    let automation = &inbox.automation;
    let cursor = automation.round_robin_next;
    let (assignee, reason, next_round_robin) = match &automation.auto_assign {
        None => (None, AssignReason::AutoAssignOff, cursor),
        Some(AssignTo::SpecificUsersAndTeams {
            users: listed_users,
            teams,
        }) => {
            let members = round_robin_members(listed_users, teams, users);
            round_robin(&members, inbox, cursor)
        }
        Some(AssignTo::ContactOwner) => {
            let (assignee, reason) = contact_owner(contact, inbox, users);
            (assignee, reason, cursor)
        }
    };

    let ticket = automation.auto_ticket.as_ref().map(|defaults| {
        let owner = match &defaults.owner {
            TicketOwnerRule::ConversationOwner => assignee.clone(),
            // A chosen owner who has left the workspace falls back to the default rule rather
            // than leaving every new ticket without an owner.
            TicketOwnerRule::User { user } if users.iter().any(|u| &u.id == user) => {
                Some(user.clone())
            }
            TicketOwnerRule::User { .. } => assignee.clone(),
        };
        TicketPlan {
            pipeline: defaults.pipeline.clone(),
            status: defaults.stage,
            priority: defaults.priority,
            owner,
        }
    });

    ArrivalPlan {
        assignee,
        reason,
        next_round_robin,
        ticket,
    }
}

/// Starting at `cursor`, the first eligible member; the cursor then moves just past them.
/// Ineligible members keep their place in the rotation, so someone back from being away
/// resumes their turn instead of reshuffling everyone.
fn round_robin(
    members: &[&User],
    inbox: &Inbox,
    cursor: usize,
) -> (Option<UserId>, AssignReason, usize) {
    let count = members.len();
    if count == 0 {
        return (None, AssignReason::NoEligibleMember, cursor);
    }
    let start = cursor % count;
    (0..count)
        .map(|step| (start + step) % count)
        .find(|&index| auto_assignable(members[index], inbox).is_ok())
        .map_or((None, AssignReason::NoEligibleMember, cursor), |index| {
            (
                Some(members[index].id.clone()),
                AssignReason::RoundRobin,
                (index + 1) % count,
            )
        })
}

fn contact_owner(
    contact: &Contact,
    inbox: &Inbox,
    users: &[User],
) -> (Option<UserId>, AssignReason) {
    let Some(owner_id) = &contact.owner else {
        return (None, AssignReason::ContactHasNoOwner);
    };
    let eligible = users
        .iter()
        .find(|user| &user.id == owner_id)
        .ok_or(Ineligible::UnknownUser)
        .and_then(|owner| auto_assignable(owner, inbox));
    match eligible {
        Ok(()) => (Some(owner_id.clone()), AssignReason::ContactOwner),
        Err(why) => (None, AssignReason::ContactOwnerNotEligible(why)),
    }
}
