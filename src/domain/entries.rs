//! Light read models of stored records for the first inbox paint (issue 2: initial load ≤ 250 KB
//! brotli): a user, a channel, a conversation list row and a row's contact, each holding only
//! the fields the first screen reads. They deserialise from the SAME stored objects as the
//! whole `User`, `Channel`, `Conversation` and `Contact` (serde skips the other fields), so the
//! first screen does not hold the deserialisers of the whole records; those are read by the
//! pages that need them (the whole directory, the open thread).
//!
//! Every field keeps the name, type of stored value and `#[serde(default)]` of its whole
//! record's field, so the two always read the same value (tested on the demo data below).
//! Owns no rule: access is decided by `access::access_role` through [`AccessActor`], never
//! here. Nothing that decides a From address, an automation, a setting or a send takes these
//! (they lack the fields that would): those take the whole records. Pure.

use super::access::AccessActor;
use super::ids::{ChannelId, ContactId, ConversationId, InboxId, TeamId, UserId};
use super::model::{Channel, Millis, Role, User};
use serde::Deserialize;

/// A user as the first screen knows them: who they are (id, name), their role (the account
/// menu, the inbox picker's admin view) and teams (inbox access).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct UserEntry {
    pub id: UserId,
    pub first_name: String,
    pub last_name: String,
    pub role: Role,
    pub primary_team: Option<TeamId>,
    #[serde(default)]
    pub additional_teams: Vec<TeamId>,
}

impl UserEntry {
    /// The same name as `User::full_name`.
    pub fn full_name(&self) -> String {
        format!("{} {}", self.first_name, self.last_name)
            .trim()
            .to_owned()
    }

    /// Primary team first, then additional teams.
    pub fn teams(&self) -> impl Iterator<Item = &TeamId> {
        self.primary_team.iter().chain(self.additional_teams.iter())
    }
}

impl AccessActor for UserEntry {
    fn user_id(&self) -> &UserId {
        &self.id
    }
    fn user_role(&self) -> Role {
        self.role
    }
    fn in_team(&self, team: &TeamId) -> bool {
        self.teams().any(|t| t == team)
    }
}

impl From<&User> for UserEntry {
    fn from(u: &User) -> Self {
        UserEntry {
            id: u.id.clone(),
            first_name: u.first_name.clone(),
            last_name: u.last_name.clone(),
            role: u.role,
            primary_team: u.primary_team.clone(),
            additional_teams: u.additional_teams.clone(),
        }
    }
}

/// A channel as the list filter bar shows it: its inbox, name and address, and whether it is
/// enabled. The address is the stored text as is (it was validated when written); nothing
/// sends with it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct ChannelEntry {
    pub id: ChannelId,
    pub inbox: InboxId,
    pub address: String,
    pub display_name: String,
    pub enabled: bool,
}

impl From<&Channel> for ChannelEntry {
    fn from(c: &Channel) -> Self {
        ChannelEntry {
            id: c.id.clone(),
            inbox: c.inbox.clone(),
            address: c.address.to_string(),
            display_name: c.display_name.clone(),
            enabled: c.enabled,
        }
    }
}

/// A conversation as a list row shows it (contact, subject, preview, time) and as the list
/// pages by it (`last_activity`, `id`: the index order).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct ConversationEntry {
    pub id: ConversationId,
    pub contact: ContactId,
    pub subject: String,
    pub last_activity: Millis,
    #[serde(default)]
    pub snippet: String,
}

/// What a list row shows of its contact: the name, else the address.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct ContactName {
    pub email: String,
    pub name: Option<String>,
}

