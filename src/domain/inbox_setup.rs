//! SPEC §2 inbox and channel settings and the §3 **Automation** form: renaming and creating an
//! inbox (with its fallback email channel), **Who has inbox access**, connecting a **Team
//! email** channel, keeping the fallback channel in step with the fallback settings, and
//! validating the automation form. Every refusal names the field it belongs to, so the UI can
//! show it next to that field.
//!
//! Pure: ids, the workspace and the existing records are parameters. This module stores
//! nothing, checks no permission (that is `access::can`), and does not apply automation to an
//! arriving conversation (that is `routing::on_arrival`).

use super::fallback::{validate_fallback, FallbackForm, FromAddressMode};
use super::ids::{ChannelId, InboxId, TeamId, UserId};
use super::model::{
    AssignTo, Automation, Channel, ChannelKind, FallbackEmail, FallbackFromAddress, FromNameMode,
    Inbox, InboxAccess, Priority, Team, TicketDefaults, TicketOwnerRule, TicketStatus, User,
    Workspace,
};
use super::validate::{required_name, unique_name, EmailAddress, ValidationError};
use std::fmt;

/// Longest inbox name accepted.
pub const INBOX_NAME_MAX: usize = 80;
/// Longest display name of a team email channel (it goes into `From:`).
pub const DISPLAY_NAME_MAX: usize = 100;
/// Longest ticket pipeline name.
pub const PIPELINE_MAX: usize = 100;

/// Where a problem is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SetupField {
    /// **Team inbox name** / the name field of **Rename inbox**.
    InboxName,
    /// **Who has inbox access**.
    Access,
    /// The address of a **Team email** channel.
    Address,
    /// The display name of a **Team email** channel.
    DisplayName,
    /// **Assign to**.
    AssignTo,
    /// The pipeline of **Edit ticket**.
    Pipeline,
    /// The stage of **Edit ticket**.
    Stage,
    /// **Ticket owner**.
    TicketOwner,
    /// Not tied to one field.
    Form,
}

/// One reason a settings form cannot be saved.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SetupError {
    #[error("{0}")]
    Invalid(ValidationError),
    #[error("An inbox named \u{201c}{0}\u{201d} already exists. Choose another name.")]
    DuplicateInboxName(String),
    #[error(
        "With \u{201c}Specific users and teams\u{201d}, choose at least one user or team \
         (or give Everyone access)."
    )]
    NobodySelected,
    #[error("The user {0} is no longer in this workspace. Reload the page and choose again.")]
    UnknownUser(UserId),
    #[error("The team {0} is no longer in this workspace. Reload the page and choose again.")]
    UnknownTeam(TeamId),
    #[error("The address {address} is already connected to the inbox \u{201c}{inbox}\u{201d}.")]
    AddressInUse { address: String, inbox: String },
    #[error("A new ticket cannot start as Closed. Choose another stage.")]
    ClosedStage,
    #[error("The fallback email of the new inbox cannot be set up: {0}")]
    Fallback(String),
    #[error("This inbox no longer exists. Reload the settings page and try again.")]
    UnknownInbox,
}

impl From<ValidationError> for SetupError {
    fn from(value: ValidationError) -> Self {
        match value {
            ValidationError::Duplicate(name) => SetupError::DuplicateInboxName(name),
            other => SetupError::Invalid(other),
        }
    }
}

/// Every problem of a refused save, at most one per field.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SetupErrors {
    errors: Vec<(SetupField, SetupError)>,
}

impl SetupErrors {
    pub fn one(field: SetupField, error: SetupError) -> Self {
        let mut errors = Self::default();
        errors.set(field, error);
        errors
    }
    pub fn get(&self, field: SetupField) -> Option<&SetupError> {
        self.errors
            .iter()
            .find(|(at, _)| *at == field)
            .map(|(_, error)| error)
    }
    pub fn is_empty(&self) -> bool {
        self.errors.is_empty()
    }
    pub fn iter(&self) -> impl Iterator<Item = (SetupField, &SetupError)> {
        self.errors.iter().map(|(field, error)| (*field, error))
    }
    fn set(&mut self, field: SetupField, error: SetupError) {
        self.errors.retain(|(at, _)| *at != field);
        self.errors.push((field, error));
    }
    fn into_result<T>(self, ok: impl FnOnce() -> T) -> Result<T, SetupErrors> {
        if self.is_empty() {
            Ok(ok())
        } else {
            Err(self)
        }
    }
}

impl fmt::Display for SetupErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        crate::domain::validate::write_joined(f, self.iter().map(|(_, error)| error))
    }
}

impl std::error::Error for SetupErrors {}

