//! **Retry** on an Outbox message the mail server did not take: queues it again and delivers
//! it at once (the reason of the failure stays visible until it is replaced).

use crate::domain::MessageId;
use crate::i18n::{
    k,
    web::{t, tf},
};
use crate::services::{ctx::ToastKind, jmap, use_app};
use leptos::prelude::*;

#[component]
pub fn OutboxRetry(id: MessageId, subject: String) -> impl IntoView {
    let app = use_app();
    let retry = Action::new_local(move |id: &MessageId| {
        let id = id.clone();
        async move {
            match jmap::retry(app, id).await {
                Ok(()) => app.toast(ToastKind::Info, t(k::MAIL__RETRIED)),
                Err(e) => app.toast_error(&e),
            }
        }
    });
    view! {
        <button
            type="button"
            class="sb-button"
            aria-label=tf(k::MAIL__RETRY_NAMED, &[("subject", &subject)])
            disabled=move || retry.pending().get()
            on:click=move |_| {
                retry.dispatch(id.clone());
            }
        >
            {t(k::MAIL__RETRY)}
        </button>
    }
}
