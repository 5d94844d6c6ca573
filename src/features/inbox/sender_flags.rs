//! Warnings next to a message's sender (SPEC §8): a display name that imitates another
//! address, mixes alphabets, or hides characters, and a look-alike domain — the rules are
//! `domain::spoof`'s; this only shows them.

use crate::domain::spoof::{sender_flags, SpoofFlag};
use crate::domain::Mailbox;
use crate::i18n::{
    k,
    web::{t, tf},
};
use leptos::prelude::*;

/// A flag's warning in the current language (the domain's `message()` stays English, for logs
/// and tests). Exhaustive: a new flag without a translation does not compile.
fn flag_text(flag: &SpoofFlag, address: &crate::domain::EmailAddress) -> String {
    match flag {
        SpoofFlag::ImitatesAddress { shown } => tf(
            k::SPOOF__IMITATES_ADDRESS,
            &[("shown", shown), ("address", address)],
        ),
        SpoofFlag::InvisibleCharacters => t(k::SPOOF__INVISIBLE),
        SpoofFlag::BidiControls => t(k::SPOOF__BIDI),
        SpoofFlag::MixedScripts => t(k::SPOOF__MIXED_SCRIPTS),
        SpoofFlag::LookAlikeAddress { decoded } => {
            tf(k::SPOOF__LOOK_ALIKE, &[("decoded", decoded)])
        }
    }
}

#[component]
pub fn SenderFlags(sender: Mailbox) -> impl IntoView {
    let flags = sender_flags(sender.name.as_deref(), &sender.address);
    flags
        .iter()
        .map(|flag| {
            view! {
                <p class="sb-msg__spoof" role="note">
                    {flag_text(flag, &sender.address)}
                </p>
            }
        })
        .collect_view()
}
