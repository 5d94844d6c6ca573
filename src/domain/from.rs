//! The From promise (SPEC §4, with §2 and §3): one resolver, [`resolve_from`], decides the
//! exact `From:` mailbox of an email and says why ([`FromReason`]), so the composer can show
//! it and the send path can check that nothing changed in between ([`check_send`]).
//!
//! Rules, in order:
//! 1. A deliberate choice saved with the draft wins everywhere and never reverts; if it has
//!    become unusable the answer is an error that blocks sending — never a silent substitute.
//! 2. Help desk workspace: in an existing thread the thread's channel is kept (the reason says
//!    whether it differs from the rep's default); otherwise the default of the rep's PRIMARY
//!    team (never an additional team's).
//! 3. Inbox workspace (no team defaults): the thread's channel, else the inbox's fallback email
//!    if it sends, else its first enabled, verified team email.
//! 4. CRM composer: the user's personal CRM default (their own email if none is set); team
//!    defaults never apply there. A default (or any personal address) that is a workspace
//!    channel's address is usable only while the user may send from that channel; otherwise
//!    the answer is an error, exactly like an unusable team default.
//!
//! This module must not change anything (drafts, settings); it must not decide access itself
//! (it asks `access::can`) and it must not guess when the expected address is unusable.

use super::access::{can, Action, DenyReason, Resource};
use super::draft::{DraftFrom, FromChoice};
use super::ids::{ChannelId, InboxId, TeamId};
use super::model::{Channel, ChannelKind, Conversation, Inbox, Mailbox, Team, User, Workspace};
use super::validate::EmailAddress;

/// Which composer is asking.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum ComposerKind {
    /// The help desk workspace: team defaults apply.
    HelpDesk,
    /// The Inbox workspace, composing in (or replying within) this inbox.
    Inbox(InboxId),
    /// The CRM composer on a contact record.
    Crm,
}

/// Everything the resolver reads. All borrowed, so a component builds it from its memos.
#[derive(Debug, Clone, Copy)]
pub struct FromContext<'a> {
    pub workspace: &'a Workspace,
    /// The current user, who sends.
    pub user: &'a User,
    pub inboxes: &'a [Inbox],
    pub channels: &'a [Channel],
    pub composer: &'a ComposerKind,
    /// The thread being replied to, if any (ignored by the CRM composer, which has no thread).
    pub conversation: Option<&'a Conversation>,
}

/// Why the From is what it is.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum FromReason {
    /// The rep picked it for this draft.
    DeliberateChoice,
    /// The thread's own address. `differs_from_default` is true when the rep has a help desk
    /// default and it is a different address (the composer then shows a notice).
    ThreadAddress { differs_from_default: bool },
    /// The default reply address of the rep's primary team.
    TeamDefault { team: TeamId },
    /// The user's personal CRM default From.
    CrmPersonalDefault,
    /// The user's own email: no CRM default is set.
    CrmOwnAddress,
    /// Inbox workspace without a thread: the inbox's sending address.
    InboxDefault,
}

/// The resolved From: what goes in the header and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResolvedFrom {
    pub choice: FromChoice,
    /// Display name + address exactly as in the `From:` header.
    pub mailbox: Mailbox,
    pub reason: FromReason,
    /// The rep's help desk default (primary team's), when there is one; used for the notice.
    pub default: Option<Mailbox>,
}

impl ResolvedFrom {
    /// "Support <support@acme.example>".
    pub fn label(&self) -> String {
        mailbox_label(&self.mailbox)
    }
}

/// One entry of the **From** dropdown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FromOption {
    pub choice: FromChoice,
    pub mailbox: Mailbox,
    /// "Support <support@acme.example>".
    pub label: String,
    /// What this composer would pick for a new email with nothing chosen.
    pub is_default: bool,
}

impl FromOption {
    /// The draft value to store when the rep picks this option.
    pub fn as_draft_from(&self) -> DraftFrom {
        DraftFrom::Deliberate(self.choice.clone())
    }
}

/// Why an address cannot be sent from right now.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Unusable {
    #[error("{0}")]
    Denied(DenyReason),
    #[error("This address has been removed from the workspace.")]
    ChannelRemoved,
    #[error("The inbox of this address no longer exists.")]
    InboxRemoved,
    #[error("This personal address is not one of yours (your email or your CRM default From).")]
    NotYourAddress,
    #[error("A personal address can only be used in the CRM composer; here only inbox and help desk addresses can send.")]
    PersonalNotAllowedHere,
}