/// The new name of inbox `inbox_id`: non-empty, single-line, and unique among the *other*
/// inboxes (renaming to its own name, or changing only its case, is allowed).
pub fn rename_inbox(
    inbox_id: &InboxId,
    name: &str,
    all_inboxes: &[Inbox],
) -> Result<String, SetupErrors> {
    if !all_inboxes.iter().any(|inbox| &inbox.id == inbox_id) {
        return Err(SetupErrors::one(SetupField::Form, SetupError::UnknownInbox));
    }
    let others = all_inboxes
        .iter()
        .filter(|inbox| &inbox.id != inbox_id)
        .map(|inbox| inbox.name.as_str());
    unique_name(name, INBOX_NAME_MAX, others)
        .map_err(|error| SetupErrors::one(SetupField::InboxName, error.into()))
}

/// **Who has inbox access** as it may be stored: with specific access at least one user or
/// team, each of which exists, listed once.
pub fn validate_access(
    access: &InboxAccess,
    users: &[User],
    teams: &[Team],
) -> Result<InboxAccess, SetupErrors> {
    match access {
        InboxAccess::Everyone => Ok(InboxAccess::Everyone),
        InboxAccess::SpecificUsersAndTeams {
            users: picked_users,
            teams: picked_teams,
        } => match picked(picked_users, picked_teams, users, teams) {
            Ok((users, teams)) => Ok(InboxAccess::SpecificUsersAndTeams { users, teams }),
            Err(error) => Err(SetupErrors::one(SetupField::Access, error)),
        },
    }
}

/// Checks a user/team selection: not empty, everything exists; duplicates dropped.
fn picked(
    picked_users: &[UserId],
    picked_teams: &[TeamId],
    users: &[User],
    teams: &[Team],
) -> Result<(Vec<UserId>, Vec<TeamId>), SetupError> {
    if picked_users.is_empty() && picked_teams.is_empty() {
        return Err(SetupError::NobodySelected);
    }
    if let Some(missing) = picked_users
        .iter()
        .find(|id| !users.iter().any(|user| &user.id == *id))
    {
        return Err(SetupError::UnknownUser(missing.clone()));
    }
    if let Some(missing) = picked_teams
        .iter()
        .find(|id| !teams.iter().any(|team| &team.id == *id))
    {
        return Err(SetupError::UnknownTeam(missing.clone()));
    }
    let mut out_users = picked_users.to_vec();
    out_users.sort();
    out_users.dedup();
    let mut out_teams = picked_teams.to_vec();
    out_teams.sort();
    out_teams.dedup();
    Ok((out_users, out_teams))
}

/// The `<username>` of a new inbox's default fallback address: the inbox name in lower-case
/// ASCII letters and digits joined by `-` (accents and other characters dropped), `inbox` when
/// nothing is left, and `-2`, `-3`... when another fallback email already uses it.
pub fn fallback_username<'a>(inbox_name: &str, taken: impl Iterator<Item = &'a str>) -> String {
    let mut base = String::new();
    for word in inbox_name
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|word| !word.is_empty())
    {
        if !base.is_empty() {
            base.push('-');
        }
        base.push_str(&word.to_ascii_lowercase());
    }
    // A local part is at most 64 octets; leave room for a "-NN" suffix.
    base.truncate(56);
    let base = base.trim_end_matches('-').to_owned();
    let base = if base.is_empty() {
        "inbox".to_owned()
    } else {
        base
    };
    let taken: Vec<String> = taken.map(str::to_ascii_lowercase).collect();
    let free = |candidate: &String| !taken.iter().any(|t| t == candidate);
    if free(&base) {
        return base;
    }
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(free)
        .unwrap_or(base)
}

/// Ids the shell drew for a new inbox and its fallback channel.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewIds {
    pub inbox: InboxId,
    pub fallback_channel: ChannelId,
}

/// A new inbox and its fallback email channel (SPEC §2: every inbox has one).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewInbox {
    pub inbox: Inbox,
    pub fallback_channel: Channel,
}

