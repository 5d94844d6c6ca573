//! **Actions › Rename inbox**: a name field (non-empty, unique among the other inboxes); the
//! refusal is shown next to the field and a refused save changes nothing.

use super::field_error::FieldError;
use super::modal::Modal;
use crate::domain::Inbox;
use crate::i18n::errors::Translated;
use crate::i18n::{
    k,
    web::{t, tf},
};
use crate::services::settings::{self, field};
use crate::services::{ctx::ToastKind, use_app, AppError};
use leptos::prelude::*;

#[component]
pub fn RenameInboxDialog(open: RwSignal<bool>, inbox: Inbox) -> impl IntoView {
    let app = use_app();
    let id = inbox.id.clone();
    let current = inbox.name.clone();
    view! {
        <Modal open id="rename-inbox" title=Signal::derive(|| t(k::INBOXES__RENAME))>
            {
                let id = id.clone();
                let name = RwSignal::new(current.clone());
                let error = RwSignal::new(None::<AppError>);
                let save = Action::new_local(move |new_name: &String| {
                    let (id, new_name) = (id.clone(), new_name.clone());
                    async move {
                        match settings::rename_inbox(app, id, new_name.clone()).await {
                            Ok(()) => {
                                open.set(false);
                                app.toast(ToastKind::Info, tf(k::INBOXES__RENAMED, &[("name", &new_name.trim())]));
                            }
                            Err(err) => error.set(Some(err)),
                        }
                    }
                });
                let name_error = Signal::derive(move || {
                    error.with(|e| e.as_ref().and_then(|e| e.field(field::INBOX_NAME)))
                });
                let other_error = Signal::derive(move || {
                    error.with(|e| match e {
                        Some(e) if e.field(field::INBOX_NAME).is_none() => Some(e.translated()),
                        _ => None,
                    })
                });
                view! {
                    <form
                        class="sb-form"
                        on:submit=move |ev| {
                            ev.prevent_default();
                            error.set(None);
                            save.dispatch(name.get_untracked());
                        }
                    >
                        <FieldError id="rename-form-error" error=other_error />
                        <label class="sb-field">
                            <span class="sb-field__label">{t(k::INBOXES__NAME)}</span>
                            <input
                                class="sb-input"
                                aria-describedby="rename-name-error"
                                aria-invalid=move || name_error.with(Option::is_some).to_string()
                                prop:value=move || name.get()
                                on:input=move |ev| name.set(event_target_value(&ev))
                            />
                        </label>
                        <FieldError id="rename-name-error" error=name_error />
                        <div class="sb-dialog__actions">
                            <button type="button" class="sb-button" on:click=move |_| open.set(false)>
                                {t(k::COMMON__CANCEL)}
                            </button>
                            <button type="submit" class="sb-button sb-button--primary" disabled=move || save.pending().get()>
                                {t(k::COMMON__SAVE)}

                            </button>
                        </div>
                    </form>
                }
            }
        </Modal>
    }
}