/// Why no From could be resolved. Every variant blocks sending and says what to do.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FromError {
    /// `label` is the choice as the From dropdown named it ("Name <address>"), so the
    /// composer can keep showing the unusable choice in words.
    #[error("You chose to send from {address}, but it can't be used now. {why} Choose another From address; nothing has been sent.")]
    ChoiceUnusable {
        address: String,
        label: String,
        why: Unusable,
    },
    #[error("This conversation's address, {address}, can't be used now. {why} Choose another From address to reply.")]
    ThreadAddressUnusable { address: String, why: Unusable },
    #[error("Your team's default From address, {address}, can't be used now. {why} Choose a From address, or ask an admin to change the default in Settings \u{203a} Help Desk.")]
    TeamDefaultUnusable { address: String, why: Unusable },
    #[error("Your CRM default From address, {address}, can't be used now. {why} Choose a From address, or change your default in Settings \u{203a} Profile.")]
    CrmDefaultUnusable { address: String, why: Unusable },
    #[error("You have no primary team, so the help desk has no default From address for you. Choose a From address.")]
    NoPrimaryTeam,
    #[error("Your primary team has no default reply address. Choose a From address, or ask an admin to set one in Settings \u{203a} Help Desk.")]
    NoTeamDefault { team: TeamId },
    #[error("{0}")]
    NoInboxAccess(DenyReason),
    #[error("The inbox \u{201c}{inbox}\u{201d} has no address it can send from: turn on its fallback email for sending, or connect and verify a team email.")]
    NoInboxAddress { inbox: String },
    #[error("This inbox no longer exists.")]
    UnknownInbox,
}

impl FromError {
    pub fn message(&self) -> String {
        self.to_string()
    }
}

/// Why a send was stopped at the last moment.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SendGuardError {
    #[error("Sending stopped: the From address changed from {shown} to {now} since it was shown. Check the From and send again.")]
    AddressChanged { shown: String, now: String },
    #[error("Sending stopped: the From name changed from \u{201c}{shown}\u{201d} to \u{201c}{now}\u{201d} since it was shown. Check the From and send again.")]
    NameChanged { shown: String, now: String },
    #[error("Sending stopped: the From would now go out through a different connected address ({now} instead of {shown}). Check the From and send again.")]
    ChannelChanged { shown: String, now: String },
    #[error("Sending stopped. {0}")]
    Blocked(FromError),
}

impl SendGuardError {
    pub fn message(&self) -> String {
        self.to_string()
    }
}

/// "Name <address>", or the bare address without a name.
pub fn mailbox_label(mailbox: &Mailbox) -> String {
    match &mailbox.name {
        Some(name) => format!("{name} <{}>", mailbox.address),
        None => mailbox.address.to_string(),
    }
}

fn mailbox(name: &str, address: EmailAddress) -> Mailbox {
    let name = name.trim();
    Mailbox {
        name: (!name.is_empty()).then(|| name.to_owned()),
        address,
    }
}

fn find_channel<'a>(ctx: &FromContext<'a>, id: &ChannelId) -> Option<&'a Channel> {
    ctx.channels.iter().find(|c| &c.id == id)
}

fn find_inbox<'a>(ctx: &FromContext<'a>, id: &InboxId) -> Option<&'a Inbox> {
    ctx.inboxes.iter().find(|i| &i.id == id)
}

/// The mailbox a channel puts in `From:`, without any permission check. The fallback email's
/// name and address come from its settings (SPEC §3), a team email's from the channel.
fn channel_mailbox(ctx: &FromContext, channel: &Channel, inbox: &Inbox) -> Mailbox {
    match channel.kind {
        ChannelKind::TeamEmail => mailbox(&channel.display_name, channel.address.clone()),
        ChannelKind::Fallback => {
            let address = inbox
                .fallback
                .sending_address(ctx.workspace)
                .map(|(address, _)| address)
                .unwrap_or_else(|_| channel.address.clone());
            mailbox(&inbox.fallback.from_name(Some(ctx.user)), address)
        }
    }
}

/// Best-effort address text of a choice for messages, even when the channel is gone.
fn choice_text(ctx: &FromContext, choice: &FromChoice) -> String {
    match choice {
        FromChoice::Personal(address) => address.to_string(),
        FromChoice::Channel(id) => match find_channel(ctx, id) {
            Some(channel) => match find_inbox(ctx, &channel.inbox) {
                Some(inbox) => channel_mailbox(ctx, channel, inbox).address.to_string(),
                None => channel.address.to_string(),
            },
            None => format!("a removed address ({id})"),
        },
    }
}

