//! **Discard** a draft (SPEC §7): asks once (a confirmation dialog), removes the stored draft,
//! and offers **Undo** in a toast, which puts it back exactly — recipients, body, attachments,
//! the From and whether it was chosen deliberately. The attachment blobs are removed only once
//! the Undo is no longer offered. Used in the composer and in the **Drafts** view.
//!
//! Must not touch storage itself (`services::drafts` does).

use crate::domain::{Draft, DraftKey};
use crate::i18n::{
    k,
    web::{t, tf},
};
use crate::services::ctx::{ToastAction, ToastKind};
use crate::services::{drafts, AppCtx, AppError};
use crate::ui::ConfirmDialog;
use leptos::prelude::*;

/// How long after the Undo toast appeared the blobs of a discarded draft are kept (the toast
/// shows for 10 s; a little more so a late click still finds them).
const KEEP_BLOBS_MS: u32 = 12_000;

/// Announces a finished discard with **Undo**, and sweeps the blobs once Undo is gone.
pub fn after_discard(app: AppCtx, draft: Draft, on_restored: Option<Callback<()>>) {
    let key: DraftKey = draft.key.clone();
    let undo_draft = draft.clone();
    app.toast_with(
        ToastKind::Info,
        t(k::COMPOSER__DISCARDED),
        ToastAction::button("Undo", move || {
            let draft = undo_draft.clone();
            leptos::task::spawn_local(async move {
                match drafts::restore(app, &draft).await {
                    Ok(_) => {
                        app.toast(ToastKind::Info, t(k::COMPOSER__RESTORED));
                        // The Undo may come after the composer that offered it was closed.
                        if let Some(cb) = on_restored {
                            cb.try_run(());
                        }
                    }
                    Err(err) => app.toast_error(&err),
                }
            });
        }),
    );
    gloo_timers::callback::Timeout::new(KEEP_BLOBS_MS, move || {
        leptos::task::spawn_local(async move {
            let _ = drafts::sweep_blobs(app, &key).await;
        });
    })
    .forget();
}

/// The **Discard** button with its confirmation. `discard` does the work and returns the draft
/// as it was (for Undo).
#[component]
pub fn DiscardButton<F, Fut>(
    app: AppCtx,
    /// What is discarded, e.g. "this draft" or "draft “Subject”" (the dialog's title and the
    /// button's accessible name say it, so rows of a list stay distinct).
    #[prop(into)]
    what: String,
    discard: F,
    #[prop(optional)] on_restored: Option<Callback<()>>,
) -> impl IntoView
where
    F: Fn() -> Fut + Clone + Send + Sync + 'static,
    Fut: std::future::Future<Output = Result<Draft, AppError>> + 'static,
{
    let open = RwSignal::new(false);
    let label = tf(k::COMPOSER__DISCARD_NAMED, &[("what", &what)]);
    let confirm = Callback::new(move |_| {
        let discard = discard.clone();
        leptos::task::spawn_local(async move {
            match discard().await {
                Ok(draft) => after_discard(app, draft, on_restored),
                Err(err) => app.toast_error(&err),
            }
        });
    });
    view! {
            <button
                type="button"
                class="sb-button"
                aria-label=label
                on:click=move |_| open.set(true)
            >
    {t(k::COMPOSER__DISCARD)}
            </button>
            <ConfirmDialog
                open=open
                title=tf(k::COMPOSER__DISCARD_TITLE, &[("what", &what)])
                body=t(k::COMPOSER__DISCARD_BODY)
                confirm_label=t(k::COMPOSER__DISCARD)
                on_confirm=confirm
            />
        }
}
