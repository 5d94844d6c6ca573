//! Access questions the pages ask, answered by the pure rules in `domain::access`.

use crate::domain::*;
use crate::storage::Directory;

/// Inboxes the user can see, in workspace order.
pub fn visible_inboxes(dir: &Directory, user: &User) -> Vec<Inbox> {
    dir.inboxes
        .iter()
        .filter(|inbox| match &inbox.access {
            InboxAccess::Everyone => true,
            InboxAccess::SpecificUsersAndTeams { users, teams } => {
                user.role.is_admin()
                    || users.contains(&user.id)
                    || teams.iter().any(|t| user.is_member_of(t))
            }
        })
        .cloned()
        .collect()
}
