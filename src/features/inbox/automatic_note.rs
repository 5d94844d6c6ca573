//! What a received message is when no person wrote it (`Message::automatic`, SPEC §9): an
//! **Automatic reply** mark, or a bounce's **Not delivered** note naming each address the
//! team's email did not reach and what the receiving server said. Part of the thread view
//! (a lazily loaded chunk: nothing here is on the first screen).

use crate::domain::spoof::visible;
use crate::domain::{Automatic, FailedRecipient};
use crate::i18n::{
    k,
    web::{t, tf},
};
use leptos::prelude::*;

#[component]
pub fn AutomaticNote(automatic: Automatic) -> impl IntoView {
    let failed = match automatic {
        Automatic::Reply => {
            return view! { <p class="sb-msg__kind">{t(k::MESSAGE__AUTO_REPLY)}</p> }.into_any()
        }
        Automatic::Bounce { failed } => failed,
    };
    let title = t(k::MESSAGE__NOT_DELIVERED);
    let label = title.clone();
    let items = if failed.is_empty() {
        vec![view! { <li>{t(k::MESSAGE__BOUNCE_NOBODY)}</li> }.into_any()]
    } else {
        failed.into_iter().map(recipient).collect()
    };
    view! {
        // A labelled note, not a live region: it is part of the message, not news.
        <div class="sb-msg__bounce" role="note" aria-label=label>
            <strong>{title}</strong>
            <ul>{items}</ul>
        </div>
    }
    .into_any()
}

/// "Not delivered to jane@example.com" and the server's reason (or, without one, the status).
fn recipient(r: FailedRecipient) -> AnyView {
    // Report text comes from a mail server: hidden and direction characters made visible.
    let address = visible(&r.address);
    let detail = match (r.reason, r.status) {
        (Some(reason), _) => Some(tf(
            k::MESSAGE__BOUNCE_REASON,
            &[("reason", &visible(&reason))],
        )),
        (None, Some(status)) => Some(tf(
            k::MESSAGE__BOUNCE_STATUS,
            &[("status", &visible(&status))],
        )),
        (None, None) => None,
    };
    view! {
        <li>
            <span>{tf(k::MESSAGE__NOT_DELIVERED_TO, &[("address", &address)])}</span>
            {detail.map(|d| view! { <br /><span>{d}</span> })}
        </li>
    }
    .into_any()
}