/// Builds inbox `name` with `access`. Its fallback email sends (from the default address
/// `<username>@<subdomain>.inbox.example`) under the company name "<company> <inbox name>",
/// or the inbox name alone if that one is taken; automation starts off.
pub fn new_inbox(
    ids: NewIds,
    name: &str,
    access: &InboxAccess,
    workspace: &Workspace,
    existing: &[Inbox],
    users: &[User],
    teams: &[Team],
) -> Result<NewInbox, SetupErrors> {
    let mut errors = SetupErrors::default();
    let name = match unique_name(
        name,
        INBOX_NAME_MAX,
        existing.iter().map(|inbox| inbox.name.as_str()),
    ) {
        Ok(name) => Some(name),
        Err(error) => {
            errors.set(SetupField::InboxName, error.into());
            None
        }
    };
    let access = match validate_access(access, users, teams) {
        Ok(access) => Some(access),
        Err(access_errors) => {
            for (field, error) in access_errors.iter() {
                errors.set(field, error.clone());
            }
            None
        }
    };
    let (Some(name), Some(access)) = (name, access) else {
        return Err(errors);
    };
    let username = fallback_username(
        &name,
        existing
            .iter()
            .map(|inbox| inbox.fallback.username.as_str()),
    );
    let NewIds {
        inbox: inbox_id,
        fallback_channel: channel_id,
    } = ids;
    let mut inbox = Inbox {
        id: inbox_id,
        name: name.clone(),
        access,
        fallback: FallbackEmail {
            use_for_sending: true,
            from_name_mode: FromNameMode::CompanyName,
            company_name: String::new(),
            username,
            from_address: FallbackFromAddress::UseDefault,
            signature_enabled: false,
            signature_html: String::new(),
            original_sender_of_forwards: true,
        },
        automation: Automation {
            auto_assign: None,
            auto_ticket: None,
            round_robin_next: 0,
        },
    };
    // The fallback settings go through the same validation as the Edit dialog, so a new inbox
    // can never hold a From name another inbox uses.
    let mut last_error = String::new();
    for company_name in [format!("{} {}", workspace.company.trim(), name), name] {
        let mut all = existing.to_vec();
        inbox.fallback.company_name = company_name.clone();
        all.push(inbox.clone());
        let form = FallbackForm {
            company_name,
            from_address_mode: FromAddressMode::UseDefault,
            ..FallbackForm::from_saved(&inbox.fallback)
        };
        // Use default: no custom address to check against the channels.
        match validate_fallback(&form, &inbox.id, &all, &[], workspace) {
            Ok(fallback) => {
                inbox.fallback = fallback;
                let fallback_channel = match fallback_channel_for(channel_id, &inbox, workspace) {
                    Ok(channel) => channel,
                    Err(error) => {
                        return Err(SetupErrors::one(
                            SetupField::Form,
                            SetupError::Fallback(error.to_string()),
                        ))
                    }
                };
                return Ok(NewInbox {
                    inbox,
                    fallback_channel,
                });
            }
            Err(fallback_errors) => last_error = fallback_errors.to_string(),
        }
    }
    Err(SetupErrors::one(
        SetupField::Form,
        SetupError::Fallback(last_error),
    ))
}

/// The fallback email channel of `inbox` as its settings describe it.
fn fallback_channel_for(
    id: ChannelId,
    inbox: &Inbox,
    workspace: &Workspace,
) -> Result<Channel, ValidationError> {
    let (address, verified) = inbox.fallback.sending_address(workspace)?;
    Ok(Channel {
        id,
        inbox: inbox.id.clone(),
        kind: ChannelKind::Fallback,
        address,
        display_name: inbox.fallback.company_name.clone(),
        enabled: true,
        verified,
    })
}

/// The fallback channel after its inbox's fallback settings were saved: its address, display
/// name and verification follow `FallbackEmail::sending_address`; its Status is kept.
pub fn sync_fallback_channel(
    channel: &Channel,
    fallback: &FallbackEmail,
    workspace: &Workspace,
) -> Result<Channel, ValidationError> {
    let (address, verified) = fallback.sending_address(workspace)?;
    Ok(Channel {
        address,
        verified,
        display_name: fallback.company_name.clone(),
        ..channel.clone()
    })
}

/// **Connect channel** › **Team email**: a validated address not connected to any inbox yet,
/// and a display name. The channel starts enabled and verified: the address is connected
/// through the team's mail account (SPEC §9), which proves the team owns it.
pub fn team_email_channel(
    id: ChannelId,
    inbox_id: &InboxId,
    address: &str,
    display_name: &str,
    channels: &[Channel],
    inboxes: &[Inbox],
) -> Result<Channel, SetupErrors> {
    let mut errors = SetupErrors::default();
    if !inboxes.iter().any(|inbox| &inbox.id == inbox_id) {
        errors.set(SetupField::Form, SetupError::UnknownInbox);
    }
    let address = match EmailAddress::parse(address) {
        Ok(address) => match channels
            .iter()
            .find(|channel| channel.address.same_mailbox(&address))
        {
            Some(taken) => {
                let inbox = inboxes
                    .iter()
                    .find(|inbox| inbox.id == taken.inbox)
                    .map(|inbox| inbox.name.clone())
                    .unwrap_or_else(|| taken.inbox.to_string());
                errors.set(
                    SetupField::Address,
                    SetupError::AddressInUse {
                        address: address.to_string(),
                        inbox,
                    },
                );
                None
            }
            None => Some(address),
        },
        Err(error) => {
            errors.set(SetupField::Address, error.into());
            None
        }
    };
    let display_name = match required_name(display_name, DISPLAY_NAME_MAX) {
        Ok(name) => Some(name),
        Err(error) => {
            errors.set(SetupField::DisplayName, error.into());
            None
        }
    };
    match (address, display_name) {
        (Some(address), Some(display_name)) if errors.is_empty() => Ok(Channel {
            id,
            inbox: inbox_id.clone(),
            kind: ChannelKind::TeamEmail,
            address,
            display_name,
            enabled: true,
            verified: true,
        }),
        _ => Err(errors),
    }
}

