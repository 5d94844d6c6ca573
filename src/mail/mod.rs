//! RFC 5322 / MIME in and out (SPEC §9): parse received `.eml` files into [`ParsedEmail`],
//! build sent messages into the exact bytes that will be delivered.
//!
//! `jmap` holds the JMAP protocol as pure data (requests built, responses parsed).
//!
//! Pure: no browser crates, no clock, no randomness (Message-IDs and dates are handed in), no
//! storage. Routing and threading decisions live in `domain::threading`; HTML sanitising is
//! done before display, elsewhere.

pub mod automatic;
pub mod build;
mod decode;
pub mod inline;
pub mod jmap;
pub mod parse;
pub mod received;
mod tnef;

pub use build::{
    build_message, new_message_id, reply_headers, reply_subject, BuildError, BuiltMessage,
    HeaderField, OutgoingAttachment, OutgoingEmail,
};
pub use parse::{html_to_text, parse_eml, ParseError, ParsedAttachment, ParsedEmail};
pub use received::received_message;
