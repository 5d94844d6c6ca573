//! The settings dialogs' frame: a native `<dialog>` opened with `showModal()` (focus trap,
//! Escape and focus return from the browser), titled for screen readers. It owns no form state.

use leptos::html::Dialog;
use leptos::prelude::*;

#[component]
pub fn Modal(
    open: RwSignal<bool>,
    /// Unique id of the title element.
    #[prop(into)]
    id: String,
    #[prop(into)] title: Signal<String>,
    children: ChildrenFn,
) -> impl IntoView {
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
    let title_id = format!("{id}-title");
    let labelled_by = title_id.clone();
    view! {
        <dialog
            node_ref=node
            class="sb-dialog sb-settings-dialog"
            aria-labelledby=labelled_by
            on:close=move |_| open.set(false)
        >
            <h2 id=title_id class="sb-dialog__title">{move || title.get()}</h2>
            {move || open.get().then(|| children())}
        </dialog>
    }
}
