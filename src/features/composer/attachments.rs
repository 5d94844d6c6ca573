//! The composer's attachments (SPEC §5): an **Attach files** picker (several files at once),
//! the limits stated next to it, each attached file with its name, its size and a **Remove**
//! button, and the message of a refused file. Dropping files on the composer goes through the
//! same `on_files` (see `compose_form`).
//!
//! Must not store or check anything itself: the composer hands files to
//! `services::drafts::attach_files`, which applies `domain::draft::check_attachment`.

use crate::domain::draft::{MAX_FILE_BYTES, MAX_MESSAGE_BYTES};
use crate::domain::{human_size, DraftAttachment};
use crate::i18n::{
    k,
    web::{t, tf},
};
use leptos::html::Input;
use leptos::prelude::*;

/// The files of a `FileList` (picker or drop), in order.
pub fn files_of(list: &web_sys::FileList) -> Vec<web_sys::File> {
    (0..list.length()).filter_map(|i| list.item(i)).collect()
}

#[component]
pub fn Attachments(
    #[prop(into)] id: String,
    #[prop(into)] attachments: Signal<Vec<DraftAttachment>>,
    /// Why the last file(s) were refused, shown next to the control.
    #[prop(into)]
    error: Signal<Option<String>>,
    /// True while picked files are being stored.
    #[prop(into)]
    busy: Signal<bool>,
    on_files: Callback<Vec<web_sys::File>>,
    on_remove: Callback<String>,
) -> impl IntoView {
    let input = NodeRef::<Input>::new();
    let on_change = move |_| {
        let Some(el) = input.get() else { return };
        if let Some(list) = el.files() {
            on_files.run(files_of(&list));
        }
        // Picking the same file again must fire `change` again.
        el.set_value("");
    };
    let hint_id = format!("{id}-attach-hint");
    let error_id = format!("{id}-attach-error");
    let described = format!("{hint_id} {error_id}");
    view! {
        <div class="sb-attach">
            <div class="sb-attach__bar">
                <label class="sb-button sb-attach__button">
                    {t(k::COMPOSER__ATTACH)}
                    <input
                        node_ref=input
                        class="sb-visually-hidden"
                        type="file"
                        multiple
                        aria-describedby=described
                        on:change=on_change
                    />
                </label>
                <span id=hint_id class="sb-attach__hint">
                    {tf(k::COMPOSER__ATTACH_LIMITS, &[("file", &human_size(MAX_FILE_BYTES)), ("email", &human_size(MAX_MESSAGE_BYTES))])}
                </span>
                <Show when=move || busy.get()>
                    <span class="sb-attach__hint" role="status">{t(k::COMPOSER__ATTACHING)}</span>
                </Show>
            </div>
            <p id=error_id class="sb-field__error" role="alert">{move || error.get()}</p>
            <Show when=move || attachments.with(|a| !a.is_empty())>
                <ul class="sb-attach__list" aria-label=t(k::MESSAGE__ATTACHMENTS)>
                    <For
                        each=move || attachments.get()
                        key=|a| a.blob_key.clone()
                        children=move |a: DraftAttachment| {
                            let key = a.blob_key.clone();
                            let remove_label = tf(k::COMPOSER__REMOVE_NAMED, &[("name", &a.file_name)]);
                            view! {
                                <li class="sb-attach__item">
                                    <span class="sb-attach__name">{a.file_name.clone()}</span>
                                    <span class="sb-attach__size">{human_size(a.size)}</span>
                                    <button
                                        type="button"
                                        class="sb-button sb-button--link"
                                        aria-label=remove_label
                                        on:click=move |_| on_remove.run(key.clone())
                                    >
                                        {t(k::COMPOSER__REMOVE)}
                                    </button>
                                </li>
                            }
                        }
                    />
                </ul>
            </Show>
        </div>
    }
}
