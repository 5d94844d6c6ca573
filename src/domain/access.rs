//! Who may do what (SPEC §2 inbox access, §3/§4 settings, §5 sending): one pure
//! [`can`] that answers [`Decision::Allowed`] or [`Decision::Denied`] with a reason a support
//! rep can read. Every route and mutating service names the [`Action`] it needs and asks here.
//!
//! This module owns only the permission rules. It must not pick assignees (routing), resolve a
//! From address (`from.rs`), or read any global: the actor, workspace and resource are
//! parameters.

use super::ids::{TeamId, UserId};
use super::model::Workspace;
use super::model::{
    Channel, ChannelKind, Conversation, Inbox, InboxAccess, Plan, Role, Seat, User,
};
use std::fmt;

/// Everything a user may try to do that needs a permission.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    /// See the inbox in the navigation and list its threads.
    ViewInbox,
    /// Open one thread and read it.
    ViewThread,
    /// Start a new email from an inbox (**Compose**).
    Compose,
    Reply,
    /// **Reassign** / assign by hand.
    Assign,
    /// **Close conversation**.
    Close,
    /// **Comment** (internal note).
    Comment,
    /// **Move to inbox**.
    Move,
    /// **Move to trash**.
    Trash,
    /// **Forward** (to another team).
    Forward,
    /// Put a channel's address in the From of an email.
    SendFrom,
    /// Rename an inbox, edit its access, channels, fallback email and automation.
    EditInboxSettings,
    /// **Actions › Create new inbox**.
    CreateInbox,
    /// Change **Settings › Help Desk** default reply addresses.
    EditHelpDeskDefaults,
    /// Read **Settings › Help Desk** (everyone may; it is read-only for non-admins).
    ViewHelpDeskDefaults,
    /// Create, edit and delete the insertable content of **Settings › Templates**.
    ManageTemplates,
}

impl Action {
    /// Actions on a thread: members only, and free seats only on threads not assigned to
    /// someone else.
    pub fn is_thread_action(self) -> bool {
        matches!(
            self,
            Action::Reply
                | Action::Assign
                | Action::Close
                | Action::Comment
                | Action::Move
                | Action::Trash
                | Action::Forward
        )
    }

    /// Lower-case words for messages ("reply", "create a new inbox").
    pub fn describe(self) -> &'static str {
        match self {
            Action::ViewInbox => "see this inbox",
            Action::ViewThread => "read this conversation",
            Action::Compose => "write a new email from this inbox",
            Action::Reply => "reply",
            Action::Assign => "assign this conversation",
            Action::Close => "close this conversation",
            Action::Comment => "comment",
            Action::Move => "move this conversation to another inbox",
            Action::Trash => "move this conversation to trash",
            Action::Forward => "forward this conversation",
            Action::SendFrom => "send from this address",
            Action::EditInboxSettings => "edit inbox settings",
            Action::CreateInbox => "create a new inbox",
            Action::EditHelpDeskDefaults => "change the help desk default reply addresses",
            Action::ViewHelpDeskDefaults => "see the help desk settings",
            Action::ManageTemplates => "manage templates, snippets and other insertable content",
        }
    }
}

/// What an action is done to. Borrowed so a component can build one on the fly.
#[derive(Debug, Clone, Copy)]
pub enum Resource<'a> {
    /// Workspace-wide settings (create inbox, help desk defaults).
    Workspace,
    Inbox(&'a Inbox),
    /// A thread; `inbox` must be the inbox the conversation is in.
    Conversation {
        inbox: &'a Inbox,
        conversation: &'a Conversation,
    },
    /// A channel; `inbox` must be the inbox the channel belongs to.
    Channel {
        inbox: &'a Inbox,
        channel: &'a Channel,
    },
}

/// How a user relates to one inbox (SPEC §2 **Who has inbox access**).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum InboxRole {
    /// Everyone-access inbox, or a selected user, or a member of a selected team.
    Member,
    /// Admin or super admin who is not selected: may read every thread, may do nothing.
    ViewOnly,
    /// Does not see the inbox at all.
    NoAccess,
}

