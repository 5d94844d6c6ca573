//! The mail-checking status under **Settings › Mail server**: the last round (imported,
//! delivered, not delivered, problems in plain words) and a **Check mail now** button.

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
                format!(
                    "Mail checked: {} received, {} delivered, {} not delivered.",
                    r.imported, r.delivered, r.failed
                ),
            ),
            Err(e) => app.toast_error(&e),
        }
    });
    let last = move || status.and_then(|s| s.last.get());
    let busy = move || check.pending().get() || status.is_some_and(|s| s.running.get());
    view! {
        <section class="sb-mail-status" aria-label="Mail checking">
            <h2>"Mail checking"</h2>
            <p class="sb-hint">
                "While Switchboard is open it checks for new mail and delivers the Outbox every "
                "few seconds (the server cannot push)."
            </p>
            <div role="status" class="sb-mail-status__last">
                {move || match last() {
                    None => "Not checked yet.".to_owned(),
                    Some(r) => format!(
                        "Last check: {} received, {} delivered, {} not delivered.",
                        r.imported, r.delivered, r.failed
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
                "Check mail now"
            </button>
        </section>
    }
}
