//! A modal form on the native `<dialog>` (focus trap, Escape, focus return for free): a title,
//! the fields given as children, **Cancel** and a submit button. Used by the thread actions.

use crate::i18n::{k, web::t};
use crate::ui::dialog::{dialog_id, modal_node};
use leptos::prelude::*;

#[component]
pub fn FormDialog(
    open: RwSignal<bool>,
    #[prop(into)] title: String,
    #[prop(into)] submit_label: String,
    #[prop(into)] on_submit: Callback<()>,
    #[prop(into, optional)] submit_disabled: Signal<bool>,
    children: Children,
) -> impl IntoView {
    let node = modal_node(open);
    let title_id = dialog_id("form-dlg", &title);
    let label_id = title_id.clone();
    view! {
        <dialog
            node_ref=node
            class="sb-dialog"
            aria-labelledby=label_id
            on:close=move |_| open.set(false)
        >
            <form on:submit=move |ev| {
                ev.prevent_default();
                open.set(false);
                on_submit.run(());
            }>
                <h2 id=title_id class="sb-dialog__title">{title}</h2>
                {children()}
                <div class="sb-dialog__actions">
                    <button type="button" class="sb-button" on:click=move |_| open.set(false)>
                        {t(k::COMMON__CANCEL)}

                    </button>
                    <button
                        type="submit"
                        class="sb-button sb-button--primary"
                        disabled=move || submit_disabled.get()
                    >
                        {submit_label}
                    </button>
                </div>
            </form>
        </dialog>
    }
}