impl ContactName {
    /// The same text as `Contact::display_name`.
    pub fn display_name(&self) -> String {
        match &self.name {
            Some(name) if !name.trim().is_empty() => name.clone(),
            _ => self.email.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Contact, Conversation};
    use serde::de::DeserializeOwned;
    use serde_json::Value;

    fn demo() -> Value {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/public/demo/workspace.json");
        let text = std::fs::read_to_string(path).expect("public/demo/workspace.json");
        serde_json::from_str(&text).expect("demo workspace is JSON")
    }

    /// Every stored object of `store` in the demo data, decoded as the whole record and as the
    /// light one; `agree` compares the fields they share.
    fn both<W: DeserializeOwned, L: DeserializeOwned>(store: &str) -> Vec<(W, L)> {
        let data = demo();
        let list = data[store].as_array().expect("a list of records");
        assert!(!list.is_empty(), "demo {store} is empty");
        list.iter()
            .map(|v| {
                let whole: W = serde_json::from_value(v.clone()).expect("whole record");
                let light: L = serde_json::from_value(v.clone()).expect("light record");
                (whole, light)
            })
            .collect()
    }

    #[test]
    fn a_user_entry_reads_what_the_whole_user_reads() {
        for (whole, light) in both::<User, UserEntry>("users") {
            assert_eq!(UserEntry::from(&whole), light, "{}", whole.id);
            assert_eq!(whole.full_name(), light.full_name());
            assert_eq!(
                whole.teams().collect::<Vec<_>>(),
                light.teams().collect::<Vec<_>>()
            );
        }
    }

    #[test]
    fn a_channel_entry_reads_what_the_whole_channel_reads() {
        for (whole, light) in both::<Channel, ChannelEntry>("channels") {
            assert_eq!(ChannelEntry::from(&whole), light, "{}", whole.id);
        }
    }

    #[test]
    fn a_conversation_entry_reads_what_the_whole_conversation_reads() {
        for (whole, light) in both::<Conversation, ConversationEntry>("conversations") {
            let from_whole = ConversationEntry {
                id: whole.id.clone(),
                contact: whole.contact.clone(),
                subject: whole.subject.clone(),
                last_activity: whole.last_activity,
                snippet: whole.snippet.clone(),
            };
            assert_eq!(from_whole, light, "{}", whole.id);
        }
    }

    #[test]
    fn a_contact_name_is_the_whole_contacts_display_name() {
        for (whole, light) in both::<Contact, ContactName>("contacts") {
            assert_eq!(whole.display_name(), light.display_name(), "{}", whole.id);
        }
    }

    /// The defaults of optional fields and the index fields a stored record carries (`_t`,
    /// `_area`...) read the same way in both.
    #[test]
    fn missing_optional_fields_and_index_fields_read_alike() {
        let user = serde_json::json!({
            "id": "u-x", "first_name": "Ann", "last_name": "", "email": "ann@example.com",
            "seat": "free", "availability": "away", "role": "user", "primary_team": null,
            "_t": ["ann"]
        });
        let whole: User = serde_json::from_value(user.clone()).expect("whole user");
        let light: UserEntry = serde_json::from_value(user).expect("light user");
        assert_eq!(UserEntry::from(&whole), light);
        assert_eq!(light.full_name(), "Ann");

        let conversation = serde_json::json!({
            "id": "conv-x", "inbox": "i", "area": "inbox", "channel": "ch", "contact": "c",
            "subject": "Hi", "status": "open", "assignee": null, "ticket": null,
            "created_at": 1, "last_activity": 2, "_area": "inbox", "_bucket": "open"
        });
        let whole: Conversation = serde_json::from_value(conversation.clone()).expect("whole");
        let light: ConversationEntry = serde_json::from_value(conversation).expect("light");
        assert_eq!(
            (whole.snippet, whole.last_activity),
            (light.snippet, light.last_activity)
        );

        let contact = serde_json::json!({"id": "c", "email": "a@b.example", "name": "  "});
        let whole: Contact = serde_json::from_value(contact.clone()).expect("whole contact");
        let light: ContactName = serde_json::from_value(contact).expect("light contact");
        assert_eq!(whole.display_name(), light.display_name());
        assert_eq!(light.display_name(), "a@b.example");
    }
}
