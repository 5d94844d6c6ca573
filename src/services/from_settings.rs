//! Commands of the From settings (SPEC §4): **Settings › Help Desk** default reply addresses and
//! the rep's own CRM default From and personal signature (**Settings › Profile**). The rules
//! are the domain's (`helpdesk::set_default_reply`, `from::selectable_froms`); this module
//! reads fresh settings, stores the result and tells the other tabs.

use super::{AppCtx, AppError};
use crate::domain::from::{
    resolve_from, selectable_froms, ComposerKind, FromContext, FromError, Unusable,
};
use crate::domain::helpdesk::{set_default_reply, DefaultMove};
use crate::domain::refusal::Refusal;
use crate::domain::*;
use crate::storage::Directory;
use leptos::prelude::*;

fn current_user(app: AppCtx, dir: &Directory) -> Result<User, AppError> {
    app.user_id
        .get_untracked()
        .and_then(|id| dir.users.iter().find(|u| u.id == id).cloned())
        .ok_or(AppError::Refused(Refusal::NoCurrentUser))
}

/// Saves the **Default reply email** toggle and team picker of `channel` (an empty `teams` is
/// the toggle off). Returns the moves that were made.
pub async fn save_default_reply(
    app: AppCtx,
    channel: ChannelId,
    teams: Vec<TeamId>,
) -> Result<Vec<DefaultMove>, AppError> {
    let db = app.db();
    let dir = db.load_directory().await?;
    let me = current_user(app, &dir)?;
    let change = set_default_reply(&dir.workspace, &me, &channel, &teams, &dir.channels)
        .map_err(AppError::HelpDesk)?;
    let mut workspace = dir.workspace.clone();
    workspace.team_default_reply = change.team_default_reply;
    db.put_workspace(&workspace).await?;
    app.reload_directory().await?;
    app.changed("workspace", None);
    Ok(change.moves)
}

/// What the From resolver knows of `user`'s CRM composer (no conversation).
fn crm_context<'a>(dir: &'a Directory, user: &'a User) -> FromContext<'a> {
    FromContext {
        workspace: &dir.workspace,
        user,
        inboxes: &dir.inboxes,
        channels: &dir.channels,
        composer: &ComposerKind::Crm,
        conversation: None,
    }
}

/// The addresses a user may pick as their CRM default From: their own email and every help desk
/// address they may send from.
pub fn crm_from_choices(dir: &Directory, user: &User) -> Vec<EmailAddress> {
    let mut out = vec![user.email.clone()];
    let ctx = crm_context(dir, user);
    for option in selectable_froms(&ctx) {
        if let FromChoice::Channel(_) = option.choice {
            if !out.iter().any(|a| a.same_mailbox(&option.mailbox.address)) {
                out.push(option.mailbox.address);
            }
        }
    }
    out
}

/// The user's stored CRM default From when it cannot be sent from now (its channel was turned
/// off, lost its verification, or the user lost access), and why: the resolver's own answer,
/// so **Settings › Profile** says what the CRM composer will say.
pub fn crm_default_unusable(dir: &Directory, user: &User) -> Option<(String, Unusable)> {
    let ctx = crm_context(dir, user);
    match resolve_from(&ctx, &DraftFrom::Automatic) {
        Err(FromError::CrmDefaultUnusable { address, why }) => Some((address, why)),
        _ => None,
    }
}

/// Saves the current user's **Default From address for the CRM** and **Personal signature**.
pub async fn save_profile(
    app: AppCtx,
    crm_default_from: Option<EmailAddress>,
    signature_html: String,
) -> Result<(), AppError> {
    let db = app.db();
    let dir = db.load_directory().await?;
    let mut me = current_user(app, &dir)?;
    if let Some(address) = &crm_default_from {
        if !crm_from_choices(&dir, &me)
            .iter()
            .any(|a| a.same_mailbox(address))
        {
            return Err(AppError::Refused(Refusal::NotYourFromAddress {
                address: address.to_string(),
            }));
        }
    }
    me.crm_default_from = crm_default_from;
    // Stored only through the allow-list (SPEC §8); sanitised again when an email is sent.
    me.signature_html = crate::domain::body_html::sanitize_rich(&signature_html);
    db.put_user(&me).await?;
    app.reload_directory().await?;
    app.changed("users", Some(me.id.to_string()));
    Ok(())
}
