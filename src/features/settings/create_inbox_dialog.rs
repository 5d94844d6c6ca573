//! **Actions › Create new inbox**, in two steps: **Team inbox name** and **Who has inbox
//! access**, then **Next** creates the inbox (with its fallback email channel); step two
//! offers **Connect channel** (a **Team email** address) or **Connect channel later**.

use super::access_picker::{AccessPicker, AccessState};
use super::connect_channel_form::ConnectChannelForm;
use super::field_error::FieldError;
use super::modal::Modal;
use crate::domain::{InboxAccess, InboxId};
use crate::i18n::errors::Translated;
use crate::i18n::{
    k,
    web::{t, tf},
};
use crate::services::settings::{self, field};
use crate::services::{ctx::ToastKind, use_app, AppError};
use leptos::prelude::*;

#[component]
pub fn CreateInboxDialog(open: RwSignal<bool>, on_created: Callback<InboxId>) -> impl IntoView {
    let app = use_app();
    view! {
        <Modal open id="create-inbox" title=Signal::derive(|| t(k::INBOXES__CREATE))>
            {
                let created = RwSignal::new(None::<InboxId>);
                let name = RwSignal::new(String::new());
                let access = AccessState::new(&InboxAccess::Everyone);
                let error = RwSignal::new(None::<AppError>);
                let next = Action::new_local(move |input: &(String, InboxAccess)| {
                    let (name, access) = input.clone();
                    async move {
                        match settings::create_inbox(app, name.clone(), access).await {
                            Ok(id) => {
                                app.toast(ToastKind::Info, tf(k::INBOXES__CREATED, &[("name", &name.trim())]));
                                on_created.run(id.clone());
                                created.set(Some(id));
                            }
                            Err(err) => error.set(Some(err)),
                        }
                    }
                });
                let err_of = move |key: &'static str| {
                    Signal::derive(move || error.with(|e| e.as_ref().and_then(|e| e.field(key))))
                };
                let other_error = Signal::derive(move || {
                    error.with(|e| match e {
                        Some(e) if e.field(field::INBOX_NAME).is_none()
                            && e.field(field::ACCESS).is_none() => Some(e.translated()),
                        _ => None,
                    })
                });
                let name_error = err_of(field::INBOX_NAME);
                let done = Callback::new(move |()| open.set(false));
                move || match created.get() {
                    Some(id) => view! {
                        <p class="sb-step">{tf(k::COMMON__STEP, &[("step", &2), ("total", &2)])}</p>
                        <ConnectChannelForm inbox=id on_done=done later=true />
                    }
                    .into_any(),
                    None => view! {
                        <form
                            class="sb-form"
                            on:submit=move |ev| {
                                ev.prevent_default();
                                error.set(None);
                                next.dispatch((name.get_untracked(), access.access()));
                            }
                        >
                            <p class="sb-step">{tf(k::COMMON__STEP, &[("step", &1), ("total", &2)])}</p>
                            <FieldError id="create-form-error" error=other_error />
                            <label class="sb-field">
                                <span class="sb-field__label">{t(k::INBOXES__TEAM_INBOX_NAME)}</span>
                                <input
                                    class="sb-input"
                                    aria-describedby="create-name-error"
                                    aria-invalid=move || name_error.with(Option::is_some).to_string()
                                    prop:value=move || name.get()
                                    on:input=move |ev| name.set(event_target_value(&ev))
                                />
                            </label>
                            <FieldError id="create-name-error" error=name_error />
                            <AccessPicker state=access id="create" error=err_of(field::ACCESS) />
                            <div class="sb-dialog__actions">
                                <button type="button" class="sb-button" on:click=move |_| open.set(false)>
                                    {t(k::COMMON__CANCEL)}
                                </button>
                                <button type="submit" class="sb-button sb-button--primary" disabled=move || next.pending().get()>
                                    {t(k::COMMON__NEXT)}

                                </button>
                            </div>
                        </form>
                    }
                    .into_any(),
                }
            }
        </Modal>
    }
}