/// SPEC §3 **Assign to**: which radio button is selected.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AssignMode {
    SpecificUsersAndTeams,
    ContactOwner,
}

/// What the **Automation** tab edits, as chosen (not yet validated). Choices of a switched-off
/// part are kept while the dialog is open and dropped on save.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AutomationForm {
    /// **Automatically assign conversations**
    pub auto_assign: bool,
    pub assign_mode: AssignMode,
    pub assign_users: Vec<UserId>,
    pub assign_teams: Vec<TeamId>,
    /// **Automatically create tickets**
    pub auto_ticket: bool,
    pub pipeline: String,
    pub stage: TicketStatus,
    pub priority: Priority,
    pub owner: TicketOwnerRule,
}

/// Pipeline offered when automatic tickets are first switched on.
pub const DEFAULT_PIPELINE: &str = "Support Pipeline";

impl AutomationForm {
    pub fn from_saved(saved: &Automation) -> Self {
        let (assign_mode, assign_users, assign_teams) = match &saved.auto_assign {
            Some(AssignTo::ContactOwner) => (AssignMode::ContactOwner, Vec::new(), Vec::new()),
            Some(AssignTo::SpecificUsersAndTeams { users, teams }) => (
                AssignMode::SpecificUsersAndTeams,
                users.clone(),
                teams.clone(),
            ),
            None => (AssignMode::SpecificUsersAndTeams, Vec::new(), Vec::new()),
        };
        let ticket = saved.auto_ticket.clone().unwrap_or(TicketDefaults {
            pipeline: DEFAULT_PIPELINE.to_owned(),
            stage: TicketStatus::New,
            priority: Priority::Medium,
            owner: TicketOwnerRule::ConversationOwner,
        });
        Self {
            auto_assign: saved.auto_assign.is_some(),
            assign_mode,
            assign_users,
            assign_teams,
            auto_ticket: saved.auto_ticket.is_some(),
            pipeline: ticket.pipeline,
            stage: ticket.stage,
            priority: ticket.priority,
            owner: ticket.owner,
        }
    }
}

/// Validates the **Automation** tab into the automation to store. The round-robin cursor is
/// kept from `saved` so saving does not restart the rotation.
pub fn validate_automation(
    form: &AutomationForm,
    saved: &Automation,
    users: &[User],
    teams: &[Team],
) -> Result<Automation, SetupErrors> {
    let mut errors = SetupErrors::default();
    let auto_assign = match (form.auto_assign, form.assign_mode) {
        (false, _) => None,
        (true, AssignMode::ContactOwner) => Some(AssignTo::ContactOwner),
        (true, AssignMode::SpecificUsersAndTeams) => {
            match picked(&form.assign_users, &form.assign_teams, users, teams) {
                Ok((users, teams)) => Some(AssignTo::SpecificUsersAndTeams { users, teams }),
                Err(error) => {
                    errors.set(SetupField::AssignTo, error);
                    None
                }
            }
        }
    };
    let auto_ticket = if form.auto_ticket {
        let pipeline = match required_name(&form.pipeline, PIPELINE_MAX) {
            Ok(pipeline) => Some(pipeline),
            Err(error) => {
                errors.set(SetupField::Pipeline, error.into());
                None
            }
        };
        if form.stage == TicketStatus::Closed {
            errors.set(SetupField::Stage, SetupError::ClosedStage);
        }
        if let TicketOwnerRule::User { user } = &form.owner {
            if !users.iter().any(|u| &u.id == user) {
                errors.set(
                    SetupField::TicketOwner,
                    SetupError::UnknownUser(user.clone()),
                );
            }
        }
        pipeline.map(|pipeline| TicketDefaults {
            pipeline,
            stage: form.stage,
            priority: form.priority,
            owner: form.owner.clone(),
        })
    } else {
        None
    };
    errors.into_result(|| Automation {
        auto_assign,
        auto_ticket,
        round_robin_next: saved.round_robin_next,
    })
}
