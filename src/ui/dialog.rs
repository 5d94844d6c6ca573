//! A confirmation dialog on the native `<dialog>` element: `showModal()` gives focus trapping,
//! Escape to cancel and focus return for free.

use crate::i18n::{k, web::t};
use crate::text::lowercase;
use leptos::html::Dialog;
use leptos::prelude::*;

/// A node ref for a `<dialog>` that is shown with `showModal()` while `open` is true and closed
/// when it turns false. Every modal of the app uses this one mechanism.
pub fn modal_node(open: RwSignal<bool>) -> NodeRef<Dialog> {
    let node = NodeRef::<Dialog>::new();
    // Effect: pushes the `open` signal out to the DOM dialog (no signal is written here).
    Effect::new(move |_| {
        let Some(dialog) = node.get() else { return };
        if open.get() {
            if !dialog.open() {
                let _ = dialog.show_modal();
            }
        } else if dialog.open() {
            dialog.close();
        }
    });
    node
}

/// Builds `children` (a dialog driven by `open`) the first time `open` turns true, and keeps it
/// mounted from then on, so the native dialog still closes itself and returns focus. A screen
/// offering several dialogs (the thread's actions) builds none of them until one is asked for.
#[component]
pub fn MountWhenOpened(open: RwSignal<bool>, children: ChildrenFn) -> impl IntoView {
    let opened = Memo::new(move |was: Option<&bool>| was.copied().unwrap_or(false) || open.get());
    move || opened.get().then(|| children())
}

/// An element id derived from a dialog title, e.g. `dlg-reset-demo-workspace-`.
pub fn dialog_id(prefix: &str, title: &str) -> String {
    format!(
        "{prefix}-{}",
        lowercase(title).replace(|c: char| !c.is_alphanumeric(), "-")
    )
}

/// Shows a modal asking to confirm `title`; `open` drives it, `on_confirm` runs on confirm.
#[component]
pub fn ConfirmDialog(
    open: RwSignal<bool>,
    #[prop(into)] title: String,
    #[prop(into)] body: String,
    #[prop(into)] confirm_label: String,
    #[prop(into)] on_confirm: Callback<()>,
) -> impl IntoView {
    let node = modal_node(open);
    let title_id = dialog_id("dlg", &title);
    let label_id = title_id.clone();
    view! {
        <dialog
            node_ref=node
            class="sb-dialog"
            aria-labelledby=label_id
            on:close=move |_| open.set(false)
        >
            <h2 id=title_id.clone() class="sb-dialog__title">{title}</h2>
            <p>{body}</p>
            <div class="sb-dialog__actions">
                <button class="sb-button" on:click=move |_| open.set(false)>{t(k::COMMON__CANCEL)}</button>

                <button
                    class="sb-button sb-button--danger"
                    on:click=move |_| {
                        open.set(false);
                        on_confirm.run(());
                    }
                >
                    {confirm_label}
                </button>
            </div>
        </dialog>
    }
}
