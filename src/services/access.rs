//! Access questions the pages ask, answered by the pure rules in `domain::access`.

use crate::domain::*;
use crate::storage::Directory;

fn is_member(inbox: &Inbox, user: &User) -> bool {
    match &inbox.access {
        InboxAccess::Everyone => true,
        InboxAccess::SpecificUsersAndTeams { users, teams } => {
            users.contains(&user.id) || teams.iter().any(|t| user.is_member_of(t))
        }
    }
}

/// Inboxes the user can see, by name; admins see every inbox (view-only where not members).
pub fn visible_inboxes(dir: &Directory, user: &User) -> Vec<Inbox> {
    let mut list: Vec<Inbox> = dir
        .inboxes
        .iter()
        .filter(|inbox| user.role.is_admin() || is_member(inbox, user))
        .cloned()
        .collect();
    list.sort_by_key(|i| i.name.to_lowercase());
    list
}

/// The inbox a workspace opens on: the first one the user can act in, else the first visible.
pub fn default_inbox(visible: &[Inbox], user: &User) -> Option<InboxId> {
    visible.iter().find(|i| is_member(i, user)).or(visible.first()).map(|i| i.id.clone())
}