/// Best-effort "Name <address>" of a choice (what the From dropdown showed for it), even when
/// it can no longer be used; the address alone when its channel is gone.
fn choice_label(ctx: &FromContext, choice: &FromChoice) -> String {
    match choice {
        FromChoice::Personal(address) => {
            mailbox_label(&mailbox(&ctx.user.full_name(), address.clone()))
        }
        FromChoice::Channel(id) => match find_channel(ctx, id) {
            Some(channel) => match find_inbox(ctx, &channel.inbox) {
                Some(inbox) => mailbox_label(&channel_mailbox(ctx, channel, inbox)),
                None => mailbox_label(&mailbox(&channel.display_name, channel.address.clone())),
            },
            None => choice_text(ctx, choice),
        },
    }
}

/// The mailbox of a channel the user may send from now, or why not.
fn usable_channel(ctx: &FromContext, id: &ChannelId) -> Result<Mailbox, Unusable> {
    let channel = find_channel(ctx, id).ok_or(Unusable::ChannelRemoved)?;
    let inbox = find_inbox(ctx, &channel.inbox).ok_or(Unusable::InboxRemoved)?;
    can(
        ctx.user,
        Action::SendFrom,
        &Resource::Channel { inbox, channel },
        ctx.workspace,
    )
    .into_result()
    .map_err(Unusable::Denied)?;
    Ok(channel_mailbox(ctx, channel, inbox))
}

/// The user's own addresses usable in the CRM: the CRM default, then their email.
fn personal_addresses(user: &User) -> Vec<EmailAddress> {
    let mut out: Vec<EmailAddress> = user.crm_default_from.iter().cloned().collect();
    if !out.iter().any(|a| a.same_mailbox(&user.email)) {
        out.push(user.email.clone());
    }
    out
}

/// Whether one of the user's personal addresses may be sent from now. Their own email always
/// may; an address outside the workspace's channels is theirs to use; but an address that is
/// a channel's (a help desk address picked as the CRM default) may be used only while the
/// user may send from one of the channels that have it: a disabled, unverified or no longer
/// accessible channel is never sent from under a personal name (SPEC §2).
fn usable_personal(ctx: &FromContext, address: &EmailAddress) -> Result<(), Unusable> {
    if address.same_mailbox(&ctx.user.email) {
        return Ok(());
    }
    let mut first_reason = None;
    for channel in ctx
        .channels
        .iter()
        .filter(|c| c.address.same_mailbox(address))
    {
        match usable_channel(ctx, &channel.id) {
            Ok(_) => return Ok(()),
            Err(why) => {
                first_reason.get_or_insert(why);
            }
        }
    }
    first_reason.map_or(Ok(()), Err)
}

fn usable_choice(ctx: &FromContext, choice: &FromChoice) -> Result<Mailbox, Unusable> {
    match choice {
        FromChoice::Channel(id) => usable_channel(ctx, id),
        FromChoice::Personal(address) => {
            if *ctx.composer != ComposerKind::Crm {
                return Err(Unusable::PersonalNotAllowedHere);
            }
            if !personal_addresses(ctx.user)
                .iter()
                .any(|own| own.same_mailbox(address))
            {
                return Err(Unusable::NotYourAddress);
            }
            usable_personal(ctx, address)?;
            Ok(mailbox(&ctx.user.full_name(), address.clone()))
        }
    }
}

/// The rep's help desk default: the primary team's default reply channel, if both exist.
/// Additional teams are deliberately not consulted (SPEC §4).
fn team_default<'a>(ctx: &FromContext<'a>) -> Option<(&'a TeamId, &'a ChannelId)> {
    let team = ctx.user.primary_team.as_ref()?;
    let (team, channel) = ctx.workspace.team_default_reply.get_key_value(team)?;
    Some((team, channel))
}

/// The default mailbox for the notice and for comparison, regardless of whether it can send.
fn default_mailbox(ctx: &FromContext) -> Option<Mailbox> {
    if *ctx.composer != ComposerKind::HelpDesk {
        return None;
    }
    let (_, channel_id) = team_default(ctx)?;
    let channel = find_channel(ctx, channel_id)?;
    let inbox = find_inbox(ctx, &channel.inbox)?;
    Some(channel_mailbox(ctx, channel, inbox))
}

