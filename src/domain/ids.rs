//! Newtype ids. Every entity has its own id type so a `UserId` can never be passed where a
//! `TeamId` is expected. Ids are opaque strings (demo data uses readable ones such as
//! `u-ana`); new ids are made by the shell from time + randomness and handed in.

use serde::{Deserialize, Serialize};
use std::fmt;

macro_rules! id_type {
    ($($(#[$meta:meta])* $name:ident),* $(,)?) => {$(
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub String);

        impl $name {
            pub fn new(value: impl Into<String>) -> Self {
                Self(value.into())
            }
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl From<&str> for $name {
            fn from(value: &str) -> Self {
                Self(value.to_owned())
            }
        }
    )*};
}

id_type!(
    /// A user (rep, admin, super admin) of the workspace.
    UserId,
    /// A team of users.
    TeamId,
    /// A customer contact.
    ContactId,
    /// A team inbox.
    InboxId,
    /// A channel of an inbox: its fallback email or a connected team email address.
    ChannelId,
    /// A conversation (thread).
    ConversationId,
    /// One message (incoming, outgoing, or an internal comment) of a conversation.
    MessageId,
    /// A help desk ticket.
    TicketId,
    /// A reusable template or snippet.
    TemplateId,
);
