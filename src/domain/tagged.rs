//! How the internally tagged enums of `model` (`{"kind": "...", ...fields}`) are read: through
//! a flat record of the tag and every variant's fields, converted to the enum. The stored form
//! is exactly the one serde's `#[serde(tag = "kind")]` writes (their `Serialize` stays
//! derived); reading a flat record instead of letting serde buffer the object, find the tag and
//! read the buffer again takes about a third of the code, and every inbox of the directory is
//! read through these at start-up (issue 2: initial load ≤ 250 KB brotli).
//!
//! Owns only the conversion; the enums and their meaning are `model`'s. Pure.

use super::ids::{TeamId, UserId};
use super::model::{AssignTo, FallbackFromAddress, InboxAccess, TicketOwnerRule};
use super::validate::EmailAddress;
use serde::Deserialize;
use thiserror::Error;

/// A variant's field that the record lacks (the same words serde uses for a missing field).
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("missing field `{0}`")]
pub struct MissingField(&'static str);

fn required<T>(value: Option<T>, field: &'static str) -> Result<T, MissingField> {
    value.ok_or(MissingField(field))
}

#[derive(Deserialize)]
#[serde(rename_all = "snake_case")]
enum AccessKind {
    Everyone,
    SpecificUsersAndTeams,
}

/// [`InboxAccess`] as stored.
#[derive(Deserialize)]
pub struct InboxAccessRecord {
    kind: AccessKind,
    #[serde(default)]
    users: Vec<UserId>,
    #[serde(default)]
    teams: Vec<TeamId>,
}

impl From<InboxAccessRecord> for InboxAccess {
    fn from(r: InboxAccessRecord) -> Self {
        match r.kind {
            AccessKind::Everyone => InboxAccess::Everyone,
            AccessKind::SpecificUsersAndTeams => InboxAccess::SpecificUsersAndTeams {
                users: r.users,
                teams: r.teams,
            },
        }
    }
}

#[derive(Deserialize)]
#[serde(rename_all = "snake_case")]
enum AssignKind {
    SpecificUsersAndTeams,
    ContactOwner,
}

/// [`AssignTo`] as stored.
#[derive(Deserialize)]
pub struct AssignToRecord {
    kind: AssignKind,
    #[serde(default)]
    users: Vec<UserId>,
    #[serde(default)]
    teams: Vec<TeamId>,
}

impl From<AssignToRecord> for AssignTo {
    fn from(r: AssignToRecord) -> Self {
        match r.kind {
            AssignKind::SpecificUsersAndTeams => AssignTo::SpecificUsersAndTeams {
                users: r.users,
                teams: r.teams,
            },
            AssignKind::ContactOwner => AssignTo::ContactOwner,
        }
    }
}

#[derive(Deserialize)]
#[serde(rename_all = "snake_case")]
enum FromAddressKind {
    UseDefault,
    Custom,
}

/// [`FallbackFromAddress`] as stored.
#[derive(Deserialize)]
pub struct FallbackFromAddressRecord {
    kind: FromAddressKind,
    address: Option<EmailAddress>,
    verified: Option<bool>,
    #[serde(default)]
    pending_code: Option<String>,
}

impl TryFrom<FallbackFromAddressRecord> for FallbackFromAddress {
    type Error = MissingField;
    fn try_from(r: FallbackFromAddressRecord) -> Result<Self, MissingField> {
        Ok(match r.kind {
            FromAddressKind::UseDefault => FallbackFromAddress::UseDefault,
            FromAddressKind::Custom => FallbackFromAddress::Custom {
                address: required(r.address, "address")?,
                verified: required(r.verified, "verified")?,
                pending_code: r.pending_code,
            },
        })
    }
}

#[derive(Deserialize)]
#[serde(rename_all = "snake_case")]
enum OwnerKind {
    ConversationOwner,
    User,
}

/// [`TicketOwnerRule`] as stored.
#[derive(Deserialize)]
pub struct TicketOwnerRuleRecord {
    kind: OwnerKind,
    user: Option<UserId>,
}

impl TryFrom<TicketOwnerRuleRecord> for TicketOwnerRule {
    type Error = MissingField;
    fn try_from(r: TicketOwnerRuleRecord) -> Result<Self, MissingField> {
        Ok(match r.kind {
            OwnerKind::ConversationOwner => TicketOwnerRule::ConversationOwner,
            OwnerKind::User => TicketOwnerRule::User {
                user: required(r.user, "user")?,
            },
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::de::DeserializeOwned;
    use serde::Serialize;
    use std::fmt::Debug;

    fn round_trip<T: Serialize + DeserializeOwned + PartialEq + Debug>(value: T) {
        let json = serde_json::to_string(&value).expect("serialises");
        let back: T = serde_json::from_str(&json).expect("reads what it wrote");
        assert_eq!(back, value, "{json}");
    }

    fn read<T: DeserializeOwned>(json: &str) -> Result<T, String> {
        serde_json::from_str(json).map_err(|e| e.to_string())
    }

    fn email(s: &str) -> EmailAddress {
        EmailAddress::parse(s).expect("valid address")
    }

    #[test]
    fn every_variant_reads_back_what_it_writes() {
        round_trip(InboxAccess::Everyone);
        round_trip(InboxAccess::SpecificUsersAndTeams {
            users: vec![UserId::new("u-1")],
            teams: vec![TeamId::new("t-1")],
        });
        round_trip(AssignTo::ContactOwner);
        round_trip(AssignTo::SpecificUsersAndTeams {
            users: vec![],
            teams: vec![TeamId::new("t-2")],
        });
        round_trip(FallbackFromAddress::UseDefault);
        round_trip(FallbackFromAddress::Custom {
            address: email("help@example.com"),
            verified: false,
            pending_code: Some("123456".into()),
        });
        round_trip(FallbackFromAddress::Custom {
            address: email("help@example.com"),
            verified: true,
            pending_code: None,
        });
        round_trip(TicketOwnerRule::ConversationOwner);
        round_trip(TicketOwnerRule::User {
            user: UserId::new("u-2"),
        });
    }

    #[test]
    fn the_tag_may_come_after_the_fields_and_defaults_apply() {
        let access: InboxAccess = read(r#"{"users":["u-1"],"kind":"specific_users_and_teams"}"#)
            .expect("tag after a field");
        assert_eq!(
            access,
            InboxAccess::SpecificUsersAndTeams {
                users: vec![UserId::new("u-1")],
                teams: vec![]
            }
        );
        let from: FallbackFromAddress =
            read(r#"{"kind":"custom","address":"a@example.com","verified":true}"#)
                .expect("pending_code defaults");
        assert_eq!(
            from,
            FallbackFromAddress::Custom {
                address: email("a@example.com"),
                verified: true,
                pending_code: None
            }
        );
    }

    #[test]
    fn a_record_without_a_variants_required_field_is_refused() {
        let cases: [(&str, Result<(), String>); 3] = [
            (
                r#"{"kind":"custom","verified":true}"#,
                read::<FallbackFromAddress>(r#"{"kind":"custom","verified":true}"#).map(|_| ()),
            ),
            (
                r#"{"kind":"custom","address":"a@example.com"}"#,
                read::<FallbackFromAddress>(r#"{"kind":"custom","address":"a@example.com"}"#)
                    .map(|_| ()),
            ),
            (
                r#"{"kind":"user"}"#,
                read::<TicketOwnerRule>(r#"{"kind":"user"}"#).map(|_| ()),
            ),
        ];
        for (json, result) in cases {
            let err = result.expect_err(json);
            assert!(err.contains("missing field"), "{json}: {err}");
        }
    }

    #[test]
    fn an_unknown_or_missing_kind_is_refused() {
        assert!(read::<InboxAccess>(r#"{"kind":"nobody"}"#).is_err());
        assert!(read::<InboxAccess>(r#"{"users":[]}"#).is_err());
        assert!(read::<AssignTo>(r#"{"kind":"everyone"}"#).is_err());
        assert!(read::<TicketOwnerRule>(r#"{}"#).is_err());
    }
}
