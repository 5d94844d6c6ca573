//! The inboxes as the first screen needs them (issue 2: initial load ≤ 250 KB brotli): id, name
//! and who has access, read at start-up from the stored inbox records while serde skips the
//! rest (fallback email, automation). The workspace's inbox picker and its default inbox are
//! decided from these, so the first inbox paint does not hold the deserialisers of whole
//! inboxes; the full `Inbox` records are read right after it (`services::ctx`).
//!
//! Owns only this read model and the two picker rules. Every access rule stays
//! `access::access_role`'s: the rules here ask it, never re-decide. Pure.

use super::access::{access_role, AccessActor, InboxRole};
use super::ids::InboxId;
use super::model::{Inbox, InboxAccess};
use crate::text::lowercase;
use serde::Deserialize;

/// An inbox's id, name and access, as stored (the other fields of the record are ignored).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct InboxEntry {
    pub id: InboxId,
    pub name: String,
    pub access: InboxAccess,
}

impl InboxEntry {
    /// The user's standing in this inbox (SPEC §2 "Who has inbox access").
    pub fn role_of<A: AccessActor + ?Sized>(&self, user: &A) -> InboxRole {
        access_role(user, &self.access)
    }
}

impl From<&Inbox> for InboxEntry {
    fn from(inbox: &Inbox) -> Self {
        InboxEntry {
            id: inbox.id.clone(),
            name: inbox.name.clone(),
            access: inbox.access.clone(),
        }
    }
}

/// The entries of `inboxes`, in the same order.
pub fn entries_of(inboxes: &[Inbox]) -> Vec<InboxEntry> {
    inboxes.iter().map(InboxEntry::from).collect()
}

/// Inboxes the user can see, by name (case-insensitive): members see theirs, admins see every
/// inbox (view-only where they are not selected members), others none of the restricted ones.
pub fn visible_entries<A: AccessActor + ?Sized>(
    inboxes: &[InboxEntry],
    user: &A,
) -> Vec<InboxEntry> {
    let mut list: Vec<InboxEntry> = inboxes
        .iter()
        .filter(|i| i.role_of(user) != InboxRole::NoAccess)
        .cloned()
        .collect();
    list.sort_by_cached_key(|i| lowercase(&i.name));
    list
}

/// The inbox a workspace opens on: the first visible one the user can act in, else the first.
pub fn default_entry<A: AccessActor + ?Sized>(visible: &[InboxEntry], user: &A) -> Option<InboxId> {
    visible
        .iter()
        .find(|i| i.role_of(user) == InboxRole::Member)
        .or(visible.first())
        .map(|i| i.id.clone())
}