/// The one resolver. `draft` is the draft's From as stored (automatic or deliberate).
pub fn resolve_from(ctx: &FromContext, draft: &DraftFrom) -> Result<ResolvedFrom, FromError> {
    let default = default_mailbox(ctx);
    let resolved = |choice: FromChoice, mailbox: Mailbox, reason: FromReason| ResolvedFrom {
        choice,
        mailbox,
        reason,
        default: default.clone(),
    };

    if let DraftFrom::Deliberate(choice) = draft {
        return match usable_choice(ctx, choice) {
            Ok(mailbox) => Ok(resolved(
                choice.clone(),
                mailbox,
                FromReason::DeliberateChoice,
            )),
            Err(why) => Err(FromError::ChoiceUnusable {
                address: choice_text(ctx, choice),
                label: choice_label(ctx, choice),
                why,
            }),
        };
    }

    let (choice, mailbox, reason) = match (ctx.composer, ctx.conversation) {
        (ComposerKind::Crm, _) => crm_default(ctx)?,
        (_, Some(conversation)) => thread_address(ctx, conversation, default.as_ref())?,
        (ComposerKind::HelpDesk, None) => help_desk_default(ctx)?,
        (ComposerKind::Inbox(inbox), None) => inbox_default(ctx, inbox)?,
    };
    Ok(resolved(choice, mailbox, reason))
}

type Resolution = (FromChoice, Mailbox, FromReason);

/// CRM: the personal default, or a blocking explanation when it cannot be sent from now
/// (never a silent switch to another address); team defaults never apply here.
fn crm_default(ctx: &FromContext) -> Result<Resolution, FromError> {
    let user = ctx.user;
    let (address, reason) = match &user.crm_default_from {
        Some(address) => {
            usable_personal(ctx, address).map_err(|why| FromError::CrmDefaultUnusable {
                address: address.to_string(),
                why,
            })?;
            (address.clone(), FromReason::CrmPersonalDefault)
        }
        None => (user.email.clone(), FromReason::CrmOwnAddress),
    };
    let mailbox = mailbox(&user.full_name(), address.clone());
    Ok((FromChoice::Personal(address), mailbox, reason))
}

/// Exception 1: an existing thread keeps its address.
fn thread_address(
    ctx: &FromContext,
    conversation: &Conversation,
    default: Option<&Mailbox>,
) -> Result<Resolution, FromError> {
    let choice = FromChoice::Channel(conversation.channel.clone());
    match usable_channel(ctx, &conversation.channel) {
        Ok(mailbox) => {
            let differs_from_default =
                default.is_some_and(|d| !d.address.same_mailbox(&mailbox.address));
            let reason = FromReason::ThreadAddress {
                differs_from_default,
            };
            Ok((choice, mailbox, reason))
        }
        Err(why) => Err(FromError::ThreadAddressUnusable {
            address: choice_text(ctx, &choice),
            why,
        }),
    }
}

/// A new help desk email: the primary team's default, or a blocking explanation.
fn help_desk_default(ctx: &FromContext) -> Result<Resolution, FromError> {
    let team = ctx
        .user
        .primary_team
        .as_ref()
        .ok_or(FromError::NoPrimaryTeam)?;
    let (team, channel) =
        team_default(ctx).ok_or_else(|| FromError::NoTeamDefault { team: team.clone() })?;
    let choice = FromChoice::Channel(channel.clone());
    match usable_channel(ctx, channel) {
        Ok(mailbox) => Ok((
            choice,
            mailbox,
            FromReason::TeamDefault { team: team.clone() },
        )),
        Err(why) => Err(FromError::TeamDefaultUnusable {
            address: choice_text(ctx, &choice),
            why,
        }),
    }
}

/// A new email in the Inbox workspace: the inbox's own sending address.
fn inbox_default(ctx: &FromContext, inbox_id: &InboxId) -> Result<Resolution, FromError> {
    let inbox = find_inbox(ctx, inbox_id).ok_or(FromError::UnknownInbox)?;
    can(
        ctx.user,
        Action::Compose,
        &Resource::Inbox(inbox),
        ctx.workspace,
    )
    .into_result()
    .map_err(FromError::NoInboxAccess)?;
    let (channel, mailbox) =
        inbox_sending_channel(ctx, inbox).ok_or_else(|| FromError::NoInboxAddress {
            inbox: inbox.name.clone(),
        })?;
    Ok((
        FromChoice::Channel(channel.id.clone()),
        mailbox,
        FromReason::InboxDefault,
    ))
}

