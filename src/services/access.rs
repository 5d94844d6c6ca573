//! Access questions the pages ask, answered by the pure rules in `domain::access` (the first
//! paint's inbox picker asks `domain::inbox_entry`).

use crate::domain::access::{inbox_role, InboxRole};
use crate::domain::*;
use crate::storage::Directory;
use crate::text::lowercase;

/// Inboxes the user can see, by name: members see theirs, admins see every inbox (view-only
/// where they are not selected members), others see none of the restricted ones.
pub fn visible_inboxes(dir: &Directory, user: &User) -> Vec<Inbox> {
    let mut list: Vec<Inbox> = dir
        .inboxes
        .iter()
        .filter(|inbox| inbox_role(user, inbox) != InboxRole::NoAccess)
        .cloned()
        .collect();
    list.sort_by_cached_key(|i| lowercase(&i.name));
    list
}
