//! Warnings next to a message's sender (SPEC §8): a display name that imitates another
//! address, mixes alphabets, or hides characters, and a look-alike domain — the rules are
//! `domain::spoof`'s; this only shows them.

use crate::domain::spoof::sender_flags;
use crate::domain::Mailbox;
use leptos::prelude::*;

#[component]
pub fn SenderFlags(sender: Mailbox) -> impl IntoView {
    let flags = sender_flags(sender.name.as_deref(), &sender.address);
    flags
        .iter()
        .map(|flag| {
            view! {
                <p class="sb-msg__spoof" role="note">
                    {flag.message(&sender.address)}
                </p>
            }
        })
        .collect_view()
}