/// The inbox a workspace shows: the one its URL names if the user sees it (`visible`, from
/// [`visible_entries`]), else [`default_entry`].
pub fn current_entry<A: AccessActor + ?Sized>(
    visible: &[InboxEntry],
    wanted: Option<&str>,
    user: Option<&A>,
) -> Option<InboxId> {
    wanted
        .and_then(|w| visible.iter().find(|i| i.id.as_str() == w))
        .map(|i| i.id.clone())
        .or_else(|| user.and_then(|u| default_entry(visible, u)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Availability, EmailAddress, Role, Seat, TeamId, User, UserId};

    fn user(id: &str, role: Role, team: Option<&str>) -> User {
        User {
            id: UserId(id.into()),
            first_name: id.into(),
            last_name: String::new(),
            email: EmailAddress::parse(&format!("{id}@example.com")).expect("valid address"),
            seat: Seat::Paid,
            availability: Availability::Available,
            role,
            primary_team: team.map(|t| TeamId(t.into())),
            additional_teams: Vec::new(),
            signature_html: String::new(),
            crm_default_from: None,
        }
    }

    fn entry(id: &str, name: &str, access: InboxAccess) -> InboxEntry {
        InboxEntry {
            id: InboxId(id.into()),
            name: name.into(),
            access,
        }
    }

    fn restricted(users: &[&str], teams: &[&str]) -> InboxAccess {
        InboxAccess::SpecificUsersAndTeams {
            users: users.iter().map(|u| UserId((*u).into())).collect(),
            teams: teams.iter().map(|t| TeamId((*t).into())).collect(),
        }
    }

    fn ids(list: &[InboxEntry]) -> Vec<&str> {
        list.iter().map(|i| i.id.as_str()).collect()
    }

    #[test]
    fn an_entry_is_read_from_a_whole_stored_inbox_record_ignoring_the_rest() {
        let record = r#"{"id":"i-1","name":"Support",
            "access":{"kind":"specific_users_and_teams","users":["u-1"],"teams":[]},
            "fallback":{"anything":1},"automation":{"rules":[1,2,3]},"_extra":true}"#;
        let read: InboxEntry = serde_json::from_str(record).expect("an entry");
        assert_eq!(read, entry("i-1", "Support", restricted(&["u-1"], &[])));
    }

    #[test]
    fn visible_inboxes_follow_the_access_rules_sorted_by_name() {
        let inboxes = vec![
            entry("i-sales", "sales", restricted(&[], &["t-sales"])),
            entry("i-all", "Billing", InboxAccess::Everyone),
            entry("i-mine", "Alpha", restricted(&["u-rep"], &[])),
        ];
        let cases: [(&str, User, &[&str]); 4] = [
            // Everyone's inbox and the ones the user is selected in (directly or by team).
            (
                "member by user",
                user("u-rep", Role::User, None),
                &["i-mine", "i-all"],
            ),
            (
                "member by team",
                user("u-x", Role::User, Some("t-sales")),
                &["i-all", "i-sales"],
            ),
            // Admins see every inbox (view-only where not selected).
            (
                "admin",
                user("u-adm", Role::Admin, None),
                &["i-mine", "i-all", "i-sales"],
            ),
            // Others do not see restricted inboxes.
            ("outsider", user("u-out", Role::User, None), &["i-all"]),
        ];
        for (case, who, expected) in cases {
            assert_eq!(ids(&visible_entries(&inboxes, &who)), expected, "{case}");
        }
    }

    #[test]
    fn the_default_inbox_is_the_first_one_the_user_can_act_in() {
        let inboxes = vec![
            entry("i-a", "A", restricted(&[], &[])),
            entry("i-b", "B", restricted(&["u-adm"], &[])),
        ];
        let admin = user("u-adm", Role::Admin, None);
        let visible = visible_entries(&inboxes, &admin);
        assert_eq!(default_entry(&visible, &admin), Some(InboxId("i-b".into())));
        // View-only everywhere: the first visible inbox.
        let other_admin = user("u-adm2", Role::Admin, None);
        let visible = visible_entries(&inboxes, &other_admin);
        assert_eq!(
            default_entry(&visible, &other_admin),
            Some(InboxId("i-a".into()))
        );
        assert_eq!(default_entry(&[], &admin), None);
    }

    #[test]
    fn a_workspace_shows_the_inbox_its_url_names_if_visible_else_the_default() {
        let inboxes = vec![
            entry("i-a", "A", restricted(&[], &[])),
            entry("i-b", "B", restricted(&["u-rep"], &[])),
            entry("i-c", "C", InboxAccess::Everyone),
        ];
        let rep = user("u-rep", Role::User, None);
        let visible = visible_entries(&inboxes, &rep);
        let id = |s: &str| Some(InboxId(s.into()));
        // (case, the URL's inbox, the user, the inbox shown)
        let cases = [
            ("named and visible", Some("i-c"), Some(&rep), id("i-c")),
            ("none named: the default", None, Some(&rep), id("i-b")),
            // An inbox the rep may not see is never shown because the URL names it.
            ("named, not visible", Some("i-a"), Some(&rep), id("i-b")),
            ("no such inbox", Some("i-zz"), Some(&rep), id("i-b")),
            ("named, no user yet", Some("i-c"), None, id("i-c")),
            ("nothing named, no user", None, None::<&User>, None),
        ];
        for (case, wanted, who, expected) in cases {
            assert_eq!(current_entry(&visible, wanted, who), expected, "{case}");
        }
    }
}
