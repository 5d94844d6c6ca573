//! Light read models of stored records for the first inbox paint (issue 2: initial load ≤ 250 KB
//! brotli): a user, a channel, a conversation list row and a row's contact, each holding only
//! the fields the first screen reads. They are read from the SAME stored objects as the whole
//! `User`, `Channel`, `Conversation` and `Contact`, field by field through [`StoredFields`]
//! (the browser shell reads the stored object's properties directly), so the first screen
//! holds neither the serde deserialisers of the whole records nor derived ones of these (a
//! derived struct deserialiser is ≈3 KB of wasm each, most of it the same for any struct).
//!
//! Every field is read under its stored name with the whole record's rule: a required field
//! missing, null or of another type fails the read; an `Option` is `None` when missing or null;
//! a `#[serde(default)]` field is its default when missing (or null). Tested on the demo data
//! below against serde's reading of the whole records. Owns no rule: access is decided by
//! `access::access_role` through [`AccessActor`], never here. Nothing that decides a From
//! address, an automation, a setting or a send takes these (they lack the fields that would):
//! those take the whole records. Pure.

use super::access::AccessActor;
use super::ids::{ChannelId, ContactId, ConversationId, InboxId, TeamId, UserId};
use super::model::{Channel, Millis, Role, User};

/// A stored field that is not what its record needs (missing, null or of another type).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("a stored record has no valid {field}")]
pub struct FieldError {
    pub field: &'static str,
}

