//! RFC 5322 / MIME in and out: parse received `.eml` files, build sent messages. Pure; no
//! browser crates.
