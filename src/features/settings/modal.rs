//! The settings dialogs' frame: a native `<dialog>` opened with `showModal()` (focus trap,
//! Escape and focus return from the browser), titled for screen readers. It owns no form state.

use crate::ui::dialog::modal_node;
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
    let node = modal_node(open);
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