/// The fields of one stored record (a plain object), by name. `Ok(None)` when the field is
/// missing or null; `Err` when it holds another type.
pub trait StoredFields {
    fn text(&self, name: &'static str) -> Result<Option<String>, FieldError>;
    fn number(&self, name: &'static str) -> Result<Option<f64>, FieldError>;
    fn flag(&self, name: &'static str) -> Result<Option<bool>, FieldError>;
    fn texts(&self, name: &'static str) -> Result<Option<Vec<String>>, FieldError>;
}

fn required<T>(name: &'static str, value: Option<T>) -> Result<T, FieldError> {
    value.ok_or(FieldError { field: name })
}

fn text(r: &impl StoredFields, name: &'static str) -> Result<String, FieldError> {
    required(name, r.text(name)?)
}

/// A whole number of milliseconds (what serde reads into an `i64`: no fraction).
fn millis(r: &impl StoredFields, name: &'static str) -> Result<Millis, FieldError> {
    let n = required(name, r.number(name)?)?;
    if n.fract() != 0.0 || n.abs() > 9_007_199_254_740_991.0 {
        return Err(FieldError { field: name });
    }
    Ok(n as Millis)
}

/// A user as the first screen knows them: who they are (id, name), their role (the account
/// menu, the inbox picker's admin view) and teams (inbox access).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UserEntry {
    pub id: UserId,
    pub first_name: String,
    pub last_name: String,
    pub role: Role,
    pub primary_team: Option<TeamId>,
    pub additional_teams: Vec<TeamId>,
}

impl UserEntry {
    /// Reads a stored user record.
    pub fn read(r: &impl StoredFields) -> Result<Self, FieldError> {
        let role = text(r, "role")?;
        Ok(UserEntry {
            id: UserId(text(r, "id")?),
            first_name: text(r, "first_name")?,
            last_name: text(r, "last_name")?,
            role: *required(
                "role",
                Role::ALL_STORED.iter().find(|v| v.stored_name() == role),
            )?,
            primary_team: r.text("primary_team")?.map(TeamId),
            additional_teams: r
                .texts("additional_teams")?
                .unwrap_or_default()
                .into_iter()
                .map(TeamId)
                .collect(),
        })
    }

    /// The same name as `User::full_name`.
    pub fn full_name(&self) -> String {
        super::model::full_name(&self.first_name, &self.last_name)
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
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChannelEntry {
    pub id: ChannelId,
    pub inbox: InboxId,
    pub address: String,
    pub display_name: String,
    pub enabled: bool,
}

impl ChannelEntry {
    /// Reads a stored channel record.
    pub fn read(r: &impl StoredFields) -> Result<Self, FieldError> {
        Ok(ChannelEntry {
            id: ChannelId(text(r, "id")?),
            inbox: InboxId(text(r, "inbox")?),
            address: text(r, "address")?,
            display_name: text(r, "display_name")?,
            enabled: required("enabled", r.flag("enabled")?)?,
        })
    }
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
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConversationEntry {
    pub id: ConversationId,
    pub contact: ContactId,
    pub subject: String,
    pub last_activity: Millis,
    pub snippet: String,
}

impl ConversationEntry {
    /// Reads a stored conversation record.
    pub fn read(r: &impl StoredFields) -> Result<Self, FieldError> {
        Ok(ConversationEntry {
            id: ConversationId(text(r, "id")?),
            contact: ContactId(text(r, "contact")?),
            subject: text(r, "subject")?,
            last_activity: millis(r, "last_activity")?,
            snippet: r.text("snippet")?.unwrap_or_default(),
        })
    }
}

/// What a list row shows of its contact: the name, else the address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContactName {
    pub email: String,
    pub name: Option<String>,
}

impl ContactName {
    /// Reads a stored contact record.
    pub fn read(r: &impl StoredFields) -> Result<Self, FieldError> {
        Ok(ContactName {
            email: text(r, "email")?,
            name: r.text("name")?,
        })
    }

    /// The same text as `Contact::display_name`.
    pub fn display_name(&self) -> String {
        match &self.name {
            Some(name) if !name.trim().is_empty() => name.clone(),
            _ => self.email.clone(),
        }
    }
}

/// A record as JSON (the demo file, the tests): the same rules as the browser's stored objects.
impl StoredFields for serde_json::Value {
    fn text(&self, name: &'static str) -> Result<Option<String>, FieldError> {
        match self.get(name) {
            None | Some(serde_json::Value::Null) => Ok(None),
            Some(serde_json::Value::String(s)) => Ok(Some(s.clone())),
            Some(_) => Err(FieldError { field: name }),
        }
    }
    fn number(&self, name: &'static str) -> Result<Option<f64>, FieldError> {
        match self.get(name) {
            None | Some(serde_json::Value::Null) => Ok(None),
            Some(v) => v.as_f64().map(Some).ok_or(FieldError { field: name }),
        }
    }
    fn flag(&self, name: &'static str) -> Result<Option<bool>, FieldError> {
        match self.get(name) {
            None | Some(serde_json::Value::Null) => Ok(None),
            Some(v) => v.as_bool().map(Some).ok_or(FieldError { field: name }),
        }
    }
    fn texts(&self, name: &'static str) -> Result<Option<Vec<String>>, FieldError> {
        match self.get(name) {
            None | Some(serde_json::Value::Null) => Ok(None),
            Some(serde_json::Value::Array(items)) => items
                .iter()
                .map(|i| {
                    i.as_str()
                        .map(str::to_owned)
                        .ok_or(FieldError { field: name })
                })
                .collect::<Result<_, _>>()
                .map(Some),
            Some(_) => Err(FieldError { field: name }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Contact, Conversation};
    use serde::de::DeserializeOwned;
    use serde_json::{json, Value};

    fn demo() -> Value {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/public/demo/workspace.json");
        let text = std::fs::read_to_string(path).expect("public/demo/workspace.json");
        serde_json::from_str(&text).expect("demo workspace is JSON")
    }

    /// Every record of `store` in the demo data, read as the whole record (serde) and as the
    /// light one (`read`).
    fn both<W: DeserializeOwned, L>(
        store: &str,
        read: fn(&Value) -> Result<L, FieldError>,
    ) -> Vec<(W, L)> {
        let data = demo();
        let list = data[store].as_array().expect("a list of records");
        assert!(!list.is_empty(), "demo {store} is empty");
        list.iter()
            .map(|v| {
                let whole: W = serde_json::from_value(v.clone()).expect("whole record");
                (whole, read(v).expect("light record"))
            })
            .collect()
    }

    #[test]
    fn a_user_entry_reads_what_the_whole_user_reads() {
        for (whole, light) in both::<User, _>("users", UserEntry::read) {
            assert_eq!(UserEntry::from(&whole), light, "{}", whole.id);
            assert_eq!(whole.full_name(), light.full_name());
        }
    }

    #[test]
    fn a_channel_entry_reads_what_the_whole_channel_reads() {
        for (whole, light) in both::<Channel, _>("channels", ChannelEntry::read) {
            assert_eq!(ChannelEntry::from(&whole), light, "{}", whole.id);
        }
    }

    #[test]
    fn a_conversation_entry_reads_what_the_whole_conversation_reads() {
        for (whole, light) in both::<Conversation, _>("conversations", ConversationEntry::read) {
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
        for (whole, light) in both::<Contact, _>("contacts", ContactName::read) {
            assert_eq!(whole.display_name(), light.display_name(), "{}", whole.id);
        }
    }

    /// Optional and defaulted fields left out, and the index fields a stored record carries
    /// (`_t`, `_area`...), read alike in both.
    #[test]
    fn missing_optional_fields_and_index_fields_read_alike() {
        let user = json!({
            "id": "u-x", "first_name": "Ann", "last_name": "", "email": "ann@example.com",
            "seat": "free", "availability": "away", "role": "user", "primary_team": null,
            "_t": ["ann"]
        });
        let whole: User = serde_json::from_value(user.clone()).expect("whole user");
        let light = UserEntry::read(&user).expect("light user");
        assert_eq!(UserEntry::from(&whole), light);
        assert_eq!(light.full_name(), "Ann");

        let conversation = json!({
            "id": "conv-x", "inbox": "i", "area": "inbox", "channel": "ch", "contact": "c",
            "subject": "Hi", "status": "open", "assignee": null, "ticket": null,
            "created_at": 1, "last_activity": 2, "_area": "inbox", "_bucket": "open"
        });
        let whole: Conversation = serde_json::from_value(conversation.clone()).expect("whole");
        let light = ConversationEntry::read(&conversation).expect("light");
        assert_eq!(
            (whole.snippet, whole.last_activity),
            (light.snippet, light.last_activity)
        );

        let contact = json!({"id": "c", "email": "a@b.example", "name": "  "});
        let whole: Contact = serde_json::from_value(contact.clone()).expect("whole contact");
        let light = ContactName::read(&contact).expect("light contact");
        assert_eq!(whole.display_name(), light.display_name());
        assert_eq!(light.display_name(), "a@b.example");
    }

    /// A record the whole type refuses is refused by the light one too, naming the field.
    #[test]
    fn a_record_the_whole_type_refuses_is_refused() {
        let user = |patch: (&str, Value)| {
            let mut v = json!({
                "id": "u-x", "first_name": "Ann", "last_name": "B", "email": "ann@example.com",
                "seat": "free", "availability": "away", "role": "user", "primary_team": "t"
            });
            v[patch.0] = patch.1;
            v
        };
        let cases = [
            (user(("first_name", Value::Null)), "first_name"),
            (user(("role", json!("owner"))), "role"),
            (user(("role", json!(3))), "role"),
            (user(("primary_team", json!(7))), "primary_team"),
            (
                user(("additional_teams", json!(["t", 1]))),
                "additional_teams",
            ),
        ];
        for (record, field) in cases {
            assert!(
                serde_json::from_value::<User>(record.clone()).is_err(),
                "{field}"
            );
            assert_eq!(
                UserEntry::read(&record),
                Err(FieldError { field }),
                "{field}"
            );
        }
        let conversation = json!({
            "id": "conv-x", "contact": "c", "subject": "Hi", "last_activity": 2.5
        });
        assert_eq!(
            ConversationEntry::read(&conversation),
            Err(FieldError {
                field: "last_activity"
            })
        );
        let channel = json!({
            "id": "ch", "inbox": "i", "address": "a@b.example", "display_name": "A",
            "enabled": "yes"
        });
        assert_eq!(
            ChannelEntry::read(&channel),
            Err(FieldError { field: "enabled" })
        );
    }
}
