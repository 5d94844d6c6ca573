//! Unit enums stored as their snake_case names ("free", "waiting_on_us"), with one table of
//! names per enum used both ways (issue 2: initial load ≤ 250 KB brotli).
//!
//! serde's derived `Deserialize` gives every unit enum its own visitor (strings, bytes,
//! indices, enum access): about 1.1 KB of wasm each, a dozen of them in the first screen's
//! directory and list reads. Here a name is read as a string once, by one function per
//! deserializer, and looked up in the enum's table. The stored form is exactly what
//! `#[serde(rename_all = "snake_case")]` wrote, so existing databases and data files read the
//! same; `tests/stored_names.rs` round-trips every variant. Owns only this; pure.

use serde::de::{Deserialize, Deserializer, Error};

/// The position of the stored name in `names`, or serde's "unknown variant" error.
pub fn variant_index<'de, D: Deserializer<'de>>(
    deserializer: D,
    names: &'static [&'static str],
) -> Result<usize, D::Error> {
    let name = String::deserialize(deserializer)?;
    names
        .iter()
        .position(|n| *n == name)
        .ok_or_else(|| D::Error::unknown_variant(&name, names))
}

/// `Serialize` / `Deserialize` for a unit enum from its variants and stored names, plus
/// `ALL` (every variant, in order) and `stored_name()`.
macro_rules! stored_names {
    ($ty:ident { $($variant:ident => $name:literal),+ $(,)? }) => {
        impl $ty {
            /// Every variant, in declaration order.
            pub const ALL_STORED: &'static [$ty] = &[$($ty::$variant),+];
            const STORED_NAMES: &'static [&'static str] = &[$($name),+];

            /// The name this value is stored under.
            pub fn stored_name(&self) -> &'static str {
                match self {
                    $($ty::$variant => $name),+
                }
            }
        }

        impl serde::Serialize for $ty {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.stored_name())
            }
        }

        impl<'de> serde::Deserialize<'de> for $ty {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let index =
                    $crate::domain::stored_name::variant_index(deserializer, Self::STORED_NAMES)?;
                Ok(Self::ALL_STORED[index].clone())
            }
        }
    };
}
pub(crate) use stored_names;
