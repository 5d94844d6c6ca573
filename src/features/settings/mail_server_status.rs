//! The mail-checking status under **Settings › Mail server**: the last round (imported,
//! delivered, not delivered, problems in plain words) and a **Check mail now** button.

use crate::i18n::{
    k,
    web::{t, tf},
};
use crate::services::{ctx::ToastKind, jmap, use_app};
use leptos::prelude::*;

#[component]
pub fn MailServerStatus() -> impl IntoView {
    let app = use_app();
    let status = jmap::use_mail_status();
    let check = Action::new_local(move |_: &()| async move {
        match jmap::check_now(app).await {
            Ok(r) => app.toast(
                ToastKind::Info,
                tf(
                    k::MAILSERVER__CHECKED,
                    &[
                        ("received", &r.imported),
                        ("delivered", &r.delivered),
                        ("failed", &r.failed),
                    ],
                ),
            ),
            Err(e) => app.toast_error(&e),
        }
    });
    let last = move || status.and_then(|s| s.last.get());
    let busy = move || check.pending().get() || status.is_some_and(|s| s.running.get());
    view! {
        <section class="sb-mail-status" aria-label=t(k::MAILSERVER__CHECKING)>
            <h2>{t(k::MAILSERVER__CHECKING)}</h2>
            <p class="sb-hint">
                {t(k::MAILSERVER__CHECKING_HINT)}
            </p>
            <div role="status" class="sb-mail-status__last">
                {move || match last() {
                    None => t(k::MAILSERVER__NOT_CHECKED),
                    Some(r) => tf(
                        k::MAILSERVER__LAST_CHECK,
                        &[("received", &r.imported), ("delivered", &r.delivered), ("failed", &r.failed)],
                    ),
                }}
            </div>
            <ul class="sb-mail-status__problems">
                {move || {
                    last()
                        .map(|r| r.problems)
                        .unwrap_or_default()
                        .into_iter()
                        .map(|p| view! { <li>{p}</li> })
                        .collect_view()
                }}
            </ul>
            <button
                type="button"
                class="sb-button"
                disabled=busy
                on:click=move |_| {
                    check.dispatch(());
                }
            >
                {t(k::MAILSERVER__CHECK_NOW)}
            </button>
        </section>
    }
}
