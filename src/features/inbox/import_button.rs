//! **Import email** (SPEC §9): a button backed by a hidden multi-file picker for `.eml` files,
//! a drop zone around the conversation list, and the per-file results ("order-question.eml:
//! added to Support, new conversation"). The work is done by `services::import`.

use crate::i18n::{
    k,
    web::{t, tn},
};
use crate::services::ctx::ToastKind;
use crate::services::import::{self, FileResult};
use crate::services::{use_app, AppCtx};
use leptos::html::Input;
use leptos::prelude::*;

/// The results of the last import, shared by the button and the drop zone.
pub type ImportResults = RwSignal<Option<Vec<FileResult>>>;

fn start(app: AppCtx, results: ImportResults, busy: RwSignal<bool>, files: &web_sys::FileList) {
    let files = import::files_of(files);
    if files.is_empty() {
        return;
    }
    busy.set(true);
    leptos::task::spawn_local(async move {
        let list = import::import_file_list(app, files).await;
        let added = list.iter().filter(|r| r.imported).count();
        let kind = if added == list.len() {
            ToastKind::Info
        } else {
            ToastKind::Error
        };
        app.toast(
            kind,
            tn(k::IMPORT__DONE, list.len() as u64, &[("added", &added)]),
        );
        results.set(Some(list));
        busy.set(false);
    });
}

#[component]
pub fn ImportButton(results: ImportResults, busy: RwSignal<bool>) -> impl IntoView {
    let app = use_app();
    let input = NodeRef::<Input>::new();
    let on_change = move |_| {
        let Some(el) = input.get() else { return };
        if let Some(files) = el.files() {
            start(app, results, busy, &files);
        }
        // Picking the same files again must fire `change` again.
        el.set_value("");
    };
    view! {
        <div class="sb-import">
            <label class="sb-button sb-import__button">
                {t(k::IMPORT__BUTTON)}
                <input
                    node_ref=input
                    class="sb-visually-hidden"
                    type="file"
                    multiple
                    accept=".eml,message/rfc822"
                    on:change=on_change
                />
            </label>
            <Show when=move || busy.get()>
                <p class="sb-note" role="status">{t(k::IMPORT__IMPORTING)}</p>
            </Show>
            {move || results.get().map(|list| view! {
                <section class="sb-import__results" aria-label=t(k::IMPORT__RESULTS)>
                    <ul>
                        {list.into_iter().map(|r| {
                            let class = if r.imported { "sb-import__ok" } else { "sb-import__refused" };
                            view! { <li class=class>{r.line()}</li> }
                        }).collect_view()}
                    </ul>
                    <button class="sb-button sb-button--link" on:click=move |_| results.set(None)>
                        {t(k::IMPORT__DISMISS)}
                    </button>
                </section>
            })}
        </div>
    }
}

/// Accepts `.eml` files dropped on the conversation list.
#[component]
pub fn ImportDropZone(
    results: ImportResults,
    busy: RwSignal<bool>,
    children: Children,
) -> impl IntoView {
    let app = use_app();
    let over = RwSignal::new(false);
    view! {
        <div
            class="sb-dropzone"
            class:sb-dropzone--over=move || over.get()
            on:dragover=move |ev: web_sys::DragEvent| {
                ev.prevent_default();
                over.set(true);
            }
            on:dragleave=move |_| over.set(false)
            on:drop=move |ev: web_sys::DragEvent| {
                ev.prevent_default();
                over.set(false);
                if let Some(files) = ev.data_transfer().and_then(|d| d.files()) {
                    start(app, results, busy, &files);
                }
            }
        >
            {children()}
            <Show when=move || over.get()>
                <p class="sb-dropzone__hint">{t(k::IMPORT__DROP)}</p>

            </Show>
        </div>
    }
}
