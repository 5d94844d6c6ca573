//! **Settings › Help Desk** (SPEC §4): which connected address is the default reply address of
//! which team. Computes the new `team_default_reply` map and the moves it causes, so the UI can
//! say "Support's default moves from a@x to b@x" before the admin saves.
//!
//! Pure: it returns the new map and never stores it (the service does). It must not resolve
//! a From for sending (`from.rs` does) and it checks permissions only through `access::can`.

use super::access::{can, Action, Decision, DenyReason, Resource};
use super::ids::{ChannelId, TeamId};
use super::model::{Channel, Team, User, Workspace};
use std::collections::{BTreeMap, BTreeSet};

/// An address as it appears in a move.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DefaultAddress {
    pub channel: ChannelId,
    /// The channel's address, or a placeholder if the channel has since been removed.
    pub address: String,
}

/// What saving does to one team's default.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DefaultMove {
    /// The team had no default and gets this one.
    Set { team: TeamId, to: DefaultAddress },
    /// The team's default moves to another address (a team has at most one).
    Moved {
        team: TeamId,
        from: DefaultAddress,
        to: DefaultAddress,
    },
    /// The team loses its default (toggle off, or team no longer selected).
    Removed { team: TeamId, from: DefaultAddress },
}

impl DefaultMove {
    pub fn team(&self) -> &TeamId {
        match self {
            DefaultMove::Set { team, .. }
            | DefaultMove::Moved { team, .. }
            | DefaultMove::Removed { team, .. } => team,
        }
    }

    /// "Support's default moves from a@x to b@x". `teams` supplies names (the id is used for
    /// a team that is not listed).
    pub fn message(&self, teams: &[Team]) -> String {
        let name = teams
            .iter()
            .find(|t| &t.id == self.team())
            .map_or(self.team().as_str(), |t| t.name.as_str());
        match self {
            DefaultMove::Set { to, .. } => {
                format!("{name}'s default becomes {}", to.address)
            }
            DefaultMove::Moved { from, to, .. } => {
                format!(
                    "{name}'s default moves from {} to {}",
                    from.address, to.address
                )
            }
            DefaultMove::Removed { from, .. } => {
                format!("{name} no longer has a default (was {})", from.address)
            }
        }
    }
}

/// The result of a save: the whole new map (store it as is) and what changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DefaultReplyChange {
    pub team_default_reply: BTreeMap<TeamId, ChannelId>,
    pub moves: Vec<DefaultMove>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum HelpDeskError {
    #[error("{0}")]
    NotAllowed(DenyReason),
    #[error("This address is no longer connected to the workspace.")]
    UnknownChannel { channel: ChannelId },
    #[error("{address} is turned off (its Status is disabled), so it cannot be a team's default reply address. Turn it on first.")]
    ChannelDisabled { address: String },
    #[error("{address} has not been verified yet, so it cannot be a team's default reply address. Verify it first.")]
    ChannelUnverified { address: String },
}

impl HelpDeskError {
    pub fn message(&self) -> String {
        self.to_string()
    }
}

/// Whether `actor` may change these settings; when denied, the page is read-only and shows
/// the reason (not an admin, or not on Professional/Enterprise).
pub fn edit_decision(workspace: &Workspace, actor: &User) -> Decision {
    can(
        actor,
        Action::EditHelpDeskDefaults,
        &Resource::Workspace,
        workspace,
    )
}

/// The teams whose default is this channel (to pre-fill the team picker).
pub fn teams_with_default(workspace: &Workspace, channel: &ChannelId) -> Vec<TeamId> {
    workspace
        .team_default_reply
        .iter()
        .filter(|(_, c)| *c == channel)
        .map(|(team, _)| team.clone())
        .collect()
}

/// What saving `teams` as the teams of `channel` would change, without permission checks (the
/// read-only view may show it too). An empty `teams` is the toggle turned off.
pub fn preview_moves(
    workspace: &Workspace,
    channel: &ChannelId,
    teams: &[TeamId],
    channels: &[Channel],
) -> Result<Vec<DefaultMove>, HelpDeskError> {
    Ok(compute(workspace, channel, teams, channels)?.moves)
}

/// Save the **Default reply email** toggle and team picker of one address. Admins only, on
/// Professional and Enterprise. Selected teams get this address (moving it from any other);
/// teams that had it and are no longer selected lose it.
pub fn set_default_reply(
    workspace: &Workspace,
    actor: &User,
    channel: &ChannelId,
    teams: &[TeamId],
    channels: &[Channel],
) -> Result<DefaultReplyChange, HelpDeskError> {
    edit_decision(workspace, actor)
        .into_result()
        .map_err(HelpDeskError::NotAllowed)?;
    compute(workspace, channel, teams, channels)
}

fn compute(
    workspace: &Workspace,
    channel_id: &ChannelId,
    teams: &[TeamId],
    channels: &[Channel],
) -> Result<DefaultReplyChange, HelpDeskError> {
    let channel = channels
        .iter()
        .find(|c| &c.id == channel_id)
        .ok_or_else(|| HelpDeskError::UnknownChannel {
            channel: channel_id.clone(),
        })?;
    // Turning the toggle off is always allowed (it is how a broken default gets cleared);
    // giving teams an address they could not send from is not.
    if !teams.is_empty() {
        if !channel.enabled {
            return Err(HelpDeskError::ChannelDisabled {
                address: channel.address.to_string(),
            });
        }
        if !channel.verified {
            return Err(HelpDeskError::ChannelUnverified {
                address: channel.address.to_string(),
            });
        }
    }

    let old = &workspace.team_default_reply;
    let mut new = old.clone();
    new.retain(|team, c| c != channel_id || teams.contains(team));
    for team in teams {
        new.insert(team.clone(), channel_id.clone());
    }

    let describe = |id: &ChannelId| DefaultAddress {
        channel: id.clone(),
        address: channels.iter().find(|c| &c.id == id).map_or_else(
            || format!("a removed address ({id})"),
            |c| c.address.to_string(),
        ),
    };
    let touched: BTreeSet<&TeamId> = old.keys().chain(new.keys()).collect();
    let moves = touched
        .into_iter()
        .filter_map(|team| match (old.get(team), new.get(team)) {
            (None, Some(to)) => Some(DefaultMove::Set {
                team: team.clone(),
                to: describe(to),
            }),
            (Some(from), Some(to)) if from != to => Some(DefaultMove::Moved {
                team: team.clone(),
                from: describe(from),
                to: describe(to),
            }),
            (Some(from), None) => Some(DefaultMove::Removed {
                team: team.clone(),
                from: describe(from),
            }),
            _ => None,
        })
        .collect();
    Ok(DefaultReplyChange {
        team_default_reply: new,
        moves,
    })
}