/// Why an action is refused. [`DenyReason::message`] is the sentence shown to the rep.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DenyReason {
    #[error("You don't have access to the inbox \u{201c}{inbox}\u{201d}. Ask an admin to add you to its members.")]
    NoInboxAccess { inbox: String },
    #[error("You can view this inbox but not act in it: only its selected members can reply, assign, close, comment or move.")]
    ViewOnly { inbox: String },
    #[error("This conversation is assigned to someone else. With a free seat you can only work on unassigned conversations and conversations assigned to you.")]
    FreeSeatAssignedToOther,
    #[error("Only admins and super admins can {}.", .action.describe())]
    AdminsOnly { action: Action },
    #[error("To {} the workspace needs the Professional or Enterprise plan; it is on the {} plan.", .action.describe(), .plan.label())]
    PlanTooLow { action: Action, plan: Plan },
    #[error("The address {address} is turned off (its Status is disabled), so it cannot be used to send.")]
    ChannelDisabled { address: String },
    #[error("The address {address} has not been verified yet, and an unverified address is never used to send.")]
    ChannelUnverified { address: String },
    #[error("The fallback email of \u{201c}{inbox}\u{201d} is not used to send messages (\u{201c}Use the fallback email to send messages\u{201d} is off).")]
    FallbackNotForSending { inbox: String },
    #[error("The fallback email of \u{201c}{inbox}\u{201d} has no valid From address; an admin needs to fix it in its settings.")]
    FallbackAddressInvalid { inbox: String },
    #[error("You can't {} here.", .action.describe())]
    WrongResource { action: Action },
}

impl DenyReason {
    /// The plain-English sentence for the UI (same as `Display`).
    pub fn message(&self) -> String {
        self.to_string()
    }
}

/// The answer of [`can`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decision {
    Allowed,
    Denied(DenyReason),
}

impl Decision {
    pub fn is_allowed(&self) -> bool {
        matches!(self, Decision::Allowed)
    }
    /// The refusal sentence, if refused (handy for a `title`/hint next to a disabled button).
    pub fn message(&self) -> Option<String> {
        match self {
            Decision::Allowed => None,
            Decision::Denied(reason) => Some(reason.message()),
        }
    }
    /// `Ok(())` or the reason, for `?` in services.
    pub fn into_result(self) -> Result<(), DenyReason> {
        match self {
            Decision::Allowed => Ok(()),
            Decision::Denied(reason) => Err(reason),
        }
    }
}

impl fmt::Display for Decision {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Decision::Allowed => f.write_str("Allowed."),
            Decision::Denied(reason) => fmt::Display::fmt(reason, f),
        }
    }
}

/// The user's standing in an inbox. Team membership counts through the primary team or any
/// additional team.
pub fn inbox_role(actor: &User, inbox: &Inbox) -> InboxRole {
    access_role(actor, &inbox.access)
}

/// What an access rule reads of a user: the whole [`User`], or the first paint's
/// `domain::entries::UserEntry` (same stored record, fewer fields), so that the inbox picker
/// decides with the very rule [`can`] uses.
pub trait AccessActor {
    fn user_id(&self) -> &UserId;
    fn user_role(&self) -> Role;
    fn in_team(&self, team: &TeamId) -> bool;
}

impl AccessActor for User {
    fn user_id(&self) -> &UserId {
        &self.id
    }
    fn user_role(&self) -> Role {
        self.role
    }
    fn in_team(&self, team: &TeamId) -> bool {
        self.is_member_of(team)
    }
}

/// [`inbox_role`] from an inbox's access alone (the first paint's inbox picker reads only the
/// access of each inbox: `domain::inbox_entry`).
pub fn access_role<A: AccessActor + ?Sized>(actor: &A, access: &InboxAccess) -> InboxRole {
    let selected = match access {
        InboxAccess::Everyone => true,
        InboxAccess::SpecificUsersAndTeams { users, teams } => {
            users.contains(actor.user_id()) || teams.iter().any(|team| actor.in_team(team))
        }
    };
    if selected {
        InboxRole::Member
    } else if actor.user_role().is_admin() {
        InboxRole::ViewOnly
    } else {
        InboxRole::NoAccess
    }
}

/// The one permission check. Pure: same inputs, same answer.
pub fn can(actor: &User, action: Action, resource: &Resource, workspace: &Workspace) -> Decision {
    match decide(actor, action, resource, workspace) {
        Ok(()) => Decision::Allowed,
        Err(reason) => Decision::Denied(reason),
    }
}

