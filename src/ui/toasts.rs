//! The toast region: a polite live region for outcomes of actions, assertive for errors.

use crate::i18n::{k, web::t};
use crate::services::ctx::{use_app, ToastAction, ToastKind};
use leptos::prelude::*;

/// A toast action's text in the current language. The services name the actions they put on
/// toasts (**Undo**, SPEC §5, and the link to a conversation that moved to the help desk) in
/// English; they are translated here, where they are shown.
fn action_label(label: &str) -> String {
    match label {
        "Undo" => t(k::UI__UNDO),
        "Open in the help desk" => t(k::UI__OPEN_IN_HELP_DESK),
        other => other.to_owned(),
    }
}

#[component]
pub fn Toasts() -> impl IntoView {
    let app = use_app();
    let list = move |kind: ToastKind| {
        app.toasts
            .get()
            .into_iter()
            .filter(move |t| t.kind == kind)
            .map(move |toast| {
                let id = toast.id;
                let class = match kind {
                    ToastKind::Info => "sb-toast",
                    ToastKind::Error => "sb-toast sb-toast--error",
                };
                let action = toast.action.map(|action| match action {
                    ToastAction::Button { label, run } => view! {
                        <button
                            class="sb-button sb-toast__action"
                            on:click=move |_| {
                                app.toasts.update(|v| v.retain(|x| x.id != id));
                                run();
                            }
                        >
                            {action_label(&label)}
                        </button>
                    }
                    .into_any(),
                    ToastAction::Link { label, href } => view! {
                        <a class="sb-toast__action" href=href>{action_label(&label)}</a>

                    }
                    .into_any(),
                });
                view! {
                    <div class=class>
                        <span>{toast.text}</span>
                        {action}
                        <button
                            class="sb-toast__close"
                            aria-label=t(k::UI__DISMISS_NOTIFICATION)

                            on:click=move |_| app.toasts.update(|v| v.retain(|x| x.id != id))
                        >
                            "×"
                        </button>
                    </div>
                }
            })
            .collect_view()
    };
    view! {
        <div class="sb-toasts">
            <div role="status" aria-live="polite">{move || list(ToastKind::Info)}</div>
            <div role="alert" aria-live="assertive">{move || list(ToastKind::Error)}</div>
        </div>
    }
}