/// The inbox's own sending address: its fallback email when that sends, else its first
/// enabled, verified team email (in settings order).
fn inbox_sending_channel<'a>(
    ctx: &FromContext<'a>,
    inbox: &Inbox,
) -> Option<(&'a Channel, Mailbox)> {
    let of_inbox = || ctx.channels.iter().filter(|c| c.inbox == inbox.id);
    let fallback = of_inbox().filter(|c| c.kind == ChannelKind::Fallback);
    let team_emails = of_inbox().filter(|c| c.kind == ChannelKind::TeamEmail);
    fallback
        .chain(team_emails)
        .find_map(|c| usable_channel(ctx, &c.id).ok().map(|m| (c, m)))
}

/// Every address the user may send from in this composer: personal addresses first in the
/// CRM, then every connected, enabled, verified channel of an inbox they are a member of.
/// The default is marked but restricts nothing.
pub fn selectable_froms(ctx: &FromContext) -> Vec<FromOption> {
    let no_thread = FromContext {
        conversation: None,
        ..*ctx
    };
    let default_choice = resolve_from(&no_thread, &DraftFrom::Automatic)
        .ok()
        .map(|r| r.choice);
    let personal = match ctx.composer {
        ComposerKind::Crm => personal_addresses(ctx.user)
            .into_iter()
            .filter(|a| usable_personal(ctx, a).is_ok())
            .map(|a| {
                (
                    FromChoice::Personal(a.clone()),
                    mailbox(&ctx.user.full_name(), a),
                )
            })
            .collect(),
        _ => Vec::new(),
    };
    let channels = ctx.channels.iter().filter_map(|c| {
        usable_channel(ctx, &c.id)
            .ok()
            .map(|m| (FromChoice::Channel(c.id.clone()), m))
    });
    personal
        .into_iter()
        .chain(channels)
        .map(|(choice, mailbox)| FromOption {
            is_default: default_choice.as_ref() == Some(&choice),
            label: mailbox_label(&mailbox),
            choice,
            mailbox,
        })
        .collect()
}

/// The words under the From control: "Team default — Support", "Address of this thread"...
pub fn reason_text(reason: &FromReason, teams: &[Team]) -> String {
    match reason {
        FromReason::DeliberateChoice => "Your choice".to_owned(),
        FromReason::ThreadAddress { .. } => "Address of this thread".to_owned(),
        FromReason::TeamDefault { team } => {
            let name = teams
                .iter()
                .find(|t| &t.id == team)
                .map_or(team.as_str(), |t| t.name.as_str());
            format!("Team default \u{2014} {name}")
        }
        FromReason::CrmPersonalDefault => "Your CRM default".to_owned(),
        FromReason::CrmOwnAddress => "Your email address".to_owned(),
        FromReason::InboxDefault => "Inbox address".to_owned(),
    }
}

/// The notice shown when a thread keeps an address that differs from the rep's default.
pub fn differs_notice(resolved: &ResolvedFrom) -> Option<String> {
    match (&resolved.reason, &resolved.default) {
        (
            FromReason::ThreadAddress {
                differs_from_default: true,
            },
            Some(default),
        ) => Some(format!(
            "This conversation is sent from {}, which differs from your default From address, {}. \
             Replies keep the conversation's address unless you choose another.",
            mailbox_label(&resolved.mailbox),
            mailbox_label(default)
        )),
        _ => None,
    }
}

/// The last check before a message leaves: the From resolved now must be exactly the one the
/// composer showed — same connected address, same header address, same display name.
pub fn check_send(shown: &ResolvedFrom, at_send: &ResolvedFrom) -> Result<(), SendGuardError> {
    if shown.mailbox.address.as_str() != at_send.mailbox.address.as_str() {
        return Err(SendGuardError::AddressChanged {
            shown: shown.mailbox.address.to_string(),
            now: at_send.mailbox.address.to_string(),
        });
    }
    if shown.mailbox.name != at_send.mailbox.name {
        return Err(SendGuardError::NameChanged {
            shown: shown.mailbox.name.clone().unwrap_or_default(),
            now: at_send.mailbox.name.clone().unwrap_or_default(),
        });
    }
    if shown.choice != at_send.choice {
        return Err(SendGuardError::ChannelChanged {
            shown: shown.label(),
            now: at_send.label(),
        });
    }
    Ok(())
}

/// Resolve again at send time and compare with what was shown: the From to put in the
/// message, or why the send stops.
pub fn guard_send(
    ctx: &FromContext,
    draft: &DraftFrom,
    shown: &ResolvedFrom,
) -> Result<ResolvedFrom, SendGuardError> {
    let at_send = resolve_from(ctx, draft).map_err(SendGuardError::Blocked)?;
    check_send(shown, &at_send)?;
    Ok(at_send)
}