fn decide(
    actor: &User,
    action: Action,
    resource: &Resource,
    workspace: &Workspace,
) -> Result<(), DenyReason> {
    let wrong = DenyReason::WrongResource { action };
    match action {
        Action::EditInboxSettings | Action::ManageTemplates => admins_only(actor, action),
        Action::CreateInbox | Action::EditHelpDeskDefaults => {
            admins_only(actor, action)?;
            pro_plan_only(workspace.plan, action)
        }
        Action::ViewHelpDeskDefaults => Ok(()),
        Action::ViewInbox => {
            let inbox = match resource {
                Resource::Workspace => return Err(wrong),
                Resource::Inbox(inbox)
                | Resource::Conversation { inbox, .. }
                | Resource::Channel { inbox, .. } => inbox,
            };
            may_view(actor, inbox)
        }
        Action::ViewThread => match resource {
            Resource::Conversation {
                inbox,
                conversation,
            } if conversation.inbox == inbox.id => may_view(actor, inbox),
            _ => Err(wrong),
        },
        Action::Compose => match resource {
            Resource::Inbox(inbox) => must_be_member(actor, inbox),
            _ => Err(wrong),
        },
        Action::Reply
        | Action::Assign
        | Action::Close
        | Action::Comment
        | Action::Move
        | Action::Trash
        | Action::Forward => match resource {
            Resource::Conversation {
                inbox,
                conversation,
            } if conversation.inbox == inbox.id => {
                must_be_member(actor, inbox)?;
                free_seat_limit(actor, conversation)
            }
            _ => Err(wrong),
        },
        Action::SendFrom => match resource {
            Resource::Channel { inbox, channel } if channel.inbox == inbox.id => {
                must_be_member(actor, inbox)?;
                channel_can_send(channel, inbox, workspace)
            }
            _ => Err(wrong),
        },
    }
}

fn admins_only(actor: &User, action: Action) -> Result<(), DenyReason> {
    if actor.role.is_admin() {
        Ok(())
    } else {
        Err(DenyReason::AdminsOnly { action })
    }
}

fn pro_plan_only(plan: Plan, action: Action) -> Result<(), DenyReason> {
    if plan.is_pro() {
        Ok(())
    } else {
        Err(DenyReason::PlanTooLow { action, plan })
    }
}

fn may_view(actor: &User, inbox: &Inbox) -> Result<(), DenyReason> {
    match inbox_role(actor, inbox) {
        InboxRole::Member | InboxRole::ViewOnly => Ok(()),
        InboxRole::NoAccess => Err(DenyReason::NoInboxAccess {
            inbox: inbox.name.clone(),
        }),
    }
}

fn must_be_member(actor: &User, inbox: &Inbox) -> Result<(), DenyReason> {
    match inbox_role(actor, inbox) {
        InboxRole::Member => Ok(()),
        InboxRole::ViewOnly => Err(DenyReason::ViewOnly {
            inbox: inbox.name.clone(),
        }),
        InboxRole::NoAccess => Err(DenyReason::NoInboxAccess {
            inbox: inbox.name.clone(),
        }),
    }
}

/// Free seats work by hand on unassigned threads and their own; a thread someone else owns is
/// that person's work.
fn free_seat_limit(actor: &User, conversation: &Conversation) -> Result<(), DenyReason> {
    match (&actor.seat, &conversation.assignee) {
        (Seat::Free, Some(assignee)) if *assignee != actor.id => {
            Err(DenyReason::FreeSeatAssignedToOther)
        }
        _ => Ok(()),
    }
}

/// The channel itself must be able to send: on, verified, and for the fallback email, switched
/// to sending with a verified sending address.
fn channel_can_send(
    channel: &Channel,
    inbox: &Inbox,
    workspace: &Workspace,
) -> Result<(), DenyReason> {
    let address = || channel.address.to_string();
    if !channel.enabled {
        return Err(DenyReason::ChannelDisabled { address: address() });
    }
    if !channel.verified {
        return Err(DenyReason::ChannelUnverified { address: address() });
    }
    if channel.kind == ChannelKind::Fallback {
        if !inbox.fallback.use_for_sending {
            return Err(DenyReason::FallbackNotForSending {
                inbox: inbox.name.clone(),
            });
        }
        // The channel mirrors the fallback settings, but the settings are the source of truth
        // for the address that goes out, so its verification is what counts.
        match inbox.fallback.sending_address(workspace) {
            Ok((_, true)) => {}
            Ok((custom, false)) => {
                return Err(DenyReason::ChannelUnverified {
                    address: custom.to_string(),
                })
            }
            Err(_) => {
                return Err(DenyReason::FallbackAddressInvalid {
                    inbox: inbox.name.clone(),
                })
            }
        }
    }
    Ok(())
}
